"""The Office's details and the letters' wording: `data/office.yaml`, configuration, not code.

Staff change the signatory, the file-number pattern, the reply period or a sentence of the
letters here. Sentences may use named placeholders (`{year}`, `{deadline}`...); an unknown
placeholder is an error at load time, located in the file, not a broken letter later.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from pathlib import Path
from typing import Annotated, Any, Optional

from pydantic import (
    AfterValidator, EmailStr, Field, StringConstraints, ValidationError, ValidationInfo, field_validator,
    model_validator,
)

from compliance import yamlfile
from compliance.errors import DataError, Problem
from compliance.models import Strict
from compliance.messages import Invalid, msg



def _one_line(text: str) -> str:
    # A line break could forge an e-mail header (the subject) or break a letter's layout.
    if any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise Invalid("office.one_line")
    return text


Line = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_one_line)]
Forms = Annotated[list[Line], Field(min_length=3, max_length=3)]  # singular, dual, plural

# What a sentence of the wording may refer to (filled in by compose.py for each letter).
WORDING_FIELDS = frozenset({
    "year", "provenance", "name", "dative", "genitive", "deadline", "days", "office", "email", "phone",
    "mayor", "number", "date", "quotes", "request_number", "request_date", "contact_name", "contact_phone", "contact_email",
})
# What some sentences may also refer to: an earlier letter's details in the `earlier_*`
# sentences, the letter's subject in the e-mail's cover note.
_EARLIER = frozenset({"earlier_number", "earlier_date", "earlier_year", "earlier_reply", "earlier_reply_date", "provision"})
EXTRA_FIELDS = {
    "earlier_duty": _EARLIER, "earlier_recommendation": _EARLIER, "earlier_request": _EARLIER,
    "earlier_reply": _EARLIER, "cover_note": frozenset({"subject"}),
}
# The values staff must confirm before letters go out as final (`unconfirmed:` lists them).
CONFIRMABLE = ("header", "address", "phone", "email", "contact", "signatory", "file_number", "requests")
# What the file number may refer to: `year` is the letter's year, as in 54201-1/2018-UN/22
# of the February 2018 invitation; `seq` the municipality's place in the registry, so that
# a letter keeps its number whichever subset of letters is written.
FILE_NUMBER_FIELDS = frozenset({"year", "report_year", "seq", "municipality"})
# Values of the types compose.py fills in, to try each sentence with at load time: a format
# spec or conversion that does not suit its value ({year:s}, {name!z}) is refused here,
# located in the file, instead of failing in the middle of a batch. `provenance` is words
# ("sporočeno v letu 2018") or empty (the facts are the year's own), so both are tried.
SAMPLES = (
    {"year": 2019, "provenance": "sporočeno v letu 2018", "report_year": 2019, "seq": 1, "days": 30, "municipality": "kuzma",
     "name": "Občina Kuzma", "dative": "Občini Kuzma", "genitive": "Občine Kuzma", "deadline": "3. 2. 2020",
     "office": "Urad", "email": "gp.un@gov.si", "phone": "01 200 18 70", "mayor": "Ime Priimek", "quotes": "»…«",
     "number": "54201-1/2020-UN/8", "date": "2. 3. 2020", "request_number": "54201-1/2020-UN/1",
     "request_date": "15. 1. 2020", "contact_name": "Ime Priimek", "contact_phone": "01 478 11 89",
     "contact_email": "ime.priimek@gov.si", "earlier_number": "54201-1/2020-UN/8", "earlier_date": "2. 3. 2020",
     "earlier_year": 2019, "earlier_reply": "", "earlier_reply_date": "20. 3. 2020",
     "provision": "drugega odstavka 6. člena ZRomS-1", "subject": "Poziv", "subject_continued": "poziv",
     "asked": "odgovor", "reminder_number": "54201-1/2020-UN/8-2", "letter_date": "2. 3. 2020",
     "letter_deadline": "1. 4. 2020", "n": 2},
    {"provenance": ""},
)
MAX_WIDTH = 999  # a wider field in a letter or file number is a typo (or an attack: {seq:>500000000})


def placeholders(template: str) -> list[str]:
    """The named fields of a str.format template; malformed braces raise ValueError."""
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def _check_fields(template: str, allowed: frozenset) -> str:
    try:
        names = placeholders(template)
    except ValueError as exc:
        raise Invalid("office.malformed_placeholder", template=template, reason=exc) from None
    unknown = [n for n in names if n not in allowed]
    if unknown:
        known = ", ".join("{%s}" % f for f in sorted(allowed))
        raise Invalid("office.unknown_placeholder", name=unknown[0], known=known)
    for _, name, spec, _ in string.Formatter().parse(template):
        if spec and ("{" in spec or any(int(w) > MAX_WIDTH for w in re.findall(r"\d+", spec))):
            raise Invalid("office.format_spec", name=name, spec=spec, width=MAX_WIDTH)
    values = dict(SAMPLES[0])
    for extra in SAMPLES:
        values.update(extra)
        try:
            template.format(**values)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
            raise Invalid("office.malformed_placeholder", template=template, reason=exc) from None
    return template


class OfficeDetails(Strict):
    name: Line  # in running text and as the e-mail sender's name
    header: list[Line] = Field(min_length=1)  # the letterhead, line by line
    address: list[Line] = []
    phone: Line
    email: EmailStr  # the letters' From address and where replies go


class Signatory(Strict):
    name: Line
    title: Line


class Contact(Strict):
    """The official handling the letters, named in them for further explanations."""

    name: Line
    phone: Line
    email: EmailStr


class Request(Strict):
    """The Office's request for contributions for a year, cited as "Zveza:" in its letters."""

    number: Line
    date: dt.date


