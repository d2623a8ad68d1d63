"""Screen-time accounting: counting, free time, apps and categories, warnings, lock, log out."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from types import MappingProxyType

import pytest

from rules.apps import RunningApp
from rules.categories import Category
from rules.policy import ChildRules, DayRules, TimeGrant
from rules.screentime import (
    Action,
    DayUse,
    Limits,
    Meter,
    Status,
    TimeUp,
    advance,
    only_free,
    used_up,
)
from rules.screentime_clock import Reading, TrustedClock
from tests.rules.factories import at, day_rules, week

GAME = RunningApp("minecraft", Category.GAMES)
OTHER_GAME = RunningApp("roblox", Category.GAMES)
BROWSER = RunningApp("firefox", None)
LEARNING = RunningApp("geogebra", Category.EDUCATION, free=True)


def rules(every_day: DayRules | None = None, **fields: object) -> ChildRules:
    """Rules with `every_day` and days named like `tue=...`; other fields go to ChildRules."""
    days = {key: fields.pop(key) for key in list(fields) if key in {"mon", "tue", "wed", "thu"}}
    for key, value in fields.items():
        if isinstance(value, dict):
            fields[key] = MappingProxyType(value)
    return ChildRules(week=week(every_day, **days), **fields)  # type: ignore[arg-type]


@dataclass
class Day:
    """A child's day polled every `poll` seconds from `start`, on a clock the test controls."""

    rules: ChildRules
    start: datetime = field(default_factory=lambda: at(0, 8))
    poll: float = 3.0
    limits: Limits = field(default_factory=Limits)

    def __post_init__(self) -> None:
        self.monotonic = 1000.0
        self.wall = self.start
        self.clock = TrustedClock.start(Reading(self.monotonic, self.wall), poll_seconds=self.poll)
        self.meter = Meter(DayUse(self.start.date()))
        self.finished: list[DayUse] = []
        self.changes: list[float] = []

    def step(
        self,
        seconds: float | None = None,
        counting: bool = True,
        apps: tuple[RunningApp, ...] = (),
        jump: timedelta = timedelta(),
    ) -> Status:
        seconds = self.poll if seconds is None else seconds
        self.monotonic += seconds
        self.wall += timedelta(seconds=seconds) + jump
        self.clock, step = self.clock.advance(Reading(self.monotonic, self.wall))
        if step.change is not None:
            self.changes.append(step.change.shift)
        self.meter, status, finished = advance(
            self.meter, step, counting, apps, rules=self.rules, limits=self.limits
        )
        if finished is not None:
            self.finished.append(finished)
        return status

    def run(self, minutes: float, **kwargs: object) -> list[Status]:
        return [self.step(**kwargs) for _ in range(round(minutes * 60 / self.poll))]  # type: ignore[arg-type]


def test_a_two_hour_day_warns_at_15_5_and_1_minutes_and_locks_at_two_hours() -> None:
    day = Day(rules(day_rules(allowance=120)))
    warnings: list[tuple[int, float]] = []
    actions: dict[Action, float] = {}
    for _ in range(2500):
        status = day.step()
        if status.warning is not None:
            warnings.append((status.warning, status.used / 60))
        actions.setdefault(status.action, status.used / 60)
        if status.action is Action.LOCK:
            break
    assert warnings == [(15, 105), (5, 115), (1, 119)]
    assert actions == {Action.NONE: 0.05, Action.WARN: 105, Action.LOCK: 120}
    assert status.time_up is TimeUp.ALLOWANCE and status.left == 0 and status.day_used_up
    assert day.meter.use.screen == 120 * 60
    locked = day.step(counting=False)  # locked: nothing more counts, it stays locked
    assert locked.used == 120 * 60 and locked.action is Action.LOCK and locked.warning is None


def test_the_status_tells_used_left_and_the_next_warning() -> None:
    day = Day(rules(day_rules(allowance=60)))
    status = day.run(10)[-1]
    assert (status.used, status.left, status.allowance) == (600, 3000, 3600)
    assert status.next_warning == 15 and status.action is Action.NONE
    status = day.run(40)[-1]
    assert status.left == 600 and status.next_warning == 5 and status.action is Action.WARN
    status = day.run(9.5)[-1]
    assert status.left == 30 and status.next_warning is None


