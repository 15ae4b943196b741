"""Options shared by several commands."""

from __future__ import annotations

from pathlib import Path

import click

from compliance import messages, paths
from compliance.vocabulary import LANGUAGES

data_dir = click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=paths.DATA_DIR_ENV,
    callback=lambda ctx, param, value: paths.data_dir(value),
    help=f"Folder with municipalities.yaml and records/ (default: ./data; env {paths.DATA_DIR_ENV}).",
)

rules_dir = click.option(
    "--rules-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar=paths.RULES_DIR_ENV,
    callback=lambda ctx, param, value: paths.rules_dir(value),
    help=f"Folder with the rule files (default: ./rules; env {paths.RULES_DIR_ENV}).",
)

# Eager, so that errors raised while the other options are read are worded in it too.
lang = click.option(
    "--lang", type=click.Choice(LANGUAGES), default="sl", show_default=True, is_eager=True,
    callback=lambda ctx, param, value: messages.use(ctx, value),
    help="Language of the output and of the error messages.",
)

# Who makes a change to the register (its events say so).
by = click.option(
    "--by", metavar="NAME",
    help="Who makes the change, for the register's history (default: env COMPLIANCE_USER, else the OS user).",
)
