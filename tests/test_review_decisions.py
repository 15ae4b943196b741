"""A reviewer's decision and the municipality's own reasons reach every review output:
table, Markdown, CSV, XLSX and the HTML page say who decided, when, what the rules said and
why, and quote what the municipality gave as its reasons."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from openpyxl import load_workbook

from compliance.models import Decision, Reason
from compliance.render import csv_, html, markdown, table, xlsx
from compliance.vocabulary import Grade, Obligation, ReasonType
from test_html_sample import sample

NOTE = "Občina je dvakrat poskušala ustanoviti delovno telo; romski svetnik je sodelovanje odklonil."
REASON = "Delovno mesto za vprašanja romske skupnosti je bilo dalj časa nezasedeno."
SENTENCE = "Zaradi težav pri zaposlitvi je bilo delovno mesto dalj časa nezasedeno."


@pytest.fixture(scope="module")
def decided():
    assessment, registry = sample()
    findings = list(assessment.findings)
    index = next(i for i, f in enumerate(findings)
                 if f.municipality == "crensovci" and f.obligation is Obligation.PROGRAMME)
    decision = Decision(municipality="crensovci", obligation=Obligation.PROGRAMME, grade=Grade.PARTIAL, note=NOTE,
                        decided_by="Ana Novak", decided_on=dt.date(2020, 2, 20))
    finding = findings[index].with_decision(decision)
    findings[index] = finding.model_copy(update={
        "reasons": [Reason(type=ReasonType.OBSTACLE, summary=REASON, evidence=[SENTENCE])]})
    return replace(assessment, findings=tuple(findings)), registry


def test_the_sample_decision_changes_the_grade(decided):
    finding = decided[0].finding("crensovci", Obligation.PROGRAMME)
    assert finding.decided and finding.rule_grade is Grade.NON_COMPLIANT and finding.grade is Grade.PARTIAL


@pytest.mark.parametrize("render", [table.render, markdown.render])
def test_table_and_markdown_mark_the_grade_and_give_the_decision(decided, render):
    text = render(*decided, "sl")
    line = next(line for line in text.splitlines() if "Črenšovci" in line and "skladno" in line)
    assert "delno skladno†" in line
    note = next(line for line in text.splitlines() if line.startswith("† Črenšovci, program ukrepov:"))
    for part in ("odločitev pregledovalca (Ana Novak, 20. 2. 2020)", "ocena po pravilih: neskladno", NOTE):
        assert part in note


@pytest.mark.parametrize("lang,delimiter", [("sl", ";"), ("en", ",")])
def test_csv_and_workbook_have_the_decision_and_the_reasons(decided, lang, delimiter):
    import csv

    text = csv_.render(*decided, lang).lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))
    book = load_workbook(io.BytesIO(xlsx.render(*decided, lang)))
    sheet = book.worksheets[1]
    header = [c.value for c in sheet[2]]
    sheet_rows = [dict(zip(header, [c.value for c in row])) for row in sheet.iter_rows(min_row=3)]
    decision, reasons = ("Odločitev pregledovalca", "Kaj navaja občina") if lang == "sl" else \
        ("Reviewer's decision", "What the municipality says")
    for got in (rows, sheet_rows):
        row = next(r for r in got if r["ID"] == "crensovci" and r[decision])
        assert NOTE in row[decision] and "Ana Novak" in row[decision]
        assert REASON in row[reasons] and f"»{SENTENCE}«" in row[reasons]
        assert sum(1 for r in got if r[decision]) == 1
    # the overview marks the decided grade and explains the mark under the table
    matrix = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    assert any(str(cell).endswith("†") for row in matrix for cell in row if cell)
    assert any(str(row[0]).startswith("† Črenšovci") for row in matrix if row[0])


def test_html_shows_the_decision_and_the_reasons_with_the_finding(decided):
    from test_html import Page, squash

    page = Page(html.render(*decided, "sl"))
    section = squash(page.one("section", id="f-crensovci-programme")["text"])
    for part in ("Odločitev pregledovalca", "Ana Novak", "20. 2. 2020", "ocena po pravilih: neskladno", NOTE,
                 "Kaj navaja občina", "ovira, ki jo navaja občina", REASON, f"»{SENTENCE}«"):
        assert part in section, part
    cell = squash(page.one("tr", data_id="crensovci")["text"])
    assert "program ukrepov: delno skladno †odločitev pregledovalca" in cell  # the mark, named for a screen reader
