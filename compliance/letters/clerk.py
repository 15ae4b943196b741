"""The clerk's list of a batch: `seznam-dopisov.xlsx` and `seznam-dopisov.csv`.

One row per letter: Številka, Občina, e-pošta, razlogi, rok za odgovor, the letter's PDF,
remarks (doubtful addresses, draft), and empty columns "poslano" and "odgovor prejet" for
the clerk to fill in. Slovenian, as the letters. The CSV is for Slovenian Excel: UTF-8
with a BOM, `;` as separator. Every text cell goes through compliance.cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Sequence

from compliance.cells import add_styles, csv_text, set_xlsx
from compliance.letters.compose import Letter
from compliance.letters.typography import slovenian_date
from compliance.messages import text
from compliance.vocabulary import label
from compliance.zipfix import reproducible

NAME = "seznam-dopisov"
NAMES = (f"{NAME}.xlsx", f"{NAME}.csv")
LANG = "sl"
# Column headings (catalog ids), with their widths in the sheet.
COLUMNS = {
    "letters.list.number": 22, "column.municipality": 26, "common.email": 34, "letters.reasons": 40,
    "letters.reply_by": 14, "letters.list.pdf": 18, "letters.list.remarks": 60, "delivery.sent": 12,
    "letters.list.replied": 16,
}


def remarks(letter: Letter) -> list[str]:
    """What the clerk must know before sending: doubtful addresses, a draft letter."""
    out = [text("letters.list.unconfirmed_email", LANG, email=e) for e in letter.municipality.unconfirmed_emails]
    if letter.draft:
        out.append(text("letters.list.draft", LANG))
    return out


def rows(letters: Sequence[Letter], pdf_names: dict[str, str]) -> list[list[str]]:
    header = [text(key, LANG) for key in COLUMNS]
    body = [
        [
            letter.number,
            letter.municipality.name,
            ", ".join(letter.recipients),
            ", ".join(label(o, LANG) for o in letter.reasons),
            slovenian_date(letter.deadline),
            pdf_names.get(letter.municipality.id, ""),
            "; ".join(remarks(letter)),
            "",
            "",
        ]
        for letter in letters
    ]
    return [header, *body]


def csv_bytes(table: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in table:
        writer.writerow([csv_text(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(table: list[list[str]], date: dt.date) -> bytes:
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.styles.fonts import DEFAULT_FONT
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    sheet = workbook.create_sheet("Dopisi", 0)  # the only sheet (the default one is removed)
    workbook.remove(workbook.worksheets[1])
    top = Alignment(wrap_text=True, vertical="top")
    # the header bold in the body's font (a Font naming none shows in a serif in LibreOffice)
    add_styles(workbook, {"dopisi-glava": {"font": Font(name=DEFAULT_FONT.name, size=DEFAULT_FONT.sz, bold=True), "alignment": top},
                          "dopisi": {"font": DEFAULT_FONT, "alignment": top}})
    for r, row in enumerate(table, start=1):
        for c, value in enumerate(row, start=1):
            set_xlsx(sheet.cell(row=r, column=c), value, "dopisi-glava" if r == 1 else "dopisi")
    for c, width in enumerate(COLUMNS.values(), start=1):
        sheet.column_dimensions[get_column_letter(c)].width = width
    sheet.freeze_panes = "A2"
    # A fixed moment from the data (the letters' date) keeps the file the same from run to run.
    moment = dt.datetime.combine(date, dt.time(0, 0))
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.creator = "compliance"
    workbook.properties.title = "Seznam dopisov"
    workbook.properties.language = "sl-SI"
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return reproducible(buffer.getvalue())
