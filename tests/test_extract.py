"""`compliance extract` on the bundled 2019 report: a valid draft, its accuracy, its outputs.

Bad input (an empty, unreadable or foreign file, a broken curated file) must exit 2 with a
message naming the file, write nothing, and show no traceback.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import DATA

REPORT = DATA / "sources" / "porocilo-2019-pregled-po-obcinah.txt"
CURATED = DATA / "records" / "2019.yaml"
FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def extract(cli, *args: str):
    return cli("extract", *args)


def registry_ids() -> list[str]:
    return [m["id"] for m in yaml.safe_load((DATA / "municipalities.yaml").read_text(encoding="utf-8"))["municipalities"]]


def assert_clean_failure(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in result.stderr, (fragment, result.stderr)


def test_draft_replaces_the_records_file_and_validates(cli, data_copy):
    target = data_copy / "records" / "2019.yaml"
    target.unlink()
    report = data_copy / "sources" / REPORT.name
    result = extract(cli, str(report), "--year", "2019", "--data-dir", str(data_copy), "--out", str(target))
    assert result.exit_code == 0, result.output
    draft = yaml.safe_load(target.read_text(encoding="utf-8"))
    assert draft["year"] == 2019
    assert draft["source"] == f"sources/{REPORT.name}"  # relative to the data folder, as the loader expects
    assert [r["municipality"] for r in draft["records"]] == registry_ids()
    validated = cli("validate", "--data-dir", str(data_copy), "--year", "2019")
    assert validated.exit_code == 0, validated.output


def test_accuracy_on_2019_is_at_least_95_percent(cli):
    result = extract(cli, str(REPORT), "--year", "2019", "--diff", str(CURATED), "--lang", "en")
    assert result.exit_code == 0, result.output
    matching, compared = map(int, re.search(r"Facts matching: (\d+)/(\d+)", result.stdout).groups())
    assert compared == 27 * 6
    assert matching / compared >= 0.95, result.stdout


def edit_record(text: str, municipality: str, old: str, new: str) -> str:
    """Change one line inside one municipality's record of a records file."""
    start = text.index(f"  - municipality: {municipality}\n")
    end = text.find("\n  - municipality: ", start + 1)
    end = len(text) if end == -1 else end
    block = text[start:end]
    assert old in block, (municipality, old)
    return text[:start] + block.replace(old, new, 1) + text[end:]


def test_diff_lists_each_field_that_differs(cli, tmp_path):
    # a reviewer's different judgement for Cankova's cooperation and Lendava's meetings
    text = CURATED.read_text(encoding="utf-8")
    text = edit_record(text, "cankova", "form: ad_hoc", "form: team")
    text = edit_record(text, "lendava", "meetings: 1", "meetings: 3")
    curated = tmp_path / "2019.yaml"
    curated.write_text(text, encoding="utf-8")
    baseline = extract(cli, str(REPORT), "--year", "2019", "--diff", str(CURATED), "--lang", "en")
    result = extract(cli, str(REPORT), "--year", "2019", "--diff", str(curated), "--lang", "en")
    assert result.exit_code == 0, result.output
    rows = {tuple(line.split()[:4]) for line in result.stdout.splitlines()}
    assert ("cankova", "cooperation.form", "ad_hoc", "team") in rows
    assert ("lendava", "working_body.meetings", "1", "3") in rows
    before = int(re.search(r"Facts matching: (\d+)/", baseline.stdout).group(1))
    after = int(re.search(r"Facts matching: (\d+)/", result.stdout).group(1))
    assert before - after == 2
    assert "cooperation.form: " in result.stdout  # the per-field breakdown


def test_diff_in_slovenian_by_default(cli):
    result = extract(cli, str(REPORT), "--year", "2019", "--diff", str(CURATED))
    assert result.exit_code == 0, result.output
    assert re.search(r"Ujemanje dejstev: \d+/162 \(\d+,\d %\)", result.stdout)


def test_yaml_carries_confidence_as_comments_and_json_as_a_key(cli):
    as_yaml = extract(cli, str(REPORT), "--year", "2019")
    as_json = extract(cli, str(REPORT), "--year", "2019", "--format", "json")
    assert as_yaml.exit_code == 0 and as_json.exit_code == 0
    status_lines = [line for line in as_yaml.stdout.splitlines() if line.strip().startswith("status:")]
    assert status_lines and all("# confidence: " in line for line in status_lines if "unknown" not in line)
    from_yaml = yaml.safe_load(as_yaml.stdout)
    from_json = json.loads(as_json.stdout)
    assert from_json["records"] == json.loads(json.dumps(from_yaml["records"], default=str))
    confidence = from_json["confidence"]
    assert set(confidence) == set(registry_ids())
    values = [v for facts in confidence.values() for v in facts.values()]
    assert values and all(0 < v <= 1 for v in values)
    # a fact the text does not state has no confidence: it is not claimed
    celje = next(r for r in from_json["records"] if r["municipality"] == "celje")
    assert celje["programme"]["status"] == "unknown" and "programme.status" not in confidence["celje"]


