"""The screen-time part with a real store and real processes; sessions faked (no login here)."""

import signal
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from types import MappingProxyType

import pytest

from app.platform.accounts import may_supervise
from app.platform.sessions import Session, SessionError
from app.service.procmon import ProcessMonitor
from app.service.screentime import ScreenTime
from app.service.screentime_store import (
    CLOCK_OFFSET,
    LOGOUT_AFTER_MINUTES,
    load_catalogue,
    read_state,
)
from app.store import Store
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.policy import ChildProfile, ChildRules, SchoolGroup, TimeGrant
from rules.records import AlertKind, Usage
from rules.screentime import Action
from rules.screentime_clock import Reading
from rules.screentime_state import SCREEN_APP, budget_flags
from tests.app.platform.childuser import CHILD, Programs, account, exit_signal, programs
from tests.rules.factories import day_rules, week

CATALOGUE = Path(__file__).resolve().parents[3] / "assets" / "apps" / "catalogue.json"
MONDAY = date(2026, 11, 23)


class Clock:
    """Both clocks, moved by the test: monotonic seconds and the PC's wall clock."""

    def __init__(self, wall: datetime) -> None:
        self.monotonic = 5000.0
        self.wall = wall

    def __call__(self) -> Reading:
        return Reading(self.monotonic, self.wall)

    def advance(self, seconds: float = 3.0, jump: timedelta = timedelta()) -> None:
        self.monotonic += seconds
        self.wall += timedelta(seconds=seconds) + jump


class FakeSessions:
    """The sessions adapter where no graphical login can exist: what the test says, and calls."""

    def __init__(self, *sessions: Session) -> None:
        self.found = list(sessions)
        self.locked: list[str] = []
        self.ended: list[str] = []
        self.broken: str | None = None

    def sessions(self) -> list[Session]:
        if self.broken is not None:
            raise SessionError(self.broken)
        return list(self.found)

    def lock(self, session: Session) -> None:
        self.locked.append(session.id)
        self.found = [replace(s, locked=True) if s.id == session.id else s for s in self.found]

    def log_out(self, session: Session) -> None:
        self.ended.append(session.id)
        self.found = [s for s in self.found if s.id != session.id]


class Notes:
    def __init__(self) -> None:
        self.shown: list[tuple[str, str, str]] = []

    def notify(self, account: str, title: str, body: str) -> bool:
        self.shown.append((account, title, body))
        return True


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "data" / "qorgan.db") as opened:
        yield opened


@pytest.fixture
def apps() -> Iterator[Programs]:
    with programs() as found:
        yield found


def child(**fields: object) -> ChildProfile:
    for key, value in fields.items():
        if isinstance(value, dict):
            fields[key] = MappingProxyType(value)
    rules = ChildRules(**fields)  # type: ignore[arg-type]
    return ChildProfile("Dana", AgeClass.TWELVE, accounts=(CHILD,), rules=rules)


def make(
    store: Store,
    profile: ChildProfile,
    sessions: FakeSessions,
    clock: Clock,
    supervisable: Callable[[str], bool] = may_supervise,
) -> tuple[ScreenTime, Notes]:
    account()
    if store.children():
        store.update_child(profile)
    else:
        store.add_child(profile)
    notes = Notes()
    part = ScreenTime(
        store,
        Path(str(store.db.conn.execute("PRAGMA database_list").fetchone()[2])).parent,
        sessions=sessions,
        monitor=ProcessMonitor(),
        catalogue=load_catalogue(CATALOGUE),
        clock=clock,
        notifier=notes,
        supervisable=supervisable,
    )
    part.start()
    return part, notes


def active() -> FakeSessions:
    return FakeSessions(Session("2", CHILD, active=True))


def test_a_blocked_game_started_by_the_child_is_gone_within_one_poll(store: Store, apps: Programs):
    part, notes = make(
        store, child(blocked_apps=("minecraft",)), active(), Clock(datetime(2026, 11, 23, 15))
    )
    game = apps.start("minecraft")
    other = apps.start("kalkulator")
    part.poll()
    assert exit_signal(game) == signal.SIGTERM
    assert other.poll() is None  # an app no one named goes on
    [(account_, title, body)] = notes.shown
    assert (account_, title) == (CHILD, "Qorgan") and body.startswith("Minecraft жабылды")
    notice = read_state(part.run_dir)["children"]["Dana"]["notices"][-1]  # type: ignore[index]
    assert notice["kind"] == "app_blocked" and "Minecraft" in notice["text"]["ru"]


