"""`compliance check --format csv` from the reviewer's side: it opens as a table, a row per
municipality and obligation, and says the same as the spreadsheet and the HTML report."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from compliance.vocabulary import Obligation, label
from conftest import DATA, RULES


@pytest.fixture(scope="module")
def bundled():
    from compliance.assess import assess

    return assess(DATA, RULES, 2019)


def rows_of(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_a_row_per_municipality_and_obligation_with_a_header(cli, bundled):
    registry, assessment = bundled
    result = cli("check", "--year", "2019", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = rows_of(result.stdout)
    assert {"municipality", "obligation", "grade", "rule_grade", "rule", "basis", "provenance", "stated_in", "evidence"} <= set(rows[0])
    assert [(r["municipality"], r["obligation"]) for r in rows] == [
        (m, o.value) for m in registry.ids for o in Obligation
    ]
    for row, finding in zip(rows, assessment.findings):
        assert row["grade"] == finding.grade.value
        assert row["provenance"] == finding.provenance.value
        assert row["stated_in"] == ("" if finding.stated_in is None else str(finding.stated_in))
    # UTF-8: the names keep their letters
    assert "Občina Črenšovci" in {r["name"] for r in rows}


def test_csv_out_file_is_the_same_as_stdout(cli, tmp_path):
    out = tmp_path / "ugotovitve.csv"
    written = cli("check", "--year", "2019", "--format", "csv", "--out", str(out))
    assert written.exit_code == 0, written.output
    printed = cli("check", "--year", "2019", "--format", "csv").stdout_bytes
    assert out.read_bytes() == printed


def test_csv_and_spreadsheet_say_the_same(cli, tmp_path, bundled):
    """Whichever file a lawyer opens, each finding reads the same."""
    book = tmp_path / "ugotovitve.xlsx"
    assert cli("check", "--year", "2019", "--format", "xlsx", "--out", str(book)).exit_code == 0
    sheet = load_workbook(book)["Ugotovitve"]
    header, *cells = [[c.value for c in row] for row in sheet.iter_rows()]
    spreadsheet = [dict(zip(header, row)) for row in cells]
    rows = rows_of(cli("check", "--year", "2019", "--format", "csv").stdout)
    assert len(rows) == len(spreadsheet) == 27 * len(Obligation)
    grade_by_label = {label(f.grade, "sl"): f.grade.value for f in bundled[1].findings}
    for row, sheet_row, finding in zip(rows, spreadsheet, bundled[1].findings):
        assert row["municipality"] == sheet_row["ID"]
        assert row["name"] == sheet_row["Občina"]
        assert label(Obligation(row["obligation"]), "sl") == sheet_row["Obveznost"]
        assert row["grade"] == grade_by_label[sheet_row["Ocena"]]
        assert row["rule"] == sheet_row["Pravilo"]
        assert row["basis"] == sheet_row["Pravna podlaga"]
        assert row["provenance"] == finding.provenance.value
        assert sheet_row["Izvor podatkov"] == finding.provenance_label("sl")
        assert row["message"] == sheet_row["Ugotovitev"]
        assert row["evidence"].split(" | ") == (sheet_row["Dokazi iz poročila"] or "").split("\n")


def test_csv_messages_in_english_with_lang_en(cli, bundled):
    _, assessment = bundled
    rows = rows_of(cli("check", "--year", "2019", "--format", "csv", "--lang", "en").stdout)
    assert [r["message"] for r in rows] == [f.message("en") for f in assessment.findings]
