"""The tray's face: time left, ask for more, what Qorgan does, and the latest warning.

Shown as the tray icon's window, or on its own where the desktop has no tray (and in tests).
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.screentime import state_text
from app.gui.texts import minutes_text
from app.gui.tray.about import AboutDialog
from app.gui.tray.ask import AskDialog
from app.gui.tray.model import TrayModel
from app.gui.widgets import heading


class TrayPanel(QWidget):
    """Follows the model; `notify` keeps the last warning visible for a child to read again."""

    def __init__(self, model: TrayModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.title = heading()
        self.time_left = QLabel(wordWrap=True)
        self.detail = QLabel(wordWrap=True)
        self.warning = QLabel(wordWrap=True)
        self.warning.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.warning.hide()
        self.ask = QPushButton()
        self.about = QPushButton()
        layout = QVBoxLayout(self)
        for widget in (self.title, self.time_left, self.detail, self.warning, self.ask, self.about):
            layout.addWidget(widget)
        layout.addStretch()
        self.ask.clicked.connect(self.open_ask)
        self.about.clicked.connect(self.open_about)
        model.status_changed.connect(self.retranslate)
        self.dialog: QWidget | None = None
        self._warning_minutes: int | None = None
        self.setMinimumWidth(320)
        self.retranslate()

    def time_text(self) -> str:
        model = self.model
        if not model.reachable and model.available is not False:
            return self.tr("Qorgan's service is not reachable right now.")
        if model.available is False:
            return self.tr("Screen time is not counted on this PC yet.")
        status = model.status
        if status is None:
            return self.tr("Checking your time…")
        if not status.supervised:
            return self.tr("Qorgan does not supervise this account.")
        if status.allowance is None:
            return self.tr("No time limit today.")
        left = status.remaining if status.remaining is not None else 0
        return self.tr("Time left today: {time}").format(time=minutes_text(max(left, 0)))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Qorgan"))
        self.title.setText(self.tr("Qorgan is on"))
        self.time_left.setText(self.time_text())
        status = self.model.status
        self.detail.setText(
            self.tr("Now: {state}").format(state=state_text(status.state))
            if status is not None and status.state
            else ""
        )
        self.detail.setVisible(bool(self.detail.text()))
        self.ask.setText(self.tr("Ask for more time…"))
        self.about.setText(self.tr("What Qorgan does"))
        if self._warning_minutes is not None:
            self.warning.setText(self.warning_text(self._warning_minutes))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def warning_text(self, minutes: int) -> str:
        if minutes <= 0:
            return self.tr("Your computer time for today is over.")
        return self.tr("{time} of computer time left today. Save your work.").format(
            time=minutes_text(minutes)
        )

    def notify(self, minutes: int) -> None:
        """A warning the tray worked out itself (a service that sends no notices)."""
        self._show(self.warning_text(minutes))
        self._warning_minutes = minutes

    def show_notice(self, text: str) -> None:
        """The service's notice, in the child's language; it stays for the child to reread."""
        self._show(text)

    def _show(self, text: str) -> None:
        self._warning_minutes = None
        self.warning.setText(text)
        self.warning.show()
        self.adjustSize()

    def open_ask(self) -> None:
        dialog = AskDialog(self.model, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog

    def open_about(self) -> None:
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.dialog = dialog