def test_no_allowance_and_no_hours_means_no_limit() -> None:
    status = Day(rules()).run(60)[-1]
    assert status.used == 3600 and status.left is None and status.allowance is None
    assert status.action is Action.NONE and status.next_warning is None


def test_time_counts_only_while_a_session_counts() -> None:
    day = Day(rules(day_rules(allowance=60)))
    day.run(10, counting=False)
    assert day.run(5)[-1].used == 300


def test_a_long_gap_is_sleep_and_adds_nothing() -> None:
    day = Day(rules(day_rules(allowance=60)))
    day.run(1)
    status = day.step(seconds=45 * 60)
    assert status.used == 60
    assert day.step(seconds=30).used == 90  # ten polls' gap still counts


def test_moving_the_clock_a_day_forward_changes_nothing_but_is_reported() -> None:
    day = Day(rules(day_rules(allowance=120)))
    before = day.run(60)[-1]
    jumped = day.step(jump=timedelta(days=1))
    assert day.changes == [86400.0]
    assert jumped.day == before.day == date(2026, 11, 23)
    assert jumped.used == before.used + 3 and jumped.left == before.left - 3
    assert day.finished == []
    after = day.run(60)[-1]
    assert after.action is Action.LOCK and after.day == date(2026, 11, 23)


def test_changing_the_time_zone_backwards_gives_no_time_back() -> None:
    day = Day(rules(day_rules(allowance=60)))
    day.run(60)
    status = day.step(jump=timedelta(hours=-5), counting=False)
    assert day.changes == [-18000.0]
    assert status.action is Action.LOCK and status.used == 3600


def test_the_day_rolls_over_at_midnight_with_the_new_days_allowance() -> None:
    day = Day(rules(day_rules(allowance=30), tue=day_rules(allowance=45)), start=at(0, 23, 50))
    status = day.run(10)[-1]  # a poll's seconds go to the day of the moment it is taken
    assert status.day == date(2026, 11, 24) and status.used == 3
    assert status.allowance == 45 * 60
    [monday] = day.finished
    assert monday.day == date(2026, 11, 23) and monday.screen == 597


def test_a_day_may_start_at_a_later_hour() -> None:
    day = Day(rules(day_rules(allowance=60)), start=at(0, 23, 50), limits=Limits(day_start_hour=4))
    status = day.run(20)[-1]
    assert status.day == date(2026, 11, 23) and status.used == 1200 and day.finished == []
    assert status.action is Action.NONE
    status = day.run(4 * 60)[-1]
    assert status.day == date(2026, 11, 24) and day.finished[0].screen == 250 * 60 - 3


def test_bedtime_locks_and_warns_before_it() -> None:
    day = Day(rules(day_rules(bed="21:00-07:00")), start=at(0, 20, 30))
    statuses = day.run(30)
    warnings = [s.warning for s in statuses if s.warning is not None]
    assert warnings == [15, 5, 1]
    assert statuses[-1].time_up is TimeUp.BEDTIME and statuses[-1].action is Action.LOCK
    assert not statuses[-1].day_used_up


def test_outside_allowed_hours_is_closed() -> None:
    status = Day(rules(day_rules(allowed=["09:00-18:00"])), start=at(0, 8)).step()
    assert status.time_up is TimeUp.OUTSIDE_HOURS and status.action is Action.LOCK


def test_a_free_interval_does_not_count_and_keeps_the_pc_open() -> None:
    day = Day(rules(day_rules(allowance=30, free=["16:00-17:00"])), start=at(0, 15, 30))
    day.run(30)  # the poll at 16:00:00 is free
    status = day.run(30)[-1]
    assert status.used == 1797 and status.free == 1803
    assert status.time_up is None and status.left == 1803 and not status.day_used_up
    status = day.run(30)[-1]  # homework time over, the allowance was spent right after it
    assert status.time_up is TimeUp.ALLOWANCE and status.day_used_up and status.left == 0


