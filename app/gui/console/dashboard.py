"""Today at a glance: each child's time, state, recent blocks and requests; protection health."""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.protection import ProtectionReport
from app.gui.console.state import ConsoleState
from app.gui.screentime import TimeStatus, state_text, time_status
from app.gui.texts import event_of, minutes_text, why_lines
from app.gui.widgets import Page, heading, set_form_labels
from rules.decision import Verdict
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.policy import ChildProfile

RECENT_BLOCKS = 5
REFRESH_MS = 30_000


class ChildCard(QGroupBox):
    """One child's day: time used against the limit, what is left, state, blocks, requests."""

    def __init__(self, child: ChildProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.child = child
        self.time = QLabel()
        self.remaining = QLabel()
        self.state = QLabel()
        self.requests = QLabel()
        self.alerts = QLabel()
        self.blocks = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.form = QFormLayout(self)
        for widget in (
            self.time,
            self.remaining,
            self.state,
            self.requests,
            self.alerts,
            self.blocks,
        ):
            self.form.addRow(QLabel(), widget)
        self.status: TimeStatus | None = None
        self.status_missing = False
        self.block_lines: list[str] | None = None
        self.pending = 0
        self.unseen_alerts = 0

    def retranslate(self) -> None:
        self.setTitle(f"{self.child.name} · {self.child.age_class}")
        labels = (
            self.tr("Time today"),
            self.tr("Time left"),
            self.tr("Now"),
            self.tr("Requests"),
            self.tr("Alerts"),
            self.tr("Recent blocks"),
        )
        set_form_labels(self.form, labels)
        self._show_time()
        self.requests.setText(
            self.tr("{count} waiting for you").format(count=self.pending)
            if self.pending
            else self.tr("none waiting")
        )
        self.alerts.setText(
            self.tr("{count} not seen yet").format(count=self.unseen_alerts)
            if self.unseen_alerts
            else self.tr("nothing new")
        )
        self.alerts.setStyleSheet(
            "color: #1d2a4d; font-weight: bold;" if self.unseen_alerts else ""
        )
        if self.block_lines is None:
            self.blocks.setText(self.tr("loading…"))
        else:
            self.blocks.setText("\n".join(self.block_lines) or self.tr("nothing blocked today"))

    def _show_time(self) -> None:
        status = self.status
        if self.status_missing:
            text = self.tr("not tracked yet: screen time is not running in this service")
            self.time.setText(text)
            self.remaining.setText("–")
            self.state.setText("–")
            return
        if status is None:
            for label in (self.time, self.remaining, self.state):
                label.setText(self.tr("loading…"))
            return
        used = "–" if status.used is None else minutes_text(status.used)
        if status.allowance is None:
            self.time.setText(self.tr("{used} (no daily limit)").format(used=used))
            self.remaining.setText(self.tr("no limit"))
        else:
            self.time.setText(
                self.tr("{used} of {limit}").format(used=used, limit=minutes_text(status.allowance))
            )
            left = status.remaining
            self.remaining.setText("–" if left is None else minutes_text(left))
        self.state.setText(state_text(status.state))

    def set_status(self, result: JsonValue) -> None:
        self.status = time_status(result)
        self.status_missing = self.status is None
        self.retranslate()

    def set_status_error(self, error: IpcError) -> None:
        self.status, self.status_missing = None, True
        if error.code is not ErrorCode.UNKNOWN_METHOD:
            self.time.setToolTip(error.message)
        self.retranslate()

    def set_events(self, result: JsonValue) -> None:
        events = [event_of(item) for item in result] if isinstance(result, list) else []
        blocked = [e for e in events if e is not None and e.verdict is Verdict.BLOCK]
        self.block_lines = [
            f"{e.at:%H:%M}  {e.host}: {why_lines(e, self.child.age_class)[0].split(': ', 1)[-1]}"
            for e in reversed(blocked[-RECENT_BLOCKS:])
        ]
        self.retranslate()


class DashboardPage(Page):
    """The first view after the PIN; refreshed every half minute while it is open."""

    open_requests = Signal()

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.title = heading()
        self.protection_box = QGroupBox()
        self.protection = ProtectionReport()
        QVBoxLayout(self.protection_box).addWidget(self.protection)
        self.cards_holder = QWidget()
        self.cards_layout = QVBoxLayout(self.cards_holder)
        self.empty = QLabel(wordWrap=True)
        self.to_requests = QPushButton()
        self.to_requests.clicked.connect(self.open_requests)
        self.alert_count = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.alert_count.setStyleSheet("color: #1d2a4d; font-weight: bold;")
        self.unseen: dict[str, int] = {}
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.cards_holder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.protection_box)
        layout.addWidget(self.alert_count)
        layout.addWidget(self.to_requests, alignment=Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(scroll, 1)
        self.cards: dict[str, ChildCard] = {}
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.activate)
        state.policy_changed.connect(self._rebuild)
        state.requests_changed.connect(self._count_requests)
        self._rebuild()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Today"))
        self.protection_box.setTitle(self.tr("Protection"))
        self.empty.setText(self.tr("No children yet. Add a child under Children."))
        self._count_requests()
        self._count_alerts()

    def show_alerts(self, unseen: dict[str, int]) -> None:
        """Alerts a parent has not marked seen yet, per child (from the console's watcher)."""
        self.unseen = dict(unseen)
        self._count_alerts()

    def _count_alerts(self) -> None:
        total = sum(self.unseen.values())
        self.alert_count.setText(self.tr("Alerts not seen yet: {count}").format(count=total))
        self.alert_count.setVisible(total > 0)
        for name, card in self.cards.items():
            card.unseen_alerts = sum(
                count for child, count in self.unseen.items() if child.casefold() == name.casefold()
            )
            card.retranslate()

    def _count_requests(self) -> None:
        count = len(self.state.pending_requests)
        self.to_requests.setText(self.tr("Requests waiting: {count}").format(count=count))
        self.to_requests.setVisible(count > 0)
        for name, card in self.cards.items():
            card.pending = sum(
                1
                for r in self.state.pending_requests
                if str(r.get("child", "")).casefold() == name.casefold()
            )
            card.retranslate()

    def _rebuild(self) -> None:
        while self.cards_layout.count():
            item = self.cards_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None and widget is not self.empty:
                widget.deleteLater()
        self.cards = {child.name: ChildCard(child) for child in self.state.policy.children}
        for card in self.cards.values():
            self.cards_layout.addWidget(card)
        self.cards_layout.addWidget(self.empty)
        self.empty.setVisible(not self.cards)
        self.cards_layout.addStretch()
        self._count_requests()
        self._count_alerts()
        if self.isVisible():
            self.activate()

    def activate(self) -> None:
        if not self.state.unlocked:
            return
        self.timer.start()
        self.protection.refresh(self.state)
        for name, card in self.cards.items():
            self.state.call(
                "screentime.status", {"child": name}, card.set_status, card.set_status_error
            )
            self.state.call(
                "events.recent", {"child": name, "hours": 24, "limit": 300}, card.set_events
            )
        self.state.refresh_requests()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802
        self.timer.stop()
        super().hideEvent(event)
