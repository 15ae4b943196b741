"""Scaling of the outputs and of extraction on unusual input (issue 14, reliability-2019.md).

`python benchmarks/bench_scaling.py` prints a Markdown table: wall seconds of a real
`compliance` process for `check` at N municipalities per format, and for `extract` on a
run-on sentence of N clauses and on N short sentences in one section. Each figure is one
run on a shared machine; what matters is the growth (doubling N should about double it).
"""

from __future__ import annotations

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


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        for n, formats in ((1000, ("table", "html", "xlsx")), (2000, ("table", "html", "xlsx")),
                           (4000, ("xlsx",)), (10000, ("table", "html"))):
            data = municipalities(n, base / f"data-{n}")
            for fmt in formats:
                seconds = timed(["check", "--year", "2019", "--data-dir", str(data), "--format", fmt,
                                 "--out", f"o-{n}.{fmt}"], base)
                rows.append((f"check --format {fmt}", f"{n:,} municipalities", seconds))
        clause = "občina je sprejela program ukrepov za Rome in delovno telo se je sestalo trikrat"
        for n in (100, 200, 400, 800):
            (base / f"runon-{n}.txt").write_text("Občina Kuzma\n" + " in ".join([clause] * n) + ".\n", encoding="utf-8")
            seconds = timed(["extract", f"runon-{n}.txt", "--year", "2019", "--out", f"runon-{n}.yaml"], base)
            rows.append(("extract, one run-on sentence", f"{n} clauses", seconds))
        for n in (4000, 8000, 16000):
            (base / f"short-{n}.txt").write_text("Občina Kuzma\n" + " ".join(["Občina je sprejela program."] * n) + "\n", encoding="utf-8")
            seconds = timed(["extract", f"short-{n}.txt", "--year", "2019", "--out", f"short-{n}.yaml"], base)
            rows.append(("extract, short sentences in one section", f"{n:,} sentences", seconds))
    print("| command | size | wall s |\n|---|---:|---:|")
    for command, size, seconds in rows:
        print(f"| {command} | {size} | {seconds:.1f} |")


if __name__ == "__main__":
    main()
