"""Text fields staff type into the data files: printable, of a sensible length.

A name goes into e-mail headers, spreadsheet cells, file names and the terminal, so a
control character (a line break could forge an e-mail header, ESC drives the terminal),
an invisible formatting mark or a megabyte-long name is refused when the file is read,
with the field and the position, instead of crashing a writer later.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from compliance.messages import Invalid

# Control, format (invisible, bidirectional), surrogate, private-use and unassigned
# characters, and the Unicode line and paragraph separators.
_REFUSED = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}
MAX_NAME = 200  # the longest municipality name is 41 characters
MAX_TEXT = 5000  # a note of several paragraphs


def refused_character(text: str, allow: str = "") -> tuple[int, str] | None:
    """The first character (1-based position, character) that text fields may not hold."""
    for position, char in enumerate(text, 1):
        if char not in allow and unicodedata.category(char) in _REFUSED:
            return position, char
    return None


def _printable(text: str, allow: str = "") -> str:
    found = refused_character(text, allow)
    if found:
        position, char = found
        raise Invalid("text.control", code=f"U+{ord(char):04X}", position=position)
    return text


def _one_line(text: str) -> str:
    if not text.strip():
        raise Invalid("text.blank")
    return _printable(text)


# A name: one line, printable, at most MAX_NAME characters.
Name = Annotated[str, StringConstraints(max_length=MAX_NAME), AfterValidator(_one_line)]
# Free text such as a note: line breaks allowed, nothing else invisible.
Text = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(lambda t: _printable(t, "\n"))]
