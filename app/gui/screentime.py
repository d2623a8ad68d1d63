"""A child's time today as the service's `screentime.status` tells it, read leniently."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from rules.ipc import JsonValue

translate = QCoreApplication.translate


@dataclass(frozen=True, slots=True)
class TimeStatus:
    """Minutes used today, the day's allowance (None: no limit), minutes left, the state.

    `supervised` is false for an account Qorgan does not watch (a parent's, an admin's).
    """

    used: int | None
    allowance: int | None
    remaining: int | None
    state: str | None
    supervised: bool = True


def _minutes(data: dict[str, JsonValue], *names: str) -> int | None:
    for name in names:
        value = data.get(f"{name}_minutes")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return int(value)
        value = data.get(f"{name}_seconds")
        if isinstance(value, int | float) and not isinstance(value, bool):
            return int(value) // 60
    return None


def time_status(result: JsonValue) -> TimeStatus | None:
    """The status in a reply (minutes or seconds, `allowance` or `limit`); None if it has none."""
    if isinstance(result, list):  # one entry a child: the caller asked for one
        result = result[0] if result else None
    if not isinstance(result, dict):
        return None
    used = _minutes(result, "used")
    allowance = _minutes(result, "allowance", "limit")
    remaining = _minutes(result, "remaining", "left")
    if remaining is None and used is not None and allowance is not None:
        remaining = max(allowance - used, 0)
    state = result.get("state")
    supervised = result.get("supervised") is not False
    return TimeStatus(
        used, allowance, remaining, state if isinstance(state, str) else None, supervised
    )


def notices_in(result: JsonValue) -> list[tuple[int, dict[str, JsonValue]]]:
    """The service's numbered notices for the child (warnings, time up, time granted)."""
    items = result.get("notices") if isinstance(result, dict) else None
    found = []
    for item in items if isinstance(items, list) else []:
        number = item.get("id") if isinstance(item, dict) else None
        if isinstance(item, dict) and isinstance(number, int) and not isinstance(number, bool):
            found.append((number, item))
    return sorted(found, key=lambda pair: pair[0])


def text_in(value: JsonValue, language: str) -> str | None:
    """`{"kk": …, "ru": …, "en": …}` in `language`, as the service words its notices."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        chosen = value.get(language) or value.get("en")
        return chosen if isinstance(chosen, str) else None
    return None


def state_text(state: str | None) -> str:
    """The state's name for a person; an unknown one is shown as the service words it."""
    names = {
        "open": translate("ScreenTime", "may use the PC"),
        "allowed": translate("ScreenTime", "may use the PC"),
        "active": translate("ScreenTime", "using the PC"),
        "idle": translate("ScreenTime", "not using the PC"),
        "used_up": translate("ScreenTime", "today's time is used up"),
        "bedtime": translate("ScreenTime", "bedtime"),
        "outside_hours": translate("ScreenTime", "outside the allowed hours"),
        "locked": translate("ScreenTime", "the session is locked"),
    }
    if state is None:
        return translate("ScreenTime", "unknown")
    return names.get(state, state)
