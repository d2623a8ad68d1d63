"""The schedule: allowed hours painted on a week, each day's limit, bedtime and homework time,
and budgets per category."""

from dataclasses import replace
from types import MappingProxyType

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.day_table import DayTable, minutes_box
from app.gui.console.editing import ChildEditingPage
from app.gui.console.state import ConsoleState
from app.gui.console.week_grid import ALLOWED, BEDTIME, FREE, WeekGrid
from app.gui.texts import category_name
from rules.categories import Category
from rules.policy import ChildProfile, Weekday

BUDGET_CATEGORIES = (
    Category.GAMES,
    Category.VIDEO,
    Category.SOCIAL_NETWORKS,
    Category.CHAT,
    Category.EDUCATION,
)


def swatch(colour: str, text: str) -> str:
    return f'<span style="color:{colour}">&#9632;</span>&nbsp;{text}'


class SchedulePage(ChildEditingPage):
    """When and how long: hours on a grid, minutes a day, minutes a category."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.hours_box = QGroupBox()
        self.grid = WeekGrid()
        self.allow_all = QPushButton()
        self.close_all = QPushButton()
        self.legend = QLabel(wordWrap=True)
        self.hint = QLabel(wordWrap=True)
        hours = QGridLayout(self.hours_box)
        hours.addWidget(self.grid, 0, 0, 1, 4)
        hours.addWidget(self.legend, 1, 0, 1, 4)
        hours.addWidget(self.hint, 2, 0, 1, 2)
        hours.addWidget(self.allow_all, 2, 2)
        hours.addWidget(self.close_all, 2, 3)
        self.days = DayTable()
        self.days.changed.connect(self._show_marks)
        self.budgets_box = QWidget()
        self.budgets_title = QLabel(wordWrap=True)
        self.budget_labels: dict[Category, QLabel] = {}
        self.budgets: dict[Category, QSpinBox] = {}
        budgets = QGridLayout(self.budgets_box)
        budgets.addWidget(self.budgets_title, 0, 0, 1, 2)
        for row, category in enumerate(BUDGET_CATEGORIES):
            self.budget_labels[category] = QLabel()
            self.budgets[category] = minutes_box()
            budgets.addWidget(self.budget_labels[category], row + 1, 0)
            budgets.addWidget(self.budgets[category], row + 1, 1)
        self.apps_hint = QLabel(wordWrap=True)
        budgets.addWidget(self.apps_hint, len(BUDGET_CATEGORIES) + 1, 0, 1, 2)
        budgets.setRowStretch(len(BUDGET_CATEGORIES) + 2, 1)
        budgets.setColumnStretch(2, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.days, "")
        self.tabs.addTab(self.budgets_box, "")
        column = QVBoxLayout()
        column.addWidget(self.hours_box)
        column.addWidget(self.tabs)
        column.addStretch()
        self.body.addLayout(column)
        self.allow_all.clicked.connect(lambda: self.grid.set_all(True))
        self.close_all.clicked.connect(lambda: self.grid.set_all(False))
        self.retranslate()

    def retranslate(self) -> None:
        self.retranslate_common()
        self.title.setText(self.tr("Schedule and time limits"))
        self.hours_box.setTitle(self.tr("Allowed hours"))
        self.legend.setText(
            "&nbsp;&nbsp;".join(
                (
                    swatch(ALLOWED.name(), self.tr("the PC may be used")),
                    swatch(FREE.name(), self.tr("homework time, not counted")),
                    swatch(BEDTIME.name(), self.tr("bedtime")),
                )
            )
        )
        self.hint.setText(self.tr("Click or drag over half-hours to open or close them."))
        self.allow_all.setText(self.tr("Allow all"))
        self.close_all.setText(self.tr("Close all"))
        names = (
            self.tr("Mon"),
            self.tr("Tue"),
            self.tr("Wed"),
            self.tr("Thu"),
            self.tr("Fri"),
            self.tr("Sat"),
            self.tr("Sun"),
        )
        self.grid.day_names = list(names)
        self.grid.updateGeometry()
        self.grid.update()
        self.days.retranslate(list(names))
        self.tabs.setTabText(0, self.tr("Each day"))
        self.tabs.setTabText(1, self.tr("Budgets per category"))
        self.budgets_title.setText(self.tr("Daily budget per category (0: no budget)"))
        for category in BUDGET_CATEGORIES:
            self.budget_labels[category].setText(category_name(category))
            self.budgets[category].setSuffix(" " + self.tr("min"))
        self.apps_hint.setText(
            self.tr("Budgets for single apps, and apps that do not count, are set under Apps.")
        )

    @property
    def limited(self) -> dict[Weekday, QCheckBox]:
        return {day: row.limited for day, row in self.days.rows.items()}

    @property
    def allowance(self) -> dict[Weekday, QSpinBox]:
        return {day: row.allowance for day, row in self.days.rows.items()}

    def set_fields_enabled(self, enabled: bool) -> None:
        self.grid.editable = enabled
        for widget in (self.allow_all, self.close_all, *self.budgets.values()):
            widget.setEnabled(enabled)
        self.days.set_enabled(enabled)

    def load(self, child: ChildProfile) -> None:
        week = child.rules.week
        self.grid.set_week({day: week[day].allowed for day in Weekday})
        self.days.load(week)
        for category in BUDGET_CATEGORIES:
            self.budgets[category].setValue(child.rules.category_budgets.get(category, 0))

    def edited(self, child: ChildProfile) -> ChildProfile:
        painted = self.grid.week()
        week = {
            day: replace(
                rules,
                allowed=painted[day] if self.grid.painted else rules.allowed,
            )
            for day, rules in self.days.applied(child.rules.week).items()
        }
        budgets = {
            category: minutes
            for category, minutes in child.rules.category_budgets.items()
            if category not in BUDGET_CATEGORIES
        }
        budgets.update({c: box.value() for c, box in self.budgets.items() if box.value() > 0})
        rules = replace(
            child.rules,
            week=MappingProxyType(week),
            category_budgets=MappingProxyType(budgets),
        )
        return replace(child, rules=rules)

    def _show_marks(self) -> None:
        week = self.loaded.rules.week if self.loaded is not None else None
        if week is not None:
            self.grid.set_marks(self.days.shown(week))
