"""Where the data, rules and templates folders are, and why.

Each folder is found in this order, the first that applies wins:

1. the command's option (`--data-dir`, `--rules-dir`, `--templates-dir`);
2. the environment variable (`COMPLIANCE_DATA_DIR`, `COMPLIANCE_RULES_DIR`,
   `COMPLIANCE_TEMPLATES_DIR`);
3. the working folder: the nearest folder, from the current folder upwards (as git finds
   its repository), that holds the marker file `.compliance`; its `data/`, `rules/` and
   `templates/` (`compliance init DIR` creates one from the packaged defaults);
4. the packaged defaults in `compliance/bundled/`, so an installed wheel works anywhere.

A folder named by an option or a variable must exist; the error names it and where it
came from. `compliance info` shows the result.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Optional

DATA_DIR_ENV = "COMPLIANCE_DATA_DIR"
RULES_DIR_ENV = "COMPLIANCE_RULES_DIR"
TEMPLATES_DIR_ENV = "COMPLIANCE_TEMPLATES_DIR"
MARKER = ".compliance"  # marks a working folder, like .git a repository

# The packaged defaults: data, rules (with their test cases) and templates.
BUNDLED = Path(__file__).resolve().parent / "bundled"
TEMPLATES_DIR = BUNDLED / "templates"

KINDS = ("data", "rules", "templates")
_ENV = {"data": DATA_DIR_ENV, "rules": RULES_DIR_ENV, "templates": TEMPLATES_DIR_ENV}
_OPTION = {"data": "--data-dir", "rules": "--rules-dir", "templates": "--templates-dir"}


@dataclass(frozen=True)
class Folder:
    """A folder the commands read, and where that choice came from."""

    kind: str  # data | rules | templates
    path: Path
    origin: str  # option | env | workdir | packaged
    workdir: Optional[Path] = None  # the working folder found, if any

    def why(self) -> Any:
        """Where the folder came from, as a catalog message."""
        from compliance.messages import msg

        if self.origin == "option":
            return msg("origin.option", option=_OPTION[self.kind])
        if self.origin == "env":
            return msg("origin.env", env=_ENV[self.kind])
        if self.origin == "workdir":
            return msg("origin.workdir", workdir=self.workdir)
        if self.workdir is not None:
            return msg("origin.packaged_missing", workdir=self.workdir, name=self.kind)
        return msg("origin.packaged")


def find_workdir(start: Optional[Path] = None) -> Optional[Path]:
    """The nearest folder from `start` (default: the current folder) upwards with the marker."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def resolve(kind: str, option: Optional[Path] = None) -> Folder:
    """The folder of this kind the commands read (see the module's docstring for the order).

    An option or variable naming a missing folder raises ComplianceError naming it.
    """
    if option is not None:
        found = Folder(kind, Path(option), "option")
    elif os.environ.get(_ENV[kind]):
        found = Folder(kind, Path(os.environ[_ENV[kind]]), "env")
    else:
        workdir = find_workdir()
        if workdir is not None and (workdir / kind).is_dir():
            return Folder(kind, workdir / kind, "workdir", workdir)
        return Folder(kind, BUNDLED / kind, "packaged", workdir)
    if not found.path.is_dir():
        from compliance.errors import ComplianceError
        from compliance.messages import msg

        raise ComplianceError(msg("paths.missing", kind=msg("folder." + kind), path=found.path, origin=found.why()))
    return found


def data_dir(option: Optional[Path] = None) -> Path:
    return resolve("data", option).path


def rules_dir(option: Optional[Path] = None) -> Path:
    return resolve("rules", option).path


def templates_dir(option: Optional[Path] = None) -> Path:
    return resolve("templates", option).path


def registry_file(data: Path) -> Path:
    return data / "municipalities.yaml"


def records_dir(data: Path) -> Path:
    return data / "records"


def records_file(data: Path, year: int) -> Path:
    return records_dir(data) / f"{year}.yaml"


def rule_cases_dir(rules: Path) -> Path:
    """The rule test cases live next to the rules they test."""
    return rules / "tests"
