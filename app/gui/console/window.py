"""The console's window: the first-run wizard, the PIN screen or the workspace, and a banner."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from app.gui.console.alerts import ConsoleAlerts, system_notifier
from app.gui.console.idle import IdleWatcher
from app.gui.console.login import LoginPage
from app.gui.console.state import ConsoleState
from app.gui.console.wizard import FirstRunWizard
from app.gui.console.workspace import Workspace
from app.gui.icon import shield_icon
from app.gui.widgets import Banner
from rules.ipc import JsonValue
from rules.text import Language


class ConsoleWindow(QMainWindow):
    """Shows what fits the moment: no PIN yet, locked, or open; read-only without the service."""

    def __init__(
        self,
        state: ConsoleState,
        *,
        choose_language: Callable[[Language], None],
        idle: IdleWatcher,
        today: date,
        set_idle_minutes: Callable[[int], None],
        idle_minutes: int,
    ) -> None:
        super().__init__()
        self.state = state
        self.idle = idle
        self.banner = Banner()
        self.stack = QStackedWidget()
        self.login = LoginPage(state)
        self.wizard = FirstRunWizard(state, choose_language, today)
        self.wizard.setWindowFlags(Qt.WindowType.Widget)
        self.workspace = Workspace(
            state,
            today=today,
            choose_language=choose_language,
            set_idle_minutes=set_idle_minutes,
            idle_minutes=idle_minutes,
        )
        for page in (self.login, self.wizard, self.workspace):
            self.stack.addWidget(page)
        self.alerts = ConsoleAlerts(state, system_notifier(self), parent=self)
        self.alerts.watcher.counts_changed.connect(self.workspace.dashboard.show_alerts)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.alerts.banner)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setWindowIcon(shield_icon())
        self.resize(1180, 760)
        self._lock_reason = "session"
        state.connection_changed.connect(self._on_connection)
        state.hello_received.connect(self._on_hello)
        state.unlocked_changed.connect(self._on_unlocked)
        state.failed.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.wizard.completed.connect(self._open_workspace)
        self.workspace.lock.clicked.connect(lambda: self.lock("session"))
        idle.idle.connect(lambda: self.lock("idle"))
        self.stack.setCurrentWidget(self.login)
        self.retranslate()
        self._on_connection(state.connected)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Qorgan — parent console"))
        self._show_banner()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_banner(self) -> None:
        if self.state.connected:
            self.banner.hide()
            return
        if self.state.unlocked:
            text = self.tr(
                "The Qorgan service is not reachable. You see what was loaded before, read-only; "
                "the console reconnects by itself. Rules still apply while the console is closed."
            )
        else:
            text = self.tr(
                "The Qorgan service is not reachable, so the PIN cannot be checked. "
                "Trying again… (is Qorgan installed and running?)"
            )
        self.banner.setText(text)
        self.banner.show()

    def _on_connection(self, up: bool) -> None:
        self._show_banner()
        self.login.set_writable(up)

    def _on_hello(self, hello: JsonValue) -> None:
        if self.state.unlocked or not isinstance(hello, dict):
            return
        if hello.get("pin_set") is False:
            self.stack.setCurrentWidget(self.wizard)
        elif self.stack.currentWidget() is self.wizard and not self.wizard.pin_page.pin_set:
            self.stack.setCurrentWidget(self.login)  # someone else finished the first run

    def _on_unlocked(self, unlocked: bool) -> None:
        if unlocked:
            self.idle.start()
            if self.stack.currentWidget() is not self.wizard:
                self._open_workspace()
            return
        self.idle.stop()
        self.login.set_reason(self._lock_reason)
        self._lock_reason = "session"
        self.stack.setCurrentWidget(self.login)
        self.login.activate()
        self._show_banner()

    def _open_workspace(self) -> None:
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.show_view("dashboard")
        self.workspace.views["dashboard"].activate()

    def lock(self, reason: str) -> None:
        """Close the console until the PIN is entered again."""
        if self.state.unlocked:
            self._lock_reason = reason
            self.state.lock()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.state.lock()
        super().closeEvent(event)
