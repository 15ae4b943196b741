"""The findings as a spreadsheet: sheets "Pregled" and "Ugotovitve", read back with openpyxl."""

from __future__ import annotations

import io
import zipfile

import pytest
from openpyxl import load_workbook

from compliance.render import xlsx
from compliance.render.html import GRADE_STYLE
from compliance.vocabulary import Grade, Obligation, label
from test_html_sample import sample


@pytest.fixture(scope="module")
def assessment_registry():
    return sample()


@pytest.fixture(scope="module")
def workbook(assessment_registry):
    return load_workbook(io.BytesIO(xlsx.render(*assessment_registry, "sl")))


def values(sheet) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_two_sheets_pregled_and_ugotovitve(workbook):
    assert workbook.sheetnames == ["Pregled", "Ugotovitve"]


def test_pregled_is_the_matrix(workbook, assessment_registry):
    assessment, registry = assessment_registry
    rows = values(workbook["Pregled"])
    assert rows[0] == ["ID", "Občina", "Regija", "Voli predstavnika romske skupnosti", "Izvor podatkov"] + [label(o, "sl") for o in Obligation]
    assert [r[0] for r in rows[1:]] == assessment.municipalities
    for row in rows[1:]:
        ident = row[0]
        municipality = registry.get(ident)
        assert row[1:4] == [municipality.name, municipality.region, "da" if municipality.roma_seat else "ne"]
        assert row[4] == ("sporočeno v letu 2018" if ident in {"kuzma", "skocjan"} else "podatki za leto 2019")
        assert row[5:] == [label(assessment.finding(ident, o).grade, "sl") for o in Obligation]


def test_ugotovitve_has_a_row_per_municipality_and_obligation(workbook, assessment_registry):
    assessment, _ = assessment_registry
    rows = values(workbook["Ugotovitve"])
    header = rows[0]
    assert header == ["ID", "Občina", "Regija", "Voli predstavnika romske skupnosti", "Obveznost", "Ocena", "Vrsta", "Pravilo",
                      "Pravna podlaga", "Vsebina določbe", "Izvor podatkov", "Ugotovitev", "Dokazi iz poročila"]
    assert len(rows) - 1 == len(assessment.findings) == len(assessment.municipalities) * len(Obligation)
    for row, finding in zip(rows[1:], assessment.findings):
        got = dict(zip(header, row))
        assert got["ID"] == finding.municipality
        assert got["Obveznost"] == label(finding.obligation, "sl")
        assert got["Ocena"] == label(finding.grade, "sl")
        assert got["Vrsta"] == label(finding.kind, "sl")
        assert got["Pravilo"] == finding.rule
        assert got["Pravna podlaga"] == finding.basis.citation
        assert got["Izvor podatkov"] == finding.provenance_label("sl")
        assert got["Ugotovitev"] == finding.message("sl")
        assert (got["Dokazi iz poročila"] or "").split("\n") == (finding.evidence or [""])
    # markup in a sentence is kept as text
    assert any("<b>akcijskega načrta</b> &" in (row[-1] or "") for row in rows[1:])


def test_header_frozen_autofilter_on_and_widths_fit(workbook):
    for sheet in workbook:
        assert sheet.freeze_panes == "C2", sheet.title  # header row and the municipality columns
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])
        for column in range(1, sheet.max_column + 1):
            letter = sheet.cell(1, column).column_letter
            width = sheet.column_dimensions[letter].width
            assert len(str(sheet.cell(1, column).value)) <= width <= 90, (sheet.title, letter, width)
    evidence = workbook["Ugotovitve"]
    assert evidence["M2"].alignment.wrap_text  # long text wraps inside a sensible width
    assert evidence.column_dimensions["B"].width >= len("Mestna občina Novo mesto")


def test_printed_on_a4_landscape_with_the_header_on_every_page(workbook):
    for sheet in workbook:
        assert (sheet.page_setup.orientation, int(sheet.page_setup.paperSize)) == ("landscape", 9)  # 9: A4
        assert sheet.print_title_rows == "$1:$1"
    matrix = workbook["Pregled"]
    assert matrix.sheet_properties.pageSetUpPr.fitToPage and int(matrix.page_setup.fitToWidth) == 1


