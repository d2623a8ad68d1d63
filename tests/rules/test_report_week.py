"""ISO weeks: parsing, the days they hold, and the week before."""

from datetime import date, datetime

import pytest

from rules.report_week import IsoWeek, WeekError


@pytest.mark.parametrize("text", ["2026-W47", "2026W47", " 2026-w47 ", "2026-w47"])
def test_parse_accepts_the_usual_spellings(text: str) -> None:
    assert IsoWeek.parse(text) == IsoWeek(2026, 47)


@pytest.mark.parametrize("text", ["2026-47", "W47", "2026-W", "2026-W470", "next week"])
def test_parse_refuses_what_is_not_a_week(text: str) -> None:
    with pytest.raises(WeekError, match="write it like 2026-W47"):
        IsoWeek.parse(text)


@pytest.mark.parametrize(("year", "week"), [(2026, 0), (2026, 54), (2025, 53)])
def test_a_week_the_year_does_not_have_is_refused(year: int, week: int) -> None:
    with pytest.raises(WeekError, match=f"{year} has no week {week}"):
        IsoWeek(year, week)


def test_week_53_exists_in_a_long_year() -> None:
    assert IsoWeek(2026, 53).monday == date(2026, 12, 28)


def test_days_run_monday_to_sunday() -> None:
    week = IsoWeek.parse("2026-W47")
    assert str(week) == "2026-W47"
    assert week.monday == date(2026, 11, 16)
    assert week.sunday == date(2026, 11, 22)
    assert week.days[0] == week.monday and week.days[-1] == week.sunday and len(week.days) == 7
    assert week.start == datetime(2026, 11, 16)
    assert week.end == datetime(2026, 11, 23)


def test_the_week_of_a_day_crosses_the_new_year_as_iso_does() -> None:
    assert IsoWeek.containing(date(2027, 1, 1)) == IsoWeek(2026, 53)
    assert IsoWeek.containing(date(2026, 1, 1)) == IsoWeek(2026, 1)
    assert IsoWeek(2026, 1).previous == IsoWeek(2025, 52)
    assert IsoWeek(2026, 47).previous == IsoWeek(2026, 46)


def test_weeks_order_by_time() -> None:
    assert IsoWeek(2025, 52) < IsoWeek(2026, 1) < IsoWeek(2026, 47)
