"""Small builders for the rules tests: a child, the lists, a moment, a request."""

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decide import ChildFilter, ListedHosts, RequestContext, WebRequest, decide_request
from rules.decision import Decision
from rules.lists import MemoryLists
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.policy import Bedtime, ChildProfile, ChildRules, DayRules, Interval, Weekday
from rules.urls import Url, normalize_url

# The week of 23-29 November 2026 runs Monday to Sunday.
MONDAY = date(2026, 11, 23)
MONDAY_NOON = datetime(2026, 11, 23, 12, 0)

LEGAL_NORM = "Law of RK on Communications, art. 41-1"


def at(day: int, hour: int, minute: int = 0) -> datetime:
    """A moment in the test week: day 0 is Monday 23 November 2026, day 6 is Sunday."""
    return datetime(2026, 11, 23 + day, hour, minute)


def clock(text: str) -> int:
    """'07:30' as minutes since midnight."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def span(text: str) -> Interval:
    """'07:00-21:00' as an Interval."""
    start, end = text.split("-")
    return Interval(clock(start), clock(end))


def bedtime(text: str) -> Bedtime:
    """'21:00-07:00' as a Bedtime."""
    start, wake = text.split("-")
    return Bedtime(clock(start), clock(wake))


def day_rules(
    allowed: Iterable[str] = ("00:00-24:00",),
    bed: str | None = None,
    allowance: int | None = None,
    free: Iterable[str] = (),
) -> DayRules:
    return DayRules(
        allowed=tuple(span(s) for s in allowed),
        allowance_minutes=allowance,
        bedtime=None if bed is None else bedtime(bed),
        free_intervals=tuple(span(s) for s in free),
    )


def week(every_day: DayRules | None = None, **days: DayRules) -> Mapping[Weekday, DayRules]:
    """A week where every day has `every_day`, except the days named like `mon=...`."""
    base = every_day if every_day is not None else DayRules()
    result = dict.fromkeys(Weekday, base)
    for key, rules in days.items():
        result[Weekday[key.upper()]] = rules
    return MappingProxyType(result)


def child(
    age_class: AgeClass = AgeClass.TWELVE, name: str = "Aru", **rule_fields: Any
) -> ChildProfile:
    """A child whose rules are ChildRules(**rule_fields); mappings are made read-only."""
    for key, value in rule_fields.items():
        if isinstance(value, dict):
            rule_fields[key] = MappingProxyType(value)
    return ChildProfile(name=name, age_class=age_class, rules=ChildRules(**rule_fields))


def child_filter(age_class: AgeClass = AgeClass.TWELVE, **rule_fields: Any) -> ChildFilter:
    return ChildFilter(child(age_class, **rule_fields))


def national_entry(
    *targets: tuple[TargetKind, str],
    reference: str = "KZ-409-0001",
    violation_type: str = "illegal online casino",
    legal_norm: str = LEGAL_NORM,
) -> NationalEntry:
    return NationalEntry(
        reference=reference,
        violation_type=violation_type,
        legal_norm=legal_norm,
        targets=tuple(Target(kind, value) for kind, value in targets),
        protocol=Protocol.ANY,
        issued=date(2026, 10, 1),
        authority="Ministry of Culture and Information",
    )


def list_name(category: Category) -> str:
    """The name the test lists file a category under."""
    return f"starter-{category}"


def memory_lists(
    categories: Mapping[str, Category | Iterable[Category]] | None = None,
    national: Iterable[NationalEntry] = (),
) -> MemoryLists:
    lists = MemoryLists()
    for domain, found in (categories or {}).items():
        for category in [found] if isinstance(found, Category) else found:
            lists.add_domain(domain, category, list_name(category))
    for entry in national:
        lists.add_national(entry)
    return lists


# One host per category, and a national list that names a domain, a page, an address
# and a network. Hosts ending in .test are in no list at all.
HOST_OF: dict[Category, str] = {
    category: f"{str(category).replace('_', '-')}.example" for category in Category
}
CASINO_ENTRY = national_entry(
    (TargetKind.DOMAIN, "casino.kz"),
    (TargetKind.URL, "news.kz/banned"),
    reference="KZ-409-0001",
)
ADDRESS_ENTRY = national_entry(
    (TargetKind.IP, "203.0.113.7"),
    (TargetKind.CIDR, "198.51.100.0/24"),
    reference="KZ-409-0002",
    violation_type="extremist materials",
    legal_norm="Law of RK on Countering Extremism, art. 12",
)
LISTS = memory_lists(
    {host: category for category, host in HOST_OF.items()},
    national=[CASINO_ENTRY, ADDRESS_ENTRY],
)


def decide(
    address: str,
    who: ChildFilter | None = None,
    lists: MemoryLists = LISTS,
    *,
    server_ip: str | None = None,
    now: datetime = MONDAY_NOON,
    hosts: ListedHosts | None = None,
    **context_fields: Any,
) -> Decision:
    """decide_request for a URL typed as text, by default for a 12+ child on Monday noon."""
    return decide_request(
        WebRequest(url(address), server_ip),
        who if who is not None else child_filter(),
        lists,
        RequestContext(now=now, **context_fields),
        hosts,
    )


def url(address: str) -> Url:
    return normalize_url(address)
