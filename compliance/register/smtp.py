"""Sending the recorded letters by SMTP, each at most once.

The trade-off, chosen for official letters: **at most once**. Before a letter's SMTP
conversation the register records the attempt as `sending`, with the Message-ID, in its
own committed transaction; after the server's answer it records `sent` or `failed`. If
the process dies in between (a kill, a power cut, a lost connection while the message
was being handed over), the register still says `sending`, and nobody can know from here
whether the server kept the message. The next run does not guess: it marks the attempt
`uncertain`, names its Message-ID so that staff can find it in the sent mail or the
server's log, and sends everything else. Staff then record it as sent (`register sent`)
or send it again on purpose (`send --resend ID --reason ...`, with a new Message-ID).
At-least-once (sending again automatically) would risk a second copy of an official
letter for a window of milliseconds; at-most-once risks a letter that waits for a clerk,
and says so loudly.

A refusal by the server (a recipient rejected, the message refused) is definite: the
attempt is `failed` and the next run tries again. A letter with several recipients goes
to all of them or to none (every RCPT must be accepted before DATA).
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from dataclasses import dataclass
from email import message_from_bytes
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Callable, Optional, Sequence

from compliance.errors import ComplianceError, display_path
from compliance.messages import msg
from compliance.register.actions import newest_letter
from compliance.register.cases import sent_letter
from compliance.register.record import sha256
from compliance.register.store import LetterRow, Register

TIMEOUT = 60  # seconds for the server's answers


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    starttls: bool
    user: Optional[str]


@dataclass(frozen=True)
class Outgoing:
    letter: LetterRow
    state: str  # unsent | failed (sent, uncertain: only with a resend reason)
    resend_reason: Optional[str] = None


@dataclass(frozen=True)
class Plan:
    outgoing: tuple[Outgoing, ...]
    uncertain: tuple[tuple[LetterRow, Optional[str]], ...]  # letter, Message-ID of the interrupted attempt


def plan(register: Register, year: int, resend: Sequence[str] = (), reason: Optional[str] = None) -> Plan:
    """What a run would send: every current letter of the year not sent yet, and the letters
    named in `resend`; the interrupted attempts it will not send again."""
    outgoing, uncertain = [], []
    for municipality, _ in register.cases(year):
        for letter in register.letters(year, municipality):
            done = sent_letter(register, letter)
            wanted_again = municipality in resend and letter.id == newest_letter(register, year, municipality).id
            if done.delivery in ("unsent", "failed"):
                outgoing.append(Outgoing(letter, done.delivery))
            elif wanted_again:
                outgoing.append(Outgoing(letter, done.delivery, reason))
            elif done.delivery in ("sending", "uncertain"):
                uncertain.append((letter, done.message_id))
    outgoing.sort(key=lambda o: (o.letter.date, o.letter.id))
    return Plan(tuple(outgoing), tuple(uncertain))


def check_files(outgoing: Sequence[Outgoing]) -> None:
    """Every letter is final (no OSNUTEK), its e-mail file there and unchanged since it was
    written; else nothing is sent."""
    for item in outgoing:
        letter = item.letter
        if letter.draft:
            raise ComplianceError(msg("send.draft", municipality=letter.municipality, number=letter.number))
        if "eml" not in letter.files:
            raise ComplianceError(msg("send.no_eml", municipality=letter.municipality, number=letter.number))
        path = letter.path("eml")
        try:
            digest = sha256(path.read_bytes())
        except OSError as exc:
            raise ComplianceError(msg("send.file_unreadable", municipality=letter.municipality, number=letter.number,
                                      path=display_path(path), reason=exc.strerror or exc)) from None
        if digest != letter.files["eml"][1]:
            raise ComplianceError(msg("send.file_changed", municipality=letter.municipality, path=display_path(path)))


def attachments(letter: LetterRow) -> list[str]:
    """The names of the files the e-mail carries, as the recipient will see them."""
    from compliance.letters.eml import POLICY

    message = message_from_bytes(letter.path("eml").read_bytes(), policy=POLICY)
    return [part.get_filename() or "?" for part in message.iter_attachments()]


def message_id(original: str, attempt: int) -> str:
    """The letter's own Message-ID; a deliberate resend gets its own (`...r2@...`)."""
    if attempt <= 1 or "@" not in original:
        return original
    local, domain = original.strip("<>").rsplit("@", 1)
    return f"<{local}.r{attempt}@{domain}>"


