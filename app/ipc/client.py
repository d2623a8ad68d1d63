"""A blocking IPC client for the CLI, the proxy worker and tests (the GUI uses Qt's own)."""

import io
import itertools
import socket
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import BinaryIO, Self

from app.paths import is_pipe
from rules.ipc import (
    MAX_LINE_BYTES,
    ErrorCode,
    IpcError,
    JsonValue,
    Request,
    decode_reply,
    encode_request,
)

ERROR_PIPE_BUSY = 231


class PipeStream:
    """The client's end of the service's named pipe on Windows, opened as a file.

    A synchronous pipe has no timeout: a service that never answers blocks the caller.
    """

    def __init__(self, raw: io.RawIOBase) -> None:
        self._raw = raw
        self.reader = io.BufferedReader(raw)

    @classmethod
    def open(cls, name: str, timeout: float, clock: Callable[[], float] = time.monotonic) -> Self:
        """Open the pipe, waiting up to `timeout` while every instance is busy."""
        deadline = clock() + timeout
        while True:
            try:
                return cls(open(name, "r+b", buffering=0))
            except OSError as error:
                if getattr(error, "winerror", None) != ERROR_PIPE_BUSY or clock() >= deadline:
                    raise
                time.sleep(0.05)

    def sendall(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            written = self._raw.write(view)
            view = view[written or 0 :]

    def close(self) -> None:
        self.reader.close()
        self._raw.close()


class IpcClient:
    """One connection to the service; `call` sends a request and waits for its reply.

    `path` is the Unix socket, or on Windows the named pipe (app.paths.PIPE_PATH).
    """

    def __init__(self, path: Path, timeout: float = 5.0, platform: str = sys.platform) -> None:
        self.path = path
        self.token: str | None = None
        self._ids = itertools.count(1)
        if platform == "win32" and is_pipe(path):
            try:
                pipe = PipeStream.open(str(path), timeout)
            except OSError as error:
                raise IpcError(
                    ErrorCode.INTERNAL, f"the Qorgan service is not reachable: {error}"
                ) from None
            self._socket: socket.socket | PipeStream = pipe
            self._reader: BinaryIO = pipe.reader
            return
        try:
            self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._socket.settimeout(timeout)
            self._socket.connect(str(path))
        except OSError as error:
            self._socket.close()
            raise IpcError(
                ErrorCode.INTERNAL, f"the Qorgan service is not reachable: {error}"
            ) from None
        self._reader = self._socket.makefile("rb")

    def call(self, method: str, **params: JsonValue) -> JsonValue:
        """The method's result; IpcError with the service's code and message if it failed."""
        request = Request(next(self._ids), method, params, self.token)
        try:
            self._socket.sendall(encode_request(request))
            line = self._reader.readline(MAX_LINE_BYTES + 1)
        except OSError as error:
            raise IpcError(
                ErrorCode.INTERNAL, f"the Qorgan service stopped answering: {error}"
            ) from None
        if not line:
            raise IpcError(ErrorCode.INTERNAL, "the Qorgan service closed the connection")
        reply = decode_reply(line)
        if reply.id != request.id:
            raise IpcError(ErrorCode.BAD_REQUEST, f"reply {reply.id} to request {request.id}")
        if reply.error is not None:
            raise reply.error
        return reply.result

    def login(self, pin: str) -> None:
        """Become the parent for this connection's calls until the session ends."""
        result = self.call("auth.login", pin=pin)
        token = result.get("token") if isinstance(result, dict) else None
        if not isinstance(token, str):
            raise IpcError(ErrorCode.BAD_REQUEST, "auth.login gave no token")
        self.token = token

    def close(self) -> None:
        self._reader.close()
        self._socket.close()

    def __enter__(self) -> "IpcClient":
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
