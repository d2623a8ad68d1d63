"""Reports: the weekly reports the service wrote, to read here or save as a file."""

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from app.gui.widgets import Note, Page, heading, selected_row, table
from rules.ipc import ErrorCode, IpcError, JsonValue


def report_title(report: dict[str, JsonValue]) -> str:
    """`2026-W47 · Aruzhan · pdf` from whichever of the fields the service gives."""
    first = next((report[k] for k in ("title", "week", "name", "id") if report.get(k)), "?")
    rest = [report[k] for k in ("subject", "language", "format") if report.get(k)]
    return " · ".join(str(part) for part in (first, *rest))


def report_key(report: dict[str, JsonValue]) -> JsonValue:
    """What `reports.get` is asked for: the report's id, else its name or file."""
    return next((report[k] for k in ("id", "name", "path") if report.get(k)), None)


def report_content(result: JsonValue) -> tuple[str, bool]:
    """The text of a `reports.get` reply and whether it is HTML."""
    if isinstance(result, str):
        return result, result.lstrip().startswith("<")
    if isinstance(result, dict):
        for key, html in (("html", True), ("text", False), ("content", False)):
            value = result.get(key)
            if isinstance(value, str):
                return value, html or value.lstrip().startswith("<")
    return "", False


class ReportsPage(Page):
    """Lists what `reports.list` gives; `reports.get` brings one report's content."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.reports: list[dict[str, JsonValue]] = []
        self.ask_path: Callable[[str], str | None] = self._ask_path
        self.title = heading()
        self.empty = QLabel(wordWrap=True)
        self.table = table(2)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.open = QPushButton()
        self.export = QPushButton()
        self.note = Note()
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.open)
        buttons.addWidget(self.export)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.open.clicked.connect(lambda: self.fetch(self.show_report))
        self.export.clicked.connect(lambda: self.fetch(self.save_report))
        self.table.itemSelectionChanged.connect(self._enable)
        self._error: IpcError | None = None
        self.viewer: QDialog | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Reports"))
        self.table.setHorizontalHeaderLabels([self.tr("Report"), self.tr("Written")])
        self.open.setText(self.tr("Open"))
        self.export.setText(self.tr("Save as…"))
        self._show_empty()

    def activate(self) -> None:
        if self.state.unlocked:
            self.state.call("reports.list", on_result=self._on_list, on_error=self._on_list_error)

    def _on_list(self, result: JsonValue) -> None:
        items = result.get("reports") if isinstance(result, dict) else result
        self.reports = [r for r in items if isinstance(r, dict)] if isinstance(items, list) else []
        self._error = None
        self.table.setRowCount(len(self.reports))
        for row, report in enumerate(self.reports):
            written = next(
                (report[k] for k in ("created_at", "written_at", "modified") if report.get(k)), ""
            )
            self.table.setItem(row, 0, QTableWidgetItem(report_title(report)))
            self.table.setItem(row, 1, QTableWidgetItem(str(written)))
        self._show_empty()

    def _on_list_error(self, error: IpcError) -> None:
        self.reports, self._error = [], error
        self.table.setRowCount(0)
        self._show_empty()

    def _show_empty(self) -> None:
        if self._error is not None and self._error.code is ErrorCode.UNKNOWN_METHOD:
            text = self.tr("Weekly reports are not available from this service yet.")
        elif self._error is not None:
            text = error_text(self._error)
        else:
            text = self.tr("No reports yet. Qorgan writes one every week.")
        self.empty.setText(text)
        self.empty.setVisible(not self.reports)
        self.table.setVisible(bool(self.reports))
        self._enable()

    def selected(self) -> dict[str, JsonValue] | None:
        row = selected_row(self.table)
        return self.reports[row] if row is not None and row < len(self.reports) else None

    def _enable(self) -> None:
        chosen = self.selected() is not None and self.state.connected
        self.open.setEnabled(chosen)
        self.export.setEnabled(chosen)

    def fetch(self, then: Callable[[dict[str, JsonValue], JsonValue], None]) -> None:
        report = self.selected()
        if report is None:
            return
        self.state.call(
            "reports.get",
            {"id": report_key(report)},
            lambda result: then(report, result),
            lambda error: self.note.show_error(error_text(error)),
        )

    def show_report(self, report: dict[str, JsonValue], result: JsonValue) -> None:
        text, html = report_content(result)
        viewer = QDialog(self)
        viewer.setWindowTitle(report_title(report))
        browser = QTextBrowser()
        browser.setOpenExternalLinks(False)
        browser.setHtml(text) if html else browser.setPlainText(text)
        QVBoxLayout(viewer).addWidget(browser)
        viewer.resize(800, 600)
        viewer.open()
        self.viewer = viewer

    def save_report(self, report: dict[str, JsonValue], result: JsonValue) -> None:
        text, html = report_content(result)
        suggested = f"qorgan-report-{report_title(report)}.{'html' if html else 'txt'}"
        path = self.ask_path(suggested)
        if not path:
            return
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            self.note.show_error(self.tr("Could not save: {error}").format(error=error))
            return
        self.note.show_info(self.tr("Saved to {path}").format(path=path))

    def _ask_path(self, suggested: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), suggested)
        return path or None
