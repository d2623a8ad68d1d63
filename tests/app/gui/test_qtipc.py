"""The Qt IPC client against a real IPC server: ordering, queueing, reconnecting, sessions."""

import contextlib
import socket
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from app.gui.qtipc import ServiceClient, is_unreachable
from app.service.api import Call
from rules.ipc import ErrorCode, JsonValue
from tests.app.gui.conftest import PIN, Service
from tests.app.gui.helpers import error_of, result_of, track


def test_calls_are_answered_each_with_its_own_result(
    qtbot: QtBot, service: Service, client: ServiceClient
) -> None:
    service.add("test.echo", lambda call: call.params.get("n"))
    calls = [track(client.call("test.echo", {"n": n})) for n in range(5)]
    assert [result_of(qtbot, call) for call in calls] == [0, 1, 2, 3, 4]
    assert len({call.request.id for call in calls}) == 5


def test_a_refused_call_fails_with_the_services_code(qtbot: QtBot, client: ServiceClient):
    error = error_of(qtbot, track(client.call("no.such.method")))
    assert error.code is ErrorCode.UNKNOWN_METHOD
    assert client.call("hello") is not None  # the connection goes on


def test_calls_wait_for_the_connection_being_made(qtbot: QtBot, service: Service):
    client = ServiceClient(service.socket)
    client.start()
    early = track(client.call("hello"))  # before the socket has connected
    assert result_of(qtbot, early)["service"] == "qorgan"  # type: ignore[index]
    client.stop()


def test_without_a_service_calls_fail_at_once_and_the_client_keeps_trying(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service = Service(tmp_path / "later")
    client = ServiceClient(service.socket)
    client.start()
    qtbot.wait(50)
    error = error_of(qtbot, track(client.call("hello")))
    assert is_unreachable(error)
    assert not client.connected
    service.server.start()
    try:
        with qtbot.waitSignal(client.connection_changed, timeout=8000) as changed:
            pass
        assert changed.args == [True]
        assert result_of(qtbot, track(client.call("hello")))["mode"] == "demo"  # type: ignore[index]
    finally:
        client.stop()
        service.server.stop()


def test_a_service_that_dies_mid_call_fails_the_call_then_is_found_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    service = Service(tmp_path / "data")
    service.socket.parent.mkdir(parents=True)
    dying = socket.socket(socket.AF_UNIX)  # reads one request, then goes away like a crash
    dying.bind(str(service.socket))
    dying.listen()
    client = ServiceClient(service.socket)
    try:
        with qtbot.waitSignal(client.connection_changed, timeout=5000):
            client.start()
        in_flight = track(client.call("hello"))
        connection, _ = dying.accept()
        connection.setblocking(False)
        received = bytearray()

        def request_arrived() -> bool:
            with contextlib.suppress(BlockingIOError):
                received.extend(connection.recv(4096))
            return received.endswith(b"\n")

        qtbot.waitUntil(request_arrived, timeout=5000)  # the GUI's event loop sends it
        with qtbot.waitSignal(client.connection_changed, timeout=5000) as lost:
            connection.close()
            dying.close()
            service.socket.unlink()
        assert lost.args == [False]
        assert is_unreachable(error_of(qtbot, in_flight))
        with qtbot.waitSignal(client.connection_changed, timeout=8000) as back:
            service.server.start()
        assert back.args == [True]
        assert result_of(qtbot, track(client.call("hello")))["service"] == "qorgan"  # type: ignore[index]
    finally:
        client.stop()
        service.server.stop()


def test_the_gui_thread_runs_on_while_the_service_works(
    qtbot: QtBot, service: Service, client: ServiceClient
) -> None:
    def slow(call: Call) -> JsonValue:
        time.sleep(0.5)
        return "done"

    service.add("test.slow", slow)
    ticks: list[float] = []
    timer = QTimer(interval=20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    started = time.monotonic()
    pending = track(client.call("test.slow"))
    assert time.monotonic() - started < 0.1  # `call` returned at once
    assert result_of(qtbot, pending) == "done"
    timer.stop()
    assert len(ticks) >= 10  # the event loop kept ticking while the reply was on its way


def test_a_lost_session_is_announced_once_the_service_refuses_the_token(
    qtbot: QtBot, service: Service, client: ServiceClient
) -> None:
    token = result_of(qtbot, track(client.call("auth.set_pin", {"pin": PIN})))
    client.token = token["token"]  # type: ignore[index]
    assert result_of(qtbot, track(client.call("policy.get")))["qorgan_policy"] == 1  # type: ignore[index]
    service.api.close_session(client.token)
    with qtbot.waitSignal(client.session_lost, timeout=5000):
        failed = track(client.call("policy.get"))
    assert error_of(qtbot, failed).code is ErrorCode.UNAUTHORIZED
    assert client.token is None


def test_a_wrong_pin_does_not_end_a_session_that_was_never_there(
    qtbot: QtBot, service: Service, client: ServiceClient
) -> None:
    service.with_pin_and_child()
    with qtbot.assertNotEmitted(client.session_lost):
        error = error_of(qtbot, track(client.call("auth.login", {"pin": "0000"})))
    assert error.code is ErrorCode.UNAUTHORIZED
