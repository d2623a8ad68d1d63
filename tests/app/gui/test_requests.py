"""The requests inbox: a site request approved becomes a grant; a time request declined."""

from pytestqt.qtbot import QtBot

from app.gui.console.requests import RequestsPage
from rules.records import RequestStatus
from tests.app.gui.conftest import Console, Service


def test_requests_are_approved_and_declined(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    family.window.workspace.show_view("requests")
    page = family.window.workspace.views["requests"]
    assert isinstance(page, RequestsPage)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=5000)
    cells = [[page.table.item(r, c).text() for c in range(5)] for r in range(2)]  # type: ignore[union-attr]
    assert cells[0][1:] == ["Aruzhan", "site roblox.com", "a school project", "waiting"]
    assert cells[1][1:] == ["Dana", "30 min more", "мультфильм досмотреть", "waiting"]
    assert family.window.workspace.nav.item(6).text() == "Requests (2)"
    assert not page.approve.isEnabled()
    page.table.selectRow(0)
    page.grant.setCurrentIndex(page.grant.findData(120))
    page.approve.click()
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5000)
    page.table.selectRow(0)
    page.decline.click()
    qtbot.waitUntil(page.empty.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: family.window.workspace.nav.item(6).text() == "Requests")
    with service.store() as store:
        statuses = [r.status for r in store.requests()]
        [grant] = store.child("Aruzhan").rules.site_grants
    assert statuses == [RequestStatus.APPROVED, RequestStatus.DECLINED]
    assert grant.host == "roblox.com"
    assert (grant.until - grant.granted_at).total_seconds() == 120 * 60
    page.show_all.setChecked(True)
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=5000)
    assert page.table.item(0, 4).text() == "approved"  # type: ignore[union-attr]
