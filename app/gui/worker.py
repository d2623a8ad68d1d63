"""Slow local look-ups (accounts, installed apps) off the GUI thread.

The work runs in a plain Python thread that touches no Qt object; a timer in the GUI
thread picks the result up. So no signal crosses threads, and a view closed meanwhile
simply never hears back (its timer went with it).
"""

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, QTimer

POLL_MS = 30
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="qorgan-gui-lookup")


def in_background[T](work: Callable[[], T], on_done: Callable[[T], object], owner: QObject) -> None:
    """Run `work` in a worker thread; `on_done(result)` runs later in `owner`'s (GUI) thread.

    If `work` raises, `on_done` is not called: the view shows an empty list.
    """
    future: Future[T] = _pool.submit(work)
    timer = QTimer(owner, interval=POLL_MS)

    def collect() -> None:
        if not future.done():
            return
        timer.stop()
        timer.deleteLater()
        if future.exception() is None:
            on_done(future.result())

    timer.timeout.connect(collect)
    timer.start()
