"""The loop the demo and the root service share: events in, policy out, proxy and parts kept up."""

import logging
import shutil
import signal
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import FrameType

from app.listcompile import COMPILED_DIR, CURRENT_NAME
from app.report.alerts import raise_alerts
from app.service.budgets import BUDGETS_NAME, BudgetPublisher
from app.service.parts import Part, ServiceContext, parts
from app.service.snapshot import drain_events, publish_compiled, take_events, write_snapshot
from app.service.supervisor import ProxySupervisor
from app.store import Store
from rules.policy import Policy
from rules.policy_io import policy_to_dict
from rules.records import DecisionEvent
from rules.report_alerts import alert_kind

PUBLISHED_NATIONAL = "national.json"
MAX_UNALERTED = 1000  # risky events kept while the store refuses their alerts

logger = logging.getLogger(__name__)


class Upkeep:
    """Decision events from the proxy's spool into the store (risky ones raise alerts at
    once); the policy, the lists in force and the screen-time budgets out to the proxy.

    With `copy_national` the national list and the compiled lists are copied beside the
    snapshot, where the proxy's own user can read them (the root service keeps its data
    folder to itself). With `screentime_state` (the screen-time part's state file) the
    budget flags are published there too.
    """

    def __init__(
        self,
        store: Store,
        snapshot_dir: Path,
        spool: Path,
        national: Path,
        *,
        copy_national: bool = False,
        screentime_state: Path | None = None,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.store = store
        self.snapshot_dir = snapshot_dir
        self.spool = spool
        self.national = national
        self.lists_dir = national.parent  # where `qorgan lists` and the updates compile
        self.budgets = (
            None
            if screentime_state is None
            else BudgetPublisher(screentime_state, snapshot_dir / BUDGETS_NAME)
        )
        self._copy_national = copy_national
        self._now = now
        self._published: object = None
        self._unalerted: list[DecisionEvent] = []

    def publish_policy(
        self,
        policy: Policy,
        demo_child: str | None = None,
        listeners: Mapping[int, str] | None = None,
    ) -> bool:
        """Write a new snapshot if the policy, the children, the national list or the
        compiled lists (a new CURRENT pointer) changed."""
        try:
            national_stamp: object = self.national.stat().st_mtime_ns
        except OSError:
            national_stamp = None
        try:
            pointer = (self.lists_dir / COMPILED_DIR / CURRENT_NAME).stat()
            compiled_stamp: object = (pointer.st_ino, pointer.st_mtime_ns)
        except OSError:
            compiled_stamp = None
        ports = dict(listeners or {})
        state = (policy_to_dict(policy), demo_child, ports, national_stamp, compiled_stamp)
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
        lists_dir = self.lists_dir
        if self._copy_national:
            publish_compiled(self.lists_dir, self.snapshot_dir)
            lists_dir = self.snapshot_dir
        budgets = None if self.budgets is None else self.budgets.target
        write_snapshot(
            self.snapshot_dir,
            policy,
            national,
            demo_child,
            ports,
            lists_dir=lists_dir,
            budgets_file=budgets,
        )
        self._published = state
        return True

    def tick(self) -> None:
        """A second's exchange with the proxy: the screen-time budgets out, its events in."""
        if self.budgets is not None:
            try:
                self.budgets.publish()
            except OSError as error:  # the proxy's file then grows old, and is ignored
                logger.warning("screen-time budgets not published: %s", error)
        self.ingest()

    def ingest(self, final: bool = False) -> int:
        """Move spooled events into the store; `final` once the proxy has stopped writing."""
        events = drain_events(self.spool) if final else take_events(self.spool)
        if events:
            self.store.record_events(events)
        self._raise_alerts(events)
        return len(events)

    def _raise_alerts(self, events: Sequence[DecisionEvent]) -> None:
        """Self-harm, sexual-content, contact and bypass blocks become alerts at once.

        No e-mail is sent from here (a slow server would hold up the loop): the report
        part's next run, within a minute, sends the alerts e-mail. A batch the store
        refuses (busy, disk full) is tried again with the next one.
        """
        waiting = [*self._unalerted, *(event for event in events if alert_kind(event) is not None)]
        if not waiting:
            return
        try:
            raise_alerts(self.store, waiting, self._now(), None)
        except (OSError, sqlite3.Error) as error:
            self._unalerted = waiting[-MAX_UNALERTED:]
            logger.warning("alerts not raised yet, trying again: %s", error)
            return
        except Exception:  # a bug here must not stop the events or the loop
            logger.exception("alerts for %d risky events not raised", len(waiting))
        self._unalerted = []


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
