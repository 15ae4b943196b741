"""The project's own evaluator of the rule files' condition language: durable-rules' answer
without durable-rules.

It answers the same question as `compliance.engine.match` (per fact, the ids of the rules
whose condition holds, in rule-book order) with `compliance.conditions.compile`, which
decides conditions as durable-rules does (a missing field fails every test except `$nex`).
It runs wherever Python runs: CPython 3.13 and later, and Windows without a C compiler,
where durable-rules cannot be installed. The test suite proves both give the same matches.
"""

from __future__ import annotations

from typing import Any, Sequence

from compliance import conditions
from compliance.rules import RuleBook

_RECORD_FIELD = "municipality"  # as the durable-rules module, only record facts are judged


def match(rulebook: RuleBook, facts: Sequence[dict[str, Any]]) -> list[list[str]]:
    """For each fact, in order, the ids of the rules (rule-book order) whose condition holds."""
    tests = [(rule.id, conditions.compile(rule.when)) for rule in rulebook.rules]
    return [
        [rule_id for rule_id, holds in tests if holds(fact)] if _RECORD_FIELD in fact else []
        for fact in facts
    ]
