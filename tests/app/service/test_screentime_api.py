"""Screen-time IPC over a real socket: the child's status and asking, a parent's grants."""

import os
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.service import api_core, api_screentime
from app.service.api import Api
from app.service.screentime_store import CLOCK_OFFSET, DAY_START_HOUR, write_state
from app.store import Store
from app.store.records import REFUSED_RULE_PREFIX
from proxy.tlsdecision import REFUSED_PREFIX
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.ipc import ErrorCode, IpcError
from rules.policy import ChildProfile, ChildRules
from rules.records import DecisionEvent, RequestKind, RequestStatus, Usage
from rules.screentime_state import SCREEN_APP
from tests.rules.factories import day_rules, week

NOW = datetime(2026, 11, 23, 18, 0)
ME = "root" if os.getuid() == 0 else os.environ.get("USER", "")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Store.open(folder / "qorgan.db") as store:
        rules = ChildRules(week=week(day_rules(allowance=90)))
        store.add_child(ChildProfile("Dana", AgeClass.TWELVE, accounts=(ME,), rules=rules))
        store.add_child(ChildProfile("Aru", AgeClass.SIX, accounts=("aru-nobody",)))
        store.set_pin("2468")
    return folder


@pytest.fixture
def sock(data: Path) -> Iterator[Path]:
    api = Api(lambda: Store.open(data / "qorgan.db"), lambda: NOW, proxy_uids=frozenset())
    api_core.register(api, mode="demo")
    api_screentime.register(api)
    server = IpcServer(data / "run" / "qorgan.sock", api.dispatch)
    server.start()
    yield server.path
    server.stop()


def test_status_from_the_store_when_the_part_is_not_running(sock: Path, data: Path) -> None:
    with Store.open(data / "qorgan.db") as store:
        store.add_usage(Usage("Dana", date(2026, 11, 23), SCREEN_APP, 1800))
        store.add_usage(Usage("Dana", date(2026, 11, 23), "minecraft", 999))
    with IpcClient(sock) as ipc:
        status = ipc.call("screentime.status")
    assert status == {
        "child": "Dana",
        "supervised": True,
        "running": False,
        "day": "2026-11-23",
        "used_seconds": 1800,
        "allowance_seconds": 5400,
        "remaining_seconds": 3600,
        "language": "kk",
        "notices": [],
        "refused": [],
    }
    assert (data / "run" / "tray" / ME).exists()  # the tray shows notices: no notify-send


def test_status_from_the_part_and_for_a_parent(sock: Path, data: Path) -> None:
    entry = {"day": "2026-11-23", "used_seconds": 60, "state": "active", "notices": []}
    write_state(data / "run", NOW, {"Dana": entry})  # type: ignore[dict-item]
    with IpcClient(sock) as ipc:
        assert ipc.call("screentime.status") == {
            "child": "Dana", "supervised": True, "running": True, **entry, "refused": []
        }  # fmt: skip
        with pytest.raises(IpcError) as caught:
            ipc.call("screentime.status", child="Aru")
        assert caught.value.code is ErrorCode.UNAUTHORIZED
        ipc.login("2468")
        aru = ipc.call("screentime.status", child="aru")
        assert aru["child"] == "Aru" and aru["allowance_seconds"] is None  # type: ignore[index]
        with pytest.raises(IpcError) as caught:
            ipc.call("screentime.status", child="Nobody")
        assert caught.value.code is ErrorCode.NOT_FOUND


def test_an_unsupervised_caller_is_told_so(sock: Path, data: Path) -> None:
    with Store.open(data / "qorgan.db") as store:
        store.remove_child("Dana")
    with IpcClient(sock) as ipc:
        assert ipc.call("screentime.status") == {"supervised": False}
        with pytest.raises(IpcError) as caught:
            ipc.call("screentime.ask", minutes=30)
        assert caught.value.code is ErrorCode.NOT_FOUND


def test_asking_for_time_and_the_approved_request_becomes_a_grant(sock: Path, data: Path):
    with IpcClient(sock) as ipc:
        asked = ipc.call("screentime.ask", minutes=20, message="Үй тапсырмасы\x07  бар ")
        assert asked["already_asked"] is False  # type: ignore[index]
        assert asked["notice"]["kk"].startswith("Өтінішің")  # type: ignore[index]
        again = ipc.call("screentime.ask", minutes=50)
        assert again["already_asked"] is True and again["id"] == asked["id"]  # type: ignore[index]
        for bad in (0, 241):
            with pytest.raises(IpcError) as caught:
                ipc.call("screentime.ask", minutes=bad)
            assert caught.value.code is ErrorCode.INVALID
        ipc.login("2468")
        ipc.call("requests.resolve", id=asked["id"], approved=True)  # type: ignore[index]
    with Store.open(data / "qorgan.db") as store:
        [request] = store.requests(RequestStatus.APPROVED)
        assert request.kind is RequestKind.TIME and request.minutes == 20
        assert request.message == "Үй тапсырмасы бар"
        [grant] = store.child("Dana").rules.time_grants
        assert (grant.day, grant.minutes, grant.granted_at) == (date(2026, 11, 23), 20, NOW)


