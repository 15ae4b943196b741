"""`compliance register sent|reply`: what staff record by hand in the follow-up register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options

date_option = click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
                           help="The day, YYYY-MM-DD.")


@main.group()
def register() -> None:
    """Record by hand: letters sent from Outlook, and the municipalities' replies."""


@register.command()
@click.option("--year", type=int, required=True, help="The report year of the letters.")
@click.argument("municipalities", nargs=-1, required=True, metavar="ID...")
@date_option
@options.by
@options.lang
@options.data_dir
def sent(year: int, municipalities: tuple[str, ...], day: dt.datetime, by: Optional[str], lang: str,
         data_dir: Path) -> None:
    """Record the newest letter to each municipality as sent on --date (e.g. from Outlook)."""
    from compliance.messages import text
    from compliance.register import register_file
    from compliance.register.actions import mark_sent
    from compliance.register.store import open_register
    from compliance.registry import load_registry

    registry = load_registry(data_dir)
    with open_register(register_file(data_dir), by, create=False) as reg:
        done = mark_sent(reg, registry, year, municipalities, day.date())
    click.echo(text("register.sent_marked", lang, date=day.date().isoformat(), ids=", ".join(done)))


@register.command()
@click.option("--year", type=int, required=True, help="The report year of the letters.")
@click.argument("municipality", metavar="ID")
@date_option
@click.option("--file", "file", type=click.Path(dir_okay=False, path_type=Path),
              help="The reply (PDF, e-mail...): copied into DATA_DIR/replies/ with its checksum.")
@click.option("--note", help="A short note on the reply.")
@click.option("--facts", is_flag=True,
              help="The reply brought new facts, already entered in DATA_DIR/records/<year>.yaml: validate "
                   "that file and point the reply to it.")
@click.option("--close", is_flag=True, help="Close the case.")
@options.by
@options.lang
@options.data_dir
def reply(year: int, municipality: str, day: dt.datetime, file: Optional[Path], note: Optional[str], facts: bool,
          close: bool, by: Optional[str], lang: str, data_dir: Path) -> None:
    """Record a municipality's reply (received on --date)."""
    from compliance.messages import text
    from compliance.register import register_file
    from compliance.register.actions import record_reply
    from compliance.register.store import open_register
    from compliance.registry import load_registry

    registry = load_registry(data_dir)
    with open_register(register_file(data_dir), by, create=False) as reg:
        state = record_reply(reg, registry, data_dir, year, municipality, day.date(), file, note, close, facts)
    click.echo(text("register.reply_recorded", lang, municipality=municipality, date=day.date().isoformat(),
                    state=text(f"state.{state}", lang)))
