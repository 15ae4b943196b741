"""Follow-up letters to municipalities that did not report or fall short of a duty.

`compose` decides what a letter says (from the findings and the rule files' paragraphs),
the writers (`html`, `pdf` from the HTML, `docx`, `txt`, `eml`) lay it out from the templates in
`compliance/bundled/templates/`, and `batch` writes a whole batch at once or not at all.
"""

from __future__ import annotations

from compliance import paths

# Staff restyle these (the .docx in Word) without touching code.
TEMPLATES_DIR = paths.TEMPLATES_DIR

FORMATS = ("pdf", "docx", "html", "txt", "eml")
