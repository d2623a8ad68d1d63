"""A new parent's first run against the real demo: wizard, a rule, a request, the proxy obeys."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from pytestqt.qtbot import QtBot

from app.gui.console.child_editor import ChildEditorPage
from app.gui.console.idle import IdleWatcher
from app.gui.console.requests import RequestsPage
from app.gui.console.state import ConsoleState
from app.gui.console.window import ConsoleWindow
from app.gui.i18n import Translations, build
from app.gui.qtipc import ServiceClient
from app.ipc.client import IpcClient
from app.paths import database_path, socket_path
from app.store import Store
from rules.policy import Bedtime, Interval, Weekday
from rules.records import RequestStatus
from rules.text import Language
from tests.e2e.test_demo import Demo, Upstream, free_port, wait_for

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.timeout(90),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]
PIN = "8642"


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Demo]:
    for variable in ("no_proxy", "NO_PROXY"):  # the local upstream must go through the proxy
        monkeypatch.delenv(variable, raising=False)
    started = Demo(tmp_path / "data", free_port())
    yield started
    if started.process.poll() is None:
        started.kill()


@contextmanager
def open_console(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, language: Language
) -> Iterator[tuple[ConsoleWindow, ConsoleState]]:
    """The parent console, shown and connected to the demo's service, in `language`."""
    build(tmp_path / "i18n")
    translations = Translations(qapp, tmp_path / "i18n")
    translations.switch(language)
    client = ServiceClient(socket_path(tmp_path / "data"))
    state = ConsoleState(client)
    idle = IdleWatcher(qapp)
    window = ConsoleWindow(
        state,
        choose_language=translations.switch,
        idle=idle,
        today=date.today(),
        set_idle_minutes=lambda minutes: None,
        idle_minutes=5,
    )
    qtbot.addWidget(window)
    window.show()
    client.start()
    try:
        yield window, state
    finally:
        idle.stop()
        client.stop()
        translations.uninstall()


def sign_in(qtbot: QtBot, window: ConsoleWindow) -> None:
    qtbot.waitUntil(window.login.pin.isEnabled, timeout=10_000)
    window.login.pin.setText(PIN)
    window.login.submit()


def status_through(demo: Demo, url: str) -> int | None:
    try:
        return demo.get(url)[0]
    except OSError:
        return None


def run_the_wizard(qtbot: QtBot, window: ConsoleWindow) -> None:
    """In Kazakh: the PIN, the demo's child as she is, home, and the check."""
    wizard = window.wizard
    qtbot.waitUntil(lambda: window.stack.currentWidget() is wizard, timeout=10_000)
    assert wizard.language_page.title() == "Qorgan-ға қош келдіңіз"
    wizard.next()
    wizard.pin_page.pin.setText(PIN)
    wizard.pin_page.repeat.setText(PIN)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.children_page, timeout=10_000)
    qtbot.waitUntil(wizard.children_page.isComplete, timeout=10_000)  # the demo's Aruzhan
    wizard.next()
    wizard.next()  # home
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.check_page, timeout=10_000)
    report = wizard.check_page.report
    qtbot.waitUntil(
        lambda: report.states["firewall"].text() == "көрсетілім режимі: қолданылмайды",
        timeout=10_000,
    )
    assert report.states["ca"].text() == "осы компьютерде жасалған"  # mitmdump made it
    assert report.states["national"].text().startswith("нұсқасы")
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)


def deny_in_the_console(qtbot: QtBot, window: ConsoleWindow, host: str) -> None:
    window.workspace.show_view("children")
    editor = window.workspace.views["children"]
    assert isinstance(editor, ChildEditorPage)
    qtbot.waitUntil(editor.save.isEnabled, timeout=10_000)
    assert editor.picker.currentData() == "Aruzhan"
    editor.deny.entry.setText(host)
    editor.deny.add.click()
    editor.save.click()
    qtbot.waitUntil(lambda: editor.note.text().startswith("Сақталды"), timeout=10_000)


def approve_in_the_console(qtbot: QtBot, window: ConsoleWindow, state: ConsoleState) -> None:
    state.refresh_requests()
    window.workspace.show_view("requests")
    inbox = window.workspace.views["requests"]
    assert isinstance(inbox, RequestsPage)
    qtbot.waitUntil(lambda: inbox.table.rowCount() == 1, timeout=10_000)
    inbox.table.selectRow(0)
    inbox.approve.click()
    qtbot.waitUntil(lambda: inbox.note.text() == "Мақұлданды.", timeout=10_000)


def test_a_new_parent_sets_up_qorgan_and_the_proxy_obeys_the_console(
    qtbot: QtBot, qapp: QApplication, demo: Demo, tmp_path: Path
) -> None:
    demo.wait_for_line(f"listening on http://127.0.0.1:{demo.port}", timeout=30)
    data = tmp_path / "data"
    upstream = Upstream()
    local = f"http://localhost:{upstream.port}/hello"
    assert status_through(demo, local) == 200

    with open_console(qtbot, qapp, tmp_path, Language.KK) as (window, state):
        run_the_wizard(qtbot, window)
        deny_in_the_console(qtbot, window, "localhost")
        wait_for(
            "the console's deny rule reaching the proxy",
            lambda: status_through(demo, local) == 403 or None,
            timeout=15,
        )
        hits = upstream.hits
        status, page = demo.get(local)
        assert status == 403 and "localhost" in page
        assert upstream.hits == hits  # the request never left the proxy

        # The child asks for time (as the tray does); the parent approves in the console.
        with IpcClient(socket_path(data)) as child_side:
            asked = child_side.call("screentime.ask", minutes=20, message="үй тапсырмасы")
        assert isinstance(asked, dict) and asked["status"] == "pending"
        approve_in_the_console(qtbot, window, state)
    with Store.open(database_path(data)) as store:
        [request] = store.requests()
        child = store.child("Aruzhan")
    assert request.status is RequestStatus.APPROVED
    assert child.rules.deny == ("localhost",)
    assert [g.minutes for g in child.rules.time_grants] == [20]


