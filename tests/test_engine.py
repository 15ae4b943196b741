"""The durable-rules wrapper: right matches, and every known pitfall guarded (where it is installed)."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from compliance import conditions, engine, engines
from compliance import facts as factlib
from compliance.errors import DataError
from compliance.lint import combinations
from compliance.rules import RuleBook, load_rules
from conftest import RULES

pytestmark = pytest.mark.skipif(
    engines.durable_problem() is not None,
    reason=f"durable-rules is not importable here ({engines.durable_problem()}): "
           "these test its wrapper; tests/test_engines.py covers the built-in evaluator",
)


@pytest.fixture(scope="module")
def rulebook() -> RuleBook:
    return load_rules(RULES)


def with_rule(rulebook: RuleBook, rule_id: str, **changes) -> RuleBook:
    """The rule book with one rule changed, as if its file said so."""
    changed = dataclasses.replace(rulebook.by_id[rule_id], **changes)
    obligations = {
        ob: dataclasses.replace(group, rules=tuple(changed if r.id == rule_id else r for r in group.rules))
        for ob, group in rulebook.obligations.items()
    }
    return RuleBook(obligations, rulebook.files, {**rulebook.by_id, rule_id: changed})


def fact(**given) -> dict:
    return factlib.fact(factlib.subject_from_values({"year": 2019, **given}))


def test_each_fact_gets_its_rules_in_rule_book_order(rulebook):
    [matched] = engine.match(rulebook, [fact(programme_status="adopted", programme_end=2021, wb_meetings=2, cooperation_form="team")])
    assert matched == ["reporting.reported", "programme.adopted_in_force", "working_body.active", "cooperation.team"]


def test_a_rule_whose_or_branches_both_hold_is_matched_once(rulebook):
    # working_body.active is `active OR meetings >= 1`; durable-rules fires once per branch.
    [matched] = engine.match(rulebook, [fact(wb_established=True, wb_active=True, wb_meetings=3)])
    assert matched.count("working_body.active") == 1


def test_results_do_not_depend_on_batch_size(rulebook):
    facts = [fact(programme_status=s) for s in ("adopted", "none", "unknown", "expired", "measures_only")]
    assert engine.match(rulebook, facts, batch=2) == engine.match(rulebook, facts)


def test_a_fact_no_rule_matches_does_not_lose_the_rest_of_its_batch(rulebook):
    # Without the catch-all rule, durable-rules raises for the batch and runs no action.
    lonely = {"municipality": "x", "year": 2019}  # matches none of the bundled rules' conditions fully
    matched = engine.match(rulebook, [fact(), lonely, fact(reported=False)])
    assert matched[0][0] == "reporting.reported" and matched[2][0] == "reporting.not_reported"
    assert all(not rule.startswith("reporting.") for rule in matched[1])


def test_no_timer_threads_are_left_running(rulebook):
    before = threading.active_count()
    engine.match(rulebook, [fact()])
    assert threading.active_count() == before


def test_many_runs_in_one_process(rulebook):
    # durable-rules caps sids and rulesets; each run frees its state and its ruleset.
    for _ in range(300):
        engine.match(rulebook, [fact()])


def test_only_nex_condition_does_not_match_the_session_state(rulebook):
    # A bare `$nex` also matched durable-rules' own state object and looped forever.
    lone = with_rule(rulebook, "cooperation.unknown", when={"$nex": {"wb_meetings": 1}})
    [matched] = engine.match(lone, [fact(cooperation_form="team")])
    assert "cooperation.unknown" in matched


def test_condition_durable_rules_refuses_names_file_and_rule(rulebook):
    bad = with_rule(rulebook, "programme.none", when={"$in": {"programme_status": ["none"]}})
    with pytest.raises(DataError) as caught:
        engine.match(bad, [fact()])
    [problem] = caught.value.problems
    assert problem.file.name == "programme.yaml" and problem.line == bad.by_id["programme.none"].line
    assert "rule programme.none" in str(problem) and "202" in str(problem)


def test_an_exception_in_an_action_is_raised_not_swallowed(rulebook, monkeypatch):
    original = engine._definition

    def failing(rules, record):
        def broken(rule_id, message):
            raise RuntimeError("boom")
        return original(rules, broken)

    monkeypatch.setattr(engine, "_definition", failing)
    with pytest.raises(engine.EngineError, match="boom"):
        engine.match(rulebook, [fact()])


def test_durable_rules_and_the_plain_evaluator_agree_on_every_combination(rulebook):
    every = set().union(*(group.fields for group in rulebook.obligations.values()))
    subjects = []
    for combination in combinations(tuple(every)):
        try:
            subjects.append(factlib.subject_from_values({k: v for k, v in combination.items() if v is not None}))
        except ValueError:  # pydantic's ValidationError: no valid record has these facts
            continue
    facts = [factlib.fact(s) for s in subjects]
    assert len(facts) > 10_000
    by_engine = engine.match(rulebook, facts)
    by_plain = [[rule.id for rule in rulebook.rules if conditions.evaluate(rule.when, f)] for f in facts]
    assert by_engine == by_plain


def _one_rule(rulebook: RuleBook, when: dict) -> RuleBook:
    rule = dataclasses.replace(rulebook.by_id["reporting.reported"], when=when)
    group = dataclasses.replace(rulebook.obligations[rule.obligation], rules=(rule,))
    return RuleBook({rule.obligation: group}, rulebook.files, {rule.id: rule})


def test_a_reference_to_a_missing_field_fails_whatever_else_is_in_the_batch(rulebook):
    """durable-rules alone matched m8 (no stated_in) when m7 in the same batch had one."""
    book = _one_rule(rulebook, {"year": {"$m": "stated_in"}})
    facts = [{"municipality": "m6"}, {"municipality": "m7", "year": 2026, "stated_in": 2026},
             {"municipality": "m8", "year": 2011}]
    assert [bool(m) for m in engine.match(book, facts)] == [False, True, False]
    assert [bool(m) for m in engine.match(book, facts[2:])] == [False]


@pytest.mark.parametrize("when", [
    {"$gte": {"year": {"$m": "programme_end"}}},
    {"$lt": {"year": {"$m": "programme_end"}}},
    {"roma_seat": {"$m": "reported"}},
    {"$gt": {"wb_meetings": {"$m": "roma_seat"}}},
])
def test_references_agree_with_the_plain_evaluator_on_random_facts(rulebook, when):
    import random

    draw = random.Random(3)
    values = {"year": lambda: draw.randint(2010, 2030), "programme_end": lambda: draw.randint(2010, 2030),
              "reported": lambda: draw.random() < 0.5, "roma_seat": lambda: draw.random() < 0.5,
              "wb_meetings": lambda: draw.randint(0, 5)}
    facts = [{"municipality": f"m{i}", **{k: make() for k, make in values.items() if draw.random() < 0.6}}
             for i in range(1000)]
    got = engine.match(_one_rule(rulebook, when), facts)
    assert [bool(m) for m in got] == [conditions.evaluate(when, f) for f in facts]