def prepare(letter: LetterRow, attempt: int) -> tuple[bytes, str, str]:
    """The e-mail as it goes out: the written .eml without `X-Unsent`, dated now.
    Returns (bytes, envelope sender, Message-ID)."""
    from compliance.letters.eml import POLICY

    message = message_from_bytes(letter.path("eml").read_bytes(), policy=POLICY)
    del message["X-Unsent"]
    del message["Date"]
    message["Date"] = format_datetime(dt.datetime.now(dt.timezone.utc))
    original = message["Message-ID"] or make_msgid()
    del message["Message-ID"]
    mid = message_id(str(original), attempt)
    message["Message-ID"] = mid
    sender = message["From"].addresses[0].addr_spec
    return message.as_bytes(policy=POLICY), sender, mid


def connect(server: Server, password: Callable[[], Optional[str]]) -> smtplib.SMTP:
    try:
        connection = smtplib.SMTP(server.host, server.port, timeout=TIMEOUT)
    except (OSError, smtplib.SMTPException) as exc:
        raise ComplianceError(msg("send.unreachable", host=server.host, port=server.port, reason=_reason(exc))) from None
    try:
        connection.ehlo_or_helo_if_needed()
        if server.starttls:
            connection.starttls(context=ssl.create_default_context())
            connection.ehlo()
        if server.user:
            connection.login(server.user, password() or "")
    except smtplib.SMTPAuthenticationError as exc:
        connection.close()
        raise ComplianceError(msg("send.login_failed", host=server.host, port=server.port, user=server.user,
                                  reason=_reason(exc))) from None
    except (OSError, smtplib.SMTPException) as exc:
        connection.close()
        raise ComplianceError(msg("send.unreachable", host=server.host, port=server.port, reason=_reason(exc))) from None
    return connection


def _reason(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        error = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return f"{exc.smtp_code} {error}"
    return str(exc) or type(exc).__name__


@dataclass(frozen=True)
class Result:
    letter: LetterRow
    state: str  # sent | failed | uncertain
    message_id: str
    error: Optional[str] = None


def send_one(register: Register, connection: smtplib.SMTP, server: Server, item: Outgoing, today: dt.date) -> Result:
    letter = item.letter
    attempt = 1 + sum(1 for d in register.deliveries(letter.id) if d.how == "smtp" and d.state != "failed")
    data, sender, mid = prepare(letter, attempt)
    with register.transaction():  # the intent, committed before the server hears anything
        delivery = register.start_delivery(letter, "smtp", mid, reason=item.resend_reason)
    state, error = "failed", None
    try:
        code, answer = connection.mail(sender)
        if code != 250:
            error = f"MAIL FROM: {code} {answer.decode('utf-8', 'replace')}"
        refused = []
        if error is None:
            for recipient in letter.recipients:
                code, answer = connection.rcpt(recipient)
                if code not in (250, 251):
                    refused.append(f"{recipient}: {code} {answer.decode('utf-8', 'replace')}")
            if refused:
                error = "; ".join(refused)
        if error is not None:
            connection.rset()  # to all recipients or to none
        else:
            state = "uncertain"  # from here on the server may keep the message
            code, answer = connection.data(data)
            state, error = ("sent", None) if code == 250 else ("failed", f"DATA: {code} {answer.decode('utf-8', 'replace')}")
    except smtplib.SMTPResponseException as exc:
        state, error = "failed", _reason(exc)  # a refusal the server answered with
    except (OSError, smtplib.SMTPException) as exc:
        # The connection broke: before DATA nothing was handed over; during it, who knows.
        error = _reason(exc)
        with register.transaction():
            register.finish_delivery(letter, delivery, state, error=error)
        raise ComplianceError(msg("send.unreachable", host=server.host, port=server.port, reason=error)) from None
    with register.transaction():
        register.finish_delivery(letter, delivery, state, sent_on=today if state == "sent" else None, error=error)
    return Result(letter, state, mid, error)


def mark_uncertain(register: Register, plan_: Plan) -> None:
    """Interrupted attempts found at the start of a run (this run holds the send lock, so
    no other run is still in them) become `uncertain`, with an event."""
    for letter, _ in plan_.uncertain:
        delivery = register.last_delivery(letter.id)
        if delivery is not None and delivery.state == "sending":
            with register.transaction():
                register.finish_delivery(letter, delivery.id, "uncertain", error="interrupted")


def lock_file(register_path: Path) -> Path:
    return register_path.with_name(register_path.name + ".send-lock")
