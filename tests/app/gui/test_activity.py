"""Activity: the history with its reasons, and allowing a site for an hour or for good."""

from datetime import datetime

from pytestqt.qtbot import QtBot

from app.gui.console.activity import ActivityPage
from tests.app.gui.conftest import Console, Service


def activity(qtbot: QtBot, console: Console) -> ActivityPage:
    console.window.workspace.show_view("activity")
    page = console.window.workspace.views["activity"]
    assert isinstance(page, ActivityPage)
    qtbot.waitUntil(lambda: page.table.rowCount() > 0, timeout=5000)
    return page


def choose(page: ActivityPage, host: str) -> None:
    row = [event.host for event in page.shown].index(host)
    page.table.selectRow(row)


def test_the_history_filters_and_explains(qtbot: QtBot, family: Console) -> None:
    page = activity(qtbot, family)
    hosts = [event.host for event in page.shown]
    assert hosts[0] == "vk.com"  # newest first
    assert "bilimland.kz" not in hosts  # blocked only, by default
    page.verdict.setCurrentIndex(0)
    assert "bilimland.kz" in [event.host for event in page.shown]
    page.search.setText("GOOGLE")
    assert [event.host for event in page.shown] == ["dns.google"]
    assert "getting around the filter" in page.table.item(0, 3).text()  # type: ignore[union-attr]
    page.search.clear()
    page.child.setCurrentIndex(page.child.findData("Dana"))
    qtbot.waitUntil(lambda: {e.child for e in page.shown} == {"Dana"}, timeout=5000)


def test_a_national_list_block_cannot_be_lifted(qtbot: QtBot, family: Console) -> None:
    page = activity(qtbot, family)
    choose(page, "casino-sample.test")
    assert "41-1" in page.why.text()
    assert "This block cannot be lifted by a parent." in page.why.text()
    assert not page.allow_hour.isEnabled()
    assert not page.allow_always.isEnabled()


def test_allow_for_an_hour_gives_a_grant(qtbot: QtBot, family: Console, service: Service) -> None:
    page = activity(qtbot, family)
    choose(page, "youtube.com")
    assert "Video" in page.why.text()
    assert page.allow_hour.isEnabled()
    page.allow_hour.click()
    qtbot.waitUntil(lambda: "for one hour" in page.note.text(), timeout=5000)
    with service.store() as store:
        [grant] = store.child("Aruzhan").rules.site_grants
    assert grant.host == "youtube.com"
    assert 59 * 60 < (grant.until - datetime.now()).total_seconds() <= 60 * 60


def test_always_allow_moves_the_site_from_deny_to_allow(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = activity(qtbot, family)
    choose(page, "roblox.com")
    page.allow_always.click()
    qtbot.waitUntil(lambda: "always allowed" in page.note.text(), timeout=5000)
    with service.store() as store:
        rules = store.child("Aruzhan").rules
    assert rules.allow == ("bilimland.kz", "kundelik.kz", "roblox.com")
    assert rules.deny == ()
