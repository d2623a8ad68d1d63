"""The process monitor: the child's processes by a cheap scan, and closing an app safely.

A scan runs every poll (2-3 s), so it must cost little with hundreds of processes. On
Linux it lists `/proc` and stats each entry (the owner and the inode): a process is
looked at closely (its real uid, name, executable, start time) only the first time its
(pid, inode) pair is seen. A new process on a reused pid gets a new inode, so it is never
mistaken for the old one. Elsewhere psutil's process list is used, with the same cache.

A process is closed only after it is confirmed to be the one that was seen (pid and start
time): it is asked to terminate, given a moment, and killed if it is still alive.
"""

import hashlib
import logging
import os
import sys
import time
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import psutil  # type: ignore[import-untyped, unused-ignore]

from rules.apps import Executable

if sys.platform != "win32":
    import pwd

PROC = Path("/proc") if sys.platform == "linux" else None
TERMINATE_WAIT = 1.0  # seconds an app gets to close after being asked, before it is killed
KILL_WAIT = 1.0
HASH_LIMIT = 512 * 1024 * 1024  # executables larger than this are not hashed

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Proc:
    """A process of a watched account, as first seen: `started` with `pid` names it for good."""

    pid: int
    started: float
    account: str
    executable: Executable
    handle: psutil.Process = field(compare=False, repr=False)


class Outcome(StrEnum):
    """What closing a process came to."""

    GONE = "gone"  # it had ended already (or is a zombie): nothing to do
    NOT_SAME = "not_same"  # the pid now belongs to another process: left alone
    TERMINATED = "terminated"
    KILLED = "killed"
    SURVIVED = "survived"
    DENIED = "denied"


def _gone(process: psutil.Process) -> bool:
    try:
        return not process.is_running() or process.status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True
    except psutil.AccessDenied:
        return False


def _wait_gone(process: psutil.Process, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        if _gone(process):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)


def stop_process(
    proc: Proc, terminate_wait: float = TERMINATE_WAIT, kill_wait: float = KILL_WAIT
) -> Outcome:
    """Close `proc` if it is still the process that was seen: terminate, wait, kill if alive."""
    try:
        current = psutil.Process(proc.pid)
    except psutil.NoSuchProcess:
        return Outcome.GONE
    if current != proc.handle:  # psutil compares pid and start time
        return Outcome.NOT_SAME
    if _gone(current):
        return Outcome.GONE
    try:
        current.terminate()
        if _wait_gone(current, terminate_wait):
            return Outcome.TERMINATED
        current.kill()
    except psutil.NoSuchProcess:
        return Outcome.TERMINATED
    except psutil.AccessDenied:
        return Outcome.DENIED
    return Outcome.KILLED if _wait_gone(current, kill_wait) else Outcome.SURVIVED


def alive(proc: Proc) -> bool:
    """Still running and not a zombie (an ended app whose parent has not collected it)."""
    return not _gone(proc.handle)


def _linux_state(proc_dir: Path, pid: int) -> str | None:
    """The state letter in /proc/<pid>/stat (`Z` for a zombie); None if the process is gone."""
    try:
        with open(proc_dir / str(pid) / "stat", "rb") as file:
            text = file.read(512)
    except OSError:
        return None
    _, closing, rest = text.rpartition(b")")  # the name in brackets may hold anything
    return rest[1:2].decode() if closing else None


