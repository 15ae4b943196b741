"""What the review outputs (table, Markdown, CSV, XLSX, HTML) share: the order of the
municipalities, the kind of each obligation, who falls short of a statutory duty, the row
of a finding as a lawyer reads it, and the generation date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from compliance.findings import Assessment, Finding, cite
from compliance.messages import text
from compliance.registry import Registry
from compliance.vocabulary import Obligation, RuleKind, label

_ALPHABET = "abcčćdđefghijklmnopqrsštuvwxyzž"


def slovenian_key(value: str) -> list[int]:
    """Order as the Slovenian alphabet does (č after c, š after s, ž after z)."""
    return [_ALPHABET.index(c) if c in _ALPHABET else 100 + ord(c) for c in value.lower()]


def ordered(assessment: Assessment, registry: Registry) -> list[str]:
    """The municipalities in Slovenian alphabetical order of their short names (Brežice
    before Celje, Celje before Črenšovci), as a reader scanning for a name expects."""
    return sorted(assessment.municipalities, key=lambda ident: slovenian_key(registry.get(ident).short_name))


def findings_in_order(assessment: Assessment, registry: Registry) -> list[Finding]:
    return [f for ident in ordered(assessment, registry) for f in assessment.of(ident)]


def kinds(assessment: Assessment) -> dict[Obligation, RuleKind]:
    """The kind of each obligation, as its rule file states it."""
    return {f.obligation: f.kind for f in assessment.findings}


def obligation_heading(obligation: Obligation, kind: Optional[RuleKind], lang: str) -> str:
    """`program ukrepov (zakonska obveznost)`: the obligation and what kind it is."""
    if kind is None:
        return label(obligation, lang)
    return f"{label(obligation, lang)} ({label(kind, lang)})"


def short_of_duty(assessment: Assessment) -> list[str]:
    """The municipalities the Office writes to: no report, or a statutory duty not complied
    with. The letters' own policy (compliance.letters.compose.needs_letter), not a copy."""
    from compliance.letters.compose import needs_letter

    return [ident for ident in assessment.municipalities if needs_letter(assessment.of(ident))]


def triggers_letter(finding: Finding) -> bool:
    """This finding alone puts its municipality on the list of `short_of_duty`."""
    from compliance.letters.compose import needs_letter

    return needs_letter([finding])


def generated_on(day: Optional[dt.date], lang: str) -> str:
    """`pripravljeno 24. 11. 2026` / `generated 2026-11-24`; empty without a date."""
    if day is None:
        return ""
    if lang == "sl":
        from compliance.letters.typography import slovenian_date

        return text("review.generated", lang, date=slovenian_date(day))
    return text("review.generated", lang, date=day.isoformat())


def yes_no(value: bool, lang: str) -> str:
    return text("common.yes" if value else "common.no", lang)


# The columns of a row per finding: XLSX "Ugotovitve" and the CSV, in this order (column.*
# ids). The municipality comes first so that it is on every printed page; ID, region and
# councillor, for filtering, come last.
# The provision's words, the same on every row of an obligation, go to the end with them.
FINDING_COLUMNS = ["municipality", "obligation", "kind", "grade", "decision", "basis", "provenance",
                   "finding", "reasons", "evidence", "basis_text", "id", "region", "councillor"]


def citation(finding: Finding, lang: str) -> str:
    """The legal basis cited in the reader's language: `drugi odstavek 6. člena ZRomS-1` or
    `ZRomS-1, Art. 6(2)`."""
    basis = finding.basis
    if lang == "sl" or basis.article is None:
        return basis.citation
    return _cite_en(basis.act, basis.article, basis.paragraph)


def _cite_en(act: str, article: Optional[int], paragraph: Optional[int]) -> str:
    if article is None:
        return act
    return f"{act}, Art. {article}" + (f"({paragraph})" if paragraph is not None else "")


