"""When the weekly report is made: a weekday and a time, Sunday 19:00 unless a parent says."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum

from rules.policy import Weekday
from rules.report_week import IsoWeek

DEFAULT_MINUTE = 19 * 60
_DAY_NAMES = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


class ReportFormat(StrEnum):
    PDF = "pdf"
    HTML = "html"


class ScheduleError(ValueError):
    """A report schedule setting a parent has to correct; the message names the field."""


@dataclass(frozen=True, slots=True)
class ReportSchedule:
    """The report is made on `weekday` at `minute` (since midnight), in `formats`."""

    weekday: Weekday = Weekday.SUN
    minute: int = DEFAULT_MINUTE
    formats: tuple[ReportFormat, ...] = (ReportFormat.PDF, ReportFormat.HTML)
    enabled: bool = True


def schedule_from_setting(value: object) -> ReportSchedule:
    """The `report.schedule` setting, e.g. {"day": "sun", "time": "19:00", "formats": ["pdf"]}.

    No setting means the default: Sunday 19:00, PDF and HTML.
    """
    if value is None:
        return ReportSchedule()
    if not isinstance(value, Mapping):
        raise ScheduleError('report.schedule must be an object such as {"day": "sun"}')
    unknown = sorted(set(value) - {"day", "time", "formats", "enabled"})
    if unknown:
        raise ScheduleError(f"report.schedule.{unknown[0]}: unknown field")
    day = str(value.get("day", "sun")).strip().lower()[:3]
    if day not in _DAY_NAMES:
        raise ScheduleError("report.schedule.day: a weekday such as sun or mon")
    try:
        moment = time.fromisoformat(str(value.get("time", "19:00")))
    except ValueError:
        raise ScheduleError("report.schedule.time: a time such as 19:00") from None
    formats = value.get("formats", ["pdf", "html"])
    if not isinstance(formats, list) or not formats:
        raise ScheduleError('report.schedule.formats: a list such as ["pdf", "html"]')
    try:
        chosen = tuple(dict.fromkeys(ReportFormat(str(f).lower()) for f in formats))
    except ValueError:
        raise ScheduleError("report.schedule.formats: pdf or html") from None
    enabled = value.get("enabled", True)
    if not isinstance(enabled, bool):
        raise ScheduleError("report.schedule.enabled: true or false")
    return ReportSchedule(
        Weekday(_DAY_NAMES[day]), moment.hour * 60 + moment.minute, chosen, enabled
    )


def schedule_to_setting(schedule: ReportSchedule) -> dict[str, object]:
    day = next(name for name, number in _DAY_NAMES.items() if number == schedule.weekday)
    return {
        "day": day,
        "time": f"{schedule.minute // 60:02d}:{schedule.minute % 60:02d}",
        "formats": [str(f) for f in schedule.formats],
        "enabled": schedule.enabled,
    }


def last_slot(schedule: ReportSchedule, now: datetime) -> datetime:
    """The latest scheduled moment at or before `now`."""
    back = (now.weekday() - schedule.weekday) % 7
    slot = datetime.combine(now.date() - timedelta(days=back), time()) + timedelta(
        minutes=schedule.minute
    )
    return slot if slot <= now else slot - timedelta(days=7)


def week_of_slot(slot: datetime) -> IsoWeek:
    """A report made on a Sunday covers that week; made on another day, the week before it."""
    last_sunday = slot.date() - timedelta(days=(slot.weekday() + 1) % 7)
    return IsoWeek.containing(last_sunday)


def due_week(
    schedule: ReportSchedule, now: datetime, since: datetime, done: IsoWeek | None
) -> IsoWeek | None:
    """The week whose report is due now, or None.

    Reports start with the first scheduled time after `since` (when Qorgan began making
    them). A report missed while the PC was off is made when it is next on, and only the
    latest one: a parent gets no pile of old weeks.
    """
    if not schedule.enabled:
        return None
    slot = last_slot(schedule, now)
    if slot < since:
        return None
    week = week_of_slot(slot)
    if done is not None and week <= done:
        return None
    return week
