"""Time left: allowance, grants, free intervals, bedtime, allowed hours, the next day."""

from datetime import date, datetime, timedelta

import pytest

from rules.policy import ChildRules, TimeGrant
from rules.screentime_limits import allowance_seconds, in_free_interval, screen_day, time_left
from tests.rules.factories import at, day_rules, week


def rules(**days: object) -> ChildRules:
    every = days.pop("every", None)
    return ChildRules(week=week(every, **days))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("moment", "hour", "day"),
    [
        (datetime(2026, 11, 23, 0, 0), 0, date(2026, 11, 23)),
        (datetime(2026, 11, 23, 3, 59), 4, date(2026, 11, 22)),
        (datetime(2026, 11, 23, 4, 0), 4, date(2026, 11, 23)),
    ],
)
def test_the_screen_time_day(moment: datetime, hour: int, day: date) -> None:
    assert screen_day(moment, hour) == day


def test_an_allowance_with_the_days_grants() -> None:
    monday = date(2026, 11, 23)
    grants = (
        TimeGrant(monday, 15, at(0, 9)),
        TimeGrant(monday, 10, at(0, 10)),
        TimeGrant(date(2026, 11, 24), 99, at(0, 10)),
    )
    with_grants = ChildRules(week=week(day_rules(allowance=60)), time_grants=grants)
    assert allowance_seconds(with_grants, monday) == 85 * 60
    assert allowance_seconds(rules(), monday) is None


def test_free_intervals() -> None:
    homework = rules(every=day_rules(free=["16:00-17:00"]))
    assert in_free_interval(homework, at(0, 16, 30))
    assert not in_free_interval(homework, at(0, 17))


def test_left_is_the_allowance_when_nothing_else_closes_first() -> None:
    assert time_left(rules(every=day_rules(allowance=60)), at(0, 12), used=600) == 3000


def test_left_stops_at_bedtime_and_at_the_end_of_allowed_hours() -> None:
    assert time_left(rules(every=day_rules(bed="21:00-07:00")), at(0, 20, 30), 0) == 1800
    assert time_left(rules(every=day_rules(allowed=["09:00-18:00"])), at(0, 17), 0) == 3600
    assert time_left(rules(every=day_rules(allowed=["09:00-18:00"])), at(0, 19), 0) == 0


def test_a_free_interval_pauses_the_allowance() -> None:
    homework = rules(every=day_rules(allowance=60, free=["16:00-17:00"]))
    assert time_left(homework, at(0, 15, 30), used=0) == 30 * 60 + 3600 + 30 * 60


def test_the_next_days_allowance_joins_at_midnight() -> None:
    late = rules(every=day_rules(allowance=120))
    assert time_left(late, at(0, 23, 30), used=100 * 60) == 20 * 60
    assert time_left(late, at(0, 23, 50), used=100 * 60) == 10 * 60 + 120 * 60


def test_nothing_closing_within_a_day_is_no_limit() -> None:
    assert time_left(rules(), at(0, 12), used=10**6) is None
    assert time_left(rules(every=day_rules(allowance=24 * 60)), at(0, 12), 0) is None


def test_a_bedtime_that_ends_before_it_starts_the_same_evening() -> None:
    nap = rules(every=day_rules(bed="13:00-14:00"))
    assert time_left(nap, at(0, 12, 30), 0) == 1800
    assert time_left(nap, at(0, 13, 30), 0) == 0
    assert time_left(nap, at(0, 14) + timedelta(seconds=1), 0) == 23 * 3600 - 1
