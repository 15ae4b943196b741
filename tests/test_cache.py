"""The start-up cache is never stale: any change to what a result was made from recomputes it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from compliance import cache, paths


@pytest.fixture
def cache_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.DIR_ENV, str(folder))
    monkeypatch.delenv(cache.OFF_ENV, raising=False)
    return folder


class Counting:
    """A computation that reads files (as the loaders do) and counts its runs."""

    def __init__(self, folder: Path):
        self.folder, self.runs = folder, 0

    def __call__(self):
        self.runs += 1
        optional = self.folder / "optional.txt"  # read only when it exists, as decisions files are
        extra = optional.read_text() if optional.exists() else ""
        return (self.folder / "input.txt").read_text() + extra


def test_a_result_is_reused_while_its_inputs_are_unchanged(cache_dir, tmp_path):
    (tmp_path / "input.txt").write_text("one")
    compute = Counting(tmp_path)
    assert cache.memo("t", ["k"], compute, roots=[tmp_path]) == "one"
    assert cache.memo("t", ["k"], compute, roots=[tmp_path]) == "one"
    assert compute.runs == 1


def test_a_changed_file_of_the_same_size_and_time_is_recomputed(cache_dir, tmp_path):
    import os

    source = tmp_path / "input.txt"
    source.write_text("one")
    compute = Counting(tmp_path)
    cache.memo("t", ["k"], compute, roots=[tmp_path])
    stat = source.stat()
    source.write_text("two")  # same size; same modification time below: content decides
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert cache.memo("t", ["k"], compute, roots=[tmp_path]) == "two"
    assert compute.runs == 2


def test_a_file_that_appears_in_an_input_folder_is_a_change(cache_dir, tmp_path):
    (tmp_path / "input.txt").write_text("one")
    compute = Counting(tmp_path)
    cache.memo("t", ["k"], compute, roots=[tmp_path])
    (tmp_path / "optional.txt").write_text("+more")  # never opened by the first run
    assert cache.memo("t", ["k"], compute, roots=[tmp_path]) == "one+more"
    (tmp_path / "optional.txt").unlink()
    assert cache.memo("t", ["k"], compute, roots=[tmp_path]) == "one"


def test_a_file_read_outside_the_input_folders_is_followed_too(cache_dir, tmp_path):
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("a")
    runs = []

    def compute():
        runs.append(1)
        return elsewhere.read_text()

    assert cache.memo("t", ["k"], compute) == "a"
    elsewhere.write_text("b")
    assert cache.memo("t", ["k"], compute) == "b" and len(runs) == 2


def test_another_code_version_or_key_does_not_reuse(cache_dir, tmp_path, monkeypatch):
    (tmp_path / "input.txt").write_text("one")
    compute = Counting(tmp_path)
    cache.memo("t", ["k"], compute)
    cache.memo("t", ["other"], compute)
    assert compute.runs == 2
    monkeypatch.setattr(cache, "code_version", lambda: "a later version of the code")
    cache.memo("t", ["k"], compute)
    assert compute.runs == 3


def test_the_code_version_covers_every_module_and_the_installed_libraries(monkeypatch, tmp_path):
    before = cache.code_version()
    cache.code_version.cache_clear()
    fake = tmp_path / "site"
    (fake / "pydantic-9.9.dist-info").mkdir(parents=True)
    monkeypatch.syspath_prepend(str(fake))
    assert cache.code_version() != before
    cache.code_version.cache_clear()


def test_failures_and_damaged_entries_are_not_reused(cache_dir, tmp_path):
    (tmp_path / "input.txt").write_text("one")
    calls = []

    def failing():
        calls.append(1)
        raise ValueError("bad data")

    for _ in range(2):
        with pytest.raises(ValueError):
            cache.memo("t", ["f"], failing)
    assert len(calls) == 2  # a failure is never stored
    compute = Counting(tmp_path)
    cache.memo("t", ["k"], compute)
    for entry in cache_dir.rglob("*.pickle"):
        entry.write_bytes(b"damaged")
    assert cache.memo("t", ["k"], compute) == "one" and compute.runs == 2


def test_turned_off_it_always_computes(cache_dir, tmp_path, monkeypatch):
    (tmp_path / "input.txt").write_text("one")
    monkeypatch.setenv(cache.OFF_ENV, "1")
    compute = Counting(tmp_path)
    cache.memo("t", ["k"], compute)
    cache.memo("t", ["k"], compute)
    assert compute.runs == 2 and not cache_dir.exists()


def grades(cli, *args: str) -> dict[tuple[str, str], str]:
    result = cli("check", "--year", "2019", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)["findings"]
    return {(f["municipality"], f["obligation"]): f["grade"] for f in found}


def test_check_follows_every_edit_of_data_and_rules(cli, cache_dir, tmp_path, monkeypatch):
    data, rules = tmp_path / "data", tmp_path / "rules"
    shutil.copytree(paths.BUNDLED / "data", data)
    shutil.copytree(paths.BUNDLED / "rules", rules)
    folders = ("--data-dir", str(data), "--rules-dir", str(rules))
    first = grades(cli, *folders)
    assert grades(cli, *folders) == first and any(cache_dir.rglob("*.pickle"))
    assert first[("tisina", "programme")] == "non_compliant"
    # the records change: the grade follows at once
    records = data / "records" / "2019.yaml"
    text = records.read_text(encoding="utf-8")
    start = text.index("municipality: tisina")
    status = text.index("status: not_planned", start)
    records.write_text(text[:status] + "status: unknown" + text[status + len("status: not_planned"):], encoding="utf-8")
    assert grades(cli, *folders)[("tisina", "programme")] == "no_data"
    # a rule changes its grade: so does every finding it gives
    rule_file = rules / "cooperation.yaml"
    rule_text = rule_file.read_text(encoding="utf-8")
    changed = rule_text.replace("grade: partial", "grade: non_compliant", 1)
    assert changed != rule_text
    rule_file.write_text(changed, encoding="utf-8")
    after = grades(cli, *folders)
    assert sum(g == "non_compliant" for (m, o), g in after.items() if o == "cooperation") > \
        sum(g == "non_compliant" for (m, o), g in first.items() if o == "cooperation")
    # the source text loses a sentence the records quote: the data no longer validates
    source = next((data / "sources").glob("porocilo-2019*"))
    source.write_text(source.read_text(encoding="utf-8").replace("Beltinci", "Beltinzi"), encoding="utf-8")
    result = cli("check", "--year", "2019", *folders)
    assert result.exit_code == 2
    # and with the cache off, the same answers as with it
    monkeypatch.setenv(cache.OFF_ENV, "1")
    assert cli("check", "--year", "2019", *folders).stderr == result.stderr


def test_compiled_templates_are_kept_by_their_source(cache_dir):
    from compliance.rules import TEMPLATES

    for source, expected in (("Občina {{ name }}.", "Občina Kuzma."), ("Mestna občina {{ name }}.", "Mestna občina Kuzma.")):
        for _ in range(2):  # compiled, then read back
            code = cache.template_code(TEMPLATES, source)
            template = TEMPLATES.template_class.from_code(TEMPLATES, code, TEMPLATES.make_globals(None))
            assert template.render(name="Kuzma") == expected
    assert len(list((cache_dir / "templates").iterdir())) == 2
