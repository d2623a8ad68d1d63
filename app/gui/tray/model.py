"""The tray's model: the child's time from the service, warnings as the end comes near, asking.

The screen-time part words its own notices (warnings at 15, 5 and 1 minutes, time up, time
granted) and numbers them; the tray shows each new one once. With a service that sends no
notices, the tray warns by itself when the minutes left cross 15, 5 and 1.
"""

import time
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject, QTimer, Signal

from app.gui.i18n import current_language
from app.gui.qtipc import ServiceClient
from app.gui.screentime import TimeStatus, notices_in, text_in, time_status
from app.gui.texts import error_text
from rules.ipc import ErrorCode, IpcError, JsonValue

WARN_AT = (15, 5, 1)  # minutes left (DOMAIN.md §7)
POLL_MS = 10_000
REFUSED_QUIET = 300.0  # seconds: one notice per refused host in this while


class TrayModel(QObject):
    """Asks `screentime.status` every ten seconds and tells what is new.

    `refused(host, category, can_ask)`: a blocked site was refused at the handshake, so the
    child saw a browser error instead of the block page; told once per host in five minutes.
    """

    status_changed = Signal()
    warned = Signal(int)
    noticed = Signal(str)
    asked = Signal(str)
    ask_failed = Signal(str)
    refused = Signal(str, object, bool)
    site_asked = Signal(str)
    site_ask_failed = Signal(str)

    def __init__(
        self,
        client: ServiceClient,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self._clock = clock
        self._refused_told: dict[str, float] = {}
        self.status: TimeStatus | None = None
        self.available: bool | None = None  # None until the service has answered once
        self.reachable = False
        self._warned: set[int] = set()
        self._day = date.today()
        self._last_notice: int | None = None
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)
        client.connection_changed.connect(self._on_connection)

    def start(self) -> None:
        self.timer.start()
        self.poll()

    def _on_connection(self, up: bool) -> None:
        self.reachable = up
        if up:
            self.poll()
        else:
            self.status_changed.emit()

    def poll(self) -> None:
        call = self.client.call("screentime.status")
        call.succeeded.connect(self._on_status)
        call.failed.connect(self._on_error)

    def _on_status(self, result: JsonValue) -> None:
        self.reachable = True
        self.available = True
        self.status = time_status(result)
        if isinstance(result, dict) and "notices" in result:
            self._show_notices(result)
        else:
            self._check_warnings(date.today())
        self._tell_refused(result)
        self.status_changed.emit()

    def _tell_refused(self, result: JsonValue) -> None:
        items = result.get("refused") if isinstance(result, dict) else None
        now = self._clock()
        self._refused_told = {
            host: at for host, at in self._refused_told.items() if now - at < REFUSED_QUIET
        }
        for item in items if isinstance(items, list) else []:
            host = item.get("host") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not isinstance(host, str) or not host:
                continue
            if host in self._refused_told:
                continue
            self._refused_told[host] = now
            category = item.get("category")
            can_ask = item.get("can_ask") is True
            self.refused.emit(host, category if isinstance(category, str) else None, can_ask)

    def ask_site(self, host: str) -> None:
        """Ask a parent to open a site that was refused; the parent answers in the console."""
        call = self.client.call("sites.ask", {"host": host})
        call.succeeded.connect(lambda result: self.site_asked.emit(host))
        call.failed.connect(lambda error: self.site_ask_failed.emit(self._site_error(error)))

    def _site_error(self, error: IpcError) -> str:
        if error.code is ErrorCode.UNKNOWN_METHOD:
            return self.tr(
                "Asking for a site is not available on this PC yet. Ask a parent in person."
            )
        return error_text(error)

    def _show_notices(self, result: JsonValue) -> None:
        numbered = notices_in(result)
        first_look = self._last_notice is None
        newest = max((number for number, _ in numbered), default=0)
        for number, notice in numbered:
            if first_look or number <= (self._last_notice or 0):
                continue  # shown already, or from before the tray started
            text = text_in(notice.get("text"), str(current_language()))
            if text:
                self.noticed.emit(text)
        self._last_notice = max(newest, self._last_notice or 0)

    def _on_error(self, error: IpcError) -> None:
        self.reachable = error.code is not ErrorCode.INTERNAL
        if error.code is ErrorCode.UNKNOWN_METHOD:
            self.available = False
        self.status = None
        self.status_changed.emit()

    def _check_warnings(self, today: date) -> None:
        if today != self._day:
            self._day, self._warned = today, set()
        status = self.status
        left = status.remaining if status is not None else None
        if left is None or status is None or status.allowance is None:
            return
        self._warned = {m for m in self._warned if m >= left}  # a parent gave more time
        due = [m for m in WARN_AT if left <= m and m not in self._warned]
        if due:
            self._warned.update(m for m in WARN_AT if m >= left)
            self.warned.emit(max(left, 0))

    def ask(self, minutes: int, message: str) -> None:
        """Ask a parent for `minutes` more; the parent answers in the console or with the PIN."""
        call = self.client.call("screentime.ask", {"minutes": minutes, "message": message})
        call.succeeded.connect(self._on_asked)
        call.failed.connect(lambda error: self.ask_failed.emit(self._ask_error(error)))

    def _on_asked(self, result: JsonValue) -> None:
        notice = result.get("notice") if isinstance(result, dict) else None
        self.asked.emit(text_in(notice, str(current_language())) or "")

    def _ask_error(self, error: IpcError) -> str:
        if error.code is ErrorCode.UNKNOWN_METHOD:
            return self.tr(
                "Asking for time is not available on this PC yet. Ask a parent in person."
            )
        if error.code is ErrorCode.NOT_FOUND:
            return self.tr("Qorgan does not supervise this account, so there is no one to ask.")
        return error_text(error)