def test_homework_time_after_the_allowance_keeps_the_pc_open() -> None:
    day = Day(rules(day_rules(allowance=10, free=["16:00-17:00"])), start=at(0, 15, 50))
    status = day.run(10)[-1]
    assert status.used == 597 and status.left == 3 + 3600  # the free hour lies ahead
    assert status.action is Action.NONE and status.time_up is None
    statuses = day.run(60)
    assert statuses[-1].action is Action.LOCK and statuses[-1].day_used_up
    assert [s.warning for s in statuses if s.warning] == [15, 5, 1]


def test_only_free_apps_do_not_count() -> None:
    day = Day(rules(day_rules(allowance=60)))
    status = day.run(10, apps=(LEARNING,))[-1]
    assert status.used == 0 and status.free == 600
    status = day.run(10, apps=(LEARNING, GAME))[-1]
    assert status.used == 600
    assert only_free([]) is False and only_free([LEARNING]) and not only_free([LEARNING, GAME])


def test_apps_and_categories_are_counted_side_by_side() -> None:
    day = Day(rules(category_budgets={Category.GAMES: 15}))
    day.run(10, apps=(GAME, OTHER_GAME, BROWSER))
    status = day.run(5, apps=(GAME, LEARNING))[-1]
    use = day.meter.use
    assert use.apps == {"minecraft": 900, "roblox": 600, "firefox": 600, "geogebra": 300}
    assert use.categories == {Category.GAMES: 900}  # two games at once are one game time
    assert status.used_up_categories == {Category.GAMES}


def test_budgets_spent_are_named() -> None:
    rules_ = rules(category_budgets={Category.GAMES: 60, Category.VIDEO: 0})
    use = DayUse(date(2026, 11, 23), categories=MappingProxyType({Category.GAMES: 3599.0}))
    assert used_up(rules_, use) == {Category.VIDEO}
    assert used_up(rules_, use.add(1, False, [GAME])) == {Category.VIDEO, Category.GAMES}


def test_a_grant_adds_minutes_and_warnings_come_again() -> None:
    grant = TimeGrant(date(2026, 11, 23), 20, at(0, 9))
    day = Day(rules(day_rules(allowance=30)))
    day.run(30)
    assert day.step(counting=False).action is Action.LOCK
    day.rules = rules(day_rules(allowance=30), time_grants=(grant,))
    status = day.step(counting=False)
    assert status.allowance == 50 * 60 and status.action is Action.NONE and status.left == 1200
    warnings = [s.warning for s in day.run(20) if s.warning is not None]
    assert warnings == [15, 5, 1]


def test_a_grant_on_a_day_without_allowance_adds_nothing() -> None:
    grant = TimeGrant(date(2026, 11, 23), 20, at(0, 9))
    assert Day(rules(time_grants=(grant,))).step().allowance is None


def test_joining_with_little_time_left_warns_once_with_the_most_urgent() -> None:
    day = Day(rules(day_rules(allowance=10)))
    day.meter = Meter(DayUse(date(2026, 11, 23), screen=7 * 60))
    statuses = day.run(3)
    assert [s.warning for s in statuses if s.warning] == [5, 1]


def test_logged_out_after_the_grace_period() -> None:
    day = Day(rules(day_rules(allowance=5)), limits=Limits(logout_after=120))
    day.run(5)
    assert day.meter.up_for == 0  # time ran out at the last poll
    actions = [day.step(counting=False).action for _ in range(41)]
    assert actions[:39] == [Action.LOCK] * 39 and actions[39:] == [Action.LOG_OUT] * 2


@pytest.mark.parametrize(
    ("jump", "reported"),
    [
        (timedelta(seconds=90), False),
        (timedelta(seconds=-119), False),
        (timedelta(minutes=2), True),
    ],
)
def test_small_clock_corrections_are_drift(jump: timedelta, reported: bool) -> None:
    day = Day(rules())
    day.run(1)
    day.step(jump=jump)
    assert bool(day.changes) is reported
