"""Field-level differences between a draft and curated records, and the draft's accuracy.

Accuracy counts the facts the issue names (reported, programme status, working body
established/active/meetings, cooperation form) over the municipalities both files have.
Titles, names, dates and periods are listed when they differ but are not counted: they
are free text that reviewers word in their own way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from compliance.errors import DataError
from compliance.facts import TABLE
from compliance.models import Record
from compliance.records import parse_records

# The facts the extractor drafts, from the facts table: counted in the accuracy.
FACTS = tuple(spec.path for spec in TABLE if spec.extracted)
DETAILS = (
    "in_overview",
    "stated_in",
    "describes",
    "programme.title",
    "programme.adopted_on",
    "programme.period.start",
    "programme.period.end",
)


@dataclass(frozen=True)
class Difference:
    municipality: str
    field: str
    draft: Any
    curated: Any
    counted: bool  # one of FACTS


@dataclass(frozen=True)
class Comparison:
    differences: list[Difference]
    per_fact: dict[str, tuple[int, int]]  # field -> (matching, compared)
    only_in_draft: list[str]
    only_in_curated: list[str]

    @property
    def matching(self) -> int:
        return sum(m for m, _ in self.per_fact.values())

    @property
    def compared(self) -> int:
        return sum(n for _, n in self.per_fact.values())

    @property
    def accuracy(self) -> float:
        return self.matching / self.compared if self.compared else 0.0


def load_curated(path: Path, year: int) -> dict[str, Record]:
    """The records of a curated file (any path), refusing one that does not validate."""
    recordset, problems = parse_records(path, year)
    if problems:
        raise DataError(problems)
    return recordset.records


def value(record: Record, field: str) -> Any:
    """A field by dotted path; enums as their value, a missing period's years as None."""
    current: Any = record
    for part in field.split("."):
        current = getattr(current, part, None) if current is not None else None
    return getattr(current, "value", current)


def _same(field: str, a: Any, b: Any) -> bool:
    if isinstance(a, str) and isinstance(b, str) and field.endswith(("title", "name")):
        return " ".join(a.lower().split()) == " ".join(b.lower().split())
    return a == b


def compare(draft: Iterable[Record], curated: dict[str, Record]) -> Comparison:
    drafted = {r.municipality: r for r in draft}
    common = [m for m in drafted if m in curated]
    differences: list[Difference] = []
    per_fact = {field: [0, 0] for field in FACTS}
    for municipality in common:
        for field in FACTS + DETAILS:
            a, b = value(drafted[municipality], field), value(curated[municipality], field)
            same = _same(field, a, b)
            if field in per_fact:
                per_fact[field][0] += same
                per_fact[field][1] += 1
            if not same:
                differences.append(Difference(municipality, field, a, b, field in FACTS))
    return Comparison(
        differences,
        {field: (m, n) for field, (m, n) in per_fact.items()},
        [m for m in drafted if m not in curated],
        [m for m in curated if m not in drafted],
    )
