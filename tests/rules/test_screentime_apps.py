"""The app catalogue, recognising processes, a parent's app rules, and when an app is closed."""

import json
from pathlib import Path
from types import MappingProxyType

import pytest

from rules.apps import (
    AppEntry,
    AppGroup,
    Catalogue,
    CatalogueError,
    ChildApps,
    Executable,
    RunningApp,
    StopReason,
    decide_process,
    parse_catalogue,
    reference_matches,
    stem,
)
from rules.categories import Category
from rules.policy import ChildRules
from rules.screentime_text import STOPPED, TIME_UP, stopped_notice
from rules.text import Language

CATALOGUE_FILE = Path(__file__).resolve().parents[2] / "assets" / "apps" / "catalogue.json"

MINECRAFT = AppEntry("minecraft", "Minecraft", AppGroup.GAMES, names=("Minecraft.exe", "minecraft"))
STEAM = AppEntry("steam-games", "Steam games", AppGroup.GAMES, paths=("*/steamapps/common/*",))
TOR = AppEntry("tor", "Tor", AppGroup.TOR, names=("tor.exe",), paths=("*/tor browser/*",))
FIREFOX = AppEntry("firefox", "Firefox", AppGroup.BROWSERS, names=("firefox", "firefox.exe"))
GEOGEBRA = AppEntry("geogebra", "GeoGebra", AppGroup.LEARNING, names=("geogebra",))
HASHED = AppEntry("secret-game", "Secret", AppGroup.GAMES, sha256=("AB" * 32,))
CATALOGUE = Catalogue([MINECRAFT, STEAM, TOR, FIREFOX, GEOGEBRA, HASHED])


@pytest.mark.parametrize(
    ("executable", "found"),
    [
        (Executable("Minecraft.EXE", r"C:\Games\Minecraft.EXE"), MINECRAFT),
        (Executable("java", "/home/dana/.local/bin/minecraft"), MINECRAFT),
        (Executable("hl2.exe", r"D:\SteamLibrary\steamapps\common\Portal\hl2.exe"), STEAM),
        (Executable("firefox.exe", r"C:\Users\d\Desktop\Tor Browser\Browser\firefox.exe"), TOR),
        (Executable("firefox", "/usr/lib/firefox/firefox"), FIREFOX),
        (Executable("notepad.exe", r"C:\x\notepad.exe", sha256="ab" * 32), HASHED),
        (Executable("notepad.exe", r"C:\Windows\notepad.exe", sha256="cd" * 32), None),
        (Executable("", ""), None),
    ],
)
def test_identify(executable: Executable, found: AppEntry | None) -> None:
    assert CATALOGUE.identify(executable) == found


def test_stems_ignore_folders_case_and_exe() -> None:
    assert stem(r"C:\Games\Minecraft.EXE") == "minecraft" == stem("/opt/minecraft")
    assert CATALOGUE.wants_hashes and not Catalogue([MINECRAFT]).wants_hashes


@pytest.mark.parametrize(
    ("reference", "executable", "entry", "matches"),
    [
        ("minecraft", Executable("javaw.exe"), MINECRAFT, True),
        ("Minecraft", Executable("x"), MINECRAFT, True),
        ("tor.exe", Executable("tor", "/usr/bin/tor"), None, True),
        ("steam", Executable("steam.exe"), None, True),
        ("steam", Executable("steamwebhelper"), None, False),
        ("/opt/games/*", Executable("x", "/opt/games/x"), None, True),
        (r"C:\Games\*", Executable("x.exe", r"c:\games\x.exe"), None, True),
        ("/opt/games/*", Executable("x", ""), None, False),
    ],
)
def test_references(reference: str, executable: Executable, entry, matches: bool) -> None:
    assert reference_matches(reference, executable, entry) is matches


def child_apps(**fields: object) -> ChildApps:
    for key, value in fields.items():
        if isinstance(value, dict):
            fields[key] = MappingProxyType(value)
    return ChildApps(ChildRules(**fields), CATALOGUE)  # type: ignore[arg-type]


def test_classify_with_a_parents_rules() -> None:
    apps = child_apps(
        blocked_apps=("tor.exe", "/opt/bad/*"),
        app_budgets={"minecraft.exe": 45, "minecraft": 30, "Calc": 10},
        free_apps=("calc",),
    )
    assert apps.classify(Executable("minecraft", "/opt/mc/minecraft")) == RunningApp(
        "minecraft", Category.GAMES, budget_minutes=30
    )
    assert apps.classify(Executable("tor", "/usr/bin/tor")) == RunningApp(
        "tor", Category.TOR, blocked=True
    )
    assert apps.classify(Executable("calc.exe")) == RunningApp("calc", free=True, budget_minutes=10)
    assert apps.classify(Executable("run", "/opt/bad/run")) == RunningApp(
        "/opt/bad/*", blocked=True
    )
    assert apps.classify(Executable("geogebra")) == RunningApp(
        "geogebra", Category.EDUCATION, free=True
    )
    assert apps.classify(Executable("firefox")) == RunningApp("firefox")
    assert apps.classify(Executable("bash", "/usr/bin/bash")) is None


