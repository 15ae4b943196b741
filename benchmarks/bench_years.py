"""`check` over 212 municipalities x 30 years: one invocation against 30, cold and warm cache.

Generates the national-scale data (benchmarks/scale.py) in a temporary folder, then times
fresh processes of the venv's console script, reporting wall time (median, min-max) and
the process's CPU time (user + system of the child, less sensitive to other load on a
shared machine), with the load average when it ran.

    python benchmarks/bench_years.py [--rounds 5] [--python .venv/bin/python]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale import generate  # noqa: E402


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def row(name: str, samples: list[tuple[float, float]]) -> str:
    walls, cpus = [s[0] for s in samples], [s[1] for s in samples]
    return (f"| {name} | {statistics.median(walls):.2f} ({min(walls):.2f}-{max(walls):.2f}) "
            f"| {statistics.median(cpus):.2f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--python", default=sys.executable)
    args = parser.parse_args()
    script = str(Path(args.python).with_name("compliance"))
    with tempfile.TemporaryDirectory() as tmp:
        data = generate(Path(tmp) / "data")
        base = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_")}
        cache_dir = Path(tmp) / "cache"
        cold = {**base, "COMPLIANCE_NO_CACHE": "1"}
        serial = {**cold, "COMPLIANCE_JOBS": "1"}
        warm = {**base, "COMPLIANCE_CACHE_DIR": str(cache_dir)}
        one = [script, "check", "--years", "2020-2049", "--data-dir", str(data)]
        timed(one, warm)  # fills the cache, warms the page cache and .pyc files

        def first_run(command: list[str]) -> tuple[float, float]:
            shutil.rmtree(cache_dir, ignore_errors=True)  # as on the first run after an edit
            return timed(command, warm)

        results: dict[str, list[tuple[float, float]]] = {}
        for engine in ("python", "durable"):
            command = one + ["--engine", engine]
            for label, env in (("cache off, years shared with a helper process", cold),
                               ("cache off, one process (`COMPLIANCE_JOBS=1`)", serial),
                               ("warm cache", warm)):
                name = f"one run, `--years 2020-2049 --engine {engine}`, {label}"
                results[name] = [timed(command, env) for _ in range(args.rounds)]
            name = f"one run, `--years 2020-2049 --engine {engine}`, first run (cache empty, then filled)"
            results[name] = [first_run(command) for _ in range(args.rounds)]
        thirty = [timed([script, "check", "--year", str(y), "--data-dir", str(data)], cold) for y in range(2020, 2050)]
        total = (sum(t[0] for t in thirty), sum(t[1] for t in thirty))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.rounds} runs each, "
          f"load average at the end {os.getloadavg()[0]:.2f}")
    print("| what | wall s median (min-max) | CPU s median |\n|---|---:|---:|")
    for name, samples in results.items():
        print(row(name, samples))
    print(f"| 30 processes, `--year Y` each (default engine, cache off), once | {total[0]:.2f} | {total[1]:.2f} |")


if __name__ == "__main__":
    main()
