"""`compliance extract`: draft a year's records from the Government's narrative report."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options
from compliance.messages import text
from compliance.vocabulary import MAX_YEAR, MIN_YEAR


def _percent(share: float, lang: str) -> str:
    shown = f"{100 * share:.1f} %"
    return shown.replace(".", ",") if lang == "sl" else shown.replace(" %", "%")


def _shown(value: object) -> str:
    return "—" if value is None else str(value).lower() if isinstance(value, bool) else str(value)


def _diff_report(comparison, lang: str) -> str:
    from tabulate import tabulate

    lines = []
    if comparison.differences:
        not_counted = text("extract.not_counted", lang)
        rows = [
            [d.municipality, d.field if d.counted else f"{d.field} {not_counted}", _shown(d.draft), _shown(d.curated)]
            for d in comparison.differences
        ]
        headers = [text(key, lang) for key in ("common.municipality", "extract.field", "extract.draft", "extract.curated")]
        lines.append(tabulate(rows, headers=headers, maxcolwidths=[None, None, 50, 50]))
    else:
        lines.append(text("extract.no_differences", lang))
    if comparison.only_in_draft:
        lines.append(text("extract.only_in_draft", lang, ids=", ".join(comparison.only_in_draft)))
    if comparison.only_in_curated:
        lines.append(text("extract.only_in_curated", lang, ids=", ".join(comparison.only_in_curated)))
    lines += ["", text("extract.per_fact", lang)]
    for field, (matching, compared) in comparison.per_fact.items():
        lines.append(f"  {field}: {matching}/{compared}")
    lines.append(text(
        "extract.accuracy", lang,
        matching=comparison.matching, compared=comparison.compared, percent=_percent(comparison.accuracy, lang),
    ))
    return "\n".join(lines)


def _refuse_records(out: Path, data_dir: Path) -> None:
    """A draft never replaces reviewed records: not even with --force (their notes and
    corrections would be lost); it is compared with them through --diff instead."""
    from compliance import paths
    from compliance.errors import ComplianceError, display_path
    from compliance.messages import msg
    from compliance.records import YEAR_FILE

    target = Path(out).resolve()
    records = paths.records_dir(data_dir).resolve()
    if target.parent == records and YEAR_FILE.match(target.name) and target.exists():
        raise ComplianceError(msg("extract.over_records", path=display_path(out)))


@main.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--year", type=click.IntRange(MIN_YEAR, MAX_YEAR), required=True, help="The year the report covers.")
@click.option("--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True,
              help="yaml: a records file with confidence comments; json: the same with a 'confidence' key.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write the draft here (default: stdout).")
@click.option("--force", is_flag=True, help="Overwrite the --out file if it exists (never the data folder's records).")
@click.option("--diff", "curated", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Curated records to compare the draft with: field-level differences and accuracy.")
@options.lang
@options.data_dir
def extract(report: Path, year: int, fmt: str, out: Optional[Path], force: bool, curated: Optional[Path],
            lang: str, data_dir: Path) -> None:
    """Draft a year's records from the report (plain text, .docx or PDF with text).

    Every fact quotes the sentence it comes from and carries a confidence; what the text
    does not state stays unknown. With --diff the differences are shown instead of the
    draft (which still goes to --out when given).
    """
    from compliance import atomic
    from compliance.errors import display_path
    from compliance.messages import render
    from compliance.extract import diff, draft
    from compliance.sources import read_report
    from compliance.registry import load_registry

    if out is not None:
        _refuse_records(out, data_dir)
        atomic.check_target(out, force)
    registry = load_registry(data_dir)
    document = read_report(report)
    drafted = draft.build(document, registry, year, data_dir)
    for notice in drafted.notices:
        click.echo(f"{text('common.warning', lang)}: {display_path(report)}: {render(notice.place, lang)}: {notice.message.render(lang)}", err=True)
    comparison = diff.compare(drafted.records, diff.load_curated(curated, year)) if curated else None
    rendered = draft.to_json(drafted) if fmt == "json" else draft.to_yaml(drafted)
    if out is not None:
        atomic.write_text(out, rendered)
        reported = sum(r.reported for r in drafted.records)
        click.echo(text("extract.written", lang, path=display_path(out), count=len(drafted.records), reported=reported),
                   err=comparison is not None)
    if comparison is not None:
        click.echo(_diff_report(comparison, lang))
    elif out is None:
        click.echo(rendered, nl=False)
