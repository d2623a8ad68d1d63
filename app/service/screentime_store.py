"""Screen time's files and settings: saved and reloaded use, the state file, the catalogue."""

import json
import logging
import os
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.store import Store
from rules.apps import AppEntry, Catalogue, CatalogueError, parse_catalogue
from rules.ipc import JsonValue
from rules.screentime import DayUse
from rules.screentime_clock import DEFAULT_POLL_SECONDS
from rules.screentime_state import STATE_NAME, day_use_from_rows, state_to_dict, usage_rows
from rules.text import Text

RUN_DIR = "run"
TRAY_DIR = "tray"  # the tray's status calls touch a file here: then no notify-send is needed
SAVE_EVERY = 30.0  # seconds: a crash loses at most this much of a child's time
NOTICES_KEPT = 10

POLL_SECONDS = "screentime.poll_seconds"
DAY_START_HOUR = "screentime.day_start_hour"
LOGOUT_AFTER_MINUTES = "screentime.logout_after_minutes"
CLOCK_OFFSET = "screentime.clock_offset_seconds"
HASH_EXECUTABLES = "procmon.sha256"

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Settings:
    """The screen-time settings in the store; a bad value is logged and its default used."""

    poll_seconds: float = DEFAULT_POLL_SECONDS
    day_start_hour: int = 0
    logout_after: float | None = None
    clock_offset: float = 0.0
    hash_executables: bool = False


def _number(store: Store, key: str, default: float, low: float, high: float) -> float:
    value = store.setting(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        logger.warning("setting %s = %r is not a number from %s to %s", key, value, low, high)
        return default
    return float(value)


def read_settings(store: Store) -> Settings:
    logout = store.setting(LOGOUT_AFTER_MINUTES)
    return Settings(
        poll_seconds=_number(store, POLL_SECONDS, DEFAULT_POLL_SECONDS, 1, 10),
        day_start_hour=int(_number(store, DAY_START_HOUR, 0, 0, 23)),
        logout_after=None
        if logout is None
        else _number(store, LOGOUT_AFTER_MINUTES, 0, 0, 24 * 60) * 60,
        clock_offset=_number(store, CLOCK_OFFSET, 0.0, -1e9, 1e9),
        hash_executables=store.setting(HASH_EXECUTABLES, False) is True,
    )


class UsageBook:
    """Each child's use of the day: loaded from the store, and what is new written back."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._saved: dict[str, DayUse] = {}

    def load(self, child: str, day: date) -> DayUse:
        """What the store has for the child's day (after a restart or a crash)."""
        use = day_use_from_rows(day, self.store.usage(child, day, day))
        self._saved[child] = use
        return use

    def save(self, child: str, use: DayUse) -> int:
        """Add to the store the whole seconds gained since the last save; the rows written."""
        saved = self._saved.get(child)
        rows = usage_rows(child, use, saved if saved is not None and saved.day == use.day else None)
        for row in rows:
            self.store.add_usage(row)
        self._saved[child] = use
        return len(rows)


class Notices:
    """The last few notices each child got, for the tray to show: numbered, in every language."""

    def __init__(self) -> None:
        self._kept: dict[str, deque[dict[str, JsonValue]]] = {}
        self._number = 0

    def add(self, child: str, kind: str, at: datetime, text: Text, number: int) -> None:
        self._number = max(self._number + 1, number)
        notice: dict[str, JsonValue] = {
            "id": self._number,
            "at": at.isoformat(timespec="seconds"),
            "kind": kind,
            "text": {"kk": text.kk, "ru": text.ru, "en": text.en},
        }
        self._kept.setdefault(child, deque(maxlen=NOTICES_KEPT)).append(notice)

    def of(self, child: str) -> list[JsonValue]:
        return list(self._kept.get(child, ()))


def write_state(
    run_dir: Path, written_at: datetime, children: Mapping[str, dict[str, JsonValue]]
) -> Path:
    """Replace `screentime.json` at once; a reader sees the old file or the new one.

    Not flushed to disk: it is rewritten every poll, and a reader checks its age.
    """
    run_dir.mkdir(parents=True, exist_ok=True)
    path = run_dir / STATE_NAME
    temporary = run_dir / f".{STATE_NAME}.{os.getpid()}.tmp"
    temporary.write_text(
        json.dumps(state_to_dict(written_at, children), ensure_ascii=False), encoding="utf-8"
    )
    temporary.chmod(0o644)
    os.replace(temporary, path)
    return path


def read_state(run_dir: Path) -> object:
    """The state file's data; None if there is none or it cannot be read."""
    try:
        return json.loads((run_dir / STATE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def load_catalogue(*paths: Path) -> Catalogue:
    """The apps of every catalogue file that exists, the first file's entries first.

    A file that cannot be read is logged and left out: the others still apply.
    """
    entries: list[AppEntry] = []
    for path in paths:
        if not path.exists():
            continue
        try:
            entries.extend(parse_catalogue(path.read_text(encoding="utf-8")).entries)
        except (OSError, UnicodeDecodeError, CatalogueError) as error:
            logger.warning("app catalogue %s left out: %s", path, error)
    return Catalogue(entries)


def tray_mark(run_dir: Path, account: str) -> Path:
    """The file a tray's status call touches: its child reads notices in the tray."""
    return run_dir / TRAY_DIR / account
