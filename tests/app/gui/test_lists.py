"""Lists: the national list's provenance, the sources, and update, import and remove jobs
followed until the service's list thread has run them."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.gui.console.list_jobs import Watch, finished_run, run_text
from app.gui.console.lists import ListsPage, cell_text
from app.service.lists_part import ListUpdates
from rules.categories import Category
from rules.ipc import JsonValue
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
    qtbot.waitUntil(lambda: page.note.text().startswith("Queued."), timeout=5000)
    qtbot.waitUntil(lambda: page.summary.text() == "Waiting to run: 1.", timeout=5000)
    national = tmp_path / "national-2026-11.json"
    national.write_text(json.dumps({"qorgan_national_list": 1, "version": "8", "entries": []}))
    page.ask_file = lambda: str(national)
    page.import_box.start.click()  # the kind is guessed from the name
    qtbot.waitUntil(lambda: page.summary.text() == "Waiting to run: 2.", timeout=5000)
    words = tmp_path / "words.txt"
    words.write_text("casino.example\n")
    page.ask_file = lambda: str(words)
    page.import_box.start.click()
    assert page.note.text() == "Say what kind of list words.txt is, and choose its category."
    page.import_box.choose("domains")
    assert page.import_box.category.isEnabled()
    page.import_box.start.click()
    assert page.note.text() == "Choose the category that the list's sites belong to."
    page.import_box.choose("domains", Category.GAMBLING)
    page.import_box.start.click()
    qtbot.waitUntil(lambda: page.summary.text() == "Waiting to run: 3.", timeout=5000)
    with service.store() as store:
        jobs = store.setting("lists.requests")
    assert isinstance(jobs, list)
    assert [job["source"]["kind"] for job in jobs[1:]] == ["national", "domains"]
    assert jobs[2]["source"]["category"] == "gambling"
    page.import_box.choose("ut1")
    assert not page.import_box.category.isEnabled()  # UT1 names its own categories


@pytest.fixture
def list_part(qtbot: QtBot, service: Service) -> Iterator[ListUpdates]:
    """The service's real list thread, handed jobs as the service loop does."""
    from app.service import api_lists

    api_lists.register(service.api)
    part = ListUpdates(service.store(), service.store, service.data_dir / "lists")
    part.start()
    loop = QTimer(interval=50)
    loop.timeout.connect(part.tick)
    loop.start()
    yield part
    loop.stop()
    part.stop()


def test_an_import_is_queued_then_its_result_is_shown(
    qtbot: QtBot, family: Console, list_part: ListUpdates, tmp_path: Path
) -> None:
    page = lists_page(family)
    words = tmp_path / "school-games.txt"
    words.write_text("games-one.test\nnot a domain!\ngames-two.test\n")
    page.ask_file = lambda: str(words)
    page.import_box.choose("domains", Category.GAMES)
    page.import_box.start.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Queued."), timeout=5000)
    assert page.watch is not None and page.watch.name == "school-games"
    qtbot.waitUntil(lambda: page.note.text().startswith("Finished."), timeout=10_000)
    assert page.note.text() == "Finished.\nschool-games: 2 accepted, 1 invalid lines."
    assert page.watch is None and not page.poll_timer.isActive()
    qtbot.waitUntil(lambda: page.sources.rowCount() == 1, timeout=5000)
    assert page.sources.item(0, 0).text() == "school-games"  # type: ignore[union-attr]
    assert page.sources.item(0, 2).text() == "Games"  # type: ignore[union-attr]

    broken = tmp_path / "national.json"
    broken.write_text("{not json")
    page.ask_file = lambda: str(broken)
    page.import_box.choose("")
    page.import_box.start.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Failed."), timeout=10_000)
    assert page.note.text().startswith("Failed.\nnational: not updated: ")
    assert "color: #b00020" in page.note.styleSheet()


