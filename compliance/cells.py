"""Text from data made safe for spreadsheet cells: never a formula, never a crash.

Evidence, names and notes are copied verbatim from municipalities' prose and from files
staff edit, so any of them may begin with `=`, `+`, `-` or `@` (or a tab or carriage
return), which Excel and LibreOffice would otherwise read as a formula. Every CSV and XLSX
writer in the tool passes its text cells through here.
"""

from __future__ import annotations

from typing import Any, Optional

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> Any:
    """A CSV field that a spreadsheet shows as the text it is: a leading `'` before a
    formula prefix (the convention Excel and LibreOffice honour). Non-text is unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def xlsx_text(value: Any) -> Any:
    """A value for an openpyxl cell with the characters XML cannot hold replaced by U+FFFD
    (openpyxl raises on them). Write it with `set_xlsx` so that it stays text."""
    if not isinstance(value, str):
        return value
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)


def add_styles(workbook: Any, styles: dict[str, dict[str, Any]]) -> None:
    """Register each style once, by name (openpyxl's NamedStyle; the values are its keyword
    arguments: font, alignment, fill). A cell given the name (`set_xlsx(..., style=name)`)
    copies a small array; a Font or Alignment made per cell is hashed and looked up every
    time, which made a 2,000-municipality workbook take most of its time in styling."""
    from openpyxl.styles import NamedStyle

    for name, parts in styles.items():
        workbook.add_named_style(NamedStyle(name=name, **parts))


def set_xlsx(cell: Any, value: Any, style: Optional[str] = None) -> None:
    """Put `value` in an openpyxl cell as a literal: text stays text even when it starts
    with `=` (openpyxl would store it as a formula), numbers and dates stay as they are.
    `style` names a style registered with `add_styles` (set first: it replaces the cell's
    whole style, and the text's quote prefix belongs on top of it)."""
    if style is not None:
        cell.style = style
    cell.value = xlsx_text(value)
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(FORMULA_PREFIXES):
            cell.quotePrefix = True  # shown and edited as text in Excel and LibreOffice
