"""Lists: the national list's provenance, the sources when the service tells them."""

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.console.lists import ListsPage
from rules.categories import Category
from rules.records import ListKind, ListSource
from tests.app.gui.conftest import Console, Service


def lists_page(console: Console) -> ListsPage:
    console.window.workspace.show_view("lists")
    page = console.window.workspace.views["lists"]
    assert isinstance(page, ListsPage)
    return page


def test_without_list_status_the_national_list_is_still_shown(
    qtbot: QtBot, family: Console
) -> None:
    page = lists_page(family)
    qtbot.waitUntil(lambda: page.national_values["version"].text() not in {"", "–"}, timeout=5000)
    assert page.national_values["version"].text() == "2026-11-20.1"  # the sample's header
    assert int(page.national_values["entries"].text()) > 0
    assert page.national_values["file"].text().endswith("lists/national.json")
    qtbot.waitUntil(page.sources_state.isVisible, timeout=5000)
    assert page.sources_state.text().startswith("List status is not available")
    assert page.sources.rowCount() == 0
    page.update_now.click()
    qtbot.waitUntil(lambda: "cannot do this yet" in page.note.text(), timeout=5000)


def test_list_sources_update_and_import_go_through_the_lists_service(
    qtbot: QtBot, service: Service, family: Console, tmp_path: Path
) -> None:
    from app.service import api_lists

    api_lists.register(service.api)
    with service.store() as store:
        store.save_list_source(
            ListSource(
                "ut1-gambling",
                ListKind.UT1,
                "https://dsi.ut-capitole.fr/blacklists/",
                Category.GAMBLING,
                entries=120345,
                signature_status="sha256 ok",
            )
        )
    page = lists_page(family)
    qtbot.waitUntil(lambda: page.sources.rowCount() == 1, timeout=5000)
    assert page.sources.item(0, 0).text() == "ut1-gambling"  # type: ignore[union-attr]
    assert page.sources.item(0, 3).text() == "120345"  # type: ignore[union-attr]
    assert page.sources.item(0, 2).text() == "Gambling"  # type: ignore[union-attr]
    assert not page.sources_state.isVisible()
    page.update_now.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("The service is on it"), timeout=5000)
    qtbot.waitUntil(lambda: page.summary.text() == "Waiting to run: 1.", timeout=5000)
    national = tmp_path / "national-2026-11.json"
    national.write_text(json.dumps({"qorgan_national_list": 1, "version": "8", "entries": []}))
    page.ask_file = lambda: str(national)
    page.import_file.click()
    qtbot.waitUntil(lambda: page.summary.text() == "Waiting to run: 2.", timeout=5000)
    page.ask_file = lambda: str(tmp_path / "words.txt")
    (tmp_path / "words.txt").write_text("casino.example\n")
    page.import_file.click()
    qtbot.waitUntil(lambda: "refused" in page.note.text(), timeout=5000)
    assert "kind" in page.note.text()  # the service says what it needs to know
