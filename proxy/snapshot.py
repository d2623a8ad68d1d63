"""The files the worker shares with the service: the policy snapshot in, decision events out."""

import gc
import logging
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from app.jsonfile import JsonFileError, read_json
from app.lists import load_lists
from app.paths import assets_dir
from rules.lists import MemoryLists
from rules.policy import Policy
from rules.policy_io import policy_from_dict
from rules.records import DecisionEvent
from rules.wire import SNAPSHOT_VERSION, event_to_json

MAX_WAITING_EVENTS = 10_000

logger = logging.getLogger(__name__)


class SnapshotError(ValueError):
    """A snapshot that cannot be used; the one-line message names the file and the problem."""


@dataclass(frozen=True)
class Snapshot:
    """What the proxy decides with: the policy, the lists, and whose rules apply in the demo.

    `national_url_sites` are the sites where the national list closes some pages only;
    `budgets_file` holds the children's screen-time budget flags (proxy/budgets.py).
    """

    policy: Policy
    lists: MemoryLists
    demo_child: str | None
    national_url_sites: frozenset[str] = frozenset()
    budgets_file: Path | None = None


def load_snapshot(path: Path) -> Snapshot:
    """The snapshot in `path` with the lists it names, or SnapshotError saying what is wrong."""
    try:
        data = read_json(path)
    except JsonFileError as error:
        raise SnapshotError(str(error)) from None
    if not isinstance(data, Mapping) or data.get("snapshot") != SNAPSHOT_VERSION:
        raise SnapshotError(f"{path}: not a Qorgan policy snapshot of version {SNAPSHOT_VERSION}")
    try:
        policy = policy_from_dict(data.get("policy"))
    except ValueError as error:
        raise SnapshotError(f"{path}: policy: {error}") from None
    national_file = data.get("national_file")
    demo_child = data.get("demo_child")
    if not isinstance(national_file, str | None) or not isinstance(demo_child, str | None):
        raise SnapshotError(f"{path}: national_file and demo_child must be text or null")
    lists_dir, budgets_file = data.get("lists_dir"), data.get("budgets_file")
    if not isinstance(lists_dir, str | None) or not isinstance(budgets_file, str | None):
        raise SnapshotError(f"{path}: lists_dir and budgets_file must be text or null")
    if demo_child is not None:
        try:
            policy.child(demo_child)
        except LookupError:
            raise SnapshotError(f"{path}: demo_child: no child called {demo_child!r}") from None
    national = None if national_file is None else Path(national_file)
    try:
        # The starter, compiled and national lists (compiled ones by default beside the national).
        loaded = load_lists(assets_dir(), national, None if lists_dir is None else Path(lists_dir))
        lists, sites = loaded.lists, loaded.national_url_sites
    except ValueError as error:
        raise SnapshotError(f"{path}: lists: {error}") from None
    # Lists are long-lived: the collector need not walk their million objects ever again.
    gc.collect()
    gc.freeze()
    budgets = None if budgets_file is None else Path(budgets_file)
    return Snapshot(policy, lists, demo_child, sites, budgets)


type Stamp = tuple[int, int, int]


def _stamp(path: Path) -> Stamp | None:
    """What changes when the file is replaced: its inode, size and modification time."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_ino, stat.st_size, stat.st_mtime_ns)


class SnapshotWatcher:
    """The newest good snapshot in a file, looked at no more than once per `interval` seconds.

    A new file that cannot be used is logged and the previous good snapshot stays;
    a file that disappears leaves the last snapshot in force too.
    """

    def __init__(self, path: Path, clock: Callable[[], float], interval: float = 1.0) -> None:
        self.path = path
        self.current: Snapshot | None = None
        self.error: str | None = None
        self._clock = clock
        self._interval = interval
        self._stamp: Stamp | None = None
        self._checked: float | None = None

    def load(self) -> None:
        """Load the file now if it exists (at start-up); SnapshotError if it is unusable."""
        self._checked = self._clock()
        self._stamp = _stamp(self.path)
        if self._stamp is not None:
            self._take(load_snapshot(self.path))

    def refresh(self) -> Snapshot | None:
        """The snapshot to decide with, reloaded first if the file has changed."""
        now = self._clock()
        if self._checked is not None and now - self._checked < self._interval:
            return self.current
        self._checked = now
        stamp = _stamp(self.path)
        if stamp is None or stamp == self._stamp:
            return self.current
        self._stamp = stamp
        try:
            self._take(load_snapshot(self.path))
        except SnapshotError as error:
            self.error = str(error)
            logger.error("policy snapshot not reloaded, keeping the previous one: %s", error)
        return self.current

    def _take(self, snapshot: Snapshot) -> None:
        self.current = snapshot
        self.error = None
        logger.info("policy snapshot loaded from %s", self.path)


class EventSpool:
    """Decisions on their way to the JSON-lines spool that the service moves into the store.

    A batch is appended when it holds `batch_size` events or `interval` seconds have
    passed since the last append; the request path never waits for the database.
    """

    def __init__(
        self, path: Path | None, clock: Callable[[], float], interval: float = 1.0
    ) -> None:
        self.path = path
        self.interval = interval
        self.batch_size = 100
        self.waiting: list[DecisionEvent] = []
        self._clock = clock
        self._flushed = clock()

    def add(self, event: DecisionEvent) -> None:
        if self.path is None:
            return
        self.waiting.append(event)
        if len(self.waiting) >= self.batch_size or self._clock() - self._flushed >= self.interval:
            self.flush()

    def flush(self) -> None:
        """Append the waiting events in one write; on failure they wait for the next try."""
        self._flushed = self._clock()
        if self.path is None or not self.waiting:
            return
        text = "".join(event_to_json(event) + "\n" for event in self.waiting)
        try:
            with self.path.open("ab") as file:
                file.write(text.encode("utf-8"))
        except OSError as error:
            logger.error("decision events not written to %s: %s", self.path, error)
            del self.waiting[:-MAX_WAITING_EVENTS]
            return
        self.waiting.clear()
