"""The PIN screen: the service checks the PIN and locks it after wrong tries; we show until when."""

import re
from datetime import datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from app.gui.console.state import ConsoleState
from app.gui.icon import shield_pixmap
from app.gui.texts import error_text
from app.gui.widgets import Note, Page, heading
from rules.ipc import ErrorCode, IpcError, JsonValue

LOCKED_UNTIL = re.compile(r"locked until (\S+)")
WRONG_TRIES = re.compile(r"\((\d+) in a row\)")


def locked_until(error: IpcError) -> datetime | None:
    """The end of a PIN lock, from the service's LOCKED message."""
    found = LOCKED_UNTIL.search(error.message)
    try:
        return datetime.fromisoformat(found.group(1)) if found else None
    except ValueError:
        return None


class LoginPage(Page):
    """Enter the PIN to open the console; after five wrong tries the service locks it."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.locked_until: datetime | None = None
        self.title = heading()
        self.intro = QLabel(wordWrap=True)
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.unlock = QPushButton()
        self.note = Note()
        self.reason = QLabel(wordWrap=True)
        self.reason.setStyleSheet("color: #555555;")
        shield = QLabel()
        shield.setPixmap(shield_pixmap(72))
        card = QFrame()
        card.setFixedWidth(460)
        column = QVBoxLayout(card)
        column.setSpacing(10)
        column.addWidget(shield, alignment=Qt.AlignmentFlag.AlignHCenter)
        for widget in (self.title, self.intro, self.reason, self.pin, self.unlock, self.note):
            column.addWidget(widget)
        self.title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        box = QVBoxLayout(self)
        box.addStretch()
        box.addWidget(card, alignment=Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        self.countdown = QTimer(self, interval=1000)
        self.countdown.timeout.connect(self._tick)
        self.pin.returnPressed.connect(self.submit)
        self.unlock.clicked.connect(self.submit)
        self._reason_text = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Qorgan parent console"))
        self.intro.setText(self.tr("Enter the parent PIN to open the console."))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.unlock.setText(self.tr("Open"))
        self.set_reason(self._reason_text)

    def set_reason(self, key: str) -> None:
        """Why the console is closed: "" at start, "idle" or "session" after a lock."""
        self._reason_text = key
        texts = {
            "idle": self.tr("The console locked itself after a while without use."),
            "session": self.tr("The session ended; enter the PIN again."),
        }
        self.reason.setText(texts.get(key, ""))
        self.reason.setVisible(bool(texts.get(key)))

    def set_writable(self, writable: bool) -> None:
        usable = writable and self.locked_until is None
        self.pin.setEnabled(usable)
        self.unlock.setEnabled(usable)

    def activate(self) -> None:
        self.pin.clear()
        self.pin.setFocus()

    def submit(self) -> None:
        if not self.pin.text() or self.locked_until is not None:
            return
        self.unlock.setEnabled(False)
        self.state.call("auth.login", {"pin": self.pin.text()}, self._on_login, self._on_error)

    def _on_login(self, result: JsonValue) -> None:
        self.pin.clear()
        self.note.clear_note()
        self.unlock.setEnabled(True)
        token = result.get("token") if isinstance(result, dict) else None
        if isinstance(token, str):
            self.set_reason("")
            self.state.unlock(token)

    def _on_error(self, error: IpcError) -> None:
        self.pin.clear()
        self.unlock.setEnabled(self.state.connected)
        if error.code is ErrorCode.LOCKED:
            self.locked_until = locked_until(error)
            self.set_writable(False)
            self.countdown.start()
            self._tick()
        elif error.code is ErrorCode.UNAUTHORIZED:
            found = WRONG_TRIES.search(error.message)
            tries = int(found.group(1)) if found else 1
            self.note.show_error(
                self.tr(
                    "Wrong PIN ({tries} in a row). After 5 wrong tries the PIN locks for a "
                    "minute, and longer after each further wrong try."
                ).format(tries=tries)
            )
        else:
            self.note.show_error(error_text(error))

    def _tick(self) -> None:
        until = self.locked_until
        left = 0 if until is None else int((until - datetime.now()).total_seconds()) + 1
        if until is None or left <= 0:
            self.locked_until = None
            self.countdown.stop()
            self.note.clear_note()
            self.set_writable(self.state.connected)
            return
        self.note.show_error(
            self.tr("Too many wrong PINs. Locked until {time} ({seconds} s left).").format(
                time=until.strftime("%H:%M:%S"), seconds=left
            )
        )
