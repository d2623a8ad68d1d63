"""The demo with every part wired: alerts as events arrive, the report job's beat, and a list
imported over IPC reaching the running proxy without a policy change."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.paths import database_path, socket_path
from app.report.job import RUNNING
from app.store import Store
from rules.records import AlertKind
from tests.e2e.test_demo import Demo, free_port, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Demo]:
    for variable in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    started = Demo(tmp_path / "data", free_port())
    yield started
    if started.process.poll() is None:
        started.kill()


def test_alerts_reports_and_lists_are_wired_into_the_running_demo(
    demo: Demo, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    demo.wait_for_line(f"listening on http://127.0.0.1:{demo.port}", timeout=30)

    # A bypass attempt becomes an alert within a second or two, not at the weekly report.
    assert demo.get("http://dns.google/resolve?name=example.com")[0] == 403

    def alerted() -> list[tuple[AlertKind, str]] | None:
        with Store.open(database_path(data)) as store:
            found = [(a.kind, a.detail) for a in store.alerts(datetime.min)]
        return found or None

    assert wait_for("the bypass alert", alerted, timeout=10) == [
        (AlertKind.BYPASS_ATTEMPT, "dns.google")
    ]

    # The report part ran in its own thread: the service's beat is recorded.
    def beat() -> object:
        with Store.open(database_path(data)) as store:
            return store.setting(RUNNING)

    wait_for("the report job's first beat", beat, timeout=10)

    # A parent imports a list from the console; the proxy follows without a policy change.
    assert demo.get("http://wiring-casino.test/")[0] != 403
    listed = tmp_path / "casinos.txt"
    listed.write_text("wiring-casino.test\n")
    with IpcClient(socket_path(data)) as ipc:
        token = ipc.call("auth.set_pin", pin="2468")
        ipc.token = token["token"]  # type: ignore[index]
        ipc.call("lists.import", path=str(listed), kind="domains", category="gambling")

        def blocked() -> str | None:
            status, page = demo.get("http://wiring-casino.test/")
            return page if status == 403 else None

        page = wait_for("the imported list reaching the proxy", blocked, timeout=20)
        assert "wiring-casino.test" in page
        status = ipc.call("lists.status")
    assert isinstance(status, dict)
    assert [source["name"] for source in status["sources"]] == ["casinos"]  # type: ignore[index, union-attr]
    assert status["last_run"]["state"] == "done"  # type: ignore[index, call-overload]
