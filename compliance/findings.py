"""Findings: one grade per municipality and obligation, with its rule, basis and evidence.

This is what the rules produce and what every output (table, JSON, HTML, spreadsheet,
explanation, letters) reads.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Any, Optional

from pydantic import Field, model_validator

from compliance.messages import Invalid, text
from compliance.models import Decision, Reason, Strict
from compliance.vocabulary import BasisForm, Grade, Obligation, Provenance, RuleKind, grade_label, label


def provenance_text(provenance: Provenance, stated_in: Optional[int], lang: str = "sl") -> str:
    """What is known of the facts' age, as the source says it ("sporočeno v letu 2018"); "" when current."""
    if provenance == Provenance.CURRENT:
        return ""
    return text(f"provenance.{provenance.value}", lang, year=stated_in)

# Slovenian ordinals for paragraph numbers, by stem; the case ending is added (drug-i, drug-ega ...).
_ORDINAL_STEMS = {1: "prv", 2: "drug", 3: "tretj", 4: "četrt", 5: "pet", 6: "šest", 7: "sedm", 8: "osm", 9: "devet", 10: "deset"}
_ORDINAL_ENDINGS = {"nom": "i", "gen": "ega", "dat": "emu", "loc": "em", "ins": "im"}
_PARAGRAPH = {"nom": "odstavek", "gen": "odstavka", "dat": "odstavku", "loc": "odstavku", "ins": "odstavkom"}
_ARTICLE = {"nom": "člen", "gen": "člena", "dat": "členu", "loc": "členu", "ins": "členom"}
CASES = tuple(_ARTICLE)


def cite(act: str, article: Optional[int], paragraph: Optional[int], case: str = "nom") -> str:
    """A citation as Slovenian legal texts write it, in a grammatical case (nom, gen, dat, loc,
    ins): `drugi odstavek 6. člena ZRomS-1`, `drugega odstavka 6. člena ZRomS-1`, `7. členu ZRomS-1`.
    Prepositions are the caller's ("v drugem odstavku ..." is `cite(..., "loc")` after "v").
    """
    if case not in _ARTICLE:
        raise ValueError(f"unknown case {case!r}: one of {', '.join(CASES)}")
    if article is None:
        return act
    if paragraph is None:
        return f"{article}. {_ARTICLE[case]} {act}"
    stem = _ORDINAL_STEMS.get(paragraph)
    ordinal = stem + _ORDINAL_ENDINGS[case] if stem else f"{paragraph}."
    return f"{ordinal} {_PARAGRAPH[case]} {article}. člena {act}"


class Provision(Strict):
    """A further provision shown with a basis (Art. 8 with Art. 7(1)); same act as the basis."""

    article: Optional[int] = None
    paragraph: Optional[int] = None
    form: BasisForm
    text: str = Field(min_length=1)


class LegalBasis(Strict):
    """What an obligation rests on; kept in the rule files so that staff can correct it.

    `text` is either the statute's own words (`form: quote`, with the Gazette reference) or
    a paraphrase staff must verify (`form: paraphrase`). What the Office expects beyond the
    statute is `expectation`, never mixed into `text`.
    """

    act: str
    title: Optional[str] = None  # the act's full name, where the act is a statute
    gazette: Optional[str] = None  # "Uradni list RS, št. 33/07"
    article: Optional[int] = None
    paragraph: Optional[int] = None
    form: BasisForm = BasisForm.PARAPHRASE  # unless marked a quote, staff must verify it
    text: str = ""
    expectation: Optional[str] = None  # the Office's own expectation
    related: list[Provision] = []

    @model_validator(mode="after")
    def _quote_names_its_gazette(self) -> "LegalBasis":
        quoted = self.form == BasisForm.QUOTE or any(p.form == BasisForm.QUOTE for p in self.related)
        if quoted and not self.gazette:
            raise Invalid("basis.quote_needs_gazette")
        return self

    def cite(self, case: str = "nom") -> str:
        return cite(self.act, self.article, self.paragraph, case)

    @property
    def citation(self) -> str:
        """The citation in the nominative: `drugi odstavek 6. člena ZRomS-1`, `7. člen ZRomS-1`."""
        return self.cite("nom")

    @property
    def citation_in_text(self) -> str:
        return self.citation

    @property
    def full_name(self) -> str:
        """The act named in full once: `Zakon o ... (Uradni list RS, št. 33/07; v nadaljnjem besedilu: ZRomS-1)`."""
        if not self.title:
            return self.act
        gazette = f"{self.gazette}; " if self.gazette else ""
        return f"{self.title} ({gazette}v nadaljnjem besedilu: {self.act})"

    def form_label(self, lang: str = "sl") -> str:
        """`dobesedno besedilo predpisa (Uradni list RS, št. 33/07)` or `povzetek, ki ga je treba preveriti`."""
        worded = label(self.form, lang)
        return f"{worded} ({self.gazette})" if self.form == BasisForm.QUOTE and self.gazette else worded

    def provisions(self) -> list[tuple[str, Provision]]:
        """The main provision and the related ones, each with its nominative citation."""
        main = Provision(article=self.article, paragraph=self.paragraph, form=self.form, text=self.text)
        return [(cite(self.act, p.article, p.paragraph), p) for p in (main, *self.related)]

    def to_json(self) -> dict[str, Any]:
        return {**self.model_dump(mode="json"), "citation": self.citation}


