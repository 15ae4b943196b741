"""Years shared with a forked helper process: the same results, in order, whatever happens to it."""

from __future__ import annotations

import os
import sys

import pytest

from compliance import parallel

PARENT = os.getpid()
pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="helpers fork on Linux only")


def where(item: int) -> tuple[int, bool]:
    return item, os.getpid() == PARENT


def dies_in_the_helper(item: int) -> int:
    if os.getpid() != PARENT:
        os._exit(9)  # as if killed: the pool breaks
    return item * 10


def test_the_second_half_runs_in_a_helper_and_results_keep_their_order(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "2")
    assert parallel.map_shared(where, range(5)) == [(0, True), (1, True), (2, False), (3, False), (4, False)]


def test_one_job_or_little_work_stays_in_this_process(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "1")
    assert all(here for _, here in parallel.map_shared(where, range(20)))
    monkeypatch.delenv(parallel.JOBS_ENV)
    assert all(here for _, here in parallel.map_shared(where, range(parallel.MIN_ITEMS - 1)))


def test_a_helper_that_dies_leaves_its_share_to_this_process(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "2")
    assert parallel.map_shared(dies_in_the_helper, range(4)) == [0, 10, 20, 30]


def test_a_years_problems_survive_the_way_back_from_the_helper(data_copy, monkeypatch):
    """Problems carry catalog messages (a model validator's among them): pickled and back,
    they say the same, so the helper's share is not read again."""
    import pickle

    from compliance import validate
    from compliance.registry import read_registry

    records = data_copy / "records" / "2019.yaml"
    text = records.read_text(encoding="utf-8")
    records.write_text(text.replace("period: null", "period: {start: 2020, end: 2010}", 1), encoding="utf-8")
    registry, _ = read_registry(data_copy)
    result = validate._read_year(data_copy, 2019, registry)
    assert result[1], "the period running backwards is a problem"
    back = pickle.loads(pickle.dumps(result))
    assert [p.render("sl") for p in back[1]] == [p.render("sl") for p in result[1]]
