"""Rule tests as data: `<rules>/tests/*.yaml`, beside the rules they test, facts in, grade and rule out.

A case file:

    cases:
      - case: an adopted programme with no end year is in force
        year: 2019                      # optional, default 2019
        facts: {programme_status: adopted}
        expect:
          programme: {grade: compliant, rule: programme.adopted_in_force}

`facts` use the rule conditions' field names (compliance.facts.TABLE). Unset fields are
not stated, `reported`, `in_overview` and `roma_seat` default to true. An expectation
may also name the rule's `kind` and a `message` the Slovenian message must contain. The facts must be
possible for a valid record. Run by `compliance rules test` and by pytest; every rule must
be expected by at least one case.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from pydantic import Field, ValidationError

from compliance import facts as factlib
from compliance import yamlfile
from compliance.engines import match
from compliance.errors import DataError, Problem
from compliance.messages import PydanticMessage, joined, msg
from compliance.models import Strict
from compliance.judge import finding
from compliance.rules import RuleBook
from compliance.vocabulary import Grade, Obligation, RuleKind


class Expectation(Strict):
    grade: Grade
    rule: str
    kind: Optional[RuleKind] = None
    message: Optional[str] = None  # a part of the Slovenian message


class _Case(Strict):
    case: str = Field(min_length=1)
    year: int = 2019
    facts: dict[str, Any] = {}
    expect: dict[Obligation, Expectation] = Field(min_length=1)


class _CaseFile(Strict):
    cases: list[_Case] = Field(min_length=1)


@dataclass(frozen=True)
class Case:
    name: str
    file: Path
    line: int
    subject: factlib.Subject
    expect: dict[Obligation, Expectation]

    @property
    def where(self) -> str:
        return f"{self.file.name}:{self.line}"


@dataclass
class Result:
    case: Case
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def case_files(folder: Path) -> list[Path]:
    return sorted(Path(folder).glob("*.yaml"))


def _load_file(path: Path) -> tuple[list[Case], list[Problem]]:
    raw = yamlfile.load(path)
    try:
        parsed = _CaseFile.model_validate(raw)
    except ValidationError as exc:
        return [], yamlfile.validation_problems(path, raw, exc)
    cases, problems = [], []
    for item, spec in zip(raw["cases"], parsed.cases):
        try:
            subject = factlib.subject_from_values({"year": spec.year, **spec.facts})
        except (ValidationError, ValueError) as exc:
            reason: Any
            if isinstance(exc, ValidationError):
                errors = joined(PydanticMessage.of(error) for error in exc.errors())
                reason = msg("ruletests.no_valid_record", errors=errors)
            else:
                reason = getattr(exc, "message", exc)  # facts.Invalid carries its catalog message
            problems.append(Problem(path, msg("ruletests.case", case=spec.case, reason=reason), line=item.line_of("facts"), field="facts"))
            continue
        cases.append(Case(spec.case, path, item.line, subject, dict(spec.expect)))
    return cases, problems


def load_cases(folder: Path) -> list[Case]:
    """Every case of every file in `folder`; malformed files raise one located DataError."""
    files = case_files(folder)
    if not files:
        raise DataError([Problem(Path(folder), msg("ruletests.no_files"))])
    cases, problems = [], []
    for path in files:
        try:
            found, wrong = _load_file(path)
        except DataError as exc:
            problems += exc.problems
            continue
        cases += found
        problems += wrong
    if problems:
        raise DataError(problems)
    return cases


def _check(rulebook: RuleBook, case: Case, rule_ids: list[str]) -> list[str]:
    failures = []
    context = factlib.context(case.subject)
    for obligation, expected in case.expect.items():
        if expected.rule not in rulebook.by_id:
            failures.append(str(msg("ruletests.unknown_rule", obligation=obligation.value, rule=expected.rule)))
            continue
        mine = [rule_id for rule_id in rule_ids if rulebook.by_id[rule_id].obligation == obligation]
        if len(mine) != 1:
            got = msg("common.no_rule") if not mine else msg("ruletests.got_several", rules=", ".join(mine))
            failures.append(str(msg("ruletests.expected", obligation=obligation.value, grade=expected.grade.value,
                                    rule=expected.rule, got=got)))
            continue
        rule = rulebook.by_id[mine[0]]
        if (rule.grade, rule.id) != (expected.grade, expected.rule):
            got = msg("ruletests.got_rule", grade=rule.grade.value, rule=rule.id)
            failures.append(str(msg("ruletests.expected", obligation=obligation.value, grade=expected.grade.value,
                                    rule=expected.rule, got=got)))
        if expected.kind is not None and rule.kind != expected.kind:
            failures.append(str(msg("ruletests.expected_kind", obligation=obligation.value, kind=expected.kind.value, got=rule.kind.value)))
        try:
            made = finding(rule, case.subject, context, ())
        except DataError as exc:
            failures += [str(problem) for problem in exc.problems]
            continue
        if expected.message is not None and expected.message not in made.message("sl"):
            failures.append(str(msg("ruletests.expected_message", obligation=obligation.value, part=expected.message, got=made.message("sl"))))
    return failures


def run(rulebook: RuleBook, cases: list[Case], engine: Optional[str] = None) -> list[Result]:
    """Each case's failures (none when it passes), all cases through one engine run."""
    matched = match(rulebook, [factlib.fact(case.subject) for case in cases], engine)
    return [Result(case, _check(rulebook, case, rule_ids)) for case, rule_ids in zip(cases, matched)]


def uncovered(rulebook: RuleBook, cases: list[Case]) -> list[str]:
    """Rules no case expects: untested rules."""
    expected = {e.rule for case in cases for e in case.expect.values()}
    return [rule.id for rule in rulebook.rules if rule.id not in expected]
