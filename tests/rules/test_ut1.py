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
        (["black", "white"], "black"),  # chat: usable either way, so a block list too
        (["white", "black"], "black"),
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
        ("chat", "black", Category.CHAT),
        ("residential-proxies", "black", Category.WEB_PROXY),
        ("jobsearch", "black", None),
        ("a_category_ut1_adds_next_year", "black", None),
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


def test_a_linked_folder_takes_the_mapping_of_any_of_its_names() -> None:
    assert ut1_category("agressif", "black", {}, ["aggressive", "violence"]) is Category.VIOLENCE
    assert ut1_category("forums", "black", {}, ["mail"]) is None
    assert ut1_category("adult", "black", {"porn": None}, ["porn"]) is None
    overrides = {"adult": Category.PORNOGRAPHY, "porn": None}
    assert ut1_category("adult", "black", overrides, ["porn"]) is Category.PORNOGRAPHY
    assert ut1_category("unknown", "black", {}, ["drugs"]) is Category.DRUGS


# Every category folder and link of the real UT1 tree (olbat/ut1-blacklists, 2025-07 and
# 2026-06 snapshots); the mapping names each one, so none is silently dropped.
REAL_UT1_NAMES = [
    "ads", "adult", "aggressive", "agressif", "ai", "arjel", "associations_religieuses",
    "astrology", "audio-video", "bank", "bitcoin", "blog", "celebrity", "chat", "child",
    "cleaning", "cooking", "cryptojacking", "dangerous_material", "dating", "ddos", "dialer",
    "doh", "download", "drogue", "drugs", "dynamic-dns", "educational_games", "examen_pix",
    "exceptions_liste_bu", "fakenews", "filehosting", "financial", "forums", "gambling",
    "games", "hacking", "jobsearch", "lingerie", "liste_blanche", "liste_bu", "mail",
    "malware", "manga", "marketingware", "mixed_adult", "mobile-phone", "phishing", "porn",
    "press", "proxy", "publicite", "radio", "reaffected", "redirector", "remote-control",
    "residential-proxies", "residential_proxies", "sect", "sexual_education", "shopping",
    "shortener", "social_networks", "special", "sports", "stalkerware", "strict_redirector",
    "strong_redirector", "translation", "tricheur", "tricheur_pix", "update", "violence",
    "vpn", "warez", "webhosting", "webmail",
]  # fmt: skip


def test_the_mapping_names_every_real_ut1_category() -> None:
    assert sorted(set(REAL_UT1_NAMES) - set(UT1_CATEGORIES)) == []
