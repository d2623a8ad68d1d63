"""The proxy supervisor with real processes: a small stand-in server, and mitmdump itself."""

import os
import signal
import socket
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.paths import assets_dir
from app.service.snapshot import drain_events, write_snapshot
from app.service.supervisor import (
    PortInUseError,
    ProxyStartError,
    ProxySupervisor,
    mitmdump_command,
    port_is_free,
)
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy

# Listens on the port given, and answers nothing: enough for "accepts connections".
SERVER = (
    "import socket, sys, time\n"
    "s = socket.socket()\n"
    "s.bind(('127.0.0.1', int(sys.argv[1])))\n"
    "s.listen()\n"
    "while True: time.sleep(1)\n"
)


class FakeClock:
    """A clock that moves only when told to, or when the supervisor sleeps."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.now += seconds
        time.sleep(seconds)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def port() -> int:
    return free_port()


@pytest.fixture
def supervisor(tmp_path: Path, clock: FakeClock, port: int) -> Iterator[ProxySupervisor]:
    command = [sys.executable, "-c", SERVER, str(port)]
    supervised = ProxySupervisor(
        command, "127.0.0.1", port, tmp_path / "logs" / "proxy.log", clock=clock, sleep=clock.sleep
    )
    yield supervised
    supervised.stop()


def kill(pid: int | None, port: int) -> None:
    """Kill the worker without reaping it (the supervisor does), and see its port close."""
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 5
    while listening(port):
        assert time.monotonic() < deadline, "the killed worker still listens"
        time.sleep(0.02)


def test_start_waits_until_the_worker_listens_and_stop_ends_it(
    supervisor: ProxySupervisor, port: int
) -> None:
    supervisor.start()
    assert listening(port)
    assert supervisor.pid is not None
    supervisor.stop()
    assert supervisor.pid is None
    assert not listening(port)
    assert port_is_free("127.0.0.1", port)


def test_a_taken_port_is_refused_before_anything_starts(
    supervisor: ProxySupervisor, port: int
) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", port))
        other.listen()
        with pytest.raises(PortInUseError, match=f"port {port} on 127.0.0.1 is already in use"):
            supervisor.start()
    assert supervisor.pid is None


def test_a_worker_that_exits_at_start_is_reported_with_its_last_words(
    tmp_path: Path, port: int
) -> None:
    command = [
        sys.executable,
        "-c",
        "import sys; print('no such option', file=sys.stderr); exit(3)",
    ]
    supervisor = ProxySupervisor(command, "127.0.0.1", port, tmp_path / "proxy.log")
    with pytest.raises(ProxyStartError, match="exited with code 3: no such option"):
        supervisor.start()


def test_a_worker_that_never_listens_times_out_and_is_stopped(tmp_path: Path, port: int) -> None:
    command = [sys.executable, "-c", "import time; time.sleep(60)"]
    supervisor = ProxySupervisor(
        command, "127.0.0.1", port, tmp_path / "proxy.log", start_timeout=0.3
    )
    with pytest.raises(ProxyStartError, match=f"did not listen on 127.0.0.1:{port} within 0.3 s"):
        supervisor.start()
    assert supervisor.pid is None


def test_a_dead_worker_is_restarted_after_a_growing_wait(
    supervisor: ProxySupervisor, clock: FakeClock, port: int
) -> None:
    supervisor.start()
    for wait in (0.5, 1.0, 2.0):
        kill(supervisor.pid, port)
        supervisor.poll()
        clock.now += wait - 0.1
        supervisor.poll()
        assert not listening(port), f"restarted before its {wait} s wait"
        clock.now += 0.1
        supervisor.poll()
        assert listening(port)
    assert supervisor.restarts == 3


def test_a_worker_that_ran_long_enough_is_restarted_at_once_again(
    supervisor: ProxySupervisor, clock: FakeClock, port: int
) -> None:
    supervisor.start()
    for _ in range(3):  # three failures in a row: the next wait would be 4 s
        kill(supervisor.pid, port)
        supervisor.poll()
        clock.now += 10
        supervisor.poll()
    clock.now += 30
    kill(supervisor.pid, port)
    supervisor.poll()
    clock.now += 0.5
    supervisor.poll()
    assert listening(port)
    assert supervisor.restarts == 4


def test_poll_leaves_a_running_worker_alone(supervisor: ProxySupervisor) -> None:
    supervisor.poll()  # nothing started yet
    supervisor.start()
    pid = supervisor.pid
    supervisor.poll()
    assert supervisor.pid == pid
    assert supervisor.restarts == 0


def test_the_mitmdump_command_keeps_the_ca_in_qorgans_data(tmp_path: Path) -> None:
    command = mitmdump_command(
        "127.0.0.1", 8080, tmp_path / "s.json", tmp_path / "e.jsonl", tmp_path
    )
    assert Path(command[0]) == Path(sys.executable).with_name("mitmdump")
    assert command[command.index("--listen-host") + 1] == "127.0.0.1"
    assert command[command.index("--listen-port") + 1] == "8080"
    assert Path(command[command.index("-s") + 1]).name == "worker.py"
    assert f"confdir={tmp_path / 'mitmproxy'}" in command
    assert f"qorgan_snapshot={tmp_path / 's.json'}" in command
    assert f"qorgan_events={tmp_path / 'e.jsonl'}" in command


def test_real_mitmdump_blocks_through_the_worker_and_writes_events_when_stopped(
    tmp_path: Path, port: int
) -> None:
    policy = Policy(children=(ChildProfile("Aruzhan", AgeClass.TWELVE),))
    national = assets_dir() / "lists" / "national-sample.json"
    snapshot = write_snapshot(tmp_path / "run", policy, national, "Aruzhan")
    events = tmp_path / "run" / "events.jsonl"
    supervisor = ProxySupervisor.for_mitmdump(port, snapshot, events, tmp_path)
    supervisor.start()
    try:
        proxy = urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{port}"})
        with pytest.raises(urllib.error.HTTPError) as answer:
            urllib.request.build_opener(proxy).open("http://casino-sample.test/x?y=1", timeout=10)
        assert answer.value.code == 403
        assert "41-1" in answer.value.read().decode("utf-8")
    finally:
        supervisor.stop()
    assert (tmp_path / "mitmproxy" / "mitmproxy-ca-cert.pem").exists()
    assert [e.host for e in drain_events(events)] == ["casino-sample.test"]