@pytest.mark.parametrize(
    ("app", "seconds", "spent", "reason"),
    [
        (RunningApp("x", blocked=True), 0, frozenset(), StopReason.BLOCKED),
        (RunningApp("psiphon", Category.VPN), 0, frozenset(), StopReason.BYPASS),
        (
            RunningApp("roblox", Category.GAMES, budget_minutes=0),
            0,
            frozenset(),
            StopReason.APP_BUDGET,
        ),
        (RunningApp("mc", Category.GAMES, budget_minutes=30), 1799, frozenset(), None),
        (
            RunningApp("mc", Category.GAMES, budget_minutes=30),
            1800,
            frozenset(),
            StopReason.APP_BUDGET,
        ),
        (
            RunningApp("mc", Category.GAMES),
            0,
            frozenset({Category.GAMES}),
            StopReason.CATEGORY_BUDGET,
        ),
        (RunningApp("gg", Category.GAMES, free=True), 0, frozenset({Category.GAMES}), None),
        (RunningApp("firefox"), 0, frozenset({Category.GAMES}), None),
    ],
)
def test_decide_process(app: RunningApp, seconds: float, spent, reason) -> None:
    assert decide_process(app, seconds, spent) is reason


def test_the_shipped_catalogue_is_valid_and_covers_each_group() -> None:
    catalogue = parse_catalogue(CATALOGUE_FILE.read_text(encoding="utf-8"))
    assert {entry.group for entry in catalogue.entries} == set(AppGroup)
    for name, app in [
        ("RobloxPlayerBeta.exe", "roblox"),
        ("telegram-desktop", "telegram"),
        ("chrome.exe", "chrome"),
        ("vlc", "vlc"),
        ("gcompris-qt", "gcompris"),
        ("psiphon3.exe", "psiphon"),
    ]:
        found = catalogue.identify(Executable(name))
        assert found is not None and found.id == app
    assert AppGroup.BROWSERS.category is None and AppGroup.MESSENGERS.category is Category.CHAT


def catalogue_text(*apps: object, version: object = 1) -> str:
    return json.dumps({"qorgan_apps": version, "apps": list(apps)})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not JSON"),
        (catalogue_text(version=2), "version 1"),
        (json.dumps({"qorgan_apps": 1, "apps": {}}), "apps: expected a list"),
        (catalogue_text({"name": "x"}), r"apps\[0\]: an app needs an id"),
        (
            catalogue_text({"id": "a", "group": "games", "names": ["a"], "nmes": []}),
            "unknown field 'nmes'",
        ),
        (catalogue_text({"id": "a", "group": "toys", "names": ["a"]}), "group 'toys'"),
        (
            catalogue_text({"id": "a", "group": "games", "name": 3, "names": ["a"]}),
            "name must be text",
        ),
        (catalogue_text({"id": "a", "group": "games", "names": "a"}), r"apps\[0\] \(a\).names"),
        (catalogue_text({"id": "a", "group": "games", "names": [""]}), "non-empty text"),
        (catalogue_text({"id": "a", "group": "games"}), "give names, paths or sha256"),
        (
            catalogue_text(
                {"id": "a", "group": "games", "names": ["a"]},
                {"id": "A", "group": "video", "names": ["b"]},
            ),
            "appears twice",
        ),
    ],
)
def test_bad_catalogues_name_the_entry(text: str, message: str) -> None:
    with pytest.raises(CatalogueError, match=message):
        parse_catalogue(text)


def test_a_minimal_entry_takes_its_id_as_name() -> None:
    [entry] = parse_catalogue(
        catalogue_text({"id": "x", "group": "video", "paths": ["/x/*"]})
    ).entries
    assert entry.name == "x" and entry.paths == ("/x/*",)


def test_every_notice_is_in_three_languages_and_names_the_app() -> None:
    for reason in StopReason:
        text = stopped_notice(reason, "Minecraft", Category.GAMES)
        for language in Language:
            assert "Minecraft" in text.get(language)
    assert "Ойындар" in stopped_notice(StopReason.CATEGORY_BUDGET, "X", Category.GAMES).kk
    assert "«»" in stopped_notice(StopReason.CATEGORY_BUDGET, "X", None).ru
    assert set(STOPPED) == set(StopReason) and all(t.kk and t.ru and t.en for t in TIME_UP.values())
