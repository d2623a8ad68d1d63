"""The budgets file the service publishes for the proxy, from the screen-time state file."""

import json
import os
from datetime import datetime
from pathlib import Path

from app.service.budgets import BUDGETS_NAME, BudgetPublisher
from app.service.screentime_store import write_state
from rules.categories import Category
from rules.ipc import JsonValue
from rules.screentime_state import STATE_NAME, BudgetFlags, budget_flags

NOW = datetime(2026, 11, 23, 18, 0)


def entry(day_used_up: bool, categories: list[str]) -> dict[str, JsonValue]:
    """A child's entry as the screen-time part writes it (status_to_dict plus the tray's)."""
    used: list[JsonValue] = [*categories]
    return {
        "day": "2026-11-23",
        "accounts": ["aruzhan"],
        "used_seconds": 7200,
        "free_seconds": 60,
        "allowance_seconds": 7200,
        "remaining_seconds": 0,
        "action": "lock",
        "time_up": "allowance",
        "next_warning_minutes": None,
        "day_used_up": day_used_up,
        "used_up_categories": used,
        "state": "used_up",
        "language": "kk",
        "notices": [{"id": 1, "kind": "time_up_allowance"}],
    }


def write(run_dir: Path, **children: dict[str, JsonValue]) -> Path:
    return write_state(run_dir, NOW, children)


def test_only_the_flags_go_to_the_proxy_with_the_states_time(tmp_path: Path) -> None:
    run = tmp_path / "data" / "run"
    state = write(run, Aruzhan=entry(True, ["games"]), Timur=entry(False, []))
    target = tmp_path / "proxy" / BUDGETS_NAME
    publisher = BudgetPublisher(run / STATE_NAME, target)
    assert publisher.publish()
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data == {
        "qorgan_screentime": 1,
        "children": {
            "aruzhan": {"day_used_up": True, "used_up_categories": ["games"]},
            "timur": {"day_used_up": False, "used_up_categories": []},
        },
    }
    assert budget_flags(data)["aruzhan"] == BudgetFlags(True, frozenset({Category.GAMES}))
    assert target.stat().st_mtime_ns == state.stat().st_mtime_ns
    assert target.stat().st_mode & 0o777 == 0o640
    assert list(target.parent.iterdir()) == [target]  # no temporary file left behind


def test_an_unchanged_state_is_not_looked_at_twice_and_same_flags_only_touch(
    tmp_path: Path,
) -> None:
    run = tmp_path / "run"
    write(run, Aruzhan=entry(True, []))
    target = tmp_path / BUDGETS_NAME
    publisher = BudgetPublisher(run / STATE_NAME, target)
    assert publisher.publish()
    assert not publisher.publish()
    inode = target.stat().st_ino
    state = write(run, Aruzhan={**entry(True, []), "used_seconds": 7203})
    os.utime(state, ns=(0, state.stat().st_mtime_ns + 3_000_000_000))  # the next poll
    assert publisher.publish()
    assert target.stat().st_ino == inode  # touched, not rewritten
    assert target.stat().st_mtime_ns == state.stat().st_mtime_ns
    write(run, Aruzhan=entry(False, []))  # a parent gave more time
    assert publisher.publish()
    assert target.stat().st_ino != inode
    assert budget_flags(json.loads(target.read_text()))["aruzhan"] == BudgetFlags()


def test_without_a_state_nothing_is_written_and_a_removed_file_comes_back(
    tmp_path: Path,
) -> None:
    run = tmp_path / "run"
    target = tmp_path / BUDGETS_NAME
    publisher = BudgetPublisher(run / STATE_NAME, target)
    assert not publisher.publish()
    assert not target.exists()
    state = write(run, Aruzhan=entry(True, []))
    assert publisher.publish()
    target.unlink()
    os.utime(state, ns=(0, state.stat().st_mtime_ns + 1_000_000_000))
    assert publisher.publish()
    assert budget_flags(json.loads(target.read_text()))["aruzhan"].day_used_up


def test_a_state_that_is_not_one_gives_no_flags(tmp_path: Path) -> None:
    run = tmp_path / "run"
    run.mkdir()
    (run / STATE_NAME).write_text("{not json")
    target = tmp_path / BUDGETS_NAME
    assert BudgetPublisher(run / STATE_NAME, target).publish()
    assert json.loads(target.read_text()) == {"qorgan_screentime": 1, "children": {}}