def test_an_update_with_no_sources_says_so(
    qtbot: QtBot, family: Console, list_part: ListUpdates
) -> None:
    page = lists_page(family)
    page.update_now.click()
    qtbot.waitUntil(
        lambda: page.note.text() == "There are no list sources to update.", timeout=5000
    )
    assert page.watch is None


def import_words(qtbot: QtBot, page: ListsPage, path: Path, category: Category) -> None:
    """Import a list of domains through the page and wait for its run to finish."""
    page.ask_file = lambda: str(path)
    page.import_box.choose("domains", category)
    page.import_box.start.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Queued."), timeout=5000)
    qtbot.waitUntil(lambda: page.note.text().startswith("Finished."), timeout=10_000)
    name = path.name.split(".")[0]
    qtbot.waitUntil(lambda: name in page.remove_buttons, timeout=5000)


def answer(page: ListsPage, role: QMessageBox.ButtonRole) -> None:
    """Press the confirmation's button that has `role`."""
    box = page.asking
    assert box is not None and box.isVisible()
    (button,) = [b for b in box.buttons() if box.buttonRole(b) is role]
    button.click()


def test_a_source_is_removed_once_confirmed_and_its_run_followed(
    qtbot: QtBot, family: Console, list_part: ListUpdates, tmp_path: Path
) -> None:
    page = lists_page(family)
    games = tmp_path / "games.txt"
    games.write_text("games-one.test\n")
    import_words(qtbot, page, games, Category.GAMES)
    button = page.remove_buttons["games"]
    assert button.text() == "Remove…" and button.isEnabled()
    button.click()
    assert page.asking is not None
    assert page.asking.text().startswith("Remove the list source games? ")
    answer(page, QMessageBox.ButtonRole.RejectRole)
    assert page.watch is None and page.sources.rowCount() == 1  # cancelled: nothing asked
    page.remove_buttons["games"].click()
    answer(page, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: page.note.text().startswith("Queued."), timeout=5000)
    assert page.watch is not None and page.watch == Watch("remove", "games", page.watch.before)
    qtbot.waitUntil(lambda: page.note.text().startswith("Finished."), timeout=10_000)
    assert page.note.text() == "Finished.\ngames: removed."
    assert page.sources.rowCount() == 0 and page.remove_buttons == {}


def test_a_removal_that_cannot_compile_says_why_and_keeps_the_source(
    qtbot: QtBot, service: Service, family: Console, list_part: ListUpdates, tmp_path: Path
) -> None:
    page = lists_page(family)
    for name, category in (("casinos", Category.GAMBLING), ("games", Category.GAMES)):
        words = tmp_path / f"{name}.txt"
        words.write_text(f"{name}-one.test\n")
        import_words(qtbot, page, words, category)
    current = service.data_dir / "lists" / "sources" / "casinos" / "current"
    current.unlink()
    current.mkdir()  # the list in force of the source that stays can no longer be read
    page.remove_buttons["games"].click()
    answer(page, QMessageBox.ButtonRole.AcceptRole)
    qtbot.waitUntil(lambda: page.note.text().startswith("Failed."), timeout=10_000)
    assert page.note.text().startswith("Failed.\ncasinos: the list in force: ")
    assert "color: #b00020" in page.note.styleSheet()
    assert sorted(page.remove_buttons) == ["casinos", "games"]
    assert page.remove_buttons["games"].isEnabled()


