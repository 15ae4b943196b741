"""Cross-checks between the registry, the records and the source texts.

Every problem of a run is collected, so that a reviewer fixes a file in one pass.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Iterable, Optional, Sequence

from compliance import parallel
from compliance.decisions import read_decisions
from compliance.errors import DataError, Problem
from compliance.messages import msg
from compliance.models import Record
from compliance.records import RecordSet, available_years, read_records
from compliance.registry import Registry, read_registry
from compliance.sources import normalise_space, read_report
from compliance.suggest import closest
from compliance.vocabulary import CooperationForm, ProgrammeStatus


def _known_without_evidence(record: Record) -> Iterable[str]:
    """Fields that state a fact but quote no sentence for it (a fact must never be invented)."""
    if record.programme.status != ProgrammeStatus.UNKNOWN and not record.programme.evidence:
        yield "programme.evidence"
    body = record.working_body
    if (body.established, body.active, body.meetings, body.meetings_in_mandate) != (None, None, None, None) and not body.evidence:
        yield "working_body.evidence"
    if record.cooperation.form != CooperationForm.UNKNOWN and not record.cooperation.evidence:
        yield "cooperation.evidence"


def _evidence(record: Record) -> Iterable[tuple[str, str]]:
    """Every quoted sentence with its place: the facts' evidence and the reasons' evidence."""
    yield from (("evidence", sentence) for sentence in record.evidence)
    for section in ("programme", "working_body", "cooperation"):
        facts = getattr(record, section)
        yield from ((f"{section}.evidence", sentence) for sentence in facts.evidence)
        for index, reason in enumerate(facts.reasons):
            yield from ((f"{section}.reasons.{index}.evidence", sentence) for sentence in reason.evidence)


def cross_check(registry: Registry, recordset: RecordSet) -> list[Problem]:
    """Problems between a year's records, the registry and the source text."""
    path = recordset.path
    problems: list[Problem] = []
    source_text = None
    source = recordset.source
    if source:
        try:
            source_text = normalise_space(read_report(source).text)
        except DataError as exc:
            problems += exc.problems
    for ident, record in recordset.records.items():
        line = recordset.lines[ident]
        if ident not in registry:
            hint = closest(ident, registry.ids)
            message = msg("validate.not_in_registry")
            if hint:
                message = msg("hint.did_you_mean", text=message, names=", ".join(hint))
            problems.append(Problem(path, message, line=line, municipality=ident, field="municipality"))
        for field in _known_without_evidence(record):
            problems.append(Problem(path, msg("validate.no_evidence"), line=line, municipality=ident, field=field))
        if source_text is not None and source is not None:  # the text read from it
            for field, sentence in _evidence(record):
                if normalise_space(sentence) not in source_text:
                    problems.append(Problem(
                        path, msg("validate.evidence_not_found", source=source.name, sentence=sentence[:80]),
                        line=line, municipality=ident, field=field,
                    ))
    for municipality in registry:
        if municipality.id not in recordset.records and municipality.id not in recordset.invalid:
            problems.append(Problem(path, msg("validate.no_record", year=recordset.year), municipality=municipality.id))
    return problems


def _read_year(data_dir: Path, year: int, registry: Optional[Registry]) -> tuple[Optional[RecordSet], list[Problem]]:
    """One year's records, with every problem in them and between them and the registry."""
    try:
        recordset, found = read_records(data_dir, year)
    except DataError as exc:
        return None, exc.problems
    if registry is not None:
        found += cross_check(registry, recordset)
    try:
        found += read_decisions(data_dir, year, registry)[1]
    except DataError as exc:
        found += exc.problems
    return recordset, found


def _read(data_dir: Path, years: Iterable[int]) -> tuple[Optional[Registry], list[RecordSet], list[Problem]]:
    """Read everything that can be read; a malformed file is one problem, not the end of the run."""
    found: list[Problem] = []
    try:
        registry, in_registry = read_registry(data_dir)
        found += in_registry
    except DataError as exc:
        registry = None
        found += exc.problems
    recordsets = []
    # Years are independent: many of them are shared with a helper process (compliance.parallel).
    for recordset, in_year in parallel.map_shared(functools.partial(_read_year, data_dir, registry=registry), list(years)):
        if recordset is not None:
            recordsets.append(recordset)
        found += in_year
    return registry, recordsets, found


def problems(data_dir: Path, years: Optional[Iterable[int]] = None) -> list[Problem]:
    """Every problem in the registry, the records of the given years (default: all) and the
    Office's settings for letters (office.yaml)."""
    return _read(data_dir, available_years(data_dir) if years is None else years)[2] + office_problems(data_dir)


def office_problems(data_dir: Path) -> list[Problem]:
    """office.yaml's problems, with file and line, when the data folder has one: found by
    `validate`, not first when the letters are due. (A folder used only for `check` needs none.)"""
    from compliance.letters.office import load_office, office_file

    path = office_file(data_dir)
    if not os.path.lexists(path):
        return []
    try:
        load_office(path)
    except DataError as exc:
        return list(exc.problems)
    return []


def load_years(data_dir: Path, years: Sequence[int]) -> tuple[Registry, list[RecordSet]]:
    """The registry (read and validated once) and each year's records, refusing data that
    does not validate; every problem of every year is reported at once."""
    registry, recordsets, found = _read(data_dir, years)
    if found or registry is None:  # no registry is always a problem found
        raise DataError(found)
    return registry, recordsets


def load_year(data_dir: Path, year: int) -> tuple[Registry, RecordSet]:
    """The registry and one year's records, refusing data that does not validate."""
    registry, recordsets, found = _read(data_dir, [year])
    if found or registry is None:  # no registry is always a problem found
        raise DataError(found)
    return registry, recordsets[0]
