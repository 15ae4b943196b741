"""The reviewer's decisions (`data/decisions/<year>.yaml`): applied after the rules, shown
with their note, author and date, kept by the next run, ignored when expired (with a
warning), left out with `check --no-decisions`; each bad entry is a located error (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DECISION = """\
- municipality: turnisce
  obligation: working_body
  grade: partial
  note: Občina je dvakrat poskušala ustanoviti delovno telo, a ni našla članov; ocena je delno skladno.
  decided_by: Ana Novak
  decided_on: 2020-02-20
"""


def write(data: Path, text: str, year: int = 2019) -> Path:
    path = data / "decisions" / f"{year}.yaml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def findings(cli, data: Path, *args: str) -> dict[tuple[str, str], dict]:
    result = cli("check", "--year", "2019", "--format", "json", "--data-dir", str(data), *args)
    assert result.exit_code == 0, result.output
    return {(f["municipality"], f["obligation"]): f for f in json.loads(result.stdout)["findings"]}


def failure(cli, data: Path) -> str:
    result = cli("validate", "--lang", "en", "--data-dir", str(data))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


def test_a_decision_sets_the_final_grade_and_keeps_the_rules_grade(cli, data_copy):
    write(data_copy, DECISION)
    got = findings(cli, data_copy)[("turnisce", "working_body")]
    assert (got["grade"], got["rule_grade"]) == ("partial", "non_compliant")
    assert got["decision"] == {
        "grade": "partial", "note": "Občina je dvakrat poskušala ustanoviti delovno telo, a ni našla članov; ocena je delno skladno.",
        "decided_by": "Ana Novak", "decided_on": "2020-02-20", "expires": None,
    }
    # the other findings are the rules' own
    others = [f for key, f in findings(cli, data_copy).items() if key != ("turnisce", "working_body")]
    assert all(f["grade"] == f["rule_grade"] and f["decision"] is None for f in others)


def test_the_next_run_keeps_the_decision_and_the_output_names_the_file(cli, data_copy):
    write(data_copy, DECISION)
    first = cli("check", "--year", "2019", "--format", "json", "--data-dir", str(data_copy)).stdout
    again = cli("check", "--year", "2019", "--format", "json", "--data-dir", str(data_copy)).stdout
    assert first == again
    without = cli("check", "--year", "2019", "--format", "json", "--data-dir", str(data_copy), "--no-decisions").stdout
    # the decisions file is part of what the output came from
    assert json.loads(first)["generated_from"]["data_sha256"] != json.loads(without)["generated_from"]["data_sha256"]


def test_no_decisions_shows_the_rules_grades_alone(cli, data_copy):
    write(data_copy, DECISION)
    got = findings(cli, data_copy, "--no-decisions")[("turnisce", "working_body")]
    assert (got["grade"], got["rule_grade"], got["decision"]) == ("non_compliant", "non_compliant", None)


def test_explain_shows_a_decided_grade_as_decided_with_note_author_and_date(cli, data_copy):
    write(data_copy, DECISION)
    output = cli("explain", "--year", "2019", "turnisce", "--data-dir", str(data_copy)).stdout
    body = next(block for block in output.split("\n\n") if block.startswith("delovno telo:"))
    assert body.startswith("delovno telo: delno skladno\n")
    assert "odločitev pregledovalca (Ana Novak, 20. 2. 2020)" in body
    assert "ocena po pravilih: neskladno" in body
    assert "Občina je dvakrat poskušala ustanoviti delovno telo, a ni našla članov" in body
    plain = cli("explain", "--year", "2019", "turnisce", "--data-dir", str(data_copy), "--no-decisions").stdout
    assert "delovno telo: neskladno" in plain and "odločitev" not in plain


def test_a_note_only_decision_keeps_the_grade_and_shows_the_note(cli, data_copy):
    write(data_copy, DECISION.replace("  grade: partial\n", ""))
    got = findings(cli, data_copy)[("turnisce", "working_body")]
    assert (got["grade"], got["rule_grade"], got["decision"]["grade"]) == ("non_compliant", "non_compliant", None)
    output = cli("explain", "--year", "2019", "turnisce", "--data-dir", str(data_copy)).stdout
    assert "ocena po pravilih ostaja" in output


def test_letters_follow_the_final_grade(cli, data_copy, tmp_path):
    # Turnišče gets a letter only for its working body; decided partial, it gets none
    write(data_copy, DECISION)
    out = tmp_path / "letters"
    result = cli("letters", "--year", "2019", "--out", str(out), "--date", "2020-03-02", "--data-dir", str(data_copy),
                 "--format", "txt")
    assert result.exit_code == 0, result.output
    assert not (out / "turnisce.txt").exists() and (out / "tisina.txt").exists()


def test_an_expired_decision_is_ignored_with_a_warning(cli, data_copy):
    path = write(data_copy, DECISION + "  expires: 2020-03-01\n")
    result = cli("check", "--year", "2019", "--format", "json", "--data-dir", str(data_copy), "--date", "2020-03-02",
                 "--lang", "en")
    assert result.exit_code == 0, result.output
    got = {(f["municipality"], f["obligation"]): f for f in json.loads(result.stdout)["findings"]}
    assert got[("turnisce", "working_body")]["grade"] == "non_compliant"
    assert got[("turnisce", "working_body")]["decision"] is None
    assert f"warning: {path}:1: municipality turnisce: field expires:" in result.stderr
    assert "expired on 2020-03-01 (before 2020-03-02); it is ignored" in result.stderr
    # before it expires, it applies
    kept = findings(cli, data_copy, "--date", "2020-02-28")[("turnisce", "working_body")]
    assert kept["grade"] == "partial"
    # validate accepts the file and warns (it judges expiry by today)
    checked = cli("validate", "--lang", "en", "--data-dir", str(data_copy))
    assert checked.exit_code == 0 and "it is ignored" in checked.stderr


@pytest.mark.parametrize("old, new, where, says", [
    ("municipality: turnisce", "municipality: turnise", "field municipality", "not in the registry (did you mean: turnisce)"),
    ("obligation: working_body", "obligation: working-body", "field obligation", "working_body"),
    ("grade: partial", "grade: delno", "field grade", "partial"),
    ("  note: Občina je dvakrat poskušala ustanoviti delovno telo, a ni našla članov; ocena je delno skladno.\n", "",
     "field note", "Field required"),
    ("  decided_by: Ana Novak\n", "", "field decided_by", "Field required"),
    ("decided_on: 2020-02-20", "decided_on: 20. 2. 2020", "field decided_on", "date"),
    ("  note: Občina", "  notes: Občina", "field notes", "Extra inputs are not permitted"),
])
def test_each_bad_entry_is_a_located_error(cli, data_copy, old, new, where, says):
    text = DECISION.replace(old, new)
    assert text != DECISION
    path = write(data_copy, text)
    stderr = failure(cli, data_copy)
    assert f"{path}:" in stderr and where in stderr and says in stderr, stderr
    # check refuses the data too, with the same message
    assert cli("check", "--year", "2019", "--data-dir", str(data_copy)).exit_code == 2


def test_two_decisions_for_one_finding_are_an_error_naming_both_lines(cli, data_copy):
    path = write(data_copy, DECISION + DECISION.replace("grade: partial", "grade: compliant"))
    stderr = failure(cli, data_copy)
    assert f"{path}:7: municipality turnisce: field obligation: a second decision for obligation working_body" in stderr
    assert "(the first on line 1)" in stderr


def test_a_file_that_is_not_a_list_is_an_error(cli, data_copy):
    path = write(data_copy, "turnisce: partial\n")
    assert f"{path}:1: a decisions file must be a list" in failure(cli, data_copy)


def test_the_bad_entry_message_is_slovenian_by_default(cli, data_copy):
    write(data_copy, DECISION.replace("  decided_by: Ana Novak\n", ""))
    result = cli("validate", "--data-dir", str(data_copy))
    assert result.exit_code == 2 and "napaka:" in result.stderr and "polje decided_by" in result.stderr


def test_no_decisions_file_means_no_decisions(cli, data_copy):
    assert not (data_copy / "decisions").exists()
    assert cli("validate", "--data-dir", str(data_copy)).exit_code == 0
    assert all(f["decision"] is None for f in findings(cli, data_copy).values())


def test_letters_follow_the_decided_grade(cli, data_copy, tmp_path):
    """Turnišče's only shortfall is its working body: a reviewer who grades it partial takes
    the municipality out of the batch; without the decision it gets its letter."""

    def recipients(batch: str) -> list[str]:
        out = tmp_path / batch
        result = cli("letters", "--year", "2019", "--date", "2020-03-02", "--out", str(out),
                     "--data-dir", str(data_copy), "--no-register")
        assert result.exit_code == 0, result.output
        return [entry["municipality"] for entry in json.loads((out / "manifest.json").read_text(encoding="utf-8"))["letters"]]

    assert "turnisce" in recipients("rules")
    write(data_copy, DECISION)
    decided = recipients("decided")
    assert "turnisce" not in decided and "ljubljana" in decided