def test_the_national_list_cannot_be_removed(
    qtbot: QtBot, service: Service, family: Console
) -> None:
    from app.service import api_lists

    api_lists.register(service.api)
    with service.store() as store:
        store.save_list_source(
            ListSource("national", ListKind.NATIONAL, "lists/imports/national/n.json", entries=3)
        )
        store.save_list_source(
            ListSource("games", ListKind.DOMAINS, "lists/imports/games/g.txt", Category.GAMES)
        )
    page = lists_page(family)
    qtbot.waitUntil(lambda: len(page.remove_buttons) == 2, timeout=5000)
    national = page.remove_buttons["national"]
    assert not national.isEnabled()
    assert national.toolTip().startswith("The national list cannot be removed")
    assert page.remove_buttons["games"].isEnabled()
    assert page.sources.item(0, 1).text() == "Domains"  # type: ignore[union-attr]
    assert page.sources.item(1, 1).text() == "National list"  # type: ignore[union-attr]
    page.remove_source("national")  # as a table shown before the service knew its kind would
    qtbot.waitUntil(lambda: page.note.text().startswith("The service refused this"), timeout=5000)
    assert "the national list cannot be removed" in page.note.text()
    assert page.watch is None
    assert page.remove_buttons["games"].isEnabled() and page.update_now.isEnabled()
    with service.store() as store:
        assert store.setting("lists.requests", []) == []
        assert [s.name for s in store.list_sources()] == ["games", "national"]


RUN = {"action": "import", "state": "done", "sources": ["words"], "results": []}


@pytest.mark.parametrize(
    ("status", "finished"),
    [
        ({"waiting": [{"action": "import", "source": {"name": "words"}}], "last_run": RUN}, False),
        ({"waiting": [], "last_run": None}, False),
        ({"waiting": [], "last_run": {"state": "old"}}, False),  # the run before ours
        ({"waiting": [], "last_run": {**RUN, "state": "running"}}, False),
        ({"waiting": [], "last_run": {**RUN, "action": "scheduled"}}, False),
        ({"waiting": [], "last_run": {**RUN, "sources": ["other"]}}, False),
        ({"waiting": [{"action": "update"}], "last_run": RUN}, True),
        ({"waiting": [{"action": "import", "source": {"name": "other"}}], "last_run": RUN}, True),
        ({"waiting": [], "last_run": {**RUN, "state": "failed", "sources": []}}, True),
    ],
)
def test_a_run_counts_as_the_parents_only_once_it_is_over(
    status: dict[str, JsonValue], finished: bool
) -> None:
    watch = Watch("import", "words", {"state": "old"})
    assert (finished_run(status, watch) is not None) == finished


def test_a_removal_counts_as_waiting_while_its_job_is_queued() -> None:
    watch = Watch("remove", "games", None)
    removed = {"action": "remove", "state": "done", "sources": ["games"], "results": []}
    waiting = {"waiting": [{"action": "remove", "name": "games"}], "last_run": removed}
    assert finished_run(waiting, watch) is None
    other = {"waiting": [{"action": "remove", "name": "casinos"}], "last_run": removed}
    assert finished_run(other, watch) == removed


def test_the_run_is_told_in_plain_words(translations: object) -> None:
    ok = {"state": "done", "results": [{"name": "a", "accepted": 5, "invalid": 0}]}
    assert run_text(ok) == (False, "Finished.\na: 5 accepted, 0 invalid lines.")
    unread = {"state": "done", "results": [{"name": "n", "accepted": None, "entries": 3}]}
    assert run_text(unread) == (False, "Finished.\nn: 3 entries.")
    failed = {"state": "failed", "error": "disk full", "results": []}
    assert run_text(failed) == (True, "Failed.\ndisk full")
    removed = {"action": "remove", "state": "done", "sources": ["games"], "results": []}
    assert run_text(removed) == (False, "Finished.\ngames: removed.")
    refused = {**removed, "state": "failed", "error": "games: cannot be read"}
    assert run_text(refused) == (True, "Failed.\ngames: cannot be read")


@pytest.mark.parametrize(
    ("status", "shown"),
    [
        ("verified-ed25519", "Signature checked"),
        ("verified-sha256", "Checksum checked"),
        ("unverified", "Not signed"),
    ],
)
def test_a_sources_signature_status_is_said_in_words(status: str, shown: str) -> None:
    assert cell_text("signature_status", status) == shown
