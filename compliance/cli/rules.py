"""`compliance rules lint|test`: prove the rule files give one grade per obligation, always."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import click

from compliance import paths
from compliance.cli import main, options

TEXT = {
    "sl": {
        "checked": "{obligation}: preverjenih kombinacij: {n}; vsaka dobi natanko eno oceno",
        "gap": "vrzel", "overlap": "prekrivanje", "no_rule": "nobeno pravilo",
        "defects": "{obligation}: napake: {n}",
        "failed": "Lint: napake: {n}.", "ok": "Lint: v redu.",
        "case_ok": "ok", "case_fail": "NAPAKA",
        "uncovered": "pravilo {rule} ni preizkušeno v nobenem primeru",
        "summary": "Uspešni primeri: {passed} od {total}; nepreizkušena pravila: {uncovered}.",
        "unstated": "ni navedeno",
    },
    "en": {
        "checked": "{obligation}: {n} combinations, each gets exactly one grade",
        "gap": "gap", "overlap": "overlap", "no_rule": "no rule",
        "defects": "{obligation}: {n} problems",
        "failed": "Lint: {n} problems.", "ok": "Lint: OK.",
        "case_ok": "ok", "case_fail": "FAIL",
        "uncovered": "rule {rule} is not exercised by any case",
        "summary": "{passed} of {total} cases passed; rules without a case: {uncovered}.",
        "unstated": "not stated",
    },
}


def _cases_dir(option: Optional[Path]) -> Path:
    if option is not None:
        return option
    here = Path.cwd() / "tests" / "rules"
    return here if here.is_dir() else paths.PROJECT_ROOT / "tests" / "rules"


@main.group()
def rules() -> None:
    """Check the rule files: completeness (lint) and the rule test cases (test)."""


@rules.command()
@options.rules_dir
@options.lang
def lint(rules_dir: Path, lang: str) -> None:
    """Prove every obligation gives exactly one grade for every combination of facts."""
    from compliance.lint import lint as run_lint
    from compliance.rules import load_rules

    text = TEXT[lang]
    report = run_lint(load_rules(rules_dir))
    for obligation, n in report.checked.items():
        mine = [d for d in report.defects if d.obligation == obligation]
        if not mine:
            click.echo(text["checked"].format(obligation=obligation.value, n=n))
            continue
        click.echo(text["defects"].format(obligation=obligation.value, n=len(mine)))
        for defect in mine:
            shown = ", ".join(f"{k}={text['unstated'] if v is None else str(v).lower() if isinstance(v, bool) else v}"
                              for k, v in defect.combination.items())
            rules_text = ", ".join(defect.rules) if defect.rules else text["no_rule"]
            click.echo(f"  {text[defect.kind]}: {shown}: {rules_text}")
    for problem in report.problems:
        click.echo(problem)
    count = len(report.defects) + len(report.problems)
    click.echo(text["failed"].format(n=count) if count else text["ok"])
    if count:
        sys.exit(1)


@rules.command("test")
@options.rules_dir
@click.option("--cases", "cases_dir", type=click.Path(file_okay=False, path_type=Path),
              help="Folder with the rule test cases (default: tests/rules).")
@options.lang
def test_rules(rules_dir: Path, cases_dir: Optional[Path], lang: str) -> None:
    """Run the rule test cases (facts in, grade and rule out)."""
    from compliance.rules import load_rules
    from compliance.ruletests import load_cases, run, uncovered

    text = TEXT[lang]
    rulebook = load_rules(rules_dir)
    cases = load_cases(_cases_dir(cases_dir))
    results = run(rulebook, cases)
    for result in results:
        status = text["case_ok"] if result.ok else text["case_fail"]
        click.echo(f"{status}  {result.case.where}  {result.case.name}")
        for failure in result.failures:
            click.echo(f"      {failure}")
    missing = uncovered(rulebook, cases)
    for rule_id in missing:
        click.echo(text["uncovered"].format(rule=rule_id))
    passed = sum(result.ok for result in results)
    click.echo(text["summary"].format(passed=passed, total=len(results), uncovered=len(missing)))
    if passed != len(results) or missing:
        sys.exit(1)
