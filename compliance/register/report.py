"""`compliance status` outputs: a table for the terminal, JSON, and an XLSX sheet.

The table and the XLSX sheet are made from the same rows; their dates are Slovenian
(`2. 3. 2020`) with `--lang sl`, ISO otherwise, as text. JSON keeps ISO dates.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from typing import Any, Optional, Sequence

from compliance.messages import text
from compliance.register.cases import Case, SentLetter
from compliance.registry import Registry

COLUMNS = ("common.id", "common.municipality", "kind.first", "status.letter_date", "delivery.sent",
           "status.deadline", "status.reply", "kind.reminder", "status.state", "status.overdue")


def _day(value: Optional[dt.date], lang: str) -> str:
    if value is None:
        return ""
    if lang == "sl":
        from compliance.letters.typography import slovenian_date

        return slovenian_date(value)
    return value.isoformat()


def _sent(letter: SentLetter, lang: str) -> str:
    if letter.delivery == "sent":
        return _day(letter.sent_on, lang)
    return text(f"delivery.{letter.delivery}", lang)


def rows(cases: Sequence[Case], registry: Registry, lang: str) -> list[list[Any]]:
    out = []
    for case in cases:
        name = registry.get(case.municipality).name if case.municipality in registry else ""
        reminder = case.reminders[-1] if case.reminders else None
        out.append([
            case.municipality,
            name,
            case.letter.letter.number,
            _day(case.letter.letter.date, lang),
            _sent(case.letter, lang),
            _day(case.deadline, lang),
            ", ".join(_day(r.date, lang) for r in case.replies),
            f"{reminder.letter.number} ({_day(reminder.letter.date, lang)}, {_sent(reminder, lang)})" if reminder else "",
            text(f"state.{case.state}", lang),
            case.days_overdue if case.overdue else "",
        ])
    return out


def counts(cases: Sequence[Case]) -> dict[str, int]:
    found = {state: sum(1 for c in cases if c.state == state) for state in ("open", "answered", "closed")}
    return {"n": len(cases), **found, "overdue": sum(1 for c in cases if c.overdue)}


def table(cases: Sequence[Case], registry: Registry, year: int, as_of: dt.date, lang: str) -> str:
    from tabulate import tabulate

    title = text("status.title", lang, year=year, date=_day(as_of, lang))
    if not cases:
        return f"{title}\n{text('status.none', lang, year=year)}\n"
    body = tabulate(rows(cases, registry, lang), headers=[text(c, lang) for c in COLUMNS])
    return f"{title}\n\n{body}\n\n{text('status.counts', lang, **counts(cases))}\n"


def to_json(cases: Sequence[Case], year: int, as_of: dt.date) -> str:
    document = {"year": year, "as_of": as_of.isoformat(), "cases": [c.to_json() for c in cases]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def xlsx(cases: Sequence[Case], registry: Registry, year: int, as_of: dt.date, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.styles.fonts import DEFAULT_FONT
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter
    from zipfile import ZIP_DEFLATED, ZipFile

    from compliance.cells import add_styles, set_xlsx
    from compliance.zipfix import reproducible

    workbook = Workbook()
    sheet = workbook.create_sheet("Zadeve", 0)  # the only sheet (the default one is removed)
    workbook.remove(workbook.worksheets[1])
    # registered once, not per cell; bold in the body's font (a Font naming none shows in a serif)
    add_styles(workbook, {"zadeve-glava": {"font": Font(name=DEFAULT_FONT.name, size=DEFAULT_FONT.sz, bold=True)}})
    headers = [text(c, lang) for c in COLUMNS]
    for column, heading in enumerate(headers, start=1):
        set_xlsx(sheet.cell(row=1, column=column), heading, "zadeve-glava")
    body = rows(cases, registry, lang)
    for r, values in enumerate(body, start=2):
        for column, value in enumerate(values, start=1):
            set_xlsx(sheet.cell(row=r, column=column), value)
    for column, heading in enumerate(headers, start=1):
        width = max([len(str(heading))] + [len(str(sheet.cell(row=r, column=column).value or ""))
                                           for r in range(2, len(body) + 2)])
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    sheet.freeze_panes = "C2"
    # printed on one page width, landscape: eleven columns do not fit a portrait page
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    moment = dt.datetime.combine(as_of, dt.time(0, 0))  # from the data, not the clock
    workbook.properties.created = workbook.properties.modified = moment
    workbook.properties.creator = "compliance"
    workbook.properties.title = f"ZRomS-1 {year}: zadeve"
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return reproducible(buffer.getvalue())
