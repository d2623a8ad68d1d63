"""`ProxySupervisor`: starts the proxy worker (mitmdump), restarts it when it dies, stops it."""

import logging
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Self

import proxy
from app.paths import socket_path

# Seconds to wait before each restart in a row; a worker that ran long enough starts over.
BACKOFF = (0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0)
STABLE_AFTER = 30.0

logger = logging.getLogger(__name__)


class ProxyStartError(RuntimeError):
    """The proxy worker did not come up; the one-line message says why."""


class PortInUseError(ProxyStartError):
    """Another program already listens on the proxy's port."""


def mitmdump_command(
    host: str, port: int, snapshot: Path, events: Path, data_dir: Path
) -> list[str]:
    """The venv's mitmdump with Qorgan's addons; its CA stays in Qorgan's data folder."""
    return [
        str(Path(sys.executable).with_name("mitmdump")),
        *("--listen-host", host, "--listen-port", str(port), "-q"),
        *("-s", str(Path(proxy.__file__).with_name("worker.py"))),
        *("--set", f"qorgan_snapshot={snapshot}"),
        *("--set", f"qorgan_events={events}"),
        *("--set", f"confdir={data_dir / 'mitmproxy'}"),
        *("--set", f"qorgan_ipc={socket_path(data_dir)}"),
        # Bodies past this are streamed, never held whole (and not content-scored).
        *("--set", "stream_large_bodies=2m"),
    ]


def port_is_free(host: str, port: int) -> bool:
    """Whether a server could listen on the port now (as mitmproxy's asyncio server would)."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        if os.name == "posix":
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
    return True


class ProxySupervisor:
    """Keeps one proxy worker process running and listening on `host:port`.

    `poll()` (called every second by the service) restarts a worker that exited,
    waiting longer after each failure in a row. The worker's output goes to `log_path`.
    """

    def __init__(
        self,
        command: Sequence[str],
        host: str,
        port: int,
        log_path: Path,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        start_timeout: float = 20.0,
        backoff: Sequence[float] = BACKOFF,
        popen_options: Mapping[str, Any] | None = None,
    ) -> None:
        self.command = list(command)
        self.host, self.port = host, port
        self.log_path = log_path
        self.restarts = 0
        self.last_exit_code: int | None = None
        # For the root service: the proxy's user and group, its environment and umask.
        self.popen_options = dict(popen_options or {})
        self._clock, self._sleep = clock, sleep
        self._start_timeout = start_timeout
        self._backoff = backoff
        self._process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None
        self._started_at = 0.0
        self._failures = 0
        self._restart_at: float | None = None

    @classmethod
    def for_mitmdump(
        cls, port: int, snapshot: Path, events: Path, data_dir: Path, **options: Any
    ) -> Self:
        host = "127.0.0.1"
        command = mitmdump_command(host, port, snapshot, events, data_dir)
        return cls(command, host, port, data_dir / "logs" / "proxy.log", **options)

    @property
    def pid(self) -> int | None:
        return None if self._process is None else self._process.pid

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the worker and wait until it accepts connections; ProxyStartError if not."""
        if not port_is_free(self.host, self.port):
            raise PortInUseError(f"port {self.port} on {self.host} is already in use")
        self._spawn()
        try:
            self._wait_until_listening()
        except ProxyStartError:
            self.stop()
            raise

    def poll(self) -> None:
        """Restart the worker if it has exited and its wait is over."""
        if self._process is None:
            return
        code = self._process.poll()
        if code is None:
            return
        now = self._clock()
        self.last_exit_code = code
        if self._restart_at is None:
            if now - self._started_at >= STABLE_AFTER:
                self._failures = 0
            delay = self._backoff[min(self._failures, len(self._backoff) - 1)]
            self._failures += 1
            self._restart_at = now + delay
            logger.warning("proxy worker exited with code %s; restarting in %.1f s", code, delay)
        if now < self._restart_at:
            return
        self._restart_at = None
        self.restarts += 1
        self._spawn()
        try:
            self._wait_until_listening()
        except ProxyStartError as error:
            logger.error("proxy worker restart failed: %s", error)
            self._end_process()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask the worker to finish (it writes its last events), then kill it if it does not."""
        self._end_process(timeout)
        self._process = None
        self._restart_at = None
        if self._log is not None:
            self._log.close()
            self._log = None

    def _spawn(self) -> None:
        if self._log is None:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            self._log = self.log_path.open("ab")
        # Its own process group: Ctrl+C in the terminal reaches the service, which stops it.
        if os.name == "posix":
            group: dict[str, Any] = {"start_new_session": True}
        else:
            group = {"creationflags": getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)}
        self._process = subprocess.Popen(
            self.command,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=self._log,
            **group,
            **self.popen_options,
        )
        self._started_at = self._clock()
        logger.info("proxy worker started, pid %d", self._process.pid)

    def _wait_until_listening(self) -> None:
        assert self._process is not None
        deadline = self._clock() + self._start_timeout
        while True:
            code = self._process.poll()
            if code is not None:
                raise ProxyStartError(f"the proxy exited with code {code}: {self._last_log_line()}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.5):
                    return
            except OSError:
                pass
            if self._clock() >= deadline:
                raise ProxyStartError(
                    f"the proxy did not listen on {self.host}:{self.port} "
                    f"within {self._start_timeout:g} s"
                )
            self._sleep(0.1)

    def _end_process(self, timeout: float = 5.0) -> None:
        process = self._process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def _last_log_line(self) -> str:
        try:
            lines = self.log_path.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            return "no output"
        return next((line for line in reversed(lines) if line.strip()), "no output")
