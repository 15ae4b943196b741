"""A reminder (opomnik): a short letter citing the first one, written by the same machinery.

It says when the Office wrote and under which number ("Zveza: naš dopis št. X z dne Y"),
that the Office has not received an answer (the register holds no reply), and asks again
by a new deadline. Its wording is configuration (`reminder` in data/office.yaml, with the
defaults below); it repeats nothing of the first letter's findings, which the first
letter states and the reminder cites.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Optional

from compliance.letters.compose import Letter, _fill, _values, request_kind
from compliance.letters.deadline import reply_deadline
from compliance.letters.office import Office
from compliance.letters.typography import slovenian_date
from compliance.models import Municipality


@dataclass(frozen=True)
class Cited:
    """The letter a reminder follows up (as the register holds it)."""

    number: str
    date: dt.date
    deadline: dt.date
    subject: str
    reasons: Optional[tuple[str, ...]] = None  # the obligations it asked about (None: not recorded)

    @property
    def asked(self) -> str:
        """What the letter asked for (compose.request_kind, from the obligations it asked about: the
        reporting request and any other); an answer when the register does not say."""
        reasons = self.reasons or ()
        return request_kind("reporting" in reasons, len(reasons) > 1)


@dataclass(frozen=True)
class Reminder(Letter):
    reference: str = ""  # "naš dopis št. X z dne Y", the Zveza line
    cover: str = ""  # the e-mail's cover note

    def context(self) -> dict[str, Any]:
        context = super().context()
        context["reference"] = self.reference
        context["cover"] = self.cover
        return context


def compose_reminder(
    municipality: Municipality, cited: Cited, office: Office, year: int, date: dt.date, sequence: int,
) -> Reminder:
    """The `sequence`-th document of the case (2 for the first reminder) to `municipality`."""
    wording = office.reminder
    deadline = reply_deadline(date, wording.days)
    values = {
        **_values(municipality, office, year, deadline, "", date=date),
        "number": cited.number,
        "letter_date": slovenian_date(cited.date),
        "letter_deadline": slovenian_date(cited.deadline),
        "subject": cited.subject,
        "subject_continued": cited.subject[:1].lower() + cited.subject[1:],
        "n": sequence,
        "asked": getattr(wording, f"asked_{cited.asked}"),
    }
    values["reminder_number"] = number = wording.number.format(**values)
    return Reminder(
        municipality=municipality,
        year=year,
        date=date,
        deadline=deadline,
        number=number,
        subject=_fill(wording.subject, values),
        reported=True,
        intro=tuple(_fill(p, values) for p in wording.text),
        request=(),
        acknowledged=(),
        sections=(),
        reply=_fill(getattr(office.wording, f"reply_{cited.asked}"), values),
        support="",
        reasons=(),
        provenance="",
        office=office,
        reference=_fill(wording.reference, values),
        cover=_fill(wording.cover_note, values),
    )
