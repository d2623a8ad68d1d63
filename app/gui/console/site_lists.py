"""A parent's allow or deny list: domains, URL prefixes, IPs or networks, checked as typed."""

from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QWidget,
)

from app.gui.widgets import Note
from rules.sitelist import SiteEntryError, SiteList


class SiteListEditor(QWidget):
    """Entries are checked the way the filter reads them, so a bad one never reaches it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries = QListWidget()
        self.entry = QLineEdit()
        self.add = QPushButton()
        self.remove = QPushButton()
        self.note = Note()
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.entries, 0, 0, 1, 2)
        grid.addWidget(self.entry, 1, 0, 1, 2)
        grid.addWidget(self.add, 2, 0)
        grid.addWidget(self.remove, 2, 1)
        grid.addWidget(self.note, 3, 0, 1, 2)
        self.add.clicked.connect(self.add_typed)
        self.entry.returnPressed.connect(self.add_typed)
        self.remove.clicked.connect(self.remove_selected)
        self.retranslate()

    def retranslate(self) -> None:
        self.entry.setPlaceholderText(self.tr("a site, e.g. bilimland.kz or 10.0.0.0/8"))
        self.add.setText(self.tr("Add"))
        self.remove.setText(self.tr("Remove"))

    def set_values(self, values: tuple[str, ...]) -> None:
        self.entries.clear()
        self.entries.addItems(list(values))
        self.note.clear_note()

    def values(self) -> tuple[str, ...]:
        return tuple(self.entries.item(i).text() for i in range(self.entries.count()))

    def add_value(self, value: str) -> bool:
        """Add one entry; False (with the reason shown) if the filter could not read it."""
        value = value.strip()
        if not value:
            return False
        try:
            SiteList([value])
        except SiteEntryError as error:
            self.note.show_error(
                self.tr("Not a site the filter can read: {error}").format(error=error)
            )
            return False
        self.note.clear_note()
        if value not in self.values():
            self.entries.addItem(value)
        return True

    def add_typed(self) -> None:
        if self.add_value(self.entry.text()):
            self.entry.clear()

    def remove_selected(self) -> None:
        for item in self.entries.selectedItems():
            self.entries.takeItem(self.entries.row(item))

    def set_editable(self, editable: bool) -> None:
        for widget in (self.entry, self.add, self.remove):
            widget.setEnabled(editable)
