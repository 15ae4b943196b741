"""The details of a fact as the text gives them: a period, a date, a title, a count of meetings."""

from __future__ import annotations

import datetime as dt
import re
from itertools import islice
from typing import Optional, Sequence

from compliance.extract import lexicon
from compliance.extract.language import Sentence, Token
from compliance.extract.match import is_negated, occurrences, occurs

_YEAR = r"((?:19|20)\d{2})"
_RANGE = re.compile(rf"(?<!\d){_YEAR}\s*(?:–|—|-|do)\s*{_YEAR}(?!\d)")
_UNTIL = re.compile(rf"\bdo\s+(?:konca\s+)?(?:leta\s+)?{_YEAR}(?!\d)")
_FROM = re.compile(rf"\bod\s+(?:leta\s+)?{_YEAR}(?!\d)")
_NUMERIC_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*(\d{{1,2}})\.\s*{_YEAR}(?!\d)")
_NAMED_DATE = re.compile(rf"(?<!\d)(\d{{1,2}})\.\s*([a-zčšž]+)\s+{_YEAR}(?!\d)", re.IGNORECASE)


def period(text: str) -> Optional[tuple[Optional[int], Optional[int]]]:
    """(start, end) years: `za obdobje 2017–2021`, `2018 do 2022`, `do leta 2020`, `od leta 2019`."""
    found = _RANGE.search(text)
    if found:
        start, end = int(found.group(1)), int(found.group(2))
        return (start, end) if end >= start else None
    until, since = _UNTIL.search(text), _FROM.search(text)
    if until or since:
        return (int(since.group(1)) if since else None, int(until.group(1)) if until else None)
    return None


def only_period(text: str) -> Optional[tuple[Optional[int], Optional[int]]]:
    """The period of a text that gives exactly one, not a council's term of office (`v mandatu`)."""
    ranges = list(_RANGE.finditer(text))
    if len(ranges) != 1 or re.search(r"mandat\w*\s*$", text[:ranges[0].start()]):
        return None
    return period(ranges[0].group(0))


def date(text: str) -> Optional[dt.date]:
    """`6. julija 2017`, `25. oktobra 2018` or `6. 7. 2017`."""
    for match in _NAMED_DATE.finditer(text):
        month = lexicon.MONTHS.get(match.group(2).lower()[:3])
        if month:
            try:
                return dt.date(int(match.group(3)), month, int(match.group(1)))
            except ValueError:
                continue
    for match in _NUMERIC_DATE.finditer(text):
        try:
            return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
    return None


_ADJECTIVE_ENDINGS = ("ski", "ški", "čki", "en", "ni", "ji")


_LONGEST_STOP = max(len(phrase) for phrase in lexicon.NAME_STOP_PHRASES)


def _stops_name(tokens: Sequence[Token], i: int) -> bool:
    if tokens[i].text.lower() in lexicon.NAME_STOPS:
        return True
    # the next few words only: a long sentence has many candidate names
    following = tuple(islice((tokens[j].text.lower() for j in range(i, len(tokens)) if tokens[j].is_word), _LONGEST_STOP))
    return any(following[:len(phrase)] == phrase for phrase in lexicon.NAME_STOP_PHRASES)


def _first_of_name(tokens: Sequence[Token], k: int) -> int:
    """Where a name with head noun k starts: at a capitalised adjective up to three words before."""
    first = k
    for back in range(k - 1, max(k - 4, -1), -1):
        token = tokens[back]
        if not token.is_word or not token.lemma.endswith(_ADJECTIVE_ENDINGS):
            break
        if token.text[:1].isupper():
            first = back
    return first


def name(sentence: Sentence, head_term: str, tokens: Optional[Sequence[Token]] = None) -> Optional[str]:
    """The proper name of a document or body: a capitalised phrase around its head noun.

    `... sprejela Strategijo reševanja romske problematike v občini Krško za obdobje ...`
    gives `Strategija reševanja romske problematike v občini Krško`: the head noun in the
    nominative, the rest as written, cut before `za obdobje`, a relative clause or a comma.
    `tokens` narrows the search to part of the sentence (one clause).
    """
    words: Sequence[Token]
    if tokens is None:
        tokens, words = sentence.tokens, sentence.words
    else:
        tokens = list(tokens)
        words = [t for t in tokens if t.is_word]
    places = [i for i, t in enumerate(tokens) if t.is_word]  # where each word stands among the tokens
    for head, _ in occurrences(words, head_term):
        word = words[head]
        k = places[head]
        first = _first_of_name(tokens, k)
        if not tokens[first].text[:1].isupper():
            continue
        last = k
        for j in range(k + 1, len(tokens)):
            if not tokens[j].is_word or _stops_name(tokens, j):
                break
            last = j
        if last == first:
            continue  # a capitalised noun alone is the start of a sentence, not a name
        phrase = sentence.span(tokens[first], tokens[last])
        if first == k:
            phrase = word.lemma[:1].upper() + word.lemma[1:] + phrase[len(word.text):]
        return phrase
    return None


def in_year(sentence: Sentence, year: int) -> bool:
    """The sentence places what it says in the year (`v letu 2019`, `junija 2019`), not a range."""
    words = sentence.words
    for i, token in enumerate(words):
        if token.text != str(year):
            continue
        before = words[i - 1].text.lower() if i else ""
        after = words[i + 1].text.lower() if i + 1 < len(words) else ""
        if before in {"od", "do", "–"} or after in {"do", "–", "-"}:
            continue
        return True
    return False


def _number(token: Token) -> Optional[int]:
    if token.text.isdigit() and len(token.text) <= 3:
        return int(token.text)
    return lexicon.NUMBER_WORDS.get(token.lemma)


def _times(token: Token) -> Optional[int]:
    low = token.text.lower()
    if low in lexicon.TIMES:
        return lexicon.TIMES[low]
    match = re.fullmatch(r"(\d{1,3})-?krat", low)
    return int(match.group(1)) if match else None


def _count_before(tokens: Sequence[Token], i: int) -> Optional[int]:
    """The number of meetings before the noun at i: `dve seji`, `na 4 sejah`, `tri redne in eno izredno sejo`."""
    total, expect_more = None, False
    j = i - 1
    while j >= 0 and i - j <= 7 and tokens[j].is_word:
        count = _number(tokens[j])
        if count is not None:
            total = (total or 0) + count
            expect_more = False
        elif tokens[j].text.lower() in {"in", "ter"} and total is not None:
            expect_more = True  # "tri redne in eno izredno": add the other count
        elif total is not None and not expect_more:
            break
        elif i - j > 3 and total is None:
            break
        j -= 1
    return total


def meetings(sentence: Sentence) -> Optional[int]:
    """Meetings the sentence counts: `na dveh sejah`, `4 seje`, `se je sestalo dvakrat`, `ni sestalo` (0)."""
    for i, token in enumerate(sentence.tokens):
        if token.lemma in lexicon.MEETING_NOUNS:
            count = _count_before(sentence.tokens, i)
            if count is not None:
                return count
    for clause in sentence.clauses:
        words = clause.words
        if occurs(words, lexicon.MEETING_VERBS) or any(t.lemma in lexicon.MEETING_NOUNS for t in words):
            for token in words:
                count = _times(token)
                if count is not None:
                    return count
    for clause in sentence.clauses:
        if is_negated(clause) and occurs(clause.words, "sestati|sestajati|zasedati|srečati|noben seja") \
                and not occurs(clause.words, "redno|pogosto"):
            return 0  # "se v letu 2020 ni sestalo", but not "se ne sestaja redno"
    return None

