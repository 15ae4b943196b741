"""`compliance validate` and `compliance municipalities`: the data as it stands."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options
from compliance.vocabulary import label


@main.command()
@click.option("--year", type=int, help="Only this year's records (default: every year).")
@options.lang
@options.data_dir
def validate(year: Optional[int], lang: str, data_dir: Path) -> None:
    """Validate the registry, the records (cross-checked with the sources) and office.yaml."""
    from compliance.errors import DataError, display_path
    from compliance.letters.office import office_file
    from compliance.messages import msg
    from compliance.records import available_years, records_path
    from compliance.validate import problems

    if year is not None:
        records_path(data_dir, year)  # an unknown year is an error with suggestions
    years = [year] if year is not None else available_years(data_dir)
    found = problems(data_dir, years)
    if found:
        raise DataError(found)
    import datetime as dt

    from compliance.cli.check import warn
    from compliance.decisions import read_decisions
    from compliance.registry import load_registry

    registry = load_registry(data_dir)
    for each in years:  # decisions that no longer apply: a warning, not an error
        warn(read_decisions(data_dir, each, registry)[0].in_force(dt.date.today())[1], lang)
    shown = ", ".join(map(str, years)) or msg("validate.no_years").render(lang)
    office = "; office.yaml" if office_file(data_dir).exists() else ""
    click.echo(msg("validate.ok", path=display_path(data_dir), years=shown, office=office).render(lang))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@options.lang
@options.data_dir
def municipalities(fmt: str, lang: str, data_dir: Path) -> None:
    """List the municipalities where Roma live (the registry)."""
    from tabulate import tabulate

    from compliance.messages import text
    from compliance.registry import load_registry

    registry = load_registry(data_dir)
    if fmt == "json":
        rows = [m.model_dump(mode="json") for m in registry]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    headers = ["common.id", "municipalities.name", "municipalities.kind", "municipalities.region",
               "municipalities.councillor", "common.email"]
    yes, no = text("common.yes", lang), text("common.no", lang)
    table = [
        [m.id, m.name, label(m.kind, lang), m.region, yes if m.roma_seat else no, ", ".join(m.emails)]
        for m in registry
    ]
    click.echo(tabulate(table, headers=[text(key, lang) for key in headers]))
