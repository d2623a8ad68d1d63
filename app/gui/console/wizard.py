"""The first run: language, the parent's PIN, the children, home or school, then a check."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.gui.console.state import ConsoleState
from app.gui.console.wizard_pages import (
    CheckPage,
    ChildrenPage,
    LanguagePage,
    ModePage,
    PinPage,
)
from app.gui.i18n import LANGUAGES, current_language
from rules.text import Language


class FirstRunWizard(QWizard):
    """Shown while the service has no PIN; `completed` once the parent has finished it."""

    completed = Signal()

    def __init__(
        self,
        state: ConsoleState,
        choose_language: Callable[[Language], None],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setOption(QWizard.WizardOption.NoCancelButton)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.language_page = LanguagePage(list(LANGUAGES), choose_language, current_language())
        self.pin_page = PinPage(state)
        self.children_page = ChildrenPage(state, today)
        self.mode_page = ModePage(state)
        self.check_page = CheckPage(state)
        for page in (
            self.language_page,
            self.pin_page,
            self.children_page,
            self.mode_page,
            self.check_page,
        ):
            self.addPage(page)
        self.finished.connect(self._on_finished)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Setting up Qorgan"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Next"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Finish"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_finished(self, result: int) -> None:
        if result == QWizard.DialogCode.Accepted:
            self.completed.emit()
