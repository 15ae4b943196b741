"""`--format csv`: a row per municipality and obligation, for a spreadsheet or a script."""

from __future__ import annotations

import csv
import io

from compliance.cells import csv_text
from compliance.findings import Assessment
from compliance.registry import Registry

HEADER = ["municipality", "name", "obligation", "grade", "rule", "kind", "basis", "data_year", "message", "evidence"]


def render(assessment: Assessment, registry: Registry, lang: str = "sl") -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for f in assessment.findings:
        writer.writerow([csv_text(value) for value in [
            f.municipality, registry.get(f.municipality).name, f.obligation.value, f.grade.value, f.rule,
            f.kind.value, f.basis.citation, "" if f.data_year is None else f.data_year, f.message(lang),
            " | ".join(f.evidence),
        ]])
    return out.getvalue()
