"""Benchmark of the rule evaluation: durable-rules against a plain-Python floor.

    .venv/bin/python benchmarks/bench_rules.py            # everything, writes benchmarks/README.md
    .venv/bin/python benchmarks/bench_rules.py --quick    # smaller sizes, prints only

Synthetic national-scale data: 212 municipalities x 30 years (6,360 records) and 100,000
records, with sizes in between to show growth. Each measurement runs in its own process,
so that its peak memory (ru_maxrss) is its own. "durable-rules" is `compliance.engine.match`
(what `check` runs); "plain Python" evaluates the same rule files' conditions, each
compiled to a Python closure by `compliance.conditions.compile`. Start-up: `compliance check --year 2019` end to end,
against a bare interpreter importing the libraries it needs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
BUNDLED = ROOT / "compliance" / "bundled"

SIZES = [("212 municipalities x 30 years", 212, 30), ("100,000 records", 3334, 30)]
GROWTH = [6_360, 25_000, 50_000, 100_000]
BATCHES = [100, 250, 1000, 2000, 5000, 25_000]
BARE = "import click, pydantic, jinja2, tabulate, durable.engine"
TARGETS = {6_360: 1.0, 100_000: 15.0}


def rss_mb() -> float:
    """Current resident memory of this process (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def synthetic_facts(count: int, seed: int = 2019) -> list[dict]:
    """`count` facts of valid records: municipalities x years, random facts, a fixed seed."""
    from pydantic import ValidationError

    from compliance import facts as factlib
    from compliance.lint import DOMAINS, REPORTING

    rng = random.Random(seed)
    found: list[dict] = []
    while len(found) < count:
        index = len(found)
        year = 1995 + 30 + index % 30  # 2025 - 2054: 30 report years
        given = {"year": year, **rng.choice(REPORTING)}
        given["stated_in"] = year if given["reported"] else (None if given["stated_in"] is None else year - rng.randint(1, 3))
        for name, domain in DOMAINS.items():
            value = rng.choice(domain)
            given[name] = value - 2019 + year if name == "programme_end" and value else value
        try:
            subject = factlib.subject_from_values({k: v for k, v in given.items() if v is not None}, f"m{index // 30}")
        except ValidationError:
            continue
        found.append(factlib.fact(subject))
    return found


def worker(method: str, count: int, batch: int) -> dict:
    """One measurement, in this process: evaluate `count` facts, report time and memory."""
    from compliance import conditions
    from compliance.engine import match
    from compliance.rules import load_rules

    rulebook = load_rules(BUNDLED / "rules")
    facts = synthetic_facts(count)
    before = rss_mb()
    cpu = time.process_time()
    start = time.perf_counter()
    if method == "durable":
        matched = match(rulebook, facts, batch=batch)
    else:
        tests = [(rule.id, conditions.compile(rule.when)) for rule in rulebook.rules]
        matched = [[rule_id for rule_id, holds in tests if holds(fact)] for fact in facts]
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    assert all(len(rule_ids) == 4 for rule_ids in matched), "every fact gets one rule per obligation"
    return {"method": method, "count": count, "batch": batch, "seconds": seconds, "cpu": cpu,
            "rss_before_mb": before, "peak_rss_mb": peak}


def phases() -> dict:
    """Where `compliance check --year 2019` spends its time, in this process."""
    marks = [("start", time.perf_counter())]
    import click, pydantic, jinja2, tabulate, durable.engine  # noqa: E401,F401  (the bare imports)

    marks.append(("bare imports", time.perf_counter()))
    import compliance.cli  # noqa: F401  (every command module, as the CLI loads them)

    marks.append(("import compliance.cli", time.perf_counter()))
    from compliance.validate import load_year

    registry, recordset = load_year(BUNDLED / "data", 2019)
    marks.append(("load and validate data (YAML, pydantic, sources)", time.perf_counter()))
    from compliance.rules import load_rules

    rulebook = load_rules(BUNDLED / "rules")
    marks.append(("load rule files", time.perf_counter()))
    from compliance.facts import Subject
    from compliance.judge import judge

    findings = judge(rulebook, [Subject(recordset.records[m.id], m.roma_seat, m.name) for m in registry])
    marks.append(("durable-rules and messages (judge)", time.perf_counter()))
    from compliance.findings import Assessment
    from compliance.render.table import render

    render(Assessment(2019, tuple(findings), "", ""), registry, "sl")
    marks.append(("table", time.perf_counter()))
    return {name: end - begin for (_, begin), (name, end) in zip(marks, marks[1:])}


def measure(method: str, count: int, batch: int = 1000, repeat: int = 3) -> dict:
    """The fastest of `repeat` runs, each in a fresh process (other load only slows a run)."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--worker", method, str(count), str(batch)],
            check=True, capture_output=True, text=True, cwd=ROOT,
        ).stdout
        runs.append(json.loads(out))
    return min(runs, key=lambda run: run["seconds"])


def startup(runs: int) -> dict:
    """Median wall time of `compliance check --year 2019` and of the bare imports."""
    compliance = Path(sys.executable).with_name("compliance")

    def timed(command: list[str]) -> tuple[float, float]:
        """Median wall time and median CPU time (user + system) of the command."""
        walls, cpus = [], []
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        return statistics.median(walls), statistics.median(cpus)

    bare, bare_cpu = timed([sys.executable, "-c", BARE])
    check, check_cpu = timed([str(compliance), "check", "--year", "2019"])
    return {"check": check, "bare": bare, "ratio": check / bare, "check_cpu": check_cpu, "bare_cpu": bare_cpu,
            "ratio_cpu": check_cpu / bare_cpu, "runs": runs}


def rows_for(results: list[dict]) -> list[str]:
    lines = ["| records | durable-rules s (CPU s) | records/s | peak RSS MB (before) | plain Python s (CPU s) | records/s | peak RSS MB |",
             "|---:|---:|---:|---:|---:|---:|---:|"]
    by = {(r["method"], r["count"]): r for r in results}
    for count in sorted({r["count"] for r in results}):
        d, p = by[("durable", count)], by[("plain", count)]
        lines.append(
            f"| {count:,} | {d['seconds']:.2f} ({d['cpu']:.2f}) | {count / d['seconds']:,.0f} | {d['peak_rss_mb']:.0f} ({d['rss_before_mb']:.0f}) "
            f"| {p['seconds']:.3f} ({p['cpu']:.3f}) | {count / p['seconds']:,.0f} | {p['peak_rss_mb']:.0f} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes; print, do not write the README")
    parser.add_argument("--worker", nargs=3, metavar=("METHOD", "COUNT", "BATCH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        method, count, batch = args.worker
        print(json.dumps(phases() if method == "phases" else worker(method, int(count), int(batch))))
        return

    counts = [6_360, 12_000] if args.quick else GROWTH
    results = []
    for count in counts:
        for method in ("durable", "plain"):
            results.append(measure(method, count))
            r = results[-1]
            print(f"{method:8} {count:>7,} records: {r['seconds']:.3f} s (CPU {r['cpu']:.3f} s), {count / r['seconds']:,.0f}/s, peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)
    batches = []
    for batch in ([250, 1000] if args.quick else BATCHES):
        batches.append(measure("durable", 25_000 if not args.quick else 6_360, batch))
        print(f"batch {batch:>6}: {batches[-1]['seconds']:.2f} s (CPU {batches[-1]['cpu']:.2f} s), peak RSS {batches[-1]['peak_rss_mb']:.0f} MB", flush=True)
    start = startup(3 if args.quick else 15)
    runs = [json.loads(subprocess.run([sys.executable, __file__, "--worker", "phases", "0", "0"], check=True,
                                      capture_output=True, text=True, cwd=ROOT).stdout) for _ in range(7)]
    parts = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    for name, seconds in parts.items():
        print(f"  {name}: {seconds * 1000:.0f} ms")
    print(f"check --year 2019: {start['check']:.3f} s (CPU {start['check_cpu']:.3f}); bare imports: {start['bare']:.3f} s "
          f"(CPU {start['bare_cpu']:.3f}); ratio {start['ratio']:.2f} (CPU {start['ratio_cpu']:.2f})")
    if args.quick:
        return

    cpu = next((l.split(":", 1)[1].strip() for l in Path("/proc/cpuinfo").read_text().splitlines() if l.startswith("model name")), platform.machine())
    import durable  # noqa: F401  (version from the installed distribution)
    from importlib.metadata import version

    per = {r["count"]: r for r in results if r["method"] == "durable"}
    lines = [
        "# Benchmarks",
        "",
        "Written by `benchmarks/bench_rules.py` (run it again to refresh): "
        f"Python {platform.python_version()}, durable-rules {version('durable-rules')}, {cpu}, {os.cpu_count()} CPUs.",
        "",
        "## Rule evaluation",
        "",
        "Synthetic records (random valid facts, fixed seed), each judged on the four obligations.",
        "*durable-rules* is `compliance.engine.match`, what `compliance check` runs: one sid,",
        "facts asserted in batches of 1,000, the state deleted after each batch. *plain Python*",
        "evaluates the same rule files' conditions, each compiled to a Python closure by",
        "`compliance.conditions.compile`: the floor. Each figure is the fastest of 3 runs, each in",
        "a fresh process, with CPU time in brackets (on a shared machine wall time can be slower).",
        "Peak RSS is the process's maximum resident memory (in brackets: before the evaluation,",
        "with the facts already built).",
        "",
        *rows_for(results),
        "",
        "Targets: 6,360 records in under 1 s "
        f"({'met' if per[6_360]['seconds'] < 1 else 'NOT met'}: {per[6_360]['seconds']:.2f} s); "
        "100,000 in under 15 s and under 1 GB "
        f"({'met' if per[100_000]['seconds'] < 15 and per[100_000]['peak_rss_mb'] < 1024 else 'NOT met'}: "
        f"{per[100_000]['seconds']:.2f} s, {per[100_000]['peak_rss_mb']:.0f} MB). "
        f"Growth: {per[100_000]['seconds'] / per[6_360]['seconds']:.1f}x the time for "
        f"{100_000 / 6_360:.1f}x the records.",
        "",
        "## Batch size (durable-rules, 25,000 records)",
        "",
        "| facts per assert_facts | s (CPU s) | records/s | peak RSS MB |",
        "|---:|---:|---:|---:|",
        *(f"| {b['batch']:,} | {b['seconds']:.2f} ({b['cpu']:.2f}) | {b['count'] / b['seconds']:,.0f} | {b['peak_rss_mb']:.0f} |" for b in batches),
        "",
        "## Start-up",
        "",
        f"Median of {start['runs']} runs:",
        "",
        "| command | wall s | CPU s |",
        "|---|---:|---:|",
        f"| `compliance check --year 2019` (27 municipalities, table) | {start['check']:.3f} | {start['check_cpu']:.3f} |",
        f"| `python -c \"{BARE}\"` | {start['bare']:.3f} | {start['bare_cpu']:.3f} |",
        f"| ratio (target at most 1.5) | {start['ratio']:.2f} | {start['ratio_cpu']:.2f} |",
        "",
        "Where the time of `check` goes (median of 7 runs, in one process, after interpreter start-up):",
        "",
        "| phase | ms |",
        "|---|---:|",
        *(f"| {name} | {seconds * 1000:.0f} |" for name, seconds in parts.items()),
        "",
    ]
    (HERE / "README.md").write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {HERE / 'README.md'}")


if __name__ == "__main__":
    main()
