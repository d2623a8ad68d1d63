"""Apps: the catalogue of known executables, how a process is recognised, and when it is stopped.

An app is recognised by its process name or executable file name (`.exe` or not, any case),
by a glob on its executable path, or by the SHA-256 of its executable. Only apps the
catalogue knows or a parent named are tracked; other processes are not recorded at all.
"""

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from fnmatch import fnmatchcase

from rules.categories import Category
from rules.policy import ChildRules

CATALOGUE_VERSION = 1


class AppGroup(StrEnum):
    """What an app is for, as the catalogue groups it; most groups are a Category too."""

    GAMES = "games"
    BROWSERS = "browsers"
    MESSENGERS = "messengers"
    VIDEO = "video"
    LEARNING = "learning"
    SOCIAL = "social"
    VPN = "vpn"
    TOR = "tor"

    @property
    def category(self) -> Category | None:
        """The category budgets count this group under; browsers have none of their own."""
        return GROUP_CATEGORIES.get(self)


GROUP_CATEGORIES: Mapping[AppGroup, Category] = {
    AppGroup.GAMES: Category.GAMES,
    AppGroup.MESSENGERS: Category.CHAT,
    AppGroup.VIDEO: Category.VIDEO,
    AppGroup.LEARNING: Category.EDUCATION,
    AppGroup.SOCIAL: Category.SOCIAL_NETWORKS,
    AppGroup.VPN: Category.VPN,
    AppGroup.TOR: Category.TOR,
}


class CatalogueError(ValueError):
    """A catalogue file that cannot be used; the message names the entry."""


@dataclass(frozen=True, slots=True)
class AppEntry:
    """One known app: `names` are executable names, `paths` globs on the executable's path."""

    id: str
    name: str
    group: AppGroup
    names: tuple[str, ...] = ()
    paths: tuple[str, ...] = ()
    sha256: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Executable:
    """What the monitor knows of a process: its name, its executable path, maybe its hash."""

    name: str
    path: str = ""
    sha256: str | None = None


def stem(name: str) -> str:
    """An executable's name without folders or `.exe`, case-folded: `Game.EXE` -> `game`."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].casefold()
    return base.removesuffix(".exe")


def _path(path: str) -> str:
    return path.replace("\\", "/").casefold()


class Catalogue:
    """Known apps, looked up by executable name, path glob or hash."""

    def __init__(self, entries: Iterable[AppEntry] = ()) -> None:
        self.entries = tuple(entries)
        self._by_name: dict[str, AppEntry] = {}
        self._by_hash: dict[str, AppEntry] = {}
        self._globs: list[tuple[str, AppEntry]] = []
        for entry in self.entries:
            for name in entry.names:
                self._by_name.setdefault(stem(name), entry)
            for digest in entry.sha256:
                self._by_hash.setdefault(digest.casefold(), entry)
            self._globs.extend((_path(glob), entry) for glob in entry.paths)

    @property
    def wants_hashes(self) -> bool:
        """Whether any entry is known by hash, so hashing executables can find something."""
        return bool(self._by_hash)

    def identify(self, executable: Executable) -> AppEntry | None:
        """The catalogue's app for a process: by hash, then path (Tor Browser's `firefox`
        is not Firefox), then name."""
        if executable.sha256 is not None:
            found = self._by_hash.get(executable.sha256.casefold())
            if found is not None:
                return found
        path = _path(executable.path)
        for glob, entry in self._globs:
            if path and fnmatchcase(path, glob):
                return entry
        for name in (executable.name, executable.path):
            found = self._by_name.get(stem(name)) if name else None
            if found is not None:
                return found
        return None


def _is_path(reference: str) -> bool:
    return "/" in reference or "\\" in reference


def _key(reference: str) -> str:
    """The usage key of an app known only by a parent's reference: its stem, or its path."""
    return _path(reference.strip()) if _is_path(reference) else stem(reference.strip())


def reference_matches(reference: str, executable: Executable, entry: AppEntry | None) -> bool:
    """Whether a parent's app reference (`minecraft`, `tor.exe`, a path or path glob) names it."""
    wanted = reference.strip()
    if _is_path(wanted):
        return bool(executable.path) and fnmatchcase(_path(executable.path), _path(wanted))
    key = stem(wanted)
    names = {stem(executable.name), stem(executable.path)} - {""}
    if entry is not None:
        names |= {entry.id.casefold(), entry.name.casefold()}
    return key in names


