"""`compliance compare`: a year's grades against another year's, per municipality and obligation."""

from __future__ import annotations

from pathlib import Path

import click

from compliance.cli import main, options


@main.command()
@click.option("--year", type=int, required=True, help="The report year.")
@click.option("--with", "other", type=int, required=True, metavar="YEAR", help="The year to compare with.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--all", "show_all", is_flag=True, help="In the table, also the obligations whose grade is the same.")
@options.lang
@options.data_dir
@options.rules_dir
@options.engine
def compare(year: int, other: int, fmt: str, show_all: bool, lang: str, data_dir: Path, rules_dir: Path,
            engine: str) -> None:
    """What changed since another year: better, worse, same, new."""
    import json

    from compliance.assess import assess_years
    from compliance.compare import compare as changes_between, summary
    from compliance.errors import ComplianceError
    from compliance.messages import msg, text
    from compliance.vocabulary import label

    if year == other:
        raise ComplianceError(msg("compare.same_year", year=year))
    registry, assessments = assess_years(data_dir, rules_dir, sorted({year, other}), None, engine)
    by_year = {a.year: a for a in assessments}
    changes = changes_between(by_year[year], by_year[other])
    counts = summary(changes)
    if fmt == "json":
        document = {"year": year, "with": other, "changes": [c.to_json() for c in changes], "summary": counts}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    from tabulate import tabulate

    def grade(value) -> str:
        return label(value, lang) if value is not None else "–"

    shown = [c for c in changes if show_all or c.change != "same"]
    rows = [
        [c.municipality, registry.get(c.municipality).name, label(c.obligation, lang), grade(c.previous),
         grade(c.grade), text(f"compare.{c.change}", lang)]
        for c in shown
    ]
    headers = [text("column.id", lang), text("column.municipality", lang), text("column.obligation", lang),
               str(other), str(year), text("compare.change", lang)]
    click.echo(text("compare.title", lang, year=year, other=other))
    click.echo()
    if rows:
        click.echo(tabulate(rows, headers=headers))
        click.echo()
    click.echo(text("compare.counts", lang, **counts))
