"""Accounting properties: time is never negative, sleep and clock jumps add nothing."""

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from rules.apps import RunningApp
from rules.categories import Category
from rules.policy import ChildRules
from rules.screentime import DayUse, Limits, Meter, advance
from rules.screentime_clock import CLOCK_TOLERANCE, SLEEP_POLLS, Reading, TrustedClock
from tests.rules.factories import at, day_rules, week

POLL = 3.0
RULES = ChildRules(week=week(day_rules(allowance=90, bed="22:00-07:00", free=["16:00-17:00"])))
GAME = RunningApp("minecraft", Category.GAMES)

gaps = st.one_of(
    st.floats(min_value=0, max_value=SLEEP_POLLS * POLL),  # ordinary polls
    st.floats(min_value=SLEEP_POLLS * POLL + 0.001, max_value=3 * 86400),  # sleep
)
jumps = st.one_of(
    st.just(0.0),
    st.floats(min_value=CLOCK_TOLERANCE, max_value=3 * 86400),
    st.floats(min_value=-3 * 86400, max_value=-CLOCK_TOLERANCE),
)
polls = st.lists(st.tuples(gaps, jumps, st.booleans(), st.booleans()), max_size=60)
starts = st.integers(min_value=0, max_value=6 * 24 * 60)
hours = st.integers(min_value=0, max_value=23)


def run(start_minute: int, steps: list[tuple[float, float, bool, bool]], start_hour: int = 0):
    """Every status, the finished days and the meter after polling `steps` from `start`."""
    monotonic, wall = 50.0, at(0, 0) + timedelta(minutes=start_minute)
    clock = TrustedClock.start(Reading(monotonic, wall), poll_seconds=POLL)
    meter = Meter(DayUse(wall.date()))
    limits = Limits(day_start_hour=start_hour)
    statuses, finished = [], []
    for gap, jump, counting, game in steps:
        monotonic += gap
        wall += timedelta(seconds=gap + jump)
        clock, step = clock.advance(Reading(monotonic, wall))
        apps = (GAME,) if game else ()
        meter, status, done = advance(meter, step, counting, apps, rules=RULES, limits=limits)
        statuses.append(status)
        if done is not None:
            finished.append(done)
    return statuses, finished, meter


def total(finished: list[DayUse], meter: Meter) -> float:
    return sum(use.screen + use.free for use in [*finished, meter.use])


@settings(max_examples=150, deadline=None)
@given(starts, polls, hours)
def test_time_is_never_negative(start: int, steps, start_hour: int) -> None:
    statuses, finished, meter = run(start, steps, start_hour)
    for status in statuses:
        assert status.used >= 0 and status.free >= 0
        assert status.left is None or status.left >= 0
    for use in [*finished, meter.use]:
        assert all(seconds >= 0 for seconds in use.apps.values())
        assert all(seconds >= 0 for seconds in use.categories.values())


@settings(max_examples=150, deadline=None)
@given(starts, polls)
def test_only_awake_counted_polls_add_time(start: int, steps) -> None:
    _, finished, meter = run(start, steps)
    awake = sum(gap for gap, _, counting, _ in steps if counting and gap <= SLEEP_POLLS * POLL)
    assert abs(total(finished, meter) - awake) < 1e-6


@settings(max_examples=150, deadline=None)
@given(starts, polls)
def test_sleep_adds_nothing(start: int, steps) -> None:
    """Lengthening any sleep changes no status and no total."""
    longer = [
        (gap * 2 if gap > SLEEP_POLLS * POLL else gap, jump, counting, game)
        for gap, jump, counting, game in steps
    ]
    _, finished, meter = run(start, steps)
    _, finished_longer, meter_longer = run(start, longer)
    assert abs(total(finished, meter) - total(finished_longer, meter_longer)) < 1e-6


@settings(max_examples=150, deadline=None)
@given(starts, polls)
def test_clock_jumps_add_nothing(start: int, steps) -> None:
    """The same polls with the wall clock moved about give the same statuses."""
    steady = [(gap, 0.0, counting, game) for gap, _, counting, game in steps]
    statuses, finished, meter = run(start, steps)
    calm, calm_finished, calm_meter = run(start, steady)
    assert statuses == calm
    assert finished == calm_finished and meter == calm_meter
