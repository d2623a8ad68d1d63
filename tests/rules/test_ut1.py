"""UT1 category folders: the mapping to Qorgan's categories, usage files and overrides."""

import pytest

from rules.categories import Category
from rules.ut1 import (
    UT1_CATEGORIES,
    CategoryMapError,
    category_map_text,
    parse_category_map,
    ut1_category,
    ut1_usage,
)


@pytest.mark.parametrize(
    ("lines", "usage"),
    [
        (["black", "adult"], "black"),
        (["White list", "enfants"], "white"),
        (["# nothing useful"], None),
        ([], None),
    ],
)
def test_usage_says_black_or_white(lines: list[str], usage: str | None) -> None:
    assert ut1_usage(lines) == usage


@pytest.mark.parametrize(
    ("name", "usage", "category"),
    [
        ("adult", "black", Category.PORNOGRAPHY),
        ("drogue", None, Category.DRUGS),
        ("agressif", "black", Category.VIOLENCE),
        ("redirector", "black", Category.WEB_PROXY),
        ("doh", None, Category.DOH),
        ("shopping", "black", None),  # not a category of harm
        ("sexual_education", None, None),
        ("gambling", "white", None),  # a white folder is never a block list by default
    ],
)
def test_default_mapping(name: str, usage: str | None, category: Category | None) -> None:
    assert ut1_category(name, usage, {}) == category


def test_overrides_win_over_the_default_and_over_white() -> None:
    overrides = parse_category_map(["adult=-", "liste_blanche=education", " games = video "])
    assert ut1_category("adult", "black", overrides) is None
    assert ut1_category("liste_blanche", "white", overrides) is Category.EDUCATION
    assert ut1_category("games", None, overrides) is Category.VIDEO
    assert category_map_text(overrides) == [
        "adult=-",
        "games=video",
        "liste_blanche=education",
    ]


@pytest.mark.parametrize(
    ("item", "fragment"),
    [("adult", "write a mapping as name=category"), ("=games", "name=category"),
     ("adult=porn", "'porn' is not a category")],
)  # fmt: skip
def test_bad_overrides_say_what_is_wrong(item: str, fragment: str) -> None:
    with pytest.raises(CategoryMapError, match=fragment):
        parse_category_map([item])


def test_every_mapped_category_is_a_qorgan_category_or_skipped() -> None:
    assert all(c is None or isinstance(c, Category) for c in UT1_CATEGORIES.values())
    assert UT1_CATEGORIES["adult"] is Category.PORNOGRAPHY
