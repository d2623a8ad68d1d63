"""When Qorgan's service was running: stretches of time kept from its once-a-minute beat."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

# Beats further apart than this mean the service (or the PC) was off in between.
BEAT_GAP = timedelta(minutes=5)


@dataclass(frozen=True, slots=True)
class Span:
    """From `start` up to `end`, local time."""

    start: datetime
    end: datetime


def extend_running(
    spans: Sequence[Span], now: datetime, keep_after: datetime, gap: timedelta = BEAT_GAP
) -> tuple[Span, ...]:
    """The spans after one more beat at `now`; spans that ended before `keep_after` are forgotten.

    A beat soon after the last one lengthens the last span; a later one (or one from
    before it, after the clock was set back) starts a new span.
    """
    kept = [span for span in spans if span.end >= keep_after]
    if kept and kept[-1].end <= now <= kept[-1].end + gap:
        kept[-1] = Span(kept[-1].start, now)
    else:
        kept.append(Span(now, now))
    return tuple(kept)


def days_running(spans: Iterable[Span], days: Iterable[date]) -> frozenset[date]:
    """Which of `days` the service was running on, for any part of the day."""
    found = set()
    for day in days:
        start = datetime.combine(day, time())
        end = start + timedelta(days=1)
        if any(span.start < end and (span.end > start or span.start >= start) for span in spans):
            found.add(day)
    return frozenset(found)


def spans_to_json(spans: Iterable[Span]) -> list[list[str]]:
    return [[span.start.isoformat(), span.end.isoformat()] for span in spans]


def spans_from_json(value: object) -> tuple[Span, ...]:
    """Spans from their JSON form; a damaged entry is skipped (a lost beat, not an error)."""
    spans = []
    for item in value if isinstance(value, list) else []:
        try:
            start, end = (datetime.fromisoformat(text) for text in item)
        except (TypeError, ValueError):
            continue
        if start <= end:
            spans.append(Span(start, end))
    return tuple(spans)
