"""`qorgan run --demo` as a newcomer runs it: a real service, a real mitmdump, real requests."""

import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psutil
import pytest

from app.paths import database_path
from app.store import Store
from rules.decision import Step, Verdict

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]

QORGAN = Path(sys.executable).with_name("qorgan")
UPSTREAM_BODY = b"hello from the local upstream"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for[T](what: str, check: Callable[[], T | None], timeout: float) -> T:
    """Poll `check` until it gives a value; fail saying what never happened."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:g} s")
        time.sleep(0.1)


class Upstream:
    """A local web server that counts the requests that reach it."""

    def __init__(self) -> None:
        self.hits = 0
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                upstream.hits += 1
                self.send_response(200)
                self.send_header("Content-Length", str(len(UPSTREAM_BODY)))
                self.end_headers()
                self.wfile.write(UPSTREAM_BODY)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


class Demo:
    """The demo process, its output line by line, and requests through its proxy."""

    def __init__(self, data_dir: Path, port: int) -> None:
        environment = {
            key: value
            for key, value in os.environ.items()
            if key not in {"DISPLAY", "WAYLAND_DISPLAY", "QORGAN_DATA_DIR"}
        }
        self.port = port
        self.process = subprocess.Popen(
            [
                *(str(QORGAN), "--data-dir", str(data_dir), "--lang", "en"),
                *("run", "--demo", "--port", str(port), "--no-console"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=environment,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()
        proxy = urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{port}"})
        self.opener = urllib.request.build_opener(proxy)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for_line(self, text: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            self.output.append(line)
            if text in line:
                return line
        pytest.fail(f"the demo never said {text!r}; it said:\n" + "\n".join(self.output))

    def get(self, url: str) -> tuple[int, str]:
        """Status and body of a GET through the demo's proxy."""
        try:
            with self.opener.open(url, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8")

    def proxy_worker(self) -> psutil.Process:
        workers = [
            child
            for child in psutil.Process(self.process.pid).children()
            if "mitmdump" in " ".join(child.cmdline())
        ]
        assert len(workers) == 1, f"expected one mitmdump under the demo, found {workers}"
        return workers[0]

    def kill(self) -> None:
        children = psutil.Process(self.process.pid).children(recursive=True)
        self.process.kill()
        for child in children:
            child.kill()
        self.process.wait(5)


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Demo]:
    for variable in ("no_proxy", "NO_PROXY"):  # the local upstream must go through the proxy
        monkeypatch.delenv(variable, raising=False)
    started = Demo(tmp_path / "data", free_port())
    yield started
    if started.process.poll() is None:
        started.kill()


def recorded_hosts(data_dir: Path) -> set[str]:
    today = datetime.now()
    with Store.open(database_path(data_dir)) as store:
        events = store.events("Aruzhan", today - timedelta(days=1), today + timedelta(days=1))
    return {event.host for event in events}


def answered_by_upstream(demo: Demo, url: str) -> bool | None:
    try:
        status, body = demo.get(url)
    except OSError:
        return None
    return True if (status, body) == (200, UPSTREAM_BODY.decode()) else None


def test_the_demo_filters_restarts_its_proxy_and_records_events(demo: Demo, tmp_path: Path) -> None:
    started = time.monotonic()
    demo.wait_for_line(f"listening on http://127.0.0.1:{demo.port}", timeout=30)
    upstream = Upstream()
    local = f"http://127.0.0.1:{upstream.port}/hello"

    assert demo.get(local) == (200, UPSTREAM_BODY.decode())
    assert demo.get(f"http://localhost:{upstream.port}/hello") == (200, UPSTREAM_BODY.decode())
    assert upstream.hits == 2

    # While it runs, the worker spools events every second and the service stores them.
    def stored() -> bool | None:
        return "localhost" in recorded_hosts(tmp_path / "data") or None

    wait_for("the allowed request's event reaching the store", stored, timeout=10)

    first_worker = demo.proxy_worker()
    first_worker.kill()

    def answered() -> bool | None:
        return answered_by_upstream(demo, local)

    wait_for("the proxy answering again after its worker was killed", answered, timeout=10)
    assert demo.proxy_worker().pid != first_worker.pid
    hits = upstream.hits

    status, page = demo.get("http://casino-sample.test/offers?user=aruzhan")
    assert status == 403
    assert "casino-sample.test" in page
    assert "41-1" in page
    status, page = demo.get("http://dns.google/resolve?name=example.com")
    assert status == 403
    assert '<html lang="kk">' in page
    assert "DNS-over-HTTPS серверлері" in page
    assert upstream.hits == hits

    # A parent changes the policy (as `qorgan` or the console would): the proxy follows.
    with Store.open(database_path(tmp_path / "data")) as store:
        aruzhan = store.child("Aruzhan")
        store.update_child(replace(aruzhan, rules=replace(aruzhan.rules, deny=("localhost",))))

    def denied() -> bool | None:
        return demo.get(f"http://localhost:{upstream.port}/hello")[0] == 403 or None

    wait_for("the parent's new deny rule reaching the proxy", denied, timeout=10)
    hits = upstream.hits
    assert demo.get(f"http://localhost:{upstream.port}/hello")[0] == 403
    assert upstream.hits == hits

    demo.process.send_signal(signal.SIGTERM)
    assert demo.process.wait(15) == 0, "SIGTERM did not stop the demo cleanly"
    demo.wait_for_line("Qorgan stopped.", timeout=5)

    today = datetime.now()
    with Store.open(database_path(tmp_path / "data")) as store:
        events = store.events("Aruzhan", today - timedelta(days=1), today + timedelta(days=1))
    seen = {(e.host, e.verdict, e.step) for e in events}
    assert ("casino-sample.test", Verdict.BLOCK, Step.NATIONAL_LIST) in seen
    assert ("dns.google", Verdict.BLOCK, Step.BYPASS) in seen
    assert ("127.0.0.1", Verdict.ALLOW, Step.DEFAULT) in seen
    assert ("localhost", Verdict.ALLOW, Step.DEFAULT) in seen
    assert ("localhost", Verdict.BLOCK, Step.DENY_LIST) in seen
    assert all("?" not in e.host and "/" not in e.host for e in events)
    assert time.monotonic() - started < 45
