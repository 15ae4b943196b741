"""The facts of one municipality's section, each with its evidence and a confidence.

The cues found in the section's sentences are weighed per fact: the lexicon's priority
decides between values, and the confidence is the strongest cue's weight, lowered when the
text also says something that contradicts it. What no cue states stays unknown.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from compliance.extract import details, lexicon, match
from compliance.extract.language import Sentence, analyse

DOCUMENT_HEAD = "program|strategija|načrt|dokument"
BODY_HEAD = "komisija|odbor"
FORUM_HEAD = "komisija|odbor|sosvet"
TEAM_HEAD = "tim|aktiv|skupina"
# A sentence about something else does not continue the previous sentence's working body.
OTHER_TOPICS = "@team|sosvet|@cooperation_noun|@doc|@institution"
_STATED_IN = re.compile(lexicon.STATED_IN_YEAR)
_STATED_VERB = re.compile(lexicon.STATED_VERB)


@dataclass
class Fact:
    value: Any = None
    confidence: Optional[float] = None
    evidence: list[str] = field(default_factory=list)


@dataclass
class Extracted:
    """What one section says, in the shape of a record."""

    reported: Fact
    stated_in: Fact  # the year the facts were stated; None when the text does not say
    programme: Fact
    programme_title: Optional[str] = None
    adopted_on: Optional[dt.date] = None
    period: Optional[tuple[Optional[int], Optional[int]]] = None
    established: Fact = field(default_factory=Fact)
    active: Fact = field(default_factory=Fact)
    meetings: Fact = field(default_factory=Fact)
    body_name: Optional[str] = None
    cooperation: Fact = field(default_factory=Fact)
    cooperation_name: Optional[str] = None
    order: dict[str, int] = field(default_factory=dict)  # sentence -> its place in the section

    @property
    def body_evidence(self) -> list[str]:
        sentences = _unique(self.established.evidence + self.active.evidence + self.meetings.evidence)
        return sorted(sentences, key=lambda s: self.order.get(s, 0))


def _unique(sentences: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(sentences))


def _clause_text(hit: match.Hit) -> str:
    tokens = hit.clause.tokens
    return hit.sentence.span(tokens[0], tokens[-1])


def decide(fact: str, hits: list[match.Hit]) -> tuple[Fact, list[match.Hit]]:
    """The value of a fact from its cues, and the cues that gave it."""
    mine = [h for h in hits if h.cue.fact == fact]
    if not mine:
        return Fact(), []
    strongest: dict[Any, float] = {}
    for hit in mine:
        strongest[hit.cue.value] = max(strongest.get(hit.cue.value, 0.0), hit.cue.weight)
    order = lexicon.PRIORITY[fact]
    if fact in lexicon.BY_WEIGHT:
        winner = max(strongest, key=lambda value: (strongest[value], -order.index(value)))
    else:
        winner = min(strongest, key=order.index)
    companions = lexicon.COMPANIONS.get(fact, {}).get(winner, frozenset())
    contradicting = [v for v in strongest if v != winner and v not in companions]
    confidence = max(0.3, strongest[winner] - lexicon.CONFLICT_PENALTY * len(contradicting))
    # the evidence is what states the value most strongly, not every passing mention
    chosen = [h for h in mine if h.cue.value == winner and h.cue.weight >= strongest[winner] - 0.1]
    evidence = _unique(h.sentence.text for h in sorted(chosen, key=lambda h: h.index))
    return Fact(winner, round(confidence, 2), evidence), chosen


@dataclass(frozen=True)
class Context:
    """What a sentence inherits from the sentences before it in its section."""

    names_body: bool  # the sentence itself speaks of the working body
    continues_body: bool  # it has no subject of its own and follows one about the body
    aliases: match.Aliases  # bare "komisija" means the body once the section has named it

    @property
    def about_body(self) -> bool:
        return self.names_body or self.continues_body


def _contexts(sentences: list[Sentence]) -> list[Context]:
    """ "V letu 2019 se je sestalo enkrat." right after the body's sentence speaks of the body."""
    contexts: list[Context] = []
    aliases: match.Aliases = match.NO_ALIASES
    about_body = False
    for sentence in sentences:
        names_body = match.occurs(sentence.words, "@body", aliases)
        continues = not names_body and about_body and not match.occurs(sentence.words, OTHER_TOPICS, aliases)
        contexts.append(Context(names_body, continues, aliases))
        about_body = names_body or continues
        if names_body:
            aliases = lexicon.BODY_ALIASES
    return contexts


def _find_hits(sentences: list[Sentence], contexts: list[Context]) -> list[match.Hit]:
    hits: list[match.Hit] = []
    for index, (sentence, context) in enumerate(zip(sentences, contexts)):
        inherited = frozenset({"@body"}) if context.continues_body else frozenset()
        hits += match.find(sentence, index, inherited=inherited, aliases=context.aliases)
    return hits