@pytest.mark.parametrize(
    "rules",
    [{"app_budgets": {"minecraft": 1}}, {"category_budgets": {Category.GAMES: 1}}],
    ids=["app", "category"],
)
def test_a_game_is_closed_when_its_budget_is_spent(
    store: Store, apps: Programs, rules: dict[str, object]
) -> None:
    clock = Clock(datetime(2026, 11, 23, 15))
    part, notes = make(store, child(**rules), active(), clock)
    game = apps.start("minecraft")
    part.poll()
    for _ in range(19):
        clock.advance()
        part.poll()
    assert game.poll() is None  # 57 s of its minute
    clock.advance()
    part.poll()
    assert exit_signal(game) == signal.SIGTERM
    assert "Ертең қайта ашуға болады" in notes.shown[-1][2]
    again = apps.start("minecraft")  # started again the same day: closed at once
    clock.advance()
    part.poll()
    assert exit_signal(again) == signal.SIGTERM


def test_a_day_with_two_hours_warns_then_locks_at_two_hours(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 17, 0))
    store.add_usage(Usage("Dana", MONDAY, SCREEN_APP, 100 * 60))  # before a reboot
    sessions = active()
    part, notes = make(store, child(week=week(day_rules(allowance=120))), sessions, clock)
    locked_at = None
    for _ in range(500):
        status = part.poll()["Dana"]
        if sessions.locked and locked_at is None:
            locked_at = status.used
        clock.advance()
    assert locked_at == 120 * 60 and sessions.locked == ["2"]  # locked once: it stayed locked
    texts = [body for _, _, body in notes.shown]
    assert [t.split(" минут")[0].split()[-1] for t in texts[:3]] == ["15", "5", "1"]
    assert texts[3].startswith("Бүгінгі экран уақыты бітті")
    state = read_state(part.run_dir)["children"]["Dana"]  # type: ignore[index]
    assert state["used_seconds"] == 7200 and state["action"] == "lock"
    assert state["state"] == "used_up" and state["day_used_up"] is True
    assert budget_flags(read_state(part.run_dir))["dana"].day_used_up


def test_logged_out_after_the_grace_period(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 17, 0))
    store.set_setting(LOGOUT_AFTER_MINUTES, 1)
    sessions = active()
    part, _ = make(store, child(week=week(day_rules(allowance=0))), sessions, clock)
    statuses = []
    for _ in range(21):
        statuses.append(part.poll()["Dana"].action)
        clock.advance()
    assert statuses[0] is Action.LOCK and statuses[20] is Action.LOG_OUT
    assert sessions.locked == ["2"] and sessions.ended == ["2"]


def test_a_clock_moved_a_day_forward_changes_nothing_but_leaves_an_alert(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 17, 0))
    part, _ = make(store, child(week=week(day_rules(allowance=60))), active(), clock)
    for _ in range(10):
        before = part.poll()["Dana"]
        clock.advance()
    after = part.poll(clock())["Dana"]
    clock.advance(jump=timedelta(days=1))
    moved = part.poll()["Dana"]
    assert (moved.day, moved.used, moved.left) == (after.day, after.used + 3, after.left - 3)
    assert before.day == MONDAY
    [alert] = store.alerts(datetime(2026, 1, 1))
    assert alert.kind is AlertKind.CLOCK_CHANGE and alert.child is None
    assert alert.detail == "shift=+86400s; pc_clock=2026-11-24T17:00:33"
    assert store.setting(CLOCK_OFFSET) == 86400.0
    part.stop()
    restarted, _ = make(store, child(week=week(day_rules(allowance=60))), active(), clock)
    assert restarted.poll()["Dana"].day == MONDAY  # the offset is kept over a restart
    store.set_setting(CLOCK_OFFSET, 0)  # the parent says the new time is right
    clock.advance()
    assert restarted.poll()["Dana"].day == date(2026, 11, 24)
    assert len(store.alerts(datetime(2026, 1, 1))) == 1


def test_usage_is_saved_every_30_seconds_and_a_crash_loses_less(store: Store, apps: Programs):
    clock = Clock(datetime(2026, 11, 23, 15))
    profile = child(week=week(day_rules(allowance=120)))
    part, _ = make(store, profile, active(), clock)
    apps.start("minecraft")
    for _ in range(25):  # 72 s
        part.poll()
        clock.advance()
    saved = {u.app: u.seconds for u in store.usage("Dana", MONDAY, MONDAY)}
    assert saved == {SCREEN_APP: 60, "minecraft": 60, "@games": 60}  # saved at 0, 30 and 60 s
    del part  # a crash: nothing more is written
    again, _ = make(store, profile, active(), clock)
    assert again.poll()["Dana"].used == 60
    for _ in range(10):
        clock.advance()
        again.poll()
    again.stop()
    saved = {u.app: u.seconds for u in store.usage("Dana", MONDAY, MONDAY)}
    assert saved[SCREEN_APP] == 90 and saved["minecraft"] == 90


