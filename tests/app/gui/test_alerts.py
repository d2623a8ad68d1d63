"""Immediate alerts in the console: a banner and a system notice as soon as one is raised,
the unseen count on the dashboard, Seen, and nothing left behind once the console locks."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.console.alerts import AlertBanner, ConsoleAlerts
from app.gui.console.dashboard import DashboardPage
from app.gui.i18n import Translations
from rules.records import Alert, AlertKind
from rules.text import Language
from tests.app.gui.conftest import Console, Service, sign_in
from tests.app.gui.sample import seed

AT = datetime(2026, 11, 22, 16, 5)


def raise_alert(service: Service, kind: AlertKind, detail: str, child: str = "Aruzhan") -> int:
    with service.store() as store:
        return store.add_alert(Alert(AT, child, kind, detail))


def watch_fast(console: Console) -> list[tuple[str, str]]:
    """Poll every 50 ms instead of 5 s; the system notices the console would show."""
    alerts: ConsoleAlerts = console.window.alerts
    alerts.watcher.timer.setInterval(50)
    notices: list[tuple[str, str]] = []
    alerts.notify = lambda title, text: notices.append((title, text))
    return notices


def dashboard(console: Console) -> DashboardPage:
    return console.window.workspace.dashboard


def test_an_alert_raised_while_the_console_is_open_shows_at_once(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    notices = watch_fast(family)
    banner: AlertBanner = family.window.alerts.banner
    qtbot.waitUntil(lambda: family.window.alerts.watcher.cursor is not None)
    assert banner.isHidden() and dashboard(family).alert_count.isHidden()

    raise_alert(service, AlertKind.SELF_HARM, "harm.example")
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert banner.headline.text() == "Aruzhan: Suicide and self-harm"
    assert banner.detail.text() == "harm.example · 22.11.2026 16:05"
    assert "call 150" in banner.advice.text()
    assert banner.more.isHidden()
    assert banner.geometry().top() < family.window.workspace.mapTo(family.window, banner.pos()).y()
    assert notices == [
        (
            "Aruzhan: Suicide and self-harm",
            f"harm.example · 22.11.2026 16:05\n{banner.advice.text()}",
        )
    ]
    page = dashboard(family)
    qtbot.waitUntil(lambda: page.alert_count.text() == "Alerts not seen yet: 1")
    assert page.alert_count.isVisible()
    assert page.cards["Aruzhan"].alerts.text() == "1 not seen yet"
    assert page.cards["Dana"].alerts.text() == "nothing new"

    raise_alert(service, AlertKind.BYPASS_ATTEMPT, "nordvpn.com")
    qtbot.waitUntil(lambda: banner.headline.text() == "Aruzhan: Attempt to get around the filter")
    assert banner.more.text() == "Also not seen yet: 1" and banner.more.isVisible()
    assert "spy" in banner.advice.text()
    assert len(notices) == 2

    banner.seen_button.click()
    assert banner.isHidden()
    qtbot.waitUntil(page.alert_count.isHidden, timeout=3000)
    assert page.cards["Aruzhan"].alerts.text() == "nothing new"
    with service.store() as store:
        assert store.unseen_alert_counts() == {}
    qtbot.wait(200)  # more polls: nothing comes back
    assert banner.isHidden() and len(notices) == 2


def test_alerts_not_seen_before_signing_in_wait_in_the_banner_without_a_notice(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    seed(service, datetime.now())
    raise_alert(service, AlertKind.CONTACT_RISK, "chat.example", child="Dana")
    raise_alert(service, AlertKind.SEXUAL_CONTENT, "adult.example", child="Dana")
    console = open_console(service)
    notices = watch_fast(console)
    banner = console.window.alerts.banner
    assert banner.isHidden()  # nothing shows before the PIN
    sign_in(qtbot, console)
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    assert banner.headline.text() == "Dana: Sexual content"
    assert "102" in banner.advice.text()
    assert banner.more.text() == "Also not seen yet: 1"
    page = dashboard(console)
    qtbot.waitUntil(lambda: page.cards["Dana"].alerts.text() == "2 not seen yet")
    qtbot.wait(200)
    assert notices == []  # the parent hears of these in the banner, not as a new event

    console.window.lock("session")
    assert banner.isHidden() and page.alert_count.isHidden()
    assert banner.alerts == []


def test_the_banner_speaks_the_consoles_language(
    qtbot: QtBot, family: Console, service: Service, translations: Translations
) -> None:
    watch_fast(family)
    raise_alert(service, AlertKind.SELF_HARM, "harm.example")
    banner = family.window.alerts.banner
    qtbot.waitUntil(banner.isVisible, timeout=3000)
    translations.switch(Language.KK)
    qtbot.waitUntil(lambda: banner.headline.text() == "Aruzhan: Суицид және өзіне зиян келтіру")
    assert "150" in banner.advice.text() and "call" not in banner.advice.text()
    assert banner.seen_button.text() == "Көрдім"
    translations.switch(Language.RU)
    qtbot.waitUntil(lambda: banner.headline.text() == "Aruzhan: Суицид и самоповреждение")
    assert banner.seen_button.text() == "Просмотрено"


def test_an_older_service_without_alerts_is_left_alone(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    watcher = family.window.alerts.watcher
    qtbot.waitUntil(lambda: watcher.cursor is not None)
    from rules.ipc import ErrorCode, IpcError

    watcher._on_error(IpcError(ErrorCode.UNKNOWN_METHOD, "no method 'alerts.recent'"))
    assert not watcher.timer.isActive()


def test_the_alert_screenshots_are_drawn(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from tests.app.gui.alert_screenshots import shoot

    made = shoot(tmp_path, ["ru"])
    assert [path.name for path in made] == ["console-alert-ru.png", "tray-refused-ru.png"]
    for path in made:
        assert not QImage(str(path)).isNull(), path.name
