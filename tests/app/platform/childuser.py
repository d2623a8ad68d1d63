"""A real test child account and real processes run as it, for the monitor's tests."""

import pwd
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil

CHILD = "qorgan-test-child"


def account(name: str = CHILD) -> pwd.struct_passwd:
    """The system account, created (no home, no login shell) if this PC does not have it yet.

    A system account (uid below 1000) is never taken for a person by other parts' tests.
    """
    try:
        return pwd.getpwnam(name)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
            check=True,
            capture_output=True,
        )
        return pwd.getpwnam(name)


class Programs:
    """Copies of small programs under game names, in a folder the child may run them from."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.started: list[subprocess.Popen[bytes]] = []

    def copy(self, program: str, name: str) -> Path:
        found = shutil.which(program)
        assert found is not None, f"{program} is needed for this test"
        target = self.folder / name
        shutil.copy2(found, target)
        target.chmod(0o755)
        return target

    def start(self, name: str, *arguments: str, as_child: bool = True) -> subprocess.Popen[bytes]:
        """Run the copy called `name` (copied from `sleep` if there is none yet)."""
        path = self.folder / name
        if not path.exists():
            self.copy("sleep", name)
        user = account() if as_child else None
        process = subprocess.Popen(
            [str(path), *(arguments or ("120",))],
            user=None if user is None else user.pw_uid,
            group=None if user is None else user.pw_gid,
            extra_groups=None if user is None else [],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.started.append(process)
        wait_for(lambda: _named(process.pid, name))
        return process

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)


def _named(pid: int, name: str) -> bool:
    """The child has exec'd the program (its name is no longer python's)."""
    try:
        return psutil.Process(pid).name() == name[:15]
    except psutil.Error:
        return False


def wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """A bounded wait for something that happens soon."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.01)


@contextmanager
def programs() -> Iterator[Programs]:
    account()
    folder = Path(tempfile.mkdtemp(prefix="qorgan-test-", dir="/tmp"))
    folder.chmod(0o755)
    found = Programs(folder)
    try:
        yield found
    finally:
        found.stop_all()
        shutil.rmtree(folder, ignore_errors=True)


def exit_signal(process: subprocess.Popen[bytes], seconds: float = 5.0) -> int:
    """The signal that ended `process` (collected within a bounded wait)."""
    return -process.wait(timeout=seconds)
