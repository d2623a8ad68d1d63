"""How much screen time a child has left: the day's allowance, grants, free intervals, hours.

The screen-time day starts at local midnight, or at the hour a parent chose (a day that
starts at 04:00 keeps a late evening on the day it began). A day's allowance is the
weekday's `allowance_minutes` plus the bonus minutes parents granted for that day; with no
allowance the day has no limit and grants add nothing. Time in a free interval does not
count. Time left is how long the child can go on from now before the PC closes: when the
allowance runs out outside free intervals, or bedtime or the end of allowed hours comes.
"""

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

from rules.policy import ChildRules, Weekday
from rules.schedule import closed_reason, minute_of_day

HORIZON = timedelta(days=1)  # time left beyond a day ahead is "no limit"


def screen_day(moment: datetime, start_hour: int = 0) -> date:
    """The screen-time day `moment` belongs to, for days starting at `start_hour` o'clock."""
    return (moment - timedelta(hours=start_hour)).date()


def allowance_seconds(rules: ChildRules, day: date) -> float | None:
    """The day's allowance with the day's grants, in seconds; None for a day with no limit."""
    minutes = rules.week[Weekday(day.weekday())].allowance_minutes
    if minutes is None:
        return None
    minutes += sum(grant.minutes for grant in rules.time_grants if grant.day == day)
    return max(0, minutes) * 60.0


def in_free_interval(rules: ChildRules, moment: datetime) -> bool:
    """Whether `moment` lies in one of its weekday's free intervals (homework time)."""
    minute = minute_of_day(moment)
    free = rules.week[Weekday(moment.weekday())].free_intervals
    return any(minute in interval for interval in free)


def _boundaries(
    rules: ChildRules, start: datetime, end: datetime, start_hour: int
) -> Iterator[datetime]:
    """Moments after `start` up to `end` where being open, free or the day may change."""
    moments = {end}
    first = start.date() - timedelta(days=1)
    for offset in range((end.date() - first).days + 1):
        day = first + timedelta(days=offset)
        midnight = datetime.combine(day, time())
        rules_of_day = rules.week[Weekday(day.weekday())]
        minutes = [start_hour * 60, 0]
        for interval in rules_of_day.allowed + rules_of_day.free_intervals:
            minutes += [interval.start, interval.end]
        if rules_of_day.bedtime is not None:
            minutes += [rules_of_day.bedtime.start, rules_of_day.bedtime.wake]
        for minute in minutes:
            moment = midnight + timedelta(minutes=minute)
            if start < moment < end:
                moments.add(moment)
    yield from sorted(moments)


def time_left(rules: ChildRules, now: datetime, used: float, start_hour: int = 0) -> float | None:
    """Seconds the child can go on using the PC from `now`, with `used` seconds counted today.

    None when nothing closes the PC within a day from now.
    """
    day = screen_day(now, start_hour)
    allowance = allowance_seconds(rules, day)
    left = None if allowance is None else max(0.0, allowance - used)
    moment, total = now, 0.0
    for boundary in _boundaries(rules, now, now + HORIZON, start_hour):
        if closed_reason(rules.week, moment) is not None:
            return total
        length = (boundary - moment).total_seconds()
        if left is not None and not in_free_interval(rules, moment):
            if left <= length:
                return total + left
            left -= length
        total += length
        moment = boundary
        if screen_day(moment, start_hour) != day:
            day = screen_day(moment, start_hour)
            left = allowance_seconds(rules, day)
    return None
