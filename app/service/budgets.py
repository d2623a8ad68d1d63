"""Screen-time budgets for the proxy: the flags of the screen-time state, where the proxy reads.

The screen-time part replaces `run/screentime.json` every poll, in the data folder that
the root service keeps to itself. The proxy needs two facts from it per child (the day's
allowance is spent; which categories' budgets are spent), so only those go beside the
policy snapshot, in a file of their own, replaced at once. The file keeps the state
file's modification time: an old state makes an old budgets file, which the proxy
ignores (fail safe: no budget blocks on stale news).
"""

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from app.service.screentime_store import read_state
from rules.ipc import JsonValue
from rules.screentime_state import STATE_VERSION, BudgetFlags, budget_flags

BUDGETS_NAME = "screentime-budgets.json"

# Seconds: the screen-time part renews its state every poll; an older file is not news of now.
FRESH_FOR = 30.0

type Stamp = tuple[int, int, int]


def current_flags(
    state_file: Path, child: str, wall: Callable[[], float] = time.time
) -> BudgetFlags:
    """The child's budget flags from a state file renewed in the last `FRESH_FOR` seconds.

    A missing, unreadable or old file gives no flags, as the proxy does: a budget never
    blocks on stale news.
    """
    try:
        age = wall() - state_file.stat().st_mtime
    except OSError:
        return BudgetFlags()
    if abs(age) > FRESH_FOR:
        return BudgetFlags()
    return budget_flags(read_state(state_file.parent)).get(child.casefold(), BudgetFlags())


def budgets_data(state: object) -> dict[str, JsonValue]:
    """What the proxy may know of a screen-time state: each child's flags, no time or apps."""
    children: dict[str, JsonValue] = {
        name: {
            "day_used_up": flags.day_used_up,
            "used_up_categories": [str(c) for c in sorted(flags.used_up_categories)],
        }
        for name, flags in sorted(budget_flags(state).items())
    }
    return {"qorgan_screentime": STATE_VERSION, "children": children}


class BudgetPublisher:
    """Follows the state file and keeps the proxy's budgets file in step with it."""

    def __init__(self, state_file: Path, target: Path) -> None:
        self.state_file = state_file
        self.target = target
        self._stamp: Stamp | None = None
        self._written: dict[str, JsonValue] | None = None

    def publish(self) -> bool:
        """One look at the state file (a stat); True when the budgets file was renewed.

        New flags replace the file; the same flags only move its modification time on.
        With no state file nothing is written, and the proxy's file grows old by itself.
        """
        try:
            stat = self.state_file.stat()
        except OSError:
            return False
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if stamp == self._stamp:
            return False
        data = budgets_data(read_state(self.state_file.parent))
        times = (stat.st_atime_ns, stat.st_mtime_ns)
        if data == self._written:
            try:
                os.utime(self.target, ns=times)
            except FileNotFoundError:
                self._write(data, times)
        else:
            self._write(data, times)
        self._stamp = stamp
        return True

    def _write(self, data: dict[str, JsonValue], times: tuple[int, int]) -> None:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.target.with_name(f".{self.target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.chmod(0o640)  # the root service's proxy reads it through its group
        os.utime(temporary, ns=times)
        os.replace(temporary, self.target)
        self._written = data
