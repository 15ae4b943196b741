"""Closest known names for a mistyped one (municipality ids, years)."""

from __future__ import annotations

import difflib
from typing import Iterable

from slugify import slugify


def closest(value: str, known: Iterable[str], n: int = 3) -> list[str]:
    """Known values nearest to `value`, ignoring case and diacritics (`Črnomelj` ~ `crnomelj`)."""
    known = list(known)
    by_slug = {slugify(k): k for k in known}
    wanted = slugify(str(value))
    if wanted in by_slug:
        return [by_slug[wanted]]
    prefixed = [k for s, k in by_slug.items() if wanted and s.startswith(wanted)]
    close = difflib.get_close_matches(wanted, list(by_slug), n=n, cutoff=0.6)
    ordered = prefixed + [by_slug[s] for s in close if by_slug[s] not in prefixed]
    return ordered[:n]
