"""The GUI's connection to the service: JSON lines over a QLocalSocket, driven by Qt signals.

Nothing here blocks: a call is written and its `PendingCall` answers later, in the GUI
thread, when the reply line arrives. Calls made while connecting wait in a queue; the
connection comes back by itself after the service restarts.
"""

import itertools
import logging
from collections import OrderedDict, deque
from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalSocket

from app.paths import ipc_server_name
from rules.ipc import (
    MAX_LINE_BYTES,
    ErrorCode,
    IpcError,
    JsonValue,
    Request,
    decode_reply,
    encode_request,
)

logger = logging.getLogger(__name__)

UNREACHABLE = "the Qorgan service is not reachable"
RETRY_MS = (500, 1000, 2000, 5000)
_STATE = QLocalSocket.LocalSocketState


class PendingCall(QObject):
    """One request on its way: `succeeded(result)` or `failed(IpcError)`, once."""

    succeeded = Signal(object)
    failed = Signal(object)

    def __init__(self, request: Request, parent: QObject) -> None:
        super().__init__(parent)
        self.request = request
        self.done = False

    @property
    def method(self) -> str:
        return self.request.method

    def finish(self, result: JsonValue = None, error: IpcError | None = None) -> None:
        if self.done:
            return
        self.done = True
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.deleteLater()


def unreachable_error() -> IpcError:
    return IpcError(ErrorCode.INTERNAL, UNREACHABLE)


def is_unreachable(error: IpcError) -> bool:
    return error.code is ErrorCode.INTERNAL and error.message == UNREACHABLE


class ServiceClient(QObject):
    """Requests to the service at `path`, answered in order; reconnects until stopped.

    `connection_changed(bool)` tells when the service comes and goes; `session_lost`
    when the service no longer knows the parent's session (idle too long, restarted).
    """

    connection_changed = Signal(bool)
    session_lost = Signal()

    def __init__(
        self, path: Path, parent: QObject | None = None, reply_timeout_ms: int = 15000
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.token: str | None = None
        self._ids = itertools.count(1)
        self._queued: deque[PendingCall] = deque()
        self._sent: OrderedDict[int, PendingCall] = OrderedDict()
        self._retries = 0
        self._running = False
        self._connected = False
        self._socket = QLocalSocket(self)
        self._socket.connected.connect(self._on_connected)
        self._socket.stateChanged.connect(self._on_state)
        self._socket.errorOccurred.connect(self._on_error)
        self._socket.readyRead.connect(self._on_ready_read)
        self._retry = QTimer(self, singleShot=True)
        self._retry.timeout.connect(self._connect)
        self._watchdog = QTimer(self, singleShot=True, interval=reply_timeout_ms)
        self._watchdog.timeout.connect(self._on_silence)

    @property
    def connected(self) -> bool:
        return self._connected

    def start(self) -> None:
        """Connect, and keep reconnecting whenever the connection is lost."""
        self._running = True
        self._connect()

    def stop(self) -> None:
        self._running = False
        self._retry.stop()
        self._socket.abort()
        self._fail_all(unreachable_error())

    def call(self, method: str, params: Mapping[str, JsonValue] | None = None) -> PendingCall:
        """Send `method` now, or as soon as the connection being made is up."""
        request = Request(next(self._ids), method, dict(params or {}), self.token)
        pending = PendingCall(request, self)
        if self._connected:
            self._send(pending)
        elif self._running and self._socket.state() == _STATE.ConnectingState:
            self._queued.append(pending)
        else:
            # Answered from the event loop, so the caller can connect to the signals first.
            QTimer.singleShot(0, pending, lambda: pending.finish(error=unreachable_error()))
        return pending

    def _connect(self) -> None:
        if not self._running or self._socket.state() != _STATE.UnconnectedState:
            return
        self._socket.connectToServer(ipc_server_name(self.path))

    def _send(self, pending: PendingCall) -> None:
        self._sent[pending.request.id] = pending
        self._socket.write(encode_request(pending.request))
        if not self._watchdog.isActive():
            self._watchdog.start()

    def _on_connected(self) -> None:
        self._connected = True
        self._retries = 0
        while self._queued:
            self._send(self._queued.popleft())
        self.connection_changed.emit(True)

    def _on_error(self, error: QLocalSocket.LocalSocketError) -> None:
        logger.debug("IPC socket: %s", self._socket.errorString())

    def _on_state(self, state: QLocalSocket.LocalSocketState) -> None:
        if state == _STATE.UnconnectedState:
            self._on_lost()

    def _on_lost(self) -> None:
        was_connected, self._connected = self._connected, False
        self._watchdog.stop()
        self._fail_all(unreachable_error())
        if was_connected:
            self.connection_changed.emit(False)
        if self._running and not self._retry.isActive():
            self._retry.start(RETRY_MS[min(self._retries, len(RETRY_MS) - 1)])
            self._retries += 1

    def _on_silence(self) -> None:
        logger.warning("the service did not answer in time; reconnecting")
        self._socket.abort()
        self._on_lost()

    def _fail_all(self, error: IpcError) -> None:
        waiting = [*self._sent.values(), *self._queued]
        self._sent.clear()
        self._queued.clear()
        for pending in waiting:
            pending.finish(error=error)

    def _on_ready_read(self) -> None:
        while self._socket.canReadLine():
            line = bytes(self._socket.readLine(MAX_LINE_BYTES + 1).data())
            self._on_line(line)
        if self._socket.bytesAvailable() > MAX_LINE_BYTES:
            logger.warning("the service sent a line longer than %d bytes", MAX_LINE_BYTES)
            self._socket.abort()
            self._on_lost()

    def _on_line(self, line: bytes) -> None:
        try:
            reply = decode_reply(line)
        except IpcError as garbled:
            logger.warning("a reply that is not one: %s", garbled)
            self._socket.abort()
            self._on_lost()
            return
        pending = self._sent.pop(reply.id, None)
        if pending is None and reply.id == 0 and self._sent:
            # The service could not read our oldest request, so could not name it.
            pending = self._sent.pop(next(iter(self._sent)))
        if pending is None:
            logger.warning("a reply to no request: %d", reply.id)
            return
        if self._sent:
            self._watchdog.start()
        else:
            self._watchdog.stop()
        error = reply.error
        if (
            error is not None
            and error.code is ErrorCode.UNAUTHORIZED
            and pending.request.token is not None
            and pending.request.token == self.token
        ):
            self.token = None
            self.session_lost.emit()
        pending.finish(reply.result, error)
