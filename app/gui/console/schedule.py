"""The schedule: allowed hours painted on a week, the daily allowance, budgets per category."""

from dataclasses import replace
from types import MappingProxyType

from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.editing import ChildEditingPage
from app.gui.console.state import ConsoleState
from app.gui.console.week_grid import WeekGrid
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


def minutes_box(maximum: int = 24 * 60) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSingleStep(15)
    return box


class SchedulePage(ChildEditingPage):
    """When and how long: hours on a grid, minutes a day, minutes a category."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.hours_box = QGroupBox()
        self.grid = WeekGrid()
        self.allow_all = QPushButton()
        self.close_all = QPushButton()
        self.legend = QLabel(wordWrap=True)
        hours = QGridLayout(self.hours_box)
        hours.addWidget(self.grid, 0, 0, 1, 4)
        hours.addWidget(self.legend, 1, 0, 1, 2)
        hours.addWidget(self.allow_all, 1, 2)
        hours.addWidget(self.close_all, 1, 3)
        self.allowance_box = QGroupBox()
        self.day_labels: dict[Weekday, QLabel] = {}
        self.limited: dict[Weekday, QCheckBox] = {}
        self.allowance: dict[Weekday, QSpinBox] = {}
        days = QGridLayout(self.allowance_box)
        for day in Weekday:
            self.day_labels[day] = QLabel()
            self.limited[day] = QCheckBox()
            self.allowance[day] = minutes_box()
            self.limited[day].toggled.connect(self.allowance[day].setEnabled)
            days.addWidget(self.day_labels[day], day, 0)
            days.addWidget(self.limited[day], day, 1)
            days.addWidget(self.allowance[day], day, 2)
        self.budgets_box = QGroupBox()
        self.budget_labels: dict[Category, QLabel] = {}
        self.budgets: dict[Category, QSpinBox] = {}
        budgets = QGridLayout(self.budgets_box)
        for row, category in enumerate(BUDGET_CATEGORIES):
            self.budget_labels[category] = QLabel()
            self.budgets[category] = minutes_box()
            budgets.addWidget(self.budget_labels[category], row, 0)
            budgets.addWidget(self.budgets[category], row, 1)
        self.apps_hint = QLabel(wordWrap=True)
        budgets.addWidget(self.apps_hint, len(BUDGET_CATEGORIES), 0, 1, 2)
        lower = QHBoxLayout()
        lower.addWidget(self.allowance_box)
        lower.addWidget(self.budgets_box)
        column = QVBoxLayout()
        column.addWidget(self.hours_box)
        column.addLayout(lower)
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
            self.tr("Green: the PC may be used. Click or drag over half-hours to change them.")
        )
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
        self.allowance_box.setTitle(self.tr("Time allowed per day"))
        for day in Weekday:
            self.day_labels[day].setText(names[day])
            self.limited[day].setText(self.tr("limit"))
            self.allowance[day].setSuffix(" " + self.tr("min"))
        self.budgets_box.setTitle(self.tr("Daily budget per category (0: no budget)"))
        for category in BUDGET_CATEGORIES:
            self.budget_labels[category].setText(category_name(category))
            self.budgets[category].setSuffix(" " + self.tr("min"))
        self.apps_hint.setText(
            self.tr("Budgets for single apps, and apps that do not count, are set under Apps.")
        )

    def set_fields_enabled(self, enabled: bool) -> None:
        self.grid.editable = enabled
        for widget in (self.allow_all, self.close_all, *self.budgets.values()):
            widget.setEnabled(enabled)
        for day in Weekday:
            self.limited[day].setEnabled(enabled)
            self.allowance[day].setEnabled(enabled and self.limited[day].isChecked())

    def load(self, child: ChildProfile) -> None:
        week = child.rules.week
        self.grid.set_week({day: week[day].allowed for day in Weekday})
        for day in Weekday:
            minutes = week[day].allowance_minutes
            self.limited[day].setChecked(minutes is not None)
            self.allowance[day].setValue(120 if minutes is None else minutes)
        for category in BUDGET_CATEGORIES:
            self.budgets[category].setValue(child.rules.category_budgets.get(category, 0))

    def edited(self, child: ChildProfile) -> ChildProfile:
        painted = self.grid.week()
        week = {
            day: replace(
                child.rules.week[day],
                allowed=painted[day] if self.grid.painted else child.rules.week[day].allowed,
                allowance_minutes=self.allowance[day].value()
                if self.limited[day].isChecked()
                else None,
            )
            for day in Weekday
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
