"""Findings: one grade per municipality and obligation, with its rule, basis and evidence.

This is what the rules produce and what every output (table, JSON, HTML, spreadsheet,
explanation, letters) reads.
"""

from __future__ import annotations

import functools

from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

from compliance.models import Strict
from compliance.vocabulary import Grade, Obligation, RuleKind

ORDINALS_SL = {1: "prvi", 2: "drugi", 3: "tretji", 4: "četrti", 5: "peti", 6: "šesti"}


class LegalBasis(Strict):
    """What an obligation rests on; kept in the rule files so that staff can correct it."""

    act: str
    article: Optional[int] = None
    paragraph: Optional[int] = None
    text: str = ""  # a short Slovenian paraphrase of the provision

    @property
    def citation(self) -> str:
        """Short citation as in the findings table: `ZRomS-1, 6. člen, 2. odstavek`."""
        parts = [self.act]
        if self.article is not None:
            parts.append(f"{self.article}. člen")
        if self.paragraph is not None:
            parts.append(f"{self.paragraph}. odstavek")
        return ", ".join(parts)

    @property
    def citation_in_text(self) -> str:
        """Citation inside a Slovenian sentence: `drugi odstavek 6. člena ZRomS-1`."""
        if self.article is None:
            return self.act
        article = f"{self.article}. člena {self.act}"
        if self.paragraph is None:
            return article
        return f"{ORDINALS_SL.get(self.paragraph, f'{self.paragraph}.')} odstavek {article}"


class Finding(Strict):
    """The grade of one municipality for one obligation in one year."""

    municipality: str
    year: int
    obligation: Obligation
    grade: Grade
    rule: str
    kind: RuleKind
    basis: LegalBasis
    data_year: Optional[int]
    messages: dict[str, str]  # by language ("sl", "en")
    letter: Optional[str] = None  # the Slovenian paragraph a follow-up letter uses
    facts: dict[str, Any] = {}  # the recorded facts the rule judged
    evidence: list[str] = []

    def message(self, lang: str = "sl") -> str:
        return self.messages[lang]

    @property
    def stale(self) -> bool:
        """Judged on facts older than the year (the municipality did not report)."""
        return self.data_year is not None and self.data_year < self.year

    def to_json(self, lang: str = "sl") -> dict[str, Any]:
        """The JSON shape of the findings contract (design vocabulary, message in `lang`)."""
        return {
            "municipality": self.municipality,
            "obligation": self.obligation.value,
            "grade": self.grade.value,
            "rule": self.rule,
            "kind": self.kind.value,
            "basis": {**self.basis.model_dump(), "citation": self.basis.citation},
            "data_year": self.data_year,
            "message": self.message(lang),
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Assessment:
    """All findings of one year, in registry order and obligation order."""

    year: int
    findings: tuple[Finding, ...]
    rules_sha256: str
    data_sha256: str

    @property
    def municipalities(self) -> list[str]:
        return list(dict.fromkeys(f.municipality for f in self.findings))

    def of(self, municipality: str) -> list[Finding]:
        return list(self._by_municipality.get(municipality, ()))

    @functools.cached_property
    def _by_municipality(self) -> dict[str, list[Finding]]:
        # Indexed once: a scan per municipality made every output quadratic in their number.
        index: dict[str, list[Finding]] = {}
        for f in self.findings:
            index.setdefault(f.municipality, []).append(f)
        return index

    def finding(self, municipality: str, obligation: Obligation) -> Finding:
        return next(f for f in self.findings if f.municipality == municipality and f.obligation == obligation)

    def summary(self) -> dict[str, dict[str, int]]:
        """Counts per obligation and grade, every grade present (zeros included)."""
        counts = Counter((f.obligation, f.grade) for f in self.findings)
        return {
            obligation.value: {grade.value: counts[(obligation, grade)] for grade in Grade}
            for obligation in Obligation
        }
