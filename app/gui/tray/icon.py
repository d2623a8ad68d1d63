"""The tray icon where the desktop has a tray: a menu, and warnings as notifications."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from app.gui.icon import shield_icon
from app.gui.tray.panel import TrayPanel

WARNING_MS = 15_000


class TrayIcon(QObject):
    """Mirrors the panel: its menu repeats the time left and opens the panel's dialogs."""

    def __init__(self, panel: TrayPanel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.icon = QSystemTrayIcon(shield_icon(), self)
        self.menu = QMenu()
        self.time_left = QAction(self.menu)
        self.time_left.setEnabled(False)
        self.ask = QAction(self.menu)
        self.about = QAction(self.menu)
        self.menu.addAction(self.time_left)
        self.menu.addSeparator()
        self.menu.addAction(self.ask)
        self.menu.addAction(self.about)
        self.ask.triggered.connect(panel.open_ask)
        self.about.triggered.connect(panel.open_about)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(lambda reason: panel.show())
        panel.model.status_changed.connect(self.refresh)
        panel.model.warned.connect(self.notify)
        panel.model.noticed.connect(self.show_notice)
        panel.model.refused.connect(self.show_refused)
        self.icon.messageClicked.connect(self._open_panel)
        self.refresh()
        self.icon.show()

    def refresh(self) -> None:
        text = self.panel.time_text()
        self.time_left.setText(text)
        self.ask.setText(self.panel.ask.text())
        self.about.setText(self.panel.about.text())
        self.icon.setToolTip(f"{self.panel.title.text()}\n{text}")

    def notify(self, minutes: int) -> None:
        self.show_notice(self.panel.warning_text(minutes))

    def show_refused(self, host: str, category: str | None, can_ask: bool) -> None:
        """Clicking the notice opens the panel, whose button asks a parent."""
        text = self.panel.refused_text(host, category, can_ask)
        self.icon.showMessage("Qorgan", text, QSystemTrayIcon.MessageIcon.Information, WARNING_MS)

    def _open_panel(self) -> None:
        self.panel.show()
        self.panel.raise_()
        self.panel.activateWindow()

    def show_notice(self, text: str) -> None:
        self.icon.showMessage("Qorgan", text, QSystemTrayIcon.MessageIcon.Warning, WARNING_MS)
