"""Rule files: staff edit them, so every mistake is reported with file, line and rule id."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from compliance.errors import DataError
from compliance.rules import load_rules
from compliance.vocabulary import Grade, Obligation
from conftest import RULES


def copy_rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(RULES, target)
    return target


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_bundled_rules_cover_the_four_obligations_in_order():
    rulebook = load_rules(RULES)
    assert list(rulebook.obligations) == list(Obligation)
    programme = rulebook.obligations[Obligation.PROGRAMME]
    assert programme.basis.citation == "drugi odstavek 6. člena ZRomS-1"
    assert rulebook.obligations[Obligation.WORKING_BODY].basis.citation == "prvi odstavek 7. člena ZRomS-1"
    cooperation = rulebook.obligations[Obligation.COOPERATION]
    assert cooperation.kind.value == "recommendation" and cooperation.basis.article is None


def test_each_obligation_has_its_kind_and_no_missing_report_is_a_statutory_duty():
    kinds = {o.value: group.kind.value for o, group in load_rules(RULES).obligations.items()}
    assert kinds == {"reporting": "request", "programme": "duty", "working_body": "duty", "cooperation": "recommendation"}
    reporting = load_rules(RULES).obligations[Obligation.REPORTING].basis
    assert reporting.article is None and reporting.act != "ZRomS-1"  # no ZRomS-1 provision obliges reporting


def test_statute_quotes_are_verbatim_and_the_offices_expectations_kept_apart():
    groups = load_rules(RULES).obligations
    body = groups[Obligation.WORKING_BODY].basis
    assert (body.form.value, body.gazette) == ("quote", "Uradni list RS, št. 33/07")
    assert " ".join(body.text.split()) == (
        "V občinah, v katerih se v skladu z zakonom, ki ureja lokalno samoupravo, voli predstavnika romske "
        "skupnosti v mestni oziroma občinski svet (v nadaljnjem besedilu: občinski svet), se v občinskem svetu "
        "ustanovi posebno delovno telo za spremljanje položaja romske skupnosti."
    )
    article_8 = next(p for p in body.related if p.article == 8)
    assert article_8.form.value == "quote" and article_8.text.startswith("Delovno telo iz prejšnjega člena zlasti:")
    assert next(p for p in body.related if p.article == 7 and p.paragraph == 5).form.value == "paraphrase"
    # the law sets no meeting frequency: that is the Office's expectation, not the statute's text
    assert "enkrat na leto" in body.expectation and "sestaja" not in body.text and "redno" not in body.text
    programme = groups[Obligation.PROGRAMME].basis
    assert programme.form.value == "paraphrase" and "programe oziroma ukrepe" in programme.text
    assert "poseben program" in programme.expectation and "poseben" not in programme.text


@pytest.mark.parametrize("case, paragraph, expected", [
    ("nom", 2, "drugi odstavek 6. člena ZRomS-1"),
    ("gen", 2, "drugega odstavka 6. člena ZRomS-1"),
    ("loc", 2, "drugem odstavku 6. člena ZRomS-1"),
    ("ins", 5, "petim odstavkom 6. člena ZRomS-1"),
    ("nom", None, "6. člen ZRomS-1"),
    ("gen", None, "6. člena ZRomS-1"),
    ("dat", None, "6. členu ZRomS-1"),
])
def test_citations_as_slovenian_legal_texts_write_them(case, paragraph, expected):
    from compliance.findings import cite

    assert cite("ZRomS-1", 6, paragraph, case) == expected


def test_a_quote_without_its_gazette_is_refused(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "working_body.yaml"
    replace_in(path, "  gazette: Uradni list RS, št. 33/07\n", "")
    [problem] = problems_of(rules)
    assert "working_body.yaml" in problem and "gazette" in problem


def test_every_rule_grade_that_asks_something_has_a_letter_paragraph():
    for rule in load_rules(RULES).rules:
        asks = rule.grade in (Grade.NON_COMPLIANT, Grade.PARTIAL, Grade.NO_DATA)
        if asks:
            assert rule.letter is not None and "||" in rule.letter, rule.id  # what is held || what is asked
        elif rule.letter is not None:  # an acknowledgement (a body that works): it asks nothing
            assert "||" not in rule.letter and "Prosimo" not in rule.letter, rule.id


def problems_of(rules_dir: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_rules(rules_dir)
    return [str(problem) for problem in caught.value.problems]


def test_durable_rules_relational_form_it_rejects_is_explained(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "working_body.yaml"
    replace_in(path, "- $gte: {wb_meetings: 1}", "- wb_meetings: {$gte: 1}")
    [problem] = problems_of(rules)
    assert problem.startswith(f"{path}:{line_of(path, 'wb_meetings: {$gte: 1}')}: field when.$and[2].$or[1].wb_meetings")
    assert "rule working_body.active" in problem
    assert "not {wb_meetings: {op: value}}" in problem


def test_unknown_field_and_value_get_suggestions(tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "programme.yaml", "programme_status: in_preparation", "programe_status: in_preparation")
    replace_in(rules / "cooperation.yaml", "cooperation_form: ad_hoc", "cooperation_form: adhoc")
    found = problems_of(rules)
    assert any("programme.yaml" in p and "rule programme.in_preparation" in p and "did you mean: programme_status" in p for p in found)
    assert any("cooperation.yaml" in p and "rule cooperation.ad_hoc" in p and "'adhoc'" in p and "'ad_hoc'" in p for p in found)


def test_bad_grade_names_rule_and_line(tmp_path):
    rules = copy_rules(tmp_path)
    path = rules / "cooperation.yaml"
    replace_in(path, "grade: compliant", "grade: good")
    [problem] = problems_of(rules)
    assert f"cooperation.yaml:{line_of(path, 'grade: good')}" in problem
    assert "rule cooperation.team" in problem and "field rules.0.grade" in problem


def test_template_syntax_error_is_located(tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "reporting.yaml", "Občina je poslala podatke za leto {{ year }}.", "Občina je poslala {{ year .")
    [problem] = problems_of(rules)
    assert "reporting.yaml" in problem and "rule reporting.reported" in problem and "template error" in problem


def test_duplicate_rule_id_and_missing_obligation(tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "cooperation.yaml", "id: cooperation.ad_hoc", "id: cooperation.team")
    found = problems_of(rules)
    assert any("rule cooperation.team: duplicate rule id" in p for p in found)
    (rules / "reporting.yaml").unlink()
    rules_without = copy_rules(tmp_path / "other")
    (rules_without / "reporting.yaml").unlink()
    assert any("no rule file for obligation reporting" in p for p in problems_of(rules_without))


def test_malformed_yaml_names_the_line(tmp_path):
    rules = copy_rules(tmp_path)
    (rules / "programme.yaml").write_text("obligation: programme\nrules: [\n", encoding="utf-8")
    [problem] = problems_of(rules)
    assert "programme.yaml:" in problem and "malformed YAML" in problem


def test_staff_change_a_grade_and_a_basis_by_editing_yaml_only(tmp_path, cli):
    rules = copy_rules(tmp_path)
    replace_in(rules / "cooperation.yaml", "grade: partial\n    when:\n      cooperation_form: ad_hoc",
               "grade: non_compliant\n    when:\n      cooperation_form: ad_hoc")
    replace_in(rules / "working_body.yaml", "  article: 7\n  paragraph: 1\n", "  article: 7\n  paragraph: 2\n")
    result = cli("check", "--year", "2019", "--municipality", "cankova", "--format", "json", "--rules-dir", str(rules))
    assert result.exit_code == 0, result.output
    findings = {f["obligation"]: f for f in json.loads(result.output)["findings"]}
    assert findings["cooperation"]["grade"] == "non_compliant"  # ad_hoc, was partial
    assert findings["working_body"]["basis"]["citation"] == "drugi odstavek 7. člena ZRomS-1"


def test_null_in_a_condition_points_to_nex(tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "working_body.yaml", "- $nex: {wb_active: 1}\n        - $nex: {wb_meetings: 1}",
               "- wb_active: null\n        - $nex: {wb_meetings: 1}")
    [problem] = problems_of(rules)
    assert "rule working_body.not_stated" in problem
    assert "wb_active: null never matches; to test that it is not stated, use {$nex: {wb_active: 1}}" in problem


def test_a_rendered_message_is_reused_only_for_equal_values_of_the_same_type():
    rule = load_rules(RULES).rules[0]
    echo = dataclasses.replace(rule, messages={"sl": "{{ x }}", "en": "{{ x }}"},
                               reads={"message.sl": ("x",), "message.en": ("x",)})
    values = [1, True, 1.0, "1", [1], (1,), None, "None"]
    assert [echo.render_message("sl", {"x": v}) for v in values] == ["1", "True", "1.0", "1", "[1]", "(1,)", "None", "None"]
    reasons = [{"kind": "reason"}]
    assert echo.render_message("sl", {"x": reasons}) == "[{'kind': 'reason'}]"
    reasons[0]["kind"] = "obstacle"  # a list is compared by what it holds at the time
    assert echo.render_message("sl", {"x": reasons}) == "[{'kind': 'obstacle'}]"
