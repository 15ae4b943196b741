"""`--format csv`: a row per municipality and obligation, for a spreadsheet or a script."""

from __future__ import annotations

import csv
import io

from compliance.cells import csv_text
from compliance.findings import Assessment
from compliance.registry import Registry

HEADER = [
    "municipality", "name", "obligation", "grade", "rule_grade", "decision", "rule", "kind", "basis", "provenance",
    "stated_in", "message", "reasons", "evidence",
]


def render(assessment: Assessment, registry: Registry, lang: str = "sl") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for f in assessment.findings:
        writer.writerow([csv_text(value) for value in [
            f.municipality, registry.get(f.municipality).name, f.obligation.value, f.grade.value, f.rule_grade.value,
            "" if f.decision is None else f.decision.note, f.rule, f.kind.value, f.basis.citation, f.provenance.value,
            "" if f.stated_in is None else f.stated_in, f.message(lang),
            " | ".join(f"{r.type.value}: {r.summary}" for r in f.reasons), " | ".join(f.evidence),
        ]])
    return out.getvalue()
