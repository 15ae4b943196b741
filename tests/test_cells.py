"""Text cells never become formulas and never crash the writers."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest

from compliance.cells import csv_text, set_xlsx


@pytest.mark.parametrize("value", ["=1+1", "+SUM(A1)", "-2", "@cmd", "\tx", "\rx"])
def test_formula_prefixes_are_neutralised_in_csv(value):
    out = io.StringIO()
    csv.writer(out).writerow([csv_text(value), csv_text(7)])
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["'" + value, "7"]


@pytest.mark.parametrize("value", ["=HYPERLINK(\"http://x\")", "+1", "-1", "@A1", "plain"])
def test_xlsx_text_stays_text(value):
    book = openpyxl.Workbook()
    set_xlsx(book.active["A1"], value)
    buffer = io.BytesIO()
    book.save(buffer)
    cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]
    assert (cell.value, cell.data_type) == (value, "s")


def test_xlsx_control_characters_do_not_crash_and_numbers_stay_numbers():
    book = openpyxl.Workbook()
    set_xlsx(book.active["A1"], "Ob\x0bčina\x01")
    set_xlsx(book.active["A2"], 2019)
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    assert sheet["A1"].value == "Ob\ufffdčina\ufffd"
    assert sheet["A2"].value == 2019


def test_a_named_style_keeps_text_text_and_its_look():
    """Writers style cells by a style registered once (cells.add_styles): the style must not
    drop the quote prefix that keeps `=...` text, and the cell shows the style's font."""
    from openpyxl.styles import Alignment, Font

    from compliance.cells import add_styles

    book = openpyxl.Workbook()
    add_styles(book, {"body": {"font": Font(name="Arial", size=10), "alignment": Alignment(wrap_text=True)}})
    set_xlsx(book.active["A1"], "=HYPERLINK(\"http://x\")", "body")
    set_xlsx(book.active["A2"], "plain", "body")
    buffer = io.BytesIO()
    book.save(buffer)
    sheet = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active
    for cell, prefixed in ((sheet["A1"], True), (sheet["A2"], False)):
        assert cell.data_type == "s" and bool(cell.quotePrefix) is prefixed
        assert (cell.font.name, cell.font.sz, cell.alignment.wrap_text, cell.style) == ("Arial", 10, True, "body")