class Wording(Strict):
    """Every sentence of a letter that does not come from the rule files. Lists of three are
    the Slovenian singular, dual and plural forms, chosen by the number of items."""

    subject_missing: Line  # did not report
    subject_shortfall: Line  # reported, falls short of a duty
    subject_both: Line  # did not report, and the older facts show a shortfall
    addressee: list[Line] = Field(min_length=1)  # when the registry does not name the mayor
    addressee_mayor_f: list[Line] = Field(min_length=1)  # {mayor}: the mayor's name
    addressee_mayor_m: list[Line] = Field(min_length=1)
    salutation: Line
    salutation_f: Line
    salutation_m: Line
    reference: Line  # after "Zveza:", when `requests` has the year
    quote_number: Line  # "Pri odgovoru se sklicujte na našo številko."
    intro_reported: Forms  # opens a letter to a municipality that reported, by number of duties
    duties_heading: Forms
    recommendations_heading: Forms
    missing_data_heading: Forms
    missing_data_intro: Line
    ack_obstacle: Line  # {quotes}: the overview's sentences on the municipality's obstacles
    ack_reason: Line
    ack_alternative: Line
    reply_data: Line  # the reply request: data only, data and an answer, an answer only
    reply_both: Line
    reply_answer: Line
    support: Forms  # after the reply request when duties are named, by their number
    contact: Line  # when no contact person is configured
    contact_person: Line
    closing: Line
    send_to: Line
    enclosure: Line  # after "Priloga:": the municipality's section of the overview
    enclosure_heading: Line  # the enclosure page's heading
    draft_mark: Line  # on every page while values are unconfirmed
    # After what the Office holds on an obligation, when a letter of an earlier year that went
    # out asked about the same obligation, by the obligation's kind ({earlier_number},
    # {earlier_date}: that letter's; {earlier_year}: the report year it was about; {provision}:
    # the obligation's provision in the genitive; {earlier_reply}: `earlier_reply` when the
    # register holds a reply to it, else nothing). The request for data names its own year:
    # last year's letter asked for last year's data.
    earlier_duty: Line = (
        "Na obveznost iz {provision} smo vas spomnili že z dopisom št. {earlier_number} z dne {earlier_date}{earlier_reply}.")
    earlier_recommendation: Line = (
        "Priporočilo smo vam posredovali že z dopisom št. {earlier_number} z dne {earlier_date}{earlier_reply}.")
    earlier_request: Line = (
        "K posredovanju podatkov za leto {earlier_year} smo vas pozvali že z dopisom št. {earlier_number} z dne "
        "{earlier_date}{earlier_reply}.")
    earlier_reply: Line = ", na katerega ste nam odgovorili dne {earlier_reply_date}"
    # The e-mail's cover note: the letter is attached as PDF.
    cover_note: Line = "v prilogi vam pošiljamo dopis št. {number} z dne {date} z zadevo »{subject}«."

    @field_validator("*")
    @classmethod
    def _known_placeholders(cls, value: Any, info: ValidationInfo) -> Any:
        allowed = WORDING_FIELDS | EXTRA_FIELDS.get(info.field_name or "", frozenset())
        for text in value if isinstance(value, list) else [value]:
            _check_fields(text, allowed)
        return value


