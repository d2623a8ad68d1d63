"""The child's tray: time left, warnings at 15, 5 and 1 minutes, asking, what is recorded."""

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from app.gui.i18n import Translations
from app.gui.qtipc import ServiceClient
from app.gui.tray.about import AboutDialog
from app.gui.tray.ask import AskDialog
from app.gui.tray.model import TrayModel
from app.gui.tray.panel import TrayPanel
from app.service.api import Call
from rules.ipc import JsonValue
from rules.text import Language
from tests.app.gui.conftest import Service


class Clock:
    """Minutes left as the screen-time part would report them."""

    def __init__(self) -> None:
        self.left: int | None = 40

    def status(self, call: Call) -> JsonValue:
        if self.left is None:
            return {"used_minutes": 20, "allowance_minutes": None, "state": "active"}
        return {"used_minutes": 120 - self.left, "allowance_minutes": 120,
                "remaining_minutes": self.left, "state": "active"}  # fmt: skip


@pytest.fixture
def panel(qtbot: QtBot, client: ServiceClient, translations: Translations) -> Iterator[TrayPanel]:
    model = TrayModel(client, poll_ms=60_000)
    shown = TrayPanel(model)
    model.warned.connect(shown.notify)
    model.noticed.connect(shown.show_notice)
    qtbot.addWidget(shown)
    yield shown
    model.timer.stop()


def poll(qtbot: QtBot, model: TrayModel) -> None:
    with qtbot.waitSignal(model.status_changed, timeout=5000):
        model.poll()


def test_time_left_and_warnings_at_15_5_and_1_minutes(
    qtbot: QtBot, service: Service, panel: TrayPanel
) -> None:
    clock = Clock()
    service.add("screentime.status", clock.status)
    model = panel.model
    warnings: list[int] = []
    model.warned.connect(warnings.append)
    model.start()
    qtbot.waitUntil(lambda: model.status is not None, timeout=5000)
    assert panel.time_left.text() == "Time left today: 40 min"
    assert panel.detail.text() == "Now: using the PC"
    for left in (16, 15, 14, 9, 4, 3, 1, 0):
        clock.left = left
        poll(qtbot, model)
    assert warnings == [15, 4, 1]  # each threshold once, as it is crossed
    assert panel.warning.text() == "1 min of computer time left today. Save your work."
    clock.left = 30  # a parent gave more time
    poll(qtbot, model)
    clock.left = 14
    poll(qtbot, model)
    assert warnings == [15, 4, 1, 14]
    clock.left = None
    poll(qtbot, model)
    assert panel.time_left.text() == "No time limit today."


def test_without_screen_time_in_the_service_the_tray_says_so(
    qtbot: QtBot, panel: TrayPanel, translations: Translations
) -> None:
    panel.model.start()
    qtbot.waitUntil(lambda: panel.model.available is False, timeout=5000)
    assert panel.time_left.text() == "Screen time is not counted on this PC yet."
    translations.switch(Language.KK)
    qtbot.waitUntil(lambda: panel.title.text() == "Qorgan қосулы")
    assert panel.time_left.text() == "Бұл компьютерде экран уақыты әзірге есептелмейді."


def test_asking_for_more_time_reaches_the_service(
    qtbot: QtBot, service: Service, panel: TrayPanel
) -> None:
    service.add("screentime.ask", lambda call: {"id": 7})
    dialog = AskDialog(panel.model)
    qtbot.addWidget(dialog)
    dialog.minutes.setCurrentIndex(dialog.minutes.findData(30))
    dialog.message.setText("үй тапсырмасы")
    dialog.send.click()
    qtbot.waitUntil(lambda: dialog.note.text() == "Sent. A parent will answer soon.", timeout=5000)
    assert ("screentime.ask", {"minutes": 30, "message": "үй тапсырмасы"}) in service.calls


def test_asking_without_the_service_method_is_explained(qtbot: QtBot, panel: TrayPanel) -> None:
    dialog = AskDialog(panel.model)
    qtbot.addWidget(dialog)
    dialog.send.click()
    qtbot.waitUntil(lambda: "Ask a parent in person" in dialog.note.text(), timeout=5000)
    assert dialog.send.isEnabled()


def test_what_qorgan_does_tells_what_is_and_is_not_recorded(
    qtbot: QtBot, translations: Translations
) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text.text()
    assert "the names of sites you open" in text
    assert "what you write in messages or chats" in text
    assert "call 150" in text
    translations.switch(Language.RU)
    qtbot.waitUntil(lambda: "Что записывается" in dialog.text.text())
    assert "150" in dialog.text.text()


