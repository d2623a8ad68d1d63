"""Dates, durations and changes, as a parent reads them."""

from datetime import date, datetime

import pytest

from rules.report_words import (
    count_change,
    date_range,
    day_and_time,
    duration,
    duration_change,
    long_date,
    weekday,
)
from rules.text import Language

KK, RU, EN = Language.KK, Language.RU, Language.EN


@pytest.mark.parametrize(
    ("seconds", "language", "expected"),
    [
        (0, EN, "0 min"),
        (59, EN, "0 min"),
        (45 * 60, RU, "45 мин"),
        (3 * 3600, KK, "3 сағ"),
        (2 * 3600 + 5 * 60 + 59, EN, "2 h 05 min"),
        (9 * 3600 + 56 * 60, RU, "9 ч 56 мин"),
        (9 * 3600 + 56 * 60, KK, "9 сағ 56 мин"),
        (-30, EN, "0 min"),
    ],
)
def test_duration_in_whole_minutes(seconds: int, language: Language, expected: str) -> None:
    assert duration(seconds, language) == expected


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [(5760, "+1 h 36 min"), (-900, "\u221215 min"), (59, "no change"), (-59, "no change")],
)
def test_duration_change_has_a_sign(seconds: int, expected: str) -> None:
    assert duration_change(seconds, EN) == expected


@pytest.mark.parametrize(("count", "expected"), [(3, "+3"), (-2, "\u22122"), (0, "без изменений")])
def test_count_change(count: int, expected: str) -> None:
    assert count_change(count, RU) == expected


@pytest.mark.parametrize(
    ("first", "last", "language", "expected"),
    [
        (date(2026, 11, 16), date(2026, 11, 22), EN, "16\u201322 November 2026"),
        (date(2026, 11, 16), date(2026, 11, 22), RU, "16\u201322 ноября 2026 г."),
        (date(2026, 11, 16), date(2026, 11, 22), KK, "16\u201322 қараша 2026 ж."),
        (date(2026, 11, 30), date(2026, 12, 6), RU, "30 ноября \u2013 6 декабря 2026 г."),
        (date(2026, 12, 28), date(2027, 1, 3), KK, "28 желтоқсан 2026 ж. \u2013 3 қаңтар 2027 ж."),
    ],
)
def test_date_range_writes_shared_month_and_year_once(
    first: date, last: date, language: Language, expected: str
) -> None:
    assert date_range(first, last, language) == expected


def test_days_and_moments() -> None:
    sunday = date(2026, 11, 22)
    assert weekday(sunday, KK) == "Жексенбі"
    assert weekday(sunday, RU, short=True) == "Вс"
    assert long_date(sunday, EN) == "22 November 2026"
    assert day_and_time(datetime(2026, 11, 17, 21, 5), KK) == "Сс 17 қараша, 21:05"
