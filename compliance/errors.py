"""Problems found in the user's data, reported all at once with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional


def display_path(path: Path) -> str:
    """A path as the user typed it: relative to the working folder when inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an input file, located as precisely as the file allows."""

    file: Path
    message: str
    line: Optional[int] = None
    municipality: Optional[str] = None
    field: Optional[str] = None

    def __str__(self) -> str:
        where = display_path(self.file) + (f":{self.line}" if self.line else "")
        parts = [where]
        if self.municipality:
            parts.append(f"municipality {self.municipality}")
        if self.field:
            parts.append(f"field {self.field}")
        return ": ".join(parts) + f": {self.message}"


class ComplianceError(Exception):
    """An error the user can fix; the CLI prints it without a traceback and exits 2."""


class DataError(ComplianceError):
    """One or more problems in input files."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class NotFound(ComplianceError):
    """An unknown year, municipality or other name, with the closest known ones."""

    def __init__(self, what: str, value: object, suggestions: Iterable[object] = (), known_label: str = "did you mean"):
        self.suggestions = [str(s) for s in suggestions]
        message = f"unknown {what}: {value}"
        if self.suggestions:
            message += f" ({known_label}: {', '.join(self.suggestions)})"
        super().__init__(message)
