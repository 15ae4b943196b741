"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from compliance import engines, messages, paths
from compliance.vocabulary import LANGUAGES

# The order the folders are found in is compliance.paths' (option, variable, working
# folder, packaged); the variables are read there, so that `compliance info` can say which applied.
data_dir = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    callback=lambda ctx, param, value: paths.data_dir(value),
    help=f"Folder with municipalities.yaml and records/ (default: env {paths.DATA_DIR_ENV}, "
         f"else the working folder's data/, else the packaged data).",
)

rules_dir = click.option(
    "--rules-dir",
    type=click.Path(file_okay=False, path_type=Path),
    callback=lambda ctx, param, value: paths.rules_dir(value),
    help=f"Folder with the rule files (default: env {paths.RULES_DIR_ENV}, "
         f"else the working folder's rules/, else the packaged rules).",
)

templates_dir = click.option(
    "--templates-dir",
    type=click.Path(file_okay=False, path_type=Path),
    callback=lambda ctx, param, value: paths.templates_dir(value),
    help=f"Folder with the letter and report templates (default: env {paths.TEMPLATES_DIR_ENV}, "
         f"else the working folder's templates/, else the packaged templates).",
)

# Eager, so that errors raised while the other options are read are worded in it too.
lang = click.option(
    "--lang", type=click.Choice(LANGUAGES), default="sl", show_default=True, is_eager=True,
    callback=lambda ctx, param, value: messages.use(ctx, value),
    help="Language of the output and of the error messages.",
)


def _engine(ctx: click.Context, param: click.Parameter, value: str | None) -> str:
    return engines.select(value).name


engine = click.option(
    "--engine", type=click.Choice(engines.NAMES), callback=_engine,
    help="Rule engine: durable (durable-rules, CPython 3.10-3.12) or python (the built-in evaluator "
         "of the same rules). Default: env COMPLIANCE_ENGINE, else durable where installed, else python.",
)

# Who makes a change to the register (its events say so).
by = click.option(
    "--by", metavar="NAME",
    help="Who makes the change, for the register's history (default: env COMPLIANCE_USER, else the OS user).",
)


# The files a batch of letters or reminders is written as.
LETTER_FORMATS = ("pdf", "docx", "html", "txt", "eml")  # compliance.letters.FORMATS, without importing it


def _letter_formats(ctx: click.Context, param: click.Parameter, value: str) -> tuple[str, ...]:
    chosen = [part.strip() for part in value.split(",") if part.strip()]
    unknown = [f for f in chosen if f not in LETTER_FORMATS]
    if unknown or not chosen:
        shown = ", ".join(unknown) or repr(value)
        raise click.BadParameter(str(messages.msg("letters.format_choice", value=shown, choices=",".join(LETTER_FORMATS))))
    return tuple(f for f in LETTER_FORMATS if f in chosen)


letter_formats = click.option(
    "--format", "formats", default=",".join(LETTER_FORMATS), show_default=True, callback=_letter_formats,
    help="Comma-separated formats to write.",
)

office = click.option(
    "--office", "office_path", type=click.Path(dir_okay=False, path_type=Path),
    help="Office details and wording (default: DATA_DIR/office.yaml).",
)
