"""`--format markdown`: the findings table and the counts, for a report or an issue."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from tabulate import tabulate

from compliance.findings import Assessment
from compliance.messages import text
from compliance.registry import Registry
from compliance.render.review import generated_on
from compliance.render.table import counts, grid, short_of_duty_line


def _cell(value: object) -> str:
    # Markdown renderers pass raw HTML through: a name like "<script>" must stay text.
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|")


def render(assessment: Assessment, registry: Registry, lang: str = "sl", generated: Optional[dt.date] = None) -> str:
    headers, rows, notes = grid(assessment, registry, lang, lambda f, s: s)
    rows = [[_cell(cell).replace("*", "\\*") for cell in row] for row in rows]
    count_headers, count_rows = counts(assessment, lang)
    parts = [
        f"# {text('table.title', lang, year=assessment.year)}",
        "",
        tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True),
        "",
        *(f"{note.replace('*', chr(92) + '*')}  " for note in notes),
        *([""] if notes else []),
        _cell(short_of_duty_line(assessment, registry, lang)),
        "",
        f"## {text('table.counts', lang)}",
        "",
        tabulate(count_rows, headers=count_headers, tablefmt="github"),
    ]
    when = generated_on(generated, lang)
    if when:
        parts += ["", f"_{when}_"]
    return "\n".join(parts) + "\n"
