"""The weekly report's numbers: one child's week of records added up, beside the week before."""

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.hosts import parse_ip
from rules.policy import ChildProfile, Weekday
from rules.records import Alert, AlertKind, DecisionEvent, Usage
from rules.report_model import (
    AlertGroup,
    AppTime,
    BlockedGroup,
    CategoryTime,
    DayTime,
    SiteVisits,
    WeeklyReport,
    WeekRecords,
    WeekTotals,
)
from rules.report_uptime import days_running
from rules.report_week import IsoWeek
from rules.screentime_state import day_totals, is_summary

TOP_SITES = 10
SITES_PER_BLOCK = 3
# Second-level labels under which a country's sites are registered (bilim.edu.kz, gov.kz).
_SECOND_LEVEL = frozenset({"ac", "co", "com", "edu", "gov", "mil", "net", "nic", "org"})


def site_of(host: str) -> str:
    """The registered domain a host is part of (m.youtube.com: youtube.com); IPs stay as is."""
    if parse_ip(host) is not None or "." not in host:
        return host
    labels = host.split(".")
    country_second_level = len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL
    keep = 3 if country_second_level and len(labels) > 2 else 2
    return ".".join(labels[-keep:])


def _same_child(name: str | None, child: str) -> bool:
    return name is not None and name.casefold() == child.casefold()


def _limit(child: ChildProfile, day: date) -> int | None:
    """The day's allowance with the bonus minutes a parent gave that day (the current rules)."""
    allowance = child.rules.week[Weekday(day.weekday())].allowance_minutes
    if allowance is None:
        return None
    return allowance + sum(g.minutes for g in child.rules.time_grants if g.day == day)


def _days(
    child: ChildProfile, week: IsoWeek, until: datetime, usage: Sequence[Usage], running: set[date]
) -> tuple[DayTime, ...]:
    seconds, free_seconds = _day_seconds(child, usage)
    return tuple(
        DayTime(
            day=day,
            seconds=seconds[day],
            free_seconds=free_seconds[day],
            limit_minutes=_limit(child, day),
            recorded=day in running or day in seconds,
            elapsed=datetime.combine(day, datetime.min.time()) < until,
        )
        for day in week.days
    )


def _day_seconds(
    child: ChildProfile, usage: Sequence[Usage]
) -> tuple[Counter[date], Counter[date]]:
    """Each day's screen time and the part of it that did not count against the limit.

    Screen time writes the day's totals as summary rows (apps overlap, so their rows do not
    add up); a day without them (records from elsewhere) is the sum of its app rows.
    """
    summarised = {item.day for item in usage if is_summary(item.app)}
    free_apps = {app.casefold() for app in child.rules.free_apps}
    seconds: Counter[date] = Counter()
    free: Counter[date] = Counter()
    for day, totals in day_totals(usage).items():
        seconds[day] += math.floor(totals.screen + totals.free)
        free[day] += math.floor(totals.free)
    for item in usage:
        if item.day in summarised or is_summary(item.app):
            continue
        seconds[item.day] += item.seconds
        if item.app.casefold() in free_apps:
            free[item.day] += item.seconds
    return seconds, free


def _app_and_category_time(
    usage: Sequence[Usage],
) -> tuple[dict[str, int], dict[str, Category], Counter[Category | None]]:
    """Seconds per app, and per category (from summary rows where screen time wrote them)."""
    summarised = {item.day for item in usage if is_summary(item.app)}
    apps: defaultdict[str, int] = defaultdict(int)
    app_category: dict[str, Category] = {}
    categories: Counter[Category | None] = Counter()
    for item in usage:
        if is_summary(item.app):
            if item.category is not None:
                categories[item.category] += item.seconds
            continue
        apps[item.app] += item.seconds
        if item.category is not None:
            app_category[item.app] = item.category
        if item.day not in summarised:
            categories[item.category] += item.seconds
    return apps, app_category, categories


def _top(counter: Counter[str], limit: int) -> tuple[str, ...]:
    return tuple(name for name, _ in sorted(counter.items(), key=lambda i: (-i[1], i[0]))[:limit])


def _sites(events: Iterable[DecisionEvent]) -> tuple[SiteVisits, ...]:
    requests: Counter[str] = Counter()
    days: defaultdict[str, set[date]] = defaultdict(set)
    categories: defaultdict[str, Counter[Category]] = defaultdict(Counter)
    for event in events:
        site = site_of(event.host)
        requests[site] += 1
        days[site].add(event.at.date())
        if event.category is not None:
            categories[site][event.category] += 1
    return tuple(
        SiteVisits(site, requests[site], len(days[site]), _most_common(categories[site]))
        for site in _top(requests, TOP_SITES)
    )


