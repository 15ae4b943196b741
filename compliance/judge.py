"""From subjects (record + registry facts) to findings: one grade per obligation.

The engine says which rules hold; here each obligation must have exactly one, and the
finding gets that rule's grade, basis, messages, letter paragraph, facts and evidence.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence

from compliance import facts as factlib
from compliance.engines import match
from compliance.errors import DataError, Problem
from compliance.messages import msg, text as worded
from compliance.findings import Finding
from compliance.rules import Rule, RuleBook
from compliance.vocabulary import LANGUAGES, Obligation


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


def _messages(rule: Rule, context: dict[str, Any], data_year: int | None, stale: bool) -> dict[str, str]:
    messages = {lang: rule.render_message(lang, context) for lang in LANGUAGES}
    # A message judged on older facts says so ("(facts from 2018)"), unless it names that year itself.
    if stale:
        for lang, text in messages.items():
            if str(data_year) not in text:
                body, stop = (text[:-1], ".") if text.endswith(".") else (text, "")
                messages[lang] = f"{body} ({worded('common.stale', lang, year=data_year)}){stop}"
    return messages


def finding(rule: Rule, subject: factlib.Subject, context: dict[str, Any], fields: Sequence[str]) -> Finding:
    record = subject.record
    context = {**context, "basis": rule.basis}
    return Finding(
        municipality=subject.municipality,
        year=record.year,
        obligation=rule.obligation,
        grade=rule.grade,
        rule=rule.id,
        kind=rule.kind,
        basis=rule.basis,
        data_year=record.data_year,
        messages=_messages(rule, context, record.data_year, context["stale"]),
        letter=rule.render_letter(context),
        facts={name: context[name] for name in fields if name != "year"},  # the year is the finding's own
        evidence=factlib.evidence(record, rule.obligation),
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
