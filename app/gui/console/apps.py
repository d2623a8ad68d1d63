"""Apps: which are blocked, which have a daily budget, which do not count (learning apps)."""

from dataclasses import replace
from types import MappingProxyType

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.day_table import minutes_box
from app.gui.console.editing import ChildEditingPage
from app.gui.console.state import ConsoleState
from app.gui.installed import installed_apps
from app.gui.texts import error_text
from app.gui.worker import in_background
from rules.ipc import IpcError, JsonValue
from rules.policy import ChildProfile

DEFAULT_BUDGET = 60
NAME_ROLE = Qt.ItemDataRole.UserRole


def list_values(widget: QListWidget) -> tuple[str, ...]:
    return tuple(widget.item(i).text() for i in range(widget.count()))


class AppsPage(ChildEditingPage):
    """Pick an app from those running now, those installed, or type its program name."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.pick_box = QGroupBox()
        self.name = QLineEdit()
        self.names = QStringListModel(self)
        self.name.setCompleter(QCompleter(self.names, self))
        self.running = QListWidget()
        self.refresh_running = QPushButton()
        self.block = QPushButton()
        self.budget = QPushButton()
        self.free = QPushButton()
        self.running_label = QLabel()
        pick = QGridLayout(self.pick_box)
        pick.addWidget(self.name, 0, 0, 1, 3)
        for column, button in enumerate((self.block, self.budget, self.free)):
            pick.addWidget(button, 1, column)
        pick.addWidget(self.running_label, 2, 0, 1, 2)
        pick.addWidget(self.refresh_running, 2, 2)
        pick.addWidget(self.running, 3, 0, 1, 3)
        self.blocked_box, self.budgets_box, self.free_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.blocked = QListWidget()
        self.budgets = QTableWidget(0, 2)
        self.budgets.verticalHeader().hide()
        self.budgets.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.budgets.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.free_apps = QListWidget()
        self.remove_buttons: list[QPushButton] = []
        for box, view in (
            (self.blocked_box, self.blocked),
            (self.budgets_box, self.budgets),
            (self.free_box, self.free_apps),
        ):
            stacked = QVBoxLayout(box)
            stacked.addWidget(view)
            remove = QPushButton()
            remove.clicked.connect(lambda _=False, v=view: self._remove_selected(v))
            stacked.addWidget(remove)
            self.remove_buttons.append(remove)
        lists = QHBoxLayout()
        for box in (self.blocked_box, self.budgets_box, self.free_box):
            lists.addWidget(box)
        self.body.addWidget(self.pick_box)
        self.body.addLayout(lists, 1)
        self.running.itemClicked.connect(lambda item: self.name.setText(item.data(NAME_ROLE)))
        self.refresh_running.clicked.connect(self.load_running)
        self.block.clicked.connect(lambda: self.add_to(self.blocked))
        self.free.clicked.connect(lambda: self.add_to(self.free_apps))
        self.budget.clicked.connect(self.add_budget)
        self.installed: list[str] = []
        in_background(installed_apps, self._on_installed, self)
        self.retranslate()

    def retranslate(self) -> None:
        self.retranslate_common()
        self.title.setText(self.tr("Apps"))
        self.pick_box.setTitle(self.tr("Choose an app"))
        self.name.setPlaceholderText(self.tr("program name, e.g. minecraft-launcher"))
        self.block.setText(self.tr("Block"))
        self.budget.setText(self.tr("Give a daily budget"))
        self.free.setText(self.tr("Does not count (learning)"))
        self.running_label.setText(self.tr("Running now (click to choose):"))
        self.refresh_running.setText(self.tr("Refresh"))
        self.blocked_box.setTitle(self.tr("Blocked apps"))
        self.budgets_box.setTitle(self.tr("Daily budgets"))
        self.free_box.setTitle(self.tr("Do not count towards the time"))
        self.budgets.setHorizontalHeaderLabels([self.tr("App"), self.tr("Minutes a day")])
        for button in self.remove_buttons:
            button.setText(self.tr("Remove"))

    def activate(self) -> None:
        self.load_running()

    def load_running(self) -> None:
        if self.state.writable:
            self.state.call(
                "processes.running", on_result=self._on_running, on_error=self._on_running_error
            )

    def _on_running(self, result: JsonValue) -> None:
        self.running.clear()
        for item in result if isinstance(result, list) else []:
            name = item.get("name") if isinstance(item, dict) else None
            if isinstance(item, dict) and isinstance(name, str):
                accounts = item.get("accounts")
                who = ", ".join(str(a) for a in accounts) if isinstance(accounts, list) else ""
                entry = QListWidgetItem(f"{name}  ({who})" if who else name)
                entry.setData(NAME_ROLE, name)
                self.running.addItem(entry)
        self._offer_names()

    def _on_running_error(self, error: IpcError) -> None:
        self.running.clear()
        self.running.addItem(error_text(error))

    def _on_installed(self, names: list[str]) -> None:
        self.installed = names
        self._offer_names()

    def _offer_names(self) -> None:
        running = [self.running.item(i).data(NAME_ROLE) for i in range(self.running.count())]
        running = [name for name in running if isinstance(name, str)]
        self.names.setStringList(sorted({*running, *self.installed}, key=str.casefold))

    def set_fields_enabled(self, enabled: bool) -> None:
        for widget in (
            self.block,
            self.budget,
            self.free,
            self.refresh_running,
            *self.remove_buttons,
            self.budgets,
        ):
            widget.setEnabled(enabled)

    def _typed(self) -> str | None:
        name = self.name.text().strip()
        if not name:
            self.note.show_error(self.tr("Type or choose the app's program name first."))
            return None
        self.note.clear_note()
        self.name.clear()
        return name

    def add_to(self, widget: QListWidget) -> None:
        name = self._typed()
        if name and name not in list_values(widget):
            widget.addItem(name)

    def add_budget(self) -> None:
        name = self._typed()
        if name and name not in self._budgets():
            self._add_budget_row(name, DEFAULT_BUDGET)

    def _add_budget_row(self, name: str, minutes: int) -> None:
        row = self.budgets.rowCount()
        self.budgets.insertRow(row)
        self.budgets.setItem(row, 0, QTableWidgetItem(name))
        box = minutes_box()
        box.setMinimum(1)
        box.setValue(minutes)
        self.budgets.setCellWidget(row, 1, box)

    def _budgets(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for row in range(self.budgets.rowCount()):
            item, box = self.budgets.item(row, 0), self.budgets.cellWidget(row, 1)
            if item is not None and isinstance(box, QSpinBox):
                found[item.text()] = box.value()
        return found

    def _remove_selected(self, view: QListWidget | QTableWidget) -> None:
        if isinstance(view, QTableWidget):
            for row in sorted({i.row() for i in view.selectedIndexes()}, reverse=True):
                view.removeRow(row)
            return
        for item in view.selectedItems():
            view.takeItem(view.row(item))

    def load(self, child: ChildProfile) -> None:
        rules = child.rules
        self.blocked.clear()
        self.blocked.addItems(list(rules.blocked_apps))
        self.free_apps.clear()
        self.free_apps.addItems(list(rules.free_apps))
        self.budgets.setRowCount(0)
        for name, minutes in rules.app_budgets.items():
            self._add_budget_row(name, minutes)

    def edited(self, child: ChildProfile) -> ChildProfile:
        rules = replace(
            child.rules,
            blocked_apps=list_values(self.blocked),
            free_apps=list_values(self.free_apps),
            app_budgets=MappingProxyType(self._budgets()),
        )
        return replace(child, rules=rules)
