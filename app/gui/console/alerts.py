"""Immediate alerts in the console: polled from the service, shown in a banner and the system tray.

While a parent is signed in, the console asks `alerts.recent` every few seconds with the
cursor of the last answer; an alert raised meanwhile appears at once on top of the window
(and as a system notification where the desktop has a tray) until the parent presses Seen.
"""

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.i18n import current_language
from app.gui.icon import shield_icon
from app.gui.texts import moment_text
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.records import AlertKind
from rules.report_advice import ALERT_NAMES

POLL_MS = 5_000
NOTICE_MS = 20_000

type Notify = Callable[[str, str], object]
translate = QCoreApplication.translate


def alerts_in(result: JsonValue) -> list[dict[str, JsonValue]]:
    """The alerts of an `alerts.recent` answer this console can show, oldest first."""
    items = result.get("alerts") if isinstance(result, dict) else None
    known = set(AlertKind)
    return [
        item
        for item in (items if isinstance(items, list) else [])
        if isinstance(item, dict) and isinstance(item.get("id"), int) and item.get("kind") in known
    ]


def counts_in(result: JsonValue) -> dict[str, int]:
    """Unseen alerts per child from an `alerts.recent` or `alerts.seen` answer."""
    counts = result.get("unseen_by_child") if isinstance(result, dict) else None
    if not isinstance(counts, dict):
        return {}
    return {str(k): v for k, v in counts.items() if isinstance(v, int) and v > 0}


class AlertWatcher(QObject):
    """Polls `alerts.recent` while the console is open; `raised(alerts, new)` tells what came:
    `new` is false for the unseen alerts found on signing in, true for those raised since."""

    raised = Signal(list, bool)
    counts_changed = Signal(dict)
    cleared = Signal()

    def __init__(
        self, state: ConsoleState, poll_ms: int = POLL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.cursor: int | None = None
        self.counts: dict[str, int] = {}
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.poll)
        self._waiting = False
        state.unlocked_changed.connect(self._on_unlocked)

    def _on_unlocked(self, unlocked: bool) -> None:
        self.cursor, self._waiting = None, False
        if unlocked:
            self.timer.start()
            self.poll()
            return
        self.timer.stop()
        self.counts = {}
        self.counts_changed.emit({})
        self.cleared.emit()

    def poll(self) -> None:
        if not self.state.unlocked or not self.state.connected or self._waiting:
            return
        self._waiting = True
        params: dict[str, JsonValue] = {} if self.cursor is None else {"after": self.cursor}
        self.state.call("alerts.recent", params, self._on_recent, self._on_error)

    def _on_recent(self, result: JsonValue) -> None:
        self._waiting = False
        if not self.state.unlocked or not isinstance(result, dict):
            return
        new = self.cursor is not None
        cursor = result.get("cursor")
        if isinstance(cursor, int):
            self.cursor = cursor
        self._set_counts(result)
        alerts = alerts_in(result)
        if alerts:
            self.raised.emit(alerts, new)

    def _on_error(self, error: IpcError) -> None:
        self._waiting = False
        if error.code is ErrorCode.UNKNOWN_METHOD:
            self.timer.stop()  # an older service: nothing to poll
        # Unreachable or a lost session: the connection banner or the PIN screen says so.

    def mark_seen(self, up_to: int) -> None:
        """The parent pressed Seen: every alert up to `up_to` is seen."""
        self.state.call("alerts.seen", {"up_to": up_to}, self._set_counts)

    def _set_counts(self, result: JsonValue) -> None:
        counts = counts_in(result)
        if counts != self.counts:
            self.counts = counts
            self.counts_changed.emit(counts)


def kind_text(kind: str) -> str:
    return ALERT_NAMES[AlertKind(kind)].get(current_language())


def advice_text(kind: str) -> str:
    """Two short sentences for the parent: how to talk about it, whom to call (DOMAIN.md §4)."""
    match AlertKind(kind):
        case AlertKind.SELF_HARM:
            return translate(
                "Alerts",
                "Talk with your child calmly and without blame, and listen more than you speak. "
                "If you are worried, call 150, the free helpline for children and youth (24/7).",
            )
        case AlertKind.SEXUAL_CONTENT:
            return translate(
                "Alerts",
                "Stay calm: children often land on such pages by accident. If someone sent your "
                "child such material or asked for photos, call 150 and the police on 102.",
            )
        case AlertKind.CONTACT_RISK:
            return translate(
                "Alerts",
                "Ask whom your child talks to online and agree on simple rules. If an adult "
                "pressures your child, it is not the child's fault: call 102 and 150.",
            )
        case AlertKind.BYPASS_ATTEMPT:
            return translate(
                "Alerts",
                "Ask what your child wanted to open: a rule may feel too strict. Explain that "
                "the rules are there to keep them safe, not to spy on them.",
            )
        case AlertKind.CLOCK_CHANGE:
            return translate(
                "Alerts",
                "Qorgan counts time on its own clock, so the limits still hold. Agree on a fair "
                "daily allowance together.",
            )
        case AlertKind.PROTECTION_OFF:
            return translate(
                "Alerts",
                "Check that your child's account is not an administrator and that nobody else "
                "knows the parent PIN.",
            )


