"""Small pieces the console's and tray's views share."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QTableWidget,
    QWidget,
)


class Page(QWidget):
    """A view that sets its texts in `retranslate` and follows whether changes may be saved.

    Subclasses build their widgets, then call `retranslate()` at the end of `__init__`;
    a language switch calls it again through Qt's LanguageChange event.
    """

    def retranslate(self) -> None:
        """Set every text the view shows, in the current language."""

    def set_writable(self, writable: bool) -> None:
        """Enable or disable what changes the service's data."""

    def activate(self) -> None:
        """The view was opened: fetch what it shows."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class Note(QLabel):
    """A line of feedback under a form: an error in red, else information."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setStyleSheet("color: #b00020;")
        self.setText(text)
        self.show()

    def show_info(self, text: str) -> None:
        self.setStyleSheet("color: #1b5e20;")
        self.setText(text)
        self.show()

    def clear_note(self) -> None:
        self.clear()
        self.hide()


class Banner(QLabel):
    """A coloured strip across a window: a warning that stays while it is true."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setMargin(8)
        self.setStyleSheet("background: #fff3cd; color: #5c4400; border-bottom: 1px solid #e0c36c;")
        self.hide()


def heading(text: str = "", level: int = 1) -> QLabel:
    """A title label; its text is set (and retranslated) by the view."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * (1.5 if level == 1 else 1.15))
    font.setBold(True)
    label.setFont(font)
    return label


def table(columns: int) -> QTableWidget:
    """A read-only table whose rows are chosen whole, columns sized to their contents."""
    view = QTableWidget(0, columns)
    view.verticalHeader().hide()
    view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


def selected_row(view: QTableWidget) -> int | None:
    rows = {index.row() for index in view.selectedIndexes()}
    return min(rows) if rows else None


def set_form_labels(form: QLayout | None, texts: tuple[str, ...]) -> None:
    """Set the labels of a QFormLayout's rows, in order; rows without a label are skipped."""
    if not isinstance(form, QFormLayout):
        return
    for row, text in enumerate(texts):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        label = item.widget() if item is not None else None
        if isinstance(label, QLabel):
            label.setText(text)
