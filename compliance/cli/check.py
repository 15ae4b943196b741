"""`compliance check` and `compliance explain`: the year's grades, and the reasons for them."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import click

from compliance.cli import main, options
from compliance import render as outputs
from compliance.vocabulary import Grade, RuleKind

year_option = click.option("--year", type=int, required=True, help="The report year.")
no_decisions_option = click.option(
    "--no-decisions", is_flag=True,
    help="The rules' grades alone, without the reviewer's decisions (data/decisions/<year>.yaml).",
)


def warn(warnings, lang: str) -> None:
    """Warnings (an expired decision, ignored) on stderr, located like errors."""
    from compliance.messages import text

    for warning in warnings:
        click.echo(f"{text('common.warning', lang)}: {warning.render(lang)}", err=True)
# Formats that hold several years in one output (one after another; JSON as {"years": [...]}).
MULTI_YEAR = ("table", "markdown", "json")


def _years_range(ctx, param, value: Optional[str]) -> tuple[int, ...]:
    if value is None:
        return ()
    first, sep, last = value.partition("-")
    if not (sep and first.strip().isdigit() and last.strip().isdigit()) or int(first) > int(last):
        from compliance.messages import msg

        raise click.BadParameter(str(msg("check.years_range", value=value)))
    return tuple(range(int(first), int(last) + 1))


@main.command()
@click.option("--year", "years", type=int, multiple=True,
              help="The report year (repeatable: several years in one run).")
@click.option("--years", "year_range", metavar="FROM-TO", callback=_years_range,
              help="A range of report years, e.g. 1990-2019 (with --year: both).")
@click.option("--municipality", "municipalities", multiple=True, metavar="ID",
              help="Only this municipality (repeatable; default: all).")
@click.option("--format", "fmt", type=click.Choice(list(outputs.FORMATS)), default="table", show_default=True)
@options.lang
@click.option("--fail-on", type=click.Choice([grade.value for grade in Grade]),
              help="Exit with status 1 when any finding has this grade (for scripts).")
@click.option("--fail-on-kind", "fail_kinds", multiple=True, type=click.Choice([kind.value for kind in RuleKind]),
              help="With --fail-on: count only obligations of this kind (repeatable), e.g. duty for statutory duties.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the output to this file instead of the terminal.")
@click.option("--date", "generated", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The generation date printed in the outputs (default: today; same --date, same bytes).")
@click.option("--force", is_flag=True, help="Overwrite the --out file if it exists.")
@click.option("--compare-with", "compare_with", type=int, metavar="YEAR",
              help="HTML: each finding also with its grade in YEAR and the change (better/worse/same/new).")
@no_decisions_option
@options.data_dir
@options.rules_dir
@options.engine
def check(years: tuple[int, ...], year_range: tuple[int, ...], municipalities: tuple[str, ...], fmt: str, lang: str, fail_on: Optional[str],
          fail_kinds: tuple[str, ...], out: Optional[Path], generated: Optional[dt.datetime], force: bool,
          compare_with: Optional[int],
          no_decisions: bool, data_dir: Path, rules_dir: Path, engine: str) -> None:
    """Grade every municipality against the duties of ZRomS-1 for a year."""
    from compliance import atomic
    from compliance.assess import assess
    from compliance.errors import ComplianceError, display_path
    from compliance.messages import msg

    wanted = sorted(set(years) | set(year_range))
    if not wanted:
        raise ComplianceError(msg("check.needs_year"))
    if len(wanted) > 1 and fmt not in MULTI_YEAR:
        raise ComplianceError(msg("check.one_year_format", fmt=fmt, formats=", ".join(MULTI_YEAR)))
    if compare_with is not None and (fmt != "html" or len(wanted) > 1):
        raise ComplianceError(msg("check.compare_html_only"))
    if compare_with is not None and compare_with == wanted[0]:
        raise ComplianceError(msg("compare.same_year", year=compare_with))
    if fmt in outputs.BINARY and out is None:
        raise ComplianceError(msg("check.binary_needs_out", fmt=fmt))
    if out is not None:
        atomic.check_target(out, force)  # before the work, so that a refusal costs nothing
    if len(wanted) > 1:
        _check_years(wanted, municipalities, fmt, lang, fail_on, fail_kinds, out, generated, data_dir, rules_dir,
                     engine, not no_decisions)
        return
    day = generated.date() if generated else dt.date.today()
    extra: dict = {}
    if compare_with is not None:
        from compliance.assess import assess_years
        from compliance.compare import compare

        registry, both = assess_years(data_dir, rules_dir, sorted({wanted[0], compare_with}),
                                      list(municipalities) or None, engine, not no_decisions, day)
        by_year = {a.year: a for a in both}
        assessment = by_year[wanted[0]]
        extra["compared"] = (compare_with, compare(assessment, by_year[compare_with]))
    else:
        registry, assessment = assess(data_dir, rules_dir, wanted[0], list(municipalities) or None, engine,
                                      decisions=not no_decisions, on=day)
    warn(assessment.warnings, lang)
    if fmt == "html":
        found = _register_cases(data_dir, wanted[0], day, registry.ids)
        if found:
            extra.update(cases=found, as_of=day)
    render = outputs.renderer(fmt)
    if out is not None:
        result = render(assessment, registry, lang, day, **extra)
        if isinstance(result, bytes):
            atomic.write_bytes(out, result)
        else:
            atomic.write_text(out, result)
        click.echo(f"{display_path(out)}", err=True)
    elif fmt == "table":
        from compliance.render.table import colour_wanted, terminal_width

        # click.echo drops the colour codes when stdout is not a terminal.
        width = terminal_width()
        click.echo(render(assessment, registry, lang, day, colour=colour_wanted(), width=width), nl=False)
    else:
        click.echo(render(assessment, registry, lang, day, **extra), nl=False)
    if fails(assessment.findings, fail_on, fail_kinds):
        sys.exit(1)


def fails(findings, fail_on: Optional[str], kinds: tuple[str, ...]) -> bool:
    """`--fail-on GRADE [--fail-on-kind KIND ...]`: a finding with the grade, of those kinds."""
    return bool(fail_on) and any(f.grade.value == fail_on and (not kinds or f.kind.value in kinds) for f in findings)


def _register_cases(data_dir: Path, year: int, as_of: dt.date, order: list[str]) -> list:
    """The year's cases as `compliance status` reads them, or none when the data folder has no
    register (the packaged sample data never has one)."""
    from compliance.register import FILENAME, is_packaged

    path = Path(data_dir) / FILENAME
    if is_packaged(data_dir) or not path.is_file():
        return []
    from compliance.register.cases import cases
    from compliance.register.store import open_register

    with open_register(path, create=False) as reg:
        return cases(reg, year, as_of, order)


def _check_years(years: list[int], municipalities: tuple[str, ...], fmt: str, lang: str, fail_on: Optional[str],
                 fail_kinds: tuple[str, ...], out: Optional[Path], generated: Optional[dt.datetime], data_dir: Path,
                 rules_dir: Path, engine: str, decisions: bool = True) -> None:
    """Several years in one run: the registry and rules read and validated once."""
    import json

    from compliance import atomic
    from compliance.assess import assess_years
    from compliance.errors import display_path

    day = generated.date() if generated else dt.date.today()
    registry, assessments = assess_years(data_dir, rules_dir, years, list(municipalities) or None, engine,
                                         decisions, day)
    warn([w for a in assessments for w in a.warnings], lang)
    render = outputs.renderer(fmt)
    if fmt == "json":
        documents = [json.loads(render(a, registry, lang, day)) for a in assessments]
        result = json.dumps({"years": documents}, ensure_ascii=False, indent=2) + "\n"
    elif fmt == "table" and out is None:
        from compliance.render.table import colour_wanted, terminal_width

        width, colour = terminal_width(), colour_wanted()
        result = "\n".join(render(a, registry, lang, day, colour=colour, width=width) for a in assessments)
    else:
        result = "\n".join(render(a, registry, lang, day) for a in assessments)
    if out is not None:
        atomic.write_text(out, result)
        click.echo(display_path(out), err=True)
    else:
        click.echo(result, nl=False)
    if fails([f for a in assessments for f in a.findings], fail_on, fail_kinds):
        sys.exit(1)


@main.command()
@year_option
@click.argument("municipality")
@options.lang
@no_decisions_option
@options.data_dir
@options.rules_dir
@options.engine
def explain(year: int, municipality: str, lang: str, no_decisions: bool, data_dir: Path, rules_dir: Path,
            engine: str) -> None:
    """Explain a municipality's grades: kind, rule, legal basis, facts and their age, the
    municipality's reasons, evidence, and a reviewer's decision."""
    from compliance.assess import assess
    from compliance.explain import explain as explanation

    registry, assessment = assess(data_dir, rules_dir, year, [municipality], engine, decisions=not no_decisions)
    warn(assessment.warnings, lang)
    click.echo(explanation(assessment, registry.get(municipality), lang), nl=False)
