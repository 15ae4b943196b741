"""`compliance explain`: why a municipality got each grade, in words a lawyer checks.

Per obligation: the grade, the rule that gave it, its legal basis, the facts it judged and
the year they come from, and the source sentences those facts rest on.
"""

from __future__ import annotations

import textwrap
from typing import Any

from compliance.findings import Assessment, Finding
from compliance.messages import text as _text
from compliance.models import Municipality
from compliance.vocabulary import label

WIDTH = 88


def _value(value: Any, lang: str) -> str:
    if value is None:
        return _text("common.unstated", lang)
    if isinstance(value, bool):
        return _text("common.yes" if value else "common.no", lang)
    return str(value)


def _wrapped(body: str, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(body, WIDTH, initial_indent=indent + first, subsequent_indent=indent + " " * len(first)) or [indent + first]


def _finding(finding: Finding, lang: str) -> list[str]:
    if finding.data_year:
        data_year = _text("common.stale", lang, year=finding.data_year)
    else:
        data_year = _text("explain.no_year", lang)
    lines = [
        f"{label(finding.obligation, lang)}: {label(finding.grade, lang)}",
        f"  {_text('explain.rule', lang)}: {finding.rule} ({label(finding.kind, lang)})",
        f"  {_text('explain.basis', lang)}: {finding.basis.citation}",
        *_wrapped(finding.basis.text, "    "),
        *_wrapped(finding.message(lang), "  ", f"{_text('explain.reason', lang)}: "),
        f"  {_text('explain.facts', lang)} ({data_year}):",
        *(f"    {name}: {_value(value, lang)}" for name, value in finding.facts.items()),
        f"  {_text('explain.evidence', lang)}:",
    ]
    if finding.evidence:
        for sentence in finding.evidence:
            lines += _wrapped(f"»{sentence}«", "    ", "- ")
    else:
        lines.append(f"    ({_text('explain.no_evidence', lang)})")
    return lines


def explain(assessment: Assessment, municipality: Municipality, lang: str = "sl") -> str:
    findings = assessment.of(municipality.id)
    lines = [_text("explain.heading", lang, name=municipality.name, id=municipality.id, year=assessment.year)]
    if findings and (findings[0].stale or findings[0].data_year is None):
        lines.append(_text("explain.not_reported", lang, year=assessment.year))
    for finding in findings:
        lines += ["", *_finding(finding, lang)]
    return "\n".join(lines) + "\n"
