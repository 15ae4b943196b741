"""The letter's enclosure (Priloga): the municipality's own section of the year's overview.

Reproduced from the report text the records quote (the records file's `source`), so the
municipality reads exactly what the Office read. A municipality the overview does not
mention gets no enclosure.
"""

from __future__ import annotations

import re
from pathlib import Path

from compliance.registry import Registry
from compliance.sources import normalise_space


def overview_sections(data_dir: Path, year: int, registry: Registry) -> dict[str, tuple[str, ...]]:
    """Each municipality's section of the year's overview, as paragraphs, by id."""
    from compliance.extract.sections import split
    from compliance.records import read_records
    from compliance.sources import read_report

    recordset, _ = read_records(Path(data_dir), year)
    if recordset.source is None:
        return {}
    sections, _ = split(read_report(recordset.source), registry)
    return {ident: paragraphs(section.text) for ident, section in sections.items()}


def paragraphs(text: str) -> tuple[str, ...]:
    """Blank-line separated blocks, each as one line of normalised text."""
    blocks = re.split(r"\n\s*\n", text)
    return tuple(p for p in (normalise_space(block) for block in blocks) if p)
