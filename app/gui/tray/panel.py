"""The tray's face: time left, ask for more, what Qorgan does, and the latest warning.

Shown as the tray icon's window, or on its own where the desktop has no tray (and in tests).
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.screentime import state_text
from app.gui.texts import category_name, minutes_text
from app.gui.tray.about import AboutDialog
from app.gui.tray.ask import AskDialog
from app.gui.tray.model import TrayModel
from app.gui.widgets import Note, heading
from rules.categories import Category


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
        self.refused = QLabel(wordWrap=True)
        self.refused.setStyleSheet("color: #1d2a4d;")
        self.refused.hide()
        self.ask_site = QPushButton()
        self.ask_site.hide()
        self.ask_site.clicked.connect(self._ask_for_site)
        self.site_note = Note()
        self.ask = QPushButton()
        self.about = QPushButton()
        layout = QVBoxLayout(self)
        for widget in (
            self.title,
            self.time_left,
            self.detail,
            self.warning,
            self.refused,
            self.ask_site,
            self.site_note,
            self.ask,
            self.about,
        ):
            layout.addWidget(widget)
        layout.addStretch()
        self.ask.clicked.connect(self.open_ask)
        self.about.clicked.connect(self.open_about)
        model.status_changed.connect(self.retranslate)
        model.refused.connect(self.show_refused)
        model.site_asked.connect(self._on_site_asked)
        model.site_ask_failed.connect(self._on_site_failed)
        self.refused_site: tuple[str, str | None, bool] | None = None
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
        self.ask_site.setText(self.tr("Ask a parent"))
        if self.refused_site is not None:
            self.refused.setText(self.refused_text(*self.refused_site))

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

    def refused_text(self, host: str, category: str | None, can_ask: bool) -> str:
        """Why the browser showed an error for `host`, warmly, in the child's words."""
        known = category if category in set(Category) else None
        if known is None:
            first = self.tr("{host} is blocked.").format(host=host)
        else:
            first = self.tr("{host} is blocked: {category}.").format(
                host=host, category=category_name(Category(known))
            )
        parts = [
            first,
            self.tr("You can ask a parent.") if can_ask else self.tr("This site stays closed."),
        ]
        if known == Category.SELF_HARM:
            parts.append(
                self.tr("If you feel bad, you can call 150 at any time: it is free, they listen.")
            )
        return " ".join(parts)

    def show_refused(self, host: str, category: str | None, can_ask: bool) -> None:
        """A site refused at the handshake: the browser showed an error, the panel says why."""
        self.refused_site = (host, category, can_ask)
        self.refused.setText(self.refused_text(host, category, can_ask))
        self.refused.show()
        self.ask_site.setVisible(can_ask)
        self.ask_site.setEnabled(True)
        self.site_note.clear_note()
        self.adjustSize()

    def _ask_for_site(self) -> None:
        if self.refused_site is not None:
            self.ask_site.setEnabled(False)
            self.model.ask_site(self.refused_site[0])

    def _on_site_asked(self, host: str) -> None:
        self.site_note.show_info(
            self.tr("A parent will see that you asked for {host}.").format(host=host)
        )

    def _on_site_failed(self, text: str) -> None:
        self.ask_site.setEnabled(True)
        self.site_note.show_error(text)

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
