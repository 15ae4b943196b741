"""Shared fixtures: the bundled data, copies of it to break, and a CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from compliance.cli import main

from compliance import paths

ROOT = Path(__file__).resolve().parent.parent
DATA = paths.BUNDLED / "data"
RULES = paths.BUNDLED / "rules"
TEMPLATES = paths.TEMPLATES_DIR


@pytest.fixture(scope="session", autouse=True)
def own_cache(tmp_path_factory):
    """The start-up cache (compliance.cache) on, in a folder of the test run's own, not the user's."""
    import os

    os.environ["COMPLIANCE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    os.environ.pop("COMPLIANCE_NO_CACHE", None)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled data folder."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def cli():
    """Invoke the `compliance` command: cli("check", "--year", "2019") -> click Result."""
    runner = CliRunner()

    def invoke(*args: str, **kwargs):
        return runner.invoke(main, list(args), catch_exceptions=False, **kwargs)

    return invoke
