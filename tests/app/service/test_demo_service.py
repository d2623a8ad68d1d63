"""The demo service's upkeep with a real store: policy out as a snapshot, events in."""

import getpass
import socket
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.paths import database_path
from app.service.demo import DemoService, demo_child, run_demo
from app.store import Store
from proxy.snapshot import load_snapshot
from rules.ageclass import AgeClass
from rules.decision import Step, Verdict
from rules.policy import ChildProfile, Policy
from rules.records import DecisionEvent
from rules.wire import event_to_json

MOMENT = datetime(2026, 11, 23, 16, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(database_path(tmp_path)) as opened:
        yield opened


def test_the_demo_child_is_the_current_accounts_child_else_the_first() -> None:
    dana = ChildProfile("Dana", AgeClass.SIX)
    mine = ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=(getpass.getuser(),))
    assert demo_child(Policy(children=(dana, mine))) == "Aruzhan"
    assert demo_child(Policy(children=(dana,))) == "Dana"
    assert demo_child(Policy()) is None


def test_the_snapshot_is_rewritten_only_when_the_policy_changes(
    store: Store, tmp_path: Path
) -> None:
    store.add_child(ChildProfile("Dana", AgeClass.SIX))
    service = DemoService(store, tmp_path)
    assert service.publish()
    snapshot = tmp_path / "run" / "policy-snapshot.json"
    assert load_snapshot(snapshot).demo_child == "Dana"
    assert not service.publish()
    store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=(getpass.getuser(),)))
    assert service.publish()
    assert load_snapshot(snapshot).demo_child == "Aruzhan"
    assert len(load_snapshot(snapshot).policy.children) == 2


def test_a_new_national_list_is_published_too(store: Store, tmp_path: Path) -> None:
    store.add_child(ChildProfile("Dana", AgeClass.SIX))
    service = DemoService(store, tmp_path)
    service.publish()
    service.national.parent.mkdir(parents=True)
    service.national.write_text('{"qorgan_national_list": 1, "version": "1", "entries": []}')
    assert service.publish()
    assert not service.publish()


def test_spooled_events_move_into_the_store(store: Store, tmp_path: Path) -> None:
    service = DemoService(store, tmp_path)
    service.spool.parent.mkdir(parents=True)
    event = DecisionEvent(MOMENT, "Dana", "vk.com", Verdict.BLOCK, Step.CATEGORY, "category:x")
    service.spool.write_text(event_to_json(event) + "\n", encoding="utf-8")
    assert service.ingest() == 0  # set aside for the next second
    assert service.ingest() == 1
    service.spool.write_text(event_to_json(event) + "\n", encoding="utf-8")
    assert service.ingest(final=True) == 1
    assert store.events("Dana", MOMENT, datetime(2026, 11, 24)) == [event, event]


def test_run_demo_on_a_taken_port_says_so_in_one_line(tmp_path: Path, capsys) -> None:
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        assert run_demo(tmp_path / "data", port=port, console=False) == 1
    error = capsys.readouterr().err
    assert (
        error
        == f"qorgan: error: the proxy cannot start: port {port} on 127.0.0.1 is already in use\n"
    )
    with Store.open(database_path(tmp_path / "data")) as store:
        assert [child.name for child in store.children()] == ["Aruzhan"]
