"""Apps: picked from what runs now or typed, then blocked, given a budget, or made free."""

import os
import sys
from pathlib import Path

import psutil
from pytestqt.qtbot import QtBot

from app.gui.console.apps import NAME_ROLE, AppsPage
from app.gui.installed import installed_apps, program_of, read_entry
from tests.app.gui.conftest import Console, Service


def apps_page(qtbot: QtBot, console: Console) -> AppsPage:
    console.window.workspace.show_view("apps")
    page = console.window.workspace.views["apps"]
    assert isinstance(page, AppsPage)
    qtbot.waitUntil(page.save.isEnabled, timeout=5000)
    return page


def test_running_programs_come_from_the_service_and_fill_the_name(
    qtbot: QtBot, family: Console
) -> None:
    page = apps_page(qtbot, family)
    qtbot.waitUntil(lambda: page.running.count() > 0, timeout=5000)
    names = {page.running.item(i).data(NAME_ROLE) for i in range(page.running.count())}
    assert (
        psutil.Process(os.getpid()).name() in names
    )  # this test's own python, as the service saw it
    assert "kthreadd" not in names  # kernel threads are not apps
    item = next(page.running.item(i) for i in range(page.running.count())
                if page.running.item(i).data(NAME_ROLE) == psutil.Process().name())  # fmt: skip
    page.running.itemClicked.emit(item)
    assert page.name.text() == psutil.Process().name()


def test_apps_are_blocked_budgeted_and_freed(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = apps_page(qtbot, family)
    page.block.click()
    assert page.note.text() == "Type or choose the app's program name first."
    page.name.setText("roblox")
    page.block.click()
    page.name.setText("tuxmath")
    page.free.click()
    page.name.setText("telegram-desktop")
    page.budget.click()
    page.blocked.setCurrentRow(0)  # steam
    page.remove_buttons[0].click()
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    with service.store() as store:
        rules = store.child("Aruzhan").rules
    assert rules.blocked_apps == ("roblox",)
    assert rules.free_apps == ("libreoffice", "tuxmath")
    assert dict(rules.app_budgets) == {"minecraft-launcher": 60, "telegram-desktop": 60}


def test_installed_apps_are_read_from_desktop_entries(tmp_path: Path) -> None:
    (tmp_path / "firefox.desktop").write_text(
        "[Desktop Entry]\nName=Firefox\nExec=/usr/lib/firefox/firefox %u\n\n"
        "[Desktop Action new-window]\nExec=/usr/lib/firefox/firefox --new-window\n"
    )
    (tmp_path / "hidden.desktop").write_text("[Desktop Entry]\nExec=secret\nNoDisplay=true\n")
    (tmp_path / "game.desktop").write_text("[Desktop Entry]\nExec=env LANG=kk_KZ minetest\n")
    assert installed_apps([tmp_path, tmp_path / "absent"]) == ["firefox", "minetest"]
    assert program_of('"unclosed') is None
    assert read_entry("[Other]\nExec=x\n") is None
    assert sys.platform != "win32" or installed_apps() == []
