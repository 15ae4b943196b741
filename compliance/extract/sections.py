"""Splitting the report into one section per municipality and naming its registry id.

A section starts at a heading line `Občina X` or `Mestna občina X` (any case, with or
without diacritics), which may be broken over two lines (`Mestna občina` / `Novo mesto`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from slugify import slugify

from compliance.messages import Message, msg
from compliance.sources import Report
from compliance.registry import Registry
from compliance.suggest import closest

_HEADING = re.compile(r"^(?P<kind>(?:mestna\s+)?ob[čc]ina)(?:\s+(?P<name>.+?))?\s*$", re.IGNORECASE)
# A municipality's name: up to five words of letters (hyphens allowed), nothing else.
_NAME = re.compile(r"^[^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,4}$")
_SENTENCE_END = re.compile(r"[.!?:;)»«\"”…]\s*$")


@dataclass
class Section:
    heading: str
    place: Any  # where the heading stands in the file (a catalog message)
    municipality: Optional[str]  # registry id; None when the heading names no registry municipality
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


@dataclass(frozen=True)
class Notice:
    """A warning about the report: the draft is still made."""

    place: Any
    message: Message  # worded in the command's language when shown


def _name(line: str) -> Optional[str]:
    line = line.strip()
    return line if _NAME.match(line) and not any(ch.isdigit() for ch in line) else None


def _by_slug(registry: Registry) -> dict[str, str]:
    """Registry ids by the slugs a heading may give (id, short name, name); the first
    municipality in the registry wins. Made once: a long report has thousands of headings."""
    slugs: dict[str, str] = {}
    for municipality in registry:
        for slug in (municipality.id, slugify(municipality.short_name), slugify(municipality.name)):
            slugs.setdefault(slug, municipality.id)
    return slugs


def _heading_at(lines: tuple[str, ...], i: int) -> Optional[tuple[str, str, int]]:
    """(heading text, name, lines used) when a heading starts at line i."""
    match = _HEADING.match(lines[i].strip())
    if not match:
        return None
    if match.group("name"):
        name = _name(match.group("name"))
        return (lines[i].strip(), name, 1) if name else None
    # `Mestna občina` alone: the name is on the next non-blank line
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if j < len(lines) and j - i <= 2:
        name = _name(lines[j])
        if name:
            return (f"{match.group('kind')} {name}", name, j - i + 1)
    return None


def _starts_block(lines: tuple[str, ...], i: int) -> bool:
    """The line before is blank, ends a sentence, or there is none (not a wrapped line)."""
    j = i - 1
    if j < 0 or not lines[j].strip():
        return True
    return bool(_SENTENCE_END.search(lines[j].strip()))


def split(report: Report, registry: Registry) -> tuple[dict[str, Section], list[Notice]]:
    """Sections by municipality id (merged when a municipality has two) and the warnings."""
    lines = report.lines
    found: list[Section] = []
    warnings: list[Notice] = []
    current: Optional[Section] = None
    by_slug = _by_slug(registry)
    i = 0
    while i < len(lines):
        heading = _heading_at(lines, i) if _starts_block(lines, i) else None
        if heading is not None:
            text, name, used = heading
            ident = by_slug.get(slugify(name))
            after = i + used
            isolated = after >= len(lines) or not lines[after].strip() or i == 0 or not lines[i - 1].strip()
            if ident is not None or (name[:1].isupper() and isolated):
                current = Section(text, report.places[i], ident)
                found.append(current)
                i += used
                continue
        if current is not None:
            current.lines.append(lines[i])
        i += 1
    sections: dict[str, Section] = {}
    for section in found:
        if section.municipality is None:
            match = _HEADING.match(section.heading)
            name = (match.group("name") if match else None) or section.heading
            hint = closest(slugify(name), registry.ids)
            if hint:
                message = msg("extract.unknown_section_hint", heading=section.heading, hint=", ".join(hint))
            else:
                message = msg("extract.unknown_section", heading=section.heading)
            warnings.append(Notice(section.place, message))
        elif section.municipality in sections:
            first = sections[section.municipality]
            warnings.append(Notice(section.place, msg(
                "extract.second_section", municipality=section.municipality, first=first.place,
            )))
            first.lines += section.lines
        else:
            sections[section.municipality] = section
    return sections, warnings
