"""From subjects (record + registry facts) to findings: one grade per obligation.

The engine says which rules hold; here each obligation must have exactly one, and the
finding gets that rule's grade, basis, messages, letter paragraph, facts and evidence.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from compliance import facts as factlib
from compliance.engines import match
from compliance.errors import DataError, Problem
from compliance.messages import msg
from compliance.findings import Finding, provenance_text
from compliance.rules import Rule, RuleBook
from compliance.vocabulary import LANGUAGES, Obligation, Provenance


def _one_rule(rulebook: RuleBook, obligation: Obligation, subject: factlib.Subject, fact: dict, rule_ids: list[str]) -> Rule:
    group = rulebook.obligations[obligation]
    mine = [rule_id for rule_id in rule_ids if rulebook.by_id[rule_id].obligation == obligation]
    if len(mine) == 1:
        return rulebook.by_id[mine[0]]
    shown = {name: fact.get(name) for name in group.fields}
    what = msg("judge.no_rule") if not mine else msg("judge.several_rules", rules=", ".join(mine))
    message = msg("judge.not_one_grade", what=what, obligation=obligation.value, municipality=subject.municipality,
                  year=subject.record.year, facts=shown)
    raise DataError([Problem(group.file, message, municipality=subject.municipality)])


def _messages(rule: Rule, context: dict[str, Any], provenance: Provenance, stated_in: Optional[int]) -> dict[str, str]:
    messages = {lang: rule.render_message(lang, context) for lang in LANGUAGES}
    # A message judged on facts that are not the year's own says where they come from
    # ("(sporočeno v letu 2018)"), unless it says so itself.
    if provenance != Provenance.CURRENT:
        for lang, text in messages.items():
            said = provenance_text(provenance, stated_in, lang)
            if said.lower() not in text.lower():
                body, stop = (text[:-1], ".") if text.endswith(".") else (text, "")
                messages[lang] = f"{body} ({said}){stop}"
    return messages


def finding(rule: Rule, subject: factlib.Subject, context: dict[str, Any], fields: Sequence[str]) -> Finding:
    record = subject.record
    reasons = factlib.reasons(record, rule.obligation)
    provenance, stated_in, describes = record.provenance, record.stated_in, record.describes
    if rule.obligation == Obligation.REPORTING and record.in_overview:
        # Whether a contribution came is said by the year's own overview, whatever the age
        # of the facts it repeats.
        provenance, stated_in, describes = Provenance.CURRENT, record.year, record.year
    context = {
        **context, "basis": rule.basis, "kind": rule.kind.value,
        "reasons": [reason.model_dump(mode="json") for reason in reasons],
    }
    return Finding(
        municipality=subject.municipality,
        year=record.year,
        obligation=rule.obligation,
        kind=rule.kind,
        rule=rule.id,
        rule_grade=rule.grade,
        grade=rule.grade,
        basis=rule.basis,
        provenance=provenance,
        stated_in=stated_in,
        describes=describes,
        messages=_messages(rule, context, provenance, stated_in),
        letter=rule.render_letter(context),
        facts={name: context[name] for name in fields if name != "year"},  # the year is the finding's own
        evidence=factlib.evidence(record, rule.obligation),
        reasons=reasons,
    )


def judge(rulebook: RuleBook, subjects: Sequence[factlib.Subject], engine: Optional[str] = None) -> list[Finding]:
    """Every subject's findings, subjects in the given order, obligations in the fixed order.

    `engine` names the rule engine (`compliance.engines`; None: chosen automatically)."""
    facts = [factlib.fact(subject) for subject in subjects]
    matched = match(rulebook, facts, engine)
    findings = []
    for subject, fact, rule_ids in zip(subjects, facts, matched):
        context = factlib.context(subject)
        for obligation, group in rulebook.obligations.items():
            rule = _one_rule(rulebook, obligation, subject, fact, rule_ids)
            findings.append(finding(rule, subject, context, group.fields))
    return findings
