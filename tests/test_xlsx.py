"""The findings as a spreadsheet: sheets "Pregled" and "Ugotovitve", read back with openpyxl."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from compliance.render import xlsx
from compliance.render.html import GRADE_STYLE
from compliance.vocabulary import Grade, Obligation, RuleKind, grade_label, label
from test_html_sample import sample


@pytest.fixture(scope="module")
def assessment_registry():
    return sample()


@pytest.fixture(scope="module")
def workbook(assessment_registry):
    return load_workbook(io.BytesIO(xlsx.render(*assessment_registry, "sl")))


def values(sheet, first: int = 1) -> list[list]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=first)]


def table(sheet) -> list[list]:
    """The table under the title row: header and data rows, without the footnotes."""
    rows = values(sheet, 2)
    end = next((i for i, row in enumerate(rows) if all(v is None for v in row)), len(rows))
    return rows[:end]


def test_two_sheets_pregled_and_ugotovitve(workbook):
    assert workbook.sheetnames == ["Pregled", "Ugotovitve"]


def test_each_sheet_has_a_title_with_year_and_date(assessment_registry):
    book = load_workbook(io.BytesIO(xlsx.render(*assessment_registry, "sl", dt.date(2020, 3, 2))))
    for sheet in book:
        assert sheet["A1"].value == "Izvajanje ZRomS-1 v občinah, leto 2019 · pripravljeno 2. 3. 2020"
        assert sheet["A1"].font.bold
        assert "2. 3. 2020" in sheet.oddFooter.left.text and sheet.oddFooter.right.text == "stran &P od &N"


def test_pregled_is_the_matrix_in_alphabetical_order(workbook, assessment_registry):
    assessment, registry = assessment_registry
    header, *rows = table(workbook["Pregled"])
    assert header == ["Občina", "Regija", "Voli romskega svetnika", "Izvor podatkov",
                      "poročanje (prošnja Urada)", "program ukrepov (zakonska obveznost)",
                      "delovno telo (zakonska obveznost)", "medinstitucionalno sodelovanje (priporočilo)", "ID"]
    assert [r[-1] for r in rows] == ["beltinci", "crensovci", "kuzma", "maribor", "novo-mesto", "skocjan"]
    for row in rows:
        ident = row[-1]
        municipality = registry.get(ident)
        assert row[:3] == [municipality.name, municipality.region, "da" if municipality.roma_seat else "ne"]
        assert row[3] == ("sporočeno v letu 2018" if ident in {"kuzma", "skocjan"} else "podatki za leto 2019")
        # the older facts are marked; the non-report itself is the year's own fact
        marker = "*" if ident in {"kuzma", "skocjan"} else ""
        assert row[4:8] == [assessment.finding(ident, o).grade_label("sl") + (marker if o != Obligation.REPORTING else "")
                            for o in Obligation]
    # the stale marker is explained under the table
    assert values(workbook["Pregled"])[-1][0] == "* sporočeno v letu 2018"


def test_ugotovitve_has_a_row_per_municipality_and_obligation(workbook, assessment_registry):
    assessment, registry = assessment_registry
    header, *rows = table(workbook["Ugotovitve"])
    assert header == ["Občina", "Obveznost", "Vrsta", "Ocena", "Odločitev pregledovalca", "Pravna podlaga",
                      "Izvor podatkov", "Ugotovitev", "Kaj navaja občina", "Dokazi iz poročila", "Vsebina določbe",
                      "ID", "Regija", "Voli romskega svetnika"]
    assert len(rows) == len(assessment.findings) == len(assessment.municipalities) * len(Obligation)
    in_order = [f for m in ["beltinci", "crensovci", "kuzma", "maribor", "novo-mesto", "skocjan"] for f in assessment.of(m)]
    for row, finding in zip(rows, in_order):
        got = dict(zip(header, row))
        assert got["ID"] == finding.municipality
        assert got["Občina"] == registry.get(finding.municipality).name  # on every row
        assert got["Obveznost"] == label(finding.obligation, "sl")
        assert got["Ocena"] == finding.grade_label("sl")  # in the words of its kind
        assert got["Vrsta"] == label(finding.kind, "sl")
        assert got["Pravna podlaga"] == finding.basis.citation
        assert got["Izvor podatkov"] == finding.provenance_label("sl")
        assert got["Ugotovitev"] == finding.message("sl")
        assert (got["Dokazi iz poročila"] or "").split("\n") == (finding.evidence or [""])
    # markup in a sentence is kept as text
    assert any("<b>akcijskega načrta</b> &" in (row[9] or "") for row in rows)
    # no internal rule ids for the lawyer
    assert not any(finding.rule in str(cell) for finding in assessment.findings for row in rows for cell in row)


def test_header_frozen_autofilter_on_and_widths_fit(workbook):
    for sheet in workbook:
        header, *rows = table(sheet)
        last = get_column_letter(len(header))
        assert sheet.freeze_panes == "B3", sheet.title  # title, header and the municipality stay
        assert sheet.auto_filter.ref == f"A2:{last}{len(rows) + 2}"
        assert all(cell.font.bold for cell in sheet[2])
        for column in range(1, len(header) + 1):
            width = sheet.column_dimensions[get_column_letter(column)].width
            assert 6 <= width <= 90, (sheet.title, column, width)
    findings = workbook["Ugotovitve"]
    assert findings["I3"].alignment.wrap_text  # long text wraps inside a sensible width
    assert findings.column_dimensions["A"].width >= len("Mestna občina Novo mesto")


def test_rows_are_high_enough_for_their_wrapped_text(workbook):
    """LibreOffice keeps a row without a height at one line: every row has one, from its text."""
    sheet = workbook["Ugotovitve"]
    for row in range(3, sheet.max_row + 1):
        height = sheet.row_dimensions[row].height
        longest = max(len(str(c.value or "")) for c in sheet[row])
        assert height and height >= 13, row
        # about 50 characters a line in the widest wrapped columns, never one line for a paragraph
        assert height >= 13 * (longest // 80), (row, height, longest)


def test_a_sans_font_named_in_every_cell(workbook):
    for sheet in workbook:
        for row in sheet.iter_rows(min_row=1, max_row=5):
            for cell in row:
                if cell.value is not None:
                    assert cell.font.name == "Arial", (sheet.title, cell.coordinate)


def test_printed_on_a4_landscape_one_page_wide_with_title_and_header_on_every_page(workbook):
    for sheet in workbook:
        assert (sheet.page_setup.orientation, int(sheet.page_setup.paperSize)) == ("landscape", 9)  # 9: A4
        assert sheet.print_title_rows == "$1:$2"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and int(sheet.page_setup.fitToWidth) == 1
    # the findings sheet prints from the municipality to the evidence
    assert workbook["Ugotovitve"].print_area == "'Ugotovitve'!$A$1:$J$26"


def test_grades_are_filled_by_colour_and_named(workbook, assessment_registry):
    assessment, _ = assessment_registry
    sheet = workbook["Ugotovitve"]
    seen = {}
    by_label = {grade_label(g, k, "sl"): g for g in Grade for k in RuleKind}
    for row in sheet.iter_rows(min_row=3):
        cell = row[3]
        grade = by_label[cell.value]
        assert cell.fill.fill_type == "solid"
        seen[grade] = cell.fill.fgColor.rgb
        assert cell.font.color.rgb == "FF" + GRADE_STYLE[grade]["text"].lstrip("#").upper()
    assert seen == {g: "FF" + GRADE_STYLE[g]["background"].lstrip("#").upper() for g in Grade}
    matrix = workbook["Pregled"]
    for row in matrix.iter_rows(min_row=3, max_row=8, min_col=5, max_col=8):
        for cell in row:
            assert cell.fill.fgColor.rgb == seen[by_label[cell.value.rstrip("*")]]


def test_english_sheet_names_headers_and_grades_with_lang_en(assessment_registry):
    workbook = load_workbook(io.BytesIO(xlsx.render(*assessment_registry, "en")))
    assert workbook.sheetnames == ["Overview", "Findings"]
    header, *rows = table(workbook["Findings"])
    assert header[:4] == ["Municipality", "Obligation", "Kind", "Grade"]
    assert {row[3] for row in rows} == {f.grade_label("en") for f in assessment_registry[0].findings}
    assert {row[2] for row in rows} == {"statutory duty", "the Office's request", "recommendation"}
    assert all("člen" not in row[5] for row in rows)
    assert workbook["Overview"]["A1"].value == "ZRomS-1 in the municipalities, 2019"


def test_same_findings_same_bytes(assessment_registry):
    first = xlsx.render(*assessment_registry, "sl", dt.date(2020, 3, 2))
    assert first == xlsx.render(*sample(), "sl", dt.date(2020, 3, 2))
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # the document's dates are the generation date, not the clock
    assert core.count("2020-03-02T00:00:00Z") == 2


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
    result = cli("check", "--year", "2019", "--format", "xlsx", "--out", str(out), "--date", "2020-03-02")
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    _, *matrix = table(workbook["Pregled"])
    assert sorted(r[-1] for r in matrix) == sorted(registry.ids) and len(registry.ids) == 27
    for row in matrix:
        assert [g.rstrip("*") for g in row[4:8]] == [assessment.finding(row[-1], o).grade_label("sl") for o in Obligation]
    assert len(table(workbook["Ugotovitve"])) == 1 + 27 * len(Obligation)
    # same data and date, same bytes
    assert out.read_bytes() == xlsx.render(assessment, registry, "sl", dt.date(2020, 3, 2))


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


def test_bundled_workbook_prints_one_page_wide_in_libreoffice(cli, tmp_path):
    """Printed by LibreOffice: no column bands (every page has the title, the header from
    Občina to the evidence and a municipality), and a bounded number of pages."""
    import shutil
    import subprocess

    from pypdf import PdfReader

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: `apt-get install libreoffice-calc-nogui`")
    book = tmp_path / "ugotovitve-2019.xlsx"
    assert cli("check", "--year", "2019", "--format", "xlsx", "--out", str(book), "--date", "2020-03-02").exit_code == 0
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=180,
    )
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(str(tmp_path / "ugotovitve-2019.pdf")).pages]
    assert len(pages) <= 18  # 20 pages in column bands before; 13 measured (1 overview + 12 findings)
    for number, text in enumerate(pages, start=1):
        assert "Izvajanje ZRomS-1 v občinah, leto 2019 · pripravljeno 2. 3. 2020" in text, number
        assert "Občina" in text, number
        assert f"stran {number} od {len(pages)}" in text, number
    for text in pages[1:]:
        assert "Ocena" in text and "Dokazi iz poročila" in text and ("Občina " in text or "Mestna občina " in text)
