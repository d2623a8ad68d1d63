"""Screen-time budgets in the proxy: the watcher of the budgets file, and the filter using it."""

import json
import logging
import os
from datetime import datetime
from pathlib import Path

import pytest
from mitmproxy.test import taddons, tflow

from app.service.snapshot import write_snapshot
from proxy.budgets import BudgetWatcher
from proxy.policyfilter import DECISION_KEY, PolicyFilter
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import ChildProfile, Policy
from rules.screentime_state import BudgetFlags
from rules.text import Language
from rules.wire import event_from_json

NOON = datetime(2026, 11, 23, 12, 0)
WALL = 1_800_000_000.0
ARUZHAN = ChildProfile("Aruzhan", AgeClass.TWELVE, language=Language.EN)


class Clock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def write_budgets(path: Path, children: dict[str, object], mtime: float = WALL) -> None:
    """Replace the file the way the service does, with the state's time as its own."""
    data = {"qorgan_screentime": 1, "children": children}
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.utime(temporary, (mtime, mtime))
    os.replace(temporary, path)


def spent(day: bool = True, categories: tuple[str, ...] = ()) -> dict[str, object]:
    return {"day_used_up": day, "used_up_categories": list(categories)}


@pytest.fixture
def clock() -> Clock:
    return Clock(100.0)


@pytest.fixture
def wall() -> Clock:
    return Clock(WALL + 2)


@pytest.fixture
def watcher(clock: Clock, wall: Clock) -> BudgetWatcher:
    return BudgetWatcher(clock, wall)


def test_a_fresh_file_gives_each_childs_flags_by_name(
    tmp_path: Path, watcher: BudgetWatcher
) -> None:
    path = tmp_path / "budgets.json"
    write_budgets(path, {"aruzhan": spent(True, ("games", "no-such-category"))})
    assert watcher.flags(path, "ARUZHAN") == BudgetFlags(True, frozenset({Category.GAMES}))
    assert watcher.flags(path, "Timur") == BudgetFlags()
    assert watcher.problem is None


def test_the_file_is_looked_at_at_most_once_a_second(
    tmp_path: Path, watcher: BudgetWatcher, clock: Clock
) -> None:
    path = tmp_path / "budgets.json"
    write_budgets(path, {"aruzhan": spent()})
    assert watcher.flags(path, "Aruzhan").day_used_up
    write_budgets(path, {"aruzhan": spent(False)})
    clock.now += 0.5
    assert watcher.flags(path, "Aruzhan").day_used_up  # not looked at again yet
    clock.now += 0.5
    assert not watcher.flags(path, "Aruzhan").day_used_up


def test_a_stale_or_missing_file_blocks_nothing_and_says_why_once(
    tmp_path: Path,
    watcher: BudgetWatcher,
    clock: Clock,
    wall: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="proxy.budgets")
    path = tmp_path / "budgets.json"
    write_budgets(path, {"aruzhan": spent()})
    assert watcher.flags(path, "Aruzhan").day_used_up
    wall.now += 31  # the service stopped renewing it
    clock.now += 1
    assert watcher.flags(path, "Aruzhan") == BudgetFlags()
    assert "33 s old" in (watcher.problem or "")
    clock.now += 1
    watcher.flags(path, "Aruzhan")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "not applied" in warnings[0].getMessage()
    os.utime(path, (wall.now, wall.now))  # the service touches it again
    clock.now += 1
    assert watcher.flags(path, "Aruzhan").day_used_up
    assert "applied from" in caplog.records[-1].getMessage()
    path.unlink()
    clock.now += 1
    assert watcher.flags(path, "Aruzhan") == BudgetFlags()
    assert "No such file" in (watcher.problem or "")


def test_an_unreadable_file_or_no_file_named_gives_no_flags(
    tmp_path: Path, watcher: BudgetWatcher, clock: Clock
) -> None:
    path = tmp_path / "budgets.json"
    path.write_text("{half")
    os.utime(path, (WALL, WALL))
    assert watcher.flags(path, "Aruzhan") == BudgetFlags()
    assert "cannot be read" in (watcher.problem or "")
    assert watcher.flags(None, "Aruzhan") == BudgetFlags()
    assert watcher.problem == "the policy snapshot names no budgets file"
    write_budgets(path, {"aruzhan": spent()})
    assert watcher.flags(path, "Aruzhan").day_used_up  # a new path is looked at at once


@pytest.mark.parametrize(
    ("children", "url", "rule_id"),
    [
        ({"aruzhan": spent()}, "http://example.com/", "budget:day"),
        ({"aruzhan": spent(False, ("games",))}, "http://roblox.com/", "budget:games"),
        ({"aruzhan": spent(False, ("games",))}, "http://example.com/", None),
        ({"timur": spent()}, "http://example.com/", None),
    ],
)
def test_the_filter_blocks_with_the_budget_step_when_time_is_used_up(
    tmp_path: Path, children: dict[str, object], url: str, rule_id: str | None
) -> None:
    budgets = tmp_path / "screentime-budgets.json"
    write_budgets(budgets, children, datetime.now().timestamp())
    snapshot = write_snapshot(
        tmp_path, Policy(children=(ARUZHAN,)), None, "Aruzhan", budgets_file=budgets
    )
    addon = PolicyFilter(now=lambda: NOON)
    with taddons.context(addon) as tctx:
        tctx.configure(
            addon, qorgan_snapshot=str(snapshot), qorgan_events=str(tmp_path / "events.jsonl")
        )
        flow = tflow.tflow()
        flow.request.url = url
        addon.requestheaders(flow)
        addon.spool.flush()
    decision = flow.metadata[DECISION_KEY]
    if rule_id is None:
        assert decision.verdict is Verdict.ALLOW and flow.response is None
        return
    assert (decision.verdict, decision.reason.step, decision.reason.rule_id) == (
        Verdict.BLOCK,
        Step.BUDGET,
        rule_id,
    )
    assert flow.response is not None and flow.response.status_code == 403
    assert "The time for today is used up." in (flow.response.get_text() or "")
    event = event_from_json((tmp_path / "events.jsonl").read_text().splitlines()[0])
    assert (event.child, event.step) == ("Aruzhan", Step.BUDGET)


def test_a_stale_budgets_file_in_the_filter_lets_the_site_through(tmp_path: Path) -> None:
    budgets = tmp_path / "screentime-budgets.json"
    write_budgets(budgets, {"aruzhan": spent()}, datetime.now().timestamp() - 60)
    snapshot = write_snapshot(
        tmp_path, Policy(children=(ARUZHAN,)), None, "Aruzhan", budgets_file=budgets
    )
    addon = PolicyFilter(now=lambda: NOON)
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot))
        flow = tflow.tflow()
        flow.request.url = "http://example.com/"
        addon.requestheaders(flow)
    assert flow.metadata[DECISION_KEY].verdict is Verdict.ALLOW
    assert addon.budgets.problem is not None and "old" in addon.budgets.problem
