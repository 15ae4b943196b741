"""Sharing independent work (one item per year) with a helper process.

A 30-year `check` spends most of its time parsing and validating each year's records, and
the years do not depend on each other: on a machine with a core to spare, a forked helper
process reads the second half of the years while this one reads the first. Forking copies
the loaded code and data at no cost; where the platform does not fork cheaply and safely
(Windows, macOS), while other threads run (a fork copies their locks), or when the work is
small, everything runs here, with the same results in the same order.

What the helper reads is recorded for the start-up cache as if this process had read it
(compliance.cache), so an edit to a year the helper read is seen like any other.
`COMPLIANCE_JOBS=1` turns helpers off; `COMPLIANCE_JOBS=2` uses one even for little work.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from typing import Callable, Sequence, TypeVar

from compliance import cache

T = TypeVar("T")
R = TypeVar("R")

JOBS_ENV = "COMPLIANCE_JOBS"
# Below this many items (years) starting a helper and passing its results back cost about
# what it saves (benchmarks/bench_years.py).
MIN_ITEMS = 8


def _use_helper(items: int) -> bool:
    if items < 2 or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return False
    jobs = os.environ.get(JOBS_ENV, "").strip()
    if jobs.isdigit():
        return int(jobs) > 1
    return items >= MIN_ITEMS and len(os.sched_getaffinity(0)) > 1


def _run(function: Callable[[T], R], items: Sequence[T]) -> tuple[list[R], set]:
    return cache.recording(lambda: [function(item) for item in items])


def map_shared(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """[function(item) for item in items], the second half in a forked helper where that pays.

    `function` must be picklable (a module-level function or a partial of one), and so
    must its results."""
    items = list(items)
    if not _use_helper(len(items)):
        return [function(item) for item in items]
    import concurrent.futures  # imported here: a run of a year or two never needs them
    import multiprocessing
    from concurrent.futures.process import BrokenProcessPool

    half = len(items) // 2
    with concurrent.futures.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        theirs = pool.submit(_run, function, items[half:])
        mine = [function(item) for item in items[:half]]
        try:
            results, read = theirs.result()
        except (BrokenProcessPool, pickle.PicklingError, AttributeError, TypeError, KeyError):
            # The helper was killed (out of memory...), or its results did not survive the way
            # back: its share is done here, where a genuine error shows as it would have.
            return mine + [function(item) for item in items[half:]]
    cache.note(read)
    return mine + results
