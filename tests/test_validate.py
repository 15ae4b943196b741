"""`compliance validate`: the bundled data pass; each kind of bad input fails cleanly.

Every failure must exit 2, name the file, the line, the municipality and the field, and
show no traceback; all problems of a run are reported together.
"""

from pathlib import Path

RECORDS = Path("records") / "2019.yaml"


def edit(data: Path, relative: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a data file, failing loudly if the fixture no longer has it."""
    path = data / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= count, f"fixture text not found: {old!r}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(data: Path, relative: Path, needle: str, occurrence: int = 1) -> int:
    lines = (data / relative).read_text(encoding="utf-8").splitlines()
    hits = [number for number, line in enumerate(lines, 1) if needle in line]
    return hits[occurrence - 1]


def validate(cli, data: Path, *args: str):
    # These tests check the English wording; test_messages.py checks the Slovenian default.
    return cli("validate", "--lang", "en", "--data-dir", str(data), *args)


def assert_clean_failure(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def test_bundled_data_validate(cli):
    result = cli("validate", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "OK" in result.output


def test_malformed_yaml(cli, data_copy):
    edit(data_copy, RECORDS, "  - municipality: cankova\n", "  - municipality: [cankova\n")
    result = validate(cli, data_copy)
    assert_clean_failure(result, "2019.yaml:", "malformed YAML")


def test_unknown_enum_value(cli, data_copy):
    edit(data_copy, RECORDS, "status: measures_only", "status: measures")
    line = line_of(data_copy, RECORDS, "status: measures")
    result = validate(cli, data_copy)
    assert_clean_failure(
        result, f"2019.yaml:{line}", "municipality cankova", "field programme.status", "'measures'"
    )


def test_unknown_municipality_suggests_the_registry_id(cli, data_copy):
    edit(data_copy, RECORDS, "municipality: crnomelj", "municipality: crnomel")
    line = line_of(data_copy, RECORDS, "municipality: crnomel")
    result = validate(cli, data_copy)
    assert_clean_failure(
        result, f"2019.yaml:{line}", "municipality crnomel", "not in the registry", "crnomelj",
    )


def test_duplicate_record(cli, data_copy):
    edit(data_copy, RECORDS, "municipality: cankova", "municipality: beltinci")
    line = line_of(data_copy, RECORDS, "municipality: beltinci", occurrence=2)
    result = validate(cli, data_copy)
    assert_clean_failure(result, f"2019.yaml:{line}", "municipality beltinci", "duplicate record")


def test_missing_record(cli, data_copy):
    path = data_copy / RECORDS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - municipality: velenje")
    path.write_text(text[:start], encoding="utf-8")
    result = validate(cli, data_copy)
    assert_clean_failure(result, "2019.yaml", "municipality velenje", "no record for 2019")


def test_contradictory_facts(cli, data_copy):
    # Turnišče's working body was not established: it cannot have met.
    path = data_copy / RECORDS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - municipality: turnisce")
    section = text[start:].replace("meetings: null", "meetings: 3", 1)
    path.write_text(text[:start] + section, encoding="utf-8")
    result = validate(cli, data_copy)
    assert_clean_failure(
        result, "municipality turnisce", "field working_body", "not established cannot have met"
    )


def test_period_ending_before_it_starts(cli, data_copy):
    edit(data_copy, RECORDS, "{start: 2017, end: 2021}", "{start: 2021, end: 2017}")
    result = validate(cli, data_copy)
    assert_clean_failure(result, "municipality crnomelj", "field programme.period", "before it starts")


def test_evidence_not_in_the_source(cli, data_copy):
    edit(data_copy, RECORDS, "se ne srečuje redno", "se redno srečuje")
    result = validate(cli, data_copy)
    assert_clean_failure(
        result, "municipality beltinci", "field working_body.evidence", "evidence not found",
    )


def test_stated_fact_without_evidence(cli, data_copy, tmp_path):
    path = data_copy / RECORDS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - municipality: kocevje")
    path.write_text(text[:start] + text[start:].replace("form: unknown", "form: team", 1), encoding="utf-8")
    result = validate(cli, data_copy)
    assert_clean_failure(result, "municipality kocevje", "field cooperation.evidence", "needs its evidence")


def test_a_reason_quotes_the_source_verbatim(cli, data_copy):
    path = data_copy / RECORDS
    text = path.read_text(encoding="utf-8")
    at = text.rindex("(sodelovati ne želi niti romski svetnik, v dveh")  # the reason's copy, after the fact's
    path.write_text(text[:at] + text[at:].replace("ne želi", "noče", 1), encoding="utf-8")
    result = validate(cli, data_copy)
    assert_clean_failure(result, "municipality turnisce", "field working_body.reasons.0.evidence")


def test_a_municipality_not_in_the_overview_has_no_facts(cli, data_copy):
    path = data_copy / RECORDS
    text = path.read_text(encoding="utf-8")
    start = text.index("  - municipality: celje")
    path.write_text(text[:start] + text[start:].replace("status: unknown", "status: none", 1), encoding="utf-8")
    result = validate(cli, data_copy)
    assert_clean_failure(result, "municipality celje", "not in the overview (in_overview: false)")


def test_all_problems_in_one_run(cli, data_copy):
    edit(data_copy, RECORDS, "status: measures_only", "status: measures")
    edit(data_copy, RECORDS, "municipality: crnomelj", "municipality: crnomel")
    edit(data_copy, RECORDS, "se ne srečuje redno", "se redno srečuje")
    result = validate(cli, data_copy)
    assert_clean_failure(
        result, "field programme.status", "municipality crnomel:", "field working_body.evidence"
    )
    # A record that failed to parse is reported once, not again as missing.
    assert "municipality cankova: no record" not in result.stderr


def test_broken_registry_entry(cli, data_copy):
    registry = Path("municipalities.yaml")
    edit(data_copy, registry, "roma_seat: true", "roma_seat: maybe")
    line = line_of(data_copy, registry, "roma_seat: maybe")
    result = validate(cli, data_copy)
    assert_clean_failure(result, f"municipalities.yaml:{line}", "municipality beltinci", "field roma_seat")


def test_unknown_year_lists_the_years_with_data(cli, data_copy):
    result = validate(cli, data_copy, "--year", "2018")
    assert_clean_failure(result, "unknown year: 2018", "2019")


# office.yaml: the letters' settings are checked by validate, not first when letters are due.

OFFICE = Path("office.yaml")


def test_office_problems_are_found_by_validate_with_file_and_line(cli, data_copy):
    edit(data_copy, OFFICE, "reply_days: 30", "reply_days: thirty")
    edit(data_copy, OFFICE, 'file_number: "54201-1/{year}-UN/{seq}"', 'file_number: "54201-1/{year:s}-UN/{seq}"')
    edit(data_copy, RECORDS, "status: measures_only", "status: measures")  # and the records' problem too
    result = validate(cli, data_copy)
    assert_clean_failure(
        result,
        f"office.yaml:{line_of(data_copy, OFFICE, 'reply_days:')}", "reply_days",
        f"office.yaml:{line_of(data_copy, OFFICE, 'file_number:')}", "Unknown format code 's'",
        "2019.yaml:",
    )


def test_a_broken_office_file_is_a_validate_error(cli, data_copy):
    (data_copy / OFFICE).write_text("office: [unclosed\n", encoding="utf-8")
    assert_clean_failure(validate(cli, data_copy), "office.yaml:", "malformed YAML")


def test_validate_says_office_yaml_was_checked_and_needs_none(cli, data_copy):
    assert "office.yaml" in validate(cli, data_copy).output
    (data_copy / OFFICE).unlink()  # a folder used only for check
    result = validate(cli, data_copy)
    assert result.exit_code == 0, result.output
    assert "office.yaml" not in result.output


def test_data_dir_from_the_environment(cli, data_copy, monkeypatch, tmp_path):
    edit(data_copy, RECORDS, "status: measures_only", "status: measures")
    monkeypatch.setenv("COMPLIANCE_DATA_DIR", str(data_copy))
    assert cli("validate").exit_code == 2
    monkeypatch.delenv("COMPLIANCE_DATA_DIR")
    assert cli("validate").exit_code == 0
