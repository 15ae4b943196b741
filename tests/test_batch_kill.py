"""A batch of letters under SIGKILL and in a race: always the complete old or complete new batch.

Real processes, killed by PID at the moments that matter (right after the staging folder
appears, and a little later, during the swap); two runs started together into one folder.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from compliance import paths

COMPLIANCE = str(Path(sys.executable).parent / "compliance")
OLD, NEW = "2020-03-02", "2020-04-06"


def letters(out: Path, date: str, *extra: str) -> list[str]:
    return [COMPLIANCE, "letters", "--year", "2019", "--out", str(out), "--date", date, *extra]


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def references(tmp_path_factory) -> dict[str, dict[str, bytes]]:
    """The complete batches of both dates, written undisturbed."""
    base = tmp_path_factory.mktemp("references")
    made = {}
    for date in (OLD, NEW):
        subprocess.run(letters(base / date, date), check=True, capture_output=True, cwd=base)
        made[date] = contents(base / date)
    assert made[OLD] != made[NEW] and len(made[OLD]) > 10
    return made


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("delay", [0.0, 0.002, 0.008, 0.03])
def test_sigkill_during_force_replacement_leaves_old_or_new(tmp_path, references, delay):
    out = tmp_path / "out"
    subprocess.run(letters(out, OLD), check=True, capture_output=True, cwd=tmp_path)
    child = subprocess.Popen(letters(out, NEW, "--force"), cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while child.poll() is None and not list(tmp_path.glob(".out.*.new")) and time.monotonic() < deadline:
        time.sleep(0.0002)
    time.sleep(delay)
    child.kill()
    child.wait()
    found = contents(out)
    assert found in (references[OLD], references[NEW]), sorted(found)
    # The next run removes what the killed one left, and writes its batch whole.
    subprocess.run(letters(out, NEW, "--force"), check=True, capture_output=True, cwd=tmp_path)
    assert contents(out) == references[NEW]
    assert hidden(tmp_path) == []


def test_sigkill_while_writing_a_new_folder_leaves_nothing_after_the_next_run(tmp_path, references):
    out = tmp_path / "out"
    child = subprocess.Popen(letters(out, OLD), cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while child.poll() is None and not list(tmp_path.glob(".out.*.new")):
        time.sleep(0.0002)
    child.kill()
    child.wait()
    assert not out.exists() or contents(out) == references[OLD]
    subprocess.run(letters(out, OLD, "--force"), check=True, capture_output=True, cwd=tmp_path)
    assert contents(out) == references[OLD] and hidden(tmp_path) == []


@pytest.mark.parametrize("trial", range(3))
def test_two_runs_into_one_new_folder_one_wins_whole(tmp_path, references, trial):
    out = tmp_path / "out"
    runs = [subprocess.Popen(letters(out, date), cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for date in (OLD, NEW)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    loser = next(err for code, err in results if code == 2)
    assert "Traceback" not in loser and "pisma se brez --force ne prepišejo" in loser
    winner = (OLD, NEW)[[code for code, _ in results].index(0)]
    assert contents(out) == references[winner]
    assert hidden(tmp_path) == []


def test_two_forced_runs_into_one_folder_leave_one_whole_batch(tmp_path, references):
    out = tmp_path / "out"
    subprocess.run(letters(out, OLD), check=True, capture_output=True, cwd=tmp_path)
    runs = [subprocess.Popen(letters(out, date, "--force"), cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for date in (NEW, OLD)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert [code for code, _ in results] == [0, 0], results
    assert all("Traceback" not in err for _, err in results)
    assert contents(out) in (references[OLD], references[NEW])
    assert hidden(tmp_path) == []


def test_a_subset_with_force_replaces_the_whole_batch(tmp_path, references):
    """The manifest always describes the folder: --municipality kuzma --force leaves only
    kuzma's letters, not kuzma's beside the earlier run's."""
    import json

    out = tmp_path / "out"
    subprocess.run(letters(out, OLD), check=True, capture_output=True, cwd=tmp_path)
    subprocess.run(letters(out, NEW, "--force", "--municipality", "kuzma"), check=True, capture_output=True, cwd=tmp_path)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {name for entry in manifest["letters"] for name in entry["files"].values()}
    assert set(contents(out)) == listed | {"manifest.json", "seznam-dopisov.xlsx", "seznam-dopisov.csv"}
    assert {entry["municipality"] for entry in manifest["letters"]} == {"kuzma"}


def test_the_swap_fallback_puts_a_half_swapped_folder_back(tmp_path):
    """Where folders cannot be exchanged in one step, the old one is renamed aside first; a
    run killed between the two renames leaves it under its `.old` name, and the next run
    restores it before anything else."""
    from compliance import atomic

    out = tmp_path / "out"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    aside = tmp_path / f".out.{dead.pid}-abcd1234.old"
    aside.mkdir()
    (aside / "manifest.json").write_text("{}")
    atomic.clean_leftovers(out)
    assert contents(out) == {"manifest.json": b"{}"} and hidden(tmp_path) == []
