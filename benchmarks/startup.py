"""Start-up of `compliance check --year 2019` against the import floor of its stack.

The floor is a bare `python -c "import click, jinja2, tabulate, durable.engine; from pydantic
import BaseModel, Field"` (issue 11's definition; without durable-rules, as on 3.13, the
same line without it). Both run as fresh processes, interleaved round by round so that load
on the machine hits both alike, from a folder outside any working folder, with the venv's
console script. Prints medians with min-max and the ratio (goal: at most 1.5).

    python benchmarks/startup.py [--rounds 21] [--python .venv/bin/python]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def floor_line(python: str) -> str:
    has_durable = subprocess.run([python, "-c", "import durable.engine"], capture_output=True).returncode == 0
    stack = "import click, jinja2, tabulate" + (", durable.engine" if has_durable else "")
    return f"{stack}; from pydantic import BaseModel, Field"


def timed(command: list[str], cwd: str, env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run; CPU time is less disturbed by load."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"{command} failed ({process.returncode})")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--command", nargs="+", default=["check", "--year", "2019"])
    args = parser.parse_args()
    script = str(Path(args.python).with_name("compliance"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("COMPLIANCE_") or k in ("COMPLIANCE_NO_CACHE", "COMPLIANCE_CACHE_DIR")}
    commands = {
        "python -c pass": [args.python, "-c", "pass"],
        "floor": [args.python, "-c", floor_line(args.python)],
        "compliance " + " ".join(args.command): [script, *args.command],
    }
    with tempfile.TemporaryDirectory() as elsewhere:
        for command in commands.values():  # warm: .pyc written, caches filled, files in the page cache
            timed(command, elsewhere, env)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, command in commands.items():
                times[name].append(timed(command, elsewhere, env))
    wall_floor = statistics.median(wall for wall, _ in times["floor"])
    cpu_floor = statistics.median(cpu for _, cpu in times["floor"])
    print(f"{subprocess.run([args.python, '-V'], capture_output=True, text=True).stdout.strip()}, "
          f"{args.rounds} interleaved rounds, load {os.getloadavg()[0]:.2f}; floor: {floor_line(args.python)}; "
          f"cache {'off' if env.get('COMPLIANCE_NO_CACHE') else 'on (warm)'}")
    print("| command | wall ms, median (min-max) | x floor | CPU ms, median | x floor |\n|---|---:|---:|---:|---:|")
    for name, values in times.items():
        walls, cpus = [wall for wall, _ in values], [cpu for _, cpu in values]
        wall, cpu = statistics.median(walls), statistics.median(cpus)
        print(f"| `{name}` | {wall * 1000:.1f} ({min(walls) * 1000:.1f}-{max(walls) * 1000:.1f}) | {wall / wall_floor:.2f} "
              f"| {cpu * 1000:.1f} | {cpu / cpu_floor:.2f} |")


if __name__ == "__main__":
    main()
