"""Scaling of the outputs and of extraction on unusual input (issue 14, reliability-2019.md).

`python benchmarks/bench_scaling.py [check] [extract]` prints a Markdown table: wall and CPU
seconds and peak memory of a real `compliance` process for `check` at N municipalities per
format, and for `extract` on one section holding a run-on sentence of N clauses, N short
sentences, or a 5 MB paragraph with no sentence end (the review's two 5 MB probes, which
must finish well under 120 s). Each figure is one run on a shared machine (the load average
is printed); what matters is the growth (doubling N should about double it).
"""

from __future__ import annotations

import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from compliance import paths

COMPLIANCE = str(Path(sys.executable).parent / "compliance")


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # the tool refuses YAML aliases
        return True


def municipalities(n: int, folder: Path) -> Path:
    """A data folder with `n` municipalities: the bundled 27 repeated, numbered."""
    shutil.copytree(paths.BUNDLED / "data", folder)
    registry = yaml.safe_load((folder / "municipalities.yaml").read_text(encoding="utf-8"))
    records = yaml.safe_load((folder / "records" / "2019.yaml").read_text(encoding="utf-8"))
    base, by_id = registry["municipalities"], {r["municipality"]: r for r in records["records"]}
    made, kept = [], []
    for i in range(n):
        m = dict(base[i % len(base)])
        r = dict(by_id[m["id"]])
        m.update(short_name=f"{m['short_name']} {i}", id=f"{m['id']}-{i}", name=f"{m['name']} {i}")
        r["municipality"] = m["id"]
        made.append(m)
        kept.append(r)
    registry["municipalities"], records["records"] = made, kept
    for path, data in ((folder / "municipalities.yaml", registry), (folder / "records" / "2019.yaml", records)):
        path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True), encoding="utf-8")
    return folder


def timed(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall s, CPU s and peak resident MB of one `compliance` process."""
    started = time.perf_counter()
    process = subprocess.Popen([COMPLIANCE, *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, args)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def check_rows(base: Path) -> list[tuple[str, str, tuple[float, float, float]]]:
    rows = []
    for n, formats in ((1000, ("table", "html", "xlsx")), (2000, ("table", "html", "xlsx")),
                       (4000, ("xlsx",)), (10000, ("table", "html"))):
        data = municipalities(n, base / f"data-{n}")
        for fmt in formats:
            measured = timed(["check", "--year", "2019", "--data-dir", str(data), "--format", fmt,
                              "--out", f"o-{n}.{fmt}"], base)
            rows.append((f"check --format {fmt}", f"{n:,} municipalities", measured))
    return rows


FIVE_MB = 5_000_000
CLAUSE = "občina je sprejela program ukrepov za Rome in delovno telo se je sestalo trikrat"
SHORT = "Občina je sprejela program."


def _report_words() -> list[str]:
    text = (paths.BUNDLED / "data" / "sources" / "porocilo-2019-pregled-po-obcinah.txt").read_text(encoding="utf-8")
    return re.findall(r"\w+|,", text)


def _words_without_sentence_end(size: int) -> str:
    """The report's words and commas in random order (fixed seed): every cue's words, no full stop."""
    words, rnd, parts, length = _report_words(), random.Random(1), [], 0
    while length < size:
        parts.append(rnd.choice(words))
        length += len(parts[-1].encode()) + 1
    return " ".join(parts)


def _varied_short_sentences(size: int) -> tuple[str, int]:
    """Sentences of two to four of the report's words (fixed seed): hardly one recurs."""
    words, rnd, parts, length = [w for w in _report_words() if w != ","], random.Random(2), [], 0
    while length < size:
        sentence = " ".join(rnd.choice(words) for _ in range(rnd.randint(2, 4)))
        parts.append(sentence[:1].upper() + sentence[1:] + ".")
        length += len(parts[-1].encode()) + 1
    return " ".join(parts), len(parts)


def extract_inputs() -> list[tuple[str, str, str]]:
    """(probe, size, section text) from small to large."""
    inputs = []
    for n in (100, 200, 400, 800, FIVE_MB // len(f"{CLAUSE} in ".encode())):
        inputs.append(("extract, one run-on sentence", f"{n:,} clauses", " in ".join([CLAUSE] * n) + "."))
    for n in (4000, 8000, 16000, FIVE_MB // len(f"{SHORT} ".encode())):
        inputs.append(("extract, one short sentence repeated", f"{n:,} sentences", " ".join([SHORT] * n)))
    for size in (400_000, FIVE_MB):
        text, n = _varied_short_sentences(size)
        inputs.append(("extract, varied short sentences", f"{n:,} sentences ({size / 1e6:g} MB)", text))
    for size in (400_000, FIVE_MB):
        inputs.append(("extract, paragraph without a sentence end: report words",
                       f"{size / 1e6:g} MB", _words_without_sentence_end(size)))
    unit = "Občina ni poslala podatkov v letu 2018 in komisija ni bila ustanovljena "
    for size in (400_000, FIVE_MB):
        inputs.append(("extract, paragraph without a sentence end: 'ni poslala ... v letu 2018'",
                       f"{size / 1e6:g} MB", unit * (size // len(unit.encode()))))
    return inputs


def extract_rows(base: Path) -> list[tuple[str, str, tuple[float, float, float]]]:
    rows = []
    for i, (probe, size, text) in enumerate(extract_inputs()):
        (base / f"in-{i}.txt").write_text(f"Občina Kuzma\n{text}\n", encoding="utf-8")
        rows.append((probe, size, timed(["extract", f"in-{i}.txt", "--year", "2019", "--out", f"out-{i}.yaml"], base)))
    return rows


def main(parts: list[str]) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        if "check" in parts:
            rows += check_rows(base)
        if "extract" in parts:
            rows += extract_rows(base)
    print("| command | size | wall s | CPU s | peak MB |\n|---|---:|---:|---:|---:|")
    for command, size, (wall, cpu, peak) in rows:
        print(f"| {command} | {size} | {wall:.1f} | {cpu:.1f} | {peak:.0f} |")
    print(f"\nload average after the runs: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1 / 5 / 15 min)")


if __name__ == "__main__":
    main(sys.argv[1:] or ["check", "extract"])
