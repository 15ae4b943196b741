"""Finding the lexicon's cues in sentences, with negation and mood judged per clause.

"Občina ni sprejela programa" and "Občina je sprejela program" share their lemmas; what
tells them apart is a negator in the clause. "da bi se oblikoval tim" is a wish, "bo
ustanovila" a plan: the mood of the clause decides whether a cue may count.

A term is looked for only where one of its possible first words stands (each run of words
is indexed by lemma), and a cue is tried only in sentences and clauses that hold a first
word of each of its terms: the answers are those of trying every word and every clause
(tests/test_extract_fast_path.py), in time that grows with the text, not with the text
times the lexicon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Optional, Sequence

from compliance.extract import lexicon
from compliance.extract.language import Clause, Sentence, Token, Words

Unit = tuple  # ("lemma", str) | ("prefix", str) | ("class", str) | ("gap", int)
# Extra alternatives for word classes within one section (see `occurs`).
Aliases = Mapping[str, str]
NO_ALIASES: Aliases = {}
AliasItems = tuple  # the aliases as sorted (class, definition) pairs: hashable, for caches
# Where a term can begin: the lemmas and lemma prefixes of its possible first words, or
# None when it may begin anywhere (an alternative that is empty or opens with a gap).
Firsts = Optional[tuple[frozenset[str], tuple[str, ...]]]


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


def _ends(words: Sequence[Token], units: tuple[Unit, ...], start: int, aliases: AliasItems) -> set[int]:
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


def _unit_ends(words: Sequence[Token], unit: Unit, start: int, aliases: AliasItems) -> set[int]:
    if start >= len(words):
        return set()
    kind, value = unit
    lemma = words[start].lemma
    if kind == "lemma":
        return {start + 1} if lemma == value else set()
    if kind == "prefix":
        return {start + 1} if lemma.startswith(value) else set()
    lemmas, complex_ = _class(value, aliases)
    found = {start + 1} if lemma in lemmas else set()
    for alternative, firsts in complex_:
        if _may_begin(lemma, firsts):
            found |= _ends(words, alternative, start, aliases)
    return found


@lru_cache(maxsize=None)
def _class(name: str, aliases: AliasItems) -> tuple[frozenset[str], tuple[tuple[tuple[Unit, ...], Firsts], ...]]:
    """A class's one-lemma alternatives (looked up at once) and the others with the words
    they can begin with (matched in turn where they can), its aliases included."""
    lemmas: set[str] = set()
    complex_ = []
    for definition in (lexicon.CLASSES[name], dict(aliases).get(name)):
        if definition:
            for alternative in compile_term(definition):
                if len(alternative) == 1 and alternative[0][0] == "lemma":
                    lemmas.add(alternative[0][1])
                else:
                    complex_.append((alternative, _alternative_firsts(alternative, aliases)))
    return frozenset(lemmas), tuple(complex_)


@lru_cache(maxsize=None)
def _alternatives(term: str, aliases: AliasItems) -> tuple[tuple[tuple[Unit, ...], Firsts], ...]:
    return tuple((alternative, _alternative_firsts(alternative, aliases)) for alternative in compile_term(term))


def _may_begin(lemma: str, firsts: Firsts) -> bool:
    return firsts is None or lemma in firsts[0] or bool(firsts[1]) and lemma.startswith(firsts[1])


def _alias_items(aliases: Aliases) -> AliasItems:
    return tuple(sorted(aliases.items())) if aliases else ()


@lru_cache(maxsize=None)
def _firsts(term: str, aliases: AliasItems) -> Firsts:
    return _union(_alternative_firsts(alternative, aliases) for alternative in compile_term(term))


def _alternative_firsts(alternative: tuple[Unit, ...], aliases: AliasItems) -> Firsts:
    if not alternative or alternative[0][0] == "gap":
        return None
    kind, value = alternative[0]
    if kind == "lemma":
        return frozenset({value}), ()
    if kind == "prefix":
        return frozenset(), (value,)
    lemmas, complex_ = _class(value, aliases)
    return _union([(lemmas, ())] + [firsts for _, firsts in complex_])


def _union(all_firsts: Iterable[Firsts]) -> Firsts:
    lemmas: set[str] = set()
    prefixes: set[str] = set()
    for firsts in all_firsts:
        if firsts is None:
            return None
        lemmas |= firsts[0]
        prefixes.update(firsts[1])
    return frozenset(lemmas), tuple(sorted(prefixes))


def _starts(words: Words, firsts: Firsts) -> Iterable[int]:
    """The positions where a term with these first words can begin, in order."""
    if firsts is None:
        return range(len(words))
    lemmas, prefixes = firsts
    index = words.by_lemma
    if len(index) < len(lemmas):
        chosen = [lemma for lemma in index if lemma in lemmas]
    else:
        chosen = [lemma for lemma in lemmas if lemma in index]
    chosen += [lemma for lemma in index if lemma.startswith(prefixes) and lemma not in lemmas] if prefixes else []
    if len(chosen) == 1:
        return index[chosen[0]]
    return sorted(position for lemma in chosen for position in index[lemma])


def _possible(words: Words, firsts: Firsts) -> bool:
    """False when no word can begin a term with these first words (set lookups only)."""
    if firsts is None:
        return True
    lemmas, prefixes = firsts
    if not words.by_lemma.keys().isdisjoint(lemmas):
        return True
    if not prefixes:
        return False
    key = ("prefixes", prefixes)
    known = words.found.get(key)
    if known is None:
        known = words.found[key] = any(lemma.startswith(prefixes) for lemma in words.by_lemma)
    return known


def may_occur(words: Words, term: str, aliases: Aliases = NO_ALIASES) -> bool:
    """False when `term` cannot occur in the words (none of its first words is there): a
    cheap test before the full match."""
    return _possible(words, _firsts(term, _alias_items(aliases)))


def occurrences(words: Sequence[Token], term: str, aliases: Aliases = NO_ALIASES) -> list[tuple[int, int]]:
    """(start, end) word spans where `term` occurs.

    `aliases` adds alternatives to word classes: once a section has named its working body
    ("Komisija za romska vprašanja"), a bare "komisija" later in it means that body.
    """
    return list(_spans(words if isinstance(words, Words) else Words(words), term, _alias_items(aliases)))


def _spans(words: Words, term: str, alias_items: AliasItems) -> tuple[tuple[int, int], ...]:
    # the same words are asked about the same term by many cues: remember the answer
    key = (term, alias_items)
    known = words.found.get(key)
    if known is None:
        spans = set()
        alternatives = _alternatives(term, alias_items)
        for start in _starts(words, _firsts(term, alias_items)):
            lemma = words[start].lemma
            for alternative, firsts in alternatives:
                if _may_begin(lemma, firsts):
                    for end in _ends(words, alternative, start, alias_items):
                        spans.add((start, end))
        known = words.found[key] = tuple(sorted(spans))
    return known


def occurs(words: Sequence[Token], term: str, aliases: Aliases = NO_ALIASES) -> bool:
    if isinstance(words, Words) and not may_occur(words, term, aliases):
        return False
    return bool(occurrences(words, term, aliases))


def is_negated(clause: Clause) -> bool:
    known = clause.memo.get("negated")
    if known is None:
        known = clause.memo["negated"] = _negated(clause)
    return known


def _negated(clause: Clause) -> bool:
    lows = [t.text.lower() for t in clause.tokens]
    shielded: set[int] = set()
    for phrase in lexicon.NOT_NEGATING:
        for i in range(len(lows) - len(phrase) + 1):
            if tuple(lows[i:i + len(phrase)]) == phrase:
                shielded.update(range(i, i + len(phrase)))
    return any(low in lexicon.NEGATORS and i not in shielded for i, low in enumerate(lows))


def own_mood(clause: Clause) -> str:
    known = clause.memo.get("mood")
    if known is None:
        known = clause.memo["mood"] = _own_mood(clause)
    return known


def _own_mood(clause: Clause) -> str:
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
    key = ("mood", at)
    known = sentence.memo.get(key)
    if known is None:
        known = "real"
        for index in _joined(sentence, at):
            known = own_mood(sentence.clauses[index])
            if known != "real":
                break
        sentence.memo[key] = known
    return known


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


def shared_words(sentence: Sentence, at: int) -> Words:
    """The words of clause `at` with those of the clauses it is joined to by "in"/"ter":
    in "Načrt je svet obravnaval in sprejel" the second verb has the first one's object."""
    return Words(t for index in reversed(_joined(sentence, at)) for t in sentence.clauses[index].tokens if t.is_word)


