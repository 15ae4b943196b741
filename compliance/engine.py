"""The only module that knows durable-rules: which rules match each fact.

It takes the rule book and a list of facts and answers, per fact, the ids of the rules
whose condition holds. Grading, messages and gap checks live elsewhere, so the engine can
be replaced by anything that answers the same question.

Pitfalls of durable-rules 2.0.28 guarded here (see the design notes; measured):
- `Host()` starts two timer threads that re-arm forever; this host never starts them.
- `set_rulesets` mutates the definitions it is given (it deletes `run`): every run builds
  a fresh definition, with a copy of each condition.
- Facts are asserted (`assert_facts`), not posted, so every rule sees every fact.
- One sid per run, its state deleted after every batch and the ruleset freed at the end:
  many sids exhaust memory, and a state that keeps every fact grows without bound.
- A batch in which one fact matches no rule raises MessageNotHandledException and runs no
  action for the whole batch; an internal catch-all rule makes every fact match.
- A condition of only `$nex` also matches the session state object, and re-fires forever
  as each action updates the state; every condition is anded with "is a record fact".
- A rule with `$or` fires once per branch that holds (each branch is its own path in the
  network): matches are collected per rule, once.
- An exception in an action is stored in the state, not raised: it is looked for after
  every batch and raised.
- A malformed condition gives only "error code: 202": the rules are compiled one by one
  to name the file and rule id.
"""

from __future__ import annotations

import functools
import itertools
import json
from typing import Any, Callable, Iterable, Sequence

from compliance import conditions
from compliance.errors import ComplianceError, DataError, Problem
from compliance.messages import msg
from compliance.rules import Rule, RuleBook

SID = "run"
BATCH = 1000  # facts per assert_facts call; measured fastest between 250 and 2000
_CATCH_ALL = "$record"  # not a valid rule id, so it cannot clash with one
_IS_RECORD = {"$ex": {"municipality": 1}}
_run_numbers = itertools.count(1)


class EngineError(ComplianceError):
    """durable-rules failed while evaluating (an action raised, or the engine did)."""


@functools.lru_cache(maxsize=None)
def _host_class():
    from durable import engine  # imported on first use: start-up stays lean

    class QuietHost(engine.Host):
        """A durable-rules host without the dispatch and timer threads (nothing here uses timers)."""

        def _run(self) -> None:
            pass

    return QuietHost


def _definition(rules: Iterable[Rule], record: Callable[[str, dict], None]) -> dict[str, Any]:
    """A fresh ruleset definition: one durable rule per rule, plus the catch-all."""

    def action(rule_id: str):
        def run(c) -> None:
            record(rule_id, c.m._d)

        return run

    definition = {
        rule.id: {"all": [{"m": {"$and": [_IS_RECORD, conditions.guarded(json.loads(json.dumps(rule.when)))]}}], "run": action(rule.id)}
        for rule in rules
    }
    definition[_CATCH_ALL] = {"all": [{"m": _IS_RECORD}], "run": action(_CATCH_ALL)}
    return definition


def _compile(host, name: str, rules: Sequence[Rule], record) -> None:
    """Register the ruleset; if durable-rules refuses it, find and name the rules it refuses."""
    try:
        host.set_rulesets({name: _definition(rules, record)})
        return
    except Exception as exc:  # durable-rules raises a bare Exception("... error code: 202")
        reason = str(exc)
    problems = []
    for index, rule in enumerate(rules):
        alone = _host_class()()
        try:
            alone.set_rulesets({f"{name}-check-{index}": _definition([rule], record)})
        except Exception as exc:
            problems.append(Problem(rule.file, msg("rules.rule", rule=rule.id, message=msg("engine.rule_condition", reason=exc)), line=rule.line, field="when"))
        else:
            _free(alone, f"{name}-check-{index}")
    raise DataError(problems or [Problem(rules[0].file, msg("engine.rules", reason=reason))])


def _free(host, name: str) -> None:
    import durable_rules_engine

    ruleset = host.get_ruleset(name)
    try:
        ruleset.delete_state(SID)
    except durable_rules_engine.error:
        pass  # already deleted after the last batch ("error code: 309")
    durable_rules_engine.delete_ruleset(ruleset._handle)  # durable.engine exposes no way to free it


def match(rulebook: RuleBook, facts: Sequence[dict[str, Any]], batch: int = BATCH) -> list[list[str]]:
    """For each fact, in order, the ids of the rules (rule-book order) whose condition holds."""
    rules = rulebook.rules
    order = {rule.id: index for index, rule in enumerate(rules)}
    matched: list[list[str]] = [[] for _ in facts]
    errors: list[str] = []

    def record(rule_id: str, message: dict) -> None:
        try:
            fact_rules = matched[int(message["id"])]
            if rule_id != _CATCH_ALL and rule_id not in fact_rules:
                fact_rules.append(rule_id)
        except Exception as exc:  # durable-rules would only store it in the state
            errors.append(f"{rule_id}: {exc!r}")
            raise

    name = f"compliance-{next(_run_numbers)}"
    host = _host_class()()
    _compile(host, name, rules, record)
    try:
        for start in range(0, len(facts), batch):
            chunk = [{**fact, "id": str(start + offset), "sid": SID} for offset, fact in enumerate(facts[start:start + batch])]
            try:
                host.assert_facts(name, chunk)
                state = host.get_state(name, SID)
            except Exception as exc:
                raise EngineError(msg("engine.facts_failed", start=start, end=start + len(chunk) - 1, reason=getattr(exc, "message", exc))) from None
            failure = errors or state.get("exception") or state.get("$ex")
            if failure:
                raise EngineError(msg("engine.action_failed", failure=failure))
            host.delete_state(name, SID)
    finally:
        _free(host, name)
    for rule_ids in matched:
        rule_ids.sort(key=order.__getitem__)
    return matched
