"""A thread of the service's with a store of its own, woken by the loop to run one job at a time.

Slow jobs (a PDF, a mail server, a list download) must not hold up the one-second loop, and
an SQLite connection belongs to the thread that opened it: so each such part owns a worker.
"""

import logging
import threading
from collections.abc import Callable

from app.store import Store

OPEN_WAIT = 10.0  # seconds start() waits for the thread's store, so that opens come first
STOP_WAIT = 15.0  # seconds stop() waits for a run to finish

logger = logging.getLogger(__name__)


def what_short(what: str) -> str:
    return what.removeprefix("the ")


class StoreWorker:
    """Runs `work(store)` when woken, never two at once; a failed run is logged, not fatal."""

    def __init__(
        self, what: str, open_store: Callable[[], Store], work: Callable[[Store], None]
    ) -> None:
        self.what = what  # for the log: "the report job"
        self.runs = 0  # finished runs, failed ones included
        self._open_store = open_store
        self._work = work
        self._wake = threading.Event()
        self._opened = threading.Event()
        self._stopping = False
        self._busy = False
        self._thread: threading.Thread | None = None

    @property
    def busy(self) -> bool:
        """A run is going on, or was asked for and has not finished."""
        return self._busy

    def start(self) -> None:
        self._thread = threading.Thread(
            target=self._serve, name=f"qorgan: {what_short(self.what)}", daemon=True
        )
        self._thread.start()
        # Opening a database sets the process umask for a moment: let it happen now, while
        # the loop writes no files, rather than when the loop writes the snapshot.
        self._opened.wait(OPEN_WAIT)

    def wake(self) -> bool:
        """Ask for a run; False (and nothing asked) while one is still going."""
        if self._busy:
            return False
        self._busy = True
        self._wake.set()
        return True

    def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._thread is not None:
            self._thread.join(STOP_WAIT)
            if self._thread.is_alive():
                logger.warning("%s did not finish within %g s", self.what, STOP_WAIT)

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
                        self._work(store)
                except Exception:
                    logger.exception("%s failed; it runs again when next asked", self.what)
                finally:
                    self.runs += 1
                    self._busy = False
        finally:
            self._opened.set()
            if store is not None:
                store.close()

    def _open(self) -> Store | None:
        try:
            return self._open_store()
        except Exception:
            logger.exception("%s cannot open the database; trying again", self.what)
            return None
