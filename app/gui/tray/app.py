"""Builds the tray from its parts: an icon where the desktop has a tray, else a small window."""

from collections.abc import Sequence

from PySide6.QtWidgets import QSystemTrayIcon

from app.gui.qtipc import ServiceClient
from app.gui.startup import start
from app.gui.tray.icon import TrayIcon
from app.gui.tray.model import TrayModel
from app.gui.tray.panel import TrayPanel


def main(argv: Sequence[str] | None = None) -> int:
    started = start("qorgan-tray", argv)
    client = ServiceClient(started.socket)
    model = TrayModel(client)
    panel = TrayPanel(model)
    model.warned.connect(panel.notify)
    model.noticed.connect(panel.show_notice)
    if QSystemTrayIcon.isSystemTrayAvailable():
        started.app.setQuitOnLastWindowClosed(False)
        tray = TrayIcon(panel)
        tray.icon.show()
    else:
        panel.show()
    client.start()
    model.start()
    return started.app.exec()
