"""Which folders the commands read: option, environment variable, working folder, packaged."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from compliance import paths


@pytest.fixture(autouse=True)
def no_folder_variables(monkeypatch):
    for name in (paths.DATA_DIR_ENV, paths.RULES_DIR_ENV, paths.TEMPLATES_DIR_ENV):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def workdir(cli, tmp_path, monkeypatch) -> Path:
    """A working folder made by `compliance init`, the current folder a subfolder of it."""
    monkeypatch.chdir(tmp_path)
    result = cli("init", "urad", "--lang", "en")
    assert result.exit_code == 0, result.output
    assert "Working folder created: urad" in result.output
    nested = tmp_path / "urad" / "porocila" / "2019"
    nested.mkdir(parents=True)
    monkeypatch.chdir(nested)
    return tmp_path / "urad"


def test_outside_any_working_folder_the_packaged_defaults_are_read(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("info", "--lang", "en")
    assert f"working folder: none (.compliance not found in {tmp_path} or above" in result.output
    assert f"data: {paths.BUNDLED / 'data'}  [default, shipped with the package]" in result.output
    assert f"rules: {paths.BUNDLED / 'rules'}  [default, shipped with the package]" in result.output
    assert "years with data: 2019" in result.output
    assert cli("check", "--year", "2019").exit_code == 0


def test_init_copies_the_packaged_data_rules_and_templates(workdir):
    assert (workdir / paths.MARKER).is_file()
    for kind in paths.KINDS:
        ours = sorted(p.relative_to(workdir / kind) for p in (workdir / kind).rglob("*") if p.is_file())
        packaged = sorted(p.relative_to(paths.BUNDLED / kind) for p in (paths.BUNDLED / kind).rglob("*")
                          if p.is_file() and "__pycache__" not in p.parts)
        assert ours == packaged and ours
        assert (workdir / kind / ours[0]).read_bytes() == (paths.BUNDLED / kind / ours[0]).read_bytes()


def test_a_working_folder_is_found_from_a_subfolder_and_read(cli, workdir):
    result = cli("info", "--lang", "en")
    assert f"working folder: {workdir}" in result.output
    for kind in paths.KINDS:
        assert f"{kind}: {workdir / kind}  [working folder {workdir}]" in result.output
    # The Office's copy is what is judged: without its 2019 records, 2019 is unknown, and the
    # message names the folder that was read.
    (workdir / "data" / "records" / "2019.yaml").unlink()
    result = cli("check", "--year", "2019", "--lang", "en")
    assert result.exit_code == 2
    assert f"unknown year: 2019; folder read: {workdir / 'data'}" in result.stderr


def test_a_working_folder_without_a_subfolder_falls_back_to_the_packaged_one_and_says_so(cli, workdir):
    import shutil

    shutil.rmtree(workdir / "templates")
    result = cli("info", "--lang", "en")
    assert (f"templates: {paths.BUNDLED / 'templates'}  [default, shipped with the package "
            f"(the working folder {workdir} has no templates/ folder)]") in result.output


def test_a_variable_wins_over_the_working_folder_and_an_option_over_both(cli, workdir, tmp_path, monkeypatch):
    other = tmp_path / "other-rules"
    import shutil

    shutil.copytree(paths.BUNDLED / "rules", other)
    monkeypatch.setenv(paths.RULES_DIR_ENV, str(other))
    result = cli("info", "--lang", "en")
    assert f"rules: {other}  [environment variable COMPLIANCE_RULES_DIR]" in result.output
    result = cli("info", "--lang", "en", "--rules-dir", str(paths.BUNDLED / "rules"))
    assert f"rules: {paths.BUNDLED / 'rules'}  [option --rules-dir]" in result.output


def test_a_missing_folder_is_named_with_where_it_came_from(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--year", "2019", "--data-dir", "nowhere")
    assert result.exit_code == 2
    assert result.stderr == "napaka: mapa ne obstaja: nowhere (podatki; možnost --data-dir)\n"
    monkeypatch.setenv(paths.RULES_DIR_ENV, str(tmp_path / "gone"))
    result = cli("rules", "lint", "--lang", "en")
    assert result.exit_code == 2
    assert f"folder not found: {tmp_path / 'gone'} (rules; environment variable COMPLIANCE_RULES_DIR)" in result.stderr


def test_an_unknown_year_names_the_folder_read(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = cli("check", "--year", "2018")
    assert result.exit_code == 2
    assert result.stderr == f"napaka: neznano leto: 2018 (leta s podatki: 2019); prebrana mapa: {paths.BUNDLED / 'data'}\n"


def test_init_refuses_a_folder_that_is_not_empty(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    result = cli("init", "full", "--lang", "en")
    assert result.exit_code == 2
    assert "the folder full is not empty" in result.stderr
    assert sorted(p.name for p in (tmp_path / "full").iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["full"]  # nothing half-made beside it
    (tmp_path / "empty").mkdir()
    assert cli("init", "empty").exit_code == 0 and (tmp_path / "empty" / paths.MARKER).is_file()


def test_python_dash_m_compliance_runs_the_command(cli, tmp_path):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
    result = subprocess.run([sys.executable, "-m", "compliance", "check", "--year", "2019", "--lang", "en"],
                            capture_output=True, text=True, encoding="utf-8", cwd=tmp_path, env=environment)
    assert result.returncode == 0, result.stderr
    assert result.stdout == cli("check", "--year", "2019", "--lang", "en").stdout
    assert "Občina Črenšovci" in result.stdout


def test_every_command_is_found_through_its_own_module(cli):
    # Running a command imports only its module (compliance.cli.COMMANDS); the list must be whole.
    import click

    from compliance import cli as package

    package._load(package.MODULES)
    registered = set(package.main.commands)
    assert registered == set(package.COMMANDS)
    for name, module in package.COMMANDS.items():
        command = package.main.commands[name]
        assert isinstance(command, click.Command)
        assert command.callback.__module__ == f"compliance.cli.{module}"
    assert "info" in cli("--help").output and "init" in cli("--help").output
