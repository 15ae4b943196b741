"""The same report as plain text, Word (.docx) and PDF gives the same draft.

The .docx is made with python-docx, one paragraph per line of the text; the PDF with fpdf2
and the Roboto font shipped by the font-roboto package (it has č, š, ž), so long paragraphs
wrap over several lines as in a real PDF.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import DATA

REPORT = DATA / "sources" / "porocilo-2019-pregled-po-obcinah.txt"
PARAPHRASED = Path(__file__).parent / "fixtures" / "extract" / "cooperation.txt"


def write_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def write_pdf(text: str, path: Path) -> Path:
    import font_roboto
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("Roboto", "", font_roboto.Roboto)
    pdf.set_font("Roboto", size=10)
    for line in text.split("\n"):
        pdf.multi_cell(0, 5, line.replace("\t", "    ") or " ", new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def records(cli, report: Path, year: str) -> list[dict]:
    result = cli("extract", str(report), "--year", year, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["records"]


@pytest.mark.parametrize("source, year", [(REPORT, "2019"), (PARAPHRASED, "2020")], ids=["2019", "paraphrased"])
@pytest.mark.parametrize("writer", [write_docx, write_pdf], ids=["docx", "pdf"])
def test_word_and_pdf_give_the_same_draft_as_text(cli, tmp_path, source, year, writer):
    text = source.read_text(encoding="utf-8")
    converted = writer(text, tmp_path / f"report{'.docx' if writer is write_docx else '.pdf'}")
    assert records(cli, converted, year) == records(cli, source, year)


def test_a_pdf_is_recognised_by_its_content_whatever_its_name(cli, tmp_path):
    text = PARAPHRASED.read_text(encoding="utf-8")
    misnamed = tmp_path / "report.txt"
    misnamed.write_bytes(write_pdf(text, tmp_path / "real.pdf").read_bytes())
    assert records(cli, misnamed, "2020") == records(cli, PARAPHRASED, "2020")


def test_a_pdf_without_a_text_layer_is_a_clean_error(cli, tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 50)  # a scan has pictures, not text
    scanned = tmp_path / "scan.pdf"
    pdf.output(str(scanned))
    result = cli("extract", "--lang", "en", str(scanned), "--year", "2019")
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "scan.pdf" in result.stderr and "no text" in result.stderr and "OCR" in result.stderr


def test_an_empty_word_file_is_a_clean_error(cli, tmp_path):
    empty = write_docx("", tmp_path / "empty.docx")
    result = cli("extract", "--lang", "en", str(empty), "--year", "2019")
    assert result.exit_code == 2 and "empty.docx" in result.stderr and "no text" in result.stderr


def test_validate_reads_a_word_source_with_the_same_reader(cli, data_copy):
    # A draft made from a Word report names the .docx as its source; validation must read it.
    text = (data_copy / "sources" / REPORT.name).read_text(encoding="utf-8")
    write_docx(text, data_copy / "sources" / "report-2019.docx")
    records_file = data_copy / "records" / "2019.yaml"
    records_file.write_text(
        records_file.read_text(encoding="utf-8").replace(REPORT.name, "report-2019.docx"), encoding="utf-8"
    )
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.exit_code == 0, result.output
