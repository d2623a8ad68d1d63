"""History: decision events, usage, requests and alerts, and how long they are kept."""

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from app.store import Store, StoreError
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import ChildProfile, SiteGrant, TimeGrant
from rules.records import (
    Alert,
    AlertKind,
    ChildRequest,
    DecisionEvent,
    RequestKind,
    RequestStatus,
    Usage,
)

NOW = datetime(2026, 11, 22, 18, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "qorgan.db") as opened:
        yield opened


def event(at: datetime, child: str = "Aruzhan", host: str = "casino.example") -> DecisionEvent:
    return DecisionEvent(
        at=at,
        child=child,
        host=host,
        verdict=Verdict.BLOCK,
        step=Step.CATEGORY,
        rule_id="category:gambling@12+",
        category=Category.GAMBLING,
        list_name="ut1-gambling",
        score=None,
    )


def test_events_round_trip_and_filters(store: Store) -> None:
    allowed = DecisionEvent(
        NOW + timedelta(microseconds=1), "Timur", "bilimland.kz", Verdict.ALLOW, Step.DEFAULT, "ok"
    )
    scored = DecisionEvent(
        NOW - timedelta(hours=1),
        "Aruzhan",
        "forum.example",
        Verdict.BLOCK,
        Step.CONTENT,
        "content@12+",
        score=130,
    )
    store.record_events([event(NOW), allowed, scored, event(NOW + timedelta(hours=1))])

    assert store.events(None, NOW - timedelta(hours=1), NOW + timedelta(hours=1)) == [
        scored,
        event(NOW),
        allowed,
    ]
    assert store.events("Aruzhan", NOW, NOW + timedelta(days=1)) == [
        event(NOW),
        event(NOW + timedelta(hours=1)),
    ]
    assert store.events("Timur", NOW, NOW + timedelta(microseconds=1)) == []


def test_aware_times_come_back_as_the_same_instant(store: Store) -> None:
    almaty = timezone(timedelta(hours=5))
    at = datetime(2026, 11, 22, 23, 30, tzinfo=almaty)
    store.record_events([event(at)])
    since = datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    assert store.events(None, since, since + timedelta(hours=1)) == [event(at)]


def test_event_batch_is_all_or_nothing(store: Store) -> None:
    broken = DecisionEvent(NOW, None, "x.example", Verdict.ALLOW, Step.DEFAULT, "ok")  # type: ignore[arg-type]
    with pytest.raises(sqlite3.IntegrityError):
        store.record_events([event(NOW), broken])
    assert store.events(None, NOW - timedelta(days=1), NOW + timedelta(days=1)) == []


def test_usage_accumulates_per_child_day_and_app(store: Store) -> None:
    today, yesterday = NOW.date(), NOW.date() - timedelta(days=1)
    store.add_usage(Usage("Aruzhan", today, "minecraft.exe", 300, Category.GAMES))
    store.add_usage(Usage("Aruzhan", today, "minecraft.exe", 120))
    store.add_usage(Usage("Aruzhan", today, "chrome.exe", 60))
    store.add_usage(Usage("Aruzhan", yesterday, "minecraft.exe", 45, Category.GAMES))
    store.add_usage(Usage("Timur", today, "minecraft.exe", 10, Category.GAMES))

    assert store.usage("Aruzhan", today, today) == [
        Usage("Aruzhan", today, "chrome.exe", 60),
        Usage("Aruzhan", today, "minecraft.exe", 420, Category.GAMES),
    ]
    assert [u.seconds for u in store.usage("Aruzhan", yesterday, today)] == [45, 60, 420]
    with pytest.raises(StoreError, match="negative"):
        store.add_usage(Usage("Aruzhan", today, "chrome.exe", -5))


