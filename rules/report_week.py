"""ISO weeks, the unit of the weekly report: Monday to Sunday, named like 2026-W47."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

_WEEK = re.compile(r"([0-9]{4})-?W([0-9]{1,2})")
DAYS_PER_WEEK = 7


class WeekError(ValueError):
    """A week that does not exist, or text that does not name one."""


@dataclass(frozen=True, slots=True, order=True)
class IsoWeek:
    """A week as ISO 8601 counts them: it belongs to the year that holds its Thursday."""

    year: int
    week: int

    def __post_init__(self) -> None:
        try:
            date.fromisocalendar(self.year, self.week, 1)
        except ValueError:
            raise WeekError(f"{self.year} has no week {self.week}") from None

    @classmethod
    def parse(cls, text: str) -> "IsoWeek":
        """'2026-W47' (also '2026W47' and a lower-case w) as a week."""
        match = _WEEK.fullmatch(text.strip().upper())
        if match is None:
            raise WeekError(f"{text!r} is not a week; write it like 2026-W47")
        return cls(int(match[1]), int(match[2]))

    @classmethod
    def containing(cls, day: date) -> "IsoWeek":
        year, week, _ = day.isocalendar()
        return cls(year, week)

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.week, 1)

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=DAYS_PER_WEEK - 1)

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.monday + timedelta(days=n) for n in range(DAYS_PER_WEEK))

    @property
    def start(self) -> datetime:
        """Monday 00:00, local time."""
        return datetime.combine(self.monday, time())

    @property
    def end(self) -> datetime:
        """The next Monday 00:00: the week runs up to it, not including it."""
        return self.start + timedelta(days=DAYS_PER_WEEK)

    @property
    def previous(self) -> "IsoWeek":
        return IsoWeek.containing(self.monday - timedelta(days=1))
