"""Where each case stands: the letter, when it went out, the deadline, replies, reminders.

A case is one municipality in one year, opened by its first letter. It is `answered`
once a reply is recorded and `closed` when staff close it; otherwise `open`. It is
overdue when it is open and the deadline of its newest sent letter has passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from compliance.register.store import LetterRow, Register, Reply


@dataclass(frozen=True)
class SentLetter:
    letter: LetterRow
    delivery: str  # unsent | sending | uncertain | failed | sent
    sent_on: Optional[dt.date]
    how: Optional[str]
    message_id: Optional[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "number": self.letter.number,
            "date": self.letter.date.isoformat(),
            "deadline": self.letter.deadline.isoformat(),
            "delivery": self.delivery,
            "sent_on": self.sent_on.isoformat() if self.sent_on else None,
            "sent_how": self.how,
            "message_id": self.message_id,
            "recipients": list(self.letter.recipients),
        }


@dataclass(frozen=True)
class Case:
    year: int
    municipality: str
    state: str
    letter: SentLetter
    reminders: tuple[SentLetter, ...]
    replies: tuple[Reply, ...]
    as_of: dt.date

    @property
    def latest(self) -> SentLetter:
        """The newest letter (the last reminder, else the first letter)."""
        return self.reminders[-1] if self.reminders else self.letter

    @property
    def deadline(self) -> dt.date:
        return self.latest.letter.deadline

    @property
    def overdue(self) -> bool:
        """Open, its newest letter sent, and that letter's deadline passed without a reply."""
        return self.state == "open" and self.latest.delivery == "sent" and self.deadline < self.as_of

    @property
    def days_overdue(self) -> int:
        return (self.as_of - self.deadline).days if self.overdue else 0

    def to_json(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "state": self.state,
            "letter": self.letter.to_json(),
            "reminders": [r.to_json() for r in self.reminders],
            "deadline": self.deadline.isoformat(),
            "replies": [
                {"date": r.date.isoformat(), "file": r.file, "sha256": r.sha256, "note": r.note,
                 "records": {"file": r.records_file, "sha256": r.records_sha256} if r.records_file else None}
                for r in self.replies
            ],
            "overdue": self.overdue,
            "days_overdue": self.days_overdue,
        }


def sent_letter(register: Register, letter: LetterRow) -> SentLetter:
    deliveries = register.deliveries(letter.id)
    done = next((d for d in deliveries if d.state == "sent"), None)
    if done is not None:
        return SentLetter(letter, "sent", done.sent_on, done.how, done.message_id)
    last = deliveries[-1] if deliveries else None
    if last is None:
        return SentLetter(letter, "unsent", None, None, None)
    return SentLetter(letter, last.state, None, last.how, last.message_id)


def case(register: Register, year: int, municipality: str, as_of: dt.date) -> Optional[Case]:
    state = register.state(year, municipality)
    firsts = register.letters(year, municipality, "first")
    if state is None or not firsts:
        return None
    reminders = register.letters(year, municipality, "reminder")
    return Case(
        year=year,
        municipality=municipality,
        state=state,
        letter=sent_letter(register, firsts[-1]),
        reminders=tuple(sent_letter(register, r) for r in reminders),
        replies=tuple(register.replies(year, municipality)),
        as_of=as_of,
    )


def cases(register: Register, year: int, as_of: dt.date, order: Optional[list[str]] = None) -> list[Case]:
    """The year's cases, in `order` (the registry's) where given."""
    found = [c for c in (case(register, year, m, as_of) for m, _ in register.cases(year)) if c is not None]
    if order:
        rank = {ident: i for i, ident in enumerate(order)}
        found.sort(key=lambda c: rank.get(c.municipality, len(rank)))
    return found
