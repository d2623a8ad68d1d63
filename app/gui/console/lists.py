"""Lists: the national blocklist's provenance, the category lists' sources, update and import."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.texts import category_name, error_text
from app.gui.widgets import Note, Page, heading, set_form_labels, table
from rules.categories import Category
from rules.ipc import ErrorCode, IpcError, JsonValue

COLUMNS = ("name", "kind", "category", "entries", "updated_at", "signature_status", "location")
NATIONAL_FIELDS = ("version", "publisher", "published", "entries", "imported_at", "file")


def cell_text(key: str, value: JsonValue) -> str:
    """A source's field for the table: category names in the GUI's language, plain times."""
    if value is None:
        return ""
    if key == "category" and value in set(Category):
        return category_name(Category(str(value)))
    if key == "updated_at":
        return str(value).replace("T", " ")
    return str(value)


def sources_in(result: JsonValue) -> list[dict[str, JsonValue]]:
    """The list sources in a `lists.status` reply: a list of them, or an object with `sources`."""
    items = result.get("sources") if isinstance(result, dict) else result
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


class ListsPage(Page):
    """Which lists the filter uses, where they came from, and when they were last updated."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.ask_file: Callable[[], str | None] = self._ask_file
        self.title = heading()
        self.national_box = QGroupBox()
        self.national = QFormLayout(self.national_box)
        self.national_values: dict[str, QLabel] = {}
        for key in NATIONAL_FIELDS:
            self.national_values[key] = QLabel(wordWrap=True)
            self.national.addRow(QLabel(), self.national_values[key])
        self.national_note = QLabel(wordWrap=True)
        self.national.addRow(self.national_note)
        self.sources_box = QGroupBox()
        self.sources = table(len(COLUMNS))
        self.sources_state = QLabel(wordWrap=True)
        self.summary = QLabel(wordWrap=True)
        self.update_now = QPushButton()
        self.import_file = QPushButton()
        self.note = Note()
        column = QVBoxLayout(self.sources_box)
        column.addWidget(self.sources_state)
        column.addWidget(self.sources)
        column.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.update_now)
        buttons.addWidget(self.import_file)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.national_box)
        layout.addWidget(self.sources_box, 1)
        layout.addLayout(buttons)
        self.update_now.clicked.connect(self.update_lists)
        self.import_file.clicked.connect(self.import_list)
        self._status: JsonValue = None
        self._sources_error: IpcError | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Lists"))
        self.national_box.setTitle(
            self.tr("National blocklist (Article 41-1, Law on Communications)")
        )
        labels = (
            self.tr("Version"),
            self.tr("Publisher"),
            self.tr("Published"),
            self.tr("Entries"),
            self.tr("Imported"),
            self.tr("File"),
        )
        set_form_labels(self.national, labels)
        self.national_note.setText(
            self.tr("Sites on this list are blocked for everyone; a parent cannot allow them.")
        )
        self.sources_box.setTitle(self.tr("List sources"))
        self.sources.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Kind"),
                self.tr("Category"),
                self.tr("Entries"),
                self.tr("Updated"),
                self.tr("Signature"),
                self.tr("Source"),
            ]
        )
        self.update_now.setText(self.tr("Update now"))
        self.import_file.setText(self.tr("Import a file…"))
        self._show_sources_state()

    def set_writable(self, writable: bool) -> None:
        self.update_now.setEnabled(writable)
        self.import_file.setEnabled(writable)

    def activate(self) -> None:
        if not self.state.unlocked:
            return
        self.state.call(
            "protection.status", on_result=self.show_national, on_error=lambda error: None
        )
        self.state.call("lists.status", on_result=self.show_sources, on_error=self.sources_failed)

    def show_national(self, status: JsonValue) -> None:
        national = status.get("national_list") if isinstance(status, dict) else None
        data = national if isinstance(national, dict) else {}
        for key, label in self.national_values.items():
            value = data.get(key)
            label.setText("–" if value is None else str(value))
        if not data.get("present"):
            self.national_values["version"].setText(self.tr("not imported"))

    def show_sources(self, result: JsonValue) -> None:
        self._status, self._sources_error = result, None
        rows = sources_in(result)
        self.sources.setRowCount(len(rows))
        for row, source in enumerate(rows):
            for column, key in enumerate(COLUMNS):
                self.sources.setItem(row, column, QTableWidgetItem(cell_text(key, source.get(key))))
        self._show_sources_state()

    def sources_failed(self, error: IpcError) -> None:
        self._status, self._sources_error = None, error
        self.sources.setRowCount(0)
        self._show_sources_state()

    def _summary_text(self) -> str:
        """The lists in force, what waits, and how the last update went."""
        data = self._status if isinstance(self._status, dict) else {}
        lines = []
        compiled = data.get("compiled")
        if isinstance(compiled, dict) and compiled.get("entries") is not None:
            lines.append(
                self.tr("In force: {entries} entries, built {built}.").format(
                    entries=compiled["entries"], built=compiled.get("built_at") or "?"
                )
            )
        waiting = data.get("waiting")
        if isinstance(waiting, list) and waiting:
            lines.append(self.tr("Waiting to run: {count}.").format(count=len(waiting)))
        last = data.get("last_run")
        if isinstance(last, dict):
            states = {
                "running": self.tr("running now"),
                "done": self.tr("done"),
                "failed": self.tr("failed"),
                "interrupted": self.tr("interrupted"),
            }
            state = states.get(str(last.get("state")), str(last.get("state")))
            text = self.tr("Last update: {state}, {time}.").format(
                state=state, time=last.get("finished_at") or last.get("started_at") or "?"
            )
            if last.get("error"):
                text += " " + str(last["error"])
            lines.append(text)
        return "\n".join(lines)

    def _show_sources_state(self) -> None:
        error = self._sources_error
        if error is not None and error.code is ErrorCode.UNKNOWN_METHOD:
            text = self.tr(
                "List status is not available from this service yet. The filter uses the starter "
                "lists that come with Qorgan."
            )
        elif error is not None:
            text = error_text(error)
        elif self._status is not None and not sources_in(self._status):
            text = self.tr("No list sources are set up; the starter lists are in use.")
        else:
            text = ""
        self.sources_state.setText(text)
        self.sources_state.setVisible(bool(text))
        summary = self._summary_text()
        self.summary.setText(summary)
        self.summary.setVisible(bool(summary))

    def update_lists(self) -> None:
        self.note.show_info(self.tr("Updating…"))
        self.state.call("lists.update", on_result=self._on_done, on_error=self._on_failed)

    def import_list(self) -> None:
        path = self.ask_file()
        if path:
            self.state.call("lists.import", {"path": path}, self._on_done, self._on_failed)

    def _on_done(self, result: JsonValue) -> None:
        queued = isinstance(result, dict) and result.get("queued") is True
        self.note.show_info(
            self.tr("The service is on it; the status above shows when it is done.")
            if queued
            else self.tr("Done.")
        )
        self.activate()

    def _on_failed(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))

    def _ask_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a list"), "", self.tr("Lists (*.json *.txt *.csv);;All files (*)")
        )
        return path or None
