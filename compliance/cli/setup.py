"""`compliance info` and `compliance init`: which folders and engine are used, and a working
folder of the Office's own."""

from __future__ import annotations

import platform
import shutil
import os
from pathlib import Path
from typing import Optional

import click

from compliance import engines, paths
from compliance.cli import main, options


@main.command()
@click.option("--data-dir", type=click.Path(path_type=Path), help="As for the other commands.")
@click.option("--rules-dir", type=click.Path(path_type=Path), help="As for the other commands.")
@click.option("--templates-dir", type=click.Path(path_type=Path), help="As for the other commands.")
@click.option("--engine", type=click.Choice(engines.NAMES), help="As for the other commands.")
@options.lang
def info(data_dir: Optional[Path], rules_dir: Optional[Path], templates_dir: Optional[Path],
         engine: Optional[str], lang: str) -> None:
    """Show the version, the folders the commands read (and why those) and the rule engine."""
    from importlib.metadata import PackageNotFoundError, version

    from compliance.messages import render, text
    from compliance.records import available_years

    given = {"data": data_dir, "rules": rules_dir, "templates": templates_dir}
    folders = [paths.resolve(kind, given[kind]) for kind in paths.KINDS]  # every error before any output
    chosen = engines.select(engine)
    click.echo(text("info.version", lang, version=version("compliance"), python=platform.python_version(),
                    platform=f"{platform.system()} {platform.machine()}"))
    workdir = paths.find_workdir()
    if workdir is None:
        click.echo(text("info.no_workdir", lang, cwd=Path.cwd(), marker=paths.MARKER))
    else:
        click.echo(text("info.workdir", lang, path=workdir))
    for folder in folders:
        kind = folder.kind
        click.echo(text("info.folder", lang, kind=text("folder." + kind, lang), path=folder.path,
                        origin=render(folder.why(), lang)))
        if kind == "data":
            years = ", ".join(map(str, available_years(folder.path))) or "-"
            click.echo("  " + text("info.years", lang, years=years))
    if chosen.name == engines.DURABLE:
        try:
            name = text("info.engine_durable", lang, version=version("durable-rules"))
        except PackageNotFoundError:
            name = text("info.engine_durable", lang, version="?")
    else:
        name = text("info.engine_python", lang)
    click.echo(text("info.engine", lang, name=name, why=render(chosen.why, lang)))


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@options.lang
def init(directory: Path, lang: str) -> None:
    """Create a working folder from the packaged data, rules and templates, for the Office to own.

    Commands run in DIRECTORY or below it read its data/, rules/ and templates/.
    """
    from compliance.errors import ComplianceError, display_path
    from compliance.messages import msg, text

    if directory.exists() and (not directory.is_dir() or any(directory.iterdir())):
        raise ComplianceError(msg("paths.init_not_empty", path=display_path(directory)))
    # Built beside the target and renamed into place: a failed copy leaves nothing half-made.
    directory.parent.mkdir(parents=True, exist_ok=True)
    building = directory.parent / f".{directory.name}.init-{os.getpid()}"
    try:
        building.mkdir()
        ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
        for kind in paths.KINDS:
            shutil.copytree(paths.BUNDLED / kind, building / kind, ignore=ignore)
        (building / paths.MARKER).write_text(
            "# A compliance working folder: `compliance` run here or below reads data/, rules/ and templates/.\n"
            "# Created by `compliance init`; `compliance info` shows what is read.\n", encoding="utf-8")
        if directory.exists():
            directory.rmdir()  # empty, checked above
        building.rename(directory)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    click.echo(text("init.done", lang, path=display_path(directory), marker=paths.MARKER))
