"""When a child may use the PC: allowed intervals per weekday and bedtime."""

from collections.abc import Mapping
from datetime import datetime
from enum import StrEnum

from rules.policy import DayRules, Weekday


class Closed(StrEnum):
    """Why the PC is closed right now."""

    BEDTIME = "bedtime"
    OUTSIDE_HOURS = "outside_hours"


def minute_of_day(moment: datetime) -> int:
    return moment.hour * 60 + moment.minute


def in_bedtime(week: Mapping[Weekday, DayRules], moment: datetime) -> bool:
    """Tonight's bedtime from its start, and last night's until its wake time."""
    minute = minute_of_day(moment)
    today = Weekday(moment.weekday())
    tonight = week[today].bedtime
    if tonight is not None:
        if tonight.start >= tonight.wake and minute >= tonight.start:
            return True
        if tonight.start < tonight.wake and tonight.start <= minute < tonight.wake:
            return True
    last_night = week[Weekday((today - 1) % 7)].bedtime
    return last_night is not None and last_night.start >= last_night.wake > minute


def closed_reason(week: Mapping[Weekday, DayRules], moment: datetime) -> Closed | None:
    """None when `moment` (local time) lies in an allowed interval and outside bedtime."""
    if in_bedtime(week, moment):
        return Closed.BEDTIME
    minute = minute_of_day(moment)
    if any(minute in interval for interval in week[Weekday(moment.weekday())].allowed):
        return None
    return Closed.OUTSIDE_HOURS
