"""Scaling of the outputs and of extraction on unusual input (issue 14, reliability-2019.md).

`python benchmarks/bench_scaling.py` prints a Markdown table: wall and CPU seconds and peak
memory of a real `compliance` process for `check` at N municipalities per format, and for
`extract` on one section holding a run-on sentence of N clauses, N short sentences, or a
5 MB paragraph with no sentence end (the review's two 5 MB probes, which must finish well
under 120 s). Each figure is one run on a shared machine; what matters is the growth
(doubling N should about double it), shown as the ratio to the previous size. `--only xlsx`
(or table, html, extract) runs one part; the load average before and after is printed with
the table.
"""

from __future__ import annotations

import argparse
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


CHECKS = {"xlsx": (1000, 2000, 4000, 8000), "table": (1000, 2000, 10000), "html": (1000, 2000, 10000)}


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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=[*CHECKS, "extract"], help="run one part")
    only = parser.parse_args().only
    rows: list[tuple[str, str, tuple[float, float, float], str]] = []

    def add(command: str, size: str, measured: tuple[float, float, float]) -> None:
        previous = rows[-1] if rows and rows[-1][0] == command else None
        rows.append((command, size, measured, f"{measured[0] / previous[2][0]:.2f}" if previous else ""))

    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for fmt, sizes in CHECKS.items():
            if only not in (None, fmt):
                continue
            for n in sizes:
                data = base / f"data-{n}"
                if not data.exists():
                    municipalities(n, data)
                add(f"check --format {fmt}", f"{n:,} municipalities",
                    timed(["check", "--year", "2019", "--data-dir", str(data), "--format", fmt, "--out", f"o-{n}.{fmt}"], base))
        if only in (None, "extract"):
            for i, (probe, size, text) in enumerate(extract_inputs()):
                (base / f"in-{i}.txt").write_text(f"Občina Kuzma\n{text}\n", encoding="utf-8")
                add(probe, size, timed(["extract", f"in-{i}.txt", "--year", "2019", "--out", f"out-{i}.yaml"], base))
    after = os.getloadavg()
    print(f"load average (1, 5, 15 min) before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"after: {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}\n")
    print("| command | size | wall s | CPU s | peak MB | × previous size (wall) |\n|---|---:|---:|---:|---:|---:|")
    for command, size, (wall, cpu, peak), ratio in rows:
        print(f"| {command} | {size} | {wall:.1f} | {cpu:.1f} | {peak:.0f} | {ratio} |")


if __name__ == "__main__":
    main()