def basis_text(finding: Finding, lang: str) -> Optional[str]:
    """The provisions' words, each said to be the statute's own or a paraphrase, then the
    Office's own expectation apart. Slovenian, the language of the law; in English output
    it is said to be the Slovenian text rather than passed off as a translation."""
    basis = finding.basis
    parts = []
    provisions = [(citation(finding, lang), basis.form, basis.article, basis.text)] if basis.text else []
    provisions += [(cite(basis.act, p.article, p.paragraph) if lang == "sl" else _cite_en(basis.act, p.article, p.paragraph),
                    p.form, p.article, p.text) for p in basis.related]
    for cited, form, article, words in provisions:
        said = basis.form_label(lang) if form == basis.form else label(form, lang)
        words = words if lang == "sl" else text("review.slovenian_text", lang, text=words)
        parts.append(f"{cited} ({said}): {words}" if article is not None else f"({said}) {words}")
    if basis.expectation:
        expectation = basis.expectation if lang == "sl" else text("review.slovenian_text", lang, text=basis.expectation)
        parts.append(f"{text('explain.expectation', lang)}: {expectation}")
    return "\n".join(part for part in parts if part.strip()) or None


def grade_words(finding: Finding, lang: str) -> str:
    """The final grade in the words of its kind: `neskladno`, `ni izpolnjeno`, `ne sledi priporočilu`."""
    return finding.grade_label(lang)


def decision_text(finding: Finding, lang: str) -> Optional[str]:
    """A reviewer's decision as the reader needs it: who, when, what the rules said, why."""
    decision = finding.decision
    if decision is None:
        return None
    from compliance.letters.typography import slovenian_date

    when = slovenian_date(decision.decided_on) if lang == "sl" else decision.decided_on.isoformat()
    head = text("explain.decision", lang, by=decision.decided_by, on=when)
    if finding.decided:
        from compliance.vocabulary import grade_label

        rules = f"{text('explain.rule_grade', lang)}: {grade_label(finding.rule_grade, finding.kind, lang)}"
    else:
        rules = text("explain.grade_kept", lang)
    return f"{head}: {rules}. {decision.note}"


DECIDED = "†"  # marks a grade a reviewer's decision set or annotated, in cells without room for the note


def decision_notes(assessment: Assessment, registry: Registry, lang: str) -> list[str]:
    """`† Turnišče, delovno telo: odločitev pregledovalca (...)`: the footnotes of the marks."""
    return [
        f"{DECIDED} {registry.get(f.municipality).short_name}, {label(f.obligation, lang)}: {decision_text(f, lang)}"
        for f in findings_in_order(assessment, registry) if f.decision is not None
    ]


def reasons_text(finding: Finding, lang: str) -> Optional[str]:
    """The municipality's own reasons, obstacles and alternatives, each with its sentences."""
    lines = []
    for reason in finding.reasons:
        quoted = " ".join(f"»{sentence}«" for sentence in reason.evidence)
        lines.append(f"{label(reason.type, lang)}: {reason.summary} {quoted}")
    return "\n".join(lines) or None


def finding_row(finding: Finding, registry: Registry, lang: str) -> dict[str, Any]:
    """One finding as the reader sees it: words in `lang`, never codes or rule ids."""
    municipality = registry.get(finding.municipality)
    return {
        "municipality": municipality.name,
        "obligation": label(finding.obligation, lang),
        "kind": label(finding.kind, lang),
        "grade": grade_words(finding, lang),
        "decision": decision_text(finding, lang),
        "basis": citation(finding, lang),
        "basis_text": basis_text(finding, lang),
        "provenance": finding.provenance_label(lang),
        "finding": finding.message(lang),
        "reasons": reasons_text(finding, lang),
        "evidence": "\n".join(finding.evidence) or None,
        "id": finding.municipality,
        "region": municipality.region,
        "councillor": yes_no(municipality.roma_seat, lang),
    }
