"""Screenshots of the console's and tray's main views, in kk and ru, for docs/screenshots.

Run `QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.app.gui.screenshots docs/screenshots`.
The dashboard's time numbers and the reports list come from stand-ins for `screentime.status`
and `reports.list` (tests/app/gui/sample.py) until the parts that own them land.
"""

import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from app.gui.console.activity import ActivityPage
from app.gui.console.groups import GroupsPage
from app.gui.console.idle import IdleWatcher
from app.gui.console.lists import ListsPage
from app.gui.console.state import ConsoleState
from app.gui.console.window import ConsoleWindow
from app.gui.console.workspace import VIEWS
from app.gui.i18n import Translations, build
from app.gui.qtipc import ServiceClient
from app.gui.tray.model import TrayModel
from app.gui.tray.panel import TrayPanel
from app.service import api_lists
from rules.categories import Category
from rules.policy import Bedtime, Interval, Mode, SchoolGroup, Weekday
from rules.records import ListKind, ListSource
from rules.text import Language
from tests.app.gui.conftest import PIN, Service
from tests.app.gui.sample import seed

SIZE = (1180, 760)
SCHOOL_NIGHT = Bedtime(21 * 60 + 30, 7 * 60)
HOMEWORK = (Interval(16 * 60, 17 * 60 + 30),)
GROUPS = (
    SchoolGroup("7A", "Aruzhan", ("pupil7a*",)),
    SchoolGroup("1B", "Dana", ("pupil1b*", "guest")),
)
SOURCES = (
    ListSource(
        "national",
        ListKind.NATIONAL,
        "lists/imports/national/national-2026-11.json",
        entries=3,
        updated_at=datetime(2026, 11, 20, 9, 0),
        signature_status="verified",
    ),
    ListSource(
        "ut1-gambling",
        ListKind.UT1,
        "https://dsi.ut-capitole.fr/blacklists/",
        Category.GAMBLING,
        entries=120345,
        updated_at=datetime(2026, 11, 21, 3, 0),
        signature_status="sha256 ok",
    ),
)


def wait_until(check: Callable[[], object], timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError("the console did not get there in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def settle(seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def save(widget: QWidget, path: Path) -> Path:
    settle()
    widget.grab().save(str(path))
    return path


def console(service: Service, translations: Translations) -> tuple[ConsoleWindow, ConsoleState]:
    app = QApplication.instance()
    assert app is not None
    client = ServiceClient(service.socket)
    state = ConsoleState(client)
    window = ConsoleWindow(
        state,
        choose_language=translations.switch,
        idle=IdleWatcher(app),
        today=date(2026, 11, 22),
        set_idle_minutes=lambda minutes: None,
        idle_minutes=5,
    )
    window.resize(*SIZE)
    window.show()
    client.start()
    wait_until(lambda: state.hello is not None)
    return window, state


def shoot_wizard(out: Path, work: Path, translations: Translations, language: str) -> list[Path]:
    """The first run: the welcome page, then the children page with a child being typed."""
    made: list[Path] = []
    fresh = Service(work / f"fresh-{language}")
    fresh.server.start()
    window, state = console(fresh, translations)
    wait_until(lambda: window.stack.currentWidget() is window.wizard)
    made.append(save(window, out / f"console-wizard-{language}.png"))
    wizard = window.wizard
    wizard.next()
    wizard.pin_page.pin.setText(PIN)
    wizard.pin_page.repeat.setText(PIN)
    wizard.next()
    wait_until(lambda: wizard.currentPage() is wizard.children_page)
    wizard.children_page.form.name.setText("Аружан")
    wizard.children_page.form.birth_year.setValue(2013)
    made.append(save(window, out / f"console-wizard-children-{language}.png"))
    window.close()
    state.client.stop()
    fresh.server.stop()
    return made


def shoot_tray(out: Path, family: Service, language: str) -> Path:
    model = TrayModel(ServiceClient(family.socket))
    model.client.start()
    panel = TrayPanel(model)
    model.warned.connect(panel.notify)
    panel.show()
    model.start()
    wait_until(lambda: model.status is not None)
    panel.notify(15)
    made = save(panel, out / f"console-tray-{language}.png")
    panel.close()
    model.timer.stop()
    model.client.stop()
    return made


def seed_school_week(family: Service) -> None:
    """Bedtime on school nights and homework time on weekdays, for the schedule."""
    with family.store() as store:
        child = store.child("Aruzhan")
        week = {
            day: replace(
                rules,
                bedtime=SCHOOL_NIGHT if day < Weekday.FRI or day == Weekday.SUN else None,
                free_intervals=HOMEWORK if day < Weekday.SAT else (),
            )
            for day, rules in child.rules.week.items()
        }
        store.update_child(replace(child, rules=replace(child.rules, week=MappingProxyType(week))))
        store.replace_policy(replace(store.policy(), groups=GROUPS, default_profile="Aruzhan"))


def prepare(window: ConsoleWindow, state: ConsoleState, view: str) -> None:
    """What a view shows in its screenshot beyond what it loads by itself."""
    page = window.workspace.views[view]
    if isinstance(page, ActivityPage):
        wait_until(page.table.rowCount)
        page.table.selectRow(0)
    if isinstance(page, ListsPage):
        page.import_box.choose("domains", Category.GAMBLING)
    if isinstance(page, GroupsPage):
        state.set_mode(Mode.SCHOOL)
        wait_until(lambda: state.policy.mode is Mode.SCHOOL)
        window.workspace.show_view(view)
        page.table.selectRow(0)
        page.probe.setText("pupil7a12")


def shoot_language(out: Path, work: Path, translations: Translations, language: str) -> list[Path]:
    """Every main view of a console with a family in it, and the first-run wizard and tray."""
    translations.switch(Language(language))
    made = shoot_wizard(out, work, translations, language)
    family = Service(work / f"family-{language}")
    family.server.start()
    seed(family, datetime.now())
    api_lists.register(family.api)  # the real list methods
    with family.store() as store:
        for source in SOURCES:
            store.save_list_source(source)
    seed_school_week(family)
    window, state = console(family, translations)
    made.append(save(window, out / f"console-login-{language}.png"))
    window.login.pin.setText(PIN)
    window.login.submit()
    wait_until(lambda: state.unlocked and state.policy.children)
    for view in VIEWS:
        window.workspace.show_view(view)
        prepare(window, state, view)
        made.append(save(window, out / f"console-{view}-{language}.png"))
    made.append(shoot_tray(out, family, language))
    window.close()
    state.client.stop()
    family.server.stop()
    return made


def shoot(out: Path, languages: Iterable[str] = ("kk", "ru")) -> list[Path]:
    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        build(Path(work) / "i18n")
        translations = Translations(app, Path(work) / "i18n")  # type: ignore[arg-type]
        made = []
        try:
            for language in languages:
                made += shoot_language(out, Path(work), translations, language)
        finally:
            translations.uninstall()
    return made


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in shoot(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")):
        print(path)
