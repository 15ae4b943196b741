"""Yearly records: `data/records/<year>.yaml`, one record per municipality."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from pydantic import ValidationError

from compliance import paths, yamlfile
from compliance.errors import NotFound, Problem
from compliance.messages import msg
from compliance.models import Record

YEAR_FILE = re.compile(r"^(\d{4})\.yaml$")
TOP_KEYS = ("year", "source", "records")  # a records file's top-level keys


@dataclass
class RecordSet:
    """The records of one year as read from its file, with where each record stands."""

    year: int
    path: Path
    source: Optional[Path]  # the report text the evidence is quoted from
    records: dict[str, Record] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    invalid: set[str] = field(default_factory=set)  # ids of records that did not parse

    def __iter__(self):
        return iter(self.records.values())


def available_years(data_dir: Path) -> list[int]:
    folder = paths.records_dir(data_dir)
    if not folder.is_dir():
        return []
    return sorted(int(m.group(1)) for p in folder.iterdir() if (m := YEAR_FILE.match(p.name)))


def records_path(data_dir: Path, year: int) -> Path:
    """The records file of a year; an unknown year raises NotFound listing the years with data."""
    path = paths.records_file(data_dir, year)
    if not path.exists():
        raise NotFound("year", year, available_years(data_dir), folder=data_dir)
    return path


def read_records(data_dir: Path, year: int) -> tuple[RecordSet, list[Problem]]:
    """The year's records and every problem in the file itself (not the cross-checks)."""
    return parse_records(records_path(data_dir, year), year, data_dir)


def parse_records(path: Path, year: int, data_dir: Optional[Path] = None) -> tuple[RecordSet, list[Problem]]:
    """A records file (any path) and its own problems; with `data_dir`, `source` must name a file there."""
    raw = yamlfile.load(path)
    if not isinstance(raw, yamlfile.Located) or not isinstance(raw.get("records"), list):
        return RecordSet(year, path, None), [Problem(path, msg("records.shape"))]
    problems: list[Problem] = yamlfile.unknown_keys(path, raw, TOP_KEYS)
    if raw.get("year") != year:
        problems.append(Problem(path, msg("records.year_mismatch", got=raw.get("year"), year=year), line=raw.line_of("year"), field="year"))
    source = None
    if data_dir is not None:  # a data folder's file: its evidence is checked against the source
        if not isinstance(raw.get("source"), str):
            problems.append(Problem(path, msg("records.source_missing"), line=raw.line, field="source"))
        elif (data_dir / raw["source"]).is_file():
            source = data_dir / raw["source"]
        else:
            problems.append(Problem(path, msg("records.source_not_found", source=data_dir / raw["source"]),
                                    line=raw.line_of("source"), field="source"))
    recordset = RecordSet(year, path, source)
    for item in raw["records"]:
        if not isinstance(item, yamlfile.Located):
            problems.append(Problem(path, msg("records.not_mapping"), line=raw.line_of("records")))
            continue
        ident = item.get("municipality")
        try:
            record = Record.model_validate({**item, "year": year})
        except ValidationError as exc:
            problems += yamlfile.validation_problems(path, item, exc, municipality=ident)
            recordset.invalid.add(str(ident))
            continue
        if record.municipality in recordset.records:
            first = recordset.lines[record.municipality]
            problems.append(Problem(path, msg("records.duplicate", first=first), line=item.line, municipality=ident, field="municipality"))
            continue
        recordset.records[record.municipality] = record
        recordset.lines[record.municipality] = item.line
    return recordset, problems
