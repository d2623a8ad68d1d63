"""The readers behind policy validation: each names the bad field and says what is wrong."""

from datetime import datetime
from typing import Any

import pytest

from rules.agetable import SafeSearchLevel
from rules.policy import Bedtime, Interval
from rules.validation import (
    PolicyError,
    clock_text,
    join,
    read_bedtime,
    read_choice,
    read_clock,
    read_datetime,
    read_fields,
    read_interval,
    read_minutes,
    read_span,
    read_strings,
    read_typed,
)


def test_policy_error_names_the_field() -> None:
    error = PolicyError("children[0].age_class", "'13+' is not valid")
    assert str(error) == "children[0].age_class: '13+' is not valid"
    assert (error.where, error.problem) == ("children[0].age_class", "'13+' is not valid")
    assert isinstance(error, ValueError)


def test_policy_error_without_a_field_is_just_the_problem() -> None:
    assert (
        str(PolicyError("", "expected an object with fields")) == "expected an object with fields"
    )


@pytest.mark.parametrize(
    ("where", "key", "expected"),
    [
        ("", "children", "children"),
        ("children", 0, "children[0]"),
        ("children[0]", "rules", "children[0].rules"),
        ("rules.allow", 3, "rules.allow[3]"),
        ("", 2, "[2]"),
    ],
)
def test_join(where: str, key: str | int, expected: str) -> None:
    assert join(where, key) == expected


def test_read_fields_accepts_known_fields() -> None:
    data = {"name": "Aru", "age_class": "12+"}
    assert read_fields(data, "child", {"name", "age_class", "accounts"}, {"name"}) is data


