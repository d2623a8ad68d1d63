"""Asking a parent for more time: how much, and a few words why."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.texts import minutes_text
from app.gui.tray.model import TrayModel
from app.gui.widgets import Note, set_form_labels

CHOICES = (15, 30, 60)
MAX_MESSAGE = 200


class AskDialog(QDialog):
    """Sends `screentime.ask`; the answer comes from a parent, in the console or at this PC."""

    def __init__(self, model: TrayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.minutes = QComboBox()
        for minutes in CHOICES:
            self.minutes.addItem("", minutes)
        self.message = QLineEdit(maxLength=MAX_MESSAGE)
        self.note = Note()
        self.send = QPushButton()
        self.cancel = QPushButton()
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.minutes)
        self.form.addRow(QLabel(), self.message)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.send.clicked.connect(self.submit)
        self.cancel.clicked.connect(self.reject)
        model.asked.connect(self._on_asked)
        model.ask_failed.connect(self._on_failed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Ask for more time"))
        for index, minutes in enumerate(CHOICES):
            self.minutes.setItemText(index, minutes_text(minutes))
        texts = (self.tr("How much"), self.tr("Why (optional)"))
        set_form_labels(self.form, texts)
        self.message.setPlaceholderText(self.tr("for example: to finish my homework"))
        self.send.setText(self.tr("Ask"))
        self.cancel.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def submit(self) -> None:
        self.send.setEnabled(False)
        self.model.ask(int(self.minutes.currentData()), self.message.text().strip())

    def _on_asked(self, notice: str) -> None:
        self.note.show_info(notice or self.tr("Sent. A parent will answer soon."))

    def _on_failed(self, text: str) -> None:
        self.send.setEnabled(True)
        self.note.show_error(text)
