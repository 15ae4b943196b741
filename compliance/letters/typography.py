"""Slovenian typography for letters: dates `2. 3. 2020`, »…« quotes, en dash in periods,
and non-breaking spaces where a line must not break (`6. člena`, `2. 3. 2020`,
`01 478 11 80`, `št. 33/07`)."""

from __future__ import annotations

import datetime as dt
import re

NBSP = "\u00a0"

_PERIOD = re.compile(r"\b(\d{4})\s*[-‒—]\s*(\d{4})\b")  # 2017-2021 -> 2017–2021
_QUOTED = re.compile(r"[\"„“”]([^\"„“”\n]+)[\"„“”]")
# An ordinal before the word it counts: "6. člena", "drugi odstavek" stays breakable.
_ORDINAL = re.compile(r"\b(\d{1,3}\.) (člen|odstav|točk|alinej)")
# A date as the Office writes it: "2. 3. 2020" (also day and month alone: "2. 3.").
_DATE = re.compile(r"\b(\d{1,2}\.) (\d{1,2}\.)(?: (\d{4}))?")
# A Slovenian phone number in groups: "01 478 11 80", "041 123 456".
_PHONE = re.compile(r"\b0\d{1,2}(?: \d{2,3}){2,3}\b")
# Abbreviations that must stay with the number after them: "št. 33/07", "čl. 7".
_ABBREVIATION = re.compile(r"\b(št\.|čl\.|str\.|t\.) (\d)")


def slovenian_date(day: dt.date) -> str:
    """`2. 3. 2020`: day and month without leading zeros, spaced, as the Office writes them."""
    return f"{day.day}. {day.month}. {day.year}"


def nonbreaking(text: str) -> str:
    """Non-breaking spaces inside citations, dates, phone numbers and `št. 33/07`."""
    text = _ORDINAL.sub(rf"\1{NBSP}\2", text)
    text = _DATE.sub(lambda m: NBSP.join(g for g in m.groups() if g), text)
    text = _PHONE.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _ABBREVIATION.sub(rf"\1{NBSP}\2", text)


def typeset(text: str) -> str:
    """Straight or German quotes as »…«, an en dash between the years of a period, and the
    non-breaking spaces of `nonbreaking`."""
    text = _QUOTED.sub(lambda m: f"»{m.group(1)}«", text)
    return nonbreaking(_PERIOD.sub(r"\1–\2", text))


def plain(text: str) -> str:
    """The text with ordinary spaces (for comparisons, e-mail headers and spreadsheets)."""
    return text.replace(NBSP, " ")


def capitalise(text: str) -> str:
    """First letter upper case, the rest untouched (`program ukrepov` -> `Program ukrepov`)."""
    return text[:1].upper() + text[1:]
