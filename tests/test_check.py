"""`compliance check`: the year's grades for every municipality, in every format."""

from __future__ import annotations

import hashlib
import json

import pytest
from test_properties import expected_grades
from test_rules import copy_rules, replace_in

import compliance.render
from compliance.registry import load_registry
from compliance.validate import load_year
from conftest import DATA, RULES


@pytest.fixture(scope="module")
def report():
    from click.testing import CliRunner

    from compliance.cli import main

    result = CliRunner().invoke(main, ["check", "--year", "2019", "--format", "json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def grade(report, municipality, obligation):
    return next(f for f in report["findings"] if f["municipality"] == municipality and f["obligation"] == obligation)


def test_table_lists_all_27_municipalities_with_their_grades(cli):
    result = cli("check", "--year", "2019")
    assert result.exit_code == 0, result.output
    registry = load_registry(DATA)
    assert len(registry) == 27
    for municipality in registry:
        assert municipality.name in result.output
    turnisce = next(line for line in result.output.splitlines() if line.startswith("Občina Turnišče"))
    # grades in the words of their kind: the Office's request fulfilled, the recommendation followed
    assert turnisce.split()[2:] == ["izpolnjeno", "delno", "skladno", "neskladno", "sledi", "priporočilu"]
    kuzma = next(line for line in result.output.splitlines() if line.startswith("Občina Kuzma"))
    # the non-report is the year's own fact; the programme fact is from the last contribution
    assert kuzma.split()[2:5] == ["ni", "izpolnjeno", "neskladno**"]
    lines = result.output.splitlines()
    assert "* sporočeno v letu 2018" in lines and "** iz zadnjega prispevka" in lines
    assert "*** občine ni v pregledu" in lines
    assert not any("iz leta 2018" in line for line in lines)
    assert "\x1b[" not in result.output  # colour only on a terminal


def test_table_counts_per_grade_and_obligation(cli):
    lines = cli("check", "--year", "2019").output.splitlines()
    counts = lines[lines.index("Število ocen po obveznostih"):]
    assert next(line for line in counts if line.startswith("ne velja")).split()[2:] == ["0", "0", "7", "0"]


@pytest.mark.parametrize("municipality, obligation, expected", [
    ("crnomelj", "programme", "compliant"),
    ("krsko", "programme", "compliant"),
    ("tisina", "programme", "non_compliant"),
    ("beltinci", "programme", "partial"),
    ("turnisce", "working_body", "non_compliant"),
    ("kocevje", "working_body", "compliant"),
    ("beltinci", "working_body", "partial"),
    ("kuzma", "reporting", "non_compliant"),
    ("kuzma", "working_body", "no_data"),
    ("celje", "programme", "no_data"),
    ("celje", "working_body", "not_applicable"),
    ("maribor", "working_body", "not_applicable"),
    ("trebnje", "cooperation", "compliant"),
    ("rogasovci", "cooperation", "non_compliant"),
    ("kocevje", "cooperation", "no_data"),
])
def test_grades_on_the_2019_data(report, municipality, obligation, expected):
    assert grade(report, municipality, obligation)["grade"] == expected


def test_every_2019_grade_follows_the_policy_from_the_recorded_facts(report):
    registry, recordset = load_year(DATA, 2019)
    for finding in report["findings"]:
        municipality = registry.get(finding["municipality"])
        record = recordset.records[municipality.id]
        assert finding["grade"] == expected_grades(record, municipality.roma_seat)[finding["obligation"]], finding
        assert finding["grade"] == finding["rule_grade"] and finding["decision"] is None  # no decisions file yet
        if finding["obligation"] != "reporting":
            assert (finding["provenance"], finding["stated_in"]) == (record.provenance.value, record.stated_in)


def test_stale_facts_say_what_is_known_of_their_age(report):
    kuzma = grade(report, "kuzma", "reporting")
    assert kuzma["evidence"] == ["Občina informacij za leto 2019 ni posredovala."]
    assert "zadnjega prispevka" in kuzma["message"] and "2018" not in kuzma["message"]  # the source names no year
    programme = grade(report, "kuzma", "programme")
    assert (programme["provenance"], programme["stated_in"]) == ("last_contribution", None)
    assert programme["message"].endswith("(iz zadnjega prispevka).")
    sentjernej = grade(report, "sentjernej", "programme")
    assert (sentjernej["provenance"], sentjernej["stated_in"], sentjernej["describes"]) == ("stated_in", 2018, None)
    assert sentjernej["message"].endswith("(sporočeno v letu 2018).")
    assert "v letu 2018" in grade(report, "semic", "reporting")["message"]


def test_celje_is_not_in_the_overview_never_not_received(report):
    for obligation in ("reporting", "programme", "working_body", "cooperation"):
        finding = grade(report, "celje", obligation)
        assert finding["provenance"] == "not_in_overview" and finding["stated_in"] is None
        assert "nismo prejeli" not in finding["message"] and "ni posredovala" not in finding["message"]
    reporting = grade(report, "celje", "reporting")
    assert (reporting["grade"], reporting["rule"]) == ("no_data", "reporting.not_in_overview")
    assert "Občine v pregledu po občinah za leto 2019 ni" in reporting["message"]


def test_reasons_and_obstacles_reach_the_findings(report):
    turnisce = grade(report, "turnisce", "working_body")
    assert turnisce["grade"] == "non_compliant" and [r["type"] for r in turnisce["reasons"]] == ["obstacle"]
    assert "kljub dvema poskusoma" in turnisce["reasons"][0]["evidence"][0]
    ljubljana = grade(report, "ljubljana", "programme")
    assert {r["type"] for r in ljubljana["reasons"]} == {"reason", "alternative"}
    assert grade(report, "crnomelj", "programme")["reasons"] == []


def test_grosuplje_says_the_body_met_once_in_the_term(report):
    grosuplje = grade(report, "grosuplje", "working_body")
    assert grosuplje["grade"] == "partial"
    assert "v mandatu se je do poročila sestalo enkrat" in grosuplje["message"]
    assert "ni podatkov" not in grosuplje["message"]


def test_voluntary_working_body_is_noted(report):
    maribor = grade(report, "maribor", "working_body")
    assert maribor["rule"] == "working_body.voluntary" and "ustanovila sama" in maribor["message"]
    assert "peti odstavek 7. člena ZRomS-1" in maribor["message"]
    assert grade(report, "ljubljana", "working_body")["rule"] == "working_body.not_applicable"


def test_json_contract(report):
    assert set(report) == {"year", "generated_from", "findings", "summary"}
    assert report["year"] == 2019
    assert len(report["findings"]) == 27 * 4
    finding = grade(report, "crnomelj", "programme")
    assert set(finding) == {"municipality", "obligation", "kind", "grade", "rule_grade", "decision", "rule", "basis",
                            "provenance", "stated_in", "describes", "message", "reasons", "evidence"}
    assert finding["rule"] == "programme.adopted_in_force" and finding["kind"] == "duty"
    assert finding["basis"]["article"] == 6 and finding["basis"]["paragraph"] == 2
    assert finding["basis"]["citation"] == "drugi odstavek 6. člena ZRomS-1"
    assert finding["basis"]["form"] == "paraphrase" and finding["basis"]["expectation"]
    assert (finding["provenance"], finding["stated_in"], finding["describes"]) == ("current", 2019, 2019)
    assert grade(report, "crnomelj", "cooperation")["kind"] == "recommendation"
    assert grade(report, "crnomelj", "reporting")["kind"] == "request"
    assert {f["kind"] for f in report["findings"]} == {"duty", "request", "recommendation"}
    assert report["summary"]["working_body"] == {"compliant": 11, "partial": 5, "non_compliant": 1, "no_data": 3, "not_applicable": 7}
    assert [f["obligation"] for f in report["findings"][:4]] == ["reporting", "programme", "working_body", "cooperation"]
    assert report["findings"][0]["municipality"] == load_registry(DATA).ids[0]


def test_json_names_its_inputs_by_hash_and_is_reproducible(cli, report):
    rules = b"".join(p.read_bytes() for p in sorted(RULES.glob("*.yaml")))
    data = (DATA / "municipalities.yaml").read_bytes() + (DATA / "records" / "2019.yaml").read_bytes()
    assert report["generated_from"] == {"rules_sha256": hashlib.sha256(rules).hexdigest(),
                                        "data_sha256": hashlib.sha256(data).hexdigest()}
    again = cli("check", "--year", "2019", "--format", "json")
    assert json.loads(again.output) == report
    assert "Č" in again.output  # ensure_ascii=False


def test_english(cli):
    result = cli("check", "--year", "2019", "--lang", "en", "--municipality", "turnisce", "--format", "json")
    assert "not established" in grade(json.loads(result.output), "turnisce", "working_body")["message"]
    table = cli("check", "--year", "2019", "--lang", "en").output
    assert "ZRomS-1 compliance, 2019" in table and "non-compliant" in table and "* stated in 2018" in table


def test_markdown(cli):
    result = cli("check", "--year", "2019", "--format", "markdown", "--municipality", "kuzma", "--municipality", "crnomelj")
    lines = result.output.splitlines()
    assert lines[0] == "# Skladnost z ZRomS-1, leto 2019"
    assert any(line.startswith("| Občina Črnomelj ") for line in lines)
    assert any(line.startswith("| Občina Kuzma ") and "neskladno\\*" in line for line in lines)
    # Slovenian alphabetical order (Č before K), whatever the order asked
    assert lines.index(next(l for l in lines if "Črnomelj" in l)) < lines.index(next(l for l in lines if "Kuzma" in l))


def test_fail_on_exits_1_when_such_a_finding_exists(cli):
    assert cli("check", "--year", "2019", "--fail-on", "non_compliant").exit_code == 1
    assert cli("check", "--year", "2019", "--municipality", "crnomelj", "--fail-on", "non_compliant").exit_code == 0
    assert cli("check", "--year", "2019").exit_code == 0  # findings alone do not change the exit status


def test_unknown_year_lists_the_years_with_data(cli):
    result = cli("check", "--lang", "en", "--year", "2018")
    assert result.exit_code == 2
    assert "unknown year: 2018 (years with data: 2019)" in result.output
    assert "Traceback" not in result.output


def test_unknown_municipality_suggests_the_closest(cli):
    result = cli("check", "--lang", "en", "--year", "2019", "--municipality", "crnomel")
    assert result.exit_code == 2
    assert "unknown municipality: crnomel (did you mean: crnomelj" in result.output


def test_out_writes_the_file(cli, tmp_path):
    out = tmp_path / "out" / "2019.json"
    result = cli("check", "--year", "2019", "--format", "json", "--out", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["year"] == 2019


def test_binary_format_needs_out(cli, monkeypatch):
    monkeypatch.setattr(compliance.render, "BINARY", {"csv"})
    result = cli("check", "--lang", "en", "--year", "2019", "--format", "csv")
    assert result.exit_code == 2
    assert "--format csv writes a binary file: give --out FILE" in result.output


def test_bad_records_exit_2_and_write_nothing(cli, data_copy, tmp_path):
    path = data_copy / "records" / "2019.yaml"
    replace_in(path, "status: measures_only", "status: measures")
    out = tmp_path / "findings.json"
    result = cli("check", "--lang", "en", "--year", "2019", "--data-dir", str(data_copy), "--format", "json", "--out", str(out))
    assert result.exit_code == 2
    assert "2019.yaml:" in result.output and "field programme.status" in result.output and "'measures'" in result.output
    assert not out.exists() and list(tmp_path.glob("*.tmp")) == []


def test_broken_rule_exits_2_naming_file_and_rule(cli, tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "programme.yaml", "- $lt: {programme_end: {$m: year}}", "- programme_end: {$lt: {$m: year}}")
    out = tmp_path / "findings.json"
    result = cli("check", "--lang", "en", "--year", "2019", "--rules-dir", str(rules), "--out", str(out))
    assert result.exit_code == 2
    assert "programme.yaml:" in result.output and "rule programme.adopted_ended" in result.output
    assert "error code" not in result.output and not out.exists()


def test_a_gap_in_the_rules_is_an_error_not_a_missing_row(cli, tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "cooperation.yaml", "cooperation_form: unknown", "cooperation_form: none")
    result = cli("check", "--lang", "en", "--year", "2019", "--rules-dir", str(rules), "--municipality", "kocevje")
    assert result.exit_code == 2
    assert "cooperation.yaml" in result.output and "no rule gives a grade for cooperation of kocevje 2019" in result.output


def test_grades_are_coloured_on_a_terminal():
    from click.testing import CliRunner

    from compliance.cli import main

    result = CliRunner().invoke(main, ["check", "--year", "2019", "--municipality", "turnisce"], color=True)
    assert result.exit_code == 0
    assert "\x1b[31m\x1b[1mneskladno\x1b[0m" in result.output  # red, bold
    assert "\x1b[32mizpolnjeno\x1b[0m" in result.output  # green, in the words of a request


def test_no_color_turns_the_colour_off():
    from click.testing import CliRunner

    from compliance.cli import main

    result = CliRunner().invoke(main, ["check", "--year", "2019", "--municipality", "turnisce"], color=True,
                                env={"NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "\x1b[" not in result.output and "neskladno" in result.output


@pytest.mark.parametrize("lang", ["sl", "en"])
@pytest.mark.parametrize("columns", [80, 100])
def test_table_keeps_within_the_terminal_width(cli, lang, columns):
    result = cli("check", "--year", "2019", "--lang", lang, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert len([line for line in lines if line.startswith(("Kuzma ", "Škocjan "))]) == 2  # every row still there


def test_table_and_markdown_name_kinds_and_those_short_of_a_duty(cli):
    """The letters' recipients, by the letters' own policy, in the table and in Markdown."""
    from compliance.assess import assess
    from compliance.letters.compose import needs_letter

    registry, assessment = assess(DATA, RULES, 2019)
    recipients = sorted(registry.get(m).short_name for m in assessment.municipalities if needs_letter(assessment.of(m)))
    assert len(recipients) == 11
    for fmt in ("table", "markdown"):
        output = cli("check", "--year", "2019", "--format", fmt).stdout
        assert "(zakonska obveznost)" in output and "(priporočilo)" in output
        line = next(line for line in output.splitlines() if line.startswith("Prejmejo pismo"))
        assert line.startswith("Prejmejo pismo (prispevka za leto ni v pregledu ali zakonska obveznost ni izpolnjena; 11): ")
        assert sorted(line.split(": ", 1)[1].split(", ")) == recipients


def test_fail_on_can_keep_to_statutory_duties(cli):
    """Beltinci falls short only of the cooperation recommendation: a script asking for
    statutory non-compliance does not fail on it; Tišina's programme (a duty) does."""
    beltinci = ("check", "--year", "2019", "--municipality", "beltinci", "--fail-on", "non_compliant")
    assert cli(*beltinci).exit_code == 1
    assert cli(*beltinci, "--fail-on-kind", "duty").exit_code == 0
    assert cli("check", "--year", "2019", "--municipality", "tisina", "--fail-on", "non_compliant",
               "--fail-on-kind", "duty").exit_code == 1
