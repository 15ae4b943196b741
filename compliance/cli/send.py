"""`compliance send`: the recorded, unsent letters of a year, by SMTP, each at most once."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options

PASSWORD_ENV = "COMPLIANCE_SMTP_PASSWORD"


@main.command()
@click.option("--year", type=int, required=True, help="The report year of the letters.")
@click.option("--smtp-host", help="SMTP server (default: smtp.host in office.yaml).")
@click.option("--smtp-port", type=click.IntRange(1, 65535), help="SMTP port (default: smtp.port in office.yaml).")
@click.option("--smtp-user", help="SMTP user name (default: smtp.user in office.yaml); the password is read "
              f"from {PASSWORD_ENV} or asked for, never stored.")
@click.option("--starttls/--no-starttls", default=None, help="Use STARTTLS (default: smtp.starttls in office.yaml).")
@click.option("--yes", is_flag=True, help="Send without asking.")
@click.option("--dry-run", is_flag=True, help="List what would be sent; send and record nothing.")
@click.option("--resend", multiple=True, metavar="ID",
              help="Send this municipality's newest letter again although it was sent (needs --reason).")
@click.option("--reason", help="Why the letters named by --resend go out again (kept in the register).")
@click.option("--office", "office_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Office details and SMTP settings (default: DATA_DIR/office.yaml).")
@options.by
@options.lang
@options.data_dir
def send(year: int, smtp_host: Optional[str], smtp_port: Optional[int], smtp_user: Optional[str],
         starttls: Optional[bool], yes: bool, dry_run: bool, resend: tuple[str, ...], reason: Optional[str],
         office_path: Optional[Path], by: Optional[str], lang: str, data_dir: Path) -> None:
    """Send the year's recorded letters that have not been sent, with their attachments."""
    import datetime as dt

    from compliance.errors import ComplianceError
    from compliance.letters.office import load_office, office_file
    from compliance.messages import msg, text
    from compliance.register import register_file, smtp
    from compliance.register.actions import check_case, check_year
    from compliance.register.cases import sent_letter
    from compliance.register.runlock import exclusive
    from compliance.register.store import open_register
    from compliance.registry import load_registry

    settings_file = office_path or office_file(data_dir)
    settings = load_office(settings_file).smtp
    server = smtp.Server(
        host=smtp_host or settings.host or "",
        port=smtp_port or settings.port,
        starttls=settings.starttls if starttls is None else starttls,
        user=smtp_user or settings.user,
    )
    if resend and not (reason and reason.strip()):
        raise ComplianceError(msg("send.resend_needs_reason"))
    path = register_file(data_dir)
    registry = load_registry(data_dir)
    with open_register(path, by, create=False) as reg, exclusive(smtp.lock_file(path)):
        check_year(reg, year)
        for ident in resend:
            check_case(reg, registry, year, ident)
            newest = smtp.newest_letter(reg, year, ident)
            if sent_letter(reg, newest).delivery in ("unsent", "failed"):
                raise ComplianceError(msg("send.resend_not_sent", municipality=ident, number=newest.number))
        todo = smtp.plan(reg, year, resend, reason.strip() if reason else None)
        if not dry_run:
            smtp.mark_uncertain(reg, todo)
        for letter, message_id in todo.uncertain:
            click.echo(text("send.uncertain", lang, municipality=letter.municipality, number=letter.number,
                            mid=message_id or "?", year=year), err=True)
        if not todo.outgoing:
            click.echo(text("send.nothing", lang, year=year))
            return
        if not server.host:
            raise ComplianceError(msg("send.no_host", path=settings_file))
        smtp.check_files(todo.outgoing)
        click.echo(text("send.plan", lang, n=len(todo.outgoing), host=server.host, port=server.port))
        for item in todo.outgoing:
            letter = item.letter
            state = text(f"delivery.{item.state}", lang)
            attached = ", ".join(smtp.attachments(letter))
            click.echo(f"  {letter.municipality:<14} {letter.number:<20} {text('kind.' + letter.kind, lang):<8} {state:<22} "
                       f"{', '.join(letter.recipients)}" + (f"  [{attached}]" if attached else ""))
        if dry_run:
            click.echo(text("send.dry_run", lang))
            return
        if not yes and not click.confirm(text("send.confirm", lang), default=False):
            click.echo(text("send.cancelled", lang))
            sys.exit(1)

        def password() -> Optional[str]:
            return os.environ.get(PASSWORD_ENV) or click.prompt(
                text("send.password", lang, user=server.user, host=server.host), hide_input=True)

        connection = smtp.connect(server, password)
        failed = 0
        sent = 0
        try:
            for item in todo.outgoing:
                result = smtp.send_one(reg, connection, server, item, dt.date.today())
                letter = result.letter
                if result.state == "sent":
                    sent += 1
                    click.echo(text("send.sent", lang, municipality=letter.municipality, number=letter.number,
                                    mid=result.message_id))
                else:
                    failed += 1
                    click.echo(text("send.failed", lang, municipality=letter.municipality, number=letter.number,
                                    reason=result.error), err=True)
        finally:
            try:
                connection.quit()
            except Exception:  # the server may be gone already; the register is what counts
                connection.close()
        click.echo(text("send.done", lang, n=sent))
        if failed:
            raise ComplianceError(msg("send.failed_some", n=failed))