@dataclass(frozen=True, slots=True)
class RunningApp:
    """A running app as the rules see it: its key in usage, category, and what the parent set."""

    key: str
    category: Category | None = None
    free: bool = False
    blocked: bool = False
    budget_minutes: int | None = None


class ChildApps:
    """A child's app rules compiled against the catalogue, to classify processes quickly."""

    def __init__(self, rules: ChildRules, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.blocked = rules.blocked_apps
        self.free = rules.free_apps
        self.budgets = tuple(rules.app_budgets.items())

    def classify(self, executable: Executable) -> RunningApp | None:
        """The app a process belongs to, or None when neither the catalogue nor a parent names it.

        Learning apps from the catalogue are free; so are the apps a parent made free.
        """
        entry = self.catalogue.identify(executable)

        def named(reference: str) -> bool:
            return reference_matches(reference, executable, entry)

        blocked = [ref for ref in self.blocked if named(ref)]
        budgets = [(ref, minutes) for ref, minutes in self.budgets if named(ref)]
        free = [ref for ref in self.free if named(ref)]
        if entry is not None:
            key = entry.id
        else:
            references = blocked + [ref for ref, _ in budgets] + free
            if not references:
                return None
            key = _key(references[0])
        group = None if entry is None else entry.group
        return RunningApp(
            key=key,
            category=None if group is None else group.category,
            free=bool(free) or group is AppGroup.LEARNING,
            blocked=bool(blocked),
            budget_minutes=min((minutes for _, minutes in budgets), default=None),
        )


class StopReason(StrEnum):
    """Why a running app is closed."""

    BLOCKED = "blocked"
    BYPASS = "bypass"
    APP_BUDGET = "app_budget"
    CATEGORY_BUDGET = "category_budget"


def decide_process(
    app: RunningApp, app_seconds: float, used_up_categories: frozenset[Category]
) -> StopReason | None:
    """Whether to close a running app, and why: blocked by a parent, a bypass tool, budget spent.

    `app_seconds` is the app's time today. A free app is never closed for its category's
    budget; a budget of 0 minutes means the app may not run at all.
    """
    if app.blocked:
        return StopReason.BLOCKED
    if app.category is not None and app.category.is_bypass:
        return StopReason.BYPASS
    if app.budget_minutes is not None and app_seconds >= app.budget_minutes * 60:
        return StopReason.APP_BUDGET
    if not app.free and app.category in used_up_categories:
        return StopReason.CATEGORY_BUDGET
    return None


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise CatalogueError(f"{where}: expected a list of non-empty text")
    return tuple(value)


def parse_catalogue(text: str) -> Catalogue:
    """The catalogue in a JSON text (`{"qorgan_apps": 1, "apps": [...]}`); CatalogueError if bad."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise CatalogueError(f"not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("qorgan_apps") != CATALOGUE_VERSION:
        raise CatalogueError(f"not a Qorgan app catalogue of version {CATALOGUE_VERSION}")
    apps = data.get("apps")
    if not isinstance(apps, list):
        raise CatalogueError("apps: expected a list")
    entries: list[AppEntry] = []
    seen: set[str] = set()
    known = {"id", "name", "group", "names", "paths", "sha256"}
    for i, item in enumerate(apps):
        where = f"apps[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item["id"]:
            raise CatalogueError(f"{where}: an app needs an id")
        where = f"apps[{i}] ({item['id']})"
        unknown = sorted(set(item) - known)
        if unknown:
            raise CatalogueError(f"{where}: unknown field {unknown[0]!r}")
        if item["id"].casefold() in seen:
            raise CatalogueError(f"{where}: the id appears twice")
        seen.add(item["id"].casefold())
        group = item.get("group")
        if group not in set(AppGroup):
            raise CatalogueError(f"{where}: group {group!r} is not one of {', '.join(AppGroup)}")
        name = item.get("name", item["id"])
        if not isinstance(name, str):
            raise CatalogueError(f"{where}: name must be text")
        entry = AppEntry(
            id=item["id"],
            name=name,
            group=AppGroup(group),
            names=_strings(item.get("names", []), f"{where}.names"),
            paths=_strings(item.get("paths", []), f"{where}.paths"),
            sha256=_strings(item.get("sha256", []), f"{where}.sha256"),
        )
        if not entry.names and not entry.paths and not entry.sha256:
            raise CatalogueError(f"{where}: give names, paths or sha256 to recognise it by")
        entries.append(entry)
    return Catalogue(entries)
