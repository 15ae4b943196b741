"""Pydantic models of the registry and the yearly records (the design's vocabulary).

The models refuse what cannot be true (contradictory facts, impossible years); whether a
fact is faithful to its source is checked by `compliance.validate`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from compliance.messages import Invalid
from compliance.plaintext import Name, Text
from compliance.vocabulary import (
    MAX_YEAR, MIN_YEAR, CooperationForm, Grade, MunicipalityKind, Obligation, ProgrammeStatus, Provenance, ReasonType,
)

Year = Field(ge=MIN_YEAR, le=MAX_YEAR)
Evidence = list[str]


class Strict(BaseModel):
    """Unknown fields are errors: a typo in a field name must not silently drop a fact."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def municipality_id(short_name: str) -> str:
    """The design's id: ASCII slug of the short name (`Novo mesto` -> `novo-mesto`)."""
    from slugify import slugify  # imported when data is validated, not on every start

    return slugify(short_name)


def _email(value: str) -> str:
    # pydantic's own EmailStr check (same errors), but email-validator (about 20 ms to
    # import) is imported when an address is validated, not when the model is defined.
    from pydantic.networks import validate_email

    return validate_email(value)[1]


Email = Annotated[str, AfterValidator(_email)]


class Mayor(Strict):
    """The mayor, when the registry knows them: letters name them and greet them accordingly."""

    name: Name
    gender: Literal["f", "m"]  # županja / župan


class Municipality(Strict):
    id: str
    name: Name
    short_name: Name
    kind: MunicipalityKind
    dative: Name
    genitive: Name
    region: Name
    # The municipality elects a Roma representative to its council under the Local
    # Self-Government Act (ZLS, Art. 39), whether or not the seat is filled: this, not a
    # sitting councillor, is what Art. 7(1) ZRomS-1 ties the working-body duty to.
    roma_seat: bool
    emails: list[Email] = Field(min_length=1)
    # Addresses kept as the source gives them but doubtful: not used as a recipient until
    # staff confirm them (remove them from this list).
    unconfirmed_emails: list[Email] = []
    mayor: Optional[Mayor] = None
    address: list[Name] = []  # postal address lines, for the letters' addressee block
    notes: list[Text] = []

    @model_validator(mode="after")
    def _id_is_slug_of_short_name(self) -> "Municipality":
        expected = municipality_id(self.short_name)
        if not expected:  # '!!!' would name its letters '.docx', '.eml': hidden files
            raise Invalid("model.empty_id", short_name=self.short_name)
        if self.id != expected:
            raise Invalid("model.slug_mismatch", short_name=self.short_name, expected=expected)
        return self

    @model_validator(mode="after")
    def _unconfirmed_are_listed(self) -> "Municipality":
        stray = [e for e in self.unconfirmed_emails if e not in self.emails]
        if stray:
            raise Invalid("model.unconfirmed_email", email=stray[0])
        return self

    @property
    def confirmed_emails(self) -> list[str]:
        return [e for e in self.emails if e not in self.unconfirmed_emails]


class Period(Strict):
    start: Optional[int] = Field(default=None, ge=MIN_YEAR - 10, le=MAX_YEAR)
    end: Optional[int] = Field(default=None, ge=MIN_YEAR - 10, le=MAX_YEAR)

    @model_validator(mode="after")
    def _ends_after_start(self) -> "Period":
        if self.start is not None and self.end is not None and self.end < self.start:
            raise Invalid("model.period_order", end=self.end, start=self.start)
        return self


class Reason(Strict):
    """What the municipality itself says: why it lacks something, an obstacle, what it does instead."""

    type: ReasonType
    summary: Text = Field(min_length=1)  # staff's short Slovenian summary, shown with the evidence
    evidence: Evidence = Field(min_length=1)


Reasons = list[Reason]


class Programme(Strict):
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    title: Optional[str] = None
    adopted_on: Optional[dt.date] = None
    period: Optional[Period] = None
    evidence: Evidence = []
    reasons: Reasons = []


