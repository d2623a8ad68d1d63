"""The PIN screen, the lock after wrong PINs, the idle lock, and working without the service."""

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.console.login import locked_until
from rules.ipc import ErrorCode, IpcError
from tests.app.gui.conftest import Console, Service, sign_in


def type_pin(qtbot: QtBot, console: Console, pin: str) -> None:
    login = console.window.login
    qtbot.waitUntil(login.pin.isEnabled, timeout=5000)
    login.pin.setText(pin)
    login.submit()


def test_the_right_pin_opens_the_dashboard(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    service.with_pin_and_child()
    console = open_console(service)
    assert console.window.stack.currentWidget() is console.window.login
    sign_in(qtbot, console)
    qtbot.waitUntil(lambda: console.window.stack.currentWidget() is console.window.workspace)
    assert console.window.workspace.current_view() == "dashboard"
    assert [child.name for child in console.state.policy.children] == ["Aruzhan"]


def test_wrong_pins_are_counted_then_the_lock_and_its_end_are_shown(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    service.with_pin_and_child()
    console = open_console(service)
    login = console.window.login
    for tries in range(1, 5):
        type_pin(qtbot, console, "0000")
        qtbot.waitUntil(lambda t=tries: f"Wrong PIN ({t} in a row)" in login.note.text())
    type_pin(qtbot, console, "0000")
    qtbot.waitUntil(lambda: "Locked until" in login.note.text(), timeout=5000)
    assert login.locked_until is not None
    assert not login.pin.isEnabled()  # nothing to type until the lock ends
    assert "s left)" in login.note.text()
    left = int(login.note.text().split("(")[1].split(" ")[0])
    assert 55 <= left <= 61
    assert not console.state.unlocked


def test_the_lock_time_is_read_from_the_services_answer() -> None:
    error = IpcError(ErrorCode.LOCKED, "locked until 2026-11-22T18:05:00")
    assert locked_until(error) is not None
    assert locked_until(error).isoformat() == "2026-11-22T18:05:00"  # type: ignore[union-attr]
    assert locked_until(IpcError(ErrorCode.LOCKED, "locked")) is None


def test_the_console_locks_itself_when_left_alone(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    service.with_pin_and_child()
    console = open_console(service, idle_ms=300)
    sign_in(qtbot, console)
    token = console.state.client.token
    assert service.api.session_valid(token)
    qtbot.waitUntil(lambda: not console.state.unlocked, timeout=3000)
    window = console.window
    assert window.stack.currentWidget() is window.login
    assert window.login.reason.text() == "The console locked itself after a while without use."
    assert console.state.policy.children == ()  # nothing of the family stays on screen
    qtbot.waitUntil(lambda: not service.api.session_valid(token), timeout=3000)


def test_the_lock_button_ends_the_session(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    service.with_pin_and_child()
    console = open_console(service)
    sign_in(qtbot, console)
    token = console.state.client.token
    console.window.workspace.lock.click()
    assert console.window.stack.currentWidget() is console.window.login
    qtbot.waitUntil(lambda: not service.api.session_valid(token), timeout=3000)


def test_without_the_service_the_pin_cannot_be_typed_and_a_banner_says_why(
    qtbot: QtBot, tmp_path: Path, open_console: Callable[..., Console]
) -> None:
    later = Service(tmp_path / "later")
    console = open_console(later)
    qtbot.waitUntil(console.window.banner.isVisible, timeout=3000)
    assert "not reachable" in console.window.banner.text()
    assert not console.window.login.pin.isEnabled()
    later.with_pin_and_child()
    later.server.start()
    try:
        qtbot.waitUntil(lambda: not console.window.banner.isVisible(), timeout=8000)
        assert console.window.login.pin.isEnabled()
        sign_in(qtbot, console)
    finally:
        later.server.stop()


def test_when_the_service_goes_away_the_console_stays_readable_but_read_only(
    qtbot: QtBot, tmp_path: Path, open_console: Callable[..., Console]
) -> None:
    service = Service(tmp_path / "data")
    service.with_pin_and_child()
    service.server.start()
    console = open_console(service)
    sign_in(qtbot, console)
    workspace = console.window.workspace
    workspace.show_view("children")
    editor = workspace.views["children"]
    qtbot.waitUntil(editor.save.isEnabled)  # type: ignore[attr-defined]
    # The service dies (a crash, a restart): its end of every connection closes.
    console.state.client._socket.abort()
    service.server.stop()
    qtbot.waitUntil(console.window.banner.isVisible, timeout=3000)
    assert "read-only" in console.window.banner.text()
    assert not editor.save.isEnabled()  # type: ignore[attr-defined]
    assert editor.allow.entries.count() == 0  # type: ignore[attr-defined]
    assert editor.picker.currentText() == "Aruzhan (12+)"  # type: ignore[attr-defined]
    assert console.window.stack.currentWidget() is workspace  # still open, still readable