def test_a_parent_may_give_other_minutes_or_decline(sock: Path, data: Path) -> None:
    with IpcClient(sock) as ipc:
        first = ipc.call("screentime.ask", minutes=20)["id"]  # type: ignore[index]
        ipc.login("2468")
        ipc.call("requests.resolve", id=first, approved=True, minutes=45)
        second = ipc.call("screentime.ask", minutes=20)["id"]  # type: ignore[index]
        ipc.call("requests.resolve", id=second, approved=False)
    with Store.open(data / "qorgan.db") as store:
        assert [g.minutes for g in store.child("Dana").rules.time_grants] == [45]


def test_grants_go_to_the_screen_time_day(sock: Path, data: Path) -> None:
    with Store.open(data / "qorgan.db") as store:
        store.set_setting(DAY_START_HOUR, 20)  # 18:00 belongs to yesterday's day
    with IpcClient(sock) as ipc:
        ipc.login("2468")
        assert ipc.call("grants.time", child="dana", minutes=15) == {
            "day": "2026-11-22", "minutes": 15
        }  # fmt: skip
        write_state(data / "run", NOW, {"Dana": {"day": "2026-11-20"}})
        assert ipc.call("grants.time", child="Dana", minutes=10)["day"] == "2026-11-20"  # type: ignore[index]
        with pytest.raises(IpcError) as caught:
            ipc.call("grants.time", child="Dana", minutes=0)
        assert caught.value.code is ErrorCode.INVALID


def test_a_parent_accepts_a_moved_clock(sock: Path, data: Path) -> None:
    with Store.open(data / "qorgan.db") as store:
        store.set_setting(CLOCK_OFFSET, 86400.0)
    with IpcClient(sock) as ipc:
        with pytest.raises(IpcError):
            ipc.call("screentime.accept_clock")
        ipc.login("2468")
        ipc.call("screentime.accept_clock")
    with Store.open(data / "qorgan.db") as store:
        assert store.setting(CLOCK_OFFSET) == 0


def refused(minutes_ago: int, child: str, host: str, step: Step, category: Category | None):
    at = NOW - timedelta(minutes=minutes_ago)
    rule = REFUSED_PREFIX + "r"
    return DecisionEvent(at, child, host, Verdict.BLOCK, step, rule, category)


def test_the_tray_learns_only_its_childs_recent_refused_hosts(sock: Path, data: Path) -> None:
    assert REFUSED_RULE_PREFIX == REFUSED_PREFIX  # the store reads what the proxy writes
    with Store.open(data / "qorgan.db") as store:
        store.record_events(
            [
                refused(5, "Dana", "old.example", Step.CATEGORY, Category.GAMES),  # long ago
                refused(1, "Dana", "vk.com", Step.CATEGORY, Category.SOCIAL_NETWORKS),
                refused(1, "Dana", "casino.kz", Step.NATIONAL_LIST, None),
                refused(1, "Aru", "games.example", Step.CATEGORY, Category.GAMES),  # not hers
                DecisionEvent(  # blocked with a block page, not refused
                    NOW, "Dana", "page.example", Verdict.BLOCK, Step.CATEGORY, "c", Category.GAMES
                ),
                refused(
                    0, "Dana", "vk.com", Step.CATEGORY, Category.SOCIAL_NETWORKS
                ),  # again: once
            ]
        )
    with IpcClient(sock) as ipc:
        status = ipc.call("screentime.status")
        assert status["refused"] == [
            {"host": "casino.kz", "category": None, "can_ask": False},
            {"host": "vk.com", "category": "social_networks", "can_ask": True},
        ]
        assert ipc.call("sites.ask", host="VK.com") == {"id": 1, "new": True}
        assert ipc.call("sites.ask", host="vk.com") == {"id": 1, "new": False}
        with Store.open(data / "qorgan.db") as store:
            asked = [(r.child, r.kind, r.host) for r in store.requests()]
        assert asked == [("Dana", RequestKind.SITE, "vk.com")]
        assert ipc.call("sites.ask", host="old.example")["new"] is True  # within the hour
        with pytest.raises(IpcError) as national:
            ipc.call("sites.ask", host="casino.kz")
        assert national.value.code is ErrorCode.INVALID
        assert national.value.message.startswith("host:")
        with pytest.raises(IpcError) as other:
            ipc.call("sites.ask", host="games.example")  # Aru's, not Dana's
        assert other.value.code is ErrorCode.NOT_FOUND
        ipc.login("2468")
        assert "refused" not in ipc.call("screentime.status", child="Dana")
