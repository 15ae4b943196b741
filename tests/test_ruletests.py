"""The rule test cases in tests/rules/*.yaml, one pytest case each, and their runner."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.rules import load_rules
from compliance.ruletests import load_cases, run, uncovered
from conftest import ROOT, RULES

CASES_DIR = RULES / "tests"
CASES = load_cases(CASES_DIR)
RULEBOOK = load_rules(RULES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c.file.stem}: {c.name}" for c in CASES])
def test_rule_case(case):
    [result] = run(RULEBOOK, [case])
    assert result.failures == []


def test_every_rule_has_a_case():
    assert uncovered(RULEBOOK, CASES) == []


def test_rules_test_command_passes_on_the_bundled_cases(cli):
    result = cli("rules", "test", "--rules-dir", str(RULES), "--cases", str(CASES_DIR), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"{len(CASES)} of {len(CASES)} cases passed; rules without a case: 0." in result.output


def write(folder: Path, text: str) -> Path:
    folder.mkdir()
    (folder / "cases.yaml").write_text(text, encoding="utf-8")
    return folder


def test_a_wrong_expectation_fails_and_says_what_came_out(tmp_path, cli):
    cases = write(tmp_path / "cases", """\
cases:
  - case: adopted programme that ended is not in force
    facts: {programme_status: adopted, programme_end: 2018}
    expect:
      programme: {grade: compliant, rule: programme.adopted_in_force}
""")
    result = cli("rules", "test", "--rules-dir", str(RULES), "--cases", str(cases), "--lang", "en")
    assert result.exit_code == 1
    assert "FAIL  cases.yaml:2  adopted programme that ended is not in force" in result.output
    assert ("programme: expected compliant by programme.adopted_in_force, got non_compliant by programme.adopted_ended"
            in result.output)
    assert "rule programme.none is not exercised by any case" in result.output


def test_impossible_facts_are_a_located_error(tmp_path, cli):
    cases = write(tmp_path / "cases", """\
cases:
  - case: fine
    facts: {}
    expect:
      reporting: {grade: compliant, rule: reporting.reported}
  - case: a body that is not established cannot meet
    facts: {wb_established: false, wb_meetings: 3}
    expect:
      working_body: {grade: non_compliant, rule: working_body.not_established}
""")
    result = cli("rules", "test", "--lang", "en", "--rules-dir", str(RULES), "--cases", str(cases))
    assert result.exit_code == 2
    assert "cases.yaml:7: field facts: case 'a body that is not established cannot meet': no valid record" in result.output
    assert "Traceback" not in result.output


def test_unknown_fact_field_and_obligation(tmp_path, cli):
    cases = write(tmp_path / "cases", """\
cases:
  - case: typo in a field
    facts: {programme_stat: adopted}
    expect:
      programmes: {grade: compliant, rule: programme.adopted_in_force}
""")
    result = cli("rules", "test", "--lang", "en", "--rules-dir", str(RULES), "--cases", str(cases))
    assert result.exit_code == 2
    assert "cases.yaml:5: field cases.0.expect.programmes" in result.output


def test_unknown_fact_field_gets_a_suggestion(tmp_path, cli):
    cases = write(tmp_path / "cases", """\
cases:
  - case: typo in a fact
    facts: {programme_stat: adopted}
    expect:
      programme: {grade: compliant, rule: programme.adopted_in_force}
""")
    result = cli("rules", "test", "--lang", "en", "--rules-dir", str(RULES), "--cases", str(cases))
    assert result.exit_code == 2
    assert "cases.yaml:3: field facts: case 'typo in a fact': unknown fact field 'programme_stat' (did you mean: programme_status" in result.output
