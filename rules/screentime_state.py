"""Screen time as others read it: usage rows in the store, and the state file for the proxy.

Usage rows: one row per tracked app per day holds the seconds that app ran while the
child's session was active (apps overlap). Summary rows, whose app starts with `@`, hold
the day's totals: `@screen` the seconds that count against the allowance, `@free` the
active seconds that did not (free intervals, only free apps running), and `@<category>`
(with the row's category set) the seconds with at least one counted app of that category.
A day's screen time is `@screen + @free`; the time against the limit is `@screen`.

The state file `run/screentime.json`, replaced atomically every poll, gives each child's
status by name; `budget_flags` reads what the proxy needs from it.
"""

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from types import MappingProxyType

from rules.categories import Category
from rules.ipc import JsonValue
from rules.records import Usage
from rules.screentime import DayUse, Status

STATE_VERSION = 1
STATE_NAME = "screentime.json"
SCREEN_APP = "@screen"
FREE_APP = "@free"
SUMMARY_PREFIX = "@"


def is_summary(app: str) -> bool:
    """Whether a usage row is a day total rather than an app."""
    return app.startswith(SUMMARY_PREFIX)


def category_app(category: Category) -> str:
    return f"{SUMMARY_PREFIX}{category}"


def _totals(use: DayUse) -> dict[tuple[str, Category | None], float]:
    totals: dict[tuple[str, Category | None], float] = {
        (SCREEN_APP, None): use.screen,
        (FREE_APP, None): use.free,
    }
    for app, seconds in use.apps.items():
        totals[app, None] = seconds
    for category, seconds in use.categories.items():
        totals[category_app(category), category] = seconds
    return totals


def usage_rows(child: str, use: DayUse, saved: DayUse | None = None) -> list[Usage]:
    """The whole seconds `use` adds to what was saved before (`saved`, same day), as rows.

    Only whole seconds are written; the fractions wait for the next save, so nothing is
    lost or counted twice however often this runs.
    """
    before = {} if saved is None else _totals(saved)
    rows = []
    for (app, category), seconds in sorted(_totals(use).items(), key=lambda item: item[0][0]):
        added = math.floor(seconds) - math.floor(before.get((app, category), 0.0))
        if added > 0:
            rows.append(Usage(child, use.day, app, added, category))
    return rows


def day_use_from_rows(day: date, rows: Iterable[Usage]) -> DayUse:
    """A day's use as the store holds it (the rows of one child and that day)."""
    screen = free = 0.0
    apps: dict[str, float] = {}
    categories: dict[Category, float] = {}
    for row in rows:
        if row.day != day:
            continue
        if row.app == SCREEN_APP:
            screen += row.seconds
        elif row.app == FREE_APP:
            free += row.seconds
        elif is_summary(row.app):
            if row.category is not None:
                categories[row.category] = categories.get(row.category, 0.0) + row.seconds
        else:
            apps[row.app] = apps.get(row.app, 0.0) + row.seconds
    return DayUse(day, screen, free, MappingProxyType(apps), MappingProxyType(categories))


@dataclass(frozen=True, slots=True)
class DayTotals:
    """A day's screen time from its summary rows: counted against the limit, and free."""

    screen: int = 0
    free: int = 0

    @property
    def seconds(self) -> int:
        return self.screen + self.free


def day_totals(rows: Iterable[Usage]) -> dict[date, DayTotals]:
    """Each day's totals from usage rows (app rows are ignored: apps overlap)."""
    totals: dict[date, DayTotals] = {}
    for row in rows:
        current = totals.get(row.day, DayTotals())
        if row.app == SCREEN_APP:
            totals[row.day] = DayTotals(current.screen + row.seconds, current.free)
        elif row.app == FREE_APP:
            totals[row.day] = DayTotals(current.screen, current.free + row.seconds)
    return totals


def _whole(seconds: float | None) -> int | None:
    return None if seconds is None else math.floor(seconds)


def status_to_dict(status: Status, accounts: Iterable[str]) -> dict[str, JsonValue]:
    """A child's status as JSON-ready data, for the state file and the tray."""
    names: list[JsonValue] = [*sorted(accounts)]
    categories: list[JsonValue] = [*sorted(str(c) for c in status.used_up_categories)]
    return {
        "day": status.day.isoformat(),
        "accounts": names,
        "used_seconds": math.floor(status.used),
        "free_seconds": math.floor(status.free),
        "allowance_seconds": _whole(status.allowance),
        "remaining_seconds": None if status.left is None else math.ceil(status.left),
        "action": str(status.action),
        "time_up": None if status.time_up is None else str(status.time_up),
        "next_warning_minutes": status.next_warning,
        "day_used_up": status.day_used_up,
        "used_up_categories": categories,
    }


def state_to_dict(
    written_at: datetime, children: Mapping[str, dict[str, JsonValue]]
) -> dict[str, JsonValue]:
    """The state file's content: when (trusted local time) and each child's status by name."""
    return {
        "qorgan_screentime": STATE_VERSION,
        "written_at": written_at.isoformat(),
        "children": dict(children),
    }


@dataclass(frozen=True, slots=True)
class BudgetFlags:
    """What `decide_request` needs from screen time: the day spent, the categories spent."""

    day_used_up: bool = False
    used_up_categories: frozenset[Category] = frozenset()


def budget_flags(data: object) -> Mapping[str, BudgetFlags]:
    """Each child's flags (by name, case-folded) from the state file's data; empty if unusable.

    A file that is not a version-1 state gives no flags, so nothing is blocked for budgets.
    """
    if not isinstance(data, dict) or data.get("qorgan_screentime") != STATE_VERSION:
        return {}
    children = data.get("children")
    if not isinstance(children, dict):
        return {}
    flags: dict[str, BudgetFlags] = {}
    known = {str(category) for category in Category}
    for name, entry in children.items():
        if not isinstance(entry, dict):
            continue
        spent = entry.get("used_up_categories")
        categories = spent if isinstance(spent, list) else []
        flags[name.casefold()] = BudgetFlags(
            day_used_up=entry.get("day_used_up") is True,
            used_up_categories=frozenset(Category(c) for c in categories if c in known),
        )
    return flags
