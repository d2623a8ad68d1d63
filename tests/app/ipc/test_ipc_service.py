"""The service's IPC over a real Unix socket, with a real store behind it."""

import os
import socket
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.service import api_core
from app.service.api import Api, Call
from app.store import Store
from rules.ipc import ErrorCode, IpcError, Role
from rules.records import ChildRequest, RequestKind


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 22, 18, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "data" / "qorgan.db"


@pytest.fixture
def api(database: Path, clock: Clock) -> Api:
    api = Api(lambda: Store.open(database), clock, proxy_uids=frozenset({os.getuid() + 1}))
    api_core.register(api, mode="demo")
    return api


@pytest.fixture
def sock(tmp_path: Path, api: Api) -> Iterator[Path]:
    server = IpcServer(tmp_path / "run" / "qorgan.sock", api.dispatch)
    server.start()
    yield server.path
    server.stop()
    assert not server.path.exists()


def client(path: Path) -> IpcClient:
    return IpcClient(path, timeout=5)


def test_the_socket_is_its_owners_only(sock: Path) -> None:
    assert sock.stat().st_mode & 0o777 == 0o600
    assert sock.parent.stat().st_mode & 0o777 == 0o700


def test_hello_says_the_mode_and_whether_a_pin_exists(sock: Path) -> None:
    with client(sock) as ipc:
        assert ipc.call("hello") == {"service": "qorgan", "mode": "demo", "pin_set": False}


def test_parent_methods_need_the_pin(sock: Path) -> None:
    with client(sock) as ipc:
        with pytest.raises(IpcError) as caught:
            ipc.call("policy.get")
        assert caught.value.code is ErrorCode.UNAUTHORIZED
        token = ipc.call("auth.set_pin", pin="2468")
        assert isinstance(token, dict)
        ipc.token = str(token["token"])
        assert ipc.call("policy.get")["qorgan_policy"] == 1  # type: ignore[index]
    with client(sock) as other:  # a second first-run cannot replace the PIN
        with pytest.raises(IpcError) as caught:
            other.call("auth.set_pin", pin="1111")
        assert caught.value.code is ErrorCode.UNAUTHORIZED
        other.login("2468")
        assert other.call("hello") == {"service": "qorgan", "mode": "demo", "pin_set": True}


def test_wrong_pins_lock_and_the_lock_is_reported(sock: Path, clock: Clock) -> None:
    with client(sock) as ipc:
        ipc.call("auth.set_pin", pin="2468")
        codes = []
        for _ in range(6):
            with pytest.raises(IpcError) as caught:
                ipc.login("0000")
            codes.append(caught.value.code)
        assert codes == [ErrorCode.UNAUTHORIZED] * 4 + [ErrorCode.LOCKED] * 2
        with pytest.raises(IpcError) as caught:
            ipc.login("2468")  # the right PIN while locked is refused too
        assert caught.value.code is ErrorCode.LOCKED
        clock.now += timedelta(minutes=2)
        ipc.login("2468")
        assert ipc.token is not None


def test_login_before_any_pin_is_not_found(sock: Path) -> None:
    with client(sock) as ipc, pytest.raises(IpcError) as caught:
        ipc.login("1234")
    assert caught.value.code is ErrorCode.NOT_FOUND


def test_a_session_ends_after_idle_time_and_on_logout(sock: Path, clock: Clock) -> None:
    with client(sock) as ipc:
        ipc.call("auth.set_pin", pin="2468")
        ipc.login("2468")
        clock.now += timedelta(minutes=14)
        ipc.call("policy.get")  # using the session keeps it open
        clock.now += timedelta(minutes=14)
        ipc.call("policy.get")
        clock.now += timedelta(minutes=16)
        with pytest.raises(IpcError, match="PIN"):
            ipc.call("policy.get")
        ipc.login("2468")
        ipc.call("auth.logout")
        with pytest.raises(IpcError, match="PIN"):
            ipc.call("policy.get")


