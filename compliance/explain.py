"""`compliance explain`: why a municipality got each grade, in words a lawyer checks.

Per obligation: the grade, the rule that gave it, its legal basis, the facts it judged and
the year they come from, and the source sentences those facts rest on.
"""

from __future__ import annotations

import textwrap
from typing import Any

from compliance.findings import Assessment, Finding
from compliance.models import Municipality
from compliance.vocabulary import label

TEXT = {
    "sl": {
        "heading": "{name} ({id}), leto {year}",
        "not_reported": "Občina za leto {year} ni poročala.",
        "grade": "ocena", "rule": "pravilo", "basis": "pravna podlaga", "reason": "utemeljitev",
        "facts": "upoštevana dejstva", "from": "podatki iz leta {year}", "no_year": "leto podatkov ni znano",
        "evidence": "dokazi iz vira", "no_evidence": "v viru ni stavka o tem",
        "yes": "da", "no": "ne", "unstated": "ni navedeno",
    },
    "en": {
        "heading": "{name} ({id}), {year}",
        "not_reported": "The municipality did not report for {year}.",
        "grade": "grade", "rule": "rule", "basis": "legal basis", "reason": "reason",
        "facts": "facts judged", "from": "facts from {year}", "no_year": "year of the facts unknown",
        "evidence": "evidence from the source", "no_evidence": "the source says nothing on this",
        "yes": "yes", "no": "no", "unstated": "not stated",
    },
}
WIDTH = 88


def _value(value: Any, text: dict[str, str]) -> str:
    if value is None:
        return text["unstated"]
    if isinstance(value, bool):
        return text["yes"] if value else text["no"]
    return str(value)


def _wrapped(body: str, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(body, WIDTH, initial_indent=indent + first, subsequent_indent=indent + " " * len(first)) or [indent + first]


def _finding(finding: Finding, lang: str, text: dict[str, str]) -> list[str]:
    data_year = text["from"].format(year=finding.data_year) if finding.data_year else text["no_year"]
    lines = [
        f"{label(finding.obligation, lang)}: {label(finding.grade, lang)}",
        f"  {text['rule']}: {finding.rule} ({label(finding.kind, lang)})",
        f"  {text['basis']}: {finding.basis.citation}",
        *_wrapped(finding.basis.text, "    "),
        *_wrapped(finding.message(lang), "  ", f"{text['reason']}: "),
        f"  {text['facts']} ({data_year}):",
        *(f"    {name}: {_value(value, text)}" for name, value in finding.facts.items()),
        f"  {text['evidence']}:",
    ]
    if finding.evidence:
        for sentence in finding.evidence:
            lines += _wrapped(f"»{sentence}«", "    ", "- ")
    else:
        lines.append(f"    ({text['no_evidence']})")
    return lines


def explain(assessment: Assessment, municipality: Municipality, lang: str = "sl") -> str:
    text = TEXT[lang]
    findings = assessment.of(municipality.id)
    lines = [text["heading"].format(name=municipality.name, id=municipality.id, year=assessment.year)]
    if findings and (findings[0].stale or findings[0].data_year is None):
        lines.append(text["not_reported"].format(year=assessment.year))
    for finding in findings:
        lines += ["", *_finding(finding, lang, text)]
    return "\n".join(lines) + "\n"
