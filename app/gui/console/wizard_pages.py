"""The first-run wizard's pages: language, PIN, children, home or school, protection check."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from app.gui.console.child_form import LANGUAGE_NAMES, ChildForm
from app.gui.console.protection import ProtectionReport
from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from app.gui.widgets import Note
from rules.ipc import IpcError, JsonValue
from rules.policy import ChildProfile, Mode
from rules.text import Language

MIN_PIN = 4


class WizardPage(QWizardPage):
    """A page that sets its texts in `retranslate`, again on every language switch."""

    def retranslate(self) -> None:
        """Set the page's texts in the current language."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class LanguagePage(WizardPage):
    """Welcome, in the language the parent picks; the whole console follows the choice."""

    def __init__(
        self, languages: list[Language], choose: Callable[[Language], None], current: Language
    ) -> None:
        super().__init__()
        self.intro = QLabel(wordWrap=True)
        self.group = QButtonGroup(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        for number, language in enumerate(languages):
            button = QRadioButton(LANGUAGE_NAMES[language])
            button.setChecked(language == current)
            self.group.addButton(button, number)
            layout.addWidget(button)
        layout.addStretch()
        self.group.idClicked.connect(lambda number: choose(languages[number]))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Qorgan"))
        self.intro.setText(
            self.tr(
                "Qorgan keeps your child's time on this PC safe: it filters websites by the "
                "child's age class, limits screen time and shows you what was blocked and why. "
                "Nothing about your child leaves this PC.\n\nChoose the language of the console:"
            )
        )


class PinPage(WizardPage):
    """The parent's PIN, typed twice; the service keeps only its slow salted hash."""

    def __init__(self, state: ConsoleState) -> None:
        super().__init__()
        self.state = state
        self.pin_set = False
        self.intro = QLabel(wordWrap=True)
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.note = Note()
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.pin, self.repeat, self.note):
            layout.addWidget(widget)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Parent PIN"))
        self.intro.setText(
            self.tr(
                "Choose a PIN of at least 4 characters. You will need it to open the console "
                "and to approve your child's requests. Do not tell it to your child."
            )
        )
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.repeat.setPlaceholderText(self.tr("the same PIN again"))

    def validatePage(self) -> bool:  # noqa: N802
        if self.pin_set:
            return True
        pin = self.pin.text()
        if len(pin) < MIN_PIN:
            self.note.show_error(self.tr("The PIN needs at least 4 characters."))
            return False
        if pin != self.repeat.text():
            self.note.show_error(self.tr("The two PINs are not the same."))
            return False
        self.note.show_info(self.tr("Saving the PIN…"))
        self.state.call("auth.set_pin", {"pin": pin}, self._on_set, self._on_error)
        return False

    def _on_set(self, result: JsonValue) -> None:
        token = result.get("token") if isinstance(result, dict) else None
        if not isinstance(token, str):
            self.note.show_error(self.tr("The service gave no session."))
            return
        self.pin_set = True
        self.pin.setEnabled(False)
        self.repeat.setEnabled(False)
        self.note.show_info(self.tr("The PIN is set."))
        self.state.unlock(token)
        self.wizard().next()

    def _on_error(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))


class ChildrenPage(WizardPage):
    """Add one child or more; each is saved at once, and the list shows who is there."""

    def __init__(self, state: ConsoleState, today: date) -> None:
        super().__init__()
        self.state = state
        self.intro = QLabel(wordWrap=True)
        self.form = ChildForm(today)
        self.add = QPushButton()
        self.added = QListWidget()
        self.note = Note()
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.form, self.add, self.added, self.note):
            layout.addWidget(widget)
        self.add.clicked.connect(self.add_child)
        state.policy_changed.connect(self._show_children)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Children"))
        self.intro.setText(
            self.tr(
                "Add each child who uses this PC. The birth year proposes the age class of "
                "Law 169-VI; pick the account the child signs in with."
            )
        )
        self.add.setText(self.tr("Add this child"))
        self._show_children()

    def add_child(self) -> None:
        child = self.form.profile()
        if not child.name:
            self.note.show_error(self.tr("Enter the child's name."))
            return
        if self.state.child(child.name) is not None:  # saving would change that child instead
            self.note.show_error(
                self.tr("There is already a child called {name}.").format(name=child.name)
            )
            return
        self.state.save_child(child, self._on_saved, lambda e: self.note.show_error(error_text(e)))

    def _on_saved(self, child: ChildProfile) -> None:
        self.note.show_info(self.tr("{name} is added.").format(name=child.name))
        self.form.clear()
        self.completeChanged.emit()

    def _show_children(self) -> None:
        self.added.clear()
        for child in self.state.policy.children:
            accounts = ", ".join(child.accounts) or self.tr("no account")
            self.added.addItem(f"{child.name} — {child.age_class} — {accounts}")
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.state.policy.children)


class ModePage(WizardPage):
    """A family PC, or a school lab where every pupil's account gets a class profile."""

    def __init__(self, state: ConsoleState) -> None:
        super().__init__()
        self.state = state
        self.saved_mode: Mode | None = None
        self.home = QRadioButton()
        self.home.setChecked(True)
        self.school = QRadioButton()
        self.home_note = QLabel(wordWrap=True, indent=24)
        self.school_note = QLabel(wordWrap=True, indent=24)
        self.note = Note()
        layout = QVBoxLayout(self)
        for widget in (self.home, self.home_note, self.school, self.school_note, self.note):
            layout.addWidget(widget)
        layout.addStretch()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Home or school"))
        self.home.setText(self.tr("Home: a family PC"))
        self.home_note.setText(self.tr("Each child has a profile of their own."))
        self.school.setText(self.tr("School: a computer lab"))
        self.school_note.setText(
            self.tr("Pupils' accounts share class profiles; exam mode allows chosen sites only.")
        )

    def mode(self) -> Mode:
        return Mode.SCHOOL if self.school.isChecked() else Mode.HOME

    def validatePage(self) -> bool:  # noqa: N802
        if self.saved_mode is self.mode():
            return True
        self.state.set_mode(self.mode(), self._on_saved)
        return False

    def _on_saved(self, result: JsonValue) -> None:
        self.saved_mode = Mode(str(result))
        self.wizard().next()


class CheckPage(WizardPage):
    """Whether protection works now: the service, the certificate, the firewall."""

    def __init__(self, state: ConsoleState) -> None:
        super().__init__()
        self.state = state
        self.report = ProtectionReport()
        layout = QVBoxLayout(self)
        layout.addWidget(self.report, alignment=Qt.AlignmentFlag.AlignTop)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Protection check"))

    def initializePage(self) -> None:  # noqa: N802
        self.report.set_checking()
        self.report.refresh(self.state)
