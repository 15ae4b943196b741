"""Slovenian text as the classifier sees it: sentences, clauses and lemmatised tokens.

Sentences are quoted as evidence, so each one is an exact substring of the report text
with its white space collapsed (what `compliance validate` looks for in the source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from compliance.sources import normalise_space

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset({"npr", "oz", "tj", "št", "dr", "mag", "prof", "ga", "gdč", "g", "str", "čl", "ur", "mio"})
# List bullets: each item is quoted on its own (the curated evidence leaves the bullet out).
_BULLET = re.compile(r"\s*[·•▪◦]\s*")
_SENTENCE_END = re.compile(r"[.!?…]+[»«\"”')]*\s+")
_NEXT_STARTS_SENTENCE = re.compile(r"[«»„\"“(]?[A-ZČŠŽĆĐ0-9]")
_TOKEN = re.compile(r"\w+(?:[-–]\w+)*|[^\w\s]")  # `2018–2022`, `6-krat`, `ZRomS-1` are one token
# Words after which a new clause starts (besides , ; : which always end one).
CLAUSE_WORDS = frozenset({"in", "ter", "vendar", "ampak", "toda", "saj", "ker", "a"})
CONJOINING_WORDS = frozenset({"in", "ter"})
CLAUSE_PUNCTUATION = frozenset({",", ";", ":"})


@lru_cache(maxsize=1)
def _lemmatizer():
    from lemmagen3 import Lemmatizer  # imported here: loading the model is the slow part

    return Lemmatizer("sl")


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The lower-case lemma of a word (`sprejetega` -> `sprejet`, `sestala` -> `sestati`)."""
    low = word.lower()
    if not low[:1].isalpha():
        return low
    return _lemmatizer().lemmatize(low).lower()


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    lemma: str
    start: int  # character offsets in the sentence
    end: int

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def is_l_participle(self) -> bool:
        """A past-tense verb form (`imela`, `sprejel`): ends in -l/-la/-lo/-li/-le, lemma in -ti/-či."""
        low = self.text.lower()
        return bool(re.search(r"l[aoie]?$", low)) and self.lemma.endswith(("ti", "či"))


class Words(tuple):
    """Word tokens in a row (a clause, clauses joined to it, a sentence), indexed by lemma:
    the matcher tries a term only where its first word stands, and remembers the answer
    for the words (a long sentence is asked about the same term by many cues)."""

    @cached_property
    def by_lemma(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for position, token in enumerate(self):
            index.setdefault(token.lemma, []).append(position)
        return index

    @cached_property
    def found(self) -> dict:
        """Term lookups already made on these words (filled by `match.occurrences`)."""
        return {}


@dataclass(frozen=True)
class Clause:
    tokens: tuple[Token, ...]
    conjoined: bool = False  # starts with "in"/"ter": it shares the previous clause's verb mood

    @property
    def words(self) -> Words:
        return Words(t for t in self.tokens if t.is_word)

    @cached_property
    def memo(self) -> dict:
        """What the matcher has worked out about the clause (it is immutable: worked out once)."""
        return {}


@dataclass(frozen=True)
class Sentence:
    text: str
    tokens: tuple[Token, ...]
    clauses: tuple[Clause, ...]

    @cached_property
    def words(self) -> Words:
        return Words(t for t in self.tokens if t.is_word)

    @cached_property
    def memo(self) -> dict:
        """What the matcher has worked out about the sentence (it is immutable: worked out once)."""
        return {}

    def span(self, first: Token, last: Token) -> str:
        return self.text[first.start:last.end]


def tokenize(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(), lemma(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text))


def clauses(tokens: tuple[Token, ...]) -> tuple[Clause, ...]:
    """Split at , ; : and at coordinating words: negation and mood are judged per clause."""
    found: list[Clause] = []
    current: list[Token] = []

    def close() -> None:
        if current:
            found.append(Clause(tuple(current), current[0].text.lower() in CONJOINING_WORDS))

    for token in tokens:
        low = token.text.lower()
        if low in CLAUSE_PUNCTUATION or low in CLAUSE_WORDS:
            close()
            current = [] if low in CLAUSE_PUNCTUATION else [token]
            continue
        current.append(token)
    close()
    return tuple(found)


# Enough of the text before a full stop to hold the word it ends (an abbreviation, an
# initial, a day); looking at no more keeps splitting a long section linear.
_LOOKBEHIND = 80


def _ends_sentence(segment: str, match: re.Match) -> bool:
    if not _NEXT_STARTS_SENTENCE.match(segment, match.end()):
        return False
    following = segment[match.end():match.end() + 1]
    before = segment[max(0, match.start() - _LOOKBEHIND):match.start()].split()
    last = before[-1].lower() if before else ""
    last = last.strip("(«»\"„“")
    if last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
        return False  # `npr.`, `t. j.`, an initial
    if last.isdigit() and len(last) <= 2 and following[:1].isdigit():
        return False  # a date: `6. 7. 2017`
    return True


def split_sentences(text: str) -> list[str]:
    """The sentences (and list items) of a text, white space collapsed."""
    sentences: list[str] = []
    for segment in _BULLET.split(text):
        segment = normalise_space(segment)
        start = 0
        for match in _SENTENCE_END.finditer(segment):
            if _ends_sentence(segment, match):
                sentences.append(segment[start:match.end()].strip())
                start = match.end()
        if segment[start:].strip():
            sentences.append(segment[start:].strip())
    return [s for s in sentences if any(ch.isalnum() for ch in s)]


def analyse(text: str) -> list[Sentence]:
    """Sentences of a text with their tokens and clauses.

    A sentence that recurs is analysed once and shared (it is immutable), with what the
    matcher works out about it."""
    result = []
    seen: dict[str, Sentence] = {}
    for sentence in split_sentences(text):
        analysed = seen.get(sentence)
        if analysed is None:
            tokens = tokenize(sentence)
            analysed = seen[sentence] = Sentence(sentence, tokens, clauses(tokens))
        result.append(analysed)
    return result
