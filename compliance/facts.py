"""The single table of facts, and one flat fact per municipality and year: what the rules judge.

`TABLE` is the one place a judged fact is declared: its name in rule conditions, where it
sits in a record (or the registry), its type, the obligation whose evidence it rests on,
and the values `compliance rules lint` tries. Conditions, lint, explain, the extraction
diff and the rule tests all derive from it; its labels are `fact.<name>` in the messages.

The fact joins the year's record with the registry (does the municipality elect a Roma
representative). It is flat so that conditions stay simple (`{"programme_status":
"adopted"}`), and a fact that is not stated is left out rather than set to null:
durable-rules tests absence with `$nex`, and a null value counts as present there.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable, Optional

from compliance.findings import provenance_text
from compliance.messages import Invalid, text
from compliance.models import Reason, Record
from compliance.suggest import closest
from compliance.vocabulary import CooperationForm, Obligation, ProgrammeStatus, Provenance

REGISTRY = "registry"  # the first part of a path into the registry rather than the record


@dataclass(frozen=True)
class FactSpec:
    """One judged fact."""

    name: str  # as rule conditions and rule tests write it
    path: str  # dotted place in a record ("working_body.meetings"), or "registry.<field>"
    type: type  # bool, int or a str enum
    obligation: Optional[Obligation]  # whose section and evidence it belongs to; None: the record's own
    # Values `rules lint` tries for a report year (None: not stated); None here: not varied alone.
    domain: Optional[Callable[[int], list[Any]]] = None
    extracted: bool = False  # `compliance extract` drafts it (counted in the draft's accuracy)

    def label(self, lang: str = "sl") -> str:
        return text(f"fact.{self.name}", lang)


def _enum(enum: type[Enum]) -> Callable[[int], list[Any]]:
    return lambda year: [member.value for member in enum]


def _flag(stated_only: bool = False) -> Callable[[int], list[Any]]:
    return lambda year: [True, False] if stated_only else [True, False, None]


TABLE: tuple[FactSpec, ...] = (
    FactSpec("year", "year", int, None),
    FactSpec("in_overview", "in_overview", bool, Obligation.REPORTING),
    FactSpec("reported", "reported", bool, Obligation.REPORTING, extracted=True),
    FactSpec("stated_in", "stated_in", int, Obligation.REPORTING),
    FactSpec("roma_seat", f"{REGISTRY}.roma_seat", bool, Obligation.WORKING_BODY, _flag(stated_only=True)),
    FactSpec("programme_status", "programme.status", ProgrammeStatus, Obligation.PROGRAMME, _enum(ProgrammeStatus), True),
    FactSpec("programme_end", "programme.period.end", int, Obligation.PROGRAMME, lambda y: [None, y - 1, y, y + 1]),
    FactSpec("wb_established", "working_body.established", bool, Obligation.WORKING_BODY, _flag(), True),
    FactSpec("wb_active", "working_body.active", bool, Obligation.WORKING_BODY, _flag(), True),
    FactSpec("wb_meetings", "working_body.meetings", int, Obligation.WORKING_BODY, lambda y: [None, 0, 1, 3], True),
    FactSpec("wb_meetings_in_mandate", "working_body.meetings_in_mandate", int, Obligation.WORKING_BODY, lambda y: [None, 0, 2]),
    FactSpec("cooperation_form", "cooperation.form", CooperationForm, Obligation.COOPERATION, _enum(CooperationForm), True),
)
SPECS: dict[str, FactSpec] = {spec.name: spec for spec in TABLE}
# Where each fact stands in a Subject: the registry's as its attribute, the record's in it.
_IN_SUBJECT = {
    spec.name: rest if head == REGISTRY else f"record.{spec.path}"
    for spec in TABLE
    for head, _, rest in [spec.path.partition(".")]
}
# The fields rule conditions may test, with their type: a str enum, bool or int.
FIELDS: dict[str, type] = {spec.name: spec.type for spec in TABLE}
# The facts that say where the year's facts come from; they vary together (see `provenance_cases`).
PROVENANCE_FIELDS = ("in_overview", "reported", "stated_in")
# Where each obligation's facts sit in a record ("" = the record itself).
SECTIONS: dict[Obligation, str] = {
    Obligation.REPORTING: "",
    Obligation.PROGRAMME: "programme",
    Obligation.WORKING_BODY: "working_body",
    Obligation.COOPERATION: "cooperation",
}


def provenance_cases(year: int) -> list[dict[str, Any]]:
    """Every kind of provenance, as the values of PROVENANCE_FIELDS (None: not stated)."""
    return [
        {"in_overview": True, "reported": True, "stated_in": year},
        {"in_overview": True, "reported": False, "stated_in": year - 1},
        {"in_overview": True, "reported": False, "stated_in": None},
        {"in_overview": False, "reported": False, "stated_in": None},
    ]


@dataclass(frozen=True)
class Subject:
    """A municipality as the rules see it: its record and what the registry adds."""

    record: Record
    roma_seat: bool
    name: str = ""

    @property
    def municipality(self) -> str:
        return self.record.municipality

    @functools.cached_property
    def judged(self) -> dict[str, Any]:
        # Read once per subject: the engine's fact and the templates' context both start here.
        found = {name: _get(self, path) for name, path in _IN_SUBJECT.items()}
        if not self.record.in_overview:
            found["reported"] = None  # an overview that does not mention it says nothing either way
        return found


def _get(source: Any, path: str) -> Any:
    value = source
    for part in path.split("."):
        if value is None:
            return None
        value = getattr(value, part)
    return value.value if hasattr(value, "value") and not isinstance(value, (bool, int)) else value


def values(subject: Subject) -> dict[str, Any]:
    """Every judged field, None where the record does not state it."""
    return dict(subject.judged)


def fact(subject: Subject) -> dict[str, Any]:
    """The fact asserted to the engine: the stated fields only, and the municipality."""
    stated = {name: value for name, value in values(subject).items() if value is not None}
    return {"municipality": subject.municipality, **stated}


def _nest(target: dict[str, Any], path: str, value: Any) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        target = target.setdefault(part, {})
    target[parts[-1]] = value


def subject_from_values(given: dict[str, Any], municipality: str = "test") -> Subject:
    """A subject whose judged fields are `given` (the inverse of `values`), for rule tests
    and lint. Unset fields are not stated; `reported` defaults to true (and `stated_in` to
    the year when reported); `in_overview` and `roma_seat` default to true. Raises
    pydantic's ValidationError when the values cannot come from a valid record.
    """
    for name in given:
        if name not in FIELDS:
            hint = closest(name, FIELDS)
            if hint:
                raise Invalid("facts.unknown_field_hint", name=name, hint=", ".join(hint))
            raise Invalid("facts.unknown_field", name=name)
    year = given["year"]
    reported = given.get("reported", True)
    defaults = {"reported": reported, "stated_in": year if reported else None}
    raw: dict[str, Any] = {"municipality": municipality, "describes": year if reported else None}
    for spec in TABLE:
        value = given.get(spec.name, defaults.get(spec.name))
        if value is not None and not spec.path.startswith(REGISTRY + "."):
            _nest(raw, spec.path, value)
    record = Record.model_validate(raw)
    return Subject(record, given.get("roma_seat", True), municipality)


def _date_sl(value: Optional[Any]) -> Optional[str]:
    return f"{value.day}. {value.month}. {value.year}" if value else None


def reasons(record: Record, obligation: Obligation) -> list[Reason]:
    """The municipality's own reasons, obstacles and alternatives for one obligation."""
    section = SECTIONS[obligation]
    return list(getattr(record, section).reasons) if section else []


def context(subject: Subject) -> dict[str, Any]:
    """What message and letter templates may use: the judged fields and descriptive ones.

    `compliance.judge` adds the rule's `basis`, `kind` and the obligation's `reasons`.
    """
    record = subject.record
    period = record.programme.period
    provenance = record.provenance
    return {
        **values(subject),
        "municipality": subject.municipality,
        "name": subject.name or subject.municipality,
        "describes": record.describes,
        "provenance": provenance.value,
        "provenance_text": provenance_text(provenance, record.stated_in),
        "programme_title": record.programme.title,
        "programme_start": period.start if period else None,
        "programme_adopted_on": _date_sl(record.programme.adopted_on),
        "wb_name": record.working_body.name,
        "cooperation_name": record.cooperation.name,
        "stale": provenance in (Provenance.STATED_IN, Provenance.LAST_CONTRIBUTION),
    }


def evidence(record: Record, obligation: Obligation) -> list[str]:
    """The source sentences behind the facts of one obligation."""
    section = SECTIONS[obligation]
    return list(getattr(record, section).evidence if section else record.evidence)
