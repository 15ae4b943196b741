"""Where the data and rules folders are.

From the repository root the commands work with no option; `--data-dir`/`--rules-dir` or
the environment variables point them at another folder.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

DATA_DIR_ENV = "COMPLIANCE_DATA_DIR"
RULES_DIR_ENV = "COMPLIANCE_RULES_DIR"

# The checkout the package was installed from (an editable or source install).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _resolve(option: Optional[Path], env: str, name: str, marker: str) -> Path:
    if option is not None:
        return Path(option)
    if os.environ.get(env):
        return Path(os.environ[env])
    here = Path.cwd() / name
    if (here / marker).exists():
        return here
    return PROJECT_ROOT / name


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
