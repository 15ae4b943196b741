"""Year over year: each municipality's grade per obligation in two years, and what changed.

`better`/`worse`: both years graded (compliant > partial > non_compliant) and the grade
rose or fell; `same`: the same grade; `new`: nothing to compare with, because one of the
two years has no grade on the scale (no data, not applicable, or no finding at all).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from compliance.findings import Assessment, Finding
from compliance.vocabulary import Grade, Obligation

RANK = {Grade.COMPLIANT: 3, Grade.PARTIAL: 2, Grade.NON_COMPLIANT: 1}
CHANGES = ("better", "worse", "same", "new")


@dataclass(frozen=True)
class Change:
    municipality: str
    obligation: Obligation
    grade: Optional[Grade]  # in the year
    previous: Optional[Grade]  # in the year compared with
    change: str

    def to_json(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "obligation": self.obligation.value,
            "grade": self.grade.value if self.grade else None,
            "previous": self.previous.value if self.previous else None,
            "change": self.change,
        }


def change(grade: Optional[Grade], previous: Optional[Grade]) -> str:
    if grade == previous:
        return "same"
    if grade in RANK and previous in RANK:
        return "better" if RANK[grade] > RANK[previous] else "worse"
    return "new"


def compare(current: Assessment, previous: Assessment) -> list[Change]:
    """Every municipality and obligation of `current`, in its order, against `previous`."""
    before: dict[tuple[str, Obligation], Finding] = {(f.municipality, f.obligation): f for f in previous.findings}
    out = []
    for finding in current.findings:
        earlier = before.get((finding.municipality, finding.obligation))
        previous_grade = earlier.grade if earlier else None
        out.append(Change(finding.municipality, finding.obligation, finding.grade, previous_grade,
                          change(finding.grade, previous_grade)))
    return out


def summary(changes: list[Change]) -> dict[str, int]:
    return {name: sum(1 for c in changes if c.change == name) for name in CHANGES}
