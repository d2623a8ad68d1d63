"""Screen-time budgets in the proxy: the flags the service publishes, looked at once a second."""

import json
import logging
import os
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from rules.screentime_state import BudgetFlags, budget_flags

# Seconds: the service renews the file every poll (3 s); an older one means screen time
# is not being counted, and a budget never blocks the web on stale news.
MAX_AGE = 30.0
NO_FLAGS = BudgetFlags()

logger = logging.getLogger(__name__)

type Stamp = tuple[int, int, int]


class BudgetWatcher:
    """Each child's budget flags from the budgets file the snapshot names.

    The file is looked at (one stat) at most once per `interval` seconds and read only
    when it was replaced or touched, so a request costs a clock read. A file that is
    missing, unreadable or older than `max_age` gives no flags; the reason is logged
    once, and again when the flags apply once more.
    """

    def __init__(
        self,
        clock: Callable[[], float],
        wall: Callable[[], float] = time.time,
        interval: float = 1.0,
        max_age: float = MAX_AGE,
    ) -> None:
        self._clock = clock
        self._wall = wall
        self._interval = interval
        self._max_age = max_age
        self.path: Path | None = None
        self.problem: str | None = None  # why no flags apply now
        self._checked: float | None = None
        self._stamp: Stamp | None = None
        self._read: Mapping[str, BudgetFlags] = {}
        self._flags: Mapping[str, BudgetFlags] = {}

    def flags(self, path: Path | None, child: str) -> BudgetFlags:
        """The child's flags now; `path` is the budgets file of the snapshot in force."""
        now = self._clock()
        if path != self.path or self._checked is None or now - self._checked >= self._interval:
            if path != self.path:
                self.path, self._stamp, self._read = path, None, {}
            self._checked = now
            self._refresh()
        return self._flags.get(child.casefold(), NO_FLAGS)

    def _refresh(self) -> None:
        problem = self._look()
        if problem is not None:
            self._flags = {}
        if problem != self.problem:
            if problem is not None:
                logger.warning("screen-time budgets not applied: %s", problem)
            elif self.path is not None:
                logger.info("screen-time budgets applied from %s", self.path)
        self.problem = problem

    def _look(self) -> str | None:
        """Reload the file if it changed; why it cannot be used, or None."""
        if self.path is None:
            return "the policy snapshot names no budgets file"
        try:
            stat = os.stat(self.path)
        except OSError as error:
            return f"{self.path}: {error.strerror}"
        age = self._wall() - stat.st_mtime
        if abs(age) > self._max_age:
            return f"{self.path} is {age:.0f} s old: screen time is not being counted"
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if stamp != self._stamp:
            try:
                data = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as error:
                self._stamp = None
                return f"{self.path}: cannot be read ({error})"
            self._stamp, self._read = stamp, budget_flags(data)
        self._flags = self._read
        return None
