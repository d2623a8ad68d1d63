"""A family with a history, for the view tests and the screenshots: two children, events, asks."""

from datetime import datetime, timedelta
from types import MappingProxyType

from app.paths import assets_dir, national_list_path
from app.service.api import Call
from rules.ageclass import AgeClass
from rules.agetable import CategoryAction
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.ipc import JsonValue, Role
from rules.policy import ChildProfile, ChildRules, DayRules, Interval, Weekday
from rules.records import ChildRequest, DecisionEvent, RequestKind
from rules.text import Language
from tests.app.gui.conftest import PIN, Service

SCHOOL_DAY = DayRules(allowed=(Interval(7 * 60, 21 * 60),), allowance_minutes=120)
WEEKEND_DAY = DayRules(allowed=(Interval(9 * 60, 22 * 60),), allowance_minutes=180)
WEEK = MappingProxyType({day: SCHOOL_DAY if day < Weekday.SAT else WEEKEND_DAY for day in Weekday})

ARUZHAN = ChildProfile(
    "Aruzhan",
    AgeClass.TWELVE,
    accounts=("aruzhan",),
    language=Language.KK,
    birth_year=2013,
    rules=ChildRules(
        allow=("bilimland.kz", "kundelik.kz"),
        deny=("roblox.com",),
        category_overrides=MappingProxyType({Category.VIDEO: CategoryAction.BLOCK}),
        week=WEEK,
        category_budgets=MappingProxyType({Category.GAMES: 60}),
        blocked_apps=("steam",),
        app_budgets=MappingProxyType({"minecraft-launcher": 60}),
        free_apps=("libreoffice",),
    ),
)
DANA = ChildProfile("Dana", AgeClass.SIX, accounts=("dana",), language=Language.RU, birth_year=2019)


def sample_events(now: datetime) -> list[DecisionEvent]:
    def at(minutes: int) -> datetime:
        return (now - timedelta(minutes=minutes)).replace(microsecond=0)

    return [
        DecisionEvent(at(95), "Aruzhan", "bilimland.kz", Verdict.ALLOW, Step.ALLOW_LIST, "allow:0"),
        DecisionEvent(
            at(80),
            "Aruzhan",
            "casino-sample.test",
            Verdict.BLOCK,
            Step.NATIONAL_LIST,
            "national:KZ-2026-001",
            list_name="national",
        ),
        DecisionEvent(
            at(62),
            "Aruzhan",
            "dns.google",
            Verdict.BLOCK,
            Step.BYPASS,
            "category:doh@12+",
            category=Category.DOH,
            list_name="starter",
        ),
        DecisionEvent(at(40), "Aruzhan", "roblox.com", Verdict.BLOCK, Step.DENY_LIST, "deny:0"),
        DecisionEvent(
            at(21),
            "Aruzhan",
            "youtube.com",
            Verdict.BLOCK,
            Step.CATEGORY,
            "override:video",
            category=Category.VIDEO,
            list_name="starter",
        ),
        DecisionEvent(
            at(12),
            "Dana",
            "vk.com",
            Verdict.BLOCK,
            Step.CATEGORY,
            "category:social_networks@6+",
            category=Category.SOCIAL_NETWORKS,
            list_name="starter",
        ),
        DecisionEvent(at(5), "Dana", "kundelik.kz", Verdict.ALLOW, Step.DEFAULT, "default"),
    ]


def screen_time(call: Call) -> JsonValue:
    """Stands in for the screen-time part's `screentime.status` (issue 6) until it lands."""
    name = call.params.get("child")
    if name == "Dana":
        return {"child": "Dana", "used_minutes": 35, "allowance_minutes": None, "state": "idle"}
    return {
        "child": "Aruzhan",
        "used_minutes": 95,
        "allowance_minutes": 120,
        "remaining_minutes": 25,
        "state": "active",
    }


def reports(call: Call) -> JsonValue:
    """Stands in for the reports part's `reports.list` (issue 8) until it lands."""
    return [
        {"id": "2026-W46", "title": "2026-W46", "created_at": "2026-11-16 08:00"},
        {"id": "2026-W47", "title": "2026-W47", "created_at": "2026-11-23 08:00"},
    ]


def seed(service: Service, now: datetime, stand_ins: bool = True) -> None:
    """The PIN, Aruzhan (12+) and Dana (6+), a day of events and two requests waiting."""
    with service.store() as store:
        store.set_pin(PIN)
        store.add_child(ARUZHAN)
        store.add_child(DANA)
        store.record_events(sample_events(now))
        store.add_request(
            ChildRequest(
                "Aruzhan",
                RequestKind.SITE,
                now - timedelta(minutes=30),
                host="roblox.com",
                message="a school project",
            )
        )
        store.add_request(
            ChildRequest(
                "Dana",
                RequestKind.TIME,
                now - timedelta(minutes=3),
                minutes=30,
                message="мультфильм досмотреть",
            )
        )
    national = national_list_path(service.data_dir)
    national.parent.mkdir(parents=True, exist_ok=True)
    national.write_bytes((assets_dir() / "lists" / "national-sample.json").read_bytes())
    ca = service.data_dir / "mitmproxy" / "mitmproxy-ca-cert.pem"
    ca.parent.mkdir(exist_ok=True)
    ca.write_text("a stand-in: mitmdump writes the real one when the demo starts\n")
    if stand_ins:
        service.add("screentime.status", screen_time)
        service.add("reports.list", reports, role=Role.PARENT)
