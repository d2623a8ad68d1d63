"""The console once the PIN is entered: a list of views on the left, the chosen view beside it."""

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.activity import ActivityPage
from app.gui.console.apps import AppsPage
from app.gui.console.child_editor import ChildEditorPage
from app.gui.console.dashboard import DashboardPage
from app.gui.console.groups import GroupsPage
from app.gui.console.lists import ListsPage
from app.gui.console.reports import ReportsPage
from app.gui.console.requests import RequestsPage
from app.gui.console.schedule import SchedulePage
from app.gui.console.settings import SettingsPage
from app.gui.console.state import ConsoleState
from app.gui.widgets import Page
from rules.policy import Mode
from rules.text import Language

VIEWS = (
    "dashboard",
    "children",
    "schedule",
    "apps",
    "lists",
    "activity",
    "requests",
    "reports",
    "groups",
    "settings",
)


class Workspace(QWidget):
    """Holds every view; `show_view(name)` opens one and lets it load what it shows."""

    def __init__(
        self,
        state: ConsoleState,
        *,
        today: date,
        choose_language: Callable[[Language], None],
        set_idle_minutes: Callable[[int], None],
        idle_minutes: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.nav = QListWidget()
        self.nav.setFixedWidth(200)
        self.lock = QPushButton()
        self.stack = QStackedWidget()
        self.views: dict[str, Page] = {
            "dashboard": DashboardPage(state),
            "children": ChildEditorPage(state, today),
            "groups": GroupsPage(state),
            "schedule": SchedulePage(state),
            "apps": AppsPage(state),
            "lists": ListsPage(state),
            "activity": ActivityPage(state),
            "requests": RequestsPage(state),
            "reports": ReportsPage(state),
            "settings": SettingsPage(state, choose_language, set_idle_minutes, idle_minutes),
        }
        for name in VIEWS:
            self.nav.addItem("")
            self.stack.addWidget(self.views[name])
        side = QVBoxLayout()
        side.addWidget(self.nav, 1)
        side.addWidget(self.lock)
        layout = QHBoxLayout(self)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._on_row)
        self.dashboard.open_requests.connect(lambda: self.show_view("requests"))
        state.requests_changed.connect(self.retranslate)
        state.policy_changed.connect(self.show_school_views)
        state.writable_changed.connect(self.set_writable)
        self.retranslate()
        self.set_writable(state.writable)
        self.show_school_views()

    @property
    def dashboard(self) -> DashboardPage:
        view = self.views["dashboard"]
        assert isinstance(view, DashboardPage)
        return view

    def retranslate(self) -> None:
        pending = len(self.state.pending_requests)
        names = {
            "dashboard": self.tr("Today"),
            "children": self.tr("Children"),
            "groups": self.tr("School groups"),
            "schedule": self.tr("Schedule"),
            "apps": self.tr("Apps"),
            "lists": self.tr("Lists"),
            "activity": self.tr("Activity"),
            "requests": self.tr("Requests ({count})").format(count=pending)
            if pending
            else self.tr("Requests"),
            "reports": self.tr("Reports"),
            "settings": self.tr("Settings"),
        }
        for row, name in enumerate(VIEWS):
            item = self.nav.item(row)
            item.setText(names[name])
            item.setData(Qt.ItemDataRole.UserRole, name)
        self.lock.setText(self.tr("Lock the console"))

    def show_school_views(self) -> None:
        """School groups are for a lab: their view is listed in school mode only."""
        school = self.state.policy.mode is Mode.SCHOOL
        self.nav.item(VIEWS.index("groups")).setHidden(not school)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_writable(self, writable: bool) -> None:
        for view in self.views.values():
            view.set_writable(writable)

    def current_view(self) -> str:
        return VIEWS[self.stack.currentIndex()]

    def show_view(self, name: str) -> None:
        self.nav.setCurrentRow(VIEWS.index(name))

    def _on_row(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.views[VIEWS[row]].activate()
