"""`qorgan-service selftest`: one allowed and one blocked request through Qorgan's own proxy.

Runs as any user, touches no firewall and listens on 127.0.0.1 only: a throwaway data
folder with one 12+ profile whose deny list names `localhost`, a local upstream server,
and the bundle's own mitmdump with Qorgan's addons (the frozen `mitmdump` beside the
service, or the venv's). Exits non-zero on any failure, printing what failed.
"""

import argparse
import datetime
import http.server
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from app.paths import database_path
from app.report.content import report_document
from app.report.data import history_days, weekly_report
from app.report.files import RenderError, renderer_command, write_pdf
from app.service.demo import DemoService
from app.service.snapshot import SNAPSHOT_NAME
from app.service.supervisor import ProxyStartError, ProxySupervisor
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, ChildRules
from rules.report_week import IsoWeek
from rules.text import Language

MARKER = b"qorgan-selftest-upstream"
BLOCKED_HOST = "localhost"


class _Upstream(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        self.seen: list[str] = []
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(http.server.BaseHTTPRequestHandler):
    server: _Upstream

    def do_GET(self) -> None:
        self.server.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(MARKER)))
        self.end_headers()
        self.wfile.write(MARKER)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _upstream() -> Iterator[_Upstream]:
    server = _Upstream()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _free_port() -> int:
    import socket  # noqa: PLC0415

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _get(proxy_port: int, url: str) -> tuple[int, bytes]:
    handler = urllib.request.ProxyHandler({"http": f"http://127.0.0.1:{proxy_port}"})
    opener = urllib.request.build_opener(handler)
    try:
        with opener.open(url, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def run_selftest(work: Path, out: TextIO = sys.stdout) -> list[str]:
    """The failures (empty when both requests were decided as they must be)."""
    data_dir = work / "data"
    failures: list[str] = []
    with Store.open(database_path(data_dir)) as store:
        rules = ChildRules(deny=(BLOCKED_HOST,))
        store.add_child(ChildProfile("Selftest", AgeClass.TWELVE, rules=rules))
        service = DemoService(store, data_dir)
        service.publish()
    port = _free_port()
    supervisor = ProxySupervisor.for_mitmdump(
        port, service.run_dir / SNAPSHOT_NAME, service.spool, data_dir
    )
    with _upstream() as upstream:
        try:
            supervisor.start()
        except (ProxyStartError, OSError) as error:
            return [f"the proxy did not start: {error} (log: {supervisor.log_path})"]
        try:
            up = upstream.server_address[1]
            status, body = _get(port, f"http://127.0.0.1:{up}/allowed")
            ok = status == 200 and body == MARKER
            print(f"allowed request: {status} {'ok' if ok else 'FAILED'}", file=out)
            if not ok:
                failures.append(f"the allowed request got {status} {body[:80]!r}")
            status, body = _get(port, f"http://{BLOCKED_HOST}:{up}/blocked")
            reached = "/blocked" in upstream.seen
            ok = status != 200 and not reached and MARKER not in body
            print(f"blocked request: {status} {'ok' if ok else 'FAILED'}", file=out)
            if not ok:
                failures.append(f"the blocked request got {status}, upstream reached: {reached}")
        finally:
            supervisor.stop()
    with Store.open(database_path(data_dir)) as store:  # the blocked request, into the report
        DemoService(store, data_dir).ingest(final=True)
    failures += render_check(data_dir, out)
    return failures


def render_check(data_dir: Path, out: TextIO) -> list[str]:
    """This week's report of the self-test's child, printed to a PDF: the failures."""
    now = datetime.datetime.now()
    output = data_dir / "selftest-report.pdf"
    try:
        with Store.open(database_path(data_dir)) as store:
            child = store.children()[0]
            report = weekly_report(store, child, IsoWeek.containing(now.date()), now)
            document = report_document(report, Language.KK, now, history_days(store))
        renderer = renderer_command()[0]
        write_pdf(document, output)
    except (RenderError, OSError, IndexError) as error:
        print("PDF report: FAILED", file=out)
        return [f"the PDF report was not made: {error}"]
    head = output.read_bytes()[:5]
    ok = head == b"%PDF-"
    print(
        f"PDF report: {output.stat().st_size} bytes by {renderer} {'ok' if ok else 'FAILED'}",
        file=out,
    )
    return [] if ok else [f"the report is not a PDF: it starts {head!r}"]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qorgan-service selftest", description=__doc__)
    parser.add_argument("--keep", type=Path, default=None, help="work in DIR and keep it")
    args = parser.parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        failures = run_selftest(args.keep)
    else:
        with tempfile.TemporaryDirectory(prefix="qorgan-selftest-") as folder:
            failures = run_selftest(Path(folder))
    for failure in failures:
        print(f"qorgan-service selftest: {failure}", file=sys.stderr)
    print("selftest " + ("FAILED" if failures else "passed"))
    return 1 if failures else 0
