"""Alerts for the console over a real socket and store: raised through the upkeep, polled
with a cursor, counted while unseen, marked seen; repeats folded into one."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.paths import database_path
from app.service import api_console, api_core
from app.service.api import Api
from app.service.service_loop import Upkeep
from app.store import Store
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.ipc import ErrorCode, IpcError
from rules.policy import ChildProfile
from rules.records import DecisionEvent
from rules.wire import event_to_json

PIN = "2468"
NOW = datetime(2026, 11, 23, 16, 0)


def event(minutes: int, host: str, step: Step, category: Category | None = None) -> DecisionEvent:
    at = NOW + timedelta(minutes=minutes)
    return DecisionEvent(at, "Aruzhan", host, Verdict.BLOCK, step, "r", category)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Store.open(database_path(folder)) as store:
        store.set_pin(PIN)
        store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, ("aruzhan",)))
        store.add_child(ChildProfile("Timur", AgeClass.SIX, ("timur",)))
    return folder


@pytest.fixture
def ipc(data: Path) -> Iterator[IpcClient]:
    api = Api(lambda: Store.open(database_path(data)), lambda: NOW, frozenset())
    api_core.register(api, "demo")
    api_console.register(api, "demo")
    server = IpcServer(data / "run" / "qorgan.sock", api.dispatch)
    server.start()
    with IpcClient(server.path) as client:
        yield client
    server.stop()


def ingest(data: Path, *events: DecisionEvent) -> None:
    """Through the service loop's own path: the proxy's spool, then the upkeep."""
    spool = data / "run" / "events.jsonl"
    spool.parent.mkdir(parents=True, exist_ok=True)
    spool.write_text("".join(event_to_json(e) + "\n" for e in events), encoding="utf-8")
    with Store.open(database_path(data)) as store:
        Upkeep(store, data / "snapshot", spool, data / "national.json", now=lambda: NOW).ingest(
            final=True
        )


def test_only_a_parent_reads_or_marks_alerts(ipc: IpcClient) -> None:
    for method, params in (("alerts.recent", {}), ("alerts.seen", {"up_to": 1})):
        with pytest.raises(IpcError) as caught:
            ipc.call(method, **params)
        assert caught.value.code is ErrorCode.UNAUTHORIZED


def test_a_risky_event_reaches_the_console_once_and_is_marked_seen(
    ipc: IpcClient, data: Path
) -> None:
    ipc.login(PIN)
    empty = ipc.call("alerts.recent")
    assert empty == {"alerts": [], "cursor": 0, "unseen": 0, "unseen_by_child": {}}
    ingest(
        data,
        event(0, "harm.example", Step.CATEGORY, Category.SELF_HARM),
        event(1, "harm.example", Step.CATEGORY, Category.SELF_HARM),  # the page again
        event(2, "bilimland.kz", Step.CATEGORY, Category.GAMES),  # not an alert
        event(3, "dns.google", Step.BYPASS),
    )
    ingest(data, event(10, "harm.example", Step.CATEGORY, Category.SELF_HARM))  # still folded
    polled = ipc.call("alerts.recent", after=0)
    kinds = [(a["kind"], a["detail"], a["child"]) for a in polled["alerts"]]
    assert kinds == [
        ("self_harm", "harm.example", "Aruzhan"),
        ("bypass_attempt", "dns.google", "Aruzhan"),
    ]
    assert polled["alerts"][0]["at"] == "2026-11-23T16:00:00"
    assert polled["unseen"] == 2 and polled["unseen_by_child"] == {"Aruzhan": 2}
    cursor = polled["cursor"]
    assert ipc.call("alerts.recent", after=cursor)["alerts"] == []
    assert [a["kind"] for a in ipc.call("alerts.recent")["alerts"]] == [
        "self_harm",
        "bypass_attempt",
    ]

    first = polled["alerts"][0]["id"]
    assert ipc.call("alerts.seen", up_to=first) == {
        "marked": 1, "unseen": 1, "unseen_by_child": {"Aruzhan": 1}
    }  # fmt: skip
    assert ipc.call("alerts.seen", up_to=first)["marked"] == 0
    reopened = ipc.call("alerts.recent")  # a console opened later shows what is still unseen
    assert [a["detail"] for a in reopened["alerts"]] == ["dns.google"]
    assert reopened["cursor"] == cursor

    ingest(data, event(45, "harm.example", Step.CATEGORY, Category.SELF_HARM))  # half an hour on
    later = ipc.call("alerts.recent", after=cursor)
    assert [a["detail"] for a in later["alerts"]] == ["harm.example"]
    assert later["cursor"] > cursor and later["unseen"] == 2


@pytest.mark.parametrize(
    ("method", "params", "field"),
    [
        ("alerts.recent", {"after": -1}, "after"),
        ("alerts.recent", {"after": "x"}, "after"),
        ("alerts.seen", {}, "up_to"),
        ("alerts.seen", {"up_to": -3}, "up_to"),
    ],
)
def test_a_bad_cursor_is_refused_by_name(
    ipc: IpcClient, method: str, params: dict[str, object], field: str
) -> None:
    ipc.login(PIN)
    with pytest.raises(IpcError) as caught:
        ipc.call(method, **params)
    assert caught.value.code is ErrorCode.INVALID
    assert caught.value.message.startswith(f"{field}:")
