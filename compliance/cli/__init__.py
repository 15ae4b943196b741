"""The `compliance` command line: a thin click layer over the library modules.

Each command lives in its own module and imports the heavy libraries (durable-rules,
docxtpl, openpyxl, lemmagen3) inside its function, so that start-up stays lean.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import importlib
import os
import sys

import click

from compliance import messages
from compliance.errors import ComplianceError, DataError


# The modules that define commands, and which defines each command: running a command
# imports only its module (start-up); a name not listed here (a new command) imports them
# all, as --help does, so a command missing from COMMANDS still works (tests check the list).
MODULES = ("data", "extract", "letters", "check", "rules", "setup", "register", "status", "send", "compare", "reminders")
COMMANDS = {
    "check": "check", "explain": "check", "compare": "compare", "extract": "extract", "info": "setup",
    "init": "setup", "letters": "letters", "municipalities": "data", "validate": "data", "register": "register",
    "reminders": "reminders", "rules": "rules", "send": "send", "status": "status",
}


def _load(modules) -> None:
    for module in modules:
        importlib.import_module(f"compliance.cli.{module}")  # its commands register themselves on `main`


class Group(click.Group):
    """Turns the user's errors into a clear message and exit status 2, never a traceback.

    The message is in the command's language (`--lang`, which the context keeps).
    Command modules are imported when a command is looked up.
    """

    def get_command(self, ctx: click.Context, cmd_name: str):
        _load([COMMANDS[cmd_name]] if cmd_name in COMMANDS else MODULES)
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context):
        _load(MODULES)
        return super().list_commands(ctx)

    def main(self, *args, **kwargs):
        from compliance.console import fall_back_cleanly

        fall_back_cleanly()  # a cp1252 or ASCII console gets "c" for "č", not a traceback
        # A run builds hundreds of thousands of small objects (parsed YAML, models,
        # findings) and holds them to the end; the collector's default thresholds walk
        # them again and again for no cycles (a third of a 30-year `check`). Collect
        # rarely, as mypy does for the same reason.
        gc.set_threshold(200_000, 30, 30)
        return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context):
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a full disk or closed pipe shows here, where it can be told
            return result
        except OSError as exc:
            if exc.errno not in (errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT):
                raise
            # stdout cannot take more: say so on stderr, and let the interpreter's own
            # final flush go nowhere (Python's documented recipe for a closed pipe).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            lang = messages.current()
            reason = exc.strerror or str(exc)
            with contextlib.suppress(OSError):
                click.echo(f"{messages.msg('cli.error').render(lang)}: {messages.msg('write.stdout', reason=reason).render(lang)}", err=True)
            sys.exit(2)
        except DataError as exc:
            lang = messages.current()
            error = messages.msg("cli.error").render(lang)
            for problem in exc.problems:
                click.echo(f"{error}: {problem.render(lang)}", err=True)
            click.echo(messages.msg("cli.problems_found", n=len(exc.problems)).render(lang), err=True)
            sys.exit(2)
        except ComplianceError as exc:
            lang = messages.current()
            click.echo(f"{messages.msg('cli.error').render(lang)}: {exc.render(lang)}", err=True)
            sys.exit(2)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="compliance")
def main() -> None:
    """Check municipalities' duties under the Roma Community Act (ZRomS-1)."""

