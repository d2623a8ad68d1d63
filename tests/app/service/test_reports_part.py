"""The report part: the real report job once a minute in its own thread, with its own store."""

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from functools import partial
from pathlib import Path

import pytest

from app.paths import database_path
from app.report.job import RUNNING, run_due_reports
from app.school.part import SchoolPart
from app.service.lists_part import ListUpdates
from app.service.parts import ServiceContext, parts
from app.service.reports_part import Reports
from app.service.screentime import ScreenTime
from app.store import Store
from rules.report_uptime import spans_from_json
from rules.text import Language

NOW = datetime(2026, 11, 23, 18, 0)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wait_until(what: str, check: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:g} s")
        time.sleep(0.01)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data: Path) -> Iterator[Store]:
    with Store.open(database_path(data)) as opened:
        yield opened


def test_the_real_job_runs_in_its_own_thread_with_its_own_store(store: Store, data: Path) -> None:
    seen: list[tuple[threading.Thread, Store]] = []

    def job(job_store: Store, data_dir: Path, now: datetime) -> object:
        seen.append((threading.current_thread(), job_store))
        return run_due_reports(job_store, data_dir, now)

    part = Reports(partial(Store.open, database_path(data)), data, job=job, now=lambda: NOW)
    part.start()
    try:
        part.tick()
        wait_until("the first run", lambda: part.runs == 1)
        [(thread, job_store)] = seen
        assert thread is not threading.current_thread() and job_store is not store
        # The job's beat is in the database, for the loop's store to see.
        spans = spans_from_json(store.setting(RUNNING))
        assert spans and spans[-1].end == NOW
    finally:
        part.stop()
    assert not thread.is_alive()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        job_store.setting(RUNNING)  # the thread closed its store when it ended


def test_a_long_run_never_holds_up_the_loop_nor_runs_twice(data: Path) -> None:
    clock = Clock()
    release = threading.Event()
    running = []
    most = 0

    def job(job_store: Store, data_dir: Path, now: datetime) -> object:
        nonlocal most
        running.append(now)
        most = max(most, len(running))
        release.wait(10)
        running.pop()
        return []

    part = Reports(partial(Store.open, database_path(data)), data, job=job, clock=clock)
    part.start()
    try:
        part.tick()
        wait_until("the run starting", lambda: len(running) == 1)
        ticked = threading.Thread(target=part.tick)
        clock.now += 60
        ticked.start()
        ticked.join(5)
        assert not ticked.is_alive(), "tick waited for the running job"
        assert part.busy and part.skipped == 1
        clock.now += 30
        part.tick()  # not due: nothing happens
        assert part.skipped == 1
        release.set()
        wait_until("the run ending", lambda: part.runs == 1 and not part.busy)
        clock.now += 30
        part.tick()
        wait_until("the next minute's run", lambda: part.runs == 2)
        assert most == 1
    finally:
        release.set()
        part.stop()


def test_a_failing_run_is_logged_and_tried_again_next_minute(
    data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    calls = []

    def job(job_store: Store, data_dir: Path, now: datetime) -> object:
        calls.append(now)
        if len(calls) == 1:
            raise OSError("disk full")
        return []

    part = Reports(partial(Store.open, database_path(data)), data, job=job, clock=clock)
    part.start()
    try:
        part.tick()
        wait_until("the failed run", lambda: part.runs == 1)
        assert "the report job failed" in caplog.text
        clock.now += 60
        part.tick()
        wait_until("the second run", lambda: part.runs == 2)
    finally:
        part.stop()
    assert len(calls) == 2


def test_the_service_runs_the_report_and_list_parts(store: Store, data: Path) -> None:
    running = parts(ServiceContext(data, store, "demo", Language.EN))
    assert [type(part) for part in running] == [ScreenTime, Reports, ListUpdates, SchoolPart]
