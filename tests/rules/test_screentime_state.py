"""Usage rows in the store and the state file for the proxy."""

from datetime import date, datetime
from types import MappingProxyType

from rules.categories import Category
from rules.records import Usage
from rules.screentime import Action, DayUse, Status, TimeUp
from rules.screentime_state import (
    FREE_APP,
    SCREEN_APP,
    BudgetFlags,
    DayTotals,
    budget_flags,
    category_app,
    day_totals,
    day_use_from_rows,
    is_summary,
    state_to_dict,
    status_to_dict,
    usage_rows,
)

MONDAY = date(2026, 11, 23)


def use(screen: float, free: float = 0.0, **apps: float) -> DayUse:
    return DayUse(
        MONDAY,
        screen,
        free,
        MappingProxyType(apps),
        MappingProxyType({Category.GAMES: apps.get("minecraft", 0.0)}),
    )


def test_rows_hold_the_whole_seconds_gained_since_the_last_save() -> None:
    first = use(10.6, 2.2, minecraft=10.6)
    assert usage_rows("Dana", first) == [
        Usage("Dana", MONDAY, FREE_APP, 2),
        Usage("Dana", MONDAY, "@games", 10, Category.GAMES),
        Usage("Dana", MONDAY, SCREEN_APP, 10),
        Usage("Dana", MONDAY, "minecraft", 10),
    ]
    later = use(13.5, 2.9, minecraft=13.5)
    rows = usage_rows("Dana", later, saved=first)
    assert {(row.app, row.seconds) for row in rows} == {
        ("@games", 3),
        (SCREEN_APP, 3),
        ("minecraft", 3),
    }
    assert usage_rows("Dana", later, saved=later) == []


def test_saved_rows_read_back_as_the_day() -> None:
    rows = [
        *usage_rows("Dana", use(600, 60, minecraft=300, firefox=200)),
        Usage("Dana", MONDAY, "firefox", 50),
        Usage("Dana", MONDAY, "@odd", 5),  # a summary row without a category is ignored
        Usage("Dana", date(2026, 11, 22), SCREEN_APP, 999),
    ]
    again = day_use_from_rows(MONDAY, rows)
    assert (again.screen, again.free) == (600, 60)
    assert again.apps == {"minecraft": 300, "firefox": 250}
    assert again.categories == {Category.GAMES: 300}


def test_day_totals_come_from_the_summary_rows_only() -> None:
    rows = usage_rows("Dana", use(600, 60, minecraft=600, firefox=600))
    totals = day_totals([*rows, Usage("Dana", MONDAY, SCREEN_APP, 40)])
    assert totals == {MONDAY: DayTotals(screen=640, free=60)}
    assert totals[MONDAY].seconds == 700
    assert is_summary(SCREEN_APP) and is_summary(category_app(Category.VIDEO))
    assert not is_summary("minecraft")


def test_the_state_file_gives_the_proxy_its_flags() -> None:
    status = Status(
        day=MONDAY,
        used=7200.4,
        free=30.9,
        allowance=7200.0,
        left=0.2,
        action=Action.LOCK,
        time_up=TimeUp.ALLOWANCE,
        day_used_up=True,
        used_up_categories=frozenset({Category.GAMES}),
    )
    entry = status_to_dict(status, {"dana", "dana2"})
    assert entry == {
        "day": "2026-11-23",
        "accounts": ["dana", "dana2"],
        "used_seconds": 7200,
        "free_seconds": 30,
        "allowance_seconds": 7200,
        "remaining_seconds": 1,
        "action": "lock",
        "time_up": "allowance",
        "next_warning_minutes": None,
        "day_used_up": True,
        "used_up_categories": ["games"],
    }
    data = state_to_dict(datetime(2026, 11, 23, 12, 0), {"Dana": entry, "Aru": "broken"})  # type: ignore[dict-item]
    assert data["written_at"] == "2026-11-23T12:00:00"
    assert budget_flags(data) == {
        "dana": BudgetFlags(day_used_up=True, used_up_categories=frozenset({Category.GAMES}))
    }


def test_a_status_with_no_limit() -> None:
    status = Status(MONDAY, 60.0, 0.0, None, None, Action.NONE, next_warning=None)
    entry = status_to_dict(status, [])
    assert entry["allowance_seconds"] is None and entry["remaining_seconds"] is None
    assert entry["time_up"] is None


def test_an_unusable_state_file_gives_no_flags() -> None:
    assert budget_flags(None) == {}
    assert budget_flags({"qorgan_screentime": 2, "children": {}}) == {}
    assert budget_flags({"qorgan_screentime": 1, "children": []}) == {}
    odd = {"Dana": {"day_used_up": "yes", "used_up_categories": ["games", "nonsense"]}}
    assert budget_flags({"qorgan_screentime": 1, "children": odd}) == {
        "dana": BudgetFlags(False, frozenset({Category.GAMES}))
    }
    none = {"Dana": {"used_up_categories": "games"}}
    assert budget_flags({"qorgan_screentime": 1, "children": none}) == {"dana": BudgetFlags()}
