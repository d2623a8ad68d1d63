"""Qorgan's shield, drawn rather than shipped, for the window and the tray."""

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

SHIELD = QColor("#1565c0")
PAUSED = QColor("#9e9e9e")


def shield_pixmap(size: int = 64, colour: QColor = SHIELD) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    s = size / 64
    path = QPainterPath(QPointF(32 * s, 4 * s))
    path.lineTo(56 * s, 12 * s)
    path.cubicTo(56 * s, 36 * s, 48 * s, 52 * s, 32 * s, 60 * s)
    path.cubicTo(16 * s, 52 * s, 8 * s, 36 * s, 8 * s, 12 * s)
    path.closeSubpath()
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(path, QBrush(colour))
    painter.setPen(QPen(QColor("white"), 5 * s))
    painter.drawPolyline(
        [QPointF(22 * s, 32 * s), QPointF(30 * s, 40 * s), QPointF(43 * s, 24 * s)]
    )
    painter.end()
    return pixmap


def shield_icon(colour: QColor = SHIELD) -> QIcon:
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        icon.addPixmap(shield_pixmap(size, colour))
    return icon
