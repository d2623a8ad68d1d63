"""Screen-time accounting for one child: what each poll adds, and what to do about it.

Time counts only while one of the child's sessions is active, unlocked and not idle, and
only the monotonic time between two polls (see `rules.screentime_clock`): a PC that slept
adds nothing and a moved clock adds or removes nothing. Each counted second goes to:

- the day's screen time, unless it falls in a free interval or only free apps run
  (learning apps and the apps a parent made free); such a second is free time instead;
- every tracked app that runs (apps run side by side, so app times may overlap);
- every category with a running app that is not free (once, however many such apps run).

The result of a poll is a `Status`: used, time left, the next warning, and the action:
warn at 15, 5 and 1 minutes left, lock when time is up, log out after a grace period.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType

from rules.apps import RunningApp
from rules.categories import Category
from rules.policy import ChildRules
from rules.schedule import Closed, closed_reason
from rules.screentime_clock import Step
from rules.screentime_limits import (
    allowance_seconds,
    in_free_interval,
    screen_day,
    time_left,
)

WARNINGS = (15, 5, 1)  # minutes left when the child is warned


class Action(StrEnum):
    """What the service does for a child now."""

    NONE = "none"
    WARN = "warn"
    LOCK = "lock"
    LOG_OUT = "log_out"


class TimeUp(StrEnum):
    """Why the PC is closed for a child."""

    ALLOWANCE = "allowance"
    BEDTIME = "bedtime"
    OUTSIDE_HOURS = "outside_hours"


@dataclass(frozen=True, slots=True)
class DayUse:
    """Seconds of one screen-time day: counted, free, per app and per category."""

    day: date
    screen: float = 0.0
    free: float = 0.0
    apps: Mapping[str, float] = field(default_factory=lambda: MappingProxyType({}))
    categories: Mapping[Category, float] = field(default_factory=lambda: MappingProxyType({}))

    def add(self, seconds: float, free: bool, apps: Iterable[RunningApp]) -> "DayUse":
        """This day with `seconds` more of use while `apps` ran."""
        running = list(apps)
        app_times = dict(self.apps)
        for key in {app.key for app in running}:
            app_times[key] = app_times.get(key, 0.0) + seconds
        category_times = dict(self.categories)
        for category in {app.category for app in running if not app.free}:
            if category is not None:
                category_times[category] = category_times.get(category, 0.0) + seconds
        return DayUse(
            day=self.day,
            screen=self.screen + (0.0 if free else seconds),
            free=self.free + (seconds if free else 0.0),
            apps=MappingProxyType(app_times),
            categories=MappingProxyType(category_times),
        )


@dataclass(frozen=True, slots=True)
class Limits:
    """The service's settings for screen time (the same for every child)."""

    day_start_hour: int = 0
    logout_after: float | None = None  # seconds locked before logging out; None: never


@dataclass(frozen=True, slots=True)
class Meter:
    """One child's running account: today's use, warnings given, since when time is up."""

    use: DayUse
    warned: frozenset[int] = frozenset()
    up_for: float | None = None  # seconds since time ran out, while it stays out


@dataclass(frozen=True, slots=True)
class Status:
    """A child's screen time now, for the tray, the proxy and the enforcement."""

    day: date
    used: float
    free: float
    allowance: float | None
    left: float | None
    action: Action
    time_up: TimeUp | None = None
    next_warning: int | None = None
    warning: int | None = None  # the warning given at this poll, in minutes
    day_used_up: bool = False  # the allowance is spent and no free interval is on
    used_up_categories: frozenset[Category] = frozenset()


def only_free(apps: Iterable[RunningApp]) -> bool:
    """Free apps run and no tracked app that counts does."""
    running = list(apps)
    return any(app.free for app in running) and all(app.free for app in running)


def used_up(rules: ChildRules, use: DayUse) -> frozenset[Category]:
    """Categories whose budget for the day is spent."""
    return frozenset(
        category
        for category, minutes in rules.category_budgets.items()
        if use.categories.get(category, 0.0) >= minutes * 60
    )


def advance(
    meter: Meter,
    step: Step,
    counting: bool,
    apps: Iterable[RunningApp],
    *,
    rules: ChildRules,
    limits: Limits = Limits(),
) -> tuple[Meter, Status, DayUse | None]:
    """The meter after a poll, the child's status, and the finished day if a new one began.

    `counting` says a session of the child is active, unlocked and not idle; `apps` are
    the child's tracked apps running now.
    """
    running = list(apps)
    finished = None
    use, warned, up_for = meter.use, meter.warned, meter.up_for
    day = screen_day(step.now, limits.day_start_hour)
    if day != use.day:
        finished, use, warned, up_for = use, DayUse(day), frozenset(), None
    free_now = in_free_interval(rules, step.now)
    if counting and step.elapsed > 0:
        use = use.add(step.elapsed, free_now or only_free(running), running)
    allowance = allowance_seconds(rules, day)
    left = time_left(rules, step.now, use.screen, limits.day_start_hour)
    up = _time_up(rules, step.now, use) if left == 0 else None
    up_for = None if up is None else (0.0 if up_for is None else up_for + step.elapsed)
    warned, warning = _warn(warned, left)
    status = Status(
        day=day,
        used=use.screen,
        free=use.free,
        allowance=allowance,
        left=left,
        action=_action(left, up_for, limits),
        time_up=up,
        next_warning=_next_warning(left),
        warning=warning,
        day_used_up=allowance is not None and use.screen >= allowance and not free_now,
        used_up_categories=used_up(rules, use),
    )
    return Meter(use, warned, up_for), status, finished


def _time_up(rules: ChildRules, now: datetime, use: DayUse) -> TimeUp:
    closed = closed_reason(rules.week, now)
    if closed is Closed.BEDTIME:
        return TimeUp.BEDTIME
    if closed is Closed.OUTSIDE_HOURS:
        return TimeUp.OUTSIDE_HOURS
    return TimeUp.ALLOWANCE


def _warn(warned: frozenset[int], left: float | None) -> tuple[frozenset[int], int | None]:
    """Warnings already given that still apply, and the one due now (the most urgent)."""
    if left is None:
        return frozenset(), None
    still = frozenset(minutes for minutes in warned if left <= minutes * 60)
    due = [minutes for minutes in WARNINGS if left <= minutes * 60 and minutes not in still]
    if not due or left <= 0:
        return still | frozenset(due), None
    return still | frozenset(due), min(due)


def _next_warning(left: float | None) -> int | None:
    """The next warning to come, in minutes left; None when none is ahead."""
    if left is None:
        return None
    return max((minutes for minutes in WARNINGS if minutes * 60 < left), default=None)


def _action(left: float | None, up_for: float | None, limits: Limits) -> Action:
    if up_for is not None:
        if limits.logout_after is not None and up_for >= limits.logout_after:
            return Action.LOG_OUT
        return Action.LOCK
    if left is not None and left <= WARNINGS[0] * 60:
        return Action.WARN
    return Action.NONE
