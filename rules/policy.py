"""The policy model: children, their rules, school groups, and the grants parents give."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import IntEnum, StrEnum
from fnmatch import fnmatchcase
from types import MappingProxyType

from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, SafeSearchLevel
from rules.categories import Category
from rules.text import Language

MINUTES_PER_DAY = 24 * 60


class Weekday(IntEnum):
    """Days as Python's `date.weekday()` numbers them: Monday is 0."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6


class Mode(StrEnum):
    """A family PC, or a school lab where every non-admin account is a pupil."""

    HOME = "home"
    SCHOOL = "school"


@dataclass(frozen=True, slots=True)
class Interval:
    """A stretch of one day, in minutes since midnight: start included, end excluded."""

    start: int
    end: int

    def __contains__(self, minute: int) -> bool:
        return self.start <= minute < self.end

    @property
    def minutes(self) -> int:
        return self.end - self.start


ALL_DAY = (Interval(0, MINUTES_PER_DAY),)


@dataclass(frozen=True, slots=True)
class Bedtime:
    """No use from `start` in the evening until `wake` the next morning (minutes since midnight).

    A bedtime belongs to the evening it starts on: Sunday's bedtime ends on Monday morning.
    """

    start: int
    wake: int


@dataclass(frozen=True, slots=True)
class DayRules:
    """One weekday's rules: when the PC may be used, how much, and what does not count."""

    allowed: tuple[Interval, ...] = ALL_DAY
    allowance_minutes: int | None = None
    bedtime: Bedtime | None = None
    free_intervals: tuple[Interval, ...] = ()


def _every_day(rules: DayRules) -> Mapping[Weekday, DayRules]:
    return MappingProxyType(dict.fromkeys(Weekday, rules))


@dataclass(frozen=True, slots=True)
class SiteGrant:
    """A parent allowed a site for a while ("allow for 1 hour"); `until` is local time."""

    host: str
    until: datetime
    granted_at: datetime


@dataclass(frozen=True, slots=True)
class TimeGrant:
    """Bonus minutes a parent gave for one day."""

    day: date
    minutes: int
    granted_at: datetime


@dataclass(frozen=True, slots=True)
class ChildRules:
    """Everything a parent sets for one child beyond the age class's defaults.

    `allow` and `deny` hold domains, URL prefixes, IPs or CIDRs. A category override
    changes the age-class table for this child; protected categories cannot be overridden.
    """

    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    category_overrides: Mapping[Category, CategoryAction] = field(
        default_factory=lambda: MappingProxyType({})
    )
    whitelist_only: bool = False
    safe_search: SafeSearchLevel | None = None
    week: Mapping[Weekday, DayRules] = field(default_factory=lambda: _every_day(DayRules()))
    category_budgets: Mapping[Category, int] = field(default_factory=lambda: MappingProxyType({}))
    app_budgets: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))
    blocked_apps: tuple[str, ...] = ()
    free_apps: tuple[str, ...] = ()
    site_grants: tuple[SiteGrant, ...] = ()
    time_grants: tuple[TimeGrant, ...] = ()


@dataclass(frozen=True, slots=True)
class ChildProfile:
    """A child, the OS accounts they use, and the rules that apply to them."""

    name: str
    age_class: AgeClass
    accounts: tuple[str, ...] = ()
    language: Language = Language.KK
    birth_year: int | None = None
    rules: ChildRules = field(default_factory=ChildRules)


@dataclass(frozen=True, slots=True)
class SchoolGroup:
    """A class or lab: OS accounts (shell-style patterns such as `pupil*`) sharing one profile."""

    name: str
    profile: str
    accounts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Policy:
    """The whole configuration the service enforces."""

    mode: Mode = Mode.HOME
    children: tuple[ChildProfile, ...] = ()
    groups: tuple[SchoolGroup, ...] = ()
    default_profile: str | None = None

    def child(self, name: str) -> ChildProfile:
        """The child profile called `name` (names compare without regard to case)."""
        for child in self.children:
            if child.name.casefold() == name.casefold():
                return child
        raise LookupError(f"no child called {name!r}")

    def profile_for_account(self, account: str) -> ChildProfile | None:
        """Whose rules apply to a non-admin OS account: its child, its group, or the default.

        None means the account is not supervised (a parent's or an admin's).
        """
        for child in self.children:
            if account in child.accounts:
                return child
        for group in self.groups:
            if any(fnmatchcase(account, pattern) for pattern in group.accounts):
                return self.child(group.profile)
        if self.default_profile is not None:
            return self.child(self.default_profile)
        return None
