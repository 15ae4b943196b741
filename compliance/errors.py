"""Problems found in the user's data, reported all at once with file, line and field.

Their text comes from the catalog (compliance.messages) and is worded only when printed,
in the command's language; str() words it in the current language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional

from compliance.messages import msg, render


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located as precisely as the file allows.

    `message` is a catalog Message (or pydantic's, or plain text, shown as it is).
    """

    file: Path
    message: Any
    line: Optional[int] = None
    municipality: Optional[str] = None
    field: Optional[str] = None

    def render(self, lang: Optional[str] = None) -> str:
        where = display_path(self.file) + (f":{self.line}" if self.line else "")
        parts = [where]
        if self.municipality:
            parts.append(render(msg("where.municipality", id=self.municipality), lang))
        if self.field:
            parts.append(render(msg("where.field", field=self.field), lang))
        return ": ".join(parts) + f": {render(self.message, lang)}"

    def __str__(self) -> str:
        return self.render()


class ComplianceError(Exception):
    """An error the user can fix; the CLI prints it without a traceback and exits 2.

    The argument is a catalog Message (or plain text).
    """

    def __init__(self, message: Any = ""):
        self.message = message
        super().__init__(message)

    def render(self, lang: Optional[str] = None) -> str:
        return render(self.message, lang)

    def __str__(self) -> str:
        return self.render()


class DataError(ComplianceError):
    """One or more problems in input files."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__()

    def render(self, lang: Optional[str] = None) -> str:
        return "\n".join(problem.render(lang) for problem in self.problems)


# What a NotFound names, and how it introduces the known values.
_MESSAGES = {
    "year": ("notfound.year", "hint.years_with_data"),
    "municipality": ("notfound.municipality", "hint.did_you_mean"),
}


class NotFound(ComplianceError):
    """An unknown year (with the years that have data) or municipality (with the closest ids)."""

    def __init__(self, what: str, value: object, suggestions: Iterable[object] = (), folder: Optional[Path] = None):
        self.suggestions = [str(s) for s in suggestions]
        unknown, hint = _MESSAGES[what]
        message = msg(unknown, value=value)
        if self.suggestions:
            message = msg(hint, text=message, names=", ".join(self.suggestions))
        if folder is not None:  # which folder was read, so a wrong folder shows at once
            message = msg("paths.folder_read", text=message, folder=display_path(folder))
        super().__init__(message)
