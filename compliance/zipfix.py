"""Reproducible zip containers (docx, xlsx): same content, same bytes.

Office files are zips whose entries carry the time they were written; a letter or a
spreadsheet re-made from the same data must be byte-identical, so every entry gets a
fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold


def reproducible(data: bytes, date_time: tuple[int, int, int, int, int, int] = FIXED_TIME) -> bytes:
    """The zip `data` rewritten with the same entries, in the same order, at `date_time`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
