"""The Windows service's SCM protocol: the statuses in order, stop handling, exit codes,
and the ctypes declarations (signatures, x64 struct sizes, callbacks through libffi)."""

import ctypes
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from ctypes import wintypes
from datetime import datetime
from pathlib import Path

import pytest

from app.platform.windows import scm, scm_win32, service_main
from app.platform.windows.scm import (
    ERROR_CALL_NOT_IMPLEMENTED,
    ERROR_SERVICE_SPECIFIC_ERROR,
    Accept,
    Control,
    ScmError,
    State,
    Status,
    WindowsService,
    run_as_service,
)
from app.service.api_protection import health
from app.service.snapshot import SNAPSHOT_NAME
from app.service.supervisor import ProxySupervisor
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, ChildRules
from tests.app.ipc.test_windows_pipe import CHILD, FakePipes
from tests.app.platform.test_windows_firewall import FakeNetSecurity
from tests.app.platform.test_windows_proxy_ports import ARUZHAN, TIMUR, FakeAccounts, FakeRegistry


class FakeScm:
    """The SCM as a list of reported statuses; `controls` are sent once the service runs."""

    def __init__(self, controls: tuple[int, ...] = (), fail_dispatch: int | None = None) -> None:
        self.statuses: list[Status] = []
        self.answers: list[int] = []
        self.handler: Callable[[int], int] | None = None
        self.controls = controls
        self.fail_dispatch = fail_dispatch
        self.running = threading.Event()

    def dispatch(self, name: str, service_main: Callable[[], None]) -> None:
        if self.fail_dispatch is not None:
            raise ScmError("StartServiceCtrlDispatcherW", self.fail_dispatch)
        thread = threading.Thread(target=service_main)  # the SCM starts ServiceMain in a thread
        thread.start()
        if self.controls:
            assert self.running.wait(10)
            for control in self.controls:
                assert self.handler is not None
                self.answers.append(self.handler(control))
        thread.join(10)
        assert not thread.is_alive()

    def register(self, name: str, handler: Callable[[int], int]) -> None:
        assert name == "QorganService"
        self.handler = handler

    def report(self, status: Status) -> None:
        self.statuses.append(status)
        if status.state is State.RUNNING:
            self.running.set()


def loop_until_stopped(stop: threading.Event) -> int:
    stop.wait(10)
    return 0


def states(api: FakeScm) -> list[State]:
    return [status.state for status in api.statuses]


def test_a_stop_request_goes_start_running_stop_pending_stopped() -> None:
    api = FakeScm(controls=(Control.INTERROGATE, Control.STOP))
    assert run_as_service("QorganService", loop_until_stopped, api) == 0
    first, running, *rest = api.statuses
    assert first == Status(State.START_PENDING, checkpoint=1, wait_hint_ms=scm.START_WAIT_HINT_MS)
    assert running == Status(State.RUNNING, Accept.STOP | Accept.SHUTDOWN)
    assert rest[0] == running  # INTERROGATE repeats the status in force
    assert rest[-1] == Status(State.STOPPED)
    assert api.answers == [0, 0]
    assert all(s.service_type == scm.SERVICE_WIN32_OWN_PROCESS for s in api.statuses)


def test_a_slow_stop_reports_stop_pending_with_rising_checkpoints() -> None:
    release = threading.Event()

    def slow(stop: threading.Event) -> int:
        stop.wait(10)
        release.wait(10)  # winds down only once the test has seen two checkpoints
        return 0

    class Watching(FakeScm):
        def report(self, status: Status) -> None:
            super().report(status)
            if status.state is State.STOP_PENDING and status.checkpoint == 2:
                release.set()

    api = Watching(controls=(Control.SHUTDOWN,))
    service = WindowsService("QorganService", slow, api, checkpoint_every=0.01)
    api.dispatch("QorganService", service.service_main)
    pending = [s for s in api.statuses if s.state is State.STOP_PENDING]
    assert [s.checkpoint for s in pending[:2]] == [1, 2]
    assert all(s.wait_hint_ms == scm.STOP_WAIT_HINT_MS and not s.accepted for s in pending)
    assert states(api)[-1] is State.STOPPED and api.statuses[-1].win32_exit_code == 0


