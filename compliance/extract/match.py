"""Finding the lexicon's cues in sentences, with negation and mood judged per clause.

"Občina ni sprejela programa" and "Občina je sprejela program" share their lemmas; what
tells them apart is a negator in the clause. "da bi se oblikoval tim" is a wish, "bo
ustanovila" a plan: the mood of the clause decides whether a cue may count.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from compliance.extract import lexicon
from compliance.extract.language import Clause, Sentence, Token

Unit = tuple  # ("lemma", str) | ("prefix", str) | ("class", str) | ("gap", int)
# Extra alternatives for word classes within one section (see `occurs`).
Aliases = Mapping[str, str]
NO_ALIASES: Aliases = {}


@lru_cache(maxsize=None)
def compile_term(term: str) -> tuple[tuple[Unit, ...], ...]:
    """A term as alternatives of unit sequences."""
    alternatives = []
    for alternative in term.split("|"):
        units: list[Unit] = []
        for part in alternative.split():
            if part.startswith(".."):
                units.append(("gap", int(part[2:])))
            elif part.startswith("@"):
                if part[1:] not in lexicon.CLASSES:
                    raise KeyError(f"unknown word class {part} in term {term!r}")
                units.append(("class", part[1:]))
            elif part.endswith("*"):
                units.append(("prefix", part[:-1]))
            else:
                units.append(("lemma", part))
        alternatives.append(tuple(units))
    return tuple(alternatives)


def _ends(words: Sequence[Token], units: tuple[Unit, ...], start: int, aliases: Aliases) -> set[int]:
    """Indices just past every match of `units` beginning at word `start`."""
    positions = {start}
    gap = 0
    for unit in units:
        if unit[0] == "gap":
            gap = unit[1]
            continue
        following: set[int] = set()
        for position in positions:
            for begin in range(position, min(position + gap, len(words) - 1) + 1):
                following |= _unit_ends(words, unit, begin, aliases)
        positions, gap = following, 0
        if not positions:
            break
    return positions


def _unit_ends(words: Sequence[Token], unit: Unit, start: int, aliases: Aliases) -> set[int]:
    if start >= len(words):
        return set()
    kind, value = unit
    if kind == "lemma":
        return {start + 1} if words[start].lemma == value else set()
    if kind == "prefix":
        return {start + 1} if words[start].lemma.startswith(value) else set()
    found: set[int] = set()
    for definition in (lexicon.CLASSES[value], aliases.get(value)):
        if not definition:
            continue
        lemmas, complex_ = _split(definition)
        if words[start].lemma in lemmas:
            found.add(start + 1)
        for alternative in complex_:
            found |= _ends(words, alternative, start, aliases)
    return found


@lru_cache(maxsize=None)
def _split(definition: str) -> tuple[frozenset[str], tuple[tuple[Unit, ...], ...]]:
    """A class's one-lemma alternatives (looked up at once) and the others (matched in turn)."""
    alternatives = compile_term(definition)
    lemmas = frozenset(a[0][1] for a in alternatives if len(a) == 1 and a[0][0] == "lemma")
    return lemmas, tuple(a for a in alternatives if not (len(a) == 1 and a[0][0] == "lemma"))


def occurrences(words: Sequence[Token], term: str, aliases: Aliases = NO_ALIASES) -> list[tuple[int, int]]:
    """(start, end) word spans where `term` occurs.

    `aliases` adds alternatives to word classes: once a section has named its working body
    ("Komisija za romska vprašanja"), a bare "komisija" later in it means that body.
    """
    return list(_spans(tuple(words), term, tuple(sorted(aliases.items()))))


@lru_cache(maxsize=200_000)
def _spans(words: tuple[Token, ...], term: str, alias_items: tuple[tuple[str, str], ...]) -> tuple[tuple[int, int], ...]:
    # the same clause is asked about the same term by many cues: remember the answer
    aliases = dict(alias_items)
    spans = set()
    for start in range(len(words)):
        for alternative in compile_term(term):
            for end in _ends(words, alternative, start, aliases):
                spans.add((start, end))
    return tuple(sorted(spans))


def occurs(words: Sequence[Token], term: str, aliases: Aliases = NO_ALIASES) -> bool:
    return bool(occurrences(words, term, aliases))


def is_negated(clause: Clause) -> bool:
    lows = [t.text.lower() for t in clause.tokens]
    shielded: set[int] = set()
    for phrase in lexicon.NOT_NEGATING:
        for i in range(len(lows) - len(phrase) + 1):
            if tuple(lows[i:i + len(phrase)]) == phrase:
                shielded.update(range(i, i + len(phrase)))
    return any(low in lexicon.NEGATORS and i not in shielded for i, low in enumerate(lows))


