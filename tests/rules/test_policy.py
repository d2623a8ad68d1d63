"""The policy model: looking up children, whose rules apply to an OS account, defaults."""

import dataclasses
from datetime import date

import pytest

from rules.ageclass import AgeClass
from rules.policy import (
    ALL_DAY,
    MINUTES_PER_DAY,
    ChildRules,
    DayRules,
    Interval,
    Mode,
    Policy,
    SchoolGroup,
    Weekday,
)
from rules.text import Language
from tests.rules.factories import MONDAY, child

ARU = child(AgeClass.TWELVE, name="Aru")
DANA = child(AgeClass.SIX, name="Dana")
PUPIL = child(AgeClass.TWELVE, name="Pupil")
HOME = Policy(
    children=(
        dataclasses.replace(ARU, accounts=("aru", "aru-games")),
        dataclasses.replace(DANA, accounts=("dana",)),
    )
)
SCHOOL = Policy(
    mode=Mode.SCHOOL,
    children=(dataclasses.replace(ARU, accounts=("aru",)), PUPIL, DANA),
    groups=(
        SchoolGroup("7A", "pupil", accounts=("pupil*", "guest?")),
        SchoolGroup("1B", "DANA", accounts=("first-*",)),
    ),
    default_profile="Pupil",
)


@pytest.mark.parametrize("name", ["Aru", "aru", "ARU", "aRu"])
def test_child_is_found_whatever_the_case(name: str) -> None:
    assert HOME.child(name).name == "Aru"


def test_child_compares_names_by_casefold() -> None:
    policy = Policy(children=(child(name="STRASSE"),))
    assert policy.child("straße").name == "STRASSE"


@pytest.mark.parametrize("name", ["Arman", "", "Ar"])
def test_child_raises_lookup_error_for_an_unknown_name(name: str) -> None:
    with pytest.raises(LookupError, match=repr(name)):
        HOME.child(name)


@pytest.mark.parametrize(
    ("policy", "account", "expected"),
    [
        pytest.param(HOME, "aru", "Aru", id="child-account"),
        pytest.param(HOME, "aru-games", "Aru", id="second-account"),
        pytest.param(HOME, "dana", "Dana", id="other-child"),
        pytest.param(HOME, "Aru", None, id="accounts-compare-exactly"),
        pytest.param(HOME, "mama", None, id="parent-is-unsupervised"),
        pytest.param(SCHOOL, "aru", "Aru", id="child-before-group"),
        pytest.param(SCHOOL, "pupil07", "Pupil", id="group-pattern"),
        pytest.param(SCHOOL, "pupil", "Pupil", id="pattern-matches-empty-tail"),
        pytest.param(SCHOOL, "guest1", "Pupil", id="question-mark"),
        pytest.param(SCHOOL, "first-grade", "Dana", id="group-profile-any-case"),
        pytest.param(SCHOOL, "Pupil07", "Pupil", id="case-sensitive-pattern-falls-to-default"),
        pytest.param(SCHOOL, "teacher", "Pupil", id="default-profile"),
        pytest.param(SCHOOL, "guest12", "Pupil", id="default-after-no-pattern"),
    ],
)
def test_profile_for_account(policy: Policy, account: str, expected: str | None) -> None:
    profile = policy.profile_for_account(account)
    assert (None if profile is None else profile.name) == expected


def test_profile_for_account_prefers_the_first_matching_group() -> None:
    policy = Policy(
        children=(ARU, DANA),
        groups=(SchoolGroup("a", "Dana", ("lab-*",)), SchoolGroup("b", "Aru", ("lab-1*",))),
    )
    profile = policy.profile_for_account("lab-12")
    assert profile is not None
    assert profile.name == "Dana"


def test_profile_for_account_with_a_dangling_group_profile_raises() -> None:
    policy = Policy(children=(ARU,), groups=(SchoolGroup("a", "ghost", ("*",)),))
    with pytest.raises(LookupError, match="ghost"):
        policy.profile_for_account("anyone")


@pytest.mark.parametrize(
    ("interval", "minute", "inside"),
    [
        (Interval(420, 1260), 419, False),
        (Interval(420, 1260), 420, True),  # the start is included
        (Interval(420, 1260), 1259, True),
        (Interval(420, 1260), 1260, False),  # the end is not
        (Interval(0, MINUTES_PER_DAY), 0, True),
        (Interval(0, MINUTES_PER_DAY), 1439, True),
    ],
)
def test_interval_contains_start_but_not_end(interval: Interval, minute: int, inside: bool) -> None:
    assert (minute in interval) is inside


def test_interval_minutes() -> None:
    assert Interval(420, 1260).minutes == 840
    assert ALL_DAY[0] == Interval(0, 1440)
    assert len(ALL_DAY) == 1
    assert ALL_DAY[0].minutes == MINUTES_PER_DAY == 24 * 60


def test_defaults_leave_a_child_unrestricted_by_time() -> None:
    rules = ChildRules()
    assert set(rules.week) == set(Weekday)
    assert all(day == DayRules() for day in rules.week.values())
    assert DayRules().allowed == ALL_DAY
    assert DayRules().allowance_minutes is None
    assert DayRules().bedtime is None
    assert (rules.allow, rules.deny, rules.whitelist_only) == ((), (), False)
    assert rules.safe_search is None
    assert dict(rules.category_overrides) == {}


def test_default_mappings_are_read_only_and_not_shared() -> None:
    first, second = ChildRules(), ChildRules()
    with pytest.raises(TypeError):
        first.week[Weekday.MON] = DayRules(allowed=())  # type: ignore[index]
    with pytest.raises(TypeError):
        first.category_overrides["games"] = "block"  # type: ignore[index]
    assert first == second


def test_child_profile_defaults() -> None:
    profile = child(AgeClass.SIX, name="Dana")
    assert profile.language is Language.KK
    assert profile.accounts == ()
    assert profile.birth_year is None
    assert Policy().mode is Mode.HOME
    assert Policy().profile_for_account("anyone") is None


def test_weekday_numbers_follow_date_weekday() -> None:
    assert [day.value for day in Weekday] == list(range(7))
    assert Weekday(MONDAY.weekday()) is Weekday.MON
    assert Weekday(date(2026, 11, 29).weekday()) is Weekday.SUN


def test_model_is_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        ARU.name = "x"  # type: ignore[misc]
