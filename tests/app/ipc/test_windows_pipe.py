"""The Windows named-pipe server, here with the Win32 calls faked: framing, a thread per
client, the caller named by the OS and mapped to a role, errors, and the pipe's client end."""

import json
import queue
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.ipc.client import PipeStream
from app.ipc.server import Peer
from app.ipc.windows_pipe import Lines, PipeServer
from app.paths import PIPE_PATH, ipc_server_name, is_pipe, socket_path
from app.service import api_blockpage, api_core
from app.service.api import Api
from app.store import Store
from rules.ipc import MAX_LINE_BYTES, ErrorCode, Reply, Role

SYSTEM = Peer(4242, None, "S-1-5-18", "SYSTEM")
CHILD = Peer(5151, None, "S-1-5-21-1-2-3-1001", "aruzhan")
HUNG_UP = object()


class FakeInstance:
    def __init__(self, handle: int, first: bool) -> None:
        self.handle, self.first = handle, first
        self.to_server: queue.Queue[bytes] = queue.Queue()
        self.to_client: queue.Queue[bytes | object] = queue.Queue()
        self.client: Peer | None = None
        self.attached = threading.Event()
        self.closed = threading.Event()
        self.serving_thread: str | None = None
        self.leftover = b""


class FakePipes:
    """The pipe driver: instances the server creates, clients that open the next free one."""

    def __init__(self, taken: bool = False, unnamed: bool = False) -> None:
        self.taken, self.unnamed = taken, unnamed
        self.instances: dict[int, FakeInstance] = {}
        self.listening: queue.Queue[FakeInstance] = queue.Queue()
        self.names: list[str] = []
        self._next = 100

    def create(self, name: str, first: bool) -> int:
        if first and self.taken:
            raise OSError("CreateNamedPipeW failed with Windows error 5")
        self.names.append(name)
        self._next += 1
        self.instances[self._next] = FakeInstance(self._next, first)
        return self._next

    def accept(self, handle: int) -> None:
        instance = self.instances[handle]
        self.listening.put(instance)
        instance.attached.wait()

    def peer(self, handle: int) -> Peer:
        client = self.instances[handle].client
        if client is None or self.unnamed:
            raise OSError("OpenProcess failed with Windows error 5")
        return client

    def read(self, handle: int, size: int) -> bytes:
        instance = self.instances[handle]
        instance.serving_thread = threading.current_thread().name
        try:
            data = instance.leftover or instance.to_server.get(timeout=10)
        except queue.Empty:  # the test's client left without hanging up: as a broken pipe
            raise OSError("ReadFile failed with Windows error 109") from None
        instance.leftover = data[size:]  # a pipe gives at most what was asked for
        return data[:size]

    def write(self, handle: int, data: bytes) -> None:
        self.instances[handle].to_client.put(data)

    def close(self, handle: int) -> None:
        instance = self.instances[handle]
        instance.closed.set()
        instance.to_client.put(HUNG_UP)

    def wake(self, name: str) -> None:
        try:  # as CreateFileW: no instance, no connection
            self.connect(Peer(1, None, "S-1-5-18", "SYSTEM"), wait=1).hang_up()
        except queue.Empty:
            raise OSError("CreateFileW failed with Windows error 2") from None

    def connect(self, who: Peer, wait: float = 10) -> "FakeClient":
        instance = self.listening.get(timeout=wait)
        instance.client = who
        instance.attached.set()
        return FakeClient(instance)


class FakeClient:
    def __init__(self, instance: FakeInstance) -> None:
        self.instance = instance
        self._pending = b""

    def send(self, data: bytes) -> None:
        self.instance.to_server.put(data)

    def hang_up(self) -> None:
        self.instance.to_server.put(b"")

    def line(self) -> bytes:
        while b"\n" not in self._pending:
            chunk = self.instance.to_client.get(timeout=10)
            if chunk is HUNG_UP:
                return b""
            assert isinstance(chunk, bytes)
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return line + b"\n"

    def call(self, method: str, ident: int = 1, **params: object) -> dict[str, object]:
        request = {"v": 1, "id": ident, "method": method, "params": params}
        self.send(json.dumps(request).encode() + b"\n")
        reply: dict[str, object] = json.loads(self.line())
        return reply


