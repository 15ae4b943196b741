"""What the review outputs (table, Markdown, CSV, XLSX, HTML) share: the order of the
municipalities, the kind of each obligation, who falls short of a statutory duty, the row
of a finding as a lawyer reads it, and the generation date.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Optional

from compliance.findings import Assessment, Finding
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
FINDING_COLUMNS = ["municipality", "obligation", "kind", "grade", "basis", "basis_text", "provenance",
                   "finding", "evidence", "id", "region", "councillor"]


def citation(finding: Finding, lang: str) -> str:
    """The legal basis cited in the reader's language: `drugi odstavek 6. člena ZRomS-1` or
    `ZRomS-1, Art. 6(2)`."""
    basis = finding.basis
    if lang == "sl" or basis.article is None:
        return basis.citation
    paragraph = f"({basis.paragraph})" if basis.paragraph is not None else ""
    return f"{basis.act}, Art. {basis.article}{paragraph}"


def basis_text(finding: Finding, lang: str) -> Optional[str]:
    """The provision's wording: Slovenian, the language of the law; in English output it is
    said to be the Slovenian text rather than passed off as a translation."""
    if not finding.basis.text:
        return None
    if lang == "sl":
        return finding.basis.text
    return text("review.slovenian_text", lang, text=finding.basis.text)


def finding_row(finding: Finding, registry: Registry, lang: str) -> dict[str, Any]:
    """One finding as the reader sees it: words in `lang`, never codes or rule ids."""
    municipality = registry.get(finding.municipality)
    return {
        "municipality": municipality.name,
        "obligation": label(finding.obligation, lang),
        "kind": label(finding.kind, lang),
        "grade": label(finding.grade, lang),
        "basis": citation(finding, lang),
        "basis_text": basis_text(finding, lang),
        "provenance": finding.provenance_label(lang),
        "finding": finding.message(lang),
        "evidence": "\n".join(finding.evidence) or None,
        "id": finding.municipality,
        "region": municipality.region,
        "councillor": yes_no(municipality.roma_seat, lang),
    }