def test_a_loop_that_fails_ends_stopped_with_a_service_specific_exit_code() -> None:
    api = FakeScm()
    assert run_as_service("QorganService", lambda stop: 1, api) == 1
    assert states(api) == [State.START_PENDING, State.RUNNING, State.STOPPED]
    assert api.statuses[-1].win32_exit_code == ERROR_SERVICE_SPECIFIC_ERROR
    assert api.statuses[-1].service_exit_code == 1


def test_a_loop_that_raises_ends_stopped_with_the_crash_code() -> None:
    def broken(stop: threading.Event) -> int:
        raise RuntimeError("database gone")

    api = FakeScm()
    assert run_as_service("QorganService", broken, api) == scm.CRASH_EXIT_CODE
    last = api.statuses[-1]
    assert (last.state, last.win32_exit_code) == (State.STOPPED, ERROR_SERVICE_SPECIFIC_ERROR)
    assert last.service_exit_code == scm.CRASH_EXIT_CODE


def test_unknown_controls_are_refused_and_do_not_stop_the_service() -> None:
    service = WindowsService("QorganService", loop_until_stopped, FakeScm())
    assert service.handle(0x80) == ERROR_CALL_NOT_IMPLEMENTED  # a user-defined control
    assert not service.stop.is_set()
    assert service.handle(Control.PRESHUTDOWN) == 0
    assert service.stop.is_set()


@pytest.mark.parametrize(("winerror", "code"), [(1063, 2), (5, 1)])
def test_a_dispatcher_that_cannot_connect_exits_with_a_code(winerror: int, code: int) -> None:
    assert (
        run_as_service("QorganService", loop_until_stopped, FakeScm(fail_dispatch=winerror)) == code
    )


# ---- ctypes: signatures and layouts as on 64-bit Windows -----------------------------------


def test_the_structures_have_the_x64_layout() -> None:
    assert ctypes.sizeof(scm_win32.SERVICE_STATUS) == 28
    assert ctypes.sizeof(ctypes.c_void_p) == 8
    assert ctypes.sizeof(scm_win32.SERVICE_TABLE_ENTRYW) == 16
    assert scm_win32.SERVICE_TABLE_ENTRYW.lpServiceProc.offset == 8


def test_a_status_becomes_a_service_status_field_by_field() -> None:
    status = Status(State.STOP_PENDING, Accept.STOP, 1066, 3, 4, 5000)
    raw = scm_win32.to_struct(status)
    assert (raw.dwServiceType, raw.dwCurrentState, raw.dwControlsAccepted) == (0x10, 3, 1)
    assert (raw.dwWin32ExitCode, raw.dwServiceSpecificExitCode) == (1066, 3)
    assert (raw.dwCheckPoint, raw.dwWaitHint) == (4, 5000)


class FakeAdvapi32:
    """advapi32's three functions as real C function pointers (libffi) calling Python, so
    every call and callback crosses ctypes with the declared types, as on Windows."""

    def __init__(self, dispatcher_ok: bool = True) -> None:
        self.reported: list[tuple[int, ...]] = []
        self.handler: Callable[..., int] | None = None
        self.table_end: object = "not read"
        self.dispatcher_ok = dispatcher_ok
        self._keep = []
        table_type = ctypes.POINTER(scm_win32.SERVICE_TABLE_ENTRYW)
        self.StartServiceCtrlDispatcherW = self._c(scm_win32.BOOL, (table_type,), self._dispatcher)
        self.RegisterServiceCtrlHandlerExW = self._c(
            wintypes.HANDLE,
            (wintypes.LPCWSTR, scm_win32.HANDLER_FUNCTION_EX, wintypes.LPVOID),
            self._register,
        )
        self.SetServiceStatus = self._c(
            scm_win32.BOOL,
            (wintypes.HANDLE, ctypes.POINTER(scm_win32.SERVICE_STATUS)),
            self._set_status,
        )

    def _c(self, restype: object, argtypes: tuple[object, ...], function: Callable[..., int]):
        pointer = ctypes.CFUNCTYPE(restype, *argtypes)(function)
        self._keep.append(pointer)
        return pointer

    def _dispatcher(self, table) -> int:  # type: ignore[no-untyped-def]
        if not self.dispatcher_ok:
            return 0
        assert table[0].lpServiceName == "QorganService"
        self.table_end = table[1].lpServiceName
        table[0].lpServiceProc(0, None)
        return 1

    def _register(self, name: str, handler: Callable[..., int], context: object) -> int:
        assert name == "QorganService" and context is None
        self.handler = handler
        return 0x1234

    def _set_status(self, handle: int, status) -> int:  # type: ignore[no-untyped-def]
        assert handle == 0x1234
        s = status.contents
        self.reported.append((s.dwCurrentState, s.dwControlsAccepted, s.dwCheckPoint))
        if s.dwCurrentState == State.RUNNING:
            assert self.handler is not None
            assert self.handler(Control.STOP, 0, None, None) == 0  # the SCM's stop request
        return 1