def test_a_bypass_attempt_through_the_proxy_shows_at_once_in_the_open_console(
    qtbot: QtBot, qapp: QApplication, demo: Demo, tmp_path: Path
) -> None:
    """The proxy blocks a DoH resolver, the service raises the alert from the event, and the
    console that is already open shows it in its banner and as a system notification."""
    demo.wait_for_line(f"listening on http://127.0.0.1:{demo.port}", timeout=30)
    data = tmp_path / "data"
    with IpcClient(socket_path(data)) as first_run:
        first_run.call("auth.set_pin", pin=PIN)
    notices: list[tuple[str, str]] = []
    with open_console(qtbot, qapp, tmp_path, Language.EN) as (window, _):
        window.alerts.notify = lambda title, text: notices.append((title, text))
        banner = window.alerts.banner
        sign_in(qtbot, window)
        qtbot.waitUntil(lambda: window.alerts.watcher.cursor is not None, timeout=10_000)
        assert banner.isHidden() and notices == []

        assert demo.get("http://dns.google/resolve?name=example.com")[0] == 403
        qtbot.waitUntil(banner.isVisible, timeout=15_000)  # ingest each second, poll each 5 s
        assert banner.headline.text() == "Aruzhan: Attempt to get around the filter"
        assert banner.detail.text().startswith("dns.google · ")
        assert [title for title, _ in notices] == ["Aruzhan: Attempt to get around the filter"]
        dashboard = window.workspace.dashboard
        qtbot.waitUntil(lambda: dashboard.alert_count.text() == "Alerts not seen yet: 1")

        demo.get("http://dns.google/resolve?name=example.org")  # the same site: folded
        banner.seen_button.click()
        qtbot.waitUntil(dashboard.alert_count.isHidden, timeout=10_000)
        qtbot.wait(6000)  # a poll later, nothing new
        assert banner.isHidden() and len(notices) == 1
    with Store.open(database_path(data)) as store:
        assert store.unseen_alert_counts() == {}
        assert [a.detail for a in store.alerts_after(0)] == ["dns.google"]


def qorgan_check(data: Path, at: datetime) -> tuple[int, str]:
    """`qorgan check` for the demo's child as of `at`: its exit status and what it said."""
    import subprocess

    from tests.e2e.test_demo import QORGAN

    command = [str(QORGAN), "--data-dir", str(data), "--lang", "en", "check"]
    command += ["http://example.org/", "--child", "Aruzhan", "--at", at.isoformat()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    return done.returncode, done.stdout


def set_bedtime_in_the_console(qtbot: QtBot, window: ConsoleWindow, weekday: Weekday) -> None:
    """In Russian: the day's bedtime 21:00 to 07:00 and homework time 16:00-17:00, saved."""
    from PySide6.QtCore import QTime

    from app.gui.console.schedule import SchedulePage

    window.workspace.show_view("schedule")
    page = window.workspace.views["schedule"]
    assert isinstance(page, SchedulePage)
    qtbot.waitUntil(page.save.isEnabled, timeout=10_000)
    row = page.days.rows[weekday]
    row.bedtime.setChecked(True)
    row.sleep.setTime(QTime(21, 0))
    row.wake.setTime(QTime(7, 0))
    row.free.setText("16:00-17:00")
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Сохранено"), timeout=10_000)


def test_a_bedtime_set_in_the_console_is_what_qorgan_check_enforces(
    qtbot: QtBot, qapp: QApplication, demo: Demo, tmp_path: Path
) -> None:
    """Bedtime and homework time set in the schedule reach the store the filter reads.

    The bedtime is three days ahead, so the running demo's screen time is not touched now.
    """
    demo.wait_for_line(f"listening on http://127.0.0.1:{demo.port}", timeout=30)
    data = tmp_path / "data"
    with IpcClient(socket_path(data)) as first_run:
        first_run.call("auth.set_pin", pin=PIN)
    night = date.today() + timedelta(days=3)
    weekday = Weekday(night.weekday())
    with open_console(qtbot, qapp, tmp_path, Language.RU) as (window, state):
        sign_in(qtbot, window)
        qtbot.waitUntil(lambda: bool(state.policy.children), timeout=10_000)
        set_bedtime_in_the_console(qtbot, window, weekday)
    with Store.open(database_path(data)) as store:
        rules = store.child("Aruzhan").rules.week[weekday]
    assert rules.bedtime == Bedtime(21 * 60, 7 * 60)
    assert rules.free_intervals == (Interval(16 * 60, 17 * 60),)
    morning = night + timedelta(days=1)
    assert qorgan_check(data, datetime.combine(night, time(20, 59)))[0] == 0
    status, said = qorgan_check(data, datetime.combine(night, time(21, 0)))
    assert status == 1 and "bedtime" in said.lower(), said
    assert qorgan_check(data, datetime.combine(morning, time(6, 59)))[0] == 1  # the next morning
    assert qorgan_check(data, datetime.combine(morning, time(7, 0)))[0] == 0
