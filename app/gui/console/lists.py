"""Lists: the national blocklist's provenance, the category lists' sources, update, import, remove.

An update, an import or a removal only queues a job for the service's list thread; the page
says so, then asks `lists.status` every second (one question at a time, never waiting on the GUI
thread) until that job's run has finished, and shows how it went.
"""

from collections.abc import Callable
from pathlib import PurePath

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.confirm import confirm
from app.gui.console.list_jobs import (
    DOMAIN_KINDS,
    KEPT_KINDS,
    ImportBox,
    Watch,
    finished_run,
    kind_name,
    run_text,
    signature_name,
)
from app.gui.console.state import ConsoleState
from app.gui.texts import category_name, error_text
from app.gui.widgets import Note, Page, heading, set_form_labels, table
from rules.categories import Category
from rules.ipc import ErrorCode, IpcError, JsonValue

POLL_MS = 1000
MOST_POLLS = 15 * 60  # a quarter of an hour of asking, then the status line takes over
GUESSED_SUFFIXES = (".json", ".csv", ".tgz", ".tar.gz")
COLUMNS = ("name", "kind", "category", "entries", "updated_at", "signature_status", "location")
REMOVE_COLUMN = len(COLUMNS)
ACTIONS = {"lists.update": "update", "lists.import": "import", "lists.remove": "remove"}
NATIONAL_FIELDS = ("version", "publisher", "published", "entries", "imported_at", "file")


