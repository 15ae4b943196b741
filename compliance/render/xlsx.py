"""`--format xlsx`: the findings as a workbook for review in Excel or LibreOffice.

Sheet "Pregled" (Overview) is the matrix municipality × obligation, sheet "Ugotovitve"
(Findings) has a row per municipality and obligation with the grade and why: the same rows
as the CSV. Each sheet opens with a title row (year and generation date), then the header;
sheet names, headers and words follow `--lang`. Rows are high enough for their wrapped
text (LibreOffice does not grow them on load), the font is Arial (Liberation Sans, with
the same metrics, on Linux), and both sheets print on A4 landscape, one page wide, with the
title and header on every page. Every cell is written through `cells.set_xlsx`: evidence
that begins with `=` stays text. Same findings and date, same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from typing import Any, Optional
from zipfile import ZIP_DEFLATED, ZipFile

from compliance.cells import add_styles, set_xlsx
from compliance.findings import Assessment, Finding
from compliance.messages import text, texts
from compliance.registry import Registry
from compliance.render.html import GRADE_STYLE  # one palette for the page and the sheets
from compliance.render.review import (
    DECIDED, FINDING_COLUMNS, decision_notes, finding_row, findings_in_order, generated_on, kinds, obligation_heading, ordered, yes_no,
)
from compliance.render.table import stale_markers
from compliance.vocabulary import Grade, Obligation, label
from compliance.zipfix import reproducible

FONT = "Arial"  # on Windows; LibreOffice on Linux uses the metric-compatible Liberation Sans
FONT_SIZE = 10
LINE_HEIGHT = 13.0  # points per line of 10 pt text, with the leading both programs use
HEADER_ROW = 2  # row 1 is the title
MAX_WIDTH = 40

# Findings sheet: columns that wrap, by their width in characters; the others fit their content.
WRAPPED_WIDTH = {"obligation": 15, "kind": 11, "grade": 13, "decision": 22, "basis": 13, "provenance": 13,
                 "finding": 36, "reasons": 32, "evidence": 50, "basis_text": 85}
# The printed part of the findings sheet: from the municipality to the evidence (ID, region
# and councillor are for filtering on screen).
PRINTED_FINDING_COLUMNS = FINDING_COLUMNS.index("evidence") + 1


def render(assessment: Assessment, registry: Registry, lang: str = "sl", generated: Optional[dt.date] = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook()
    add_styles(workbook, _styles())
    matrix = workbook.worksheets[0]
    matrix.title = text("review.sheet_matrix", lang)
    title = _title(assessment, lang, generated)
    _fill_matrix(matrix, assessment, registry, lang, title)
    _fill_findings(workbook.create_sheet(text("review.sheet_findings", lang)), assessment, registry, lang, title)

    # openpyxl stamps the current time into the document properties; the generation date
    # (or, without one, the end of the report year) keeps the file the same from run to run.
    moment = dt.datetime.combine(generated, dt.time()) if generated else dt.datetime(assessment.year, 12, 31)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "compliance"
    workbook.properties.title = title
    buffer = io.BytesIO()
    # save_workbook() would overwrite `modified` with now(); ExcelWriter keeps what is set.
    with ZipFile(buffer, "w", ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).save()
    return reproducible(buffer.getvalue())


def _title(assessment: Assessment, lang: str, generated: Optional[dt.date]) -> str:
    title = text("review.title", lang, year=assessment.year)
    when = generated_on(generated, lang)
    return f"{title} · {when}" if when else title


def _fill_matrix(sheet, assessment: Assessment, registry: Registry, lang: str, title: str) -> None:
    h = texts("column", lang)
    kind = kinds(assessment)
    markers = stale_markers(assessment, lang)
    headers = [h["municipality"], h["region"], h["councillor"], h["provenance"]]
    headers += [obligation_heading(o, kind.get(o), lang) for o in Obligation] + [h["id"]]
    _write(sheet, 1, [title], TITLE)
    _write(sheet, HEADER_ROW, headers, HEADER)
    first_grade = 5
    row = HEADER_ROW  # counted here: openpyxl's max_row scans every cell (quadratic)
    for ident in ordered(assessment, registry):
        municipality = registry.get(ident)
        findings = {f.obligation: f for f in assessment.of(ident)}
        # the age of the facts judged (the reporting finding is the year's own overview)
        said = next((f.provenance_label(lang) for o, f in findings.items() if o != Obligation.REPORTING), None)
        row += 1
        _write(sheet, row, [
            municipality.name, municipality.region, yes_no(municipality.roma_seat, lang),
            said,
            *(_grade_word(findings[o], lang, markers) if o in findings else None for o in Obligation),
            ident,
        ], [BODY] * (first_grade - 1) + [_grade_style(findings.get(o)) for o in Obligation] + [BODY])
    last = row
    widths: dict[int, Optional[int]] = {index: None for index in range(1, len(headers) + 1)}
    for column in range(first_grade, first_grade + len(Obligation)):
        widths[column] = 18  # grade words; the heading (with the kind) wraps
    _finish(sheet, widths, last, lang)
    notes = [f"{marker} {words}" for words, marker in markers.items()] + decision_notes(assessment, registry, lang)
    for offset, note in enumerate(notes, start=2):
        _write(sheet, last + offset, [note], NOTE)


def _grade_word(finding: Finding, lang: str, markers: dict[str, str]) -> str:
    marker = markers.get(finding.provenance_text(lang), "")
    return finding.grade_label(lang) + (DECIDED if finding.decision is not None else "") + marker


def _fill_findings(sheet, assessment: Assessment, registry: Registry, lang: str, title: str) -> None:
    h = texts("column", lang)
    _write(sheet, 1, [title], TITLE)
    _write(sheet, HEADER_ROW, [h[key] for key in FINDING_COLUMNS], HEADER)
    row = HEADER_ROW  # counted here: openpyxl's max_row scans every cell (quadratic)
    for finding in findings_in_order(assessment, registry):
        values = finding_row(finding, registry, lang)
        row += 1
        _write(sheet, row, [values[key] for key in FINDING_COLUMNS],
               [_grade_style(finding) if key == "grade" else BODY for key in FINDING_COLUMNS])
    widths = {
        index: WRAPPED_WIDTH.get(key) for index, key in enumerate(FINDING_COLUMNS, start=1)
    }
    _finish(sheet, widths, row, lang, print_columns=PRINTED_FINDING_COLUMNS)


# Named styles, registered once per workbook (cells.add_styles): the title, the bold header,
# the body text (wrapped, at the top of its row), the notes under the matrix, and a grade's colours.
TITLE, HEADER, BODY, NOTE = "compliance-title", "compliance-header", "compliance-body", "compliance-note"


def _grade_style(finding: Optional[Finding]) -> str:
    return BODY if finding is None else f"compliance-grade-{finding.grade.value}"


def _styles() -> dict[str, dict[str, Any]]:
    from openpyxl.styles import Alignment, Font, PatternFill

    top = Alignment(wrap_text=True, vertical="top")
    styles: dict[str, dict[str, Any]] = {
        TITLE: {"font": Font(name=FONT, size=12, bold=True)},
        HEADER: {"font": Font(name=FONT, size=FONT_SIZE, bold=True), "alignment": top},
        BODY: {"font": Font(name=FONT, size=FONT_SIZE), "alignment": top},
        NOTE: {"font": Font(name=FONT, size=FONT_SIZE)},
    }
    for grade in Grade:
        style = GRADE_STYLE[grade]
        styles[f"compliance-grade-{grade.value}"] = {
            "font": Font(name=FONT, size=FONT_SIZE, color=_argb(style["text"]), bold=grade is Grade.NON_COMPLIANT),
            "fill": PatternFill("solid", fgColor=_argb(style["background"])),
            "alignment": top,
        }
    return styles


def _write(sheet, row: int, values: list[Any], styles: "str | list[str]") -> None:
    for column, value in enumerate(values, start=1):
        style = styles if isinstance(styles, str) else styles[column - 1]
        set_xlsx(sheet.cell(row=row, column=column), value, style)


def _finish(sheet, widths: dict[int, Optional[int]], last_row: int, lang: str, print_columns: Optional[int] = None) -> None:
    """Frozen title and header, autofilter, column widths (fixed ones wrap), row heights
    that fit the wrapped text, and the print setup."""
    from openpyxl.utils import get_column_letter

    last_column = get_column_letter(len(widths))
    sheet.freeze_panes = f"B{HEADER_ROW + 1}"  # the title, the header and the municipality stay
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last_column}{last_row}"

    fitted: dict[int, int] = {}
    wrapped = {index for index, width in widths.items() if width is not None}
    for index, width in widths.items():
        letter = get_column_letter(index)
        if width is None:
            longest = max(
                (len(line) for row in range(HEADER_ROW + 1, last_row + 1)
                 for line in str(sheet.cell(row, index).value or "").split("\n")),
                default=6,
            )
            width = min(max(longest, 6) + 2, MAX_WIDTH)
        fitted[index] = width
        sheet.column_dimensions[letter].width = width
    for row in range(HEADER_ROW, last_row + 1):
        lines = max(_lines(sheet.cell(row, index).value, width if index in wrapped else None)
                    for index, width in fitted.items())
        sheet.row_dimensions[row].height = lines * LINE_HEIGHT + 3

    # A4 landscape, one page wide, the title and header on every page, page x of y.
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as needed
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{HEADER_ROW}"
    sheet.print_options.gridLines = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    if print_columns:
        sheet.print_area = f"A1:{get_column_letter(print_columns)}{last_row}"
    sheet.oddFooter.right.text = text("review.page", lang)
    sheet.oddFooter.left.text = str(sheet["A1"].value or "")


# Characters of 10 pt Arial text per unit of column width (the width of a "0" in the
# default 11 pt font): about 1.4 measured in LibreOffice's PDF; less, because whole words wrap.
CHARS_PER_WIDTH = 1.3


def _lines(value: Any, width: Optional[int]) -> int:
    """How many lines a cell needs: one per paragraph in a fitted column (`width` None), and
    in a wrapping column as many as its text fills (a little generously: a row too high is
    better than overprinted text)."""
    if value is None:
        return 1
    paragraphs = str(value).split("\n")
    if width is None:
        return len(paragraphs)
    usable = max(width * CHARS_PER_WIDTH - 1, 1)
    return sum(max(1, math.ceil(len(paragraph) / usable)) for paragraph in paragraphs)


def _argb(colour: str) -> str:
    return "FF" + colour.lstrip("#").upper()
