"""`--format xlsx`: the findings as a spreadsheet for review in Excel or LibreOffice.

Sheet "Pregled" is the matrix municipality × obligation, sheet "Ugotovitve" has a row per
municipality and obligation with the grade and why. The sheet names are the Office's and
stay Slovenian; headers and grade words follow `--lang`. Same findings, same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
from zipfile import ZIP_DEFLATED, ZipFile

from compliance.cells import append_xlsx
from compliance.findings import Assessment
from compliance.messages import text, texts
from compliance.registry import Registry
from compliance.render.html import GRADE_STYLE  # one palette for the page and the sheets
from compliance.vocabulary import Grade, Obligation, label
from compliance.zipfix import reproducible

SHEET_MATRIX = "Pregled"
SHEET_FINDINGS = "Ugotovitve"

MAX_WIDTH = 60  # wider text columns wrap instead
WRAPPED_WIDTH = {"finding": 60, "evidence": 90, "basis_text": 40}  # by column.* heading id


def render(assessment: Assessment, registry: Registry, lang: str = "sl") -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    matrix = workbook.active
    matrix.title = SHEET_MATRIX
    _fill_matrix(matrix, assessment, registry, lang)
    _fill_findings(workbook.create_sheet(SHEET_FINDINGS), assessment, registry, lang)

    # openpyxl stamps the current time into the document properties; a fixed moment from
    # the data (the end of the report year) keeps the file the same from run to run.
    moment = dt.datetime(assessment.year, 12, 31)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "compliance"
    workbook.properties.title = f"ZRomS-1 {assessment.year}"
    buffer = io.BytesIO()
    # save_workbook() would overwrite `modified` with now(); ExcelWriter keeps what is set.
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return reproducible(buffer.getvalue())


def _yes_no(value: bool, lang: str) -> str:
    return text("common.yes" if value else "common.no", lang)


def _fill_matrix(sheet, assessment: Assessment, registry: Registry, lang: str) -> None:
    h = texts("column", lang)
    keys = ["id", "municipality", "region", "councillor", "provenance"] + [o.value for o in Obligation]
    append_xlsx(sheet, [h[k] for k in keys[:5]] + [label(o, lang) for o in Obligation])
    for ident in assessment.municipalities:
        municipality = registry.get(ident)
        findings = {f.obligation: f for f in assessment.of(ident)}
        said = next((f.provenance_label(lang) for f in findings.values() if f.obligation != Obligation.REPORTING), None)
        append_xlsx(
            sheet,
            [ident, municipality.name, municipality.region, _yes_no(municipality.roma_seat, lang),
             said]
            + [label(findings[o].grade, lang) if o in findings else None for o in Obligation]
        )
        for column, obligation in enumerate(Obligation, start=len(keys) - len(Obligation) + 1):
            if obligation in findings:
                _style_grade(sheet.cell(row=sheet.max_row, column=column), findings[obligation].grade)
    _finish(sheet, keys, freeze="C2", fit_width=True)


def _fill_findings(sheet, assessment: Assessment, registry: Registry, lang: str) -> None:
    from openpyxl.styles import Alignment

    h = texts("column", lang)
    keys = ["id", "municipality", "region", "councillor", "obligation", "grade", "kind", "rule",
            "basis", "basis_text", "provenance", "finding", "evidence"]
    append_xlsx(sheet, [h[k] for k in keys])
    grade_column = keys.index("grade") + 1
    for finding in assessment.findings:
        municipality = registry.get(finding.municipality)
        append_xlsx(sheet, [
            finding.municipality, municipality.name, municipality.region,
            _yes_no(municipality.roma_seat, lang),
            label(finding.obligation, lang), label(finding.grade, lang), label(finding.kind, lang),
            finding.rule, finding.basis.citation, finding.basis.text or None, finding.provenance_label(lang),
            finding.message(lang), "\n".join(finding.evidence) or None,
        ])
        row = sheet.max_row
        _style_grade(sheet.cell(row=row, column=grade_column), finding.grade)
        for key in WRAPPED_WIDTH:
            sheet.cell(row=row, column=keys.index(key) + 1).alignment = Alignment(wrap_text=True, vertical="top")
    _finish(sheet, keys, freeze="C2")


def _style_grade(cell, grade: Grade) -> None:
    from openpyxl.styles import Font, PatternFill

    style = GRADE_STYLE[grade]
    cell.fill = PatternFill("solid", fgColor=_argb(style["background"]))
    cell.font = Font(color=_argb(style["text"]), bold=grade is Grade.NON_COMPLIANT)


def _finish(sheet, keys: list[str], freeze: str, fit_width: bool = False) -> None:
    """Bold frozen header, autofilter over the whole table, widths from the content, print setup."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = freeze
    sheet.auto_filter.ref = sheet.dimensions
    # Printed on A4 landscape with the header on every page. Only the matrix is scaled to
    # one page wide: the findings sheet would shrink to an unreadable size.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "1:1"
    if fit_width:
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0  # as many pages down as needed
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    for index, key in enumerate(keys, start=1):
        letter = get_column_letter(index)
        if key in WRAPPED_WIDTH:
            sheet.column_dimensions[letter].width = WRAPPED_WIDTH[key]
            continue
        longest = max(
            (len(line) for cell in sheet[letter] if cell.value is not None for line in str(cell.value).split("\n")),
            default=8,
        )
        sheet.column_dimensions[letter].width = min(max(longest, 6) + 2, MAX_WIDTH)


def _argb(colour: str) -> str:
    return "FF" + colour.lstrip("#").upper()
