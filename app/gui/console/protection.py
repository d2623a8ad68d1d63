"""The protection check: service, certificate, firewall and national list, each with its state."""

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from rules.ipc import IpcError, JsonValue

OK, BAD, NEUTRAL = "✔", "✖", "–"
STALE_SECONDS = 30  # the service beats every few seconds (api_protection.STALE_AFTER)
COLOURS = {OK: "#1b5e20", BAD: "#b00020", NEUTRAL: "#555555"}
ROWS = ("service", "ca", "firewall", "national")


class ProtectionReport(QWidget):
    """One line per safeguard: `show_status` takes the console's `protection.status` reply,
    `show_health` the service's own record (`protection.health`: proxy, firewall, trust)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.marks: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self.states: dict[str, QLabel] = {}
        for row, key in enumerate(ROWS):
            self.marks[key], self.names[key] = QLabel(NEUTRAL), QLabel()
            self.states[key] = QLabel(wordWrap=True)
            self.grid.addWidget(self.marks[key], row, 0)
            self.grid.addWidget(self.names[key], row, 1)
            self.grid.addWidget(self.states[key], row, 2)
        self.grid.setColumnStretch(2, 1)
        self._status: JsonValue = None
        self._health: JsonValue = None
        self._error: IpcError | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.names["service"].setText(self.tr("Qorgan service"))
        self.names["ca"].setText(self.tr("Certificate for HTTPS filtering"))
        self.names["firewall"].setText(self.tr("Firewall redirection"))
        self.names["national"].setText(self.tr("National blocklist"))
        if self._error is not None:
            self.show_error(self._error)
        elif self._status is not None:
            self.show_status(self._status)
            if self._health is not None:
                self.show_health(self._health)
        else:
            self.set_checking()

    def refresh(self, state: ConsoleState) -> None:
        """Ask the service: the console's check first, then the service's own record."""
        state.call("protection.status", on_result=self.show_status, on_error=self.show_error)
        state.call("protection.health", on_result=self.show_health, on_error=lambda error: None)

    def _set(self, key: str, mark: str, text: str) -> None:
        self.marks[key].setText(mark)
        self.marks[key].setStyleSheet(f"color: {COLOURS[mark]}; font-weight: bold;")
        self.states[key].setText(text)

    def set_checking(self) -> None:
        for key in ROWS:
            self._set(key, NEUTRAL, self.tr("checking…"))

    def show_error(self, error: IpcError) -> None:
        self._error, self._status = error, None
        self._set("service", BAD, error_text(error))
        for key in ROWS[1:]:
            self._set(key, NEUTRAL, self.tr("unknown while the service is not reachable"))

    def show_status(self, status: JsonValue) -> None:
        self._status, self._error = status, None
        data = status if isinstance(status, dict) else {}
        demo = data.get("mode") == "demo"
        self._set(
            "service",
            OK,
            self.tr("running (demo mode, as your user)") if demo else self.tr("running"),
        )
        ca = data.get("ca")
        if isinstance(ca, dict) and ca.get("present"):
            self._set("ca", OK, self.tr("created on this PC"))
        else:
            self._set("ca", BAD, self.tr("missing: HTTPS sites cannot show the block page"))
        firewall = data.get("firewall")
        if firewall == "not_applicable":
            self._set("firewall", NEUTRAL, self.tr("demo mode: not applicable"))
        else:
            self._set("firewall", NEUTRAL, self.tr("not checked by this version"))
        self._show_national(data.get("national_list"))

    def show_health(self, health: JsonValue) -> None:
        """Refine the lines with what the running service recorded (service mode only)."""
        self._health = health
        data = health if isinstance(health, dict) else {}
        if data.get("mode") != "service" or self._status is None:
            return
        proxy, firewall, trust = data.get("proxy"), data.get("firewall"), data.get("trust")
        age = data.get("heartbeat_age_seconds")
        if not isinstance(age, int | float) or age > STALE_SECONDS:
            self._set("service", BAD, self.tr("not keeping up: its last sign of life is old"))
        elif isinstance(proxy, dict) and proxy.get("running") is not True:
            self._set("service", BAD, self.tr("running, but the filter is down"))
        if isinstance(firewall, dict):
            state = firewall.get("state")
            if state == "applied":
                self._set("firewall", OK, self.tr("active"))
            elif state == "failed":
                self._set(
                    "firewall",
                    BAD,
                    self.tr("failed: {error}").format(error=firewall.get("error") or "?"),
                )
            else:
                self._set(
                    "firewall", BAD, self.tr("not in place: the child's traffic is not filtered")
                )
        if isinstance(trust, dict):
            state = trust.get("state")
            if state == "installed":
                self._set("ca", OK, self.tr("trusted by the system and the browsers"))
            elif state == "failed":
                self._set(
                    "ca",
                    BAD,
                    self.tr("could not be installed: {error}").format(
                        error=trust.get("error") or "?"
                    ),
                )
            else:
                self._set("ca", NEUTRAL, self.tr("being installed…"))

    def _show_national(self, national: JsonValue) -> None:
        if not isinstance(national, dict) or not national.get("present"):
            self._set("national", BAD, self.tr("not imported"))
        elif national.get("error"):
            self._set(
                "national", BAD, self.tr("cannot be read: {error}").format(error=national["error"])
            )
        elif national.get("publisher"):
            text = self.tr("version {version} from {publisher}, {entries} entries").format(
                version=national.get("version") or "?",
                publisher=national["publisher"],
                entries=national.get("entries", 0),
            )
            self._set("national", OK, text)
        else:
            text = self.tr("version {version}, {entries} entries").format(
                version=national.get("version") or "?", entries=national.get("entries", 0)
            )
            self._set("national", OK, text)
