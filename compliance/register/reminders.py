"""Who gets a reminder on a given day: the cases whose newest letter went out and whose
deadline passed before that day with no reply recorded; nobody else."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional, Sequence

from compliance.errors import ComplianceError
from compliance.messages import msg
from compliance.register.cases import Case, cases
from compliance.register.store import Register


@dataclass(frozen=True)
class Decision:
    case: Case
    due: bool
    why: str  # due | answered | closed | unsent | not_due


def decide(case: Case, date: dt.date) -> Decision:
    if case.state in ("answered", "closed"):
        return Decision(case, False, case.state)
    if case.latest.delivery != "sent":
        return Decision(case, False, "unsent")
    if case.deadline >= date:
        return Decision(case, False, "not_due")
    return Decision(case, True, "due")


def due(register: Register, year: int, date: dt.date, only: Optional[Sequence[str]] = None,
        order: Optional[list[str]] = None) -> list[Decision]:
    """Every case's decision (the named ones only, when `only`); a named case that cannot
    have a reminder on `date` is an error, as is a run where no deadline has passed yet."""
    decisions = [decide(c, date) for c in cases(register, year, date, order)]
    if only:
        named = [d for d in decisions if d.case.municipality in only]
        for decision in named:
            _refuse(decision, date)
        return named
    if not any(d.due for d in decisions):
        waiting = [d for d in decisions if d.why == "not_due"]
        if waiting:
            earliest = min(d.case.deadline for d in waiting)
            raise ComplianceError(msg("reminders.none_due", date=date.isoformat(), earliest=earliest.isoformat()))
    return decisions


def _refuse(decision: Decision, date: dt.date) -> None:
    case = decision.case
    if decision.why in ("answered", "closed"):
        raise ComplianceError(msg("reminders.answered", municipality=case.municipality,
                                  state=msg(f"state.{case.state}")))
    if decision.why == "unsent":
        raise ComplianceError(msg("reminders.not_sent", municipality=case.municipality, number=case.latest.letter.number))
    if decision.why == "not_due":
        raise ComplianceError(msg("reminders.not_due", municipality=case.municipality,
                                  deadline=case.deadline.isoformat(), date=date.isoformat()))
