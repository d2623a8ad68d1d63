"""The requests inbox: a child asked for more time or for a site; approve or decline."""

from datetime import datetime

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text, minutes_text, moment_text
from app.gui.widgets import Note, Page, heading, selected_row, table
from rules.ipc import IpcError, JsonValue

GRANT_CHOICES = (30, 60, 120, 24 * 60)


class RequestsPage(Page):
    """Pending requests first; an approved site request allows the site for the time chosen."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.requests: list[dict[str, JsonValue]] = []
        self.title = heading()
        self.show_all = QCheckBox()
        self.table = table(5)
        self.empty = QLabel(wordWrap=True)
        self.grant_label = QLabel()
        self.grant = QComboBox()
        for minutes in GRANT_CHOICES:
            self.grant.addItem("", minutes)
        self.grant.setCurrentIndex(1)
        self.approve = QPushButton()
        self.decline = QPushButton()
        self.note = Note()
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.grant_label)
        buttons.addWidget(self.grant)
        buttons.addWidget(self.decline)
        buttons.addWidget(self.approve)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.show_all)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.show_all.toggled.connect(self.load)
        self.approve.clicked.connect(lambda: self.resolve(True))
        self.decline.clicked.connect(lambda: self.resolve(False))
        self.table.itemSelectionChanged.connect(self._enable)
        state.requests_changed.connect(self._on_pending_changed)
        self._writable = False
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Requests"))
        self.show_all.setText(self.tr("Show answered requests too"))
        self.empty.setText(
            self.tr("No requests. When a child asks for more time or a site, it shows here.")
        )
        self.grant_label.setText(self.tr("Allow a site for:"))
        for index, minutes in enumerate(GRANT_CHOICES):
            self.grant.setItemText(index, minutes_text(minutes))
        self.approve.setText(self.tr("Approve"))
        self.decline.setText(self.tr("Decline"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Asked"),
                self.tr("Child"),
                self.tr("For"),
                self.tr("Message"),
                self.tr("Answer"),
            ]
        )
        self.show_requests()

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self._enable()

    def activate(self) -> None:
        self.load()

    def load(self) -> None:
        if not self.state.unlocked:
            return
        params: dict[str, JsonValue] = {} if self.show_all.isChecked() else {"status": "pending"}
        self.state.call("requests.list", params, self._on_list)

    def _on_pending_changed(self) -> None:
        if not self.show_all.isChecked():
            self.requests = list(self.state.pending_requests)
            self.show_requests()

    def _on_list(self, result: JsonValue) -> None:
        items = result if isinstance(result, list) else []
        self.requests = [item for item in items if isinstance(item, dict)]
        self.requests.sort(key=lambda r: (r.get("status") != "pending", str(r.get("created_at"))))
        self.show_requests()

    def _asked_for(self, request: dict[str, JsonValue]) -> str:
        if request.get("kind") == "site":
            return self.tr("site {host}").format(host=request.get("host") or "?")
        minutes = request.get("minutes")
        if isinstance(minutes, int):
            return self.tr("{time} more").format(time=minutes_text(minutes))
        return self.tr("more time")

    def _answer(self, request: dict[str, JsonValue]) -> str:
        return {
            "pending": self.tr("waiting"),
            "approved": self.tr("approved"),
            "declined": self.tr("declined"),
        }.get(str(request.get("status")), str(request.get("status")))

    def show_requests(self) -> None:
        self.table.setRowCount(len(self.requests))
        for row, request in enumerate(self.requests):
            try:
                asked = moment_text(datetime.fromisoformat(str(request.get("created_at"))))
            except ValueError:
                asked = str(request.get("created_at"))
            cells = (
                asked,
                str(request.get("child", "")),
                self._asked_for(request),
                str(request.get("message") or ""),
                self._answer(request),
            )
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.empty.setVisible(not self.requests)
        self.table.setVisible(bool(self.requests))
        self._enable()

    def selected(self) -> dict[str, JsonValue] | None:
        row = selected_row(self.table)
        return self.requests[row] if row is not None and row < len(self.requests) else None

    def _enable(self) -> None:
        request = self.selected()
        can = self._writable and request is not None and request.get("status") == "pending"
        self.approve.setEnabled(can)
        self.decline.setEnabled(can)

    def resolve(self, approved: bool) -> None:
        request = self.selected()
        if request is None or not isinstance(request.get("id"), int):
            return
        params: dict[str, JsonValue] = {"id": request["id"], "approved": approved}
        if approved and request.get("kind") == "site":
            params["minutes"] = self.grant.currentData()
        self.state.call("requests.resolve", params, self._on_resolved, self._on_error)

    def _on_resolved(self, result: JsonValue) -> None:
        status = result.get("status") if isinstance(result, dict) else None
        self.note.show_info(self.tr("Approved.") if status == "approved" else self.tr("Declined."))
        self.state.refresh_requests()
        self.load()

    def _on_error(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))
