"""The service loop's upkeep: risky events raise alerts as they are ingested, a new compiled
list and the screen-time budgets reach the proxy's snapshot folder."""

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.listcompile import COMPILED_DIR, CURRENT_NAME
from app.listsources import Fetcher, SourceOptions
from app.listupdate import ListUpdater
from app.paths import database_path
from app.service.budgets import BUDGETS_NAME
from app.service.demo import DemoService
from app.service.screentime_store import write_state
from app.service.service_loop import Upkeep
from app.service.snapshot import SNAPSHOT_NAME
from app.store import Store
from proxy.snapshot import load_snapshot
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import ChildProfile
from rules.records import Alert, AlertKind, DecisionEvent, ListKind, ListSource
from rules.screentime_state import STATE_NAME
from rules.wire import event_to_json

MOMENT = datetime(2026, 11, 23, 16, 0)
SELF_HARM = DecisionEvent(
    MOMENT, "Aruzhan", "harm.example", Verdict.BLOCK, Step.CATEGORY, "c", Category.SELF_HARM
)
BYPASS = DecisionEvent(MOMENT, "Aruzhan", "dns.google", Verdict.BLOCK, Step.BYPASS, "doh")
ALLOWED = DecisionEvent(MOMENT, "Aruzhan", "bilimland.kz", Verdict.ALLOW, Step.DEFAULT, "d")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(database_path(tmp_path / "data")) as opened:
        opened.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE))
        yield opened


def spool_events(spool: Path, *events: DecisionEvent) -> None:
    spool.parent.mkdir(parents=True, exist_ok=True)
    with spool.open("a", encoding="utf-8") as file:
        file.writelines(event_to_json(event) + "\n" for event in events)


def upkeep(store: Store, tmp_path: Path, **options: object) -> Upkeep:
    national = tmp_path / "data" / "lists" / "national.json"
    return Upkeep(store, tmp_path / "proxy", tmp_path / "spool.jsonl", national, **options)  # type: ignore[arg-type]


def test_risky_blocks_become_alerts_as_they_are_ingested(store: Store, tmp_path: Path) -> None:
    service = upkeep(store, tmp_path, now=lambda: MOMENT)
    spool_events(service.spool, SELF_HARM, BYPASS, ALLOWED)
    service.tick()  # set aside for the next second
    assert store.alerts(datetime.min) == []
    service.tick()
    alerts = store.alerts(datetime.min)
    assert [(a.kind, a.detail) for a in alerts] == [
        (AlertKind.SELF_HARM, "harm.example"),
        (AlertKind.BYPASS_ATTEMPT, "dns.google"),
    ]
    spool_events(service.spool, BYPASS)  # a retry minutes later is the same alert
    assert service.ingest(final=True) == 1
    assert len(store.alerts(datetime.min)) == 2


class BusyStore(Store):
    """A store whose alerts table is locked for a while (another writer holds it)."""

    busy = True

    def add_alert(self, alert: Alert) -> int:
        if self.busy:
            raise sqlite3.OperationalError("database is locked")
        return super().add_alert(alert)


def test_alerts_the_store_refused_are_raised_with_the_next_batch(tmp_path: Path) -> None:
    with BusyStore.open(database_path(tmp_path / "data")) as store:
        service = upkeep(store, tmp_path, now=lambda: MOMENT)
        spool_events(service.spool, SELF_HARM)
        assert service.ingest(final=True) == 1
        assert store.events(None, MOMENT, MOMENT + timedelta(seconds=1)) == [SELF_HARM]
        store.busy = False
        assert service.ingest(final=True) == 0
        assert [a.kind for a in store.alerts(datetime.min)] == [AlertKind.SELF_HARM]


def compile_lists(store: Store, lists_dir: Path, domains: str, now: datetime) -> None:
    listed = lists_dir.parent / "casino.txt"
    listed.write_text(domains)
    source = ListSource("casino", ListKind.DOMAINS, str(listed), Category.GAMBLING)
    [result] = ListUpdater(store, lists_dir, Fetcher(), now).update(
        [source], {"casino": SourceOptions({})}
    )
    assert result.error is None


def test_the_demo_republishes_when_a_new_compiled_list_is_current(
    store: Store, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    service = DemoService(store, data)
    assert service.publish()
    assert not service.publish()
    compile_lists(store, data / "lists", "casino-one.test\n", MOMENT)
    assert service.publish()  # the policy did not change; the lists did
    snapshot = load_snapshot(data / "run" / SNAPSHOT_NAME)
    assert [h.category for h in snapshot.lists.category_hits("casino-one.test")] == [
        Category.GAMBLING
    ]
    assert not service.publish()
    compile_lists(store, data / "lists", "casino-two.test\n", MOMENT + timedelta(hours=1))
    assert service.publish()
    snapshot = load_snapshot(data / "run" / SNAPSHOT_NAME)
    assert snapshot.lists.category_hits("casino-two.test")
    assert not snapshot.lists.category_hits("casino-one.test")


def test_the_root_service_copies_the_compiled_lists_where_the_proxy_can_read(
    store: Store, tmp_path: Path
) -> None:
    """No national list is needed for the compiled category lists to reach the proxy."""
    service = upkeep(store, tmp_path, copy_national=True)
    lists_dir = tmp_path / "data" / "lists"
    lists_dir.mkdir(parents=True)
    compile_lists(store, lists_dir, "casino-one.test\n", MOMENT)
    assert service.publish_policy(store.policy(), listeners={47101: "Aruzhan"})
    proxy = tmp_path / "proxy"
    data = json.loads((proxy / SNAPSHOT_NAME).read_text())
    assert data["lists_dir"] == str(proxy) and data["national_file"] is None
    [copy] = (proxy / COMPILED_DIR).glob("lists-*.qlc")
    assert copy.stat().st_mode & 0o777 == 0o640
    assert (proxy / COMPILED_DIR / CURRENT_NAME).read_text() == copy.name + "\n"
    assert copy.read_bytes() == (lists_dir / COMPILED_DIR / copy.name).read_bytes()
    assert load_snapshot(proxy / SNAPSHOT_NAME).lists.category_hits("casino-one.test")
    compile_lists(store, lists_dir, "casino-two.test\n", MOMENT + timedelta(hours=1))
    assert service.publish_policy(store.policy(), listeners={47101: "Aruzhan"})
    [newer] = (proxy / COMPILED_DIR).glob("lists-*.qlc")
    assert newer.name != copy.name  # the old copy is gone
    snapshot = load_snapshot(proxy / SNAPSHOT_NAME)
    assert snapshot.lists.category_hits("casino-two.test")
    assert not snapshot.lists.category_hits("casino-one.test")


def test_the_budgets_file_is_published_each_second_and_named_in_the_snapshot(
    store: Store, tmp_path: Path
) -> None:
    state = tmp_path / "data" / "run" / STATE_NAME
    service = upkeep(store, tmp_path, screentime_state=state)
    service.publish_policy(store.policy(), demo_child="Aruzhan")
    budgets = tmp_path / "proxy" / BUDGETS_NAME
    assert load_snapshot(tmp_path / "proxy" / SNAPSHOT_NAME).budgets_file == budgets
    service.tick()
    assert not budgets.exists()  # no screen-time state yet: nothing to say
    entry = {"day_used_up": True, "used_up_categories": ["games"], "used_seconds": 7200}
    write_state(state.parent, MOMENT, {"Aruzhan": entry})  # type: ignore[dict-item]
    service.tick()
    assert json.loads(budgets.read_text())["children"] == {
        "aruzhan": {"day_used_up": True, "used_up_categories": ["games"]}
    }
