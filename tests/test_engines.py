"""durable-rules and the built-in evaluator: chosen as documented, and giving the same answers.

The equality tests need both engines; where durable-rules is not installed (CPython 3.13+,
Windows) they skip and say so, and the evaluator is what runs.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from compliance import engines, evaluator
from compliance import facts as factlib
from compliance.assess import assess
from compliance.lint import cases as lint_cases, combinations, lint
from compliance.render import json_
from compliance.rules import load_rules
from compliance.ruletests import load_cases, run
from conftest import DATA, RULES
from compliance import paths

needs_durable = pytest.mark.skipif(
    engines.durable_problem() is not None,
    reason=f"durable-rules is not importable here ({engines.durable_problem()}); the evaluator alone runs",
)
# Makes `import durable_rules_engine` fail in a child process, as on CPython 3.13.
WITHOUT_DURABLE = "import sys; sys.modules['durable_rules_engine'] = None; "


@pytest.fixture(scope="module")
def rulebook():
    return load_rules(RULES)


def every_fact(rulebook):
    """A fact for every feasible combination of every field the rules read (as `rules lint`)."""
    read = set().union(*(group.fields for group in rulebook.obligations.values()))
    found = []
    for combination in combinations(tuple(sorted(read))):
        try:
            found.append(factlib.fact(factlib.subject_from_values({k: v for k, v in combination.items() if v is not None})))
        except ValueError:  # pydantic's ValidationError: no valid record has these facts
            continue
    return found


@needs_durable
def test_both_engines_match_the_same_rules_on_every_combination(rulebook):
    from compliance import engine

    facts = every_fact(rulebook)
    assert len(facts) > 10_000
    assert engine.match(rulebook, facts) == evaluator.match(rulebook, facts)


@needs_durable
def test_both_engines_match_the_same_rules_on_what_rules_lint_tries(rulebook):
    from compliance import engine

    facts = [factlib.fact(subject) for _, _, subject in lint_cases(rulebook)]
    assert engine.match(rulebook, facts) == evaluator.match(rulebook, facts)
    by_durable, by_python = lint(rulebook, engines.DURABLE), lint(rulebook, engines.PYTHON)
    assert by_durable == by_python and by_python.ok
    assert sum(by_python.checked.values()) == len(facts) > 50


@needs_durable
def test_the_2019_findings_are_identical_with_either_engine():
    registry, by_durable = assess(DATA, RULES, 2019, engine=engines.DURABLE)
    _, by_python = assess(DATA, RULES, 2019, engine=engines.PYTHON)
    assert len(by_python.findings) == 27 * 4
    assert by_durable.findings == by_python.findings
    assert json_.render(by_durable, registry, "sl") == json_.render(by_python, registry, "sl")


@needs_durable
def test_the_rule_test_cases_pass_with_either_engine(rulebook):
    cases = load_cases(paths.rule_cases_dir(RULES))
    for name in engines.NAMES:
        assert all(result.ok for result in run(rulebook, cases, name)), name


def test_the_evaluator_judges_only_record_facts(rulebook):
    # As the durable-rules module: a fact without a municipality is not a record.
    assert evaluator.match(rulebook, [{"year": 2019, "reported": True}]) == [[]]


@needs_durable
def test_automatic_choice_is_durable_where_it_imports(cli, monkeypatch):
    monkeypatch.delenv(engines.ENV, raising=False)
    chosen = engines.select()
    assert chosen.name == engines.DURABLE and chosen.origin == "auto"
    result = cli("info", "--lang", "en")
    assert "rule engine: durable-rules 2.0.28  [automatic: durable-rules is installed]" in result.output


def _child(code: str, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          env={**environment, **(env or {})}, encoding="utf-8")


def test_without_durable_rules_the_evaluator_takes_over_with_the_same_grades():
    run_cli = "from compliance.cli import main; main(sys.argv[1:], prog_name='compliance')"
    plain = _child("import sys; " + run_cli, "check", "--year", "2019", "--format", "json")
    without = _child(WITHOUT_DURABLE + run_cli, "check", "--year", "2019", "--format", "json")
    assert without.returncode == 0, without.stderr
    assert json.loads(without.stdout) == json.loads(plain.stdout)
    info = _child(WITHOUT_DURABLE + run_cli, "info", "--lang", "en")
    assert "rule engine: built-in evaluator (python)  [automatic: durable-rules is not available (" in info.stdout


def test_asking_for_durable_where_it_cannot_run_says_what_to_do():
    run_cli = "from compliance.cli import main; main(sys.argv[1:], prog_name='compliance')"
    result = _child(WITHOUT_DURABLE + run_cli, "check", "--year", "2019", "--engine", "durable", "--lang", "en")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "the durable engine is not available" in result.stderr and "use --engine python" in result.stderr


def test_engine_from_the_environment_and_a_wrong_name(cli, monkeypatch):
    monkeypatch.setenv(engines.ENV, "python")
    assert "built-in evaluator (python)  [chosen with COMPLIANCE_ENGINE]" in cli("info", "--lang", "en").output
    monkeypatch.setenv(engines.ENV, "drools")
    result = cli("check", "--year", "2019", "--lang", "en")
    assert result.exit_code == 2
    assert "unknown engine: drools (choices: durable, python; check --engine or COMPLIANCE_ENGINE)" in result.stderr


def test_engine_option_on_every_command_that_judges(cli):
    for command in (["check", "--year", "2019"], ["explain", "--year", "2019", "kuzma"], ["rules", "lint"],
                    ["rules", "test"]):
        result = cli(*command, "--engine", "python")
        assert result.exit_code == 0, (command, result.output)


@pytest.mark.parametrize("name", engines.NAMES)
def test_facts_equal_in_every_judged_field_are_matched_once_with_the_same_answer(rulebook, name):
    if name == engines.DURABLE and engines.durable_problem():
        pytest.skip("durable-rules is not importable here")
    import random

    facts = every_fact(rulebook)[:400]
    # each fact again under other municipalities, and near twins that differ only in a
    # value's type (true for 1) or one field, all shuffled
    twins = [{**fact, "municipality": f"{fact['municipality']}-{n}"} for fact in facts for n in (2, 3)]
    typed = [{**fact, "wb_meetings": True} for fact in facts if fact.get("wb_meetings") == 1]
    shuffled = facts + twins + typed
    random.Random(7).shuffle(shuffled)
    one_by_one = [evaluator.match(rulebook, [fact])[0] for fact in shuffled]
    assert engines.match(rulebook, shuffled, name) == one_by_one
