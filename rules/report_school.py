"""A school lab's week for one group, aggregate by default: no pupil's browsing unless asked."""

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from fnmatch import fnmatchcase

from rules.categories import Category
from rules.decision import Verdict
from rules.policy import SchoolGroup
from rules.records import AlertKind, DecisionEvent, Usage
from rules.report import site_of
from rules.report_model import WeekRecords
from rules.report_week import IsoWeek

TOP_CATEGORIES = 10
PUPIL_SITES = 5


@dataclass(frozen=True, slots=True)
class GroupDay:
    day: date
    seconds: int
    pupils: int


@dataclass(frozen=True, slots=True)
class CategoryCount:
    """Seconds of use, or blocked requests, in one category (None: uncategorised)."""

    category: Category | None
    amount: int


@dataclass(frozen=True, slots=True)
class Incident:
    kind: AlertKind
    count: int
    days: tuple[date, ...]


@dataclass(frozen=True, slots=True)
class PupilLine:
    """One pupil's week; only in a summary the admin asked to show pupils in."""

    name: str
    seconds: int
    blocked: int
    sites: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GroupSummary:
    group: str
    profile: str
    week: IsoWeek
    until: datetime
    days: tuple[GroupDay, ...]
    categories: tuple[CategoryCount, ...]
    blocked: tuple[CategoryCount, ...]
    incidents: tuple[Incident, ...]
    pupils: tuple[PupilLine, ...] | None

    @property
    def seconds(self) -> int:
        return sum(day.seconds for day in self.days)

    @property
    def blocked_total(self) -> int:
        return sum(item.amount for item in self.blocked)


def is_member(group: SchoolGroup, name: str | None) -> bool:
    """Records are the group's when made under its profile or by one of its accounts."""
    if name is None:
        return False
    return name.casefold() == group.profile.casefold() or any(
        fnmatchcase(name, pattern) for pattern in group.accounts
    )


def _ranked(counter: Counter[Category | None], limit: int) -> tuple[CategoryCount, ...]:
    items = sorted(counter.items(), key=lambda i: (-i[1], i[0] is None, i[0] or ""))
    return tuple(CategoryCount(category, amount) for category, amount in items[:limit])


def build_group_summary(
    group: SchoolGroup, week: IsoWeek, until: datetime, records: WeekRecords, pupils: bool
) -> GroupSummary:
    """The group's week up to `until`: time per day, top categories, blocks, incidents."""
    end = min(until, week.end)
    events = [e for e in records.events if is_member(group, e.child) and week.start <= e.at < end]
    usage = [
        u
        for u in records.usage
        if is_member(group, u.child) and week.monday <= u.day <= week.sunday
    ]
    # Alerts about the whole PC (protection off, the clock) concern every pupil on it.
    alerts = [
        a
        for a in records.alerts
        if (a.child is None or is_member(group, a.child)) and week.start <= a.at < end
    ]
    seconds: Counter[date] = Counter()
    active: defaultdict[date, set[str]] = defaultdict(set)
    categories: Counter[Category | None] = Counter()
    for item in usage:
        seconds[item.day] += item.seconds
        active[item.day].add(item.child)
        categories[item.category] += item.seconds
    blocked = [e for e in events if e.verdict is Verdict.BLOCK]
    by_kind: defaultdict[AlertKind, list[datetime]] = defaultdict(list)
    for alert in alerts:
        by_kind[alert.kind].append(alert.at)
    return GroupSummary(
        group=group.name,
        profile=group.profile,
        week=week,
        until=end,
        days=tuple(GroupDay(d, seconds[d], len(active[d])) for d in week.days),
        categories=_ranked(categories, TOP_CATEGORIES),
        blocked=_ranked(Counter(e.category for e in blocked), len(Category) + 1),
        incidents=tuple(
            Incident(kind, len(by_kind[kind]), tuple(sorted({m.date() for m in by_kind[kind]})))
            for kind in AlertKind
            if kind in by_kind
        ),
        pupils=_pupils(usage, events) if pupils else None,
    )


def _pupils(usage: list[Usage], events: list[DecisionEvent]) -> tuple[PupilLine, ...]:
    seconds: Counter[str] = Counter()
    blocked: Counter[str] = Counter()
    sites: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for item in usage:
        seconds[item.child] += item.seconds
    for event in events:
        if event.verdict is Verdict.BLOCK:
            blocked[event.child] += 1
        else:
            sites[event.child][site_of(event.host)] += 1
    names = sorted(set(seconds) | set(blocked) | set(sites), key=str.casefold)
    return tuple(
        PupilLine(
            name,
            seconds[name],
            blocked[name],
            tuple(sorted(sites[name], key=lambda s: (-sites[name][s], s))[:PUPIL_SITES]),
        )
        for name in names
    )
