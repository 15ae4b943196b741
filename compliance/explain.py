"""`compliance explain`: why a municipality got each grade, in words a lawyer checks.

Per obligation: the grade in words fitting its kind (a duty, the Office's request, a
recommendation), a reviewer's decision where there is one, the rule, the legal basis with
whether its text is the statute's own words or a paraphrase, the Office's expectation kept
apart from it, the facts judged and what is known of their age, the municipality's own
reasons, and the source sentences those facts rest on.
"""

from __future__ import annotations

import textwrap
from typing import Any

from compliance.facts import SPECS
from compliance.findings import Assessment, Finding
from compliance.messages import text as _text
from compliance.models import Municipality
from compliance.vocabulary import BasisForm, Provenance, RuleKind, label

WIDTH = 88


def _value(value: Any, lang: str) -> str:
    if value is None:
        return _text("common.unstated", lang)
    if isinstance(value, bool):
        return _text("common.yes" if value else "common.no", lang)
    return str(value)


def _wrapped(body: str, indent: str, first: str = "") -> list[str]:
    return textwrap.wrap(body, WIDTH, initial_indent=indent + first, subsequent_indent=indent + " " * len(first)) or [indent + first]


def _date(value: Any) -> str:
    return f"{value.day}. {value.month}. {value.year}"


def _decision(finding: Finding, lang: str) -> list[str]:
    decision = finding.decision
    if decision is None:
        return []
    lines = [f"  {_text('explain.decision', lang, by=decision.decided_by, on=_date(decision.decided_on))}"]
    if finding.decided:
        lines.append(f"    {_text('explain.rule_grade', lang)}: {label(finding.rule_grade, lang)}")
    else:
        lines.append(f"    {_text('explain.grade_kept', lang)}")
    return lines + _wrapped(decision.note, "    ")


def _basis(finding: Finding, lang: str) -> list[str]:
    basis = finding.basis
    heading = "explain.basis" if finding.kind == RuleKind.DUTY else "explain.basis_other"
    lines = [f"  {_text(heading, lang)}: {basis.citation}"]
    if basis.title:
        lines += _wrapped(basis.full_name, "    ")
    for citation, provision in basis.provisions():
        form = basis.form_label(lang) if provision.form == BasisForm.QUOTE else label(provision.form, lang)
        lines.append(f"    {citation} – {form}:" if provision.article is not None else f"    {form}:")
        lines += _wrapped(provision.text, "      ")
    if basis.expectation:
        lines.append(f"  {_text('explain.expectation', lang)}:")
        lines += _wrapped(basis.expectation, "    ")
    return lines


def _reasons(finding: Finding, lang: str) -> list[str]:
    if not finding.reasons:
        return []
    lines = [f"  {_text('explain.reasons', lang)}:"]
    for reason in finding.reasons:
        lines += _wrapped(reason.summary, "    ", f"- {label(reason.type, lang)}: ")
        for sentence in reason.evidence:
            lines += _wrapped(f"»{sentence}«", "        ")
    return lines


def _finding(finding: Finding, lang: str) -> list[str]:
    age = finding.provenance_label(lang)
    lines = [
        f"{label(finding.obligation, lang)}: {finding.grade_label(lang)}",
        f"  {_text('explain.kind', lang)}: {label(finding.kind, lang)}",
        f"  {_text('explain.rule', lang)}: {finding.rule}",
        *_decision(finding, lang),
        *_basis(finding, lang),
        *_wrapped(finding.message(lang), "  ", f"{_text('explain.reason', lang)}: "),
        f"  {_text('explain.facts', lang)} ({age}):",
        *(f"    {SPECS[name].label(lang)} [{name}]: {_value(value, lang)}" for name, value in finding.facts.items()),
        *_reasons(finding, lang),
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
    carried = next((f for f in findings if f.provenance != Provenance.CURRENT), None)
    if carried:
        first = carried
        lines.append(_text(f"explain.provenance.{first.provenance.value}", lang, year=assessment.year, stated_in=first.stated_in))
    for finding in findings:
        lines += ["", *_finding(finding, lang)]
    return "\n".join(lines) + "\n"
