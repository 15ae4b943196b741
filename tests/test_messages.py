"""Diagnostics follow the command's language: Slovenian by default, English with --lang en.

The other test files check the English wording of each problem (with --lang en); these
check that the same facts (file, line, municipality, field, what is wrong) reach the user
in Slovenian by default, and that the catalog is complete in both languages.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from pydantic import ValidationError
from test_rules import copy_rules, replace_in

from compliance import messages, paths
from compliance.errors import DataError, NotFound, Problem
from compliance.messages import CATALOG, PYDANTIC_SL, PydanticMessage
from compliance.models import Record

RECORDS = Path("records") / "2019.yaml"
DATE = "2020-03-02"


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file; the line of the replacement."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found: {old!r}"
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if new.strip() in line)


def failure(result) -> str:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return result.stderr


def test_validate_enum_error_is_slovenian_by_default_and_english_on_request(cli, data_copy):
    line = edit(data_copy / RECORDS, "status: measures_only", "status: measures")
    sl = failure(cli("validate", "--data-dir", str(data_copy)))
    assert sl.splitlines() == [
        f"napaka: {data_copy / RECORDS}:{line}: občina cankova: polje programme.status: vrednost mora biti "
        "'adopted', 'expired', 'in_preparation', 'other_strategy', 'measures_only', 'none', 'not_planned' "
        "ali 'unknown' (vneseno: 'measures')",
        "Najdenih težav: 1.",
    ]
    en = failure(cli("validate", "--data-dir", str(data_copy), "--lang", "en"))
    assert en.splitlines() == [
        f"error: {data_copy / RECORDS}:{line}: municipality cankova: field programme.status: Input should be "
        "'adopted', 'expired', 'in_preparation', 'other_strategy', 'measures_only', 'none', 'not_planned' "
        "or 'unknown' (got 'measures')",
        "1 problem(s) found.",
    ]


def test_model_validator_message_is_slovenian(cli, data_copy):
    path = data_copy / RECORDS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - municipality: turnisce")
    path.write_text(text[:start] + text[start:].replace("meetings: null", "meetings: 3", 1), encoding="utf-8")
    sl = failure(cli("validate", "--data-dir", str(data_copy)))
    assert "občina turnisce: polje working_body: delovno telo, ki ni ustanovljeno, se ne more sestati" in sl
    en = failure(cli("validate", "--data-dir", str(data_copy), "--lang", "en"))
    assert "municipality turnisce: field working_body: Value error, a working body that is not established cannot have met" in en


def test_unknown_municipality_suggestion(cli):
    assert failure(cli("check", "--year", "2019", "--municipality", "crnomel")) == (
        "napaka: neznana občina: crnomel (ste mislili: crnomelj)\n"
    )
    assert failure(cli("check", "--year", "2019", "--municipality", "crnomel", "--lang", "en")) == (
        "error: unknown municipality: crnomel (did you mean: crnomelj)\n"
    )


def test_unknown_municipality_in_the_records_is_slovenian(cli, data_copy):
    line = edit(data_copy / RECORDS, "municipality: crnomelj", "municipality: crnomel")
    sl = failure(cli("validate", "--data-dir", str(data_copy)))
    assert f"2019.yaml:{line}: občina crnomel: polje municipality: ni v registru (ste mislili: crnomelj)" in sl
    assert "2019.yaml: občina crnomelj: ni zapisa za leto 2019" in sl


@pytest.mark.parametrize("command", [("check",), ("explain", "kuzma"), ("validate",)])
def test_unknown_year(cli, command, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # outside a working folder: the packaged data is read, and named
    monkeypatch.delenv("COMPLIANCE_DATA_DIR", raising=False)
    folder = paths.BUNDLED / "data"
    sl = failure(cli(*command, "--year", "2018"))
    assert sl == f"napaka: neznano leto: 2018 (leta s podatki: 2019); prebrana mapa: {folder}\n"
    en = failure(cli(*command, "--year", "2018", "--lang", "en"))
    assert en == f"error: unknown year: 2018 (years with data: 2019); folder read: {folder}\n"


def test_letters_refuse_to_overwrite_in_slovenian(cli, tmp_path):
    out = tmp_path / "letters"
    args = ("letters", "--year", "2019", "--out", str(out), "--date", DATE, "--municipality", "kuzma", "--format", "txt")
    assert cli(*args).exit_code == 0
    (out / "kuzma.txt").write_text("podpisano", encoding="utf-8")
    sl = failure(cli(*args))
    assert sl.startswith("napaka: ") and "datoteke že obstajajo (4: kuzma.txt, manifest.json, seznam-dopisov.csv, seznam-dopisov.xlsx)" in sl
    assert "pisma se brez --force ne prepišejo" in sl
    en = failure(cli(*args, "--lang", "en"))
    assert "error: " in en and "4 file(s) already exist (kuzma.txt, manifest.json, seznam-dopisov.csv, seznam-dopisov.xlsx)" in en and "--force" in en
    assert (out / "kuzma.txt").read_text(encoding="utf-8") == "podpisano"


def test_malformed_rule_file_is_slovenian(cli, tmp_path):
    rules = copy_rules(tmp_path)
    replace_in(rules / "reporting.yaml", "reported: true", "reported: yes please")
    line = next(n for n, text in enumerate((rules / "reporting.yaml").read_text(encoding="utf-8").splitlines(), 1)
                if "yes please" in text)
    sl = failure(cli("rules", "lint", "--rules-dir", str(rules)))
    assert sl.splitlines() == [
        f"napaka: {rules / 'reporting.yaml'}:{line}: polje when.reported: pravilo reporting.reported: "
        "reported: pričakovano true ali false, vneseno 'yes please'",
        "Najdenih težav: 1.",
    ]
    en = failure(cli("rules", "lint", "--rules-dir", str(rules), "--lang", "en"))
    assert en.splitlines()[0] == (
        f"error: {rules / 'reporting.yaml'}:{line}: field when.reported: rule reporting.reported: "
        "reported: expected true or false, got 'yes please'"
    )


def test_broken_office_configuration_is_slovenian(cli, tmp_path, data_copy):
    line = edit(data_copy / "office.yaml", "reply_days: 30", "reply_days: 0")
    args = ("letters", "--year", "2019", "--out", str(tmp_path / "letters"), "--data-dir", str(data_copy))
    assert f"office.yaml:{line}: polje reply_days: vrednost mora biti najmanj 1 (vneseno: 0)" in failure(cli(*args))
    assert f"office.yaml:{line}: field reply_days: Input should be greater than or equal to 1" in failure(
        cli(*args, "--lang", "en")
    )
    assert not (tmp_path / "letters").exists()


def test_validate_success_line_follows_the_language(cli):
    assert cli("validate").output.startswith("V redu: ")
    assert cli("validate", "--lang", "en").output.startswith("OK: ")


def test_the_language_does_not_outlive_its_invocation(cli):
    assert failure(cli("check", "--year", "2018", "--lang", "en")).startswith("error: ")
    assert failure(cli("check", "--year", "2018")).startswith("napaka: ")


def test_outside_a_command_messages_read_in_english():
    error = NotFound("year", 2018, [2019])
    assert str(error) == "unknown year: 2018 (years with data: 2019)"
    assert error.render("sl") == "neznano leto: 2018 (leta s podatki: 2019)"
    problem = Problem(Path("x.yaml"), messages.msg("records.duplicate", first=3), line=9, municipality="kuzma", field="municipality")
    assert str(problem) == "x.yaml:9: municipality kuzma: field municipality: duplicate record (first at line 3)"
    assert problem.render("sl") == "x.yaml:9: občina kuzma: polje municipality: podvojen zapis (prvi v vrstici 3)"
    assert str(DataError([problem])) == str(problem)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


@pytest.mark.parametrize("message_id", sorted(CATALOG))
def test_every_message_has_both_languages_with_the_same_placeholders(message_id):
    wording = CATALOG[message_id]
    assert set(wording) == {"sl", "en"}
    assert _fields(wording["sl"]) == _fields(wording["en"]), message_id


def test_each_phrase_is_in_the_catalog_once():
    ids_by_wording: dict[tuple[str, str], list[str]] = {}
    for message_id, wording in CATALOG.items():
        ids_by_wording.setdefault((wording["sl"], wording["en"]), []).append(message_id)
    assert [ids for ids in ids_by_wording.values() if len(ids) > 1] == []


def test_texts_gives_a_prefix_unformatted_and_text_words_one_entry():
    assert messages.texts("table", "sl") == {
        "title": "Skladnost z ZRomS-1, leto {year}", "counts": "Število ocen po obveznostih",
    }
    assert messages.texts("table", "en")["title"] == "ZRomS-1 compliance, {year}"
    assert messages.text("provenance.stated_in", "sl", year=2018) == "sporočeno v letu 2018"
    assert messages.text("provenance.stated_in", "en", year=2018) == "stated in 2018"
    assert messages.text("provenance.last_contribution", "sl") == "iz zadnjega prispevka"
    assert messages.text("provenance.not_in_overview", "sl") == "občine ni v pregledu"


def _record(**changes) -> dict:
    record = {"municipality": "kuzma", "year": 2019, "reported": True, "stated_in": 2019, "describes": 2019}
    record.update(changes)
    return record


@pytest.mark.parametrize("changes, expected", [
    ({"reported": "maybe"}, "vrednost mora biti true ali false (vneseno: 'maybe')"),
    ({"stated_in": "lani"}, "vrednost mora biti celo število (vneseno: 'lani')"),
    ({"stated_in": 1990}, "vrednost mora biti najmanj 2007 (vneseno: 1990)"),
    ({"describes": 2200}, "vrednost je lahko največ 2100 (vneseno: 2200)"),
    ({"municipality": None}, "vrednost mora biti besedilo"),
    ({"reported": None, "extra": 1}, "neznano polje (ni dovoljeno)"),
    ({"programme": {"adopted_on": "3. 4. 2019"}}, "vrednost mora biti datum v obliki LLLL-MM-DD (vneseno: '3. 4. 2019')"),
    ({"programme": []}, "vrednost mora biti preslikava (ključ: vrednost)"),
    ({"evidence": "en stavek"}, "vrednost mora biti seznam"),
    ({"working_body": {"meetings": -1}}, "vrednost mora biti najmanj 0 (vneseno: -1)"),
])
def test_pydantic_errors_are_worded_in_slovenian(changes, expected):
    data = _record(**changes)
    if "reported" in changes and changes["reported"] is None:
        del data["reported"]
    with pytest.raises(ValidationError) as caught:
        Record.model_validate(data)
    worded = [PydanticMessage.of(error).render("sl") for error in caught.value.errors()]
    assert expected in worded, worded
    english = [PydanticMessage.of(error).render("en") for error in caught.value.errors()]
    assert english == [error["msg"] for error in caught.value.errors()]  # English stays pydantic's own


def test_missing_field_and_unknown_types():
    with pytest.raises(ValidationError) as caught:
        Record.model_validate({"municipality": "kuzma", "year": 2019})
    [error] = caught.value.errors()
    assert PydanticMessage.of(error).render("sl") == "obvezno polje manjka"
    # A type the catalog does not word falls back to pydantic's English text.
    unknown = PydanticMessage("url_parsing", "Input should be a valid URL", {}, "x")
    assert unknown.render("sl") == "Input should be a valid URL"
    assert "missing" in PYDANTIC_SL
