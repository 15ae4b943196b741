"""Scaling of the outputs and of extraction on unusual input (issue 14, reliability-2019.md).

`python benchmarks/bench_scaling.py` prints a Markdown table: wall seconds of a real
`compliance` process for `check` at N municipalities per format, and for `extract` on a
run-on sentence of N clauses and on N short sentences in one section. Each figure is one
run on a shared machine; what matters is the growth (doubling N should about double it),
shown as the ratio to the previous size. `--only xlsx` (or table, html, extract) runs one
part; the load average before and after is printed with the table.
"""

from __future__ import annotations

import argparse
import os
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


def timed(args: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run([COMPLIANCE, *args], cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


CHECKS = {"xlsx": (1000, 2000, 4000, 8000), "table": (1000, 2000, 10000), "html": (1000, 2000, 10000)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", choices=[*CHECKS, "extract"], help="run one part")
    only = parser.parse_args().only
    rows: list[tuple[str, str, float, str]] = []

    def add(command: str, size: str, seconds: float) -> None:
        previous = rows[-1] if rows and rows[-1][0] == command else None
        rows.append((command, size, seconds, f"{seconds / previous[2]:.2f}" if previous else ""))

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
                seconds = timed(["check", "--year", "2019", "--data-dir", str(data), "--format", fmt,
                                 "--out", f"o-{n}.{fmt}"], base)
                add(f"check --format {fmt}", f"{n:,} municipalities", seconds)
        if only in (None, "extract"):
            clause = "občina je sprejela program ukrepov za Rome in delovno telo se je sestalo trikrat"
            for n in (100, 200, 400, 800):
                (base / f"runon-{n}.txt").write_text("Občina Kuzma\n" + " in ".join([clause] * n) + ".\n", encoding="utf-8")
                seconds = timed(["extract", f"runon-{n}.txt", "--year", "2019", "--out", f"runon-{n}.yaml"], base)
                add("extract, one run-on sentence", f"{n} clauses", seconds)
            for n in (4000, 8000, 16000):
                (base / f"short-{n}.txt").write_text("Občina Kuzma\n" + " ".join(["Občina je sprejela program."] * n) + "\n", encoding="utf-8")
                seconds = timed(["extract", f"short-{n}.txt", "--year", "2019", "--out", f"short-{n}.yaml"], base)
                add("extract, short sentences in one section", f"{n:,} sentences", seconds)
    after = os.getloadavg()
    print(f"load average (1, 5, 15 min) before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; "
          f"after: {after[0]:.2f} {after[1]:.2f} {after[2]:.2f}\n")
    print("| command | size | wall s | × previous size |\n|---|---:|---:|---:|")
    for command, size, seconds, ratio in rows:
        print(f"| {command} | {size} | {seconds:.1f} | {ratio} |")


if __name__ == "__main__":
    main()
