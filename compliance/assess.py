"""Assess one year: validated data and rules in, an `Assessment` out.

This is what `check`, `explain`, the letters and the review outputs call.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional, Sequence

from compliance import cache
from compliance.decisions import apply, paths_used, read_decisions
from compliance.facts import Subject
from compliance.findings import Assessment
from compliance.judge import judge
from compliance.registry import Registry
from compliance.rules import load_rules, sha256_of
from compliance.validate import load_years


def assess(
    data_dir: Path, rules_dir: Path, year: int, municipalities: Optional[list[str]] = None,
    engine: Optional[str] = None, decisions: bool = True, on: Optional[dt.date] = None,
) -> tuple[Registry, Assessment]:
    """The year's findings, in registry order and obligation order.

    `municipalities` limits the assessment to these ids (an unknown id raises NotFound
    with the closest ones). `engine` names the rule engine (`compliance.engines`; None:
    durable-rules where installed, else the built-in evaluator); both give the same findings. `rules_sha256` is the sha256 of the rule files' bytes, and
    `data_sha256` of the registry's and the year's records file's bytes, each set
    concatenated in path order, so the same inputs always give the same output.

    The reviewer's decisions (`data/decisions/<year>.yaml`, compliance.decisions) apply after
    the rules unless `decisions` is false; one that expired before `on` (default: today) is
    ignored and named in `Assessment.warnings`. With decisions applied, the decisions file
    is part of `data_sha256`.
    """
    registry, assessments = assess_years(data_dir, rules_dir, [year], municipalities, engine, decisions, on)
    return registry, assessments[0]


def assess_years(
    data_dir: Path, rules_dir: Path, years: Sequence[int], municipalities: Optional[list[str]] = None,
    engine: Optional[str] = None, decisions: bool = True, on: Optional[dt.date] = None,
) -> tuple[Registry, list[Assessment]]:
    """Several years at once: the registry and the rules are read and validated once,
    each year's records once; the findings of each year as `assess` gives them."""
    # Validated data and rules are kept between runs while nothing they came from changes (compliance.cache).
    registry, recordsets = cache.memo("years", [str(Path(data_dir).resolve()), list(years)],
                                      lambda: load_years(data_dir, years), roots=[data_dir])
    wanted = {registry.get(ident).id for ident in municipalities} if municipalities else set(registry.ids)
    rulebook = cache.memo("rules", [str(Path(rules_dir).resolve())], lambda: load_rules(rules_dir), roots=[rules_dir])
    assessments = []
    for recordset in recordsets:
        subjects = [
            Subject(recordset.records[m.id], m.roma_seat, m.name)
            for m in registry
            if m.id in wanted
        ]
        findings = judge(rulebook, subjects, engine)
        decided, _ = read_decisions(data_dir, recordset.year, registry)  # validated with the records
        in_force, warnings = decided.in_force(on or dt.date.today()) if decisions else ({}, [])
        assessments.append(Assessment(
            year=recordset.year,
            findings=tuple(apply(findings, in_force)),
            rules_sha256=rulebook.sha256,
            data_sha256=sha256_of([registry.path, recordset.path, *paths_used(decided, decisions)]),
            warnings=tuple(warnings),
        ))
    return registry, assessments