def test_requests_are_decided_once(store: Store) -> None:
    time = ChildRequest("Aruzhan", RequestKind.TIME, NOW, minutes=30, message="маған уақыт керек")
    site = ChildRequest(
        "Timur", RequestKind.SITE, NOW + timedelta(minutes=1), host="scratch.mit.edu"
    )
    time_id, site_id = store.add_request(time), store.add_request(site)
    assert time_id != site_id
    assert store.requests() == [
        ChildRequest("Aruzhan", RequestKind.TIME, NOW, 30, message="маған уақыт керек", id=time_id),
        ChildRequest(
            "Timur", RequestKind.SITE, site.created_at, host="scratch.mit.edu", id=site_id
        ),
    ]

    decided_at = NOW + timedelta(minutes=5)
    approved = store.resolve_request(time_id, approved=True, at=decided_at)
    assert approved.status is RequestStatus.APPROVED
    assert approved.decided_at == decided_at
    assert approved.id == time_id
    assert store.resolve_request(site_id, approved=False, at=decided_at).status is (
        RequestStatus.DECLINED
    )
    assert store.requests(RequestStatus.APPROVED) == [approved]
    assert store.requests(RequestStatus.PENDING) == []
    with pytest.raises(StoreError, match="already approved"):
        store.resolve_request(time_id, approved=False, at=decided_at)
    with pytest.raises(LookupError):
        store.resolve_request(site_id + 100, approved=True, at=decided_at)


def test_alerts_since(store: Store) -> None:
    old = Alert(NOW - timedelta(days=1), "Aruzhan", AlertKind.BYPASS_ATTEMPT, "nordvpn.com")
    new = Alert(NOW, None, AlertKind.CLOCK_CHANGE)
    old_id, new_id = store.add_alert(old), store.add_alert(new)
    assert store.alerts(NOW) == [Alert(NOW, None, AlertKind.CLOCK_CHANGE, id=new_id)]
    assert [alert.id for alert in store.alerts(NOW - timedelta(days=2))] == [old_id, new_id]


def test_purge_removes_only_what_is_old(store: Store) -> None:
    old, recent = NOW - timedelta(days=91), NOW - timedelta(days=89)
    store.record_events([event(old), event(recent)])
    store.add_alert(Alert(old, "Aruzhan", AlertKind.SELF_HARM))
    store.add_alert(Alert(recent, "Aruzhan", AlertKind.SELF_HARM))
    store.add_usage(Usage("Aruzhan", old.date(), "chrome.exe", 60))
    store.add_usage(Usage("Aruzhan", recent.date(), "chrome.exe", 60))
    decided = store.add_request(ChildRequest("Aruzhan", RequestKind.TIME, old, minutes=10))
    store.resolve_request(decided, approved=True, at=old)
    store.add_request(ChildRequest("Aruzhan", RequestKind.TIME, old, minutes=20))  # unanswered
    store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE))
    store.add_site_grant("Aruzhan", SiteGrant("a.example", NOW, NOW - timedelta(hours=1)))
    store.add_site_grant("Aruzhan", SiteGrant("b.example", NOW + timedelta(minutes=1), NOW))
    store.add_time_grant("Aruzhan", TimeGrant(NOW.date() - timedelta(days=1), 30, old))
    store.add_time_grant("Aruzhan", TimeGrant(NOW.date(), 15, NOW))

    assert store.purge(NOW) == 6  # one of each kind

    assert store.events(None, old - timedelta(days=1), NOW) == [event(recent)]
    assert [alert.at for alert in store.alerts(old - timedelta(days=1))] == [recent]
    assert [u.day for u in store.usage("Aruzhan", old.date(), NOW.date())] == [recent.date()]
    assert [r.minutes for r in store.requests()] == [20]
    rules = store.child("Aruzhan").rules
    assert [grant.host for grant in rules.site_grants] == ["b.example"]
    assert [grant.minutes for grant in rules.time_grants] == [15]
    assert store.purge(NOW) == 0


def test_retention_comes_from_settings(store: Store) -> None:
    store.record_events([event(NOW - timedelta(days=8)), event(NOW - timedelta(days=6))])
    store.set_setting("retention_days", 7)
    assert store.purge(NOW) == 1
    assert store.purge(NOW, retention_days=5) == 1
    store.set_setting("retention_days", "forever")
    with pytest.raises(StoreError, match="retention_days"):
        store.purge(NOW)


def test_only_blocked_sites_refused_at_the_handshake_are_the_childs_to_ask_for(
    store: Store,
) -> None:
    blocked = replace(event(NOW), rule_id="tls-refused:category:gambling@12+")
    # An allowed name whose connection went to an address the DNS stub never gave.
    allowed = replace(
        event(NOW, host="school.example"),
        verdict=Verdict.ALLOW,
        step=Step.DEFAULT,
        rule_id="tls-refused:default",
        category=None,
    )
    store.record_events([blocked, allowed, event(NOW)])
    assert store.refused_events("Aruzhan", NOW - timedelta(minutes=1)) == [blocked]
