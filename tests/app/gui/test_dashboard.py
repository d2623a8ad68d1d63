"""The dashboard: each child's time against the limit, state, recent blocks, requests."""

from collections.abc import Callable
from datetime import datetime

from pytestqt.qtbot import QtBot

from app.gui.console.dashboard import DashboardPage
from tests.app.gui.conftest import Console, Service, sign_in
from tests.app.gui.sample import seed


def dashboard(console: Console) -> DashboardPage:
    page = console.window.workspace.views["dashboard"]
    assert isinstance(page, DashboardPage)
    return page


def test_each_child_has_a_card_with_time_state_blocks_and_requests(
    qtbot: QtBot, family: Console
) -> None:
    page = dashboard(family)
    qtbot.waitUntil(lambda: set(page.cards) == {"Aruzhan", "Dana"}, timeout=5000)
    aruzhan, dana = page.cards["Aruzhan"], page.cards["Dana"]
    qtbot.waitUntil(lambda: aruzhan.block_lines is not None and dana.status is not None)
    assert aruzhan.time.text() == "1 h 35 min of 2 h"
    assert aruzhan.remaining.text() == "25 min"
    assert aruzhan.state.text() == "using the PC"
    assert dana.time.text() == "35 min (no daily limit)"
    assert dana.remaining.text() == "no limit"
    blocks = aruzhan.blocks.text().splitlines()
    assert len(blocks) == 4 and blocks[0].endswith("youtube.com: The category “Video” is "
                                                    "blocked for class 12+.")  # fmt: skip
    assert any("casino-sample.test: Access restricted under" in line for line in blocks)
    assert "bilimland.kz" not in aruzhan.blocks.text()  # allowed, not a block
    qtbot.waitUntil(lambda: aruzhan.requests.text() == "1 waiting for you")
    assert page.to_requests.text() == "Requests waiting: 2"
    qtbot.waitUntil(lambda: page.protection.states["national"].text().startswith("version"))
    page.to_requests.click()
    assert family.window.workspace.current_view() == "requests"


def test_without_screen_time_in_the_service_the_card_says_so(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    seed(service, datetime.now(), stand_ins=False)
    console = open_console(service)
    sign_in(qtbot, console)
    page = dashboard(console)
    qtbot.waitUntil(lambda: "Aruzhan" in page.cards and page.cards["Aruzhan"].status_missing)
    card = page.cards["Aruzhan"]
    assert card.time.text().startswith("not tracked yet")
    assert card.remaining.text() == "–"
