"""The service's local socket: one thread a connection, each request answered in order."""

import logging
import os
import socket
import socketserver
import struct
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rules.ipc import MAX_LINE_BYTES, ErrorCode, IpcError, Reply, encode_reply

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Peer:
    """Who is on the other end, as the kernel says (SO_PEERCRED), when it can say.

    On Windows there is no uid: the named pipe's client process token gives the account's
    SID and name (app.ipc.windows_pipe).
    """

    pid: int | None
    uid: int | None
    sid: str | None = None
    account: str | None = None


type Dispatch = Callable[[bytes, Peer], Reply]


def peer_of(connection: socket.socket) -> Peer:
    """The connected process's pid and uid from the kernel; unknown where the OS cannot tell."""
    if sys.platform != "linux":
        return Peer(None, None)
    raw = connection.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    pid, uid, _ = struct.unpack("3i", raw)
    return Peer(pid, uid)


class _Connection(socketserver.StreamRequestHandler):
    server: "_Server"

    def handle(self) -> None:
        peer = peer_of(self.connection)
        while True:
            line = self.rfile.readline(MAX_LINE_BYTES + 1)
            if not line:
                return
            if not line.endswith(b"\n") and len(line) > MAX_LINE_BYTES:
                error = IpcError(ErrorCode.BAD_REQUEST, "message too long; closing")
                self.wfile.write(encode_reply(Reply(0, error=error)))
                return
            self.wfile.write(encode_reply(self.server.dispatch(line, peer)))
            self.wfile.flush()


class _Server(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def __init__(self, path: Path, dispatch: Dispatch) -> None:
        self.dispatch = dispatch
        super().__init__(str(path), _Connection)


class IpcServer:
    """Listens on a Unix socket at `path` with `mode` permissions until stopped."""

    def __init__(self, path: Path, dispatch: Dispatch, mode: int = 0o600) -> None:
        self.path = path
        self._dispatch = dispatch
        self._mode = mode
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if self.path.is_socket():
            self.path.unlink()  # left behind by a service that did not stop cleanly
        previous = os.umask(0o177)
        try:
            self._server = _Server(self.path, self._dispatch)
        finally:
            os.umask(previous)
        self.path.chmod(self._mode)
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="qorgan-ipc", daemon=True
        )
        self._thread.start()
        logger.info("IPC listening on %s", self.path)

    def stop(self) -> None:
        if self._server is None:
            return
        self._server.shutdown()
        self._server.server_close()
        self._server = None
        self.path.unlink(missing_ok=True)
