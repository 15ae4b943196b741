"""One flat fact per municipality and year: what the rules judge.

The fact joins the year's record with the registry (is a Roma councillor elected). It is
flat so that conditions stay simple (`{"programme_status": "adopted"}`), and a fact that
is not stated is left out rather than set to null: durable-rules tests absence with
`$nex`, and a null value counts as present there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from compliance.messages import Invalid
from compliance.models import Record
from compliance.suggest import closest
from compliance.vocabulary import CooperationForm, Obligation, ProgrammeStatus

# The fields rule conditions may test, with their type: a str enum, bool or int.
FIELDS: dict[str, type] = {
    "year": int,
    "reported": bool,
    "data_year": int,
    "roma_councillor": bool,
    "programme_status": ProgrammeStatus,
    "programme_end": int,
    "wb_established": bool,
    "wb_active": bool,
    "wb_meetings": int,
    "cooperation_form": CooperationForm,
}


@dataclass(frozen=True)
class Subject:
    """A municipality as the rules see it: its record and what the registry adds."""

    record: Record
    roma_councillor: bool
    name: str = ""

    @property
    def municipality(self) -> str:
        return self.record.municipality


def values(subject: Subject) -> dict[str, Any]:
    """Every judged field, None where the record does not state it."""
    record = subject.record
    period = record.programme.period
    body = record.working_body
    return {
        "year": record.year,
        "reported": record.reported,
        "data_year": record.data_year,
        "roma_councillor": subject.roma_councillor,
        "programme_status": record.programme.status.value,
        "programme_end": period.end if period else None,
        "wb_established": body.established,
        "wb_active": body.active,
        "wb_meetings": body.meetings,
        "cooperation_form": record.cooperation.form.value,
    }


def fact(subject: Subject) -> dict[str, Any]:
    """The fact asserted to the engine: the stated fields only, and the municipality."""
    stated = {name: value for name, value in values(subject).items() if value is not None}
    return {"municipality": subject.municipality, **stated}


def subject_from_values(given: dict[str, Any], municipality: str = "test") -> Subject:
    """A subject whose judged fields are `given` (the inverse of `values`), for rule tests
    and lint. Unset fields are not stated; `reported` defaults to true and `data_year` to
    the year when reported; `roma_councillor` defaults to true. Raises pydantic's
    ValidationError when the values cannot come from a valid record.
    """
    for name in given:
        if name not in FIELDS:
            hint = closest(name, FIELDS)
            if hint:
                raise Invalid("facts.unknown_field_hint", name=name, hint=", ".join(hint))
            raise Invalid("facts.unknown_field", name=name)
    year = given["year"]
    reported = given.get("reported", True)
    end = given.get("programme_end")
    record = Record.model_validate({
        "municipality": municipality,
        "year": year,
        "reported": reported,
        "data_year": given.get("data_year", year if reported else None),
        "programme": {"status": given.get("programme_status", "unknown"), "period": {"end": end} if end is not None else None},
        "working_body": {
            "established": given.get("wb_established"),
            "active": given.get("wb_active"),
            "meetings": given.get("wb_meetings"),
        },
        "cooperation": {"form": given.get("cooperation_form", "unknown")},
    })
    return Subject(record, given.get("roma_councillor", True), municipality)


def _date_sl(value: Optional[Any]) -> Optional[str]:
    return f"{value.day}. {value.month}. {value.year}" if value else None


def context(subject: Subject) -> dict[str, Any]:
    """What message and letter templates may use: the judged fields and descriptive ones."""
    record = subject.record
    period = record.programme.period
    return {
        **values(subject),
        "municipality": subject.municipality,
        "name": subject.name or subject.municipality,
        "programme_title": record.programme.title,
        "programme_start": period.start if period else None,
        "programme_adopted_on": _date_sl(record.programme.adopted_on),
        "wb_name": record.working_body.name,
        "cooperation_name": record.cooperation.name,
        "stale": record.data_year is not None and record.data_year < record.year,
    }


def evidence(record: Record, obligation: Obligation) -> list[str]:
    """The source sentences behind the facts of one obligation."""
    return list({
        Obligation.REPORTING: record.evidence,
        Obligation.PROGRAMME: record.programme.evidence,
        Obligation.WORKING_BODY: record.working_body.evidence,
        Obligation.COOPERATION: record.cooperation.evidence,
    }[obligation])
