"""Settings: language, retention, the e-mailed report, export and erase of all data."""

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.console.settings import SettingsPage
from app.gui.i18n import current_language
from rules.text import Language
from tests.app.gui.conftest import PIN, Console, Service


def settings_page(qtbot: QtBot, console: Console) -> SettingsPage:
    console.window.workspace.show_view("settings")
    page = console.window.workspace.views["settings"]
    assert isinstance(page, SettingsPage)
    qtbot.waitUntil(lambda: page.save.isEnabled() and page.loaded, timeout=5000)
    return page


def test_settings_are_saved_by_the_service(qtbot: QtBot, family: Console, service: Service) -> None:
    page = settings_page(qtbot, family)
    page.retention.setValue(30)
    page.email_on.setChecked(True)
    page.to.setText("parent@example.kz")
    page.save.click()
    qtbot.waitUntil(lambda: "refused" in page.note.text(), timeout=5000)
    assert "SMTP server" in page.note.text()  # an address with nowhere to send from
    page.host.setText("smtp.example.kz")
    page.save.click()
    qtbot.waitUntil(lambda: "sender" in page.note.text(), timeout=5000)  # the mailer's own check
    page.sender_field.setText("pc@example.kz")
    page.port.setValue(465)
    page.security.setCurrentIndex(1)
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text() == "Settings saved.", timeout=5000)
    with service.store() as store:
        assert store.setting("retention_days") == 30
        email = store.setting("report_email")
    assert email == {
        "enabled": True, "to": "parent@example.kz", "sender": "pc@example.kz",
        "smtp_host": "smtp.example.kz",
        "smtp_port": 465, "security": "ssl", "username": "",
    }  # fmt: skip


def test_the_language_changes_the_whole_console_at_once(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = settings_page(qtbot, family)
    page.language.setCurrentIndex(page.language.findData("kk"))
    page.language.activated.emit(page.language.currentIndex())
    assert family.languages == [Language.KK]
    qtbot.waitUntil(lambda: page.title.text() == "Баптаулар", timeout=3000)
    assert current_language() is Language.KK
    workspace = family.window.workspace
    assert workspace.nav.item(0).text() == "Бүгін"
    assert workspace.views["children"].title.text() == "Бала және интернет ережелері"  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: _setting(service, "language") == "kk", timeout=3000)


def _setting(service: Service, key: str) -> object:
    with service.store() as store:
        return store.setting(key)


def test_export_writes_everything_kept_about_the_family(
    qtbot: QtBot, family: Console, tmp_path: Path
) -> None:
    page = settings_page(qtbot, family)
    target = tmp_path / "export.json"
    page.data.ask_export_path = lambda: str(target)
    page.data.export.click()
    qtbot.waitUntil(target.exists, timeout=5000)
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == "qorgan_export"
    assert [c["name"] for c in data["policy"]["children"]] == ["Aruzhan", "Dana"]
    assert {e["host"] for e in data["events"]} >= {"casino-sample.test", "vk.com"}
    assert len(data["requests"]) == 2
    assert "next_offset" not in data
    qtbot.waitUntil(lambda: page.note.text().startswith("Exported to"), timeout=5000)


def test_delete_all_needs_the_pin_and_then_forgets_everything(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = settings_page(qtbot, family)
    page.data.ask_pin = lambda then: then("0000")
    page.data.erase.click()
    qtbot.waitUntil(lambda: "wrong PIN" in page.note.text(), timeout=5000)
    assert family.state.unlocked  # a typo here does not end the session
    with service.store() as store:
        assert len(store.children()) == 2
    page.data.ask_pin = lambda then: then(PIN)
    page.data.erase.click()
    qtbot.waitUntil(lambda: not family.state.policy.children, timeout=5000)
    with service.store() as store:
        assert store.children() == []
        assert store.requests() == []
        assert store.has_pin()