def _programme(hits: list[match.Hit], year: int, extracted: Extracted) -> None:
    # An adopted programme has expired when its period ended before the year, or when the
    # same sentence says it ran out ("ki ga je sprejela leta 2014, je prenehal veljati").
    ran_out = {h.index for h in hits if h.cue.fact == "programme" and h.cue.value == "expired"}
    relabelled = []
    for hit in hits:
        if hit.cue.fact == "programme" and hit.cue.value == "adopted":
            span = details.period(_clause_text(hit))
            if (span and span[1] is not None and span[1] < year) or hit.index in ran_out:
                hit = match.Hit(lexicon.Cue("programme", "expired", hit.cue.clause, hit.cue.weight, name="period ended"),
                                hit.sentence, hit.clause, hit.index)
        relabelled.append(hit)
    fact, chosen = decide("programme", relabelled)
    extracted.programme = fact
    if fact.value not in ("adopted", "expired", "in_preparation", "other_strategy"):
        return
    # the document the status rests on: the one with the latest period end, else the first
    def ends(hit: match.Hit) -> int:
        span = details.period(_clause_text(hit))
        return span[1] if span and span[1] is not None else -1

    best = max(chosen, key=lambda h: (ends(h), -h.index))
    clause = _clause_text(best)
    # the period stands in the cue's clause, or is the only one the sentence gives
    # ("... je svet sprejel 14. aprila 2022; velja za obdobje 2022–2026.")
    extracted.period = details.period(clause) or details.only_period(best.sentence.text)
    extracted.adopted_on = details.date(clause) if fact.value in ("adopted", "expired") else None
    extracted.programme_title = details.name(best.sentence, DOCUMENT_HEAD, best.clause.tokens)


def _working_body(sentences: list[Sentence], contexts: list[Context], hits: list[match.Hit],
                  year: int, extracted: Extracted) -> None:
    established, _ = decide("body.established", hits)
    active, _ = decide("body.active", hits)
    meetings = Fact()
    for sentence, context in zip(sentences, contexts):
        if context.about_body and details.in_year(sentence, year):
            count = details.meetings(sentence)
            if count is not None:
                meetings = Fact(count, 0.85, [sentence.text])
                break
    if established.value is False:
        active, meetings = Fact(), Fact()  # a body that does not exist neither meets nor works
    if active.value is False and meetings.value:
        active = Fact()  # "not very active" but it met: the count says more
    if established.value is None and (active.value is not None or meetings.value is not None):
        established = Fact(True, 0.6, _unique(active.evidence + meetings.evidence))
    extracted.established, extracted.active, extracted.meetings = established, active, meetings
    evidence = set(extracted.body_evidence)  # once: a property that sorts
    for sentence in sentences:
        if sentence.text in evidence:
            extracted.body_name = details.name(sentence, BODY_HEAD)
            if extracted.body_name:
                break


def _cooperation(hits: list[match.Hit], extracted: Extracted) -> None:
    fact, chosen = decide("cooperation", hits)
    extracted.cooperation = fact
    head = {"team": TEAM_HEAD, "via_other_body": FORUM_HEAD}.get(fact.value)
    if head:
        extracted.cooperation_name = next(
            (n for n in (details.name(h.sentence, head) for h in chosen) if n), None
        )


def _stated_in(text: str, year: int, extracted: Extracted) -> Fact:
    """The year the facts were stated: the report year for a municipality that reported; for
    one that did not, the year named in "V letu 2018 je občina sporočila ...", else unknown
    (the overview repeats an earlier contribution without saying when)."""
    if extracted.reported.value:
        return Fact(year, None)
    stated = [y for y in stated_years(text) if y < year]
    return Fact(max(stated), 0.9) if stated else Fact()


def stated_years(text: str) -> list[int]:
    """Each year named before "sporočil..." in the same stretch between full stops.

    What `re.findall(YEAR + r"[^.]*" + VERB, text)` gives, in linear time: that pattern
    tries every year against the rest of its stretch, which in a long text without full
    stops is quadratic. Its greedy match runs to the stretch's last verb, so a stretch gives
    at most one year: the first that ends before that verb."""
    years = []
    for stretch in text.split("."):
        verbs = list(_STATED_VERB.finditer(stretch))
        if verbs:
            first = _STATED_IN.search(stretch)
            if first and first.end() <= verbs[-1].start():
                years.append(int(first.group(1)))
    return years


def classify(text: str, year: int) -> Extracted:
    """The facts of one municipality's section of the report for `year`."""
    sentences = analyse(text)
    contexts = _contexts(sentences)
    hits = _find_hits(sentences, contexts)
    reported, _ = decide("reported", hits)
    if reported.value is None:
        reported = Fact(True, 0.8)  # a section that does not say otherwise is the municipality's report
    extracted = Extracted(reported=reported, stated_in=Fact(), programme=Fact(),
                          order={s.text: i for i, s in reversed(list(enumerate(sentences)))})
    _programme(hits, year, extracted)
    _working_body(sentences, contexts, hits, year, extracted)
    _cooperation(hits, extracted)
    extracted.stated_in = _stated_in(text, year, extracted)
    return extracted


def missing() -> Extracted:
    """A registry municipality with no section: nothing is known (the draft marks it not in the overview)."""
    return Extracted(reported=Fact(False, 0.9), stated_in=Fact(), programme=Fact())