def test_grades_are_filled_by_colour_and_named(workbook, assessment_registry):
    assessment, _ = assessment_registry
    sheet = workbook["Ugotovitve"]
    seen = {}
    for row, finding in zip(sheet.iter_rows(min_row=2), assessment.findings):
        cell = row[5]
        assert cell.value == label(finding.grade, "sl")
        assert cell.fill.fill_type == "solid"
        seen[finding.grade] = cell.fill.fgColor.rgb
        assert cell.font.color.rgb == "FF" + GRADE_STYLE[finding.grade]["text"].lstrip("#").upper()
    assert seen == {g: "FF" + GRADE_STYLE[g]["background"].lstrip("#").upper() for g in Grade}
    matrix = workbook["Pregled"]
    for row in matrix.iter_rows(min_row=2, min_col=6):
        for cell in row:
            assert cell.fill.fgColor.rgb == seen[next(g for g in Grade if label(g, "sl") == cell.value)]


def test_english_headers_and_grades_with_lang_en(assessment_registry):
    workbook = load_workbook(io.BytesIO(xlsx.render(*assessment_registry, "en")))
    assert workbook.sheetnames == ["Pregled", "Ugotovitve"]  # the Office's sheet names stay
    header = values(workbook["Ugotovitve"])[0]
    assert header[:6] == ["ID", "Municipality", "Region", "Elects a Roma representative", "Obligation", "Grade"]
    grades = {row[5] for row in values(workbook["Ugotovitve"])[1:]}
    assert grades == {label(g, "en") for g in Grade}


def test_same_findings_same_bytes(assessment_registry):
    first = xlsx.render(*assessment_registry, "sl")
    assert first == xlsx.render(*sample(), "sl")
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # the document's dates come from the data (the end of the report year), not the clock
    assert core.count("2019-12-31T00:00:00Z") == 2


def test_opens_in_libreoffice_with_the_same_content(assessment_registry, tmp_path):
    """LibreOffice reads both sheets back to the same cells (its CSV export of each sheet)."""
    import csv
    import shutil
    import subprocess

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: `apt-get install libreoffice-calc-nogui`")
    book = tmp_path / "ugotovitve.xlsx"
    book.write_bytes(xlsx.render(*assessment_registry, "sl"))
    # 44,34,76: comma, double quote, UTF-8; -1: every sheet to its own file
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
         "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=120,
    )
    workbook = load_workbook(book)
    for name in ("Pregled", "Ugotovitve"):
        with open(tmp_path / f"ugotovitve-{name}.csv", encoding="utf-8", newline="") as handle:
            read_by_libreoffice = list(csv.reader(handle))
        expected = [["" if v is None else str(v) for v in row] for row in values(workbook[name])]
        assert read_by_libreoffice == expected, name


# Through the command line, on the bundled data.

def test_check_writes_the_workbook_for_the_bundled_data(cli, tmp_path):
    from compliance.assess import assess
    from conftest import DATA, RULES

    registry, assessment = assess(DATA, RULES, 2019)
    out = tmp_path / "pregled" / "ugotovitve-2019.xlsx"
    result = cli("check", "--year", "2019", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    matrix = values(workbook["Pregled"])
    assert [r[0] for r in matrix[1:]] == registry.ids and len(registry.ids) == 27
    for row in matrix[1:]:
        assert row[5:] == [label(assessment.finding(row[0], o).grade, "sl") for o in Obligation]
    assert len(values(workbook["Ugotovitve"])) == 1 + 27 * len(Obligation)
    assert out.read_bytes() == xlsx.render(assessment, registry, "sl")  # same data, same bytes


def test_check_xlsx_needs_out(cli, tmp_path):
    result = cli("check", "--year", "2019", "--format", "xlsx")
    assert result.exit_code == 2
    assert "--out" in result.output and "Traceback" not in result.output
    assert b"PK" not in result.stdout_bytes  # no zip bytes thrown at the terminal


def test_check_xlsx_unknown_municipality_writes_nothing(cli, tmp_path):
    out = tmp_path / "ugotovitve.xlsx"
    result = cli("check", "--lang", "en", "--year", "2019", "--format", "xlsx", "--out", str(out), "--municipality", "crnomel")
    assert result.exit_code == 2
    assert "unknown municipality: crnomel" in result.output and "crnomelj" in result.output
    assert list(tmp_path.iterdir()) == []