def test_time_counts_only_in_a_session_that_counts(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 15))
    sessions = FakeSessions(Session("2", CHILD, active=True, idle=True))
    part, _ = make(store, child(week=week(day_rules(allowance=60))), sessions, clock)
    for _ in range(5):
        part.poll()
        clock.advance()
    assert part.poll()["Dana"].used == 0
    assert read_state(part.run_dir)["children"]["Dana"]["state"] == "idle"  # type: ignore[index]
    sessions.broken = "System has not been booted with systemd"
    clock.advance()
    assert part.poll()["Dana"].used == 0
    assert read_state(part.run_dir)["children"]["Dana"]["state"] == "open"  # type: ignore[index]


def test_pupils_matched_by_pattern_are_watched(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 10))
    sessions = FakeSessions(Session("4", CHILD, active=True), Session("5", "root", active=True))
    lab = ChildProfile("Lab", AgeClass.TWELVE, rules=ChildRules(week=week(day_rules(allowance=45))))
    people = lambda name: may_supervise(name, first_uid=0)  # noqa: E731 (the test child's uid)
    part, _ = make(store, replace(child(), accounts=()), sessions, clock, supervisable=people)
    store.add_child(lab)
    patterns = (SchoolGroup("7A", "Lab", ("qorgan-test-ch*",)),)
    store.replace_policy(replace(store.policy(), groups=patterns, default_profile="Lab"))
    part.poll()
    clock.advance()
    statuses = part.poll()
    assert set(statuses) == {"Lab"}  # Dana has no account on this PC
    assert statuses["Lab"].used == 3 and statuses["Lab"].allowance == 45 * 60
    state = read_state(part.run_dir)["children"]  # type: ignore[index]
    assert state["Lab"]["accounts"] == [CHILD]  # root is never a pupil, even by default
    store.replace_policy(replace(store.policy(), groups=(), default_profile=None))
    clock.advance()
    assert part.poll() == {}
    [row] = [u for u in store.usage("Lab", MONDAY, MONDAY) if u.app == SCREEN_APP]
    assert row.seconds == 3  # what it had was saved when it stopped being watched


def test_ticked_every_second_it_polls_every_third_tick(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 15))
    part, _ = make(store, child(), active(), clock)
    for _ in range(12):
        part.tick()
        clock.advance(1.0 + 0.01)  # ticks drift a little late
    assert part.polls == 4
    part.stop()


def test_a_bypass_tool_is_closed_and_the_parent_hears_of_it(store: Store, apps: Programs) -> None:
    part, notes = make(store, child(), active(), Clock(datetime(2026, 11, 23, 15)))
    tool = apps.start("psiphon")
    part.poll()
    assert exit_signal(tool) == signal.SIGTERM
    [alert] = store.alerts(datetime(2026, 1, 1))
    assert (alert.kind, alert.child, alert.detail) == (AlertKind.BYPASS_ATTEMPT, "Dana", "psiphon")
    assert "VPN, Tor" in notes.shown[-1][2]


def test_a_grant_is_told_to_the_child_and_unlocks_the_day(store: Store) -> None:
    clock = Clock(datetime(2026, 11, 23, 15))
    sessions = active()
    profile = child(week=week(day_rules(allowance=1)))
    part, notes = make(store, profile, sessions, clock)
    for _ in range(21):
        status = part.poll()["Dana"]
        clock.advance()
    assert status.action is Action.LOCK and sessions.locked == ["2"]
    store.add_time_grant("Dana", TimeGrant(MONDAY, 30, clock.wall))
    status = part.poll()["Dana"]
    assert status.action is Action.NONE and status.left == 30 * 60
    assert notes.shown[-1][2] == "Ата-анаң саған тағы 30 минут берді. Уақытың жақсы өтсін!"


def test_a_broken_extra_catalogue_is_left_out(tmp_path: Path) -> None:
    extra = tmp_path / "catalogue.json"
    extra.write_text('{"qorgan_apps": 1, "apps": [{"id": "x"}]}')
    catalogue = load_catalogue(extra, tmp_path / "missing.json", CATALOGUE)
    assert catalogue.entries and catalogue.entries[0].id == "minecraft"