class WorkingBody(Strict):
    established: Optional[bool] = None
    active: Optional[bool] = None
    meetings: Optional[int] = Field(default=None, ge=0, le=366)  # in the report year, where the text says so
    # Meetings so far in the council's term ("do sedaj se je sestalo enkrat"), where the text
    # counts them so and does not place them in the year.
    meetings_in_mandate: Optional[int] = Field(default=None, ge=0, le=1000)
    name: Optional[str] = None
    evidence: Evidence = []
    reasons: Reasons = []

    @model_validator(mode="after")
    def _consistent(self) -> "WorkingBody":
        if self.established is False:
            if self.meetings or self.meetings_in_mandate:
                raise Invalid("model.wb_not_established_met")
            if self.active:
                raise Invalid("model.wb_not_established_active")
        if self.active is False and self.meetings:
            raise Invalid("model.wb_met_inactive")
        return self


class Cooperation(Strict):
    form: CooperationForm = CooperationForm.UNKNOWN
    name: Optional[str] = None
    evidence: Evidence = []
    reasons: Reasons = []


class Record(Strict):
    """What is known of one municipality for one reporting year."""

    municipality: str
    year: int = Year
    # False: the year's overview does not mention the municipality at all (not the same as
    # "sent nothing", which the overview says of those that did not report).
    in_overview: bool = True
    reported: bool
    # The year the facts were stated ("V letu 2018 je občina sporočila"), where known.
    stated_in: Optional[int] = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    # The year the facts describe, only where the text says so.
    describes: Optional[int] = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    evidence: Evidence = []
    note: Optional[str] = None  # the curators' own note: never shown to users
    programme: Programme = Programme()
    working_body: WorkingBody = WorkingBody()
    cooperation: Cooperation = Cooperation()

    @model_validator(mode="after")
    def _years_agree(self) -> "Record":
        for name in ("stated_in", "describes"):
            value = getattr(self, name)
            if value is not None and value > self.year:
                raise Invalid("model.fact_year_after", field=name, value=value, year=self.year)
        if self.reported and (self.stated_in, self.describes) != (self.year, self.year):
            raise Invalid("model.reported_years")
        if not self.in_overview and (self.reported or self.stated_in is not None or self.describes is not None or self.states_facts):
            raise Invalid("model.not_in_overview_facts")
        return self

    @property
    def states_facts(self) -> bool:
        """Whether any obligation's facts are stated (carried over, for a non-reporter)."""
        body = self.working_body
        return (
            self.programme.status != ProgrammeStatus.UNKNOWN
            or (body.established, body.active, body.meetings, body.meetings_in_mandate) != (None, None, None, None)
            or self.cooperation.form != CooperationForm.UNKNOWN
        )

    @property
    def provenance(self) -> Provenance:
        if not self.in_overview:
            return Provenance.NOT_IN_OVERVIEW
        if self.reported:
            return Provenance.CURRENT
        if self.stated_in is not None:
            return Provenance.STATED_IN
        return Provenance.LAST_CONTRIBUTION if self.states_facts else Provenance.NOTHING_CARRIED


class Decision(Strict):
    """A reviewer's judgement on one finding (`data/decisions/<year>.yaml`), applied after the rules."""

    municipality: str
    obligation: Obligation
    grade: Optional[Grade] = None  # None: the rules' grade stands, the note is still shown
    note: Text = Field(min_length=1)  # why, in Slovenian
    decided_by: Name = Field(min_length=1)
    decided_on: dt.date
    expires: Optional[dt.date] = None

    def expired(self, on: dt.date) -> bool:
        return self.expires is not None and self.expires < on

    def to_json(self) -> dict[str, Any]:
        return {
            "grade": None if self.grade is None else self.grade.value,
            "note": self.note,
            "decided_by": self.decided_by,
            "decided_on": self.decided_on.isoformat(),
            "expires": None if self.expires is None else self.expires.isoformat(),
        }
