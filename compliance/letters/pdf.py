"""The letter as PDF/A (`<id>.pdf`): the document that is sent and kept on file.

Rendered by WeasyPrint from the print-ready HTML letter, as PDF/A-2u (archival, text
extractable as Unicode, sRGB output intent, XMP metadata). The dates in the metadata are
the letter's (from the HTML's dcterms meta), so the same letter gives the same bytes.
"""

from __future__ import annotations

import logging

VARIANT = "pdf/a-2u"


def render(html: str) -> bytes:
    import weasyprint

    # WeasyPrint logs CSS it ignores (e.g. the screen-only rules) as warnings: not for users.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint.HTML(string=html, base_url=None).write_pdf(pdf_variant=VARIANT)