class _Hashes:
    """SHA-256 of executables, read once per file version (path, size, modification time)."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, int, int], str | None] = {}

    def of(self, path: str) -> str | None:
        try:
            stat = os.stat(path)
        except OSError:
            return None
        key = (path, stat.st_size, stat.st_mtime_ns)
        if key not in self._known:
            self._known[key] = self._read(path) if stat.st_size <= HASH_LIMIT else None
        return self._known[key]

    @staticmethod
    def _read(path: str) -> str | None:
        digest = hashlib.sha256()
        try:
            with open(path, "rb") as file:
                while chunk := file.read(1 << 20):
                    digest.update(chunk)
        except OSError:
            return None
        return digest.hexdigest()


def _describe(process: psutil.Process, hashes: _Hashes | None) -> tuple[float, Executable]:
    with process.oneshot():
        started = process.create_time()
        name = process.name()
        try:
            path = process.exe()
        except (psutil.AccessDenied, psutil.ZombieProcess, OSError):
            path = ""
    digest = hashes.of(path) if hashes is not None and path else None
    return started, Executable(name, path, digest)


class ProcessMonitor:
    """Scans the processes of watched accounts; `stop` closes one."""

    def __init__(self, hash_executables: bool = False, proc: Path | None = PROC) -> None:
        """`proc` is Linux's /proc for the fast scan; None uses psutil's list (any OS)."""
        self.proc = proc
        self.hashes = _Hashes() if hash_executables else None
        # pid -> (inode, owner uid as stat shows it, the process if it is a watched one)
        self._seen: dict[int, tuple[int, int, Proc | None]] = {}
        self._handles: dict[psutil.Process, Proc | None] = {}
        self._accounts: frozenset[str] = frozenset()

    def scan(self, accounts: Collection[str]) -> list[Proc]:
        """The processes of `accounts` now, oldest pid first."""
        if not accounts:
            return []
        if frozenset(accounts) != self._accounts:  # who is watched changed: look afresh
            self.forget()
            self._accounts = frozenset(accounts)
        if self.proc is not None:
            return list(self._scan_proc(accounts))
        return list(self._scan_psutil(accounts))

    def stop(self, proc: Proc) -> Outcome:
        return stop_process(proc)

    def alive(self, proc: Proc) -> bool:
        """Still running and not a zombie; cheap on Linux, where the scan vouches for the pid."""
        if self.proc is None:
            return alive(proc)
        return _linux_state(self.proc, proc.pid) not in {None, "Z", "X"}

    def _scan_proc(self, accounts: Collection[str]) -> Iterator[Proc]:
        assert self.proc is not None
        uids = _uids(accounts)
        seen: dict[int, tuple[int, int, Proc | None]] = {}
        with os.scandir(self.proc) as entries:
            for entry in entries:
                if not entry.name.isdigit():
                    continue
                try:
                    stat = entry.stat()
                except OSError:
                    continue
                pid = int(entry.name)
                known = self._seen.get(pid)
                if known is not None and known[:2] == (stat.st_ino, stat.st_uid):
                    seen[pid] = known
                else:
                    seen[pid] = (stat.st_ino, stat.st_uid, self._look(pid, uids))
        self._seen = seen
        for pid in sorted(seen):
            found = seen[pid][2]
            if found is not None:
                yield found

    def _look(self, pid: int, uids: dict[int, str]) -> Proc | None:
        """The process on `pid` if its real uid is a watched account's."""
        try:
            process = psutil.Process(pid)
            account = uids.get(process.uids().real)
            if account is None:
                return None
            started, executable = _describe(process, self.hashes)
        except (psutil.Error, OSError):
            return None
        return Proc(pid, started, account, executable, process)

    def _scan_psutil(self, accounts: Collection[str]) -> Iterator[Proc]:
        wanted = {account.casefold(): account for account in accounts}
        handles: dict[psutil.Process, Proc | None] = {}
        for pid in psutil.pids():
            try:  # a fresh object knows its start time, so a reused pid is a new process
                process = psutil.Process(pid)
            except psutil.Error:
                continue
            if process in self._handles:
                handles[process] = self._handles[process]
            else:
                handles[process] = self._identify(process, wanted)
        self._handles = handles
        yield from (found for found in handles.values() if found is not None)

    def _identify(self, process: psutil.Process, wanted: dict[str, str]) -> Proc | None:
        try:
            owner = process.username().rsplit("\\", 1)[-1].casefold()
            if owner not in wanted:
                return None
            started, executable = _describe(process, self.hashes)
        except (psutil.Error, OSError):
            return None
        return Proc(process.pid, started, wanted[owner], executable, process)

    def forget(self) -> None:
        """Look at every process afresh (the watched accounts changed)."""
        self._seen.clear()
        self._handles.clear()


def _uids(accounts: Collection[str]) -> dict[int, str]:
    uids = {}
    for account in accounts:
        try:
            uids[pwd.getpwnam(account).pw_uid] = account
        except KeyError:
            continue
    return uids
