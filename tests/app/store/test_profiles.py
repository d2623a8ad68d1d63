"""Children, grants and the whole policy: stored and read back as the same model objects."""

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

import pytest

from app.store import Store, StoreError
from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, SafeSearchLevel
from rules.categories import Category
from rules.policy import (
    Bedtime,
    ChildProfile,
    ChildRules,
    DayRules,
    Interval,
    Mode,
    Policy,
    SchoolGroup,
    SiteGrant,
    TimeGrant,
    Weekday,
)
from rules.text import Language
from rules.validation import PolicyError

SCHOOL_DAY = DayRules(
    allowed=(Interval(7 * 60, 8 * 60), Interval(15 * 60, 21 * 60)),
    allowance_minutes=120,
    bedtime=Bedtime(21 * 60 + 30, 7 * 60),
    free_intervals=(Interval(16 * 60, 17 * 60),),
)
WEEKEND = DayRules(allowance_minutes=240, bedtime=Bedtime(22 * 60, 8 * 60))
GRANT = SiteGrant("minecraft.net", datetime(2026, 11, 22, 19, 0), datetime(2026, 11, 22, 18, 0))
BONUS = TimeGrant(date(2026, 11, 22), 30, datetime(2026, 11, 22, 17, 45, 12, 5))


def aruzhan() -> ChildProfile:
    """A child whose rules touch every field, so that nothing is lost on the way."""
    week = dict.fromkeys(Weekday, SCHOOL_DAY) | {Weekday.SAT: WEEKEND, Weekday.SUN: WEEKEND}
    rules = ChildRules(
        allow=("bilimland.kz", "https://www.youtube.com/@TED", "10.0.0.0/8"),
        deny=("tiktok.com", "203.0.113.7"),
        category_overrides=MappingProxyType(
            {Category.SOCIAL_NETWORKS: CategoryAction.ALLOW, Category.VIDEO: CategoryAction.BLOCK}
        ),
        whitelist_only=True,
        safe_search=SafeSearchLevel.MODERATE,
        week=MappingProxyType(week),
        category_budgets=MappingProxyType({Category.GAMES: 60}),
        app_budgets=MappingProxyType({"minecraft.exe": 90}),
        blocked_apps=("steam.exe",),
        free_apps=("calc.exe", "libreoffice"),
        site_grants=(GRANT,),
        time_grants=(BONUS,),
    )
    return ChildProfile(
        name="Аружан",
        age_class=AgeClass.TWELVE,
        accounts=("aruzhan", "aruzhan-games"),
        language=Language.RU,
        birth_year=2013,
        rules=rules,
    )


def timur() -> ChildProfile:
    return ChildProfile("Timur", AgeClass.SIX, ("timur",))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "qorgan.db") as opened:
        yield opened


def test_child_round_trip(store: Store) -> None:
    child = aruzhan()
    store.add_child(child)
    store.add_child(timur())

    assert store.child("Аружан") == child
    assert store.child("АРУЖАН") == child  # names compare without regard to case, Cyrillic too
    assert store.children() == [child, timur()]


def test_grants_have_their_own_tables(store: Store) -> None:
    store.add_child(aruzhan())

    (rules_json,) = store.db.execute("SELECT rules_json FROM children").fetchone()
    assert "minecraft.net" not in rules_json
    assert json.loads(rules_json)["site_grants"] == []
    assert store.db.execute("SELECT host FROM site_grants").fetchall() == [("minecraft.net",)]
    assert store.db.execute("SELECT minutes FROM time_grants").fetchall() == [(30,)]


def test_name_is_taken_in_any_case(store: Store) -> None:
    store.add_child(aruzhan())
    with pytest.raises(StoreError, match="already a child called аружан"):
        store.add_child(ChildProfile("аружан", AgeClass.SIX))
    assert len(store.children()) == 1


def test_account_belongs_to_one_child(store: Store) -> None:
    store.add_child(aruzhan())
    with pytest.raises(StoreError, match="'aruzhan-games' already belongs to Аружан"):
        store.add_child(ChildProfile("Timur", AgeClass.SIX, ("timur", "aruzhan-games")))
    with pytest.raises(StoreError, match="listed twice"):
        store.add_child(ChildProfile("Timur", AgeClass.SIX, ("timur", "timur")))
    assert [child.name for child in store.children()] == ["Аружан"]
    assert store.db.execute("SELECT count(*) FROM accounts").fetchone() == (2,)


def test_a_child_needs_a_name(store: Store) -> None:
    with pytest.raises(StoreError, match="needs a name"):
        store.add_child(ChildProfile("  ", AgeClass.SIX))


def test_rules_that_cannot_be_read_back_are_refused(store: Store) -> None:
    overrides = MappingProxyType({Category.MALWARE: CategoryAction.ALLOW})
    child = replace(timur(), rules=ChildRules(category_overrides=overrides))
    with pytest.raises(PolicyError, match="always blocked"):
        store.add_child(child)
    assert store.children() == []


