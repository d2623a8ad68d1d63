"""When the weekly report is due: Sunday 19:00 unless a parent chose otherwise."""

from datetime import datetime, timedelta

import pytest

from rules.policy import Weekday
from rules.report_schedule import (
    ReportFormat,
    ReportSchedule,
    ScheduleError,
    due_week,
    last_slot,
    schedule_from_setting,
    schedule_to_setting,
    week_of_slot,
)
from rules.report_week import IsoWeek

SUNDAY_EVENING = datetime(2026, 11, 22, 19, 0)  # the end of 2026-W47
W47 = IsoWeek(2026, 47)
INSTALLED = datetime(2026, 11, 10, 9, 0)


def test_the_default_is_sunday_at_seven_in_the_evening_pdf_and_html() -> None:
    schedule = schedule_from_setting(None)
    assert schedule == ReportSchedule(Weekday.SUN, 19 * 60, (ReportFormat.PDF, ReportFormat.HTML))
    assert schedule_to_setting(schedule) == {
        "day": "sun",
        "time": "19:00",
        "formats": ["pdf", "html"],
        "enabled": True,
    }


def test_a_parent_setting_round_trips() -> None:
    value = {"day": "Monday", "time": "07:30", "formats": ["html", "HTML"], "enabled": False}
    schedule = schedule_from_setting(value)
    assert schedule == ReportSchedule(Weekday.MON, 7 * 60 + 30, (ReportFormat.HTML,), False)
    assert schedule_from_setting(schedule_to_setting(schedule)) == schedule


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("sunday", "must be an object"),
        ({"dya": "sun"}, r"report.schedule.dya: unknown field"),
        ({"day": "someday"}, r"report.schedule.day: a weekday"),
        ({"time": "25:00"}, r"report.schedule.time: a time"),
        ({"formats": "pdf"}, r"report.schedule.formats: a list"),
        ({"formats": []}, r"report.schedule.formats: a list"),
        ({"formats": ["docx"]}, r"report.schedule.formats: pdf or html"),
        ({"enabled": "yes"}, r"report.schedule.enabled: true or false"),
    ],
)
def test_a_wrong_setting_names_its_field(value: object, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        schedule_from_setting(value)


@pytest.mark.parametrize(
    ("now", "slot"),
    [
        (SUNDAY_EVENING, SUNDAY_EVENING),
        (SUNDAY_EVENING + timedelta(minutes=1), SUNDAY_EVENING),
        (SUNDAY_EVENING - timedelta(minutes=1), SUNDAY_EVENING - timedelta(days=7)),
        (datetime(2026, 11, 25, 10), SUNDAY_EVENING),
    ],
)
def test_last_slot_is_the_latest_scheduled_moment_not_after_now(
    now: datetime, slot: datetime
) -> None:
    assert last_slot(ReportSchedule(), now) == slot


@pytest.mark.parametrize(
    ("slot", "week"),
    [
        (SUNDAY_EVENING, W47),  # made on Sunday: that week
        (datetime(2026, 11, 23, 8), W47),  # made on Monday: the week that just ended
        (datetime(2026, 11, 28, 8), W47),  # made on Saturday: the last complete week
    ],
)
def test_a_report_covers_the_week_that_ended_on_the_last_sunday(
    slot: datetime, week: IsoWeek
) -> None:
    assert week_of_slot(slot) == week


def test_due_once_at_the_scheduled_time() -> None:
    schedule = ReportSchedule()
    assert (
        due_week(schedule, SUNDAY_EVENING - timedelta(minutes=1), INSTALLED, IsoWeek(2026, 46))
        is None
    )
    assert due_week(schedule, SUNDAY_EVENING, INSTALLED, IsoWeek(2026, 46)) == W47
    assert due_week(schedule, SUNDAY_EVENING + timedelta(minutes=1), INSTALLED, W47) is None


def test_a_report_missed_while_the_pc_was_off_comes_when_it_is_on_and_only_the_latest() -> None:
    schedule = ReportSchedule()
    three_weeks_later = SUNDAY_EVENING + timedelta(days=15)
    assert due_week(schedule, three_weeks_later, INSTALLED, IsoWeek(2026, 46)) == IsoWeek(2026, 49)


def test_reports_start_after_qorgan_began_making_them() -> None:
    schedule = ReportSchedule()
    wednesday = datetime(2026, 11, 25, 10)
    assert due_week(schedule, wednesday, wednesday, None) is None
    assert due_week(schedule, SUNDAY_EVENING + timedelta(days=7), wednesday, None) == IsoWeek(
        2026, 48
    )


def test_a_switched_off_schedule_is_never_due() -> None:
    assert due_week(ReportSchedule(enabled=False), SUNDAY_EVENING, INSTALLED, None) is None
