"""`--format json`: the findings contract, for scripts and other tools."""

from __future__ import annotations

import json

from compliance.findings import Assessment
from compliance.registry import Registry


def document(assessment: Assessment, lang: str = "sl") -> dict:
    return {
        "year": assessment.year,
        "generated_from": {"rules_sha256": assessment.rules_sha256, "data_sha256": assessment.data_sha256},
        "findings": [finding.to_json(lang) for finding in assessment.findings],
        "summary": assessment.summary(),
    }


def render(assessment: Assessment, registry: Registry, lang: str = "sl", generated=None) -> str:
    # `generated` (the generation date) is for the review outputs; the JSON contract has none.
    return json.dumps(document(assessment, lang), ensure_ascii=False, indent=2) + "\n"
