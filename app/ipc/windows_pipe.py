"""The service's named pipe on Windows (\\\\.\\pipe\\qorgan): the Unix socket's protocol.

The same newline-delimited JSON, one thread a client, each request answered in order.
The caller is whoever the OS says opened the pipe (its process's token: SID and account
name); nothing a client writes changes that. The first instance is created with
FILE_FLAG_FIRST_PIPE_INSTANCE, so a program that took the name before the service makes
the service refuse to start rather than talk to it. The Win32 calls are an adapter's
(`PipeApi`; app.platform.windows.pipe_win32 on Windows), so all of this runs anywhere.
"""

import logging
import threading
from typing import Protocol

from app.ipc.server import Dispatch, Peer
from app.paths import PIPE_PATH
from rules.ipc import MAX_LINE_BYTES, ErrorCode, IpcError, Reply, encode_reply

READ_SIZE = 64 * 1024
RETRY_CREATE_SECONDS = 1.0

logger = logging.getLogger(__name__)


class PipeApi(Protocol):
    """The Win32 named-pipe calls the server makes; a handle is the instance's HANDLE."""

    def create(self, name: str, first: bool) -> int:
        """A new instance listening on `name` (CreateNamedPipeW); `first`: no one else's.

        OSError when it cannot be made, e.g. when another process already owns the name.
        """
        ...

    def accept(self, handle: int) -> None:
        """Wait until a client opens this instance (ConnectNamedPipe); OSError on failure."""
        ...

    def peer(self, handle: int) -> Peer:
        """The connected client's pid, SID and account name, from its process token."""
        ...

    def read(self, handle: int, size: int) -> bytes:
        """Up to `size` bytes the client wrote; b"" once it has gone."""
        ...

    def write(self, handle: int, data: bytes) -> None:
        """All of `data` to the client; OSError if it has gone."""
        ...

    def close(self, handle: int) -> None:
        """Flush, disconnect the client and close the instance."""
        ...

    def wake(self, name: str) -> None:
        """Open the pipe as a client and hang up, so a waiting `accept` returns."""
        ...


class Lines:
    """Complete request lines from the bytes as they come, held to the Unix server's limit.

    A line may be MAX_LINE_BYTES long plus its newline; a longer one is `too_long`.
    """

    def __init__(self, limit: int = MAX_LINE_BYTES) -> None:
        self._limit = limit
        self._buffer = bytearray()
        self.too_long = False

    def feed(self, data: bytes) -> list[bytes]:
        self._buffer += data
        lines = []
        while not self.too_long:
            end = self._buffer.find(b"\n")
            if end < 0:
                self.too_long = len(self._buffer) > self._limit
                break
            if end > self._limit:
                self.too_long = True
                break
            lines.append(bytes(self._buffer[: end + 1]))
            del self._buffer[: end + 1]
        return lines

    def rest(self) -> bytes:
        """What came after the last newline: the last request of a client that hung up."""
        return b"" if self.too_long else bytes(self._buffer)


class PipeServer:
    """Serves `dispatch` on the named pipe `name` until stopped; a thread per client."""

    def __init__(
        self,
        dispatch: Dispatch,
        api: PipeApi,
        name: str = PIPE_PATH,
        retry_seconds: float = RETRY_CREATE_SECONDS,
    ) -> None:
        self.name = name
        self._dispatch = dispatch
        self._api = api
        self._retry_seconds = retry_seconds
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Create the first instance (OSError if the name is taken) and start accepting."""
        handle = self._api.create(self.name, first=True)
        self._stopping.clear()
        self._thread = threading.Thread(
            target=self._accept_loop, args=(handle,), name="qorgan-pipe", daemon=True
        )
        self._thread.start()
        logger.info("IPC listening on %s", self.name)

    def stop(self) -> None:
        """Accept no more clients; clients being served finish their current request."""
        if self._thread is None:
            return
        self._stopping.set()
        try:
            self._api.wake(self.name)
        except OSError as error:
            logger.warning("the pipe's waiting instance could not be woken: %s", error)
        self._thread.join(5)
        self._thread = None

    def _accept_loop(self, handle: int | None) -> None:
        while not self._stopping.is_set():
            if handle is None:
                handle = self._next_instance()
                continue
            try:
                self._api.accept(handle)
            except OSError as error:
                logger.warning("a client could not connect to %s: %s", self.name, error)
                self._close(handle)
                handle = None
                continue
            if self._stopping.is_set():
                self._close(handle)
                return
            threading.Thread(
                target=self._serve, args=(handle,), name="qorgan-pipe-client", daemon=True
            ).start()
            handle = None
        if handle is not None:
            self._close(handle)

    def _next_instance(self) -> int | None:
        try:
            return self._api.create(self.name, first=False)
        except OSError as error:
            logger.error("no new instance of %s: %s", self.name, error)
            self._stopping.wait(self._retry_seconds)
            return None

    def _serve(self, handle: int) -> None:
        try:
            peer = self._api.peer(handle)
        except OSError as error:
            logger.warning("a pipe client the OS cannot name was refused: %s", error)
            self._close(handle)
            return
        try:
            self._converse(handle, peer)
        except OSError as error:
            logger.debug("pipe client %s went: %s", peer, error)
        finally:
            self._close(handle)

    def _converse(self, handle: int, peer: Peer) -> None:
        lines = Lines()
        while True:
            data = self._api.read(handle, READ_SIZE)
            for line in lines.feed(data) if data else [lines.rest()]:
                if line:
                    self._answer(handle, line, peer)
            if lines.too_long:
                error = IpcError(ErrorCode.BAD_REQUEST, "message too long; closing")
                self._api.write(handle, encode_reply(Reply(0, error=error)))
                return
            if not data:
                return

    def _answer(self, handle: int, line: bytes, peer: Peer) -> None:
        self._api.write(handle, encode_reply(self._dispatch(line, peer)))

    def _close(self, handle: int) -> None:
        try:
            self._api.close(handle)
        except OSError as error:
            logger.debug("closing a pipe instance: %s", error)