@pytest.mark.parametrize(
    ("data", "where", "expected_where", "fragment"),
    [
        ({"name": "Aru", "age_clas": "12+"}, "c", "c.age_clas", "did you mean 'age_class'?"),
        ({"name": "Aru", "colour": "red"}, "c", "c.colour", "unknown field"),
        ({"age_class": "12+"}, "c", "c.name", "missing"),
        ({}, "", "age_class", "missing"),  # the first missing field in alphabetical order
        (["name"], "c", "c", "expected an object with fields"),
        ("name", "c", "c", "expected an object with fields"),
        (None, "c", "c", "expected an object with fields"),
    ],
)
def test_read_fields_refuses(data: Any, where: str, expected_where: str, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        read_fields(data, where, {"name", "age_class"}, {"name", "age_class"})
    assert caught.value.where == expected_where
    assert fragment in caught.value.problem


def test_unknown_field_without_a_close_name_has_no_hint() -> None:
    with pytest.raises(PolicyError) as caught:
        read_fields({"zzzzzz": 1}, "c", {"name"}, set())
    assert caught.value.problem == "unknown field"


@pytest.mark.parametrize(
    ("value", "kind", "ok"),
    [
        (5, int, True),
        (True, int, False),  # a bool is not a number here
        (False, int, False),
        (5.0, int, False),
        ("5", int, False),
        ("x", str, True),
        (True, bool, True),
        (1, bool, False),
        ([], list, True),
        ((), list, False),
    ],
)
def test_read_typed(value: Any, kind: type, ok: bool) -> None:
    if ok:
        assert read_typed(value, kind, "w", "a thing") is value
    else:
        with pytest.raises(PolicyError, match=r"^w: expected a thing, got "):
            read_typed(value, kind, "w", "a thing")


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("strictt", "did you mean 'strict'?"),
        ("Strict", "did you mean 'strict'?"),
        ("zzz", "choose one of off, moderate, strict"),
        (3, "choose one of off, moderate, strict"),
        (None, "None is not valid"),
    ],
)
def test_read_choice_refuses_with_a_hint(value: Any, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        read_choice(value, SafeSearchLevel, "safe_search")
    assert caught.value.where == "safe_search"
    assert fragment in caught.value.problem


def test_read_choice_returns_the_member() -> None:
    assert read_choice("moderate", SafeSearchLevel, "w") is SafeSearchLevel.MODERATE


def test_read_strings() -> None:
    assert read_strings(["a", "b"], "w") == ("a", "b")
    assert read_strings([], "w") == ()
    with pytest.raises(PolicyError, match=r"^w\[1\]: expected text, got 2$"):
        read_strings(["a", 2], "w")
    with pytest.raises(PolicyError, match=r"^w: expected a list of text"):
        read_strings("a", "w")


@pytest.mark.parametrize(
    ("value", "most", "expected"),
    [(0, 1440, 0), (1440, 1440, 1440), (90, 1440, 90), (30, 30, 30)],
)
def test_read_minutes(value: int, most: int, expected: int) -> None:
    assert read_minutes(value, "w", most) == expected


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        (-1, "-1 is out of range (0 to 1440 minutes)"),
        (1441, "1441 is out of range"),
        (True, "expected a whole number of minutes, got True"),
        (60.0, "expected a whole number of minutes, got 60.0"),
        ("60", "expected a whole number of minutes"),
    ],
)
def test_read_minutes_refuses(value: Any, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        read_minutes(value, "w")
    assert fragment in caught.value.problem


@pytest.mark.parametrize(
    ("text", "minute"),
    [("00:00", 0), ("07:30", 450), ("7:30", 450), ("23:59", 1439), ("24:00", 1440)],
)
def test_read_clock(text: str, minute: int) -> None:
    assert read_clock(text, "w") == minute


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("7:5", "is not a time like 07:30"),
        ("0730", "is not a time like 07:30"),
        ("07:", "is not a time like 07:30"),
        (":30", "is not a time like 07:30"),
        ("-1:30", "is not a time like 07:30"),
        ("07:300", "is not a time like 07:30"),
        ("seven:30", "is not a time like 07:30"),
        ("10:60", "is not a time of day"),
        ("25:00", "is not a time of day"),
        ("24:01", "is not a time of day"),
    ],
)
def test_read_clock_refuses(text: str, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        read_clock(text, "w")
    assert caught.value.where == "w"
    assert fragment in caught.value.problem


# Regression: rules/validation.py:69 checks the parts with str.isdigit(), which is true for
# superscript digits such as '²' that int() refuses, so read_clock('²0:00') raises a bare
# ValueError("invalid literal for int()") with no field name instead of a PolicyError.
# (isdigit() also lets Arabic-Indic digits through; isdecimal() plus isascii() would not.)
@pytest.mark.parametrize("text", ["²0:00", "07:³0"])
def test_read_clock_refuses_digits_int_cannot_read(text: str) -> None:
    with pytest.raises(PolicyError) as caught:
        read_clock(text, "week.mon.allowed[0]")
    assert caught.value.where == "week.mon.allowed[0]"


def test_read_span_and_interval() -> None:
    assert read_span("07:00-21:00", "w") == (420, 1260)
    assert read_span(" 07:00 - 21:00 ", "w") == (420, 1260)
    assert read_interval("00:00-24:00", "w") == Interval(0, 1440)
    assert read_bedtime("21:30-07:00", "w") == Bedtime(1290, 420)
    assert read_bedtime("13:00-15:00", "w") == Bedtime(780, 900)


@pytest.mark.parametrize(
    ("reader", "value", "fragment"),
    [
        (read_span, "07:00", "is not a time span like 07:00-21:00"),
        (read_span, 700, "expected a time span like 07:00-21:00, got 700"),
        (read_span, "07:00-25:00", "'25:00' is not a time of day"),
        (read_interval, "21:00-07:00", "the end must come after the start"),
        (read_interval, "10:00-10:00", "the end must come after the start"),
        (read_bedtime, "21:00-21:00", "bedtime and wake-up time are the same"),
        (read_bedtime, "21:00-7:5", "'7:5' is not a time like 07:30"),
    ],
)
def test_span_readers_refuse(reader: Any, value: Any, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        reader(value, "w")
    assert caught.value.where == "w"
    assert fragment in caught.value.problem


@pytest.mark.parametrize(
    ("minute", "text"), [(0, "00:00"), (450, "07:30"), (1439, "23:59"), (1440, "24:00")]
)
def test_clock_text_reads_back(minute: int, text: str) -> None:
    assert clock_text(minute) == text
    assert read_clock(text, "w") == minute


def test_read_datetime() -> None:
    assert read_datetime("2026-11-22T18:00", "w") == datetime(2026, 11, 22, 18, 0)
    assert read_datetime("2026-11-22 18:00:30", "w") == datetime(2026, 11, 22, 18, 0, 30)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("tomorrow", "'tomorrow' is not a date and time like 2026-11-22T18:00"),
        ("2026-13-01T00:00", "is not a date and time"),
        (20261122, "expected a date and time like 2026-11-22T18:00, got 20261122"),
    ],
)
def test_read_datetime_refuses(value: Any, fragment: str) -> None:
    with pytest.raises(PolicyError) as caught:
        read_datetime(value, "until")
    assert caught.value.where == "until"
    assert fragment in caught.value.problem
