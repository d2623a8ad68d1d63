"""Readers for JSON-ready data that reject bad values with a message naming the field."""

from collections.abc import Mapping
from datetime import datetime
from difflib import get_close_matches
from enum import StrEnum
from typing import Any

from rules.policy import MINUTES_PER_DAY, Bedtime, Interval


class PolicyError(ValueError):
    """A policy that cannot be used; `where` names the field, like `children[0].age_class`."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where = where
        self.problem = problem


def join(where: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{where}[{key}]"
    return f"{where}.{key}" if where else key


def read_fields(data: object, where: str, known: set[str], required: set[str]) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise PolicyError(where, "expected an object with fields")
    for key in data:
        if key not in known:
            close = get_close_matches(str(key), known, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise PolicyError(join(where, str(key)), f"unknown field{hint}")
    for key in sorted(required - set(data)):
        raise PolicyError(join(where, key), "missing")
    return data


def read_typed[T](value: object, kind: type[T], where: str, what: str) -> T:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise PolicyError(where, f"expected {what}, got {value!r}")
    return value


def read_choice[E: StrEnum](value: object, enum: type[E], where: str) -> E:
    choices = [member.value for member in enum]
    if value not in choices:
        close = get_close_matches(str(value), choices, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "choose one of " + ", ".join(choices)
        raise PolicyError(where, f"{value!r} is not valid ({hint})")
    return enum(value)


def read_strings(value: object, where: str) -> tuple[str, ...]:
    items = read_typed(value, list, where, "a list of text")
    return tuple(read_typed(item, str, join(where, i), "text") for i, item in enumerate(items))


def read_minutes(value: object, where: str, most: int = MINUTES_PER_DAY) -> int:
    number = read_typed(value, int, where, "a whole number of minutes")
    if not 0 <= number <= most:
        raise PolicyError(where, f"{number} is out of range (0 to {most} minutes)")
    return number


def read_clock(text: str, where: str) -> int:
    hours, sep, minutes = text.partition(":")
    digits = (hours + minutes).isascii() and hours.isdecimal() and minutes.isdecimal()
    if not (sep and digits and len(minutes) == 2):
        raise PolicyError(where, f"{text!r} is not a time like 07:30")
    minute = int(hours) * 60 + int(minutes)
    if int(minutes) > 59 or minute > MINUTES_PER_DAY:
        raise PolicyError(where, f"{text!r} is not a time of day")
    return minute


def read_span(value: object, where: str) -> tuple[int, int]:
    text = read_typed(value, str, where, "a time span like 07:00-21:00")
    start, sep, end = text.partition("-")
    if not sep:
        raise PolicyError(where, f"{text!r} is not a time span like 07:00-21:00")
    return read_clock(start.strip(), where), read_clock(end.strip(), where)


def read_interval(value: object, where: str) -> Interval:
    start, end = read_span(value, where)
    if start >= end:
        raise PolicyError(where, "the end must come after the start")
    return Interval(start, end)


def read_bedtime(value: object, where: str) -> Bedtime:
    start, wake = read_span(value, where)
    if start == wake:
        raise PolicyError(where, "bedtime and wake-up time are the same")
    return Bedtime(start, wake)


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def read_datetime(value: object, where: str) -> datetime:
    text = read_typed(value, str, where, "a date and time like 2026-11-22T18:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise PolicyError(where, f"{text!r} is not a date and time like 2026-11-22T18:00") from None
    if moment.tzinfo is not None:
        raise PolicyError(where, f"{text!r}: give the PC's local time, without a UTC offset")
    return moment
