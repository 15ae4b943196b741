"""The HTML report with the follow-up register (each case as `status` shows it) and with
`--compare-with` (each finding's grade in the other year and the change)."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import sys
from pathlib import Path

import pytest

from compliance.letters.typography import slovenian_date
from test_register import register_file, write_letters

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from scale import copy_year  # noqa: E402

AS_OF = "2020-04-20"


def page(cli, data: Path, *args: str) -> str:
    result = cli("check", "--year", "2019", "--format", "html", "--date", AS_OF, "--data-dir", str(data), *args)
    assert result.exit_code == 0, result.output
    return result.stdout


def details(page_html: str, ident: str) -> str:
    """The text of one municipality's details (tags dropped, entities resolved)."""
    match = re.search(rf'<details class="municipality" id="m-{ident}".*?</details>', page_html, re.S)
    assert match, ident
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", match.group(0))).split())


@pytest.fixture
def cycled(cli, data_copy, tmp_path):
    """2019 letters written on 2 March 2020; Kuzma's and Semič's marked sent, Kuzma replied."""
    assert write_letters(cli, data_copy, tmp_path / "letters").exit_code == 0
    for ident in ("kuzma", "semic"):
        assert cli("register", "sent", "--year", "2019", ident, "--date", "2020-03-03",
                   "--data-dir", str(data_copy)).exit_code == 0
    assert cli("register", "reply", "--year", "2019", "kuzma", "--date", "2020-03-25", "--note", "Odgovor <b>po pošti</b>",
               "--data-dir", str(data_copy)).exit_code == 0
    return data_copy


def test_without_a_register_the_page_has_no_follow_up(cli, data_copy):
    assert not register_file(data_copy).exists()
    plain = page(cli, data_copy)
    assert "Dopis in odziv" not in plain and "case-mark" not in plain
    assert plain == page(cli, data_copy)  # and it is what it was: the same bytes each run


def test_the_details_show_each_case_as_status_does(cli, cycled):
    status = cli("status", "--year", "2019", "--date", AS_OF, "--format", "json", "--data-dir", str(cycled))
    assert status.exit_code == 0, status.output
    cases = {c["municipality"]: c for c in json.loads(status.output)["cases"]}
    result = page(cli, cycled)
    day = dt.date.fromisoformat

    semic = details(result, "semic")
    case = cases["semic"]
    assert case["overdue"] and case["state"] == "open"
    assert "Dopis in odziv (po registru, stanje na dan 20. 4. 2020)" in semic
    assert f"dopis {case['letter']['number']}" in semic
    assert "datum 2. 3. 2020" in semic
    assert "poslano 3. 3. 2020" in semic
    assert f"rok {slovenian_date(day(case['deadline']))}" in semic
    assert f"zamuda (dni) {case['days_overdue']}" in semic
    assert f"zadeva: odprta; zamuda (dni): {case['days_overdue']}" in semic  # the mark in the summary

    kuzma = details(result, "kuzma")
    assert cases["kuzma"]["state"] == "answered" and not cases["kuzma"]["overdue"]
    assert "odgovor 25. 3. 2020" in kuzma and "stanje odgovorjeno" in kuzma and "zamuda" not in kuzma

    # written but not sent: the register says so, and nothing is overdue
    assert "ni poslano" in details(result, "maribor") and "zamuda" not in details(result, "maribor")
    # no letter to Beltinci for 2019
    assert "V registru za leto 2019 ni dopisa tej občini." in details(result, "beltinci")
    # the matrix marks the case too
    assert re.search(r'<a href="#m-semic">Semič</a>.*?<span class="case-mark overdue">zadeva: odprta; zamuda', result)

    english = page(cli, cycled, "--lang", "en")
    assert "overdue (days) " + str(case["days_overdue"]) in details(english, "semic")
    assert "Letter and reply (from the register, as of 2020-04-20)" in details(english, "semic")
    assert result == page(cli, cycled)  # deterministic


def test_compare_with_shows_the_other_years_grade_and_the_change(cli, data_copy):
    copy_year(data_copy, 2019, 2018, {"beltinci": {"programme.status": "adopted"},
                                       "cankova": {"working_body.active": False, "working_body.meetings": 0}})
    result = page(cli, data_copy, "--compare-with", "2018")
    compare = cli("compare", "--year", "2019", "--with", "2018", "--format", "json", "--data-dir", str(data_copy))
    changed = {(c["municipality"], c["obligation"]): c["change"] for c in json.loads(compare.output)["changes"]}
    assert changed[("beltinci", "programme")] == "worse" and changed[("cankova", "working_body")] == "better"

    assert "V primerjavi z letom 2018 ocena v letu 2018: skladno; sprememba: slabše" in details(result, "beltinci")
    assert "V primerjavi z letom 2018 ocena v letu 2018: delno skladno; sprememba: boljše" in details(result, "cankova")
    assert details(result, "kuzma").count("sprememba: enako") == 4
    assert "ocena v letu 2018: ni izpolnjeno; sprememba: enako" in details(result, "kuzma")  # a request, in its words
    assert result == page(cli, data_copy, "--compare-with", "2018")


def test_compare_with_needs_html_one_year_and_another_year(cli, data_copy):
    for args, fragment in ((["--year", "2019", "--format", "json", "--compare-with", "2018"], "--format html"),
                           (["--year", "2019", "--format", "html", "--compare-with", "2019"], "enaki")):
        result = cli("check", *args, "--data-dir", str(data_copy))
        assert result.exit_code == 2 and fragment in result.stderr, result.output
        assert "Traceback" not in result.output
