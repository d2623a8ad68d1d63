"""Settings: language, how long history is kept, the e-mailed report, open ports, export or
erase all."""

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.all_data import AllDataBox
from app.gui.console.child_form import language_box
from app.gui.console.open_ports import OpenPortsBox
from app.gui.console.state import ConsoleState
from app.gui.i18n import current_language
from app.gui.texts import error_text
from app.gui.widgets import Note, Page, heading, set_form_labels
from rules.ipc import IpcError, JsonValue
from rules.text import Language

SECURITY = ("starttls", "ssl", "none")


class SettingsPage(Page):
    """Saved by the service, except the console's own language and idle lock (this user's)."""

    def __init__(
        self,
        state: ConsoleState,
        choose_language: Callable[[Language], None],
        set_idle_minutes: Callable[[int], None],
        idle_minutes: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.choose_language = choose_language
        self.set_idle_minutes = set_idle_minutes
        self.title = heading()
        self._build_forms(idle_minutes)
        self.save = QPushButton()
        self.note = Note()
        self.data = AllDataBox(state, self.note)
        self.open_ports = OpenPortsBox(state, self.note)
        self._lay_out()
        self.language.activated.connect(self._on_language)
        self.idle.valueChanged.connect(set_idle_minutes)
        self.save.clicked.connect(self.save_settings)
        self.loaded = False
        self.retranslate()

    def _build_forms(self, idle_minutes: int) -> None:
        self.general = QGroupBox()
        self.language = language_box()
        self.retention = QSpinBox(minimum=1, maximum=3650, value=90)
        self.idle = QSpinBox(minimum=1, maximum=120, value=idle_minutes)
        general = QFormLayout(self.general)
        for widget in (self.language, self.retention, self.idle):
            general.addRow(QLabel(), widget)
        self.email = QGroupBox()
        self.email_on = QCheckBox()
        self.to, self.sender_field, self.host = QLineEdit(), QLineEdit(), QLineEdit()
        self.port = QSpinBox(minimum=1, maximum=65535, value=587)
        self.security = QComboBox()
        self.security.addItems(["STARTTLS", "SSL/TLS", "—"])
        self.username = QLineEdit()
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        email = QFormLayout(self.email)
        email.addRow(self.email_on)
        fields: tuple[QWidget, ...] = (
            self.to,
            self.sender_field,
            self.host,
            self.port,
            self.security,
            self.username,
            self.password,
        )
        for field in fields:
            email.addRow(QLabel(), field)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.general)
        left.addWidget(self.data)
        left.addWidget(self.open_ports)
        left.addStretch()
        columns.addLayout(left, 1)
        columns.addWidget(self.email, 1)
        layout.addLayout(columns)
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.save)
        layout.addLayout(buttons)
        layout.addStretch()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Settings"))
        self.general.setTitle(self.tr("General"))
        general = (
            self.tr("Language"),
            self.tr("Keep history for"),
            self.tr("Lock the console after"),
        )
        set_form_labels(self.general.layout(), general)
        self.retention.setSuffix(" " + self.tr("days"))
        self.idle.setSuffix(" " + self.tr("min without use"))
        self.email.setTitle(self.tr("Weekly report by e-mail"))
        self.email_on.setText(self.tr("Send the weekly report by e-mail"))
        email = (
            "",
            self.tr("To"),
            self.tr("From"),
            self.tr("SMTP server"),
            self.tr("Port"),
            self.tr("Security"),
            self.tr("User name"),
            self.tr("Password"),
        )
        set_form_labels(self.email.layout(), email)
        self.to.setPlaceholderText(self.tr("parent@example.kz"))
        self.password.setPlaceholderText(
            self.tr("kept in the system keyring, not in Qorgan's data")
        )
        self.save.setText(self.tr("Save settings"))
        self.data.retranslate()
        self.open_ports.retranslate()
        self.language.setCurrentIndex(self.language.findData(str(current_language())))

    def set_writable(self, writable: bool) -> None:
        for widget in (self.retention, self.email, self.save, self.data):
            widget.setEnabled(writable)
        self.open_ports.set_writable(writable)

    def activate(self) -> None:
        if self.state.unlocked:
            self.state.call("settings.get", on_result=self.show_settings)
            self.open_ports.load()

    def show_settings(self, result: JsonValue) -> None:
        self.loaded = True
        data = result if isinstance(result, dict) else {}
        days = data.get("retention_days")
        self.retention.setValue(days if isinstance(days, int) else 90)
        email = data.get("report_email")
        email = email if isinstance(email, dict) else {}
        self.email_on.setChecked(bool(email.get("enabled")))
        for field, key in (
            (self.to, "to"),
            (self.sender_field, "sender"),
            (self.host, "smtp_host"),
            (self.username, "username"),
        ):
            field.setText(str(email.get(key) or ""))
        port = email.get("smtp_port")
        self.port.setValue(port if isinstance(port, int) else 587)
        security = email.get("security")
        self.security.setCurrentIndex(SECURITY.index(security) if security in SECURITY else 0)

    def _on_language(self, index: int) -> None:
        language = Language(self.language.itemData(index))
        self.choose_language(language)
        if self.state.writable:
            self.state.call("settings.set", {"language": str(language)}, on_error=self.show_error)

    def settings(self) -> dict[str, JsonValue]:
        return {
            "retention_days": self.retention.value(),
            "report_email": {
                "enabled": self.email_on.isChecked(),
                "to": self.to.text().strip(),
                "sender": self.sender_field.text().strip(),
                "smtp_host": self.host.text().strip(),
                "smtp_port": self.port.value(),
                "security": SECURITY[self.security.currentIndex()],
                "username": self.username.text().strip(),
            },
        }

    def save_settings(self) -> None:
        self.state.call("settings.set", self.settings(), self._on_saved, self.show_error)
        if self.password.text():
            params: dict[str, JsonValue] = {
                "username": self.username.text().strip(),
                "password": self.password.text(),
            }
            self.password.clear()
            self.state.call("settings.set_smtp_password", params, on_error=self.show_error)

    def _on_saved(self, result: JsonValue) -> None:
        self.show_settings(result)
        self.note.show_info(self.tr("Settings saved."))

    def show_error(self, error: IpcError) -> None:
        self.note.show_error(error_text(error))