class Finding(Strict):
    """The grade of one municipality for one obligation in one year.

    `rule_grade` is what the rules gave; `grade` is final: a reviewer's decision's grade
    where there is one, else the rules'. Without a decision they are equal.
    """

    municipality: str
    year: int
    obligation: Obligation
    kind: RuleKind
    rule: str
    rule_grade: Grade
    decision: Optional[Decision] = None
    grade: Grade
    basis: LegalBasis
    provenance: Provenance = Provenance.CURRENT
    stated_in: Optional[int] = None  # the year the facts were stated, where known
    describes: Optional[int] = None  # the year they describe, where the text says so
    messages: dict[str, str]  # by language ("sl", "en")
    letter: Optional[str] = None  # the Slovenian paragraph a follow-up letter uses
    facts: dict[str, Any] = {}  # the recorded facts the rule judged
    evidence: list[str] = []
    reasons: list[Reason] = []  # the municipality's own reasons, obstacles, alternatives

    @model_validator(mode="before")
    @classmethod
    def _rule_grade_defaults_to_grade(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("rule_grade") is None and "grade" in data:
            data = {**data, "rule_grade": data["grade"]}
        return data

    @model_validator(mode="after")
    def _grade_is_final(self) -> "Finding":
        decided = self.decision.grade if self.decision and self.decision.grade else None
        if self.grade != (decided or self.rule_grade):
            raise Invalid("finding.grade_not_final", grade=self.grade.value, rule_grade=self.rule_grade.value)
        return self

    def message(self, lang: str = "sl") -> str:
        return self.messages[lang]

    @property
    def stale(self) -> bool:
        """Judged on facts the overview carries over from earlier (the municipality did not report)."""
        return self.provenance in (Provenance.STATED_IN, Provenance.LAST_CONTRIBUTION)

    @property
    def decided(self) -> bool:
        """A reviewer's decision changed the grade (a decision may also only add a note)."""
        return self.decision is not None and self.decision.grade is not None and self.decision.grade != self.rule_grade

    def provenance_text(self, lang: str = "sl") -> str:
        """"sporočeno v letu 2018", "iz zadnjega prispevka", "občine ni v pregledu"; "" when current."""
        return provenance_text(self.provenance, self.stated_in, lang)

    def provenance_label(self, lang: str = "sl") -> str:
        """As `provenance_text`, and "podatki za leto 2019" when the facts are the year's own."""
        return self.provenance_text(lang) or text("provenance.current", lang, year=self.year)

    def grade_label(self, lang: str = "sl") -> str:
        """The final grade in words fitting the kind (`ni izpolnjeno` for a request)."""
        return grade_label(self.grade, self.kind, lang)

    def with_decision(self, decision: Optional[Decision]) -> "Finding":
        grade = decision.grade if decision is not None and decision.grade else self.rule_grade
        if decision is self.decision and grade == self.grade:
            return self  # nothing to apply (most findings): findings are immutable
        return self.model_copy(update={"decision": decision, "grade": grade})

    def to_json(self, lang: str = "sl") -> dict[str, Any]:
        """The JSON shape of the findings contract (design vocabulary, message in `lang`)."""
        return {
            "municipality": self.municipality,
            "obligation": self.obligation.value,
            "kind": self.kind.value,
            "grade": self.grade.value,
            "rule_grade": self.rule_grade.value,
            "decision": None if self.decision is None else self.decision.to_json(),
            "rule": self.rule,
            "basis": self.basis.to_json(),
            "provenance": self.provenance.value,
            "stated_in": self.stated_in,
            "describes": self.describes,
            "message": self.message(lang),
            "reasons": [reason.model_dump(mode="json") for reason in self.reasons],
            "evidence": list(self.evidence),
        }


@dataclass(frozen=True)
class Assessment:
    """All findings of one year, in registry order and obligation order."""

    year: int
    findings: tuple[Finding, ...]
    rules_sha256: str
    data_sha256: str  # the registry, the year's records and, when applied, its decisions file
    warnings: tuple[Any, ...] = ()  # compliance.errors.Problem: e.g. an expired decision, ignored

    @property
    def municipalities(self) -> list[str]:
        return list(dict.fromkeys(f.municipality for f in self.findings))

    def of(self, municipality: str) -> list[Finding]:
        return list(self._by_municipality.get(municipality, ()))

    @functools.cached_property
    def _by_municipality(self) -> dict[str, list[Finding]]:
        # `of` is asked once per municipality by every output: an index, not a scan each time.
        index: dict[str, list[Finding]] = {}
        for finding in self.findings:
            index.setdefault(finding.municipality, []).append(finding)
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
