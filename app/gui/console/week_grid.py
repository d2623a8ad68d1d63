"""A week of half-hours to paint: green where the child may use the PC, grey where not.

Bedtime and homework time are drawn over it, so the parent sees the whole week at once.
"""

from collections.abc import Mapping
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from rules.policy import MINUTES_PER_DAY, DayRules, Interval, Weekday
from rules.schedule import in_bedtime

SLOT_MINUTES = 30
SLOTS = MINUTES_PER_DAY // SLOT_MINUTES
ALLOWED = QColor("#66bb6a")
CLOSED = QColor("#e0e0e0")
LINES = QColor("#ffffff")
BEDTIME = QColor("#3f51b5")
FREE = QColor("#4fc3f7")
A_MONDAY = datetime(2024, 1, 1)


def slots_of(intervals: tuple[Interval, ...]) -> list[bool]:
    """A half-hour is allowed when its first minute lies in an allowed interval."""
    return [any(slot * SLOT_MINUTES in i for i in intervals) for slot in range(SLOTS)]


def intervals_of(slots: list[bool]) -> tuple[Interval, ...]:
    """Runs of allowed half-hours as intervals, in minutes since midnight."""
    found: list[Interval] = []
    start: int | None = None
    for slot, allowed in enumerate([*slots, False]):
        if allowed and start is None:
            start = slot
        elif not allowed and start is not None:
            found.append(Interval(start * SLOT_MINUTES, slot * SLOT_MINUTES))
            start = None
    return tuple(found)


def bedtime_slots(week: Mapping[Weekday, DayRules]) -> dict[Weekday, list[bool]]:
    """A half-hour is bedtime when its first minute is, counting last night's bedtime too."""
    return {
        day: [
            in_bedtime(week, A_MONDAY + timedelta(days=day, minutes=slot * SLOT_MINUTES))
            for slot in range(SLOTS)
        ]
        for day in Weekday
    }


class WeekGrid(QWidget):
    """Press on a half-hour and drag: the rectangle from there to the pointer takes the
    opposite of the first cell, so "weekdays 8:00 to 10:00" is one stroke."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cells = {day: [True] * SLOTS for day in Weekday}
        self.day_names = [day.name.title() for day in Weekday]
        self.painted = False
        self.bedtime = {day: [False] * SLOTS for day in Weekday}
        self.free = {day: [False] * SLOTS for day in Weekday}
        self._paint_value: bool | None = None
        self._anchor: tuple[Weekday, int] | None = None
        self._before: dict[Weekday, list[bool]] = {}
        self.editable = True
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(False)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._label_width() + SLOTS * 14, 20 + 7 * 24)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(self._label_width() + SLOTS * 8, 20 + 7 * 20)

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        return max(metrics.horizontalAdvance(name) for name in self.day_names) + 10

    def set_week(self, week: Mapping[Weekday, tuple[Interval, ...]]) -> None:
        self.cells = {day: slots_of(week[day]) for day in Weekday}
        self.painted = False
        self.update()

    def set_marks(self, week: Mapping[Weekday, DayRules]) -> None:
        """Draw `week`'s bedtimes and homework time over the allowed hours."""
        self.bedtime = bedtime_slots(week)
        self.free = {day: slots_of(week[day].free_intervals) for day in Weekday}
        self.update()

    def colour(self, day: Weekday, slot: int) -> QColor:
        if self.bedtime[day][slot]:
            return BEDTIME
        if not self.cells[day][slot]:
            return CLOSED
        return FREE if self.free[day][slot] else ALLOWED

    def week(self) -> dict[Weekday, tuple[Interval, ...]]:
        return {day: intervals_of(self.cells[day]) for day in Weekday}

    def set_all(self, allowed: bool) -> None:
        self.cells = {day: [allowed] * SLOTS for day in Weekday}
        self.painted = True
        self.changed.emit()
        self.update()

    def _geometry(self) -> tuple[int, int, float, float]:
        left, top = self._label_width(), 20
        return left, top, (self.width() - left) / SLOTS, (self.height() - top) / 7

    def cell_at(self, point: QPoint) -> tuple[Weekday, int] | None:
        left, top, width, height = self._geometry()
        if point.x() < left or point.y() < top:
            return None
        slot, row = int((point.x() - left) / width), int((point.y() - top) / height)
        if 0 <= slot < SLOTS and 0 <= row < 7:
            return Weekday(row), slot
        return None

    def cell_rect(self, day: Weekday, slot: int) -> QRect:
        """Edges rounded the same way for neighbours, so cells tile without gaps."""
        left, top, width, height = self._geometry()
        x0, x1 = round(left + slot * width), round(left + (slot + 1) * width)
        y0, y1 = round(top + day * height), round(top + (day + 1) * height)
        return QRect(x0, y0, x1 - x0, y1 - y0)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if cell is None or not self.editable:
            return
        day, slot = cell
        self._paint_value = not self.cells[day][slot]
        self._anchor = cell
        self._before = {d: list(row) for d, row in self.cells.items()}
        self._paint(cell)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and self._paint_value is not None:
            self._paint(cell)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._paint_value = self._anchor = None

    def _paint(self, cell: tuple[Weekday, int]) -> None:
        if self._paint_value is None or self._anchor is None:
            return
        (first_day, first_slot), (day, slot) = self._anchor, cell
        days = range(min(first_day, day), max(first_day, day) + 1)
        slots = range(min(first_slot, slot), max(first_slot, slot) + 1)
        cells = {d: list(row) for d, row in self._before.items()}
        for d in days:
            for s in slots:
                cells[Weekday(d)][s] = self._paint_value
        if cells != self.cells:
            self.cells = cells
            self.painted = True
            self.changed.emit()
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        left, top, width, height = self._geometry()
        painter.setPen(self.palette().windowText().color())
        for hour in range(0, 24, 3):
            x = int(left + hour * 2 * width)
            painter.drawText(
                QRect(x, 0, int(width * 6), top), Qt.AlignmentFlag.AlignLeft, f"{hour:02}"
            )
        for day in Weekday:
            label = QRect(0, int(top + day * height), left - 6, int(height))
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(label, align, self.day_names[day])
        for day in Weekday:
            for slot in range(SLOTS):
                painter.fillRect(self.cell_rect(day, slot), self.colour(day, slot))
        painter.setPen(LINES)
        for slot in range(0, SLOTS + 1, 2):  # a line every hour
            x = round(left + slot * width)
            painter.drawLine(x, top, x, self.height())
        for row in range(8):
            y = round(top + row * height)
            painter.drawLine(left, y, self.width(), y)
        painter.end()
