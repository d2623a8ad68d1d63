"""The first run: a new parent sets the PIN, adds a child, picks home or school, checks."""

from collections.abc import Callable

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app.gui.console.wizard import FirstRunWizard
from app.gui.console.wizard_pages import ChildrenPage
from app.gui.i18n import current_language
from rules.ageclass import AgeClass
from rules.policy import Mode
from rules.text import Language
from tests.app.gui.conftest import PIN, Console, Service


def choose_languages(qtbot: QtBot, console: Console, wizard: FirstRunWizard) -> None:
    wizard.language_page.group.button(1).click()  # Русский
    assert console.languages == [Language.RU]
    qtbot.waitUntil(lambda: wizard.language_page.title() == "Добро пожаловать в Qorgan")
    wizard.language_page.group.button(2).click()  # back to English for the rest
    qtbot.waitUntil(lambda: current_language() is Language.EN)
    wizard.next()


def set_pin(qtbot: QtBot, wizard: FirstRunWizard, service: Service) -> None:
    page = wizard.pin_page
    page.pin.setText("12")
    page.repeat.setText("12")
    wizard.next()
    assert "at least 4" in page.note.text()
    page.pin.setText(PIN)
    page.repeat.setText("2469")
    wizard.next()
    assert "not the same" in page.note.text()
    page.repeat.setText(PIN)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.children_page, timeout=5000)
    with service.store() as store:
        assert store.has_pin()


def add_aruzhan(qtbot: QtBot, wizard: FirstRunWizard, service: Service) -> None:
    children = wizard.children_page
    assert not children.isComplete()
    children.form.name.setText("Aruzhan")
    children.form.birth_year.setValue(2013)
    assert children.form.age_class.currentData() == "12+"  # 2026-11-22: surely 12, maybe 13
    children.form.birth_year.setValue(2019)
    assert children.form.age_class.currentData() == "6+"
    children.form.birth_year.setValue(2013)
    children.form.account.setEditText("aruzhan")
    children.add.click()
    qtbot.waitUntil(children.isComplete, timeout=5000)
    assert children.added.count() == 1
    assert children.added.item(0).text() == "Aruzhan — 12+ — aruzhan"
    with service.store() as store:
        saved = store.child("Aruzhan")
    assert (saved.age_class, saved.accounts, saved.birth_year) == (
        AgeClass.TWELVE,
        ("aruzhan",),
        2013,
    )
    wizard.next()


def choose_school_and_check(qtbot: QtBot, wizard: FirstRunWizard, service: Service) -> None:
    wizard.mode_page.school.setChecked(True)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.check_page, timeout=5000)
    with service.store() as store:
        assert store.policy().mode is Mode.SCHOOL
    report = wizard.check_page.report
    qtbot.waitUntil(lambda: report.states["firewall"].text() == "demo mode: not applicable")
    assert report.states["service"].text() == "running (demo mode, as your user)"
    assert report.states["ca"].text().startswith("missing")  # no proxy ran in this folder
    assert report.states["national"].text() == "not imported"


def test_a_new_parent_goes_through_the_wizard_to_the_dashboard(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    console = open_console(service)
    window, wizard = console.window, console.window.wizard
    qtbot.waitUntil(lambda: window.stack.currentWidget() is wizard, timeout=5000)
    choose_languages(qtbot, console, wizard)
    set_pin(qtbot, wizard, service)
    assert console.state.unlocked
    add_aruzhan(qtbot, wizard, service)
    choose_school_and_check(qtbot, wizard, service)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace, timeout=5000)
    assert window.workspace.current_view() == "dashboard"


def test_a_child_the_service_refuses_is_explained(
    qtbot: QtBot, service: Service, open_console: Callable[..., Console]
) -> None:
    console = open_console(service)
    wizard = console.window.wizard
    qtbot.waitUntil(lambda: console.window.stack.currentWidget() is wizard, timeout=5000)
    wizard.next()
    wizard.pin_page.pin.setText(PIN)
    wizard.pin_page.repeat.setText(PIN)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.children_page, timeout=5000)
    children: ChildrenPage = wizard.children_page
    children.add.click()
    assert children.note.text() == "Enter the child's name."
    children.form.name.setText("Dana")
    children.form.account.setEditText("dana")
    children.add.click()
    qtbot.waitUntil(children.isComplete, timeout=5000)
    children.form.name.setText("DANA")  # the same name in other letters: not a second child
    children.add.click()
    assert children.note.text() == "There is already a child called DANA."
    children.form.name.setText("Arman")
    children.form.account.setEditText("dana")  # Dana's account
    children.add.click()
    qtbot.waitUntil(lambda: "refused" in children.note.text(), timeout=5000)
    assert "dana" in children.note.text()
    assert children.added.count() == 1
    with service.store() as store:
        assert [child.name for child in store.children()] == ["Dana"]


def test_the_accounts_offered_are_the_pcs_own(qtbot: QtBot, translations: object) -> None:
    from datetime import date

    from app.gui.accounts import LocalAccount
    from app.gui.console.child_form import ChildForm

    form = ChildForm(date(2026, 11, 22))
    qtbot.addWidget(form)
    form.set_accounts([LocalAccount("aruzhan", "Aruzhan B."), LocalAccount("dana")])
    labels = [form.account.itemText(i) for i in range(form.account.count())]
    assert labels[:2] == ["aruzhan (Aruzhan B.)", "dana"]
    form.account.setCurrentIndex(0)
    assert form.profile().accounts == ("aruzhan",)
    form.account.setEditText("pupil07")
    assert form.profile().accounts == ("pupil07",)
