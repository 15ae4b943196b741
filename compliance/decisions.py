"""The reviewer's decisions: `data/decisions/<year>.yaml`, applied after the rules.

A decision records a lawyer's judgement on one finding (a borderline reading, a known
obstacle, a correction by phone): the grade the reviewer sets, or none to keep the rules'
grade, always with a Slovenian note, who decided and when. The file is a YAML list:

    - municipality: turnisce
      obligation: working_body
      grade: partial                 # optional
      note: Občina je dvakrat poskušala ...
      decided_by: Ana Novak
      decided_on: 2020-02-20
      expires: 2021-01-01            # optional

A year without the file has no decisions. An unknown municipality, obligation or grade, a
missing note, author or date, or two decisions for one finding is an error with the file
and the line; a decision whose `expires` is before the run's date is ignored with a warning.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Sequence

from pydantic import ValidationError

from compliance import yamlfile
from compliance.errors import Problem
from compliance.findings import Finding
from compliance.messages import msg
from compliance.models import Decision
from compliance.registry import Registry
from compliance.suggest import closest
from compliance.vocabulary import Obligation

Key = tuple[str, Obligation]  # (municipality, obligation): one finding


def decisions_file(data_dir: Path, year: int) -> Path:
    return Path(data_dir) / "decisions" / f"{year}.yaml"


@dataclass
class DecisionSet:
    """One year's decisions as read from its file (none when there is no file)."""

    year: int
    path: Optional[Path] = None
    decisions: dict[Key, Decision] = field(default_factory=dict)
    lines: dict[Key, int] = field(default_factory=dict)

    def in_force(self, on: dt.date) -> tuple[dict[Key, Decision], list[Problem]]:
        """The decisions not expired on `on`, and a warning for each expired one."""
        kept, warnings = {}, []
        for key, decision in self.decisions.items():
            if decision.expired(on):
                # only a decision read from a file, with an expiry date, expires
                assert self.path is not None and decision.expires is not None
                warnings.append(Problem(
                    self.path, msg("decisions.expired", expires=decision.expires.isoformat(), on=on.isoformat(),
                                   obligation=decision.obligation.value),
                    line=self.lines[key], municipality=decision.municipality, field="expires",
                ))
            else:
                kept[key] = decision
        return kept, warnings


def read_decisions(data_dir: Path, year: int, registry: Optional[Registry]) -> tuple[DecisionSet, list[Problem]]:
    """The year's decisions and every problem in their file (none when there is no file)."""
    path = decisions_file(data_dir, year)
    found = DecisionSet(year)
    if not path.exists():
        return found, []
    found.path = path
    raw = yamlfile.load(path)
    if raw is None:
        return found, []  # an empty file: no decisions yet
    if not isinstance(raw, list):
        return found, [Problem(path, msg("decisions.shape"), line=getattr(raw, "line", None))]
    problems: list[Problem] = []
    for item in raw:
        if not isinstance(item, yamlfile.Located):
            problems.append(Problem(path, msg("decisions.not_mapping")))
            continue
        ident = item.get("municipality")
        try:
            decision = Decision.model_validate(dict(item))
        except ValidationError as exc:
            problems += yamlfile.validation_problems(path, item, exc, municipality=ident if isinstance(ident, str) else None)
            continue
        if registry is not None and decision.municipality not in registry:
            message = msg("decisions.unknown_municipality")
            hint = closest(decision.municipality, registry.ids)
            if hint:
                message = msg("hint.did_you_mean", text=message, names=", ".join(hint))
            problems.append(Problem(path, message, line=item.line_of("municipality"), municipality=decision.municipality,
                                    field="municipality"))
            continue
        key = (decision.municipality, decision.obligation)
        if key in found.decisions:
            problems.append(Problem(path, msg("decisions.duplicate", obligation=decision.obligation.value,
                                              first=found.lines[key]),
                                    line=item.line, municipality=decision.municipality, field="obligation"))
            continue
        found.decisions[key] = decision
        found.lines[key] = item.line
    return found, problems


def apply(findings: Iterable[Finding], decisions: dict[Key, Decision]) -> list[Finding]:
    """The findings with each decision applied: the final grade is the decision's where it
    sets one; `rule_grade` keeps the rules' grade."""
    return [f.with_decision(decisions.get((f.municipality, f.obligation))) for f in findings]


def paths_used(decisionset: DecisionSet, applied: bool) -> Sequence[Path]:
    """The decisions file, when it exists and was applied: part of what the output came from."""
    return [decisionset.path] if applied and decisionset.path is not None else []
