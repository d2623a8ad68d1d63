"""The loop the demo and the root service share: events in, policy out, proxy and parts kept up."""

import logging
import shutil
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import FrameType

from app.service.parts import Part, ServiceContext, parts
from app.service.snapshot import drain_events, take_events, write_snapshot
from app.service.supervisor import ProxySupervisor
from app.store import Store
from rules.policy import Policy
from rules.policy_io import policy_to_dict

PUBLISHED_NATIONAL = "national.json"

logger = logging.getLogger(__name__)


class Upkeep:
    """Decision events from the proxy's spool into the store; the policy out as a snapshot.

    With `copy_national` the national list is copied beside the snapshot, where the
    proxy's own user can read it (the root service keeps its data folder to itself).
    """

    def __init__(
        self,
        store: Store,
        snapshot_dir: Path,
        spool: Path,
        national: Path,
        *,
        copy_national: bool = False,
    ) -> None:
        self.store = store
        self.snapshot_dir = snapshot_dir
        self.spool = spool
        self.national = national
        self._copy_national = copy_national
        self._published: object = None

    def publish_policy(
        self,
        policy: Policy,
        demo_child: str | None = None,
        listeners: Mapping[int, str] | None = None,
    ) -> bool:
        """Write a new snapshot if the policy, the children or the national list changed."""
        try:
            national_stamp: object = self.national.stat().st_mtime_ns
        except OSError:
            national_stamp = None
        ports = dict(listeners or {})
        state = (policy_to_dict(policy), demo_child, ports, national_stamp)
        if state == self._published:
            return False
        national = self.national if national_stamp is not None else None
        if national is not None and self._copy_national:
            self.snapshot_dir.mkdir(parents=True, exist_ok=True)
            copy = self.snapshot_dir / PUBLISHED_NATIONAL
            temporary = copy.with_name(f".{copy.name}.tmp")
            shutil.copyfile(national, temporary)
            temporary.chmod(0o640)
            temporary.replace(copy)
            national = copy
        write_snapshot(self.snapshot_dir, policy, national, demo_child, ports)
        self._published = state
        return True

    def ingest(self, final: bool = False) -> int:
        """Move spooled events into the store; `final` once the proxy has stopped writing."""
        events = drain_events(self.spool) if final else take_events(self.spool)
        if events:
            self.store.record_events(events)
        return len(events)


def start_parts(context: ServiceContext) -> list[Part]:
    """Start every part of the service; the started ones, to stop in reverse order."""
    running: list[Part] = []
    try:
        for part in parts(context):
            part.start()
            running.append(part)
    except BaseException:
        stop_parts(running)
        raise
    return running


def stop_parts(running: Iterable[Part]) -> None:
    for part in reversed(list(running)):
        try:
            part.stop()
        except Exception:
            logger.exception("service part %s did not stop cleanly", part)


def tick_parts(running: Iterable[Part]) -> None:
    for part in running:
        try:
            part.tick()
        except Exception:
            logger.exception("service part %s failed; trying again next second", part)


def run_loop(
    stop: threading.Event,
    supervisor: ProxySupervisor,
    upkeep: Callable[[], object],
    running: Iterable[Part],
    *,
    watch: Callable[[], None] | None = None,
    poll_every: float = 0.2,
    upkeep_every: float = 1.0,
    clock: Callable[[], float] = time.monotonic,
) -> None:
    """Until `stop` is set: the proxy looked at five times a second (and `watch` told),
    the upkeep and every part once a second. A failed upkeep is tried again a second later.
    """
    running = list(running)
    due = clock() + upkeep_every
    while not stop.wait(poll_every):
        supervisor.poll()
        if watch is not None:
            try:
                watch()
            except (OSError, sqlite3.Error) as error:
                logger.warning("recording the proxy's state failed, trying again: %s", error)
        if clock() < due:
            continue
        due = clock() + upkeep_every
        try:
            upkeep()
        except (OSError, sqlite3.Error) as error:  # a busy or full disk: try next second
            logger.warning("service upkeep failed, trying again: %s", error)
        tick_parts(running)


type Handler = Callable[[int, FrameType | None], object] | int | None


def stop_on_signals(stop: threading.Event) -> dict[int, Handler]:
    """SIGINT and SIGTERM set `stop`; the handlers they had before, to put back."""

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous: dict[int, Handler] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, handle)
    return previous


def restore_signals(previous: Mapping[int, Handler]) -> None:
    for signum, handler in previous.items():
        signal.signal(signum, handler)
