"""A yes-or-no question whose buttons say what they do, opened without blocking the event loop."""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget, question: str, action: str, on_yes: Callable[[], object]
) -> QMessageBox:
    """Ask `question`; `on_yes` runs if the parent presses the `action` button."""
    box = QMessageBox(QMessageBox.Icon.Question, "Qorgan", question, parent=parent)
    yes = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(
        QCoreApplication.translate("Confirm", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )
    box.buttonClicked.connect(lambda button: on_yes() if button is yes else None)
    box.open()
    return box
