"""Reading the report as staff receive it: plain text, a Word file or a PDF with text.

The kind is told by the file's first bytes (a PDF or a zip), not only by its name, so a
report saved with the wrong extension still reads. Every format gives lines of text; the
same text gives the same draft whatever the format.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from compliance.errors import DataError, Problem
from compliance.messages import msg

# The 2019 report is 30 KB of text and a few hundred KB as a Word file or PDF; far larger
# input is not a report (an endless device, a zip bomb) and is refused before it is parsed.
MAX_REPORT_BYTES = 50_000_000
MAX_UNPACKED_BYTES = 200_000_000  # a Word file's parts, uncompressed


def normalise_space(text: str) -> str:
    """Runs of white space as one space: evidence is quoted across the source's line breaks."""
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Report:
    path: Path
    kind: str  # text | docx | pdf
    lines: tuple[str, ...]
    places: tuple  # where each line stands in the file (catalog messages), for messages

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def _problem(path: Path, message_id: str, **params) -> DataError:
    return DataError([Problem(path, msg(message_id, **params))])


def _clean(text: str) -> str:
    # Word and PDF text: composed characters, no soft hyphens or non-breaking spaces.
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("\u00a0", " ")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_text(path: Path, data: bytes) -> Report:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _problem(path, "sources.not_utf8", byte=exc.start) from None
    lines = tuple(unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    return Report(path, "text", lines, tuple(msg("place.line", n=n) for n in range(1, len(lines) + 1)))


def _read_docx(path: Path, data: bytes) -> Report:
    import docx  # python-docx: imported only for Word files
    from docx.opc.exceptions import PackageNotFoundError

    from lxml.etree import XMLSyntaxError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(info.file_size for info in package.infolist()) > MAX_UNPACKED_BYTES:
                raise _problem(path, "sources.too_large", limit=MAX_UNPACKED_BYTES // 1_000_000)
        document = docx.Document(io.BytesIO(data))
    except DataError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, XMLSyntaxError, OSError) as exc:
        raise _problem(path, "sources.docx_unreadable", reason=str(exc) or type(exc).__name__) from None
    lines: list[str] = []
    places: list = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        for line in _clean(paragraph.text).split("\n"):
            lines.append(line)
            places.append(msg("place.paragraph", n=number))
    return Report(path, "docx", tuple(lines), tuple(places))


def _read_pdf(path: Path, data: bytes) -> Report:
    import logging

    from pypdf import PdfReader  # imported only for PDFs
    from pypdf.errors import PdfReadError

    # pypdf logs what it repairs (in English, to stderr); the user gets our message or the text.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise _problem(path, "sources.pdf_encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DataError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise _problem(path, "sources.pdf_unreadable", reason=str(exc) or type(exc).__name__) from None
    lines: list[str] = []
    places: list = []
    for number, page in enumerate(pages, start=1):
        for line in _clean(page).split("\n"):
            lines.append(line)
            places.append(msg("place.page", n=number))
    return Report(path, "pdf", tuple(lines), tuple(places))


def read_report(path: Path) -> Report:
    """The report's lines; an unreadable file or one without text is a DataError."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():  # a FIFO would block, /dev/zero never end
            raise _problem(path, "file.not_regular")
        with path.open("rb") as handle:
            data = handle.read(MAX_REPORT_BYTES + 1)
        if len(data) > MAX_REPORT_BYTES:
            raise _problem(path, "sources.too_large", limit=MAX_REPORT_BYTES // 1_000_000)
    except FileNotFoundError:
        raise _problem(path, "file.not_found") from None
    except OSError as exc:
        raise _problem(path, "file.unreadable", reason=exc.strerror or exc) from None
    suffix = path.suffix.lower()
    if data.startswith(b"%PDF") or (suffix == ".pdf" and data and not data.startswith(b"PK\x03\x04")):
        report = _read_pdf(path, data)
    elif data.startswith(b"PK\x03\x04") or suffix == ".docx":
        report = _read_docx(path, data)
    elif suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _problem(path, "sources.old_doc")
    else:
        report = _read_text(path, data)
    if not report.text.strip():
        raise _problem(path, "sources.no_text_pdf" if report.kind == "pdf" else "sources.no_text")
    return report
