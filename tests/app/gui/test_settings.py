"""Settings: language, retention, the e-mailed report, export and erase of all data."""

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.console.settings import SettingsPage
from app.gui.i18n import current_language
from rules.ipc import ErrorCode, IpcError
from rules.ports import OPEN_PORTS_KEY
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


def test_a_parent_opens_and_closes_a_port_for_the_children(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = settings_page(qtbot, family)
    box = page.open_ports
    assert "not through the filter" in box.explanation.text()
    assert box.listed() == [] and not box.close_button.isEnabled()
    box.entry.setText("27015-27030/UDP")
    box.open_button.click()
    qtbot.waitUntil(lambda: box.listed() == ["27015-27030/udp"], timeout=5000)
    assert page.note.text() == "Opened 27015-27030/udp." and box.entry.text() == ""
    box.entry.setText("25565/tcp")
    box.entry.returnPressed.emit()
    qtbot.waitUntil(lambda: box.listed() == ["25565/tcp", "27015-27030/udp"], timeout=5000)
    with service.store() as store:
        assert store.setting(OPEN_PORTS_KEY) == ["25565/tcp", "27015-27030/udp"]
    box.ports.setCurrentRow(0)
    assert box.close_button.isEnabled()
    box.close_button.click()
    qtbot.waitUntil(lambda: box.listed() == ["27015-27030/udp"], timeout=5000)
    assert page.note.text() == "Port closed."
    with service.store() as store:
        assert store.setting(OPEN_PORTS_KEY) == ["27015-27030/udp"]


def test_a_port_that_cannot_be_opened_is_named_and_nothing_changes(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = settings_page(qtbot, family)
    box = page.open_ports
    box.entry.setText("443/tcp")
    box.open_button.click()
    assert (
        page.note.text()
        == "'443/tcp': 53, 80, 443 and 853 are the proxy's (web and DNS go through it)"
    )
    # An entry another program wrote meanwhile: the service, not the console, refuses it.
    with service.store() as store:
        store.set_setting(OPEN_PORTS_KEY, ["5555/tcp"])
    box.load()
    qtbot.waitUntil(lambda: box.listed() == ["5555/tcp"], timeout=5000)
    box.ports.addItem("22/sctp")
    box.entry.setText("6000/udp")
    box.open_button.click()
    qtbot.waitUntil(lambda: "'22/sctp'" in page.note.text(), timeout=5000)
    assert page.note.text().startswith("The service refused this")
    with service.store() as store:
        assert store.setting(OPEN_PORTS_KEY) == ["5555/tcp"]


def test_open_ports_are_read_only_without_the_service(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = settings_page(qtbot, family)
    box = page.open_ports
    box.ports.addItem("25565/tcp")
    box.ports.setCurrentRow(0)
    assert box.open_button.isEnabled() and box.close_button.isEnabled()
    family.state.client._socket.abort()
    service.server.stop()
    qtbot.waitUntil(family.window.banner.isVisible, timeout=3000)
    assert "read-only" in family.window.banner.text()
    assert not box.open_button.isEnabled() and not box.close_button.isEnabled()
    assert not box.entry.isEnabled()


def test_open_port_problems_are_said_in_kazakh_and_russian(qtbot: QtBot, family: Console) -> None:
    page = settings_page(qtbot, family)
    box = page.open_ports
    for language, words, button in (
        (Language.KK, "проксидікі", "Ашу"),
        (Language.RU, "принадлежат прокси", "Открыть"),
    ):
        page.language.setCurrentIndex(page.language.findData(str(language)))
        page.language.activated.emit(page.language.currentIndex())
        qtbot.waitUntil(lambda shown=button: box.open_button.text() == shown, timeout=3000)
        box.entry.setText("80/tcp")
        box.open_button.click()
        assert page.note.text().startswith("'80/tcp': ") and words in page.note.text()


def test_a_service_with_no_ports_to_open_hides_the_group(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    """The Windows service denies only the web ports, so it has no `firewall.*` calls."""
    page = settings_page(qtbot, family)
    box = page.open_ports
    qtbot.waitUntil(box.isVisible, timeout=3000)
    box._failed(IpcError(ErrorCode.UNKNOWN_METHOD, "unknown method 'firewall.ports'"))
    assert not box.isVisible() and page.note.text() == ""
