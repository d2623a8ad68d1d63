"""The screen-time part of the service: every poll, count, warn, close apps, lock, log out.

A poll (every 3 s) reads both clocks, the policy, the sessions and the child's processes,
advances each child's meter (`rules.screentime`), closes the apps the rules stop, locks a
session whose time is up (and logs it out after the grace period, if one is set), tells
the child through the tray's state and `notify-send`, writes `run/screentime.json`, and
saves the day's use every 30 s and on stop.
"""

import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from app.paths import assets_dir
from app.platform.accounts import may_supervise
from app.platform.adapters import session_adapter
from app.platform.clock import read_clock
from app.platform.notify import Notifier, NotifySend
from app.platform.sessions import Session, SessionAdapter, SessionError
from app.service.procmon import Proc, ProcessMonitor
from app.service.screentime_store import (
    CLOCK_OFFSET,
    RUN_DIR,
    SAVE_EVERY,
    Notices,
    Settings,
    UsageBook,
    load_catalogue,
    read_settings,
    tray_mark,
    write_state,
)
from app.store import Store
from rules.apps import Catalogue, ChildApps, RunningApp, StopReason, decide_process
from rules.ipc import JsonValue
from rules.policy import ChildProfile, ChildRules, Policy
from rules.records import Alert, AlertKind
from rules.screentime import Action, Limits, Meter, Status, TimeUp, advance
from rules.screentime_clock import ClockChange, Reading, Step, TrustedClock
from rules.screentime_limits import screen_day
from rules.screentime_state import status_to_dict
from rules.screentime_text import GRANTED, TIME_UP, TITLE, WARNING, stopped_notice
from rules.text import Text

if TYPE_CHECKING:
    from app.service.parts import ServiceContext

TRAY_FRESH = 30.0
TICK_SLACK = 0.25

logger = logging.getLogger(__name__)


@dataclass
class _Child:
    """What the part remembers of a child between polls."""

    meter: Meter
    status: Status | None = None
    stopped: set[tuple[int, float]] = field(default_factory=set)