@pytest.fixture
def api(tmp_path: Path) -> Api:
    clock = lambda: datetime(2026, 11, 22, 18, 0)  # noqa: E731
    api = Api(
        lambda: Store.open(tmp_path / "qorgan.db"),
        clock,
        proxy_uids=frozenset(),
        proxy_sids=frozenset({"S-1-5-18"}),
    )
    api_core.register(api, mode="service")
    api_blockpage.register(api)
    api.add("test.whoami", Role.ANYONE, lambda call: [call.account, call.peer.sid])
    api.add("test.proxy_only", Role.PROXY, lambda call: "yes")
    return api


@pytest.fixture
def pipes() -> FakePipes:
    return FakePipes()


@pytest.fixture
def server(api: Api, pipes: FakePipes) -> Iterator[PipeServer]:
    server = PipeServer(api.dispatch, pipes)
    server.start()
    yield server
    server.stop()


def test_the_first_instance_is_created_first_only_and_under_the_services_name(
    server: PipeServer, pipes: FakePipes
) -> None:
    client = pipes.connect(CHILD)
    assert client.call("hello")["id"] == 1
    assert pipes.names[0] == PIPE_PATH == r"\\.\pipe\qorgan"
    flags = [instance.first for instance in pipes.instances.values()]
    assert flags[0] is True and not any(flags[1:])  # later instances join the service's pipe


def test_a_pipe_someone_else_created_first_stops_the_server_starting(api: Api) -> None:
    with pytest.raises(OSError, match="error 5"):
        PipeServer(api.dispatch, FakePipes(taken=True)).start()


def test_the_caller_is_who_the_os_says_whatever_it_writes(
    server: PipeServer, pipes: FakePipes
) -> None:
    child = pipes.connect(CHILD)
    assert child.call("test.whoami")["result"] == ["aruzhan", CHILD.sid]
    lying = child.call("test.proxy_only", 2, sid="S-1-5-18", account="SYSTEM", uid=0)
    assert lying["error"]["code"] == ErrorCode.UNAUTHORIZED  # type: ignore[index]
    worker = pipes.connect(SYSTEM)
    assert worker.call("test.proxy_only")["result"] == "yes"
    assert worker.call("test.whoami", 2)["result"] == ["SYSTEM", "S-1-5-18"]


def test_a_caller_the_os_cannot_name_is_refused(api: Api) -> None:
    pipes = FakePipes(unnamed=True)
    server = PipeServer(api.dispatch, pipes)
    server.start()
    try:
        client = pipes.connect(CHILD)
        assert client.line() == b""  # hung up without an answer
        assert client.instance.to_server.empty()
    finally:
        server.stop()


def test_each_client_has_its_own_thread_and_is_answered_in_order(
    server: PipeServer, pipes: FakePipes
) -> None:
    first, second = pipes.connect(CHILD), pipes.connect(SYSTEM)
    first.send(b'{"v": 1, "id": 1, "method": "hello"}\n{"v": 1, "id": 2, "method": "hel')
    second.send(b'{"v": 1, "id": 7, "method": "hello"}\n')
    assert json.loads(second.line())["id"] == 7  # not held up by the first's half request
    first.send(b'lo"}\n')
    assert [json.loads(first.line())["id"] for _ in range(2)] == [1, 2]
    threads = {first.instance.serving_thread, second.instance.serving_thread}
    assert threads == {"qorgan-pipe-client"}
    assert first.instance.serving_thread != threading.current_thread().name


def test_a_request_split_anywhere_is_one_request(server: PipeServer, pipes: FakePipes) -> None:
    client = pipes.connect(CHILD)
    for byte in b'{"v": 1, "id": 3, "method": "hello"}\n':
        client.send(bytes([byte]))
    assert json.loads(client.line())["id"] == 3


def test_garbage_gets_an_error_and_the_conversation_goes_on(
    server: PipeServer, pipes: FakePipes
) -> None:
    client = pipes.connect(CHILD)
    client.send(b"not json\n")
    assert json.loads(client.line())["error"]["code"] == ErrorCode.BAD_REQUEST
    assert client.call("hello", 4)["id"] == 4


