"""`--format table`: a row per municipality, a column per obligation, then counts per grade."""

from __future__ import annotations

from typing import Callable

import click
from tabulate import tabulate

from compliance.findings import Assessment, Finding
from compliance.messages import text
from compliance.registry import Registry
from compliance.vocabulary import Grade, Obligation, Provenance, label

COLOURS = {
    Grade.COMPLIANT: {"fg": "green"},
    Grade.PARTIAL: {"fg": "yellow"},
    Grade.NON_COMPLIANT: {"fg": "red", "bold": True},
    Grade.NO_DATA: {"fg": "magenta"},
    Grade.NOT_APPLICABLE: {"fg": "bright_black"},
}


def stale_markers(assessment: Assessment, lang: str = "sl") -> dict[str, str]:
    """A footnote marker per kind of facts that are not the year's own ("sporočeno v letu
    2018", "iz zadnjega prispevka", "občine ni v pregledu"): `*`, `**`, ... in a fixed order."""
    said = sorted(
        {(list(Provenance).index(f.provenance), -(f.stated_in or 0), f.provenance_text(lang))
         for f in assessment.findings if f.provenance != Provenance.CURRENT}
    )
    return {words: "*" * (index + 1) for index, (_, _, words) in enumerate(said)}


def grade_cell(finding: Finding, lang: str, markers: dict[str, str], style: Callable[[Finding, str], str]) -> str:
    marker = markers.get(finding.provenance_text(lang), "")
    return style(finding, label(finding.grade, lang)) + marker


def grid(assessment: Assessment, registry: Registry, lang: str, style: Callable[[Finding, str], str] = lambda f, s: s):
    """Headers, one row per municipality and the footnotes: shared by table and markdown."""
    markers = stale_markers(assessment, lang)
    headers = [text("common.municipality", lang), *(label(obligation, lang) for obligation in Obligation)]
    rows = []
    for ident in assessment.municipalities:
        cells = {f.obligation: grade_cell(f, lang, markers, style) for f in assessment.of(ident)}
        rows.append([registry.get(ident).name, *(cells.get(obligation, "") for obligation in Obligation)])
    notes = [f"{marker} {words}" for words, marker in markers.items()]
    return headers, rows, notes


def counts(assessment: Assessment, lang: str):
    summary = assessment.summary()
    headers = [text("common.grade", lang), *(label(obligation, lang) for obligation in Obligation)]
    rows = [[label(grade, lang), *(summary[o.value][grade.value] for o in Obligation)] for grade in Grade]
    return headers, rows


def render(assessment: Assessment, registry: Registry, lang: str = "sl", colour: bool = False) -> str:
    """Plain text; with `colour`, grades are styled (click.echo drops the codes off a terminal)."""
    style = (lambda f, s: click.style(s, **COLOURS[f.grade])) if colour else (lambda f, s: s)
    headers, rows, notes = grid(assessment, registry, lang, style)
    count_headers, count_rows = counts(assessment, lang)
    parts = [
        text("table.title", lang, year=assessment.year),
        "",
        tabulate(rows, headers=headers, disable_numparse=True),
        *notes,
        "",
        text("table.counts", lang),
        "",
        tabulate(count_rows, headers=count_headers),
    ]
    return "\n".join(parts) + "\n"
