"""Reports: listed when the service writes them, opened, saved; explained when it does not."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.gui.console.reports import ReportsPage, report_content
from tests.app.gui.conftest import Console, Service, sign_in
from tests.app.gui.sample import seed

REPORT = "<html><body><h1>Аружан: 2026-W47</h1></body></html>"


def reports_page(console: Console) -> ReportsPage:
    console.window.workspace.show_view("reports")
    page = console.window.workspace.views["reports"]
    assert isinstance(page, ReportsPage)
    return page


def test_reports_are_listed_opened_and_saved(
    qtbot: QtBot, family: Console, service: Service, tmp_path: Path
) -> None:
    service.add("reports.get", lambda call: {"id": call.params["id"], "html": REPORT})
    page = reports_page(family)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=5000)
    assert not page.empty.isVisible()
    page.table.selectRow(1)
    page.open.click()
    qtbot.waitUntil(lambda: page.viewer is not None, timeout=5000)
    assert page.viewer.windowTitle() == "2026-W47"  # type: ignore[union-attr]
    target = tmp_path / "week47.html"
    page.ask_path = lambda suggested: str(target)
    page.export.click()
    qtbot.waitUntil(target.exists, timeout=5000)
    assert target.read_text(encoding="utf-8") == REPORT
    assert page.note.text() == f"Saved to {target}"
    assert ("reports.get", {"id": "2026-W47"}) in service.calls


def test_without_reports_in_the_service_the_page_says_so(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    seed(service, datetime.now(), stand_ins=False)
    console = open_console(service)
    sign_in(qtbot, console)
    page = reports_page(console)
    qtbot.waitUntil(
        lambda: page.empty.text() == "Weekly reports are not available from this service yet.",
        timeout=5000,
    )
    assert page.empty.isVisible() and not page.table.isVisible()


def test_report_content_is_read_from_any_of_its_shapes() -> None:
    assert report_content({"text": "plain"}) == ("plain", False)
    assert report_content({"html": "<p>x</p>"}) == ("<p>x</p>", True)
    assert report_content("<html></html>") == ("<html></html>", True)
    assert report_content(None) == ("", False)
