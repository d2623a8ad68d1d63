"""What the child editor, schedule and apps views share: pick a child, edit, save or revert."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from app.gui.widgets import Note, Page, heading
from rules.ipc import IpcError
from rules.policy import ChildProfile


class ChildPicker(QComboBox):
    """The child a view edits; follows the children in the policy."""

    child_chosen = Signal(str)

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.setMinimumContentsLength(16)
        state.policy_changed.connect(self.refill)
        self.currentIndexChanged.connect(self._on_index)
        self.refill()

    def refill(self) -> None:
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        for child in self.state.policy.children:
            self.addItem(f"{child.name} ({child.age_class})", child.name)
        index = self.findData(keep)
        self.setCurrentIndex(index if index >= 0 else 0 if self.count() else -1)
        self.blockSignals(False)
        self.child_chosen.emit(self.currentData() or "")

    def _on_index(self, index: int) -> None:
        self.child_chosen.emit(self.currentData() or "")

    def choose(self, name: str) -> None:
        index = self.findData(name)
        if index >= 0:
            self.setCurrentIndex(index)

    def current_child(self) -> ChildProfile | None:
        name = self.currentData()
        return self.state.child(name) if name else None


class ChildEditingPage(Page):
    """A view that edits part of one child's profile: `load` shows it, `edited` reads it back.

    Subclasses put their fields into `self.body` and implement `load` and `edited`.
    """

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.loaded: ChildProfile | None = None
        self.title = heading()
        self.picker_label = QLabel()
        self.picker = ChildPicker(state)
        self.save = QPushButton()
        self.revert = QPushButton()
        self.note = Note()
        self.body = QVBoxLayout()
        self.top = top = QHBoxLayout()
        top.addWidget(self.picker_label)
        top.addWidget(self.picker)
        top.addStretch()
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addLayout(self.body, 1)
        layout.addLayout(buttons)
        self.picker.child_chosen.connect(self._on_chosen)
        self.save.clicked.connect(self.save_child)
        self.revert.clicked.connect(lambda: self._on_chosen(self.picker.currentData() or ""))
        self._writable = False

    def retranslate_common(self) -> None:
        self.picker_label.setText(self.tr("Child:"))
        self.save.setText(self.tr("Save"))
        self.revert.setText(self.tr("Undo changes"))

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.save.setEnabled(writable and self.loaded is not None)
        self.revert.setEnabled(self.loaded is not None)
        self.set_fields_enabled(writable and self.loaded is not None)

    def set_fields_enabled(self, enabled: bool) -> None:
        """Enable the view's own fields (read-only while the service is away)."""

    def _on_chosen(self, name: str) -> None:
        child = self.state.child(name) if name else None
        self.loaded = child
        self.note.clear_note()
        if child is not None:
            self.load(child)
        self.set_writable(self._writable)

    def load(self, child: ChildProfile) -> None:
        """Show `child` in the view's fields."""
        raise NotImplementedError

    def edited(self, child: ChildProfile) -> ChildProfile:
        """`child` with the view's fields applied; ValueError says what is wrong."""
        raise NotImplementedError

    def save_child(self) -> None:
        if self.loaded is None:
            return
        current = self.state.child(self.loaded.name) or self.loaded
        try:
            changed = self.edited(current)
        except ValueError as error:
            self.note.show_error(str(error))
            return
        self.save.setEnabled(False)
        self.state.save_child(changed, self._on_saved, self._on_error)

    def _on_saved(self, child: ChildProfile) -> None:
        self.note.show_info(self.tr("Saved. The filter applies it within seconds."))
        self.save.setEnabled(self._writable)

    def _on_error(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))
        self.save.setEnabled(self._writable)
