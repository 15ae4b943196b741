"""The draft records file: one record per registry municipality, in the records-file format.

The draft validates like a curated file (`compliance validate`), so that staff can review it
and put it in place. Confidence is not part of the records model: YAML carries it as a
comment after each fact (`status: adopted  # confidence: 0.9`), JSON under a separate
top-level key that the records loader ignores.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

import yaml
from pydantic import ValidationError

from compliance.errors import ComplianceError
from compliance.messages import msg
from compliance.extract.classify import Extracted, classify, missing
from compliance.sources import Report
from compliance.extract.sections import Notice, split
from compliance.models import Cooperation, Period, Programme, Record, WorkingBody
from compliance.registry import Registry
from compliance.vocabulary import CooperationForm, ProgrammeStatus

NO_SECTION_NOTE = "No section for this municipality in the report: nothing is known for this year."


@dataclass
class Draft:
    year: int
    source: str
    records: list[Record]
    confidence: dict[str, dict[str, float]]
    notices: list[Notice] = field(default_factory=list)


def source_name(report: Path, data_dir: Path) -> str:
    """The report as the records file names it: relative to the data folder when inside it."""
    try:
        return Path(report).resolve().relative_to(Path(data_dir).resolve()).as_posix()
    except ValueError:
        return str(report)


def _record(municipality: str, year: int, found: Extracted, note: Optional[str], in_overview: bool = True) -> Record:
    period = Period(start=found.period[0], end=found.period[1]) if found.period else None
    return Record(
        municipality=municipality,
        year=year,
        in_overview=in_overview,
        reported=found.reported.value,
        stated_in=found.stated_in.value,
        describes=year if found.reported.value else None,
        evidence=found.reported.evidence if found.reported.value is False else [],
        note=note,
        programme=Programme(
            status=found.programme.value or ProgrammeStatus.UNKNOWN,
            title=found.programme_title,
            adopted_on=found.adopted_on,
            period=period,
            evidence=found.programme.evidence,
        ),
        working_body=WorkingBody(
            established=found.established.value,
            active=found.active.value,
            meetings=found.meetings.value,
            name=found.body_name,
            evidence=found.body_evidence,
        ),
        cooperation=Cooperation(
            form=found.cooperation.value or CooperationForm.UNKNOWN,
            name=found.cooperation_name,
            evidence=found.cooperation.evidence,
        ),
    )


def _confidence(found: Extracted) -> dict[str, float]:
    facts = {
        "reported": found.reported,
        "stated_in": found.stated_in,
        "programme.status": found.programme,
        "working_body.established": found.established,
        "working_body.active": found.active,
        "working_body.meetings": found.meetings,
        "cooperation.form": found.cooperation,
    }
    return {name: fact.confidence for name, fact in facts.items() if fact.value is not None and fact.confidence is not None}


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Analysing a long section makes millions of small objects and no reference cycles:
    Python's cycle collector would walk them all again and again (half the time on a 5 MB
    section). Reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build(report: Report, registry: Registry, year: int, data_dir: Path) -> Draft:
    """Draft records for every registry municipality from the report."""
    by_id, notices = split(report, registry)
    if not by_id:
        raise ComplianceError(msg("extract.no_sections", path=report.path))
    records, confidence = [], {}
    for municipality in registry:
        section = by_id.get(municipality.id)
        with _no_cycle_collection():
            found = classify(section.text, year) if section else missing()
        try:
            records.append(_record(municipality.id, year, found, None if section else NO_SECTION_NOTE, section is not None))
        except ValidationError as exc:  # the classifier must never produce this: say where
            raise ComplianceError(msg("extract.inconsistent", municipality=municipality.id, reason=exc)) from None
        confidence[municipality.id] = _confidence(found)
    return Draft(year, source_name(report.path, data_dir), records, confidence, notices)


# --- rendering --------------------------------------------------------------------------------

def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = yaml.safe_dump(str(value), allow_unicode=True, width=1_000_000).rstrip("\n")
    return text[:-4].rstrip("\n") if text.endswith("\n...") else text


def _comment(confidence: dict[str, float], key: str) -> str:
    return f"  # confidence: {confidence[key]:.2f}" if key in confidence else ""


def _evidence(lines: list[str], indent: str, sentences: list[str]) -> None:
    if not sentences:
        lines.append(f"{indent}evidence: []")
        return
    lines.append(f"{indent}evidence:")
    lines += [f"{indent}  - {json.dumps(s, ensure_ascii=False)}" for s in sentences]


def to_yaml(draft: Draft) -> str:
    lines = [
        f"# Draft records for {draft.year}, made by `compliance extract` from {draft.source}.",
        "# Every stated fact quotes its evidence; `# confidence` (0-1) says how sure the extractor is.",
        "# Facts the text does not state are unknown/null. Review every record before use.",
        f"year: {draft.year}",
        f"source: {_scalar(draft.source)}",
        "records:",
    ]
    for record in draft.records:
        c = draft.confidence.get(record.municipality, {})
        p, w, k = record.programme, record.working_body, record.cooperation
        period = f"{{start: {_scalar(p.period.start)}, end: {_scalar(p.period.end)}}}" if p.period else "null"
        lines += [
            f"  - municipality: {record.municipality}",
            f"    in_overview: {_scalar(record.in_overview)}",
            f"    reported: {_scalar(record.reported)}{_comment(c, 'reported')}",
            f"    stated_in: {_scalar(record.stated_in)}{_comment(c, 'stated_in')}",
            f"    describes: {_scalar(record.describes)}",
        ]
        _evidence(lines, "    ", record.evidence)
        lines += [
            f"    note: {_scalar(record.note)}",
            "    programme:",
            f"      status: {p.status.value}{_comment(c, 'programme.status')}",
            f"      title: {_scalar(p.title)}",
            f"      adopted_on: {_scalar(p.adopted_on)}",
            f"      period: {period}",
        ]
        _evidence(lines, "      ", p.evidence)
        lines.append("      reasons: []")
        lines += [
            "    working_body:",
            f"      established: {_scalar(w.established)}{_comment(c, 'working_body.established')}",
            f"      active: {_scalar(w.active)}{_comment(c, 'working_body.active')}",
            f"      meetings: {_scalar(w.meetings)}{_comment(c, 'working_body.meetings')}",
            f"      meetings_in_mandate: {_scalar(w.meetings_in_mandate)}",
            f"      name: {_scalar(w.name)}",
        ]
        _evidence(lines, "      ", w.evidence)
        lines.append("      reasons: []")
        lines += [
            "    cooperation:",
            f"      form: {k.form.value}{_comment(c, 'cooperation.form')}",
            f"      name: {_scalar(k.name)}",
        ]
        _evidence(lines, "      ", k.evidence)
        lines.append("      reasons: []")
        lines.append("")
    return "\n".join(lines)


def to_json(draft: Draft) -> str:
    document = {
        "year": draft.year,
        "source": draft.source,
        "records": [r.model_dump(mode="json", exclude={"year"}) for r in draft.records],
        "confidence": draft.confidence,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
