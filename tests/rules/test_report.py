"""The weekly report's figures, added up from a week of records."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from types import MappingProxyType

import pytest

from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import ChildProfile, ChildRules, DayRules, TimeGrant, Weekday
from rules.records import Alert, AlertKind, ChildRequest, DecisionEvent, RequestKind, Usage
from rules.report import build_weekly_report, site_of, weekly_totals
from rules.report_model import WeekRecords
from rules.report_uptime import Span
from rules.report_week import IsoWeek

WEEK = IsoWeek(2026, 48)  # Monday 23 to Sunday 29 November 2026
MONDAY = date(2026, 11, 23)
AFTER = datetime(2026, 12, 1)


def at(day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(2026, 11, 23, hour, minute) + timedelta(days=day)


def child(**rules: object) -> ChildProfile:
    week = MappingProxyType(dict.fromkeys(Weekday, DayRules(allowance_minutes=60)))
    return ChildProfile("Dana", AgeClass.TWELVE, rules=ChildRules(week=week, **rules))  # type: ignore[arg-type]


def use(
    day: int, app: str, minutes: int, category: Category | None = None, who: str = "Dana"
) -> Usage:
    return Usage(who, MONDAY + timedelta(days=day), app, minutes * 60, category)


def event(
    moment: datetime,
    host: str,
    *,
    verdict: Verdict = Verdict.ALLOW,
    step: Step = Step.DEFAULT,
    category: Category | None = None,
    who: str = "Dana",
    list_name: str | None = None,
) -> DecisionEvent:
    return DecisionEvent(moment, who, host, verdict, step, "rule", category, list_name)


def blocked(
    moment: datetime, host: str, step: Step, category: Category | None, **kw: object
) -> DecisionEvent:
    return event(moment, host, verdict=Verdict.BLOCK, step=step, category=category, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("www.youtube.com", "youtube.com"),
        ("rr3---sn.googlevideo.com", "googlevideo.com"),
        ("youtube.com", "youtube.com"),
        ("bilim.edu.kz", "bilim.edu.kz"),
        ("www.bilim.edu.kz", "bilim.edu.kz"),
        ("egov.kz", "egov.kz"),
        ("gov.kz", "gov.kz"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("10.0.0.1", "10.0.0.1"),
        ("2001:db8::1", "2001:db8::1"),
        ("localhost", "localhost"),
    ],
)
def test_site_of_is_the_registered_domain(host: str, site: str) -> None:
    assert site_of(host) == site


def test_time_per_day_against_the_limit_with_free_apps_and_bonus_minutes() -> None:
    profile = child(free_apps=("bilimland",), time_grants=(TimeGrant(MONDAY, 30, at(0, 9)),))
    records = WeekRecords(
        usage=[
            use(0, "Minecraft", 70, Category.GAMES),  # 70 of 60 + 30 bonus: not over
            use(0, "Bilimland", 40, Category.EDUCATION),  # free: does not count
            use(1, "Minecraft", 61, Category.GAMES),  # over 60 by a minute
            use(1, "Minecraft", 1, Category.GAMES, who="Timur"),  # someone else's
            use(9, "Minecraft", 500, Category.GAMES),  # next week's
        ]
    )
    report = build_weekly_report(profile, WEEK, AFTER, records, WeekRecords())
    monday, tuesday = report.days[0], report.days[1]
    assert (monday.seconds, monday.free_seconds, monday.counted_seconds) == (6600, 2400, 4200)
    assert monday.limit_minutes == 90 and not monday.over_limit
    assert tuesday.limit_minutes == 60 and tuesday.over_limit
    assert report.totals.seconds == 6600 + 3660
    assert report.totals.counted_seconds == 4200 + 3660
    assert report.totals.days_over_limit == 1
    assert [(a.app, a.seconds, a.category) for a in report.apps] == [
        ("Minecraft", 131 * 60, Category.GAMES),
        ("Bilimland", 2400, Category.EDUCATION),
    ]
    assert [(c.category, c.seconds) for c in report.categories] == [
        (Category.GAMES, 131 * 60),
        (Category.EDUCATION, 2400),
    ]


def test_no_allowance_means_no_limit_and_never_over() -> None:
    report = build_weekly_report(
        replace(child(), rules=ChildRules()),
        WEEK,
        AFTER,
        WeekRecords(usage=[use(0, "x", 900)]),
        WeekRecords(),
    )
    assert report.days[0].limit_minutes is None and not report.days[0].over_limit


def test_days_without_any_record_are_missing_and_days_to_come_are_not() -> None:
    records = WeekRecords(
        usage=[use(0, "Chrome", 10)],
        events=[event(at(1, 9), "example.com")],
        running=[Span(at(2, 8), at(2, 9))],
    )
    report = build_weekly_report(child(), WEEK, at(4, 10), records, WeekRecords())
    assert [d.recorded for d in report.days] == [True, True, True, False, False, False, False]
    assert [d.elapsed for d in report.days] == [True, True, True, True, True, False, False]
    assert report.missing_days == (MONDAY + timedelta(days=3), MONDAY + timedelta(days=4))
    assert report.until == at(4, 10)
    assert report.totals.recorded_days == 3


def test_a_quiet_day_with_the_service_running_is_zero_not_missing() -> None:
    records = WeekRecords(running=[Span(at(0, 0), at(6, 23))])
    report = build_weekly_report(child(), WEEK, AFTER, records, WeekRecords())
    assert report.missing_days == ()
    assert report.totals.seconds == 0 and report.totals.recorded_days == 7
    assert report.until == WEEK.end


def test_top_sites_count_allowed_requests_by_site_and_days() -> None:
    events = [
        event(at(0), "www.youtube.com", category=Category.VIDEO),
        event(at(0, 13), "m.youtube.com", category=Category.VIDEO),
        event(at(2), "youtube.com"),
        event(at(1), "bilimland.kz", category=Category.EDUCATION),
        event(at(1), "Bilimland.kz".lower()),
        event(at(1), "a.example"),
        blocked(at(1), "casino.example", Step.CATEGORY, Category.GAMBLING),
        event(at(1), "other.example", who="Timur"),
        event(at(-1), "lastweek.example"),
        event(at(6, 23, 59), "late.example"),
    ]
    report = build_weekly_report(child(), WEEK, AFTER, WeekRecords(events=events), WeekRecords())
    assert [(s.site, s.requests, s.days, s.category) for s in report.sites] == [
        ("youtube.com", 3, 2, Category.VIDEO),
        ("bilimland.kz", 2, 1, Category.EDUCATION),
        ("a.example", 1, 1, None),
        ("late.example", 1, 1, None),
    ]


def test_only_the_ten_busiest_sites_are_listed() -> None:
    events = [event(at(0), f"site{n:02}.example") for n in range(12) for _ in range(n + 1)]
    report = build_weekly_report(child(), WEEK, AFTER, WeekRecords(events=events), WeekRecords())
    assert [s.site for s in report.sites] == [f"site{n:02}.example" for n in range(11, 1, -1)]


def test_blocked_attempts_are_grouped_by_reason_busiest_first() -> None:
    events = [
        blocked(at(0), "casino.example", Step.CATEGORY, Category.GAMBLING, list_name="ut1"),
        blocked(at(0), "www.casino.example", Step.CATEGORY, Category.GAMBLING, list_name="ut1"),
        blocked(at(1), "bet.example", Step.CATEGORY, Category.GAMBLING),
        blocked(at(1), "nordvpn.com", Step.BYPASS, Category.VPN, list_name="bypass"),
        blocked(at(1), "banned.example", Step.NATIONAL_LIST, None, list_name="national"),
        blocked(at(2), "late.example", Step.SCHEDULE, None),
    ]
    report = build_weekly_report(child(), WEEK, AFTER, WeekRecords(events=events), WeekRecords())
    assert [(g.step, g.category, g.attempts, g.sites, g.list_name) for g in report.blocked] == [
        (Step.CATEGORY, Category.GAMBLING, 3, ("casino.example", "bet.example"), "ut1"),
        (Step.NATIONAL_LIST, None, 1, ("banned.example",), "national"),
        (Step.SCHEDULE, None, 1, ("late.example",), None),
        (Step.BYPASS, Category.VPN, 1, ("nordvpn.com",), "bypass"),
    ]
    assert report.totals.blocked == 6


def test_a_blocked_group_names_its_three_busiest_sites() -> None:
    events = [
        blocked(at(0), f"s{n}.example", Step.CATEGORY, Category.GAMES)
        for n in range(5)
        for _ in range(n + 1)
    ]
    report = build_weekly_report(child(), WEEK, AFTER, WeekRecords(events=events), WeekRecords())
    assert report.blocked[0].sites == ("s4.example", "s3.example", "s2.example")


def test_alerts_are_the_childs_and_the_whole_pcs_grouped_in_kind_order() -> None:
    alerts = [
        Alert(at(3), "Dana", AlertKind.BYPASS_ATTEMPT, "nordvpn.com"),
        Alert(at(1), "dana", AlertKind.BYPASS_ATTEMPT, "tor.example"),
        Alert(at(2), None, AlertKind.PROTECTION_OFF, "proxy restarted"),
        Alert(at(2), "Dana", AlertKind.SELF_HARM, "x.example"),
        Alert(at(2), "Timur", AlertKind.SEXUAL_CONTENT, "not Dana's"),
        Alert(at(8), "Dana", AlertKind.CLOCK_CHANGE, "next week"),
    ]
    report = build_weekly_report(child(), WEEK, AFTER, WeekRecords(alerts=alerts), WeekRecords())
    assert [(g.kind, [a.detail for a in g.alerts]) for g in report.alerts] == [
        (AlertKind.SELF_HARM, ["x.example"]),
        (AlertKind.BYPASS_ATTEMPT, ["tor.example", "nordvpn.com"]),
        (AlertKind.PROTECTION_OFF, ["proxy restarted"]),
    ]
    assert report.totals.alerts == 4


def test_requests_of_the_week_oldest_first() -> None:
    requests = [
        ChildRequest("Dana", RequestKind.SITE, at(4), host="discord.com"),
        ChildRequest("Dana", RequestKind.TIME, at(1), minutes=30),
        ChildRequest("Timur", RequestKind.TIME, at(1), minutes=30),
        ChildRequest("Dana", RequestKind.TIME, at(-2), minutes=30),
    ]
    report = build_weekly_report(
        child(), WEEK, AFTER, WeekRecords(requests=requests), WeekRecords()
    )
    assert [r.created_at for r in report.requests] == [at(1), at(4)]
    assert report.totals.requests == 2


def test_the_week_before_is_added_up_for_the_change() -> None:
    previous = WeekRecords(
        usage=[use(-7, "Minecraft", 100), use(-1, "Minecraft", 20), use(0, "Minecraft", 999)],
        events=[
            blocked(at(-3), "casino.example", Step.CATEGORY, Category.GAMBLING),
            blocked(at(0), "this-week.example", Step.CATEGORY, Category.GAMBLING),
        ],
        alerts=[Alert(at(-2), "Dana", AlertKind.BYPASS_ATTEMPT)],
        requests=[ChildRequest("Dana", RequestKind.TIME, at(-2), minutes=5)],
    )
    report = build_weekly_report(child(), WEEK, AFTER, WeekRecords(), previous)
    assert report.previous.seconds == 120 * 60
    assert report.previous.counted_seconds == 120 * 60
    assert report.previous.days_over_limit == 1
    assert (report.previous.blocked, report.previous.alerts, report.previous.requests) == (1, 1, 1)
    assert report.previous.recorded_days == 3  # Monday, Thursday (a block) and Sunday
    assert report.previous == weekly_totals(child(), WEEK.previous, WEEK.start, previous)


def test_uncategorised_time_comes_after_categories_of_the_same_length() -> None:
    records = WeekRecords(usage=[use(0, "a", 10), use(0, "b", 10, Category.GAMES), use(1, "a", 0)])
    report = build_weekly_report(child(), WEEK, AFTER, records, WeekRecords())
    assert [c.category for c in report.categories] == [Category.GAMES, None]
    assert [a.category for a in report.apps] == [None, Category.GAMES]


def test_screen_time_summary_rows_give_the_day_and_category_totals() -> None:
    # Screen time writes overlapping app rows and the day's totals as @-rows: the report
    # takes the day and category totals from the @-rows and lists only real apps.
    usage = [
        use(0, "minecraft", 50, Category.GAMES),
        use(0, "firefox", 50),  # ran at the same time as minecraft
        use(0, "@screen", 60),
        use(0, "@free", 10),
        use(0, "@games", 40, Category.GAMES),
        use(1, "roblox", 30, Category.GAMES),  # a day with app rows only
    ]
    records = WeekRecords(events=[], usage=usage, requests=[], alerts=[], running=())
    report = build_weekly_report(child(), WEEK, AFTER, records, WeekRecords([], [], [], [], ()))
    monday, tuesday = report.days[0], report.days[1]
    assert (monday.seconds, monday.free_seconds) == (70 * 60, 10 * 60)
    assert (tuesday.seconds, tuesday.free_seconds) == (30 * 60, 0)
    assert [app.app for app in report.apps] == ["firefox", "minecraft", "roblox"]
    assert {c.category: c.seconds for c in report.categories} == {Category.GAMES: 70 * 60}
