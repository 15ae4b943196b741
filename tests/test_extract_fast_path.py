"""The extractor's shortcuts find exactly what trying everything finds.

`compliance.extract.match` looks for a term only where one of its possible first words
stands, rules cues and clauses out by their lemmas before matching, and analyses a
recurring sentence once; `classify.stated_years` replaces a quadratic regular expression.
The reference here is the exhaustive way (every term at every word, every cue in every
clause, the regular expression itself), on the 2019 report and on random report-like text.
"""

from __future__ import annotations

import gc
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.extract import classify, language, lexicon, match
from compliance.extract.draft import build
from compliance.registry import load_registry
from compliance.sources import read_report
from conftest import DATA

REPORT = DATA / "sources" / "porocilo-2019-pregled-po-obcinah.txt"


# --- the reference: every unit tried at every word ------------------------------------------

def _ends(words, units, start, aliases) -> set[int]:
    positions, gap = {start}, 0
    for kind, value in units:
        if kind == "gap":
            gap = value
            continue
        positions = {end for position in positions
                     for begin in range(position, min(position + gap, len(words) - 1) + 1)
                     for end in _unit_ends(words, (kind, value), begin, aliases)}
        gap = 0
    return positions


def _unit_ends(words, unit, start, aliases) -> set[int]:
    if start >= len(words):
        return set()
    kind, value = unit
    if kind == "lemma":
        return {start + 1} if words[start].lemma == value else set()
    if kind == "prefix":
        return {start + 1} if words[start].lemma.startswith(value) else set()
    found: set[int] = set()
    for definition in (lexicon.CLASSES[value], aliases.get(value)):
        for alternative in match.compile_term(definition) if definition else ():
            found |= _ends(words, alternative, start, aliases)
    return found


def reference_occurrences(words, term, aliases=match.NO_ALIASES) -> list[tuple[int, int]]:
    return sorted({(start, end) for start in range(len(words)) for alternative in match.compile_term(term)
                   for end in _ends(words, alternative, start, aliases)})


def reference_occurs(words, term, aliases) -> bool:
    return bool(reference_occurrences(words, term, aliases))


def reference_find(sentence, inherited, aliases) -> list[tuple[str, int]]:
    """(cue name, clause) of every cue that fits, trying every cue in every clause."""
    def in_past(words, term):
        return any(words[start].is_l_participle for start, _ in reference_occurrences(words, term, aliases))

    found = []
    words = tuple(t for t in sentence.tokens if t.is_word)
    for cue in lexicon.CUES:
        if not all(term in inherited or reference_occurs(words, term, aliases) for term in cue.sentence):
            continue
        if any(reference_occurs(words, term, aliases) for term in cue.unless):
            continue
        for at, clause in enumerate(sentence.clauses):
            shared = tuple(match.shared_words(sentence, at))
            fits = (
                all(reference_occurs(shared, term, aliases) for term in cue.clause)
                and (cue.polarity == "any" or match.is_negated(clause) == (cue.polarity == "negative"))
                and match.mood(sentence, at) in cue.moods
                and not any(reference_occurs(shared, term, aliases) for term in cue.unless_clause)
                and all(in_past(shared, term) for term in cue.past)
                and not any(in_past(shared, term) for term in cue.not_past)
            )
            if fits and cue.company:
                near = [clause]
                for after in range(at + 1, min(at + 1 + cue.company_within, len(sentence.clauses))):
                    if not match.is_plain(sentence, after):
                        break
                    near.append(sentence.clauses[after])
                fits = all(any(reference_occurs(tuple(c.words), term, aliases) for c in near) for term in cue.company)
            if fits:
                found.append((cue.name, at))
                break
    return found


# --- texts ------------------------------------------------------------------------------------

def report_sentences() -> list[str]:
    return language.split_sentences(REPORT.read_text(encoding="utf-8"))


