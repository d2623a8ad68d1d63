"""The age table: every category for every class, thresholds and SafeSearch defaults."""

import pytest

from rules.ageclass import AgeClass
from rules.agetable import (
    CategoryAction,
    SafeSearchLevel,
    content_threshold,
    default_action,
    default_safe_search,
)
from rules.categories import BYPASS_CATEGORIES, PROTECTED_CATEGORIES, Category
from rules.text import Language

ALLOW = CategoryAction.ALLOW
BLOCK = CategoryAction.BLOCK
CLASSES = list(AgeClass)
CHILD_CLASSES = [age_class for age_class in AgeClass if age_class.is_child]


@pytest.mark.parametrize("category", list(Category))
def test_every_category_has_an_action_for_every_class(category: Category) -> None:
    for age_class in AgeClass:
        assert isinstance(default_action(category, age_class), CategoryAction)


@pytest.mark.parametrize("category", list(Category))
def test_an_older_class_is_never_stricter_than_a_younger_one(category: Category) -> None:
    actions = [default_action(category, age_class) for age_class in AgeClass]
    first_allowed = actions.index(ALLOW) if ALLOW in actions else len(actions)
    assert actions == [BLOCK] * first_allowed + [ALLOW] * (len(actions) - first_allowed)


@pytest.mark.parametrize("category", sorted(PROTECTED_CATEGORIES))
@pytest.mark.parametrize("age_class", CLASSES)
def test_protected_categories_are_blocked_for_every_class(
    category: Category, age_class: AgeClass
) -> None:
    assert default_action(category, age_class) is BLOCK


@pytest.mark.parametrize("category", sorted(BYPASS_CATEGORIES))
def test_bypass_tools_are_blocked_for_every_child_and_allowed_for_adults(
    category: Category,
) -> None:
    assert [default_action(category, c) for c in CHILD_CLASSES] == [BLOCK] * 5
    assert default_action(category, AgeClass.EIGHTEEN) is ALLOW


@pytest.mark.parametrize(
    ("category", "first_allowed"),
    [
        (Category.PORNOGRAPHY, AgeClass.EIGHTEEN),
        (Category.GAMBLING, AgeClass.EIGHTEEN),
        (Category.ALCOHOL_TOBACCO, AgeClass.EIGHTEEN),
        (Category.DATING, AgeClass.EIGHTEEN),
        (Category.VIOLENCE, AgeClass.EIGHTEEN),
        (Category.UNSAFE_SEARCH, AgeClass.EIGHTEEN),
        (Category.FALSE_INFORMATION, AgeClass.SIXTEEN),
        (Category.CHAT, AgeClass.FOURTEEN),
        (Category.SOCIAL_NETWORKS, AgeClass.FOURTEEN),
        (Category.GAMES, AgeClass.ZERO),
        (Category.VIDEO, AgeClass.ZERO),
        (Category.EDUCATION, AgeClass.ZERO),
        (Category.SELF_HARM, None),  # unlawful at any age
        (Category.DRUGS, None),
        (Category.EXTREMISM, None),
    ],
)
def test_the_age_a_category_opens_at(category: Category, first_allowed: AgeClass | None) -> None:
    for age_class in AgeClass:
        opened = first_allowed is not None and age_class.min_age >= first_allowed.min_age
        assert default_action(category, age_class) is (ALLOW if opened else BLOCK), age_class


@pytest.mark.parametrize(
    ("age_class", "threshold"),
    [
        (AgeClass.ZERO, 50),
        (AgeClass.SIX, 50),
        (AgeClass.TWELVE, 100),
        (AgeClass.FOURTEEN, 100),
        (AgeClass.SIXTEEN, 160),
        (AgeClass.EIGHTEEN, None),
    ],
)
def test_content_thresholds(age_class: AgeClass, threshold: int | None) -> None:
    assert content_threshold(age_class) == threshold


@pytest.mark.parametrize(
    ("age_class", "level"),
    [
        (AgeClass.ZERO, SafeSearchLevel.STRICT),
        (AgeClass.SIX, SafeSearchLevel.STRICT),
        (AgeClass.TWELVE, SafeSearchLevel.STRICT),
        (AgeClass.FOURTEEN, SafeSearchLevel.MODERATE),
        (AgeClass.SIXTEEN, SafeSearchLevel.MODERATE),
        (AgeClass.EIGHTEEN, SafeSearchLevel.OFF),
    ],
)
def test_safe_search_defaults(age_class: AgeClass, level: SafeSearchLevel) -> None:
    assert default_safe_search(age_class) is level


@pytest.mark.parametrize(
    ("category", "protected", "bypass"),
    [
        (Category.CSAM, True, False),
        (Category.MALWARE, True, False),
        (Category.PHISHING, True, False),
        (Category.PORNOGRAPHY, False, False),
        (Category.VPN, False, True),
        (Category.WEB_PROXY, False, True),
        (Category.DOH, False, True),
        (Category.TOR, False, True),
        (Category.GAMES, False, False),
    ],
)
def test_protected_and_bypass_categories(category: Category, protected: bool, bypass: bool) -> None:
    assert category.is_protected is protected
    assert category.is_bypass is bypass


@pytest.mark.parametrize("category", list(Category))
def test_category_names_in_every_language(category: Category) -> None:
    names = [category.name_text.get(language) for language in Language]
    assert all(name.strip() for name in names)
    assert len(set(names)) == len(names)


def test_category_names_differ_between_categories() -> None:
    for language in Language:
        assert len({category.name_text.get(language) for category in Category}) == len(Category)
