"""`compliance rules lint`: prove that every obligation gives exactly one grade, always.

For each obligation, every combination of the values its rules read is tried through the
real engine (durable-rules or the built-in evaluator, `compliance.engines`): booleans true/false/not stated, programme end before/at/after the year or not
stated, meetings 0/1/several/not stated, each programme status and cooperation form, a
Roma seat or not, reported or not (with earlier or no facts, or not in the overview). Combinations no valid
record can produce (checked with the record model) are skipped. A combination no rule
matches is a gap; one that several rules match is an overlap. Every message and letter
template is rendered on the way, and rules whose grade calls for a letter must have one.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Optional

from pydantic import ValidationError

from compliance import facts as factlib
from compliance.engines import match
from compliance.errors import DataError
from compliance.messages import msg
from compliance.judge import finding
from compliance.rules import RuleBook
from compliance.vocabulary import Grade, Obligation

YEAR = 2019  # any year works: the domains below are relative to it
NEEDS_LETTER = {Grade.NON_COMPLIANT, Grade.PARTIAL, Grade.NO_DATA}

# Values tried per field (from the facts table); None means "not stated" (absent from the fact).
DOMAINS: dict[str, list[Any]] = {spec.name: spec.domain(YEAR) for spec in factlib.TABLE if spec.domain}
# Where the facts come from varies as one: reported this year, or not with facts stated in an
# earlier year, with facts of no stated year or none, or not in the overview at all.
REPORTING = factlib.provenance_cases(YEAR)


@dataclass
class Defect:
    obligation: Obligation
    combination: dict[str, Any]
    rules: list[str]  # empty for a gap

    @property
    def kind(self) -> str:
        return "gap" if not self.rules else "overlap"


@dataclass
class Report:
    checked: dict[Obligation, int] = field(default_factory=dict)
    defects: list[Defect] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # templates and missing letters

    @property
    def ok(self) -> bool:
        return not self.defects and not self.problems


def combinations(read: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every combination of the values of the fields `read` (the others not stated)."""
    axes: list[list[dict[str, Any]]] = []  # each axis: the alternatives for some fields
    if set(factlib.PROVENANCE_FIELDS) & set(read):
        axes.append(REPORTING)
    for name in read:
        if name in DOMAINS:
            axes.append([{name: value} for value in DOMAINS[name]])
    found = []
    for parts in itertools.product(*axes):
        combination = {"year": YEAR}
        for part in parts:
            combination.update(part)
        found.append(combination)
    return found


def _subject(combination: dict[str, Any]) -> factlib.Subject | None:
    given = {name: value for name, value in combination.items() if value is not None}
    try:
        return factlib.subject_from_values(given)
    except ValidationError:
        return None  # no valid record has these facts


def cases(rulebook: RuleBook) -> list[tuple[Obligation, dict[str, Any], factlib.Subject]]:
    """Every feasible combination of each obligation's fields, with the subject that has it."""
    found = []
    for obligation, group in rulebook.obligations.items():
        found += [(obligation, c, s) for c in combinations(group.fields) if (s := _subject(c)) is not None]
    return found


def lint(rulebook: RuleBook, engine: Optional[str] = None) -> Report:
    """Every combination through the engine `engine` names (None: chosen automatically)."""
    report = Report()
    tried = cases(rulebook)
    for obligation, group in rulebook.obligations.items():
        report.checked[obligation] = sum(1 for case in tried if case[0] == obligation)
        for rule in group.rules:
            if rule.grade in NEEDS_LETTER and rule.letter is None:
                report.problems.append(str(msg(
                    "lint.needs_letter", place=f"{rule.file.name}:{rule.line}", rule=rule.id, grade=rule.grade.value,
                )))
    matched = match(rulebook, [factlib.fact(subject) for _, _, subject in tried], engine)
    for (obligation, combination, subject), rule_ids in zip(tried, matched):
        mine = [rule_id for rule_id in rule_ids if rulebook.by_id[rule_id].obligation == obligation]
        if len(mine) != 1:
            shown = {name: value for name, value in combination.items() if name in rulebook.obligations[obligation].fields}
            report.defects.append(Defect(obligation, shown, mine))
            continue
        try:
            finding(rulebook.by_id[mine[0]], subject, factlib.context(subject), ())
        except DataError as exc:
            report.problems += [str(problem) for problem in exc.problems if str(problem) not in report.problems]
    return report