def own_mood(clause: Clause) -> str:
    lows = [t.text.lower() for t in clause.tokens]
    if any(low in lexicon.HYPOTHETICAL for low in lows):
        return "hypothetical"
    if any(low in lexicon.FUTURE for low in lows):
        return "future"
    for phrase in lexicon.FUTURE_PHRASES:
        if any(tuple(lows[i:i + len(phrase)]) == phrase for i in range(len(lows))):
            return "future"
    return "real"


# How far back a clause joined by "in"/"ter" borrows words and mood: the real cases join
# two or three clauses, and a bound keeps a run-on sentence of a thousand clauses linear.
MAX_JOINED = 4


def _joined(sentence: Sentence, at: int) -> range:
    """Clause `at` and the clauses it is joined to, nearest first (at most MAX_JOINED back)."""
    first = at
    while first > 0 and at - first < MAX_JOINED and sentence.clauses[first].conjoined:
        first -= 1
    return range(at, first - 1, -1)


def mood(sentence: Sentence, at: int) -> str:
    """The mood of clause `at`: a clause joined by "in"/"ter" to a wish or a plan shares it
    ("naj bi se predstavila ... in ... aktivno pristopila")."""
    found = "real"
    for index in _joined(sentence, at):
        found = own_mood(sentence.clauses[index])
        if found != "real":
            return found
    return found


def is_plain(sentence: Sentence, at: int) -> bool:
    """Positive and real: a statement of fact."""
    return not is_negated(sentence.clauses[at]) and mood(sentence, at) == "real"


@dataclass(frozen=True)
class Hit:
    """A cue found in a sentence."""

    cue: lexicon.Cue
    sentence: Sentence
    clause: Clause
    index: int  # of the sentence in its section


def _in_past(words: Sequence[Token], term: str, aliases: Aliases) -> bool:
    return any(words[start].is_l_participle for start, _ in occurrences(words, term, aliases))


def shared_words(sentence: Sentence, at: int) -> tuple[Token, ...]:
    """The words of clause `at` with those of the clauses it is joined to by "in"/"ter":
    in "Načrt je svet obravnaval in sprejel" the second verb has the first one's object."""
    words: tuple[Token, ...] = ()
    for index in _joined(sentence, at):
        words = sentence.clauses[index].words + words
    return words


def _clause_fits(cue: lexicon.Cue, sentence: Sentence, at: int, aliases: Aliases) -> bool:
    clause = sentence.clauses[at]
    words = shared_words(sentence, at)
    if not all(occurs(words, term, aliases) for term in cue.clause):
        return False
    if cue.polarity != "any" and is_negated(clause) != (cue.polarity == "negative"):
        return False
    if mood(sentence, at) not in cue.moods:
        return False
    if any(occurs(words, term, aliases) for term in cue.unless_clause):
        return False
    if not all(_in_past(words, term, aliases) for term in cue.past):
        return False
    return not any(_in_past(words, term, aliases) for term in cue.not_past)


def _sentence_fits(cue: lexicon.Cue, sentence: Sentence, inherited: frozenset[str], aliases: Aliases) -> bool:
    words = sentence.words
    if not all(term in inherited or occurs(words, term, aliases) for term in cue.sentence):
        return False
    return not any(occurs(words, term, aliases) for term in cue.unless)


def _company_fits(cue: lexicon.Cue, sentence: Sentence, at: int, aliases: Aliases) -> bool:
    """The cue's company terms stand in clause `at` or in the plain clauses right after it."""
    near = [sentence.clauses[at]]
    for after in range(at + 1, min(at + 1 + cue.company_within, len(sentence.clauses))):
        if not is_plain(sentence, after):
            break
        near.append(sentence.clauses[after])
    return all(any(occurs(c.words, term, aliases) for c in near) for term in cue.company)


def find(sentence: Sentence, index: int, cues: Iterable[lexicon.Cue] = lexicon.CUES,
         inherited: frozenset[str] = frozenset(), aliases: Aliases = NO_ALIASES) -> list[Hit]:
    """Every cue that the sentence states (each at most once, in its first fitting clause).

    `inherited` terms count as present in the sentence (a sentence that continues the
    previous one's subject); `aliases` see `occurrences`.
    """
    hits = []
    for cue in cues:
        if not _sentence_fits(cue, sentence, inherited, aliases):
            continue
        for at, clause in enumerate(sentence.clauses):
            if _clause_fits(cue, sentence, at, aliases) and _company_fits(cue, sentence, at, aliases):
                hits.append(Hit(cue, sentence, clause, index))
                break
    return hits
