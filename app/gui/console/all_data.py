"""Everything Qorgan keeps about the family: exported to one file, or deleted with the PIN."""

import json
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from app.gui.widgets import Note
from app.gui.worker import in_background
from rules.ipc import IpcError, JsonValue


def merged_export(pages: list[dict[str, JsonValue]]) -> dict[str, JsonValue]:
    """The first page of `data.export` with the events of every page."""
    merged = dict(pages[0])
    events: list[JsonValue] = []
    for page in pages:
        found = page.get("events")
        events.extend(found if isinstance(found, list) else [])
    merged["events"] = events
    merged.pop("next_offset", None)
    return merged


class AllDataBox(QGroupBox):
    """Export pages through `data.export` into a file; erase asks for the PIN once more.

    `ask_export_path` and `ask_pin` open dialogs; tests put answers in their place.
    """

    def __init__(self, state: ConsoleState, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.note = note
        self.ask_export_path: Callable[[], str | None] = self._ask_export_path
        self.ask_pin: Callable[[Callable[[str], None]], None] = self._ask_pin
        self.export = QPushButton()
        self.erase = QPushButton()
        row = QHBoxLayout(self)
        row.addWidget(self.export)
        row.addWidget(self.erase)
        row.addStretch()
        self.export.clicked.connect(lambda: self.export_all(0))
        self.erase.clicked.connect(lambda: self.ask_pin(self._erase_with))
        self.exported: list[dict[str, JsonValue]] = []

    def retranslate(self) -> None:
        self.setTitle(self.tr("All data"))
        self.export.setText(self.tr("Export all data…"))
        self.erase.setText(self.tr("Delete all data…"))

    def _failed(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))

    def export_all(self, offset: int) -> None:
        if offset == 0:
            self.exported = []
        self.state.call("data.export", {"offset": offset}, self._on_page, self._failed)

    def _on_page(self, result: JsonValue) -> None:
        if not isinstance(result, dict):
            return
        self.exported.append(result)
        following = result.get("next_offset")
        if isinstance(following, int):
            self.export_all(following)
            return
        path = self.ask_export_path()
        if not path:
            return
        text = json.dumps(merged_export(self.exported), ensure_ascii=False, indent=1)

        def write() -> str:
            Path(path).write_text(text, encoding="utf-8")
            return path

        in_background(write, self._on_written, self)

    def _on_written(self, path: str) -> None:
        self.note.show_info(self.tr("Exported to {path}").format(path=path))

    def _erase_with(self, pin: str) -> None:
        self.state.call("data.delete_all", {"pin": pin}, self._on_erased, self._failed)

    def _on_erased(self, result: JsonValue) -> None:
        self.note.show_info(self.tr("All children, rules and history are deleted."))
        self.state.refresh()

    def _ask_export_path(self) -> str | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export all data"), "qorgan-export.json", "JSON (*.json)"
        )
        return path or None

    def _ask_pin(self, then: Callable[[str], None]) -> None:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Delete all data"))
        dialog.setLabelText(
            self.tr("This deletes every child, rule, setting and record. Enter the PIN to confirm:")
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setOkButtonText(self.tr("Delete everything"))
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.textValueSelected.connect(lambda pin: then(pin) if pin else None)
        dialog.open()