def test_an_overlong_line_is_refused_and_the_pipe_closed(
    server: PipeServer, pipes: FakePipes
) -> None:
    client = pipes.connect(CHILD)
    client.send(b"x" * (MAX_LINE_BYTES + 10))
    reply = json.loads(client.line())
    assert reply["error"]["message"] == "message too long; closing"
    assert client.line() == b""
    assert client.instance.closed.is_set()


def test_the_last_request_of_a_client_that_hangs_up_is_still_answered(
    server: PipeServer, pipes: FakePipes
) -> None:
    client = pipes.connect(CHILD)
    client.send(b'{"v": 1, "id": 9, "method": "hello"}')
    client.hang_up()
    assert json.loads(client.line())["id"] == 9
    assert client.line() == b""


def test_stop_wakes_the_waiting_instance_and_accepts_no_more(api: Api) -> None:
    pipes = FakePipes()
    server = PipeServer(api.dispatch, pipes)
    server.start()
    server.stop()
    assert all(instance.closed.is_set() for instance in pipes.instances.values())
    assert pipes.listening.empty()


def test_a_failed_connect_is_logged_and_the_next_client_served(api: Api) -> None:
    class Flaky(FakePipes):
        failed = False

        def accept(self, handle: int) -> None:
            if not self.failed:
                self.failed = True
                raise OSError("ConnectNamedPipe failed with Windows error 232")
            super().accept(handle)

    pipes = Flaky()
    server = PipeServer(api.dispatch, pipes)
    server.start()
    try:
        assert pipes.connect(CHILD).call("hello")["id"] == 1
        assert pipes.instances[101].closed.is_set()
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("chunks", "lines", "rest", "too_long"),
    [
        ([b"a\nb", b"c\n", b"d"], [b"a\n", b"bc\n"], b"d", False),
        ([b"x" * MAX_LINE_BYTES], [], b"x" * MAX_LINE_BYTES, False),
        ([b"x" * MAX_LINE_BYTES + b"\n"], [b"x" * MAX_LINE_BYTES + b"\n"], b"", False),
        ([b"x" * (MAX_LINE_BYTES + 1)], [], b"", True),
        ([b"ok\n" + b"x" * (MAX_LINE_BYTES + 1) + b"\n"], [b"ok\n"], b"", True),
    ],
)
def test_lines_keep_the_unix_servers_limit(
    chunks: list[bytes], lines: list[bytes], rest: bytes, too_long: bool
) -> None:
    buffer = Lines()
    got = [line for chunk in chunks for line in buffer.feed(chunk)]
    assert (got, buffer.rest(), buffer.too_long) == (lines, rest, too_long)


def test_the_client_end_talks_through_a_file_like_pipe() -> None:
    ours, theirs = socket.socketpair()
    stream = PipeStream(ours.makefile("rwb", buffering=0))  # type: ignore[arg-type]
    stream.sendall(b'{"v": 1}\n')
    assert theirs.recv(100) == b'{"v": 1}\n'
    theirs.sendall(b'{"id": 1}\n{"id": 2}\n')
    assert [stream.reader.readline(), stream.reader.readline()] == [b'{"id": 1}\n', b'{"id": 2}\n']
    stream.close()
    ours.close()
    theirs.close()


def test_the_pipe_is_named_per_os_and_linux_keeps_its_socket(tmp_path: Path) -> None:
    assert socket_path(tmp_path, "linux") == tmp_path / "run" / "qorgan.sock"
    assert socket_path(tmp_path, "win32") == Path(PIPE_PATH)
    assert ipc_server_name(Path(PIPE_PATH), "win32") == "qorgan"  # QLocalSocket's name
    assert ipc_server_name(tmp_path / "q.sock", "linux") == str(tmp_path / "q.sock")
    assert is_pipe(r"\\.\PIPE\qorgan") and not is_pipe(tmp_path)


def test_a_reply_is_one_line(api: Api) -> None:
    reply = api.dispatch(b'{"v": 1, "id": 1, "method": "hello"}\n', CHILD)
    assert isinstance(reply, Reply) and reply.id == 1
