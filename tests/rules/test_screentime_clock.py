"""The trusted clock: monotonic time, sleep gaps, clock changes, drift, a parent's acceptance."""

from datetime import datetime, timedelta

from rules.screentime_clock import ClockChange, Reading, TrustedClock

NOON = datetime(2026, 11, 23, 12, 0)


def test_elapsed_time_comes_from_the_monotonic_clock() -> None:
    clock = TrustedClock.start(Reading(100.0, NOON))
    clock, step = clock.advance(Reading(103.0, NOON + timedelta(seconds=3)))
    assert (step.now, step.elapsed, step.slept, step.change) == (
        NOON + timedelta(seconds=3),
        3.0,
        False,
        None,
    )


def test_a_gap_of_more_than_ten_polls_is_sleep() -> None:
    clock = TrustedClock.start(Reading(100.0, NOON), poll_seconds=2.0)
    _, step = clock.advance(Reading(120.0, NOON + timedelta(seconds=20)))
    assert step.elapsed == 20.0 and not step.slept
    _, step = clock.advance(Reading(120.5, NOON + timedelta(seconds=20.5)))
    assert step.elapsed == 0.0 and step.slept
    assert step.now == NOON + timedelta(seconds=20.5) and step.change is None


def test_a_monotonic_clock_that_goes_back_adds_nothing() -> None:
    clock = TrustedClock.start(Reading(100.0, NOON))
    _, step = clock.advance(Reading(90.0, NOON))
    assert step.elapsed == 0.0 and step.change is None


def test_a_moved_clock_is_reported_once_and_trusted_time_goes_on() -> None:
    clock = TrustedClock.start(Reading(0.0, NOON))
    moved = NOON + timedelta(days=1, seconds=3)
    clock, step = clock.advance(Reading(3.0, moved))
    assert step.change == ClockChange(NOON + timedelta(seconds=3), 86400.0, moved)
    assert step.now == NOON + timedelta(seconds=3) and clock.offset == 86400.0
    clock, step = clock.advance(Reading(6.0, moved + timedelta(seconds=3)))
    assert step.change is None and step.now == NOON + timedelta(seconds=6)


def test_a_kept_offset_survives_a_restart_and_a_parent_can_accept_the_clock() -> None:
    wall = NOON + timedelta(hours=5)
    clock = TrustedClock.start(Reading(0.0, wall), offset=5 * 3600.0)
    assert clock.now == NOON
    accepted = clock.accept_wall_clock()
    assert accepted.now == wall and accepted.offset == 0.0
    _, step = accepted.advance(Reading(3.0, wall + timedelta(seconds=3)))
    assert step.change is None and step.now == wall + timedelta(seconds=3)


def test_drift_is_followed_without_a_report() -> None:
    clock = TrustedClock.start(Reading(0.0, NOON))
    _, step = clock.advance(Reading(3.0, NOON + timedelta(seconds=50)))
    assert step.change is None and step.now == NOON + timedelta(seconds=50)
