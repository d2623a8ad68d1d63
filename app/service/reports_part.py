"""The report part of the service: the weekly report job once a minute, off the service loop.

`run_due_reports` records the service's beat, makes the reports that are due and sends
the e-mails that are due (the weekly report, and the alerts that the loop raised as it
ingested the proxy's events). Making a PDF or talking to a mail server can take many
seconds, so the job runs in a thread of its own with its own store (an SQLite
connection belongs to the thread that opened it); the loop only wakes it. A run that
is still going when the next minute comes is not doubled: that minute is skipped.
"""

import logging
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import database_path
from app.report.job import run_due_reports
from app.service.worker import StoreWorker
from app.store import Store

if TYPE_CHECKING:
    from app.service.parts import ServiceContext

RUN_EVERY = 60.0  # seconds

logger = logging.getLogger(__name__)

type Job = Callable[[Store, Path, datetime], object]


class Reports:
    """The part: `tick` wakes the report thread once a `RUN_EVERY` seconds."""

    def __init__(
        self,
        open_store: Callable[[], Store],
        data_dir: Path,
        *,
        job: Job = run_due_reports,
        every: float = RUN_EVERY,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.open_store = open_store
        self.data_dir = data_dir
        self.job = job
        self.every = every
        self.clock = clock
        self.now = now
        self.skipped = 0  # minutes skipped because the previous run was still going
        self._due = -float("inf")
        self._worker = StoreWorker("the report job", open_store, self._run)

    @classmethod
    def for_service(cls, context: "ServiceContext") -> "Reports":
        return cls(partial(Store.open, database_path(context.data_dir)), context.data_dir)

    @property
    def busy(self) -> bool:
        """A run is going on now."""
        return self._worker.busy

    @property
    def runs(self) -> int:
        """Finished runs, failed ones included."""
        return self._worker.runs

    def start(self) -> None:
        self._worker.start()

    def tick(self) -> None:
        """Wake the report thread if a minute has passed; never waits for it."""
        now = self.clock()
        if now < self._due:
            return
        self._due = now + self.every
        if not self._worker.wake():
            self.skipped += 1
            logger.info("the report job is still running; skipping this minute")

    def stop(self) -> None:
        self._worker.stop()

    def _run(self, store: Store) -> None:
        self.job(store, self.data_dir, self.now())
