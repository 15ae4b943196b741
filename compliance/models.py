"""Pydantic models of the registry and the yearly records (the design's vocabulary).

The models refuse what cannot be true (contradictory facts, impossible years); whether a
fact is faithful to its source is checked by `compliance.validate`.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from compliance.messages import Invalid
from compliance.plaintext import Name, Text
from compliance.vocabulary import MAX_YEAR, MIN_YEAR, CooperationForm, MunicipalityKind, ProgrammeStatus

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


class Municipality(Strict):
    id: str
    name: Name
    short_name: Name
    kind: MunicipalityKind
    dative: Name
    genitive: Name
    region: Name
    roma_councillor: bool
    emails: list[Email] = Field(min_length=1)
    notes: list[Text] = []

    @model_validator(mode="after")
    def _id_is_slug_of_short_name(self) -> "Municipality":
        expected = municipality_id(self.short_name)
        if not expected:  # '!!!' would name its letters '.docx', '.eml': hidden files
            raise Invalid("model.empty_id", short_name=self.short_name)
        if self.id != expected:
            raise Invalid("model.slug_mismatch", short_name=self.short_name, expected=expected)
        return self


class Period(Strict):
    start: Optional[int] = Field(default=None, ge=MIN_YEAR - 10, le=MAX_YEAR)
    end: Optional[int] = Field(default=None, ge=MIN_YEAR - 10, le=MAX_YEAR)

    @model_validator(mode="after")
    def _ends_after_start(self) -> "Period":
        if self.start is not None and self.end is not None and self.end < self.start:
            raise Invalid("model.period_order", end=self.end, start=self.start)
        return self


class Programme(Strict):
    status: ProgrammeStatus = ProgrammeStatus.UNKNOWN
    title: Optional[str] = None
    adopted_on: Optional[dt.date] = None
    period: Optional[Period] = None
    evidence: Evidence = []


class WorkingBody(Strict):
    established: Optional[bool] = None
    active: Optional[bool] = None
    meetings: Optional[int] = Field(default=None, ge=0, le=366)
    name: Optional[str] = None
    evidence: Evidence = []

    @model_validator(mode="after")
    def _consistent(self) -> "WorkingBody":
        if self.established is False:
            if self.meetings:
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


class Record(Strict):
    """What is known of one municipality for one reporting year."""

    municipality: str
    year: int = Year
    reported: bool
    # The year the facts describe: earlier than `year` when older facts are carried over.
    data_year: Optional[int] = Field(default=None, ge=MIN_YEAR, le=MAX_YEAR)
    evidence: Evidence = []
    note: Optional[str] = None
    programme: Programme = Programme()
    working_body: WorkingBody = WorkingBody()
    cooperation: Cooperation = Cooperation()

    @model_validator(mode="after")
    def _years_agree(self) -> "Record":
        if self.data_year is not None and self.data_year > self.year:
            raise Invalid("model.data_year_after", data_year=self.data_year, year=self.year)
        if self.reported and self.data_year != self.year:
            raise Invalid("model.reported_data_year")
        return self
