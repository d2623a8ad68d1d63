"""Categories against the age class: the class's default, and the parent's choice for the child."""

from collections.abc import Mapping
from types import MappingProxyType

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from app.gui.texts import category_name
from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, default_action
from rules.categories import Category

AS_CLASS = "class"
BLOCKED_COLOUR = QColor("#b00020")
ALLOWED_COLOUR = QColor("#1b5e20")


class CategoryGrid(QTableWidget):
    """One row per category; protected categories stay blocked and cannot be changed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(Category), 3, parent)
        self.age_class = AgeClass.TWELVE
        self.verticalHeader().hide()
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.choices: dict[Category, QComboBox] = {}
        for row, category in enumerate(Category):
            self.setItem(row, 0, QTableWidgetItem())
            self.setItem(row, 1, QTableWidgetItem())
            box = QComboBox()
            for value in (AS_CLASS, CategoryAction.ALLOW, CategoryAction.BLOCK):
                box.addItem("", str(value))
            box.setEnabled(not category.is_protected)
            self.setCellWidget(row, 2, box)
            self.choices[category] = box
        self.retranslate()

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels(
            [
                self.tr("Category"),
                self.tr("Class {age_class}").format(age_class=self.age_class),
                self.tr("For this child"),
            ]
        )
        for row, category in enumerate(Category):
            self.cell(row, 0).setText(category_name(category))
            self.cell(row, 0).setToolTip(category_name(category))
            box = self.choices[category]
            box.setItemText(0, self.tr("as the class"))
            box.setItemText(1, self.tr("allow"))
            box.setItemText(2, self.tr("block"))
            if category.is_protected:
                box.setToolTip(self.tr("Always blocked for everyone; no one can allow it."))
        self._show_defaults()

    def _action_text(self, action: CategoryAction) -> str:
        return self.tr("allowed") if action is CategoryAction.ALLOW else self.tr("blocked")

    def _show_defaults(self) -> None:
        for row, category in enumerate(Category):
            action = default_action(category, self.age_class)
            item = self.cell(row, 1)
            item.setText(self._action_text(action))
            colour = ALLOWED_COLOUR if action is CategoryAction.ALLOW else BLOCKED_COLOUR
            item.setForeground(colour)
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)

    def cell(self, row: int, column: int) -> QTableWidgetItem:
        item = self.item(row, column)
        assert item is not None, "every cell gets an item in __init__"
        return item

    def set_age_class(self, age_class: AgeClass) -> None:
        self.age_class = age_class
        self.retranslate()

    def set_overrides(self, overrides: Mapping[Category, CategoryAction]) -> None:
        for category, box in self.choices.items():
            chosen = overrides.get(category)
            box.setCurrentIndex(box.findData(AS_CLASS if chosen is None else str(chosen)))

    def overrides(self) -> Mapping[Category, CategoryAction]:
        """The parent's choices that differ from "as the class"; protected ones never."""
        found = {
            category: CategoryAction(box.currentData())
            for category, box in self.choices.items()
            if box.currentData() != AS_CLASS and not category.is_protected
        }
        return MappingProxyType(found)

    def effective(self, category: Category) -> CategoryAction:
        """What the child gets for `category` with the choices as they stand."""
        if category.is_protected:
            return CategoryAction.BLOCK
        return self.overrides().get(category) or default_action(category, self.age_class)

    def set_editable(self, editable: bool) -> None:
        for category, box in self.choices.items():
            box.setEnabled(editable and not category.is_protected)
