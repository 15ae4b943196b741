"""`--format html`: one self-contained page for reviewing the findings in a browser.

The page carries everything inline (CSS, JS, an SVG chart) so that it opens from disk and
can be e-mailed. This module prepares what the template shows; the markup, styles and
behaviour are in `compliance/bundled/templates/findings.html.j2`. Without JavaScript every
finding is shown open; with it, the page filters, sorts and recounts the summary.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Optional, Sequence

from compliance import paths
from compliance.findings import Assessment, Finding
from compliance.messages import text as worded, texts
from compliance.registry import Registry
from compliance.render.review import (
    basis_text, citation, decision_text, generated_on, kinds, ordered, short_of_duty, slovenian_key, triggers_letter,
)
from compliance.vocabulary import Grade, Obligation, Provenance, grade_label, label

if TYPE_CHECKING:
    from compliance.compare import Change
    from compliance.register.cases import Case

TEMPLATES = paths.TEMPLATES_DIR
# The report template's bounds (compliance.sandbox) for every REPORT_MUNICIPALITIES
# municipalities: a page makes about 13,000 characters and 56 loop iterations and calls per
# municipality (measured on the 2019 data), so these leave ten times that and more.
REPORT_MUNICIPALITIES = 10
REPORT_OUTPUT = 1_000_000
REPORT_OPERATIONS = 100_000
TEMPLATE = "findings.html.j2"

# Grades are shown by colour AND by a symbol and a word, never by colour alone; in the
# chart each grade also has its own pattern. Text and background pairs meet WCAG AA (4.5:1).
GRADE_STYLE: dict[Grade, dict[str, str]] = {
    Grade.COMPLIANT: {"symbol": "✓", "text": "#14532d", "background": "#d9f2dd", "bar": "#74c686"},
    Grade.PARTIAL: {"symbol": "◐", "text": "#5b3f00", "background": "#fff0c2", "bar": "#f5c842"},
    Grade.NON_COMPLIANT: {"symbol": "✗", "text": "#7f1010", "background": "#fbd5d5", "bar": "#e87b7b"},
    Grade.NO_DATA: {"symbol": "?", "text": "#27272a", "background": "#e4e4e7", "bar": "#b8b8c0"},
    Grade.NOT_APPLICABLE: {"symbol": "–", "text": "#52525b", "background": "#f7f7f7", "bar": "#e8e8e8"},
}

# Sorting a grade column ascending puts the worst first: what a reviewer looks for.
SEVERITY = [Grade.NON_COMPLIANT, Grade.PARTIAL, Grade.NO_DATA, Grade.COMPLIANT, Grade.NOT_APPLICABLE]

CHART_LABEL_WIDTH = 230
CHART_BAR_WIDTH = 480
CHART_ROW_HEIGHT = 28


def words(lang: str) -> dict[str, str]:
    """The page's words for the template (`t`): the column headings and the html.* texts,
    unformatted (the template fills their placeholders)."""
    return {
        **texts("column", lang),
        "yes": worded("common.yes", lang),
        "no": worded("common.no", lang),
        **texts("html", lang),
    }


def render(assessment: Assessment, registry: Registry, lang: str = "sl", generated: Optional[dt.date] = None,
           cases: Optional[Sequence["Case"]] = None, as_of: Optional[dt.date] = None,
           compared: Optional[tuple[int, Sequence["Change"]]] = None) -> str:
    """The page; with `cases` (the register's, as `status` reads them, as of `as_of`) each
    municipality's details show its letter and reply; with `compared` (a year and
    compliance.compare's changes) each finding shows that year's grade and the change."""
    from compliance.letters import templating

    context = page(assessment, registry, lang, generated)
    context["follow_up"] = _follow_up(context, cases, as_of, registry, lang) if cases else None
    context["compared"] = _compared(context, compared, assessment, lang) if compared else None
    # The working folder's template, else the packaged one, in the sandbox of every template;
    # the page grows with the municipalities, and so do its bounds.
    scale = 1 + len(context["municipalities"]) // REPORT_MUNICIPALITIES
    return templating.render(
        [paths.templates_dir(), TEMPLATES], TEMPLATE, context,
        autoescape=True,  # the template is .html.j2, which select_autoescape would miss
        filters={"css_string": css_string},
        max_output=REPORT_OUTPUT * scale, max_operations=REPORT_OPERATIONS * scale,
    )


def _follow_up(context: dict[str, Any], cases: Sequence["Case"], as_of: Optional[dt.date], registry: Registry,
               lang: str) -> dict[str, Any]:
    """Each municipality's case, in the words and dates of `compliance status` (the same rows)."""
    from compliance.register import report

    headings = [worded(c, lang) for c in report.COLUMNS]
    rows = dict(zip((c.municipality for c in cases), report.rows(cases, registry, lang)))
    by_id = {c.municipality: c for c in cases}
    for m in context["municipalities"]:
        row, case = rows.get(m["id"]), by_id.get(m["id"])
        if row is None or case is None:
            m["case"] = None
            continue
        state = worded(f"state.{case.state}", lang)
        m["case"] = {
            # the letter's own columns: the id and the name are the details' heading already
            "fields": [(h, str(v)) for h, v in zip(headings[2:], row[2:]) if str(v) != ""],
            "overdue": case.overdue,
            "mark": (worded("html.case_overdue", lang, state=state, days=case.days_overdue) if case.overdue
                     else worded("html.case_mark", lang, state=state)),
        }
    day = report._day(as_of, lang) if as_of else ""
    return {"title": worded("html.follow_up", lang, date=day),
            "none": worded("html.no_case", lang, year=context["year"])}


def _compared(context: dict[str, Any], compared: tuple[int, Sequence["Change"]], assessment: Assessment,
              lang: str) -> dict[str, Any]:
    """Each finding's grade in the other year (in the words of its kind, as the page says this
    year's) and the change, from compliance.compare."""
    from compliance.vocabulary import grade_label

    other, changes = compared
    kind = {(f.municipality, f.obligation.value): f.kind for f in assessment.findings}
    by_key = {(c.municipality, c.obligation.value): c for c in changes}
    for m in context["municipalities"]:
        for f in m["findings"]:
            c = by_key.get((m["id"], f["obligation"]))
            f["compared"] = worded(
                "html.compared_value", lang, other=other,
                grade=(grade_label(c.previous, kind[(m["id"], f["obligation"])], lang) if c is not None and c.previous is not None
                       else worded("html.no_grade", lang)),
                change=worded(f"compare.{c.change if c is not None else 'new'}", lang),
            ) if c is not None else None
    return {"title": worded("html.compared", lang, other=other)}


def css_string(value: str):
    """A CSS string literal (for the printed page's margin boxes) that cannot end the
    string, the rule or the <style> element."""
    from markupsafe import Markup

    escaped = "".join(c if c.isalnum() or c in " .,:;·-–()" else f"\\{ord(c):x} " for c in str(value))
    return Markup(f'"{escaped}"')


def page(assessment: Assessment, registry: Registry, lang: str, generated: Optional[dt.date] = None) -> dict[str, Any]:
    """Everything the template shows, already in the reader's language."""
    text = words(lang)
    year = assessment.year
    kind = kinds(assessment)
    grades = [_grade(grade, lang) for grade in Grade]
    obligations = [
        {"value": o.value, "label": label(o, lang), "kind": label(kind[o], lang) if o in kind else "",
         "kind_value": kind[o].value if o in kind else ""}
        for o in Obligation
    ]
    letters = set(short_of_duty(assessment))
    municipalities = [_municipality(assessment, registry, ident, lang, ident in letters)
                      for ident in ordered(assessment, registry)]
    summary = assessment.summary()
    return {
        "lang": lang,
        "t": text,
        "year": year,
        "title": text["title"].format(year=year),
        "generated": generated_on(generated, lang),
        "grades": grades,
        "obligations": obligations,
        "summary": [
            {**o, "counts": [summary[o["value"]][g["value"]] for g in grades], "total": sum(summary[o["value"]].values())}
            for o in obligations
        ],
        "chart": _chart(summary, obligations, grades),
        "municipalities": municipalities,
        "letters": len(letters),
        "single": len(municipalities) == 1,
        "any_stale": any(m["stale_year"] for m in municipalities),
        "regions": sorted({m["region"] for m in municipalities}, key=slovenian_key),
        "severity": [g.value for g in SEVERITY],
        "legend": _legend(assessment, obligations, lang),
        "checksums": {"data": assessment.data_sha256[:12], "rules": assessment.rules_sha256[:12]},
    }


def _grade(grade: Grade, lang: str) -> dict[str, str]:
    return {"value": grade.value, "label": label(grade, lang), **GRADE_STYLE[grade]}


def _municipality(assessment: Assessment, registry: Registry, ident: str, lang: str, letter: bool) -> dict[str, Any]:
    municipality = registry.get(ident)
    findings = assessment.of(ident)
    # The age of the facts judged (the reporting finding is the year's own overview).
    carried = next((f for f in findings if f.provenance != Provenance.CURRENT), None)
    said = carried.provenance_text(lang) if carried else ""
    return {
        "id": ident,
        "name": municipality.name,
        "short_name": municipality.short_name,
        # what the search box matches: the short and the official name, and the id
        "search": " ".join([municipality.short_name, municipality.name, ident]),
        "region": municipality.region,
        "roma_seat": municipality.roma_seat,
        "stale_year": said,  # what is known of the facts' age ("sporočeno v letu 2018"); "" when current
        "stale_note": worded(f"explain.provenance.{carried.provenance.value}", lang, year=assessment.year,
                             stated_in=carried.stated_in) if carried else "",
        "letter": letter,
        "findings": [_finding(f, municipality.short_name, lang) for f in findings],
    }


def _finding(finding: Finding, short_name: str, lang: str) -> dict[str, Any]:
    obligation_label = label(finding.obligation, lang)
    grade = _grade(finding.grade, lang)
    return {
        "anchor": f"f-{finding.municipality}-{finding.obligation.value}",
        "obligation": finding.obligation.value,
        "obligation_label": obligation_label,
        "grade": grade,
        "rank": SEVERITY.index(finding.grade),
        # what a screen reader says for the grade link: whose grade, for what
        "link_name": f"{short_name}, {obligation_label}: {finding.grade_label(lang)}",
        "words": finding.grade_label(lang),  # in the words of its kind: "ni izpolnjeno", "ne sledi priporočilu"
        "kind": label(finding.kind, lang),
        "decision": decision_text(finding, lang),
        "reasons": [
            # sentences already quoted as the finding's evidence are not quoted twice
            {"type": label(reason.type, lang), "summary": reason.summary,
             "evidence": [sentence for sentence in reason.evidence if sentence not in finding.evidence]}
            for reason in finding.reasons
        ],
        "citation": citation(finding, lang),
        "basis_lines": (basis_text(finding, lang) or "").splitlines(),
        "provenance": finding.provenance_label(lang),
        "stale": finding.provenance_text(lang),
        "message": finding.message(lang),
        "evidence": list(finding.evidence),
        "letter": triggers_letter(finding),
    }


def _legend(assessment: Assessment, obligations: list[dict], lang: str) -> list[dict[str, Any]]:
    """Per obligation: its kind, its legal basis (once, not in every finding) and what each
    grade the rules can give means for it."""
    legend = []
    for o in obligations:
        obligation = Obligation(o["value"])
        findings = [f for f in assessment.findings if f.obligation is obligation]
        if not findings:
            continue
        first = findings[0]
        legend.append({
            **o,
            "citation": citation(first, lang),
            "basis_lines": (basis_text(first, lang) or "").splitlines(),
            "grades": [
                {**_grade(grade, lang), "label": grade_label(grade, first.kind, lang),
                 "meaning": worded(f"legend.{obligation.value}.{grade.value}", lang)}
                for grade in Grade if f"legend.{obligation.value}.{grade.value}" in _LEGEND_IDS
            ],
        })
    return legend


def _chart(summary: dict[str, dict[str, int]], obligations: list[dict], grades: list[dict]) -> dict[str, Any]:
    """A stacked bar per obligation: the geometry is computed here so the SVG is plain data
    (the page's script recomputes it for the municipalities a filter shows)."""
    bars = []
    for row, obligation in enumerate(obligations):
        counts = summary[obligation["value"]]
        total = sum(counts.values()) or 1
        x = 0.0
        segments = []
        for grade in grades:
            count = counts[grade["value"]]
            width = CHART_BAR_WIDTH * count / total
            segments.append({
                "grade": grade, "count": count,
                "x": round(CHART_LABEL_WIDTH + x, 1), "width": round(width, 1),
                "text_x": round(CHART_LABEL_WIDTH + x + width / 2, 1),
                "show_count": width >= 34,  # narrower segments: the count is in the table and tooltip
            })
            x += width
        bars.append({"label": obligation["label"], "obligation": obligation["value"], "y": row * CHART_ROW_HEIGHT,
                     "segments": segments})
    return {
        "width": CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 10,
        "height": len(obligations) * CHART_ROW_HEIGHT,
        "label_width": CHART_LABEL_WIDTH,
        "bar_width": CHART_BAR_WIDTH,
        "bar_height": CHART_ROW_HEIGHT - 8,
        "bars": bars,
    }


def _legend_ids() -> set[str]:
    from compliance.messages import CATALOG

    return {key for key in CATALOG if key.startswith("legend.")}


_LEGEND_IDS = _legend_ids()