class SmtpSettings(Strict):
    """Where `compliance send` sends the letters; the password is never stored here (it is
    read from the environment variable COMPLIANCE_SMTP_PASSWORD or asked for)."""

    host: Optional[Line] = None
    port: int = Field(default=587, ge=1, le=65535)
    starttls: bool = True
    user: Optional[Line] = None


# What a reminder's sentences may refer to: the wording's fields and the cited letter's
# ({subject_continued}: its subject with a lower-case first letter, to follow a dash;
# {asked}: what it asked for, in the accusative).
REMINDER_FIELDS = WORDING_FIELDS | {
    "number", "letter_date", "letter_deadline", "subject", "subject_continued", "n", "asked", "reminder_number"}


class ReminderWording(Strict):
    """The reminder (opomnik), `compliance reminders`. CHECK the number's form with the
    Office's filing rules: by default the cited letter's number and the document's place
    in the case (54201-1/2020-UN/8-2)."""

    days: int = Field(default=15, ge=1, le=365)  # the new deadline, counted from the reminder's date
    number: Line = "{number}-{n}"
    subject: Line = "Opomnik – {subject_continued}"
    reference: Line = "naš dopis št. {number} z dne {letter_date}"
    # The letter's date, not the day it went out: "z dopisom ... z dne" is how it is cited.
    text: list[Line] = [
        "Z dopisom št. {number} z dne {letter_date} smo vas prosili za {asked} do {letter_deadline}.",
        "Vašega odgovora do danes nismo prejeli. Če ste nam ga medtem že poslali, vas prosimo, da ta opomnik "
        "štejete za brezpredmeten.",
    ]
    # What the cited letter asked for ({asked}): an answer, the data, or both.
    asked_answer: Line = "odgovor"
    asked_data: Line = "podatke"
    asked_both: Line = "podatke in odgovor"
    cover_note: Line = (
        "v prilogi vam pošiljamo opomnik št. {reminder_number} z dne {date} k našemu dopisu št. {number} z dne "
        "{letter_date}.")

    @field_validator("number", "subject", "reference", "text", "asked_answer", "asked_data", "asked_both", "cover_note")
    @classmethod
    def _known_placeholders(cls, value: Any) -> Any:
        for text in value if isinstance(value, list) else [value]:
            _check_fields(text, REMINDER_FIELDS)
        return value


class Office(Strict):
    office: OfficeDetails
    contact: Optional[Contact] = None
    smtp: SmtpSettings = SmtpSettings()
    reminder: ReminderWording = ReminderWording()
    signatory: Signatory
    file_number: Line
    reply_days: int = Field(default=30, ge=1, le=365)
    requests: dict[int, Request] = {}  # by report year
    unconfirmed: list[str] = []  # of CONFIRMABLE: letters are drafts until this is empty
    wording: Wording

    @field_validator("unconfirmed")
    @classmethod
    def _confirmable(cls, value: list[str]) -> list[str]:
        unknown = [v for v in value if v not in CONFIRMABLE]
        if unknown:
            raise Invalid("office.unknown_unconfirmed", name=unknown[0], known=", ".join(CONFIRMABLE))
        return value

    @property
    def draft(self) -> bool:
        """Letters are drafts (OSNUTEK) while a value is unconfirmed or the postal address is missing."""
        return bool(self.to_confirm)

    @property
    def to_confirm(self) -> list[str]:
        missing = [] if self.office.address else ["address"]
        return [key for key in CONFIRMABLE if key in self.unconfirmed or key in missing]

    @field_validator("file_number")
    @classmethod
    def _file_number_fields(cls, value: str) -> str:
        return _check_fields(value, FILE_NUMBER_FIELDS)


def office_file(data_dir: Path) -> Path:
    return Path(data_dir) / "office.yaml"


def load_office(path: Path) -> Office:
    """The configuration in `path`; every problem is reported with its line and field."""
    raw = yamlfile.load(path)
    if not isinstance(raw, dict):
        raise DataError([Problem(path, msg("office.shape"))])
    try:
        return Office.model_validate(raw)
    except ValidationError as exc:
        raise DataError(yamlfile.validation_problems(path, raw, exc)) from None
