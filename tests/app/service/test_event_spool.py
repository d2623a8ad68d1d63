"""The decision-event spool between the proxy (appending) and the service (taking)."""

import json
from datetime import datetime
from pathlib import Path

import pytest

from app.service.snapshot import drain_events, take_events
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import DecisionEvent
from rules.wire import event_from_json, event_to_json

BLOCKED = DecisionEvent(
    at=datetime(2026, 11, 23, 16, 5, 0, 123456),
    child="Аружан",
    host="dns.google",
    verdict=Verdict.BLOCK,
    step=Step.BYPASS,
    rule_id="category:doh@12+",
    category=Category.DOH,
    list_name="starter",
)
ALLOWED = DecisionEvent(
    at=datetime(2026, 11, 23, 16, 5, 1),
    child="Аружан",
    host="example.com",
    verdict=Verdict.ALLOW,
    step=Step.DEFAULT,
    rule_id="default",
)


def append(spool: Path, *lines: str) -> None:
    with spool.open("a", encoding="utf-8") as file:
        file.write("".join(line + "\n" for line in lines))


@pytest.mark.parametrize("event", [BLOCKED, ALLOWED])
def test_an_event_survives_the_round_trip(event: DecisionEvent) -> None:
    line = event_to_json(event)
    assert "\n" not in line
    assert event_from_json(line) == event


def test_a_line_holds_only_what_the_event_holds() -> None:
    assert set(json.loads(event_to_json(BLOCKED))) == {
        "at", "child", "host", "verdict", "step", "rule_id", "category", "list_name", "score",
    }  # fmt: skip


def test_events_are_taken_one_call_after_the_spool_is_set_aside(tmp_path: Path) -> None:
    spool = tmp_path / "events.jsonl"
    assert take_events(spool) == []
    append(spool, event_to_json(BLOCKED))
    assert take_events(spool) == []  # set aside: a late append still lands in it
    append(spool, event_to_json(ALLOWED))
    assert take_events(spool) == [BLOCKED]
    assert take_events(spool) == [ALLOWED]
    assert take_events(spool) == []
    assert list(tmp_path.iterdir()) == []


def test_draining_takes_everything_at_once(tmp_path: Path) -> None:
    spool = tmp_path / "events.jsonl"
    append(spool, event_to_json(BLOCKED))
    take_events(spool)
    append(spool, event_to_json(ALLOWED))
    assert drain_events(spool) == [BLOCKED, ALLOWED]
    assert list(tmp_path.iterdir()) == []


def test_lines_that_cannot_be_read_are_skipped_and_logged(tmp_path: Path, caplog) -> None:
    spool = tmp_path / "events.jsonl"
    half = event_to_json(ALLOWED)[:20]
    append(spool, "", "[1, 2]", '{"at": "yesterday"}', event_to_json(BLOCKED), half)
    assert drain_events(spool) == [BLOCKED]
    assert caplog.text.count("skipped") == 3
    assert "line 5 skipped" in caplog.text