def random_sentences(count: int, seed: int) -> list[str]:
    """Sentences of the report cut, joined, thinned and salted with negators, moods,
    conjunctions and the body's words: the cues' words in unusual company."""
    pieces = [s.split() for s in report_sentences()]
    salt = ["ni", "ne", "bo", "bi", "naj", "in", "ter", ",", "komisija", "Komisija", "odbor", "program", "tim",
            "sestala", "2019", "dvakrat", "ga", "ne glede na", "v prihodnje", "brez", "romske", "sprejela"]
    rnd = random.Random(seed)
    sentences = []
    for _ in range(count):
        a, b = rnd.choice(pieces), rnd.choice(pieces)
        kind = rnd.random()
        if kind < 0.3:
            words = a[:rnd.randint(1, len(a))] + b[rnd.randint(0, len(b) - 1):]
        elif kind < 0.6:
            words = [w for w in a if rnd.random() > 0.25]
        else:
            words = list(a)
            for _ in range(rnd.randint(1, 5)):
                words.insert(rnd.randint(0, len(words)), rnd.choice(salt))
        text = " ".join(words).rstrip(".") + "."
        sentences.append(text[:1].upper() + text[1:])
    return sentences


def terms() -> list[str]:
    """Every term the extractor looks for."""
    found = {f"@{name}" for name in lexicon.CLASSES}
    for cue in lexicon.CUES:
        found.update(cue.clause + cue.sentence + cue.company + cue.unless + cue.unless_clause + cue.past + cue.not_past)
    found.update({classify.DOCUMENT_HEAD, classify.BODY_HEAD, classify.FORUM_HEAD, classify.TEAM_HEAD,
                  classify.OTHER_TOPICS, lexicon.MEETING_VERBS, "rom*", "program ..3 rom*"})
    return sorted(found)


ALIASES = (match.NO_ALIASES, lexicon.BODY_ALIASES)


# --- tests --------------------------------------------------------------------------------------

@pytest.mark.parametrize("source", ["report", "random"])
def test_every_term_is_found_where_trying_every_word_finds_it(source):
    texts = report_sentences() if source == "report" else random_sentences(100, seed=1)
    compared = 0
    for sentence in language.analyse(" ".join(texts)):
        scopes = [sentence.words] + [match.shared_words(sentence, at) for at in range(len(sentence.clauses))]
        for words in scopes:
            for term in terms():
                for aliases in ALIASES:
                    expected = reference_occurrences(tuple(words), term, aliases)
                    assert match.occurrences(words, term, aliases) == expected, (sentence.text, term)
                    assert match.occurs(words, term, aliases) == bool(expected)
                    compared += bool(expected)
    assert compared > 1000  # the texts do contain what the terms describe


@pytest.mark.parametrize("source", ["report", "random"])
def test_every_cue_fits_where_trying_every_clause_finds_it(source):
    texts = report_sentences() if source == "report" else random_sentences(200, seed=2)
    hits = 0
    for sentence in language.analyse(" ".join(texts)):
        for inherited in (frozenset(), frozenset({"@body"})):
            for aliases in ALIASES:
                found = [(h.cue.name, sentence.clauses.index(h.clause))
                         for h in match.find(sentence, 0, inherited=inherited, aliases=aliases)]
                assert found == reference_find(sentence, inherited, aliases), sentence.text
                hits += len(found)
    assert hits > 300


def test_a_recurring_sentence_gives_the_same_hits_each_time():
    sentences = random_sentences(40, seed=3)
    analysed = language.analyse(" ".join(sentences + sentences[::-1]))
    assert len(analysed) == 80
    for index, sentence in enumerate(analysed):
        found = [(h.cue.name, h.clause, h.index) for h in match.find(sentence, index)]
        assert found == [(name, sentence.clauses[at], index) for name, at in reference_find(sentence, frozenset(), {})]


_STATED = re.compile(r"\b(?:[Vv]\s+letu|[Ll]eta)\s+((?:19|20)\d{2})\b[^.]*\bsporočil")
_PIECES = ["v letu 2018", "V  letu 2019", "Leta\n1999", "leta 2017", "leta 20189", "v letu", "2018", "sporočila",
           "nesporočil", "sporočil", "sporočilo.", "letu 2016 sporočil", ".", " ", "\n", "občina", "je"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.lists(st.sampled_from(["", " "]), min_size=30, max_size=30))
def test_stated_years_are_what_the_regular_expression_finds(pieces, spaces):
    text = "".join(piece + space for piece, space in zip(pieces, spaces))
    assert classify.stated_years(text) == [int(year) for year in _STATED.findall(text)]


def test_the_2019_draft_restores_the_cycle_collector():
    registry = load_registry(DATA)
    build(read_report(Path(REPORT)), registry, 2019, DATA)
    assert gc.isenabled()
    gc.disable()
    try:
        build(read_report(Path(REPORT)), registry, 2019, DATA)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
