"""The process monitor against real processes of a real test child account."""

import hashlib
import signal
from collections.abc import Iterator

import psutil
import pytest

from app.service.procmon import Outcome, Proc, ProcessMonitor, alive, stop_process
from rules.apps import Executable
from tests.app.platform.childuser import CHILD, Programs, exit_signal, programs


@pytest.fixture
def apps() -> Iterator[Programs]:
    with programs() as found:
        yield found


@pytest.mark.parametrize("fast", [True, False], ids=["proc", "psutil"])
def test_a_scan_finds_the_childs_processes_only(apps: Programs, fast: bool) -> None:
    monitor = ProcessMonitor() if fast else ProcessMonitor(proc=None)
    game = apps.start("minecraft")
    mine = apps.start("roblox", as_child=False)
    found = {proc.pid: proc for proc in monitor.scan({CHILD})}
    assert game.pid in found and mine.pid not in found
    proc = found[game.pid]
    assert proc.account == CHILD
    assert proc.executable == Executable("minecraft", str(apps.folder / "minecraft"))
    assert proc.started == pytest.approx(psutil.Process(game.pid).create_time())
    again = {proc.pid: proc for proc in monitor.scan({CHILD})}
    assert again[game.pid] is proc  # looked at closely once
    assert monitor.scan(set()) == []


def test_a_new_process_is_seen_at_the_next_scan(apps: Programs) -> None:
    monitor = ProcessMonitor()
    first = apps.start("minecraft")
    assert first.pid in {p.pid for p in monitor.scan({CHILD})}
    first.kill()
    first.wait(timeout=5)
    second = apps.start("minecraft")
    pids = {p.pid for p in monitor.scan({CHILD})}
    assert first.pid not in pids and second.pid in pids


def test_watching_a_new_account_looks_at_every_process_again(apps: Programs) -> None:
    monitor = ProcessMonitor()
    game = apps.start("minecraft", as_child=False)
    assert game.pid not in {p.pid for p in monitor.scan({CHILD})}
    assert game.pid in {p.pid for p in monitor.scan({CHILD, "root"})}


def test_a_blocked_app_is_terminated(apps: Programs) -> None:
    game = apps.start("minecraft")
    [proc] = [p for p in ProcessMonitor().scan({CHILD}) if p.pid == game.pid]
    assert alive(proc)
    assert stop_process(proc) is Outcome.TERMINATED
    assert exit_signal(game) == signal.SIGTERM
    assert not alive(proc)
    assert stop_process(proc) is Outcome.GONE


def test_an_app_that_ignores_terminate_is_killed(apps: Programs) -> None:
    apps.copy("bash", "roblox")
    stubborn = apps.start("roblox", "-c", "trap '' TERM; while :; do sleep 0.05; done")
    [proc] = [p for p in ProcessMonitor().scan({CHILD}) if p.pid == stubborn.pid]
    assert stop_process(proc, terminate_wait=0.3) is Outcome.KILLED
    assert exit_signal(stubborn) == signal.SIGKILL


def test_a_pid_that_now_names_another_process_is_left_alone(apps: Programs) -> None:
    game = apps.start("minecraft")
    other = apps.start("roblox")
    imposter = Proc(game.pid, 0.0, CHILD, Executable("minecraft"), psutil.Process(other.pid))
    assert stop_process(imposter) is Outcome.NOT_SAME
    assert game.poll() is None and other.poll() is None


def test_a_process_that_is_gone_is_nothing_to_stop(apps: Programs) -> None:
    game = apps.start("minecraft")
    [proc] = [p for p in ProcessMonitor().scan({CHILD}) if p.pid == game.pid]
    game.kill()
    game.wait(timeout=5)
    assert stop_process(proc) is Outcome.GONE


def test_executables_can_be_known_by_their_hash(apps: Programs) -> None:
    game = apps.start("minecraft")
    monitor = ProcessMonitor(hash_executables=True)
    [proc] = [p for p in monitor.scan({CHILD}) if p.pid == game.pid]
    expected = hashlib.sha256((apps.folder / "minecraft").read_bytes()).hexdigest()
    assert proc.executable.sha256 == expected