def _clause_fits(cue: lexicon.Cue, sentence: Sentence, at: int, words: Words, aliases: Aliases) -> bool:
    clause = sentence.clauses[at]
    # polarity and mood first: they are known per clause, terms have to be matched
    if cue.polarity != "any" and is_negated(clause) != (cue.polarity == "negative"):
        return False
    if mood(sentence, at) not in cue.moods:
        return False
    if not all(occurs(words, term, aliases) for term in cue.clause):
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


@dataclass(frozen=True)
class _Needs:
    """What a cue needs from a sentence, for ruling it out with set lookups before matching."""

    cue: lexicon.Cue
    clause: tuple[Firsts, ...]  # where every clause term (and past term) can begin: in the clause's words
    present: frozenset[int]  # the numbered first-word sets of terms that must be in the sentence


@dataclass(frozen=True, eq=False)  # compared by identity: it keys what a sentence remembers
class _Plan:
    """The cues' needs, and which needs each lemma meets: a sentence's lemmas tell at once
    which cues can fit it (most cannot)."""

    cues: tuple[lexicon.Cue, ...]
    needs: tuple[_Needs, ...]
    by_lemma: Mapping[str, frozenset[int]]
    by_prefix: tuple[tuple[tuple[str, ...], int], ...]

    def possible(self, words: Words) -> list[_Needs]:
        met: set[int] = set()
        for lemma in words.by_lemma:
            found = self.by_lemma.get(lemma)
            if found:
                met |= found
        for prefixes, number in self.by_prefix:
            if number not in met and _possible(words, (frozenset(), prefixes)):
                met.add(number)
        return [needs for needs in self.needs if needs.present <= met]