def test_declare_gives_each_function_its_signature() -> None:
    lib = scm_win32.declare(FakeAdvapi32())
    assert lib.SetServiceStatus.restype is scm_win32.BOOL
    assert lib.SetServiceStatus.argtypes == (
        wintypes.HANDLE,
        ctypes.POINTER(scm_win32.SERVICE_STATUS),
    )
    assert lib.RegisterServiceCtrlHandlerExW.restype is wintypes.HANDLE
    assert lib.RegisterServiceCtrlHandlerExW.argtypes[1] is scm_win32.HANDLER_FUNCTION_EX
    assert lib.StartServiceCtrlDispatcherW.argtypes == (
        ctypes.POINTER(scm_win32.SERVICE_TABLE_ENTRYW),
    )


def test_the_service_runs_through_the_ctypes_adapter() -> None:
    advapi32 = FakeAdvapi32()
    api = scm_win32.Win32Scm(advapi32, last_error=lambda: 0)
    assert run_as_service("QorganService", loop_until_stopped, api) == 0
    assert advapi32.table_end is None  # the table ends with a null entry
    assert [r[0] for r in advapi32.reported][:2] == [State.START_PENDING, State.RUNNING]
    assert advapi32.reported[1][1] == Accept.STOP | Accept.SHUTDOWN
    assert advapi32.reported[-1][0] == State.STOPPED


def test_a_failed_dispatcher_call_carries_getlasterror() -> None:
    api = scm_win32.Win32Scm(FakeAdvapi32(dispatcher_ok=False), last_error=lambda: 1063)
    with pytest.raises(ScmError) as raised:
        api.dispatch("QorganService", lambda: None)
    assert raised.value.winerror == 1063
    assert run_as_service("QorganService", loop_until_stopped, api) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="about every other system")
def test_there_is_no_scm_off_windows() -> None:
    with pytest.raises(OSError, match="Windows only"):
        scm_win32.Win32Scm()


# ---- the service loop itself, run here with the SCM faked ---------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ScmWithChild(FakeScm):
    """Before asking the service to stop, browses through its proxy as the child, asks
    the service over its pipe as the child's tray would, and adds a second child in the
    console's way (the store) to see its firewall rules go in."""

    def __init__(
        self, port: int, pipes: FakePipes, registry: FakeRegistry, net: FakeNetSecurity, db: Path
    ) -> None:
        super().__init__(controls=(Control.STOP,))
        self.port = port
        self.pipes = pipes
        self.registry = registry
        self.net, self.db = net, db
        self.blocked_status: int | None = None
        self.tray_answer: dict[str, object] = {}
        self.proxy_server: object = None
        self.rules_at_start: set[str] = set()
        self.rules_after_adding: set[str] = set()
        self.health: dict[str, object] = {}

    def report(self, status: Status) -> None:
        if status.state is State.RUNNING:
            self.blocked_status = self._browse()
            self.rules_at_start = self.net.sids()
            self.tray_answer = self.pipes.connect(CHILD).call("screentime.status")
            self.proxy_server = self.registry.server(ARUZHAN)
            with Store.open(self.db) as store:
                store.add_child(ChildProfile("Timur", AgeClass.TWELVE, ("timur",)))
            deadline = time.monotonic() + 30
            while TIMUR not in self.net.sids() and time.monotonic() < deadline:
                time.sleep(0.1)
            self.rules_after_adding = self.net.sids()
            with Store.open(self.db) as store:
                self.health = health(store, "service", datetime.now())
        super().report(status)

    def _browse(self) -> int:
        deadline = time.monotonic() + 30
        proxy = urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{self.port}"})
        while time.monotonic() < deadline:
            try:
                with urllib.request.build_opener(proxy).open("http://blocked.test/", timeout=10):
                    return 200
            except urllib.error.HTTPError as error:
                return error.code
            except OSError:
                time.sleep(0.2)  # the worker is still starting
        return 0