def test_every_stated_fact_quotes_a_sentence_of_the_report(cli):
    result = extract(cli, str(REPORT), "--year", "2019", "--format", "json")
    source = " ".join(REPORT.read_text(encoding="utf-8").split())
    for record in json.loads(result.stdout)["records"]:
        for part in ("programme", "working_body", "cooperation"):
            for sentence in record[part]["evidence"]:
                assert sentence in source, (record["municipality"], sentence)
        if record["programme"]["status"] != "unknown":
            assert record["programme"]["evidence"], record["municipality"]


def test_a_registry_municipality_without_a_section_did_not_report(cli):
    result = extract(cli, str(REPORT), "--year", "2019", "--format", "json")
    celje = next(r for r in json.loads(result.stdout)["records"] if r["municipality"] == "celje")
    assert celje["reported"] is False and celje["stated_in"] is None and celje["in_overview"] is False
    assert celje["working_body"]["established"] is None and celje["cooperation"]["form"] == "unknown"


def test_output_is_deterministic(cli):
    first = extract(cli, str(REPORT), "--year", "2019")
    second = extract(cli, str(REPORT), "--year", "2019")
    assert first.stdout == second.stdout


def test_out_writes_the_same_draft_and_says_so(cli, tmp_path):
    target = tmp_path / "drafts" / "2019.yaml"
    result = extract(cli, str(REPORT), "--year", "2019", "--out", str(target), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Draft written" in result.stdout and "27 records" in result.stdout
    assert target.read_text(encoding="utf-8") == extract(cli, str(REPORT), "--year", "2019").stdout
    assert [p.name for p in target.parent.iterdir()] == ["2019.yaml"]  # no temporary file left


def test_source_outside_the_data_folder_is_kept_as_given(cli, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT.read_text(encoding="utf-8"), encoding="utf-8")
    result = extract(cli, str(report), "--year", "2019", "--format", "json")
    assert json.loads(result.stdout)["source"] == str(report)


def test_section_naming_no_registry_municipality_is_a_warning(cli):
    report = FIXTURES / "reporting.txt"
    result = extract(cli, str(report), "--year", "2020", "--lang", "en")
    assert result.exit_code == 0, result.output
    line = next(n for n, text in enumerate(report.read_text(encoding="utf-8").splitlines(), 1) if "Atlantida" in text)
    warning = next(w for w in result.stderr.splitlines() if w.startswith("warning:"))
    assert "reporting.txt" in warning and f"line {line}" in warning and "Občina Atlantida" in warning
    assert "names no municipality in the registry" in result.stderr


@pytest.mark.parametrize("content, message", [
    (b"", "the file has no text"),
    (b"   \n\n\t\n", "the file has no text"),
    (b"\xff\xfe\x00\x00 binary \x81\x82", "not UTF-8 text"),
    ("Poročilo brez razdelkov po občinah.\n".encode(), "no municipality section found"),
    (b"%PDF-1.4 broken", "cannot read the PDF"),
    (b"PK\x03\x04 not really a Word file", "cannot read the Word file"),
])
def test_unusable_report_is_a_clean_error_and_writes_nothing(cli, tmp_path, content, message):
    report = tmp_path / "report.txt"
    report.write_bytes(content)
    target = tmp_path / "out.yaml"
    result = extract(cli, "--lang", "en", str(report), "--year", "2019", "--out", str(target))
    assert_clean_failure(result, str(report.name), message)
    assert not target.exists()


def test_old_word_format_is_refused_with_advice(cli, tmp_path):
    report = tmp_path / "report.doc"
    report.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    assert_clean_failure(extract(cli, str(report), "--year", "2019"), "report.doc", ".docx")


def test_missing_report_is_a_clean_error(cli, tmp_path):
    result = extract(cli, str(tmp_path / "nowhere.txt"), "--year", "2019")
    assert result.exit_code == 2 and "nowhere.txt" in result.stderr and "Traceback" not in result.output


def test_malformed_curated_records_are_located(cli, tmp_path):
    curated = tmp_path / "2019.yaml"
    text = CURATED.read_text(encoding="utf-8").replace("status: measures_only", "status: measures", 1)
    curated.write_text(text, encoding="utf-8")
    line = next(n for n, t in enumerate(text.splitlines(), 1) if "status: measures" in t)
    result = extract(cli, "--lang", "en", str(REPORT), "--year", "2019", "--diff", str(curated))
    assert_clean_failure(result, f"2019.yaml:{line}", "municipality cankova", "field programme.status")


def test_curated_records_of_another_year_are_refused(cli):
    result = extract(cli, "--lang", "en", str(REPORT), "--year", "2020", "--diff", str(CURATED))
    assert_clean_failure(result, "2019.yaml", "the records are for 2019, expected 2020")
