"""`--format table`: a row per municipality, a column per obligation, then counts per grade.

The headings say each obligation's kind (duty, request, recommendation); the rows are in
Slovenian alphabetical order; a last line names the municipalities with no report or a
statutory duty not met (those the Office writes to). On a terminal narrower than the table,
the short names and wrapped headings keep it within the width.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, Optional

import click
from tabulate import tabulate

from compliance.findings import Assessment, Finding
from compliance.messages import text
from compliance.registry import Registry
from compliance.render.review import (
    DECIDED, decision_notes, generated_on, kinds, obligation_heading, ordered, short_of_duty,
)
from compliance.vocabulary import Grade, Obligation, Provenance, label

COLOURS: dict[Grade, dict[str, Any]] = {
    Grade.COMPLIANT: {"fg": "green"},
    Grade.PARTIAL: {"fg": "yellow"},
    Grade.NON_COMPLIANT: {"fg": "red", "bold": True},
    Grade.NO_DATA: {"fg": "magenta"},
    Grade.NOT_APPLICABLE: {"fg": "bright_black"},
}
SYMBOLS = {
    Grade.COMPLIANT: "✓", Grade.PARTIAL: "◐", Grade.NON_COMPLIANT: "✗", Grade.NO_DATA: "?", Grade.NOT_APPLICABLE: "–",
}  # the HTML report's symbols, for a terminal too narrow for the words
COMPACT_HEADING = 14  # characters per heading line when the table must be narrow


def stale_markers(assessment: Assessment, lang: str = "sl") -> dict[str, str]:
    """A footnote marker per kind of facts that are not the year's own ("sporočeno v letu
    2018", "iz zadnjega prispevka", "občine ni v pregledu"): `*`, `**`, ... in a fixed order."""
    said = sorted(
        {(list(Provenance).index(f.provenance), -(f.stated_in or 0), f.provenance_text(lang))
         for f in assessment.findings if f.provenance != Provenance.CURRENT}
    )
    return {words: "*" * (index + 1) for index, (_, _, words) in enumerate(said)}


def grade_cell(finding: Finding, lang: str, markers: dict[str, str], style: Callable[[Finding, str], str],
               symbols: bool = False) -> str:
    marker = markers.get(finding.provenance_text(lang), "")
    word = SYMBOLS[finding.grade] if symbols else finding.grade_label(lang)
    decided = DECIDED if finding.decision is not None else ""
    return style(finding, word) + decided + marker


def grid(assessment: Assessment, registry: Registry, lang: str, style: Callable[[Finding, str], str] = lambda f, s: s,
         short_names: bool = False, symbols: bool = False):
    """Headers, one row per municipality and the footnotes: shared by table and markdown."""
    markers = stale_markers(assessment, lang)
    kind = kinds(assessment)
    headers = [text("common.municipality", lang), *(obligation_heading(o, kind.get(o), lang) for o in Obligation)]
    rows = []
    for ident in ordered(assessment, registry):
        municipality = registry.get(ident)
        cells = {f.obligation: grade_cell(f, lang, markers, style, symbols) for f in assessment.of(ident)}
        name = municipality.short_name if short_names else municipality.name
        rows.append([name, *(cells.get(obligation, "") for obligation in Obligation)])
    notes = [f"{marker} {words}" for words, marker in markers.items()] + decision_notes(assessment, registry, lang)
    return headers, rows, notes


def counts(assessment: Assessment, lang: str):
    summary = assessment.summary()
    headers = [text("common.grade", lang), *(label(obligation, lang) for obligation in Obligation)]
    rows = [[label(grade, lang), *(summary[o.value][grade.value] for o in Obligation)] for grade in Grade]
    return headers, rows


def short_of_duty_line(assessment: Assessment, registry: Registry, lang: str) -> str:
    """`Brez poročila ali z neizpolnjeno zakonsko obveznostjo (prejmejo pismo): 11` and the names."""
    idents = short_of_duty(assessment)
    if not idents:
        return text("review.short_of_duty_none", lang)
    names = [registry.get(ident).short_name for ident in ordered(assessment, registry) if ident in idents]
    return text("review.short_of_duty", lang, n=len(names), names=", ".join(names))


def colour_wanted() -> bool:
    """Colour unless NO_COLOR is set to anything (https://no-color.org); click.echo drops the
    codes anyway when the output is not a terminal."""
    import os

    return not os.environ.get("NO_COLOR")


def terminal_width() -> Optional[int]:
    """The width to keep within: $COLUMNS or the terminal's; none when writing to a file."""
    import os
    import shutil
    import sys

    if os.environ.get("COLUMNS", "").isdigit() or sys.stdout.isatty():
        return shutil.get_terminal_size().columns
    return None


def render(assessment: Assessment, registry: Registry, lang: str = "sl", generated: Optional[dt.date] = None,
           colour: bool = False, width: Optional[int] = None) -> str:
    """Plain text; with `colour`, grades are styled. With `width`, a table wider than that is
    laid out narrow (short names, headings wrapped)."""
    style = (lambda f, s: click.style(s, **COLOURS[f.grade])) if colour else (lambda f, s: s)
    table = _matrix(assessment, registry, lang, style, compact=0)
    for compact in (1, 2):
        if width is None or _width(table) <= width:
            break
        table = _matrix(assessment, registry, lang, style, compact=compact)
    count_headers, count_rows = counts(assessment, lang)
    count_table = tabulate(count_rows, headers=count_headers)
    if width is not None and _width(count_table) > width:
        count_table = tabulate(count_rows, headers=[_wrap(h, 12) for h in count_headers])
    title = text("table.title", lang, year=assessment.year)
    when = generated_on(generated, lang)
    if width is not None:
        table = "\n".join(line if _width(line) <= width else click.wrap_text(line, width) for line in table.split("\n"))
    parts = [
        f"{title} ({when})" if when else title,
        "",
        table,
        "",
        click.wrap_text(short_of_duty_line(assessment, registry, lang), width) if width else
        short_of_duty_line(assessment, registry, lang),
        "",
        text("table.counts", lang),
        "",
        count_table,
    ]
    return "\n".join(parts) + "\n"


def _matrix(assessment, registry, lang, style, compact: int) -> str:
    """The grades table: 0 as it is, 1 with short names and wrapped headings, 2 also with
    the grades as symbols and a key."""
    headers, rows, notes = grid(assessment, registry, lang, style, short_names=compact >= 1, symbols=compact >= 2)
    if compact:
        headers = [_wrap(h) for h in headers]
    if compact >= 2:
        notes = ["; ".join(f"{SYMBOLS[g]} {label(g, lang)}" for g in Grade), *notes]
    return "\n".join([tabulate(rows, headers=headers, disable_numparse=True), *notes])


def _wrap(heading: str, width: int = COMPACT_HEADING) -> str:
    """A heading in lines of at most `width` characters, a long word hyphenated."""
    import textwrap

    lines = []
    for line in textwrap.wrap(heading, width, break_long_words=False):
        while len(line) > width:
            lines.append(line[:width - 1] + "-")
            line = line[width - 1:]
        lines.append(line)
    return "\n".join(lines)


def _width(table: str) -> int:
    return max(len(click.unstyle(line)) for line in table.splitlines())