def test_the_windows_service_loop_filters_serves_its_pipe_and_stops(tmp_path: Path) -> None:
    with Store.open(tmp_path / "qorgan.db") as store:
        rules = ChildRules(deny=("blocked.test",))
        store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, ("aruzhan",), rules=rules))
    port = free_port()
    pipes, registry, net = FakePipes(), FakeRegistry({ARUZHAN}), FakeNetSecurity()
    net.rules[f"Qorgan-{ARUZHAN}-udp"] = "False|Outbound|Block"  # disabled while it was off
    adapters = service_main.Adapters(FakeAccounts(), registry, pipes, net)
    api = ScmWithChild(port, pipes, registry, net, tmp_path / "qorgan.db")
    result = run_as_service(
        "QorganService",
        lambda stop: service_main.run_body(tmp_path, stop, port, adapters=adapters),
        api,
    )
    assert result == 0
    assert api.blocked_status == 403  # the block page, from the child's own port
    assert api.proxy_server == f"127.0.0.1:{port}"  # written by the service itself
    run_key = rf"HKU\{ARUZHAN}\Software\Microsoft\Windows\CurrentVersion\Run"
    assert str(registry.read(run_key, "QorganTray")).endswith('qorgan-tray.exe"')  # and the tray
    assert api.tray_answer["result"]["supervised"] is not False  # type: ignore[index]
    assert states(api)[:2] == [State.START_PENDING, State.RUNNING]
    assert states(api)[-1] is State.STOPPED and api.statuses[-1].win32_exit_code == 0
    assert (tmp_path / "run" / SNAPSHOT_NAME).exists()
    assert list(pipes.instances.values())[-1].closed.is_set()  # no instance left waiting
    assert api.rules_at_start == {ARUZHAN}  # the service's own rules, from the start
    assert api.rules_after_adding == {ARUZHAN, TIMUR}  # a child added in the console
    assert set(net.rules.values()) == {"True|Outbound|Block"}  # the disabled one put back
    assert len(net.rules) == 4  # two each, never twice
    with Store.open(tmp_path / "qorgan.db") as store:
        status = store.setting("protection.status")
    assert isinstance(status, dict)
    assert status["firewall"]["state"] == "applied"  # type: ignore[index]
    assert status["firewall"]["accounts"] == 2  # type: ignore[index]
    assert status["firewall"]["backend"] == "windows-firewall"  # type: ignore[index]
    assert "trust" not in status  # the installer's certutil, not the service, trusts the CA
    assert api.health["healthy"] is True, api.health  # what the console shows, while running


def test_a_pipe_someone_else_holds_stops_the_service_with_an_error(tmp_path: Path) -> None:
    adapters = service_main.Adapters(
        FakeAccounts(), FakeRegistry(set()), FakePipes(taken=True), FakeNetSecurity()
    )
    api = FakeScm()
    body = lambda stop: service_main.run_body(tmp_path, stop, free_port(), adapters=adapters)  # noqa: E731
    assert run_as_service("QorganService", body, api) == 1
    assert api.statuses[-1].win32_exit_code == ERROR_SERVICE_SPECIFIC_ERROR


def test_the_proxy_command_has_a_listener_per_child(tmp_path: Path) -> None:
    command = service_main.proxy_command([47101, 47102], tmp_path / "run", tmp_path)
    modes = [command[i + 1] for i, arg in enumerate(command) if arg == "--mode"]
    assert modes == ["regular@127.0.0.1:47101", "regular@127.0.0.1:47102"]
    assert f"confdir={tmp_path / 'mitmproxy'}" in command
    assert r"qorgan_ipc=\\.\pipe\qorgan" in command  # the block page's actions, on the pipe


def test_with_no_child_to_filter_a_worker_not_started_is_no_fault(tmp_path: Path) -> None:
    supervisor = ProxySupervisor([], "127.0.0.1", 47101, tmp_path / "proxy.log")
    proxy = service_main.WindowsProxy(supervisor, tmp_path / "run", tmp_path)
    seen = service_main.WorkerHealth(proxy)
    assert seen.running is True and seen.pid is None and seen.restarts == 0
    proxy.listening = (47101,)  # a child's port, and no worker on it: the filter is down
    assert seen.running is False and seen.last_exit_code is None