def headline_text(alert: dict[str, JsonValue]) -> str:
    """`Aruzhan: Suicide and self-harm` or, for an alert of no child, the kind alone."""
    kind = kind_text(str(alert.get("kind")))
    child = alert.get("child")
    if isinstance(child, str) and child:
        return translate("Alerts", "{child}: {kind}").format(child=child, kind=kind)
    return kind


def detail_text(alert: dict[str, JsonValue]) -> str:
    """The site and the time, as far as the alert has them."""
    at = alert.get("at")
    try:
        when = moment_text(datetime.fromisoformat(at)) if isinstance(at, str) else ""
    except ValueError:
        when = ""
    site = alert.get("detail")
    parts = [part for part in (site if isinstance(site, str) else "", when) if part]
    return " · ".join(parts)


class AlertBanner(QWidget):
    """A calm strip on top of the console with the newest alert not seen yet; `seen(up_to)`
    when the parent presses Seen, for every alert the banner has shown."""

    seen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alertBanner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            "#alertBanner { background: #e8eefc; border-bottom: 2px solid #5a78c8; }"
            " QLabel { color: #1d2a4d; }"
        )
        self.headline = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        font = self.headline.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.headline.setFont(font)
        self.detail = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.advice = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.more = QLabel(textFormat=Qt.TextFormat.PlainText)
        self.seen_button = QPushButton()
        self.seen_button.clicked.connect(self._on_seen)
        self.more.setStyleSheet("font-weight: bold;")
        line = QHBoxLayout()
        line.addWidget(self.detail)
        line.addSpacing(24)
        line.addWidget(self.more)
        line.addStretch()
        texts = QVBoxLayout()
        texts.addWidget(self.headline)
        texts.addLayout(line)
        texts.addWidget(self.advice)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addLayout(texts, 1)
        layout.addWidget(self.seen_button, 0, Qt.AlignmentFlag.AlignTop)
        self.alerts: list[dict[str, JsonValue]] = []
        self.hide()
        self.retranslate()

    def add(self, alerts: list[dict[str, JsonValue]]) -> None:
        """Alerts to show (new ones after those already shown); the newest is on top."""
        known = {alert["id"] for alert in self.alerts}
        self.alerts += [alert for alert in alerts if alert["id"] not in known]
        self.retranslate()

    def clear(self) -> None:
        self.alerts = []
        self.retranslate()

    def _on_seen(self) -> None:
        up_to = max((a["id"] for a in self.alerts if isinstance(a["id"], int)), default=None)
        self.clear()
        if up_to is not None:
            self.seen.emit(up_to)

    def retranslate(self) -> None:
        self.seen_button.setText(self.tr("Seen"))
        self.setVisible(bool(self.alerts))
        if not self.alerts:
            return
        newest = self.alerts[-1]
        self.headline.setText(headline_text(newest))
        self.detail.setText(detail_text(newest))
        self.detail.setVisible(bool(self.detail.text()))
        self.advice.setText(advice_text(str(newest["kind"])))
        others = len(self.alerts) - 1
        self.more.setText(translate("Alerts", "Also not seen yet: {count}").format(count=others))
        self.more.setVisible(others > 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def system_notifier(parent: QObject) -> Notify | None:
    """`showMessage` on a tray icon of the console's own, where the desktop has a tray."""
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    icon = QSystemTrayIcon(shield_icon(), parent)
    icon.show()

    def notify(title: str, text: str) -> None:
        icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, NOTICE_MS)

    return notify


def notice_text(alerts: list[dict[str, JsonValue]]) -> tuple[str, str]:
    """The title and text of one system notification for alerts that came together."""
    newest = alerts[-1]
    title = headline_text(newest)
    text = "\n".join(
        part for part in (detail_text(newest), advice_text(str(newest["kind"]))) if part
    )
    if len(alerts) > 1:
        more = translate("Alerts", "Also not seen yet: {count}").format(count=len(alerts) - 1)
        text = f"{text}\n{more}"
    return title, text


class ConsoleAlerts(QObject):
    """The watcher, the banner and the system notification, wired together for the window."""

    def __init__(
        self,
        state: ConsoleState,
        notify: Notify | None = None,
        poll_ms: int = POLL_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.watcher = AlertWatcher(state, poll_ms, self)
        self.banner = AlertBanner()
        self.notify = notify
        self.watcher.raised.connect(self._on_raised)
        self.watcher.cleared.connect(self.banner.clear)
        self.banner.seen.connect(self.watcher.mark_seen)

    def _on_raised(self, alerts: list[dict[str, JsonValue]], new: bool) -> None:
        self.banner.add(alerts)
        if new and self.notify is not None:
            self.notify(*notice_text(alerts))
