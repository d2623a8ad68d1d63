"""Activity: what each child reached or was kept from, why, and one click to allow it."""

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text, event_of, moment_text, overridable, why_lines
from app.gui.widgets import Note, Page, heading, selected_row, table
from rules.ageclass import AgeClass
from rules.decision import Verdict
from rules.ipc import IpcError, JsonValue
from rules.records import DecisionEvent

PERIOD_HOURS = (24, 24 * 7, 24 * 30)
LIMIT = 3000
GRANT_MINUTES = 60


class ActivityPage(Page):
    """History with filters; the selected row shows the full reason and what a parent may do."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.events: list[DecisionEvent] = []
        self.shown: list[DecisionEvent] = []
        self.title = heading()
        self.child = QComboBox()
        self.verdict = QComboBox()
        self.period = QComboBox()
        for _ in range(3):
            self.verdict.addItem("")
            self.period.addItem("")
        self.search = QLineEdit()
        self.reload = QPushButton()
        self.table = table(4)
        self.why = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.allow_hour = QPushButton()
        self.allow_always = QPushButton()
        self.note = Note()
        self._lay_out()
        self.verdict.setCurrentIndex(1)
        self.child.currentIndexChanged.connect(self.load)
        self.period.currentIndexChanged.connect(self.load)
        self.verdict.currentIndexChanged.connect(self.show_events)
        self.search.textChanged.connect(self.show_events)
        self.reload.clicked.connect(self.load)
        self.table.itemSelectionChanged.connect(self.show_selected)
        self.allow_hour.clicked.connect(self.grant_hour)
        self.allow_always.clicked.connect(self.allow_forever)
        state.policy_changed.connect(self._fill_children)
        self._writable = False
        self._fill_children()
        self.retranslate()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        for widget in (self.child, self.verdict, self.period, self.search, self.reload):
            filters.addWidget(widget)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.why)
        actions = QHBoxLayout()
        actions.addWidget(self.allow_hour)
        actions.addWidget(self.allow_always)
        actions.addStretch()
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.note)
        detail_layout.addStretch()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(detail)
        split.setStretchFactor(0, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(filters)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Activity"))
        self.child.setItemText(0, self.tr("All children"))
        for index, text in enumerate(
            (self.tr("Everything"), self.tr("Blocked only"), self.tr("Allowed only"))
        ):
            self.verdict.setItemText(index, text)
        for index, text in enumerate(
            (self.tr("Last 24 hours"), self.tr("Last 7 days"), self.tr("Last 30 days"))
        ):
            self.period.setItemText(index, text)
        self.search.setPlaceholderText(self.tr("Filter by site"))
        self.reload.setText(self.tr("Refresh"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Child"), self.tr("Site"), self.tr("Why")]
        )
        self.allow_hour.setText(self.tr("Allow for 1 hour"))
        self.allow_always.setText(self.tr("Always allow"))
        self.show_events()

    def _fill_children(self) -> None:
        keep = self.child.currentData()
        self.child.blockSignals(True)
        self.child.clear()
        self.child.addItem(self.tr("All children"), None)
        for child in self.state.policy.children:
            self.child.addItem(child.name, child.name)
        self.child.setCurrentIndex(max(self.child.findData(keep), 0))
        self.child.blockSignals(False)

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.show_selected()

    def activate(self) -> None:
        self.load()

    def load(self) -> None:
        if not self.state.unlocked:
            return
        params: dict[str, JsonValue] = {
            "hours": PERIOD_HOURS[self.period.currentIndex()],
            "limit": LIMIT,
        }
        if self.child.currentData():
            params["child"] = self.child.currentData()
        self.state.call("events.recent", params, self._on_events)

    def _on_events(self, result: JsonValue) -> None:
        found = [event_of(item) for item in result] if isinstance(result, list) else []
        self.events = [event for event in found if event is not None]
        self.show_events()

    def _age_class(self, event: DecisionEvent) -> AgeClass:
        child = self.state.child(event.child)
        return child.age_class if child is not None else AgeClass.TWELVE

    def show_events(self) -> None:
        wanted = {0: None, 1: Verdict.BLOCK, 2: Verdict.ALLOW}[self.verdict.currentIndex()]
        text = self.search.text().strip().casefold()
        self.shown = [
            e
            for e in reversed(self.events)
            if (wanted is None or e.verdict is wanted) and text in e.host.casefold()
        ]
        self.table.setRowCount(len(self.shown))
        for row, event in enumerate(self.shown):
            reason = why_lines(event, self._age_class(event))[0]
            cells = (moment_text(event.at), event.child, event.host, reason)
            for column, value in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(value))
        self.show_selected()

    def selected(self) -> DecisionEvent | None:
        row = selected_row(self.table)
        return self.shown[row] if row is not None and row < len(self.shown) else None

    def show_selected(self) -> None:
        event = self.selected()
        if event is None:
            self.why.setText(self.tr("Choose a row to see why it was decided that way."))
            self.allow_hour.setEnabled(False)
            self.allow_always.setEnabled(False)
            return
        lines = why_lines(event, self._age_class(event))
        can = event.verdict is Verdict.BLOCK and overridable(event) and self._writable
        if event.verdict is Verdict.BLOCK and not overridable(event):
            lines.append(self.tr("This block cannot be lifted by a parent."))
        self.why.setText("\n".join([f"{event.host} · {moment_text(event.at)}", *lines]))
        self.allow_hour.setEnabled(can)
        self.allow_always.setEnabled(can)

    def grant_hour(self) -> None:
        event = self.selected()
        if event is None:
            return
        params: dict[str, JsonValue] = {
            "child": event.child,
            "host": event.host,
            "minutes": GRANT_MINUTES,
        }
        self.state.call(
            "grants.site",
            params,
            lambda result: self.note.show_info(
                self.tr("{host} is allowed for {child} for one hour.").format(
                    host=event.host, child=event.child
                )
            ),
            self._on_error,
        )

    def allow_forever(self) -> None:
        event = self.selected()
        child = self.state.child(event.child) if event is not None else None
        if event is None or child is None:
            return
        rules = replace(
            child.rules,
            allow=(*[a for a in child.rules.allow if a != event.host], event.host),
            deny=tuple(d for d in child.rules.deny if d != event.host),
        )
        self.state.save_child(
            replace(child, rules=rules),
            lambda saved: self.note.show_info(
                self.tr("{host} is now always allowed for {child}.").format(
                    host=event.host, child=saved.name
                )
            ),
            self._on_error,
        )

    def _on_error(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))
