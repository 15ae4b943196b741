"""`compliance status`: where each municipality's case stands, and what is overdue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options


@main.command()
@click.option("--year", type=int, required=True, help="The report year of the letters.")
@click.option("--date", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="What is overdue as of this day, YYYY-MM-DD (default: today).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "xlsx"]), default="table", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file instead of the terminal (required for xlsx).")
@options.lang
@options.data_dir
def status(year: int, as_of: Optional[dt.datetime], fmt: str, out: Optional[Path], lang: str, data_dir: Path) -> None:
    """Per municipality: the letter, sent on, deadline, reply, reminder, state, overdue."""
    from compliance import atomic
    from compliance.errors import ComplianceError, display_path
    from compliance.messages import msg
    from compliance.register import register_file, report
    from compliance.register.actions import check_year
    from compliance.register.cases import cases
    from compliance.register.store import open_register
    from compliance.registry import load_registry

    if fmt == "xlsx" and out is None:
        raise ComplianceError(msg("check.binary_needs_out", fmt=fmt))
    day = as_of.date() if as_of else dt.date.today()
    registry = load_registry(data_dir)
    with open_register(register_file(data_dir), create=False) as reg:
        check_year(reg, year)
        found = cases(reg, year, day, registry.ids)
    if fmt == "xlsx":
        result: "bytes | str" = report.xlsx(found, registry, year, day, lang)
    elif fmt == "json":
        result = report.to_json(found, year, day)
    else:
        result = report.table(found, registry, year, day, lang)
    if out is not None:
        if isinstance(result, bytes):
            atomic.write_bytes(out, result)
        else:
            atomic.write_text(out, result)
        click.echo(display_path(out), err=True)
    else:
        click.echo(result, nl=False)
