"""`compliance letters`: follow-up letters to municipalities that did not report or fall short."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options


def _check_date(date: dt.date) -> None:
    """A letter dated far outside the years the tool knows is a typo (and 9999-12-31 would
    overflow the reply deadline)."""
    from compliance.errors import ComplianceError
    from compliance.messages import msg
    from compliance.vocabulary import MAX_YEAR, MIN_YEAR

    if not MIN_YEAR <= date.year <= MAX_YEAR:
        raise ComplianceError(msg("letters.date_range", date=date.isoformat(), first=MIN_YEAR, last=MAX_YEAR))


@main.command()
@click.option("--year", type=int, required=True, help="The report year the letters follow up.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Folder for the letters and manifest.json.")
@click.option("--date", "letter_date", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Date of the letters, YYYY-MM-DD (default: today); the reply deadline counts from it.")
@click.option("--municipality", "municipalities", multiple=True, metavar="ID",
              help="Only this municipality (repeatable).")
@options.letter_formats
@click.option("--include-partial", is_flag=True, help="Also list partly met obligations in the letters.")
@click.option("--force", is_flag=True, help="Overwrite letters already in --out.")
@options.office
@options.templates_dir
@click.option("--no-register", is_flag=True,
              help="A preview: write the letters without recording them in the register.")
@options.by
@options.lang
@options.data_dir
@options.rules_dir
@options.engine
def letters(
    year: int, out_dir: Path, letter_date: Optional[dt.datetime], municipalities: tuple[str, ...],
    formats: tuple[str, ...], include_partial: bool, force: bool, office_path: Optional[Path],
    templates_dir: Path, no_register: bool, by: Optional[str], lang: str, data_dir: Path, rules_dir: Path,
    engine: str,
) -> None:
    """Write a follow-up letter to every municipality that did not report or falls short of a duty."""
    from tabulate import tabulate

    from compliance.assess import assess
    from compliance.errors import display_path
    from compliance.letters import compose
    from compliance.letters.batch import MANIFEST, render_batch, write_batch
    from compliance.letters.clerk import NAME as CLERK_LIST
    from compliance.letters.enclosure import overview_sections
    from compliance.letters.office import load_office, office_file
    from compliance.letters.typography import slovenian_date
    from compliance.messages import text
    from compliance.register import is_packaged
    from compliance.vocabulary import label

    date = letter_date.date() if letter_date else dt.date.today()
    _check_date(date)
    office_path = office_path or office_file(data_dir)
    office = load_office(office_path)
    registry, assessment = assess(data_dir, rules_dir, year, list(municipalities) or None, engine)
    enclosures = overview_sections(data_dir, year, registry)
    earlier = _earlier_letters(data_dir, year, assessment.municipalities)
    batch = compose.letters(registry, assessment, office, date, include_partial, enclosures, earlier)
    files = render_batch(batch, year, date, formats, templates_dir)
    recorded = None
    if no_register or is_packaged(data_dir):
        write_batch(out_dir, files, force=force)
        if not no_register:
            click.echo(f"{text('letters.note', lang)}: {text('register.not_recorded', lang)}", err=True)
    else:
        from compliance.register import register_file
        from compliance.register.record import record_batch
        from compliance.register.store import open_register

        # Recorded and written together: a failed write leaves nothing recorded.
        with open_register(register_file(data_dir), by) as register, register.transaction():
            record_batch(register, files, out_dir.resolve(), "first")
            write_batch(out_dir, files, force=force)
        recorded = register_file(data_dir)

    if batch:
        rows = [
            [
                letter.municipality.id,
                letter.municipality.name,
                ", ".join(label(o, lang) for o in letter.reasons),
                slovenian_date(letter.deadline) if lang == "sl" else letter.deadline.isoformat(),
                ", ".join(letter.recipients),
            ]
            for letter in batch
        ]
        headers = ["common.id", "common.municipality", "letters.reasons", "letters.reply_by", "common.email"]
        click.echo(tabulate(rows, headers=[text(key, lang) for key in headers]))
    written = {letter.municipality.id for letter in batch}
    if municipalities:
        spared = [m for m in assessment.municipalities if m not in written]
        if spared:
            click.echo(text("letters.no_letter", lang, ids=", ".join(spared)))
    click.echo(text("letters.written" if batch else "letters.none", lang, n=len(batch), out=display_path(out_dir),
                    formats=", ".join(formats), manifest=display_path(out_dir / MANIFEST),
                    clerk=display_path(out_dir / f"{CLERK_LIST}.xlsx")))
    if recorded is not None and batch:
        click.echo(text("register.recorded", lang, path=display_path(recorded)))
    _warnings(batch, office, office_path, date, lang)


def _earlier_letters(data_dir: Path, year: int, municipalities) -> dict:
    """Each municipality's first letters of earlier years that went out, from the register
    (none without one), newest first: a paragraph on the same obligation mentions the letter."""
    from compliance.letters.compose import EarlierLetter
    from compliance.register import is_packaged, register_file
    from compliance.register.store import read_register
    from compliance.vocabulary import Obligation

    register = None if is_packaged(data_dir) else read_register(register_file(data_dir))
    if register is None:
        return {}
    with register:
        return {
            ident: [EarlierLetter(row.year, row.number, row.date, frozenset(Obligation(o) for o in row.reasons),
                                  next((r.date for r in register.replies(row.year, ident)), None))
                    for row in register.earlier_letters(year, ident) if row.reasons]
            for ident in municipalities
        }


def _warnings(batch, office, office_path: Path, date: dt.date, lang: str) -> None:
    """What staff must know before sending: a non-working date, doubtful addresses, a draft."""
    from compliance.errors import display_path
    from compliance.letters.deadline import holiday_name
    from compliance.letters.typography import slovenian_date
    from compliance.messages import text

    if batch:
        holiday = holiday_name(date)
        if holiday or date.weekday() >= 5:
            day = (text("letters.day.holiday", lang, name=holiday) if holiday
                   else text("letters.day.saturday" if date.weekday() == 5 else "letters.day.sunday", lang))
            click.echo(text("letters.weekend", lang, date=slovenian_date(date), day=day,
                            deadline=slovenian_date(batch[0].deadline)), err=True)
    for letter in batch:
        m = letter.municipality
        for email in m.unconfirmed_emails:
            click.echo(text("letters.unconfirmed_email", lang, name=m.name, email=email), err=True)
        if not letter.recipients:
            click.echo(text("letters.no_recipient", lang, name=m.name), err=True)
    if batch and office.draft:
        click.echo(text("letters.draft", lang, path=display_path(office_path)), err=True)
        for key in office.to_confirm:
            click.echo(f"  - {text('office.confirm.' + key, lang)}", err=True)
