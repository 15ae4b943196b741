"""Reading the report as staff receive it: plain text, a Word file or a PDF with text.

The kind is told by the file's first bytes (a PDF or a zip), not only by its name, so a
report saved with the wrong extension still reads. Every format gives lines of text; the
same text gives the same draft whatever the format.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from compliance.errors import DataError, Problem


@dataclass(frozen=True)
class Report:
    path: Path
    kind: str  # text | docx | pdf
    lines: tuple[str, ...]
    places: tuple[str, ...]  # where each line stands in the file, for messages

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _problem(path: Path, message: str) -> DataError:
    return DataError([Problem(path, message)])


def _clean(text: str) -> str:
    # Word and PDF text: composed characters, no soft hyphens or non-breaking spaces.
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u00a0", " ")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(path: Path, data: bytes) -> Report:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _problem(path, f"not UTF-8 text (byte {exc.start}); expected plain UTF-8 text, a .docx or a PDF") from None
    lines = tuple(unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return Report(path, "text", lines, tuple(f"line {n}" for n in range(1, len(lines) + 1)))


def _read_docx(path: Path, data: bytes) -> Report:
    import docx  # python-docx: imported only for Word files
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise _problem(path, f"cannot read the Word file: {exc or type(exc).__name__}") from None
    lines: list[str] = []
    places: list[str] = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        for line in _clean(paragraph.text).split("\n"):
            lines.append(line)
            places.append(f"paragraph {number}")
    return Report(path, "docx", tuple(lines), tuple(places))


def _read_pdf(path: Path, data: bytes) -> Report:
    from pypdf import PdfReader  # imported only for PDFs
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _problem(path, "the PDF is encrypted; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DataError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise _problem(path, f"cannot read the PDF: {exc or type(exc).__name__}") from None
    lines: list[str] = []
    places: list[str] = []
    for number, page in enumerate(pages, start=1):
        for line in _clean(page).split("\n"):
            lines.append(line)
            places.append(f"page {number}")
    return Report(path, "pdf", tuple(lines), tuple(places))


def read_report(path: Path) -> Report:
    """The report's lines; an unreadable file or one without text is a DataError."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _problem(path, "file not found") from None
    except OSError as exc:
        raise _problem(path, f"cannot read file: {exc.strerror or exc}") from None
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or (suffix == ".pdf" and data):
        report = _read_pdf(path, data)
    elif data.startswith(b"PK\x03\x04") or suffix == ".docx":
        report = _read_docx(path, data)
    elif suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _problem(path, "an old Word .doc file; save it as .docx (or as text) first")
    else:
        report = _read_text(path, data)
    if not report.text.strip():
        hint = " (a scanned PDF has no text layer: run OCR first)" if report.kind == "pdf" else ""
        raise _problem(path, f"the file has no text{hint}")
    return report
