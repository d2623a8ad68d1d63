"""The fields that describe a new child: name, birth year, age class, OS account, language."""

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from app.gui.accounts import LocalAccount, current_account, local_accounts
from app.gui.texts import age_class_text
from app.gui.widgets import Page, set_form_labels
from app.gui.worker import in_background
from rules.ageclass import AgeClass, default_age_class
from rules.policy import ChildProfile
from rules.text import Language

LANGUAGE_NAMES = {Language.KK: "Қазақша", Language.RU: "Русский", Language.EN: "English"}
NO_YEAR = 1999  # the spin box's minimum, shown as "not given"


def language_box() -> QComboBox:
    """Languages in their own names, so they read the same in every GUI language."""
    box = QComboBox()
    for language in Language:
        box.addItem(LANGUAGE_NAMES[language], str(language))
    return box


def age_class_box() -> QComboBox:
    box = QComboBox()
    for age_class in AgeClass:
        box.addItem(str(age_class), str(age_class))
    return box


def relabel_age_classes(box: QComboBox) -> None:
    for index in range(box.count()):
        box.setItemText(index, age_class_text(AgeClass(box.itemData(index))))


class ChildForm(Page):
    """Entering a child: the birth year proposes the age class, which the parent may change."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._class_chosen = False
        self.name = QLineEdit()
        self.birth_year = QSpinBox()
        self.birth_year.setRange(NO_YEAR, today.year)
        self.birth_year.setValue(today.year - 10)
        self.age_class = age_class_box()
        self.account = QComboBox()
        self.account.setEditable(True)
        self.language = language_box()
        self.form = QFormLayout(self)
        for field in (self.name, self.birth_year, self.age_class, self.account, self.language):
            self.form.addRow(QLabel(), field)
        self.name.textChanged.connect(self.changed)
        self.birth_year.valueChanged.connect(self._on_year)
        self.age_class.activated.connect(self._on_class_chosen)
        self._on_year(self.birth_year.value())
        in_background(local_accounts, self.set_accounts, self)
        self.retranslate()

    def retranslate(self) -> None:
        labels = (
            self.tr("Name"),
            self.tr("Birth year"),
            self.tr("Age class"),
            self.tr("OS account"),
            self.tr("Language"),
        )
        set_form_labels(self.form, labels)
        self.name.setPlaceholderText(self.tr("for example, Aruzhan"))
        self.birth_year.setSpecialValueText(self.tr("not given"))
        account = self.account.lineEdit()
        if account is not None:
            account.setPlaceholderText(self.tr("the account the child signs in with"))
        self.age_class.setToolTip(
            self.tr("Proposed from the birth year (Law 169-VI); you may choose another class.")
        )
        relabel_age_classes(self.age_class)

    def set_accounts(self, accounts: list[LocalAccount]) -> None:
        typed = self.account.currentText()
        self.account.clear()
        me = current_account()
        for account in accounts:
            self.account.addItem(account.label, account.name)
        if me not in {a.name for a in accounts}:
            self.account.addItem(me, me)
        self.account.setEditText(typed)

    def _on_year(self, year: int) -> None:
        if year != NO_YEAR and not self._class_chosen:
            proposed = default_age_class(year, self._today)
            self.age_class.setCurrentIndex(self.age_class.findData(str(proposed)))
        self.changed.emit()

    def _on_class_chosen(self, index: int) -> None:
        self._class_chosen = True
        self.changed.emit()

    def account_name(self) -> str:
        index = self.account.findText(self.account.currentText())
        data = self.account.itemData(index) if index >= 0 else None
        return str(data) if data else self.account.currentText().strip()

    def profile(self) -> ChildProfile:
        """The child as entered; the service validates it again when it is saved."""
        year = self.birth_year.value()
        account = self.account_name()
        return ChildProfile(
            name=self.name.text().strip(),
            age_class=AgeClass(self.age_class.currentData()),
            accounts=(account,) if account else (),
            language=Language(self.language.currentData()),
            birth_year=None if year == NO_YEAR else year,
        )

    def clear(self) -> None:
        self.name.clear()
        self._class_chosen = False
        self.account.setEditText("")
        self._on_year(self.birth_year.value())
