""" "What Qorgan does", for the child: that it is on, what it records, what it never does."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget


class AboutDialog(QDialog):
    """Monitoring is visible and explained (DOMAIN.md §5): the child can always read this."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.text.setMinimumWidth(420)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.close_button, alignment=Qt.AlignmentFlag.AlignRight)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("What Qorgan does"))
        self.close_button.setText(self.tr("Close"))
        recorded = (
            self.tr("the names of sites you open (not the pages, searches or what you type)"),
            self.tr("which sites were blocked, and why"),
            self.tr("how long you use each app every day"),
            self.tr("your requests for more time or for a site, and the answers"),
        )
        never = (
            self.tr("what you write in messages or chats"),
            self.tr("your passwords or what you type"),
            self.tr("screenshots or the contents of pages"),
            self.tr("sending anything to the internet: it all stays on this PC"),
        )
        self.text.setText(
            "<h3>{on}</h3><p>{why}</p><p><b>{rec}</b></p><ul>{r}</ul><p><b>{no}</b></p><ul>{n}</ul>"
            "<p>{kept}</p><p>{help}</p>".format(
                on=self.tr("Qorgan is on"),
                why=self.tr(
                    "Your parent set up Qorgan on this computer to keep you safe online and to "
                    "help with screen time."
                ),
                rec=self.tr("What it records:"),
                r="".join(f"<li>{line}</li>" for line in recorded),
                no=self.tr("What it never records or does:"),
                n="".join(f"<li>{line}</li>" for line in never),
                kept=self.tr("Records are deleted after 90 days or sooner, as your parent set."),
                help=self.tr(
                    "If something online scares or upsets you, tell an adult you trust, or call "
                    "150: the helpline for children, free and open day and night."
                ),
            )
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
