"""`compliance rules lint|test`: prove the rule files give one grade per obligation, always."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from compliance import paths
from compliance.cli import main, options
from compliance.messages import text


@main.group()
def rules() -> None:
    """Check the rule files: completeness (lint) and the rule test cases (test)."""


@rules.command()
@options.rules_dir
@options.lang
@options.engine
def lint(rules_dir: Path, lang: str, engine: str) -> None:
    """Prove every obligation gives exactly one grade for every combination of facts."""
    from compliance.lint import lint as run_lint
    from compliance.rules import load_rules

    report = run_lint(load_rules(rules_dir), engine)
    unstated = text("common.unstated", lang)
    for obligation, n in report.checked.items():
        mine = [d for d in report.defects if d.obligation == obligation]
        if not mine:
            click.echo(text("lint.checked", lang, obligation=obligation.value, n=n))
            continue
        click.echo(text("lint.defects", lang, obligation=obligation.value, n=len(mine)))
        for defect in mine:
            shown = ", ".join(f"{k}={unstated if v is None else str(v).lower() if isinstance(v, bool) else v}"
                              for k, v in defect.combination.items())
            rules_text = ", ".join(defect.rules) if defect.rules else text("common.no_rule", lang)
            click.echo(f"  {text('lint.' + defect.kind, lang)}: {shown}: {rules_text}")
    for problem in report.problems:
        click.echo(problem)
    count = len(report.defects) + len(report.problems)
    click.echo(text("lint.failed", lang, n=count) if count else text("lint.ok", lang))
    if count:
        sys.exit(1)


@rules.command("test")
@options.rules_dir
@click.option("--cases", "cases_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder with the rule test cases (default: tests/ beside the rules).")
@options.lang
@options.engine
def test_rules(rules_dir: Path, cases_dir: Optional[Path], lang: str, engine: str) -> None:
    """Run the rule test cases (facts in, grade and rule out)."""
    from compliance.rules import load_rules
    from compliance.ruletests import load_cases, run, uncovered

    rulebook = load_rules(rules_dir)
    cases = load_cases(cases_dir or paths.rule_cases_dir(rules_dir))
    results = run(rulebook, cases, engine)
    for result in results:
        status = text("ruletests.case_ok" if result.ok else "ruletests.case_fail", lang)
        click.echo(f"{status}  {result.case.where}  {result.case.name}")
        for failure in result.failures:
            click.echo(f"      {failure}")
    missing = uncovered(rulebook, cases)
    for rule_id in missing:
        click.echo(text("ruletests.uncovered", lang, rule=rule_id))
    passed = sum(result.ok for result in results)
    click.echo(text("ruletests.summary", lang, passed=passed, total=len(results), uncovered=len(missing)))
    if passed != len(results) or missing:
        sys.exit(1)