def test_the_services_own_notices_are_shown_once_each_in_the_childs_language(
    qtbot: QtBot, service: Service, panel: TrayPanel, translations: Translations
) -> None:
    notices: list[JsonValue] = [
        {"id": 3, "kind": "warning", "text": {"kk": "15 мин", "ru": "15 мин", "en": "old one"}},
    ]

    def status(call: Call) -> JsonValue:
        return {"used_seconds": 6000, "allowance_seconds": 7200, "remaining_seconds": 1200,
                "state": "active", "notices": list(notices)}  # fmt: skip

    service.add("screentime.status", status)
    shown: list[str] = []
    panel.model.noticed.connect(shown.append)
    panel.model.warned.connect(lambda minutes: shown.append(f"own warning {minutes}"))
    poll(qtbot, panel.model)
    assert shown == []  # what was there before the tray started is not replayed
    assert panel.time_left.text() == "Time left today: 20 min"
    translations.switch(Language.RU)
    notices.append(
        {
            "id": 9,
            "kind": "warning",
            "text": {"kk": "5 минут қалды", "ru": "Осталось 5 минут", "en": "5 min left"},
        }
    )
    poll(qtbot, panel.model)
    poll(qtbot, panel.model)
    assert shown == ["Осталось 5 минут"]
    assert panel.warning.text() == "Осталось 5 минут"


def test_the_real_screen_time_method_gives_the_tray_its_minutes(
    qtbot: QtBot, service: Service, panel: TrayPanel
) -> None:
    import getpass
    from dataclasses import replace
    from datetime import date
    from types import MappingProxyType

    from app.service import api_screentime
    from rules.ageclass import AgeClass
    from rules.policy import ChildProfile, ChildRules, DayRules, Weekday
    from rules.records import Usage
    from rules.screentime_state import SCREEN_APP

    api_screentime.register(service.api)
    week = MappingProxyType({day: DayRules(allowance_minutes=90) for day in Weekday})
    me = ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=(getpass.getuser(),),
                      rules=replace(ChildRules(), week=week))  # fmt: skip
    with service.store() as store:
        store.add_child(me)
        store.add_usage(Usage("Aruzhan", date.today(), SCREEN_APP, 30 * 60))
    poll(qtbot, panel.model)
    assert panel.time_left.text() == "Time left today: 1 h"


class Ticks:
    """The tray's monotonic clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_site_refused_at_the_handshake_gets_one_warm_notice_and_an_ask_button(
    qtbot: QtBot, service: Service, client: ServiceClient, translations: Translations
) -> None:
    import getpass
    from datetime import datetime, timedelta

    from app.service import api_screentime
    from app.store.records import REFUSED_RULE_PREFIX
    from rules.ageclass import AgeClass
    from rules.categories import Category
    from rules.decision import Step, Verdict
    from rules.policy import ChildProfile
    from rules.records import DecisionEvent, RequestKind

    api_screentime.register(service.api)
    me = ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=(getpass.getuser(),))
    at = datetime.now() - timedelta(seconds=20)
    rule = REFUSED_RULE_PREFIX + "category:self_harm"

    def refused(host: str, step: Step, category: Category | None) -> DecisionEvent:
        return DecisionEvent(at, "Aruzhan", host, Verdict.BLOCK, step, rule, category)

    with service.store() as store:
        store.add_child(me)
        store.record_events([refused("harm.example", Step.CATEGORY, Category.SELF_HARM)])
    ticks = Ticks()
    model = TrayModel(client, poll_ms=60_000, clock=ticks)
    panel = TrayPanel(model)
    qtbot.addWidget(panel)
    told: list[tuple[str, object, bool]] = []
    model.refused.connect(lambda *args: told.append(args))
    poll(qtbot, model)
    assert told == [("harm.example", "self_harm", True)]
    assert panel.refused.text() == (
        "harm.example is blocked: Suicide and self-harm promotion. You can ask a parent. "
        "If you feel bad, you can call 150 at any time: it is free, they listen."
    )
    assert not panel.ask_site.isHidden() and panel.ask_site.text() == "Ask a parent"
    poll(qtbot, model)
    assert len(told) == 1  # once per host in five minutes

    with qtbot.waitSignal(model.site_asked, timeout=5000):
        panel.ask_site.click()
    assert panel.site_note.text() == "A parent will see that you asked for harm.example."
    with service.store() as store:
        assert [(r.child, r.kind, r.host) for r in store.requests()] == [
            ("Aruzhan", RequestKind.SITE, "harm.example")
        ]

    with service.store() as store:
        store.record_events([refused("casino.kz", Step.NATIONAL_LIST, None)])
    translations.switch(Language.RU)
    poll(qtbot, model)
    assert told[-1] == ("casino.kz", None, False)
    assert panel.refused.text() == "casino.kz закрыт. Этот сайт останется закрытым."
    assert panel.ask_site.isHidden()  # no parent can open a national-list site

    ticks.now += 301
    poll(qtbot, model)
    assert [host for host, *_ in told] == ["harm.example", "casino.kz", "harm.example", "casino.kz"]
    model.timer.stop()
