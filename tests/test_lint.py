"""`compliance rules lint`: one grade per obligation for every combination, or the culprits."""

from __future__ import annotations

from test_rules import copy_rules, replace_in

from compliance.lint import lint
from compliance.rules import load_rules
from conftest import RULES


def test_bundled_rules_give_exactly_one_grade_everywhere(cli):
    result = cli("rules", "lint", "--rules-dir", str(RULES), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "programme: 32 combinations, each gets exactly one grade" in result.output
    assert "working_body: 48 combinations" in result.output  # infeasible ones skipped: 2 x 24
    assert result.output.rstrip().endswith("Lint: OK.")


def test_lint_tries_the_boundaries_of_the_programme_period():
    report = lint(load_rules(RULES))
    assert report.ok
    # 8 statuses x end year before / at / after the year / not stated
    assert report.checked[next(o for o in report.checked if o.value == "programme")] == 32


def broken(tmp_path):
    """Programme rules with a gap (no rule for `unknown`) and an overlap (measures_only twice)."""
    rules = copy_rules(tmp_path)
    path = rules / "programme.yaml"
    replace_in(path, "programme_status: unknown", "programme_status: expired")
    replace_in(path, "    when:\n      programme_status: in_preparation",
               "    when:\n      $or:\n        - programme_status: in_preparation\n        - programme_status: measures_only")
    return rules


def test_gap_and_overlap_are_reported_with_the_combination(tmp_path, cli):
    result = cli("rules", "lint", "--rules-dir", str(broken(tmp_path)), "--lang", "en")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert "  gap: year=2019, programme_status=unknown, programme_end=not stated: no rule" in lines
    assert "  overlap: year=2019, programme_status=measures_only, programme_end=2020: programme.in_preparation, programme.measures_only" in lines
    # the expired status is now matched by two rules as well
    assert any(line.startswith("  overlap: year=2019, programme_status=expired") and "programme.expired, programme.unknown" in line for line in lines)
    assert "reporting: 4 combinations, each gets exactly one grade" in lines  # other files unaffected


def test_combination_of_booleans_shows_not_stated(tmp_path, cli):
    rules = copy_rules(tmp_path)
    replace_in(rules / "working_body.yaml", "        - $nex: {wb_active: 1}\n        - $nex: {wb_meetings: 1}\n",
               "        - $nex: {wb_active: 1}\n")  # not_stated no longer requires meetings unstated
    result = cli("rules", "lint", "--rules-dir", str(rules), "--lang", "en")
    assert result.exit_code == 1
    assert ("  overlap: roma_seat=true, wb_established=not stated, wb_active=not stated, wb_meetings=0: "
            "working_body.inactive_establishment_unstated, working_body.not_stated") in result.output.splitlines()


def test_missing_letter_paragraph_is_reported(tmp_path, cli):
    rules = copy_rules(tmp_path)
    text = (rules / "cooperation.yaml").read_text(encoding="utf-8")
    start = text.index("    letter: >-", text.index("id: cooperation.none"))
    end = text.index("  - id: cooperation.unknown")
    (rules / "cooperation.yaml").write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    result = cli("rules", "lint", "--lang", "en", "--rules-dir", str(rules))
    assert result.exit_code == 1
    assert "rule cooperation.none: grade non_compliant needs a letter paragraph" in result.output


def test_template_using_an_unknown_name_is_caught(tmp_path, cli):
    rules = copy_rules(tmp_path)
    replace_in(rules / "cooperation.yaml", "O medinstitucionalnem sodelovanju ni podatkov.", "Ni podatkov za {{ obcina }}.")
    result = cli("rules", "lint", "--lang", "en", "--rules-dir", str(rules))
    assert result.exit_code == 1
    assert "rule cooperation.unknown: message.sl: 'obcina' is undefined" in result.output


def test_malformed_rule_file_exits_2(tmp_path, cli):
    rules = copy_rules(tmp_path)
    replace_in(rules / "reporting.yaml", "reported: true", "reported: yes please")
    result = cli("rules", "lint", "--lang", "en", "--rules-dir", str(rules))
    assert result.exit_code == 2
    assert "reporting.yaml" in result.output and "rule reporting.reported" in result.output
