"""The service's beat: spans of running time, and which days they touch."""

from datetime import date, datetime, timedelta

from rules.report_uptime import Span, days_running, extend_running, spans_from_json, spans_to_json

T = datetime(2026, 11, 16, 8, 0)
LONG_AGO = datetime(2026, 1, 1)


def test_beats_a_minute_apart_make_one_span() -> None:
    spans = extend_running((), T, LONG_AGO)
    for minute in range(1, 4):
        spans = extend_running(spans, T + timedelta(minutes=minute), LONG_AGO)
    assert spans == (Span(T, T + timedelta(minutes=3)),)


def test_a_repeated_beat_changes_nothing() -> None:
    spans = (Span(T, T + timedelta(minutes=3)),)
    assert extend_running(spans, T + timedelta(minutes=3), LONG_AGO) == spans


def test_a_gap_longer_than_five_minutes_starts_a_new_span() -> None:
    first = (Span(T, T + timedelta(minutes=10)),)
    later = T + timedelta(minutes=16)
    assert extend_running(first, later, LONG_AGO) == (*first, Span(later, later))


def test_a_beat_before_the_last_one_after_the_clock_went_back_starts_a_new_span() -> None:
    first = (Span(T, T + timedelta(hours=2)),)
    back = T + timedelta(hours=1)
    assert extend_running(first, back, LONG_AGO) == (*first, Span(back, back))


def test_spans_that_ended_before_the_retention_are_forgotten() -> None:
    old = Span(T - timedelta(days=100), T - timedelta(days=99))
    spans = extend_running((old,), T, T - timedelta(days=90))
    assert spans == (Span(T, T),)


def test_days_running_counts_any_part_of_a_day_but_not_a_span_ending_at_midnight() -> None:
    monday = date(2026, 11, 16)
    days = [monday + timedelta(days=n) for n in range(4)]
    spans = [
        Span(datetime(2026, 11, 15, 22), datetime(2026, 11, 17)),  # Sunday night to Tuesday 00:00
        Span(datetime(2026, 11, 19), datetime(2026, 11, 19)),  # one beat at Thursday midnight
    ]
    assert days_running(spans, days) == {monday, days[3]}


def test_json_round_trip_and_damaged_entries_are_skipped() -> None:
    spans = (Span(T, T + timedelta(hours=1)),)
    assert spans_from_json(spans_to_json(spans)) == spans
    damaged = [
        ["2026-11-16T08:00:00", "2026-11-16T09:00:00"],
        ["not a time", "2026-11-16T09:00:00"],
        ["2026-11-16T09:00:00"],
        [1, 2],
        ["2026-11-16T10:00:00", "2026-11-16T09:00:00"],  # ends before it starts
        7,
    ]
    assert spans_from_json(damaged) == spans
    assert spans_from_json({"not": "a list"}) == ()
    assert spans_from_json(None) == ()
