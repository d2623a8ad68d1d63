"""The report part of the service: the weekly report job once a minute, off the service loop.

`run_due_reports` records the service's beat, makes the reports that are due and sends
the e-mails that are due (the weekly report, and the alerts that the loop raised as it
ingested the proxy's events). Making a PDF or talking to a mail server can take many
seconds, so the job runs in a thread of its own with its own store (an SQLite
connection belongs to the thread that opened it); the loop only wakes it. A run that
is still going when the next minute comes is not doubled: that minute is skipped.
"""

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import database_path
from app.report.job import run_due_reports
from app.store import Store

if TYPE_CHECKING:
    from app.service.parts import ServiceContext

RUN_EVERY = 60.0  # seconds
OPEN_WAIT = 10.0  # seconds start() waits for the thread's store, so that opens come first
STOP_WAIT = 15.0  # seconds stop() waits for a run to finish

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
        self.runs = 0  # finished runs, failed ones included
        self.skipped = 0  # minutes skipped because the previous run was still going
        self._due = -float("inf")
        self._wake = threading.Event()
        self._opened = threading.Event()
        self._stopping = False
        self._busy = False
        self._thread: threading.Thread | None = None

    @classmethod
    def for_service(cls, context: "ServiceContext") -> "Reports":
        return cls(partial(Store.open, database_path(context.data_dir)), context.data_dir)

    @property
    def busy(self) -> bool:
        """A run is going on now."""
        return self._busy

    def start(self) -> None:
        self._thread = threading.Thread(target=self._serve, name="qorgan reports", daemon=True)
        self._thread.start()
        # Opening a database sets the process umask for a moment: let it happen now, while
        # the loop writes no files, rather than when the loop writes the snapshot.
        self._opened.wait(OPEN_WAIT)

    def tick(self) -> None:
        """Wake the report thread if a minute has passed; never waits for it."""
        now = self.clock()
        if now < self._due:
            return
        self._due = now + self.every
        if self._busy:
            self.skipped += 1
            logger.info("the report job is still running; skipping this minute")
            return
        self._busy = True
        self._wake.set()

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(STOP_WAIT)
            if self._thread.is_alive():
                logger.warning("the report job did not finish within %g s", STOP_WAIT)

    def _serve(self) -> None:
        store = None
        try:
            store = self._open()
            self._opened.set()
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                if store is None:
                    store = self._open()
                try:
                    if store is not None:
                        self.job(store, self.data_dir, self.now())
                except Exception:
                    logger.exception("the report job failed; trying again in a minute")
                finally:
                    self.runs += 1
                    self._busy = False
        finally:
            self._opened.set()
            if store is not None:
                store.close()

    def _open(self) -> Store | None:
        try:
            return self.open_store()
        except Exception:
            logger.exception("the report job cannot open the database; trying again")
            return None
