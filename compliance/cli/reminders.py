"""`compliance reminders`: a reminder to every municipality whose deadline passed with no reply."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options


@main.command()
@click.option("--year", type=int, required=True, help="The report year of the letters.")
@click.option("--date", "day", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="Date of the reminders, YYYY-MM-DD: deadlines before it have passed.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the reminders and manifest.json.")
@click.option("--municipality", "municipalities", multiple=True, metavar="ID",
              help="Only this municipality (repeatable); an error if it cannot have one.")
@options.letter_formats
@click.option("--force", is_flag=True, help="Replace an earlier batch in --out.")
@options.office
@options.templates_dir
@options.by
@options.lang
@options.data_dir
def reminders(year: int, day: dt.datetime, out_dir: Path, municipalities: tuple[str, ...], formats: tuple[str, ...],
              force: bool, office_path: Optional[Path], templates_dir: Path, by: Optional[str], lang: str,
              data_dir: Path) -> None:
    """Write reminders (opomniki) citing the first letter, and record them in the register."""
    from tabulate import tabulate

    from compliance.errors import display_path
    from compliance.letters.batch import render_batch, write_batch
    from compliance.letters.office import load_office, office_file
    from compliance.letters.reminder import Cited, compose_reminder
    from compliance.letters.typography import slovenian_date
    from compliance.messages import text
    from compliance.register import register_file
    from compliance.register.actions import check_case, check_year
    from compliance.register.record import record_batch
    from compliance.register.reminders import due
    from compliance.register.store import open_register
    from compliance.registry import load_registry

    date = day.date()
    office = load_office(office_path or office_file(data_dir))
    registry = load_registry(data_dir)
    with open_register(register_file(data_dir), by, create=False) as register:
        check_year(register, year)
        for ident in municipalities:
            check_case(register, registry, year, ident)
        decisions = due(register, year, date, municipalities, registry.ids)
        batch, cites = [], {}
        for decision in (d for d in decisions if d.due):
            case = decision.case
            first = case.letter.letter
            cited = Cited(first.number, first.date, first.deadline, first.subject, first.reasons)
            batch.append(compose_reminder(registry.get(case.municipality), cited, office, year, date,
                                          2 + len(case.reminders)))
            cites[case.municipality] = first.id
        skipped = [d for d in decisions if not d.due]
        if batch:
            files = render_batch(batch, year, date, formats, templates_dir)
            with register.transaction():
                record_batch(register, files, out_dir.resolve(), "reminder", cites)
                write_batch(out_dir, files, force=force)

    if batch:
        rows = [[r.municipality.id, r.municipality.name, r.number, slovenian_date(r.deadline) if lang == "sl"
                 else r.deadline.isoformat(), ", ".join(r.municipality.emails)] for r in batch]
        headers = ["common.id", "common.municipality", "kind.reminder", "letters.reply_by", "common.email"]
        click.echo(tabulate(rows, headers=[text(key, lang) for key in headers]))
    if skipped:
        items = [text(f"reminders.skip_{d.why}", lang, id=d.case.municipality, deadline=d.case.deadline.isoformat())
                 for d in skipped]
        click.echo(text("reminders.skipped", lang, items=", ".join(items)))
    click.echo(text("reminders.written", lang, n=len(batch), out=display_path(out_dir)))
    if batch:
        click.echo(text("register.recorded", lang, path=display_path(register_file(data_dir))))