def cell_text(key: str, value: JsonValue) -> str:
    """A source's field for the table: category names in the GUI's language, plain times."""
    if value is None:
        return ""
    if key == "category" and value in set(Category):
        return category_name(Category(str(value)))
    if key == "kind":
        return kind_name(str(value))
    if key == "signature_status":
        return signature_name(str(value))
    if key in {"updated_at", "imported_at"}:
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
        self.sources = table(len(COLUMNS) + 1)
        header = self.sources.horizontalHeader()
        header.setStretchLastSection(False)  # the location takes the room, not the buttons
        header.setSectionResizeMode(COLUMNS.index("location"), QHeaderView.ResizeMode.Stretch)
        self.sources.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.remove_buttons: dict[str, QPushButton] = {}
        self.asking: QMessageBox | None = None
        self.sources_state = QLabel(wordWrap=True)
        self.summary = QLabel(wordWrap=True)
        self.update_now = QPushButton()
        self.import_box = ImportBox()
        self.note = Note()
        column = QVBoxLayout(self.sources_box)
        column.addWidget(self.sources_state)
        column.addWidget(self.sources)
        column.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.update_now)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.national_box)
        layout.addWidget(self.sources_box, 1)
        layout.addWidget(self.import_box)
        layout.addLayout(buttons)
        self.update_now.clicked.connect(self.update_lists)
        self.import_box.start.clicked.connect(self.import_list)
        self._status: JsonValue = None
        self._sources_error: IpcError | None = None
        self.watch: Watch | None = None
        self.polls = 0
        self.poll_timer = QTimer(self, singleShot=True, interval=POLL_MS)
        self.poll_timer.timeout.connect(self._poll)
        self._writable = False
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
                "",
            ]
        )
        self.update_now.setText(self.tr("Update now"))
        self._label_remove_buttons()
        self._show_sources_state()

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.update_now.setEnabled(writable)
        self.import_box.set_writable(writable)
        self._enable_remove_buttons(writable)
        if not writable:
            self.stop_watching()

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
            label.setText("–" if value is None else cell_text(key, value))
        if not data.get("present"):
            self.national_values["version"].setText(self.tr("not imported"))

    def show_sources(self, result: JsonValue) -> None:
        self._status, self._sources_error = result, None
        rows = sources_in(result)
        self.sources.setRowCount(len(rows))
        self.remove_buttons = {}
        for row, source in enumerate(rows):
            for column, key in enumerate(COLUMNS):
                item = QTableWidgetItem(cell_text(key, source.get(key)))
                if key == "location":
                    item.setToolTip(item.text())  # a long path is cut short in its cell
                self.sources.setItem(row, column, item)
            cell = QWidget()
            margins = QHBoxLayout(cell)
            margins.setContentsMargins(4, 2, 4, 2)  # a button flush with the grid looks cramped
            margins.addWidget(self._remove_button(source))
            self.sources.setCellWidget(row, REMOVE_COLUMN, cell)
        self._label_remove_buttons()
        self._enable_remove_buttons(self._writable)
        self._show_sources_state()

    def _remove_button(self, source: dict[str, JsonValue]) -> QPushButton:
        name, kind = str(source.get("name")), str(source.get("kind"))
        button = QPushButton()
        button.setProperty("kind", kind)
        button.clicked.connect(lambda: self.ask_remove(name))
        self.remove_buttons[name] = button
        return button

    def _label_remove_buttons(self) -> None:
        for button in self.remove_buttons.values():
            button.setText(self.tr("Remove…"))
            if button.property("kind") in KEPT_KINDS:
                button.setToolTip(
                    self.tr(
                        "The national list cannot be removed, not even with the PIN: import "
                        "a newer signed list to replace it."
                    )
                )
        self.sources.resizeColumnToContents(REMOVE_COLUMN)

    def _enable_remove_buttons(self, enabled: bool) -> None:
        for button in self.remove_buttons.values():
            button.setEnabled(enabled and button.property("kind") not in KEPT_KINDS)

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
        self.queue("lists.update", {})

    def ask_remove(self, name: str) -> None:
        question = self.tr(
            "Remove the list source {name}? The filter stops using its sites; the other lists "
            "stay in force."
        ).format(name=name)
        self.asking = confirm(self, question, self.tr("Remove"), lambda: self.remove_source(name))

    def remove_source(self, name: str) -> None:
        self.note.show_info(self.tr("Removing {name}…").format(name=name))
        self.queue("lists.remove", {"name": name})

    def import_list(self) -> None:
        kind = str(self.import_box.kind.currentData())
        category = str(self.import_box.category.currentData())
        if kind in DOMAIN_KINDS and not category:
            self.note.show_error(self.tr("Choose the category that the list's sites belong to."))
            return
        path = self.ask_file()
        if not path:
            return
        if not kind and not PurePath(path).name.lower().endswith(GUESSED_SUFFIXES):
            self.note.show_error(
                self.tr("Say what kind of list {file} is, and choose its category.").format(
                    file=PurePath(path).name
                )
            )
            return
        params: dict[str, JsonValue] = {"path": path}
        if kind:
            params["kind"] = kind
        if kind in DOMAIN_KINDS:
            params["category"] = category
        self.queue("lists.import", params)

    def queue(self, method: str, params: dict[str, JsonValue]) -> None:
        """Ask for the status first, so the run that follows can be told from older ones."""
        self.stop_watching()
        self.update_now.setEnabled(False)
        self.import_box.start.setEnabled(False)
        self._enable_remove_buttons(False)

        def send(before: JsonValue) -> None:
            last = before.get("last_run") if isinstance(before, dict) else None
            self.state.call(
                method,
                params,
                lambda result: self._on_queued(method, result, last),
                self._on_failed,
            )

        self.state.call("lists.status", on_result=send, on_error=lambda error: send(None))

    def _on_queued(self, method: str, result: JsonValue, before: JsonValue) -> None:
        self.set_writable(self._writable)
        data = result if isinstance(result, dict) else {}
        action = ACTIONS[method]
        # A removal not queued is the same removal waiting already: its run is followed.
        if data.get("queued") is not True and action != "remove":
            self.note.show_info(self.tr("There are no list sources to update."))
            self.activate()
            return
        name = data.get("name")
        self.watch = Watch(action, name if isinstance(name, str) else None, before)
        self.polls = 0
        self.note.show_info(self.tr("Queued. The service starts on it within seconds…"))
        self.activate()
        self.poll_timer.start()

    def stop_watching(self) -> None:
        self.watch = None
        self.poll_timer.stop()

    def _poll(self) -> None:
        if self.watch is None or not self.state.unlocked:
            return
        self.polls += 1
        self.state.call("lists.status", on_result=self._on_polled, on_error=self._on_failed)

    def _on_polled(self, status: JsonValue) -> None:
        self.show_sources(status)
        watch = self.watch
        if watch is None:
            return
        last = finished_run(status, watch)
        if last is not None:
            self.stop_watching()
            failed, text = run_text(last)
            if failed:
                self.note.show_error(text)
            else:
                self.note.show_info(text)
            return
        current = status.get("last_run") if isinstance(status, dict) else None
        if isinstance(current, dict) and current.get("state") == "running":
            self.note.show_info(self.tr("Running now…"))
        if self.polls >= MOST_POLLS:
            self.stop_watching()
            self.note.show_info(self.tr("Still not finished; the status above shows when it is."))
            return
        self.poll_timer.start()

    def _on_failed(self, error: IpcError) -> None:
        self.stop_watching()
        self.set_writable(self._writable)
        self.note.show_error(error_text(error))

    def _ask_file(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a list"), "", self.tr("Lists (*.json *.txt *.csv);;All files (*)")
        )
        return path or None
