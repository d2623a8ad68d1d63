"""The weekly report's figures for one child, before they are put into words."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step
from rules.records import Alert, AlertKind, ChildRequest, DecisionEvent, Usage
from rules.report_uptime import Span
from rules.report_week import IsoWeek


@dataclass(frozen=True, slots=True)
class WeekRecords:
    """What the store holds for a week; `running` are the stretches the service was on."""

    events: Sequence[DecisionEvent] = ()
    usage: Sequence[Usage] = ()
    requests: Sequence[ChildRequest] = ()
    alerts: Sequence[Alert] = ()
    running: Sequence[Span] = ()


@dataclass(frozen=True, slots=True)
class DayTime:
    """One day's use. `recorded` says Qorgan was running that day, so zero really is zero."""

    day: date
    seconds: int
    free_seconds: int
    limit_minutes: int | None
    recorded: bool
    elapsed: bool

    @property
    def counted_seconds(self) -> int:
        """Time that counts against the limit: apps a parent made free do not."""
        return self.seconds - self.free_seconds

    @property
    def over_limit(self) -> bool:
        return self.limit_minutes is not None and self.counted_seconds > self.limit_minutes * 60


@dataclass(frozen=True, slots=True)
class AppTime:
    app: str
    seconds: int
    category: Category | None


@dataclass(frozen=True, slots=True)
class CategoryTime:
    category: Category | None
    seconds: int


@dataclass(frozen=True, slots=True)
class SiteVisits:
    """A site (its registered domain) the child reached: requests made and days seen."""

    site: str
    requests: int
    days: int
    category: Category | None


@dataclass(frozen=True, slots=True)
class BlockedGroup:
    """Blocked requests that share one reason: the step of the decision order and the category."""

    step: Step
    category: Category | None
    attempts: int
    sites: tuple[str, ...]
    list_name: str | None


@dataclass(frozen=True, slots=True)
class AlertGroup:
    kind: AlertKind
    alerts: tuple[Alert, ...]


@dataclass(frozen=True, slots=True)
class WeekTotals:
    seconds: int
    counted_seconds: int
    days_over_limit: int
    blocked: int
    alerts: int
    requests: int
    recorded_days: int


@dataclass(frozen=True, slots=True)
class WeeklyReport:
    """Everything the weekly report says about one child, before it is put into words."""

    child: str
    age_class: AgeClass
    week: IsoWeek
    until: datetime
    days: tuple[DayTime, ...]
    apps: tuple[AppTime, ...]
    categories: tuple[CategoryTime, ...]
    sites: tuple[SiteVisits, ...]
    blocked: tuple[BlockedGroup, ...]
    alerts: tuple[AlertGroup, ...]
    requests: tuple[ChildRequest, ...]
    totals: WeekTotals
    previous: WeekTotals

    @property
    def missing_days(self) -> tuple[date, ...]:
        """Days that have begun but left no trace: the PC was off or Qorgan was not running."""
        return tuple(day.day for day in self.days if day.elapsed and not day.recorded)
