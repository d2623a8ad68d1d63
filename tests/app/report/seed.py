"""A seeded week for the report tests: 2026-W47 (16-22 November 2026) and the week before.

The numbers the tests assert are worked out here by hand, next to the records.
"""

from datetime import date, datetime, timedelta
from types import MappingProxyType

from app.store import Store
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import ChildProfile, ChildRules, DayRules, TimeGrant, Weekday
from rules.records import (
    Alert,
    AlertKind,
    ChildRequest,
    DecisionEvent,
    RequestKind,
    RequestStatus,
    Usage,
)
from rules.report_uptime import Span, spans_to_json

CHILD = "Аружан"
MONDAY = date(2026, 11, 16)
WEEK = "2026-W47"
# Made on Sunday at 19:00, as the schedule does; the test week's records end before then.
MADE_AT = datetime(2026, 11, 22, 19, 0)


def day(n: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in the seeded week: day 0 is Monday 16 November 2026."""
    return datetime.combine(MONDAY + timedelta(days=n), datetime.min.time()).replace(
        hour=hour, minute=minute
    )


def child_profile() -> ChildProfile:
    weekday = DayRules(allowance_minutes=120)
    weekend = DayRules(allowance_minutes=180)
    week = {d: weekend if d >= Weekday.SAT else weekday for d in Weekday}
    return ChildProfile(
        name=CHILD,
        age_class=AgeClass.TWELVE,
        accounts=("aruzhan",),
        rules=ChildRules(
            week=MappingProxyType(week),
            free_apps=("Bilimland",),
            time_grants=(TimeGrant(MONDAY + timedelta(days=5), 30, day(5, 12)),),
        ),
    )


# (day, app, seconds, category); Wednesday (day 2) has nothing: the service was down.
USAGE = [
    (0, "Minecraft", 3600, Category.GAMES),
    (0, "Chrome", 1800, None),
    (0, "Bilimland", 1200, Category.EDUCATION),
    (1, "Minecraft", 5400, Category.GAMES),
    (1, "Chrome", 3000, None),
    (3, "Chrome", 2400, None),
    (3, "Bilimland", 1800, Category.EDUCATION),
    (4, "Minecraft", 4000, Category.GAMES),
    (4, "Telegram", 600, Category.CHAT),
    (5, "Minecraft", 7200, Category.GAMES),
    (5, "Chrome", 3600, None),
    (6, "Chrome", 1200, None),
]
TOTAL_SECONDS = 35800  # 9 h 56 min
FREE_SECONDS = 3000  # Bilimland on Monday and Thursday
COUNTED_SECONDS = 32800  # 9 h 06 min
DAYS_OVER = 1  # Tuesday: 140 min counted against 120

ALLOWED = [
    (0, 17, "www.youtube.com", Category.VIDEO, 5),
    (0, 18, "i.ytimg.com", Category.VIDEO, 2),
    (1, 16, "bilimland.kz", Category.EDUCATION, 3),
    (3, 15, "kk.wikipedia.org", None, 4),
    (5, 11, "m.youtube.com", Category.VIDEO, 3),
    (6, 10, "egov.kz", None, 1),
]
ALLOWED_TOTAL = 18
BLOCKED = [
    (0, 20, "casino-sample.test", Step.NATIONAL_LIST, None, "national", 2),
    (1, 21, "adult.example", Step.CATEGORY, Category.PORNOGRAPHY, "ut1-adult", 3),
    (1, 21, "selfharm.example", Step.CATEGORY, Category.SELF_HARM, "ut1-suicide", 1),
    (3, 19, "nordvpn.com", Step.BYPASS, Category.VPN, "bypass", 2),
    (4, 22, "chatroulette.example", Step.CATEGORY, Category.CHAT, "ut1-chat", 2),
]
BLOCKED_TOTAL = 10

ALERTS = [
    Alert(day(1, 21, 5), CHILD, AlertKind.SELF_HARM, "selfharm.example"),
    Alert(day(2, 8), None, AlertKind.PROTECTION_OFF, "08:00–20:00"),
    Alert(day(3, 19, 2), CHILD, AlertKind.BYPASS_ATTEMPT, "nordvpn.com"),
    Alert(day(4, 7), CHILD, AlertKind.CLOCK_CHANGE, "−2:00"),
    Alert(day(4, 9), "Тимур", AlertKind.BYPASS_ATTEMPT, "other child's"),
]
ALERTS_TOTAL = 4  # Timur's alert is not Aruzhan's

REQUESTS = [
    ChildRequest(
        CHILD,
        RequestKind.TIME,
        day(1, 19),
        minutes=30,
        message="үй тапсырмасы",
        status=RequestStatus.APPROVED,
        decided_at=day(1, 19, 4),
    ),
    ChildRequest(
        CHILD,
        RequestKind.SITE,
        day(3, 16),
        host="discord.com",
        status=RequestStatus.DECLINED,
        decided_at=day(3, 20),
    ),
    ChildRequest(CHILD, RequestKind.TIME, day(6, 18), minutes=15),
]

# The week before (W46): 8 h 20 min, 4 blocked requests, 1 alert, 1 request.
PREVIOUS_SECONDS = 30000
PREVIOUS_BLOCKED = 4


def seed(store: Store) -> None:
    """The child, a week of records, the week before, and when the service was running."""
    store.add_child(child_profile())
    for n, app, seconds, category in USAGE:
        store.add_usage(Usage(CHILD, MONDAY + timedelta(days=n), app, seconds, category))
    events = []
    for n, hour, host, category, count in ALLOWED:
        events += [
            DecisionEvent(
                day(n, hour, i),
                CHILD,
                host,
                Verdict.ALLOW,
                Step.DEFAULT,
                "default",
                category=category,
            )
            for i in range(count)
        ]
    for n, hour, host, step, category, list_name, count in BLOCKED:
        events += [
            DecisionEvent(
                day(n, hour, i),
                CHILD,
                host,
                Verdict.BLOCK,
                step,
                f"{step}:{host}",
                category=category,
                list_name=list_name,
            )
            for i in range(count)
        ]
    before = day(-7, 12)
    events += [
        DecisionEvent(
            before + timedelta(minutes=i),
            CHILD,
            "casino-sample.test",
            Verdict.BLOCK,
            Step.NATIONAL_LIST,
            "national",
            list_name="national",
        )
        for i in range(PREVIOUS_BLOCKED)
    ]
    events.append(
        DecisionEvent(
            day(7, 9),
            CHILD,
            "next-week.example",
            Verdict.BLOCK,
            Step.CATEGORY,
            "x",
            category=Category.GAMBLING,
        )
    )
    store.record_events(events)
    for n in range(7):
        store.add_usage(
            Usage(
                CHILD,
                MONDAY - timedelta(days=7 - n),
                "Minecraft",
                PREVIOUS_SECONDS // 6 if n < 6 else 0,
                Category.GAMES,
            )
        )
    store.add_usage(Usage(CHILD, MONDAY + timedelta(days=7), "Minecraft", 999, Category.GAMES))
    for alert in ALERTS:
        store.add_alert(alert)
    store.add_alert(Alert(day(-3, 10), CHILD, AlertKind.BYPASS_ATTEMPT, "vpn.example"))
    for request in REQUESTS:
        store.add_request(request)
    store.add_request(ChildRequest(CHILD, RequestKind.TIME, day(-2, 18), minutes=20))
    running = [Span(day(-7), day(2)), Span(day(3, 7), day(6, 22))]
    store.set_setting("report.running", spans_to_json(running))
