"""The school part of the service: exam mode in step, the central policy polled, summaries written.

Ticked every second by the service loop. Downloads run in a thread of their own so a slow
server never holds up screen time; the store is touched only from the tick.
"""

import logging
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from app.listsources import Fetcher
from app.school import central
from app.school.summaries import write_summaries
from app.store import Store
from rules.school import SchoolError
from rules.text import Language

SUMMARY_EVERY = timedelta(hours=1)

logger = logging.getLogger(__name__)


class ServiceContextLike(Protocol):
    """What the part takes from the service's context (app.service.parts.ServiceContext)."""

    @property
    def store(self) -> Store: ...

    @property
    def language(self) -> Language: ...


@dataclass
class _Download:
    url: str
    result: tuple[bytes, bytes | None] | None = None
    error: str | None = None


class SchoolPart:
    """Keeps a lab PC's policy in step with the school's document, the timetable and the switch."""

    def __init__(
        self,
        store: Store,
        fetcher: Fetcher | None = None,
        clock: Callable[[], datetime] = datetime.now,
        pc_name: str | None = None,
        language: Language = Language.KK,
    ) -> None:
        self.store = store
        self.fetcher = fetcher or Fetcher()
        self.clock = clock
        self.pc_name = pc_name or socket.gethostname()
        self.language = language
        self._download: _Download | None = None
        self._thread: threading.Thread | None = None
        self._summaries_at: datetime | None = None

    @classmethod
    def for_service(cls, context: ServiceContextLike) -> "SchoolPart":
        return cls(context.store, language=context.language)

    def start(self) -> None:
        self.tick()

    def tick(self) -> None:
        now = self.clock()
        if central.document(self.store) is None:
            return
        if central.apply(self.store, now):
            switch = central.exam_switch(self.store)
            logger.info("school policy in force changed (exam switch %s)", switch)
        self._collect(now)
        if self._thread is None and central.poll_is_due(self.store, now):
            self._start_download(now)
        if self._summaries_at is None or now - self._summaries_at >= SUMMARY_EVERY:
            self.write_summaries(now)

    def stop(self) -> None:
        if self._thread is not None:
            self._thread.join(5)
        self.write_summaries(self.clock())

    def write_summaries(self, now: datetime) -> list[Path]:
        self._summaries_at = now
        current = central.document(self.store)
        if current is None or current.summary_share is None:
            return []
        try:
            return write_summaries(
                self.store, Path(current.summary_share), self.pc_name, now, self.language
            )
        except OSError as error:  # the share is offline: try again at the next hour
            logger.warning("cannot write lab summaries to %s: %s", current.summary_share, error)
            return []

    def _start_download(self, now: datetime) -> None:
        url = self.store.setting(central.URL)
        assert isinstance(url, str)  # poll_is_due checked it
        download = _Download(url)

        def run() -> None:
            try:
                download.result = central.download(url, self.fetcher)
            except SchoolError as error:
                download.error = str(error)

        self._download = download
        self._thread = threading.Thread(target=run, name="qorgan-school-poll", daemon=True)
        self._thread.start()

    def _collect(self, now: datetime) -> None:
        if self._thread is None or self._thread.is_alive() or self._download is None:
            return
        download, self._download, self._thread = self._download, None, None
        try:
            if download.error is not None:
                raise SchoolError(download.error)
            assert download.result is not None
            data, signature = download.result
            if central.accept(self.store, data, signature, download.url, now):
                logger.info("new school policy in force from %s", download.url)
            central.record(self.store, now, None)
        except SchoolError as error:
            logger.error("%s", error)
            central.record(self.store, now, str(error))

    def wait_for_download(self, timeout: float = 30.0) -> None:
        """Tests and `qorgan school update`: let a running download finish."""
        if self._thread is not None:
            self._thread.join(timeout)
