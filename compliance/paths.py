"""Where the data, rules and templates folders are.

The defaults ship inside the package (`compliance/bundled/`), so an installed wheel works
from any folder; `--data-dir`/`--rules-dir` or the environment variables point the
commands at another folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

DATA_DIR_ENV = "COMPLIANCE_DATA_DIR"
RULES_DIR_ENV = "COMPLIANCE_RULES_DIR"

# The packaged defaults: data, rules (with their test cases) and templates.
BUNDLED = Path(__file__).resolve().parent / "bundled"
TEMPLATES_DIR = BUNDLED / "templates"


def _resolve(option: Optional[Path], env: str, name: str, marker: str) -> Path:
    if option is not None:
        return Path(option)
    if os.environ.get(env):
        return Path(os.environ[env])
    here = Path.cwd() / name
    if (here / marker).exists():
        return here
    return BUNDLED / name


def data_dir(option: Optional[Path] = None) -> Path:
    return _resolve(option, DATA_DIR_ENV, "data", "municipalities.yaml")


def rules_dir(option: Optional[Path] = None) -> Path:
    return _resolve(option, RULES_DIR_ENV, "rules", "reporting.yaml")


def registry_file(data: Path) -> Path:
    return data / "municipalities.yaml"


def records_dir(data: Path) -> Path:
    return data / "records"


def records_file(data: Path, year: int) -> Path:
    return records_dir(data) / f"{year}.yaml"


def rule_cases_dir(rules: Path) -> Path:
    """The rule test cases live next to the rules they test."""
    return rules / "tests"
