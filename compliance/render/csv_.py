"""`--format csv`: the rows of the spreadsheet's findings sheet, for a double-click in Excel.

Excel opens a double-clicked CSV with the regional settings: in Slovenia the list separator
is `;` and text without a byte order mark is read as Windows-1250. So `--lang sl` writes
UTF-8 with a BOM and `;`, `--lang en` UTF-8 with a BOM and `,`. Headers and values are in
the output language; every text cell passes through `cells.csv_text` (no formulas).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Optional

from compliance.cells import csv_text
from compliance.findings import Assessment
from compliance.messages import texts
from compliance.registry import Registry
from compliance.render.review import FINDING_COLUMNS, finding_row, findings_in_order

BOM = "\ufeff"
DELIMITER = {"sl": ";", "en": ","}


def render(assessment: Assessment, registry: Registry, lang: str = "sl", generated: Optional[dt.date] = None) -> str:
    headings = texts("column", lang)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=DELIMITER[lang], lineterminator="\r\n")
    writer.writerow([csv_text(headings[key]) for key in FINDING_COLUMNS])
    for finding in findings_in_order(assessment, registry):
        row = finding_row(finding, registry, lang)
        writer.writerow(["" if row[key] is None else csv_text(row[key]) for key in FINDING_COLUMNS])
    return BOM + out.getvalue()
