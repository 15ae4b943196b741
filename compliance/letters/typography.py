"""Slovenian typography for letters: dates `2. 3. 2020`, »…« quotes, en dash in periods."""

from __future__ import annotations

import datetime as dt
import re

_PERIOD = re.compile(r"\b(\d{4})\s*[-‒—]\s*(\d{4})\b")  # 2017-2021 -> 2017–2021
_QUOTED = re.compile(r"[\"„“”]([^\"„“”\n]+)[\"„“”]")


def slovenian_date(day: dt.date) -> str:
    """`2. 3. 2020`: day and month without leading zeros, spaced, as the Office writes them."""
    return f"{day.day}. {day.month}. {day.year}"


def typeset(text: str) -> str:
    """Straight or German quotes as »…«, and an en dash between the years of a period."""
    text = _QUOTED.sub(lambda m: f"»{m.group(1)}«", text)
    return _PERIOD.sub(r"\1–\2", text)


def capitalise(text: str) -> str:
    """First letter upper case, the rest untouched (`program ukrepov` -> `Program ukrepov`)."""
    return text[:1].upper() + text[1:]
