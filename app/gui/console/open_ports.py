"""Open ports: the ports a parent lets the children use past the proxy (a game, SSH)."""

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState, OnResult
from app.gui.texts import error_text
from app.gui.widgets import Note
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.ports import OpenPort, OpenPortError, PortProblem


class OpenPortsBox(QGroupBox):
    """The list from `firewall.ports`; opening or closing one sends the whole new list to
    `firewall.set_ports`, which refuses a wrong entry and keeps the list as it was."""

    def __init__(self, state: ConsoleState, note: Note, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.note = note
        self.explanation = QLabel(wordWrap=True)
        self.ports = QListWidget()
        self.ports.setMaximumHeight(110)
        self.entry = QLineEdit()
        self.open_button = QPushButton()
        self.close_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.entry, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.ports)
        layout.addLayout(row)
        self.open_button.clicked.connect(self.open_port)
        self.entry.returnPressed.connect(self.open_port)
        self.close_button.clicked.connect(self.close_port)
        self.ports.currentRowChanged.connect(lambda _: self._update_close())
        self.writable = False
        self.opening = ""

    def retranslate(self) -> None:
        self.setTitle(self.tr("Open ports"))
        self.explanation.setText(
            self.tr(
                "Everything but web and DNS is refused for the children; a port opened "
                "here goes out directly, not through the filter."
            )
        )
        self.entry.setPlaceholderText(self.tr("e.g. 25565/tcp or 27015-27030/udp"))
        self.open_button.setText(self.tr("Open"))
        self.close_button.setText(self.tr("Close"))

    def set_writable(self, writable: bool) -> None:
        self.writable = writable
        for widget in (self.entry, self.open_button):
            widget.setEnabled(writable)
        self._update_close()

    def _update_close(self) -> None:
        self.close_button.setEnabled(self.writable and self.ports.currentItem() is not None)

    def load(self) -> None:
        self.state.call("firewall.ports", on_result=self.show_ports, on_error=self._failed)

    def listed(self) -> list[str]:
        return [self.ports.item(row).text() for row in range(self.ports.count())]

    def show_ports(self, result: JsonValue) -> None:
        self.ports.clear()
        self.ports.addItems([str(port) for port in result] if isinstance(result, list) else [])
        self._update_close()

    def open_port(self) -> None:
        text = self.entry.text().strip()
        if not text:
            return
        try:
            port = OpenPort.parse(text)
        except OpenPortError as error:
            self.note.show_error(self.problem_text(error))
            return
        self.opening = str(port)
        self._send([*self.listed(), self.opening], self._on_opened)

    def problem_text(self, error: OpenPortError) -> str:
        """The parser's reason in the console's language (the service says it in English)."""
        reasons = {
            PortProblem.FORM: self.tr("write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp"),
            PortProblem.RANGE: self.tr(
                "ports go from 1 to 65535, the first no higher than the last"
            ),
            PortProblem.KEPT: self.tr(
                "53, 80, 443 and 853 are the proxy's (web and DNS go through it)"
            ),
        }
        return f"{error.entry!r}: {reasons[error.problem]}"

    def close_port(self) -> None:
        item = self.ports.currentItem()
        if item is not None:
            gone = item.text()
            self._send([p for p in self.listed() if p != gone], self._on_closed)

    def _send(self, ports: list[str], done: OnResult) -> None:
        params: dict[str, JsonValue] = {"ports": [*ports]}
        self.state.call("firewall.set_ports", params, done, self._failed)

    def _on_opened(self, result: JsonValue) -> None:
        self.show_ports(result)
        self.note.show_info(self.tr("Opened {port}.").format(port=self.opening))
        self.entry.clear()

    def _on_closed(self, result: JsonValue) -> None:
        self.show_ports(result)
        self.note.show_info(self.tr("Port closed."))

    def _failed(self, error: IpcError) -> None:
        if error.code is ErrorCode.UNKNOWN_METHOD:
            self.hide()  # a service with no such firewall (Windows denies only the web ports)
            return
        self.note.show_error(error_text(error))
