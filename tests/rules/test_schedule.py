"""Allowed hours and bedtime."""

from collections.abc import Mapping
from datetime import datetime

import pytest

from rules.policy import DayRules, Weekday
from rules.schedule import Closed, closed_reason, in_bedtime, minute_of_day
from tests.rules.factories import at, day_rules, week

EVENING = week(day_rules(bed="21:00-07:00"))
NAP = week(day_rules(bed="13:00-15:00"))  # a bedtime that does not cross midnight
SCHOOL_DAYS = week(
    day_rules(allowed=["07:00-08:00", "15:00-21:00"]),
    sat=day_rules(allowed=["09:00-22:00"]),
    sun=day_rules(allowed=[]),
)
FRIDAY_LATE = week(fri=day_rules(bed="23:30-09:00"))


@pytest.mark.parametrize(
    ("moment", "minute"),
    [
        (datetime(2026, 1, 1, 0, 0), 0),
        (datetime(2026, 1, 1, 7, 30), 450),
        (datetime(2026, 1, 1, 23, 59, 59), 1439),
    ],
)
def test_minute_of_day(moment: datetime, minute: int) -> None:
    assert minute_of_day(moment) == minute


@pytest.mark.parametrize(
    ("schedule", "moment", "expected"),
    [
        pytest.param(EVENING, at(0, 20, 59), False, id="before-bedtime"),
        pytest.param(EVENING, at(0, 21), True, id="bedtime-starts"),
        pytest.param(EVENING, at(0, 23, 59), True, id="before-midnight"),
        pytest.param(EVENING, at(1, 0), True, id="after-midnight-last-night"),
        pytest.param(EVENING, at(1, 6, 59), True, id="before-wake"),
        pytest.param(EVENING, at(1, 7), False, id="wake-is-free"),
        pytest.param(EVENING, at(0, 6, 59), True, id="monday-morning-sundays-bedtime"),
        pytest.param(NAP, at(2, 12, 59), False, id="before-nap"),
        pytest.param(NAP, at(2, 13), True, id="nap"),
        pytest.param(NAP, at(2, 14, 59), True, id="end-of-nap"),
        pytest.param(NAP, at(2, 15), False, id="after-nap"),
        pytest.param(NAP, at(2, 1), False, id="nap-never-spills-into-the-night"),
        pytest.param(FRIDAY_LATE, at(4, 23, 30), True, id="friday-night"),
        pytest.param(FRIDAY_LATE, at(5, 8, 59), True, id="saturday-morning"),
        pytest.param(FRIDAY_LATE, at(5, 9), False, id="saturday-wake"),
        pytest.param(FRIDAY_LATE, at(5, 23, 45), False, id="saturday-has-no-bedtime"),
        pytest.param(FRIDAY_LATE, at(6, 2), False, id="sunday-morning-free"),
        pytest.param(FRIDAY_LATE, at(4, 2), False, id="thursday-night-free"),
        pytest.param(week(), at(3, 3), False, id="no-bedtime"),
    ],
)
def test_in_bedtime(schedule: Mapping[Weekday, DayRules], moment: datetime, expected: bool) -> None:
    assert in_bedtime(schedule, moment) is expected


@pytest.mark.parametrize(
    ("schedule", "moment", "expected"),
    [
        pytest.param(SCHOOL_DAYS, at(0, 6, 59), Closed.OUTSIDE_HOURS, id="before-first"),
        pytest.param(SCHOOL_DAYS, at(0, 7), None, id="first-interval"),
        pytest.param(SCHOOL_DAYS, at(0, 8), Closed.OUTSIDE_HOURS, id="between-intervals"),
        pytest.param(SCHOOL_DAYS, at(0, 15), None, id="second-interval"),
        pytest.param(SCHOOL_DAYS, at(0, 20, 59), None, id="end-of-second"),
        pytest.param(SCHOOL_DAYS, at(0, 21), Closed.OUTSIDE_HOURS, id="end-excluded"),
        pytest.param(SCHOOL_DAYS, at(5, 10), None, id="saturday"),
        pytest.param(SCHOOL_DAYS, at(6, 12), Closed.OUTSIDE_HOURS, id="sunday-closed"),
        pytest.param(EVENING, at(3, 22), Closed.BEDTIME, id="bedtime"),
        pytest.param(EVENING, at(3, 12), None, id="open"),
        pytest.param(
            week(day_rules(allowed=["18:00-24:00"], bed="22:00-07:00")),
            at(3, 22, 30),
            Closed.BEDTIME,
            id="bedtime-beats-allowed-hours",
        ),
        pytest.param(
            week(day_rules(allowed=["08:00-12:00"], bed="22:00-07:00")),
            at(3, 23),
            Closed.BEDTIME,
            id="bedtime-named-when-both",
        ),
        pytest.param(week(), at(6, 23, 59), None, id="all-day"),
    ],
)
def test_closed_reason(
    schedule: Mapping[Weekday, DayRules], moment: datetime, expected: Closed | None
) -> None:
    assert closed_reason(schedule, moment) == expected


def test_closed_reasons_read_as_rule_ids() -> None:
    assert str(Closed.BEDTIME) == "bedtime"
    assert str(Closed.OUTSIDE_HOURS) == "outside_hours"