_PLANS: dict[tuple, _Plan] = {}


def _plan(cues: Iterable[lexicon.Cue], aliases: Aliases, inherited: frozenset[str]) -> _Plan:
    alias_items = _alias_items(aliases)
    key = (id(cues), alias_items, inherited) if isinstance(cues, tuple) else None
    known = _PLANS.get(key) if key else None
    if known is not None and known.cues is cues:
        return known
    cues = tuple(cues)
    numbers: dict[tuple[frozenset[str], tuple[str, ...]], int] = {}  # first-word sets (not None)

    def numbered(terms: Iterable[str]) -> frozenset[int]:
        firsts = (_firsts(term, alias_items) for term in terms)
        return frozenset(numbers.setdefault(f, len(numbers)) for f in firsts if f is not None)

    needs = tuple(
        _Needs(
            cue,
            tuple(_firsts(term, alias_items) for term in cue.clause + cue.past),
            numbered(cue.clause + cue.past + cue.company + tuple(t for t in cue.sentence if t not in inherited)),
        )
        for cue in cues
    )
    by_lemma: dict[str, set[int]] = {}
    for (lemmas, _), number in numbers.items():
        for lemma in lemmas:
            by_lemma.setdefault(lemma, set()).add(number)
    plan = _Plan(cues, needs, {lemma: frozenset(found) for lemma, found in by_lemma.items()},
                 tuple((prefixes, number) for (_, prefixes), number in numbers.items() if prefixes))
    if key:
        if len(_PLANS) >= 64:  # callers with cue sets of their own
            _PLANS.clear()
        _PLANS[key] = plan  # keeps `cues` alive, so its id is not reused while kept
    return plan


def find(sentence: Sentence, index: int, cues: Iterable[lexicon.Cue] = lexicon.CUES,
         inherited: frozenset[str] = frozenset(), aliases: Aliases = NO_ALIASES) -> list[Hit]:
    """Every cue that the sentence states (each at most once, in its first fitting clause).

    `inherited` terms count as present in the sentence (a sentence that continues the
    previous one's subject); `aliases` see `occurrences`.
    """
    plan = _plan(cues, aliases, inherited)
    key = ("found", plan)  # a recurring sentence (one object, see `analyse`) is looked at once
    found = sentence.memo.get(key)
    if found is None:
        found = sentence.memo[key] = _fitting(plan, sentence, inherited, aliases)
    return [Hit(cue, sentence, clause, index) for cue, clause in found]


def _fitting(plan: _Plan, sentence: Sentence, inherited: frozenset[str], aliases: Aliases) -> list[tuple[lexicon.Cue, Clause]]:
    """Each cue that fits, with its first fitting clause, in the cues' order. The clauses are
    the outer loop: a clause's joined words are made once for all cues and then let go (a
    run-on sentence has tens of thousands)."""
    waiting = [needs for needs in plan.possible(sentence.words) if _sentence_fits(needs.cue, sentence, inherited, aliases)]
    fitted: dict[int, Clause] = {}  # by the cue's place in `waiting`
    for at, clause in enumerate(sentence.clauses):
        if len(fitted) == len(waiting):
            break
        words = shared_words(sentence, at)
        for number, needs in enumerate(waiting):
            # most clauses of a long sentence lack a word the cue needs
            if number in fitted or not all(_possible(words, firsts) for firsts in needs.clause):
                continue
            if _clause_fits(needs.cue, sentence, at, words, aliases) and _company_fits(needs.cue, sentence, at, aliases):
                fitted[number] = clause
    return [(waiting[number].cue, fitted[number]) for number in sorted(fitted)]