def test_update_keeps_grants_given_since_the_profile_was_read(store: Store) -> None:
    store.add_child(aruzhan())
    read_earlier = store.child("Аружан")
    later = SiteGrant("scratch.mit.edu", datetime(2026, 11, 22, 20, 0), datetime(2026, 11, 22, 19))
    store.add_site_grant("аружан", later)

    edited = replace(
        read_earlier,
        age_class=AgeClass.FOURTEEN,
        accounts=("aruzhan",),
        rules=replace(read_earlier.rules, whitelist_only=False, deny=()),
    )
    store.update_child(edited)

    stored = store.child("Аружан")
    assert stored.age_class is AgeClass.FOURTEEN
    assert stored.accounts == ("aruzhan",)
    assert stored.rules.deny == ()
    assert stored.rules.whitelist_only is False
    assert stored.rules.site_grants == (GRANT, later)
    store.add_child(ChildProfile("Timur", AgeClass.SIX, ("aruzhan-games",)))  # freed by the update


def test_update_refuses_another_childs_account(store: Store) -> None:
    store.add_child(aruzhan())
    store.add_child(timur())
    with pytest.raises(StoreError, match="'aruzhan' already belongs to Аружан"):
        store.update_child(replace(timur(), accounts=("aruzhan",)))
    assert store.child("Timur") == timur()


def test_missing_child_is_a_lookup_error(store: Store) -> None:
    with pytest.raises(LookupError):
        store.child("Nobody")
    with pytest.raises(LookupError):
        store.update_child(timur())
    with pytest.raises(LookupError):
        store.remove_child("Timur")
    with pytest.raises(LookupError):
        store.add_time_grant("Timur", BONUS)


def test_remove_child_takes_accounts_and_grants(store: Store) -> None:
    store.add_child(aruzhan())
    store.add_time_grant("Аружан", BONUS)
    store.remove_child("аружан")

    assert store.children() == []
    for table in ("accounts", "site_grants", "time_grants"):
        assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    store.add_child(ChildProfile("Timur", AgeClass.SIX, ("aruzhan",)))


def school_policy() -> Policy:
    return Policy(
        mode=Mode.SCHOOL,
        children=(aruzhan(), timur()),
        groups=(
            SchoolGroup("5A", "Аружан", ("pupil5a-*",)),
            SchoolGroup("9B", "Аружан", ("pupil9b-*", "lab-09")),
        ),
        default_profile="Timur",
    )


def test_remove_child_refused_while_used(store: Store) -> None:
    store.replace_policy(school_policy())
    with pytest.raises(StoreError, match="group 5A still uses"):
        store.remove_child("Аружан")
    with pytest.raises(StoreError, match="default"):
        store.remove_child("Timur")
    assert store.policy() == school_policy()


def test_policy_round_trip(store: Store) -> None:
    assert store.policy() == Policy()
    store.replace_policy(school_policy())
    assert store.policy() == school_policy()
    assert store.policy().profile_for_account("pupil9b-17") == aruzhan()


def test_replace_policy_replaces_everything(store: Store) -> None:
    store.replace_policy(school_policy())
    home = Policy(children=(ChildProfile("Dana", AgeClass.ZERO, ("dana", "aruzhan")),))
    store.replace_policy(home)
    assert store.policy() == home
    assert store.db.execute("SELECT count(*) FROM site_grants").fetchone() == (0,)


def bad_second_child(policy: Policy) -> Policy:
    dana = ChildProfile("Dana", AgeClass.SIX, ("dana", "bolat"))
    return replace(policy, children=(*policy.children, dana))


def bad_rules(policy: Policy) -> Policy:
    overrides = MappingProxyType({Category.CSAM: CategoryAction.ALLOW})
    dana = ChildProfile("Dana", AgeClass.SIX, rules=ChildRules(category_overrides=overrides))
    return replace(policy, children=(*policy.children, dana))


def bad_group(policy: Policy) -> Policy:
    return replace(policy, groups=(*policy.groups, SchoolGroup("7C", "Nobody", ("pupil7c-*",))))


def bad_default(policy: Policy) -> Policy:
    return replace(policy, default_profile="Nobody")


@pytest.mark.parametrize("spoil", [bad_second_child, bad_rules, bad_group, bad_default])
def test_replace_policy_is_all_or_nothing(store: Store, spoil: object) -> None:
    store.replace_policy(school_policy())
    store.add_site_grant("Timur", GRANT)
    before = store.policy()
    new = Policy(children=(ChildProfile("Bolat", AgeClass.SIXTEEN, ("bolat",)),))
    assert callable(spoil)
    with pytest.raises(ValueError):  # noqa: PT011 - StoreError or PolicyError, both readable
        store.replace_policy(spoil(new))
    assert store.policy() == before
    with pytest.raises(LookupError):
        store.child("Bolat")