class ScreenTime:
    """The part; give it the store, the data folder and the OS adapters."""

    def __init__(
        self,
        store: Store,
        data_dir: Path,
        *,
        sessions: SessionAdapter,
        monitor: ProcessMonitor,
        catalogue: Catalogue,
        clock: Callable[[], Reading] = read_clock,
        notifier: Notifier | None = None,
        supervisable: Callable[[str], bool] = may_supervise,
    ) -> None:
        self.store = store
        self.run_dir = data_dir / RUN_DIR
        self.sessions = sessions
        self.monitor = monitor
        self.catalogue = catalogue
        self.clock = clock
        self.notifier = notifier
        self.supervisable = supervisable
        self.book = UsageBook(store)
        self.notices = Notices()
        self._names = {entry.id: entry.name for entry in catalogue.entries}
        self._trusted: TrustedClock | None = None
        self._children: dict[str, _Child] = {}
        self._apps: dict[
            str, tuple[ChildRules, ChildApps, dict[tuple[int, float], RunningApp | None]]
        ] = {}
        self._supervisable: dict[str, bool] = {}
        self._next_poll = -math.inf
        self._next_save = -math.inf
        self._session_problem: str | None = None
        self._poll_ms = 0  # notices are numbered from the monotonic clock: new ones are larger
        self.polls = 0

    @classmethod
    def for_service(cls, context: "ServiceContext") -> "ScreenTime":
        catalogue = load_catalogue(
            context.data_dir / "apps" / "catalogue.json",
            assets_dir() / "apps" / "catalogue.json",
        )
        settings = read_settings(context.store)
        monitor = ProcessMonitor(hash_executables=settings.hash_executables)
        return cls(
            context.store,
            context.data_dir,
            sessions=session_adapter(),
            monitor=monitor,
            catalogue=catalogue,
            notifier=NotifySend(),
        )

    def start(self) -> None:
        self.run_dir.mkdir(parents=True, exist_ok=True)

    def tick(self) -> None:
        reading = self.clock()
        # Ticks come about once a second: a poll due within a quarter second is due now,
        # so a 3 s poll is every third tick rather than every fourth.
        if reading.monotonic >= self._next_poll - TICK_SLACK:
            self.poll(reading)

    def stop(self) -> None:
        self.save()

    def save(self) -> None:
        """Write each child's new whole seconds to the store."""
        for name, child in self._children.items():
            self.book.save(name, child.meter.use)

    # One poll

    def poll(self, reading: Reading | None = None) -> dict[str, Status]:
        """Count, enforce and publish once; each child's status by name."""
        reading = reading if reading is not None else self.clock()
        settings = read_settings(self.store)
        step = self._step(reading, settings)
        self.polls += 1
        self._poll_ms = int(reading.monotonic * 1000)
        self._next_poll = reading.monotonic + settings.poll_seconds
        policy = self.store.policy()
        sessions = self._all_sessions()
        watched = self._watched(policy, sessions)
        processes = self.monitor.scan({a for _, accounts in watched.values() for a in accounts})
        limits = Limits(settings.day_start_hour, settings.logout_after)
        statuses: dict[str, Status] = {}
        published: dict[str, dict[str, JsonValue]] = {}
        for name, (profile, accounts) in watched.items():
            folded = {account.casefold() for account in accounts}
            mine = [s for s in sessions if s.account.casefold() in folded]
            procs = [p for p in processes if p.account.casefold() in folded]
            status = self._account(profile, step, mine, procs, limits)
            statuses[name] = status
            published[name] = self._published(profile, status, accounts, mine)
        for gone in set(self._children) - set(watched):
            self.book.save(gone, self._children.pop(gone).meter.use)
        write_state(self.run_dir, step.now, published)
        if reading.monotonic >= self._next_save:
            self.save()
            self._next_save = reading.monotonic + SAVE_EVERY
        return statuses

    def _step(self, reading: Reading, settings: Settings) -> Step:
        if self._trusted is None:
            self._trusted = TrustedClock.start(
                reading, settings.clock_offset, settings.poll_seconds
            )
        elif settings.clock_offset == 0 != self._trusted.offset:  # a parent accepted the clock
            self._trusted = self._trusted.accept_wall_clock()
        trusted = replace(self._trusted, poll_seconds=settings.poll_seconds)
        self._trusted, step = trusted.advance(reading)
        if step.change is not None:
            self._clock_changed(step.change, self._trusted.offset)
        return step

    def _clock_changed(self, change: ClockChange, offset: float) -> None:
        logger.warning(
            "the PC's clock moved by %+.0f s; screen time goes on unchanged", change.shift
        )
        detail = f"shift={change.shift:+.0f}s; pc_clock={change.wall.isoformat(timespec='seconds')}"
        self.store.add_alert(Alert(change.at, None, AlertKind.CLOCK_CHANGE, detail))
        self.store.set_setting(CLOCK_OFFSET, offset)

    def _all_sessions(self) -> list[Session]:
        try:
            found = self.sessions.sessions()
        except SessionError as error:
            if str(error) != self._session_problem:
                logger.warning("no session information, so no time counts: %s", error)
            self._session_problem = str(error)
            return []
        self._session_problem = None
        return found

    def _watched(
        self, policy: Policy, sessions: list[Session]
    ) -> dict[str, tuple[ChildProfile, set[str]]]:
        """Children by name with their accounts: those named, and people matched by pattern."""
        watched: dict[str, tuple[ChildProfile, set[str]]] = {}
        named = set()
        for child in policy.children:
            if child.accounts:
                watched[child.name] = (child, set(child.accounts))
                named |= {account.casefold() for account in child.accounts}
        for session in sessions:
            account = session.account
            if account.casefold() in named or not self._may_supervise(account):
                continue
            try:
                profile = policy.profile_for_account(account)
            except LookupError:
                continue
            if profile is not None:
                watched.setdefault(profile.name, (profile, set()))[1].add(account)
        return watched

    def _may_supervise(self, account: str) -> bool:
        if account not in self._supervisable:
            self._supervisable[account] = self.supervisable(account)
        return self._supervisable[account]

    def _account(
        self,
        profile: ChildProfile,
        step: Step,
        sessions: list[Session],
        procs: list[Proc],
        limits: Limits,
    ) -> Status:
        name = profile.name
        child = self._children.get(name)
        if child is None:
            use = self.book.load(name, screen_day(step.now, limits.day_start_hour))
            child = self._children[name] = _Child(Meter(use))
        running = [
            (proc, app)
            for proc, app in self._classified(profile, procs)
            if self.monitor.alive(proc)
        ]
        counting = any(session.counts for session in sessions)
        apps = [app for _, app in running]
        child.meter, status, finished = advance(
            child.meter, step, counting, apps, rules=profile.rules, limits=limits
        )
        if finished is not None:
            self.book.save(name, finished)
            child.stopped.clear()
        self._stop_apps(profile, child, running, status, step)
        self._enforce(status, sessions)
        self._tell(profile, child.status, status, step, sessions)
        child.status = status
        return status

    def _classified(
        self, profile: ChildProfile, procs: list[Proc]
    ) -> list[tuple[Proc, RunningApp]]:
        cached = self._apps.get(profile.name)
        if cached is None or cached[0] != profile.rules:
            cached = (profile.rules, ChildApps(profile.rules, self.catalogue), {})
            self._apps[profile.name] = cached
        _, apps, known = cached
        found = []
        current = {}
        for proc in procs:
            key = (proc.pid, proc.started)
            app = known[key] if key in known else apps.classify(proc.executable)
            current[key] = app
            if app is not None:
                found.append((proc, app))
        known.clear()
        known.update(current)
        return found

    def _stop_apps(
        self,
        profile: ChildProfile,
        child: _Child,
        running: list[tuple[Proc, RunningApp]],
        status: Status,
        step: Step,
    ) -> None:
        for proc, app in running:
            seconds = child.meter.use.apps.get(app.key, 0.0)
            reason = decide_process(app, seconds, status.used_up_categories)
            if reason is None:
                continue
            outcome = self.monitor.stop(proc)
            logger.info(
                "closed %s (pid %s) of %s: %s, %s", app.key, proc.pid, profile.name, reason, outcome
            )
            key = (proc.pid, proc.started)
            if key in child.stopped:
                continue
            child.stopped.add(key)
            name = self._names.get(app.key, proc.executable.name or app.key)
            text = stopped_notice(reason, name, app.category)
            self._notice(profile, f"app_{reason}", step, text, [proc.account])
            if reason is StopReason.BYPASS:
                self.store.add_alert(
                    Alert(step.now, profile.name, AlertKind.BYPASS_ATTEMPT, app.key)
                )

    def _enforce(self, status: Status, sessions: list[Session]) -> None:
        for session in sessions:
            try:
                if status.action is Action.LOG_OUT:
                    self.sessions.log_out(session)
                elif status.action is Action.LOCK and session.active and not session.locked:
                    self.sessions.lock(session)
            except SessionError as error:
                logger.warning("could not %s session %s: %s", status.action, session.id, error)

    def _tell(
        self,
        profile: ChildProfile,
        before: Status | None,
        status: Status,
        step: Step,
        sessions: list[Session],
    ) -> None:
        accounts = sorted({session.account for session in sessions if session.active})
        if status.warning is not None and status.left is not None:
            minutes = math.ceil(status.left / 60)
            self._notice(profile, "warning", step, WARNING.format(minutes=minutes), accounts)
        if status.time_up is not None and (before is None or before.time_up is None):
            self._notice(
                profile, f"time_up_{status.time_up}", step, TIME_UP[status.time_up], accounts
            )
        if (
            before is not None
            and before.day == status.day
            and before.allowance is not None
            and status.allowance is not None
            and status.allowance > before.allowance
        ):
            minutes = round((status.allowance - before.allowance) / 60)
            self._notice(profile, "granted", step, GRANTED.format(minutes=minutes), accounts)

    def _notice(
        self, profile: ChildProfile, kind: str, step: Step, text: Text, accounts: list[str]
    ) -> None:
        self.notices.add(profile.name, kind, step.now, text, self._poll_ms)
        if self.notifier is None:
            return
        for account in accounts:
            if not self._tray_seen(account):
                self.notifier.notify(
                    account, TITLE.get(profile.language), text.get(profile.language)
                )

    def _tray_seen(self, account: str) -> bool:
        try:
            touched = tray_mark(self.run_dir, account).stat().st_mtime
        except OSError:
            return False
        return abs(time.time() - touched) < TRAY_FRESH

    def _published(
        self, profile: ChildProfile, status: Status, accounts: set[str], sessions: list[Session]
    ) -> dict[str, JsonValue]:
        data = status_to_dict(status, accounts)
        data["state"] = _state(status, sessions)
        data["language"] = str(profile.language)
        data["notices"] = self.notices.of(profile.name)
        return data


def _state(status: Status, sessions: list[Session]) -> str:
    """One word for the console and tray: why closed, or how the child is using the PC."""
    if status.time_up is TimeUp.ALLOWANCE:
        return "used_up"
    if status.time_up is not None:
        return str(status.time_up)
    if any(session.counts for session in sessions):
        return "active"
    if any(session.locked for session in sessions):
        return "locked"
    return "idle" if sessions else "open"
