"""What staff record by hand: letters sent from Outlook, and the municipalities' replies.

Every check comes before the first change, and all changes of a command are one
transaction: a bad id or date among several leaves the register as it was.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Optional, Sequence

from compliance import atomic
from compliance.errors import ComplianceError, display_path
from compliance.messages import msg
from compliance.register.cases import sent_letter
from compliance.register.record import sha256
from compliance.register.store import LetterRow, Register
from compliance.registry import Registry
from compliance.suggest import closest


def check_year(register: Register, year: int) -> None:
    if year not in register.years():
        raise ComplianceError(msg("register.no_year", year=year, years=", ".join(map(str, register.years())) or "-"))


def check_case(register: Register, registry: Registry, year: int, municipality: str) -> str:
    """The municipality's id, when it has a case in the year; else a clear error."""
    check_year(register, year)
    if municipality not in registry:
        registry.get(municipality)  # raises NotFound with the closest ids
    if register.state(year, municipality) is None:
        with_case = [m for m, _ in register.cases(year)]
        hint = closest(municipality, with_case)
        message = msg("register.no_case", municipality=municipality, year=year)
        if hint:
            message = msg("hint.did_you_mean", text=message, names=", ".join(hint))
        raise ComplianceError(message)
    return municipality


def newest_letter(register: Register, year: int, municipality: str) -> LetterRow:
    """The newest current letter of a case: the last reminder, else the first letter."""
    reminders = register.letters(year, municipality, "reminder")
    return reminders[-1] if reminders else register.letters(year, municipality, "first")[-1]


def _not_future(date: dt.date, today: Optional[dt.date] = None) -> None:
    if date > (today or dt.date.today()):
        raise ComplianceError(msg("register.in_future", date=date.isoformat()))


def mark_sent(register: Register, registry: Registry, year: int, municipalities: Sequence[str], date: dt.date) -> list[str]:
    """Record the newest letter of each case as sent on `date` (from Outlook)."""
    _not_future(date)
    letters = []
    for ident in dict.fromkeys(municipalities):
        check_case(register, registry, year, ident)
        letter = newest_letter(register, year, ident)
        done = sent_letter(register, letter)
        if done.delivery == "sent":
            raise ComplianceError(msg("register.already_marked", municipality=ident, number=letter.number,
                                      sent=done.sent_on.isoformat() if done.sent_on else "?"))
        if letter.draft:
            raise ComplianceError(msg("send.draft", municipality=ident, number=letter.number))
        if date < letter.date:
            raise ComplianceError(msg("register.sent_before_letter", municipality=ident, date=date.isoformat(),
                                      number=letter.number, letter_date=letter.date.isoformat()))
        letters.append(letter)
    with register.transaction():
        for letter in letters:
            delivery = register.last_delivery(letter.id)
            if delivery is not None and delivery.state in ("sending", "uncertain"):
                # An interrupted SMTP attempt that staff found in the sent mail.
                register.finish_delivery(letter, delivery.id, "sent", sent_on=date)
            else:
                register.start_delivery(letter, "manual", None, sent_on=date, state="sent")
    return [letter.municipality for letter in letters]


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._") or "odgovor"


def record_reply(
    register: Register, registry: Registry, data_dir: Path, year: int, municipality: str, date: dt.date,
    file: Optional[Path], note: Optional[str], close: bool, facts: bool = False,
) -> str:
    """Record a reply (its file copied into the data folder with its hash); returns the case's state.

    With `facts`, the reply brought new facts that staff entered in the year's records file:
    the file is validated (a problem stops here, nothing recorded) and the reply points to
    it by path and sha256."""
    check_case(register, registry, year, municipality)
    _not_future(date)
    if file is None and not (note and note.strip()):
        raise ComplianceError(msg("register.reply_empty"))
    first = register.letters(year, municipality, "first")[-1]
    if date < first.date:
        raise ComplianceError(msg("register.reply_before_letter", date=date.isoformat(), number=first.number,
                                  letter_date=first.date.isoformat()))
    data, digest, copy = None, None, None
    if file is not None:
        try:
            data = Path(file).read_bytes()
        except OSError as exc:
            raise ComplianceError(msg("register.reply_file", path=display_path(file), reason=exc.strerror or exc)) from None
        digest = sha256(data)
        copy = Path("replies") / str(year) / municipality / f"{date.isoformat()}-{_safe_name(Path(file).name)}"
    note = note.strip() if note and note.strip() else None
    for earlier in register.replies(year, municipality):
        if earlier.date == date and earlier.sha256 == digest and (digest is not None or earlier.note == note):
            raise ComplianceError(msg("register.duplicate_reply", municipality=municipality, date=date.isoformat()))
    records = None
    if facts:
        from compliance import paths
        from compliance.validate import load_year

        load_year(Path(data_dir), year)  # raises DataError with every problem, located
        records_path = paths.records_file(Path(data_dir), year)
        records = (records_path.relative_to(data_dir).as_posix(), sha256(records_path.read_bytes()))
    state = register.state(year, municipality)
    new_state = "closed" if close or state == "closed" else "answered"
    with register.transaction():
        register.record_reply(year, municipality, date, copy.as_posix() if copy else None, digest, note, records)
        register.set_state(year, municipality, new_state, reply=date.isoformat())
        if copy is not None and data is not None:
            atomic.write_bytes(Path(data_dir) / copy, data)  # inside: a failed copy records nothing
    return new_state