def test_a_child_saved_over_ipc_is_in_the_policy(sock: Path, database: Path) -> None:
    with client(sock) as ipc:
        ipc.call("auth.set_pin", pin="2468")
        ipc.login("2468")
        saved = ipc.call("child.save", child={"name": "Dana", "age_class": "6+"})
        assert saved["age_class"] == "6+"  # type: ignore[index]
        ipc.call("child.save", child={"name": "dana", "age_class": "12+"})
        with pytest.raises(IpcError) as caught:
            ipc.call("child.save", child={"name": "Dana", "age_clas": "12+"})
        assert caught.value.code is ErrorCode.INVALID
        assert "age_clas: unknown field" in caught.value.message
        with pytest.raises(IpcError) as caught:
            ipc.call("child.remove", name="Nobody")
        assert caught.value.code is ErrorCode.NOT_FOUND
    with Store.open(database) as store:
        assert [(c.name, c.age_class) for c in store.children()] == [("dana", "12+")]


def test_an_approved_site_request_becomes_a_grant(sock: Path, database: Path, clock: Clock):
    with Store.open(database) as store:
        store.set_pin("2468")
        from rules.ageclass import AgeClass
        from rules.policy import ChildProfile

        store.add_child(ChildProfile("Dana", AgeClass.TWELVE))
        asked = ChildRequest("Dana", RequestKind.SITE, clock.now, host="roblox.com")
        number = store.add_request(asked)
    with client(sock) as ipc:
        ipc.login("2468")
        [pending] = ipc.call("requests.list", status="pending")  # type: ignore[misc]
        assert pending["host"] == "roblox.com"
        done = ipc.call("requests.resolve", id=number, approved=True, minutes=30)
        assert done["status"] == "approved"  # type: ignore[index]
        with pytest.raises(IpcError) as caught:
            ipc.call("grants.site", child="Dana", host="kundelik.kz", minutes=0)
        assert caught.value.code is ErrorCode.INVALID
        granted = ipc.call("grants.site", child="Dana", host="https://Kundelik.KZ/x", minutes=60)
        assert granted == {"host": "kundelik.kz", "until": "2026-11-22T19:00:00"}
    with Store.open(database) as store:
        grants = store.child("Dana").rules.site_grants
        assert {(g.host, g.until) for g in grants} == {
            ("roblox.com", clock.now + timedelta(minutes=30)),
            ("kundelik.kz", clock.now + timedelta(minutes=60)),
        }


def test_proxy_methods_refuse_other_users(sock: Path, api: Api) -> None:
    api.add("proxy.ping", Role.PROXY, lambda call: "pong")
    with client(sock) as ipc, pytest.raises(IpcError) as caught:
        ipc.call("proxy.ping")
    assert caught.value.code is ErrorCode.UNAUTHORIZED


def test_the_peer_is_known_from_the_kernel(sock: Path, api: Api) -> None:
    def whoami(call: Call) -> dict[str, object]:
        return {"uid": call.peer.uid, "pid": call.peer.pid, "account": call.account}

    api.add("test.whoami", Role.ANYONE, whoami)  # type: ignore[arg-type]
    with client(sock) as ipc:
        me = ipc.call("test.whoami")
    assert me["uid"] == os.getuid()  # type: ignore[index]
    assert me["pid"] == os.getpid()  # type: ignore[index]


def test_a_failing_method_is_an_internal_error_and_the_service_goes_on(sock: Path, api: Api):
    def broken(call: Call) -> None:
        raise RuntimeError("boom")

    api.add("test.broken", Role.ANYONE, broken)
    with client(sock) as ipc:
        with pytest.raises(IpcError) as caught:
            ipc.call("test.broken")
        assert caught.value.code is ErrorCode.INTERNAL
        assert "boom" not in caught.value.message
        with pytest.raises(IpcError) as caught:
            ipc.call("no.such")
        assert caught.value.code is ErrorCode.UNKNOWN_METHOD
        assert ipc.call("hello")["mode"] == "demo"  # type: ignore[index]


def test_garbage_on_the_socket_gets_an_error_line(sock: Path) -> None:
    with socket.socket(socket.AF_UNIX) as raw:
        raw.connect(str(sock))
        raw.sendall(b"hello?\n")
        answer = raw.makefile("rb").readline()
    assert b'"bad_request"' in answer


def test_a_method_cannot_be_defined_twice(api: Api) -> None:
    with pytest.raises(ValueError, match="already defined"):
        api.add("hello", Role.ANYONE, lambda call: None)


def test_no_service_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(IpcError, match="not reachable"):
        IpcClient(tmp_path / "none.sock")