def _most_common[T](counter: Counter[T]) -> T | None:
    return counter.most_common(1)[0][0] if counter else None


def _blocked(events: Iterable[DecisionEvent]) -> tuple[BlockedGroup, ...]:
    groups: defaultdict[tuple[Step, Category | None], list[DecisionEvent]] = defaultdict(list)
    for event in events:
        groups[event.step, event.category].append(event)
    found = [
        BlockedGroup(
            step=step,
            category=category,
            attempts=len(group),
            sites=_top(Counter(site_of(e.host) for e in group), SITES_PER_BLOCK),
            list_name=_most_common(Counter(e.list_name for e in group if e.list_name)),
        )
        for (step, category), group in groups.items()
    ]
    order = list(Step)
    return tuple(sorted(found, key=lambda g: (-g.attempts, order.index(g.step), g.category or "")))


def _alerts(alerts: Iterable[Alert]) -> tuple[AlertGroup, ...]:
    by_kind: defaultdict[AlertKind, list[Alert]] = defaultdict(list)
    for alert in sorted(alerts, key=lambda a: a.at):
        by_kind[alert.kind].append(alert)
    return tuple(AlertGroup(kind, tuple(by_kind[kind])) for kind in AlertKind if kind in by_kind)


def _totals(days: Sequence[DayTime], records: WeekRecords, blocked: int) -> WeekTotals:
    return WeekTotals(
        seconds=sum(day.seconds for day in days),
        counted_seconds=sum(day.counted_seconds for day in days),
        days_over_limit=sum(day.over_limit for day in days),
        blocked=blocked,
        alerts=len(records.alerts),
        requests=len(records.requests),
        recorded_days=sum(day.recorded for day in days),
    )


def _only(child: ChildProfile, week: IsoWeek, until: datetime, records: WeekRecords) -> WeekRecords:
    """The child's own records inside the week (alerts about the whole PC included)."""
    start, end = week.start, min(week.end, until)
    return WeekRecords(
        events=[
            e for e in records.events if _same_child(e.child, child.name) and start <= e.at < end
        ],
        usage=[
            u
            for u in records.usage
            if _same_child(u.child, child.name) and week.monday <= u.day <= week.sunday
        ],
        requests=[
            r
            for r in records.requests
            if _same_child(r.child, child.name) and start <= r.created_at < end
        ],
        alerts=[
            a
            for a in records.alerts
            if (a.child is None or _same_child(a.child, child.name)) and start <= a.at < end
        ],
        running=records.running,
    )


def _week_days(
    child: ChildProfile, week: IsoWeek, until: datetime, records: WeekRecords
) -> tuple[DayTime, ...]:
    seen = {e.at.date() for e in records.events}
    running = set(days_running(records.running, week.days)) | seen
    return _days(child, week, until, records.usage, running)


def weekly_totals(
    child: ChildProfile, week: IsoWeek, until: datetime, records: WeekRecords
) -> WeekTotals:
    """The week's totals only: time, days over the limit, blocked requests, alerts, requests."""
    mine = _only(child, week, until, records)
    days = _week_days(child, week, until, mine)
    blocked = sum(e.verdict is Verdict.BLOCK for e in mine.events)
    return _totals(days, mine, blocked)


def build_weekly_report(
    child: ChildProfile,
    week: IsoWeek,
    until: datetime,
    records: WeekRecords,
    previous: WeekRecords,
) -> WeeklyReport:
    """The report for `week` up to `until` (now, for the week in progress), with last week's totals.

    Time limits come from the child's current rules: Qorgan keeps no history of rule changes.
    """
    mine = _only(child, week, until, records)
    days = _week_days(child, week, until, mine)
    apps, app_category, categories = _app_and_category_time(mine.usage)
    blocked_events = [e for e in mine.events if e.verdict is Verdict.BLOCK]
    return WeeklyReport(
        child=child.name,
        age_class=child.age_class,
        week=week,
        until=min(until, week.end),
        days=days,
        apps=tuple(
            AppTime(app, seconds, app_category.get(app))
            for app, seconds in sorted(apps.items(), key=lambda i: (-i[1], i[0]))
        ),
        categories=tuple(
            CategoryTime(category, seconds)
            for category, seconds in sorted(
                categories.items(), key=lambda i: (-i[1], i[0] is None, i[0] or "")
            )
        ),
        sites=_sites(e for e in mine.events if e.verdict is Verdict.ALLOW),
        blocked=_blocked(blocked_events),
        alerts=_alerts(mine.alerts),
        requests=tuple(sorted(mine.requests, key=lambda r: r.created_at)),
        totals=_totals(days, mine, len(blocked_events)),
        previous=weekly_totals(child, week.previous, week.start, previous),
    )
