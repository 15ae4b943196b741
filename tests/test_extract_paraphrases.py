"""Sections written for the tests in other words than the 2019 report are read correctly.

Each tests/fixtures/extract/<name>.txt is a small report; <name>.yaml beside it gives the
year and, per municipality, the facts a reviewer would record (fields as in the records
file; `programme.period` as [start, end]). Registry municipalities without a section must
come out as not reported with nothing known.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from compliance.cli import main
from conftest import DATA

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
CASES = sorted(FIXTURES.glob("*.yaml"))


def expectations(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def drafted(name: str) -> tuple[dict, str]:
    """The JSON draft of one fixture report (made once per module run) and the warnings."""
    spec = expectations(FIXTURES / f"{name}.yaml")
    result = CliRunner().invoke(
        main, ["extract", str(FIXTURES / f"{name}.txt"), "--year", str(spec["year"]), "--format", "json",
               "--data-dir", str(DATA), "--lang", "en"],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stderr


def field_value(record: dict, field: str):
    if field == "programme.period":
        period = record["programme"]["period"]
        return None if period is None else [period["start"], period["end"]]
    current = record
    for part in field.split("."):
        current = current[part]
    return current


def section_cases():
    for path in CASES:
        for municipality, facts in expectations(path)["expected"].items():
            yield pytest.param(path.stem, municipality, facts, id=f"{path.stem}-{municipality}")


@pytest.mark.parametrize("fixture, municipality, facts", list(section_cases()))
def test_paraphrased_section_is_read_as_a_reviewer_would(fixture, municipality, facts):
    draft, _ = drafted(fixture)
    record = next(r for r in draft["records"] if r["municipality"] == municipality)
    got = {}
    for field, expected in facts.items():
        value = field_value(record, field)
        got[field] = dt.date.fromisoformat(value) if isinstance(expected, dt.date) and value else value
    assert got == facts


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_municipalities_without_a_section_did_not_report(path):
    spec = expectations(path)
    draft, _ = drafted(path.stem)
    for record in draft["records"]:
        if record["municipality"] in spec["expected"]:
            continue
        assert record["reported"] is False, record["municipality"]
        assert record["programme"]["status"] == "unknown" and record["cooperation"]["form"] == "unknown"
        assert record["working_body"]["established"] is None


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_warnings_name_exactly_the_unknown_sections(path):
    spec = expectations(path)
    _, stderr = drafted(path.stem)
    warned = [line for line in stderr.splitlines() if line.startswith("warning:")]
    assert len(warned) == len(spec.get("warnings", []))
    for name, line in zip(spec.get("warnings", []), warned):
        assert name in line


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_paraphrased_draft_validates(cli, data_copy, path):
    """The draft of any report is a valid records file once placed in a data folder."""
    spec = expectations(path)
    year = spec["year"]
    (data_copy / "sources" / path.with_suffix(".txt").name).write_text(
        path.with_suffix(".txt").read_text(encoding="utf-8"), encoding="utf-8")
    for old in (data_copy / "records").glob("*.yaml"):
        old.unlink()
    target = data_copy / "records" / f"{year}.yaml"
    result = cli("extract", str(data_copy / "sources" / path.with_suffix(".txt").name), "--year", str(year),
                 "--data-dir", str(data_copy), "--out", str(target))
    assert result.exit_code == 0, result.output
    validated = cli("validate", "--data-dir", str(data_copy), "--year", str(year))
    assert validated.exit_code == 0, validated.output
