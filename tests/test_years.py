"""Several years: `check --year ... --years A-B` in one run, and `compare`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from scale import copy_year  # noqa: E402  (the benchmark's generator makes the test years too)

# 2020, built for the tests from 2019: one programme adopted, one working body no longer
# meeting, one programme no longer known.
CHANGES_2020 = {
    "beltinci": {"programme.status": "adopted"},
    "cankova": {"working_body.active": False, "working_body.meetings": 0},
    "skocjan": {"programme.status": "unknown", "programme.evidence": []},
}


@pytest.fixture
def two_years(data_copy):
    copy_year(data_copy, 2019, 2020, CHANGES_2020)
    copy_year(data_copy, 2019, 2018)
    return data_copy


def check_json(cli, data: Path, *args: str):
    result = cli("check", *args, "--format", "json", "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_several_years_in_one_run_give_each_year_as_alone(cli, two_years):
    together = check_json(cli, two_years, "--year", "2020", "--year", "2018", "--year", "2019")
    assert [doc["year"] for doc in together["years"]] == [2018, 2019, 2020]
    for doc in together["years"]:
        assert doc == check_json(cli, two_years, "--year", str(doc["year"]))
    assert check_json(cli, two_years, "--years", "2018-2020") == together
    assert check_json(cli, two_years, "--years", "2018-2019", "--year", "2020") == together
    assert check_json(cli, two_years, "--year", "2019", "--year", "2019") == check_json(cli, two_years, "--year", "2019")


def test_the_table_shows_every_year(cli, two_years):
    result = cli("check", "--years", "2018-2020", "--data-dir", str(two_years))
    assert result.exit_code == 0, result.output
    for year in (2018, 2019, 2020):
        assert f"Skladnost z ZRomS-1, leto {year}" in result.output


@pytest.mark.parametrize("args, fragment", [
    (["--years", "2018-2021"], "neznano leto: 2021"),
    (["--years", "2020-2018"], "--years"),
    (["--years", "2018"], "--years"),
    (["--years", "2018-2019", "--format", "csv"], "--format csv"),
    ([], "--year ali --years"),
])
def test_bad_year_choices_are_clear_errors(cli, two_years, args, fragment):
    result = cli("check", *args, "--data-dir", str(two_years))
    assert result.exit_code == 2, result.output
    assert fragment in result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_a_problem_in_any_year_is_reported_with_its_file(cli, two_years):
    path = two_years / "records" / "2018.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("status: adopted", "status: adoptd", 1), encoding="utf-8")
    result = cli("check", "--years", "2018-2020", "--data-dir", str(two_years))
    assert result.exit_code == 2
    assert "2018.yaml" in result.stderr and "2019.yaml" not in result.stderr


def test_compare_names_what_got_better_worse_and_new(cli, two_years):
    result = cli("compare", "--year", "2020", "--with", "2019", "--format", "json", "--data-dir", str(two_years))
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert (document["year"], document["with"]) == (2020, 2019)
    changed = {(c["municipality"], c["obligation"]): (c["previous"], c["grade"], c["change"])
               for c in document["changes"] if c["change"] != "same"}
    assert changed == {
        ("beltinci", "programme"): ("partial", "compliant", "better"),
        ("cankova", "working_body"): ("compliant", "partial", "worse"),
        ("skocjan", "programme"): ("non_compliant", "no_data", "new"),
    }
    assert document["summary"] == {"better": 1, "worse": 1, "new": 1, "same": 27 * 4 - 3}
    # every municipality and obligation of the year, in registry order
    assert len(document["changes"]) == 27 * 4 and document["changes"][0]["municipality"] == "beltinci"

    table = cli("compare", "--year", "2020", "--with", "2019", "--data-dir", str(two_years)).output
    assert "Leto 2020 v primerjavi z letom 2019" in table
    assert "boljše" in table and "slabše" in table and "novo" in table
    assert "Boljše: 1, slabše: 1, enako: 105, novo: 1." in table
    assert "crnomelj" not in table  # nothing changed there; --all shows it
    assert "crnomelj" in cli("compare", "--year", "2020", "--with", "2019", "--all", "--data-dir", str(two_years)).output


def test_compare_needs_two_known_years(cli, two_years):
    for args, fragment in ((["--year", "2019", "--with", "2019"], "enaki"), (["--year", "2019", "--with", "2017"], "2017")):
        result = cli("compare", *args, "--data-dir", str(two_years))
        assert result.exit_code == 2 and fragment in result.stderr


def test_years_read_by_a_helper_process_give_the_same_findings_and_edits_are_seen(cli, two_years, monkeypatch, tmp_path):
    from compliance import cache, parallel

    monkeypatch.setenv(parallel.JOBS_ENV, "1")
    alone = check_json(cli, two_years, "--years", "2018-2020")
    monkeypatch.setenv(parallel.JOBS_ENV, "2")  # 2019 and 2020 are read by the helper
    assert check_json(cli, two_years, "--years", "2018-2020") == alone
    # with the start-up cache on, an edit to a year the helper read is seen at once
    monkeypatch.setenv(cache.DIR_ENV, str(tmp_path / "cache"))
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    assert check_json(cli, two_years, "--years", "2018-2020") == alone
    copy_year(two_years, 2019, 2020, {**CHANGES_2020, "beltinci": {"programme.status": "unknown", "programme.evidence": []}})
    grades = {f["municipality"]: f["grade"] for f in check_json(cli, two_years, "--years", "2018-2020")["years"][2]["findings"]
              if f["obligation"] == "programme"}
    assert grades["beltinci"] == "no_data"
