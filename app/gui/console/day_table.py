"""Each weekday's limits beside the grid: minutes a day, bedtime, homework time that is free."""

import re
from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from rules.policy import MINUTES_PER_DAY, Bedtime, DayRules, Interval, Weekday

translate = QCoreApplication.translate
_SPAN = re.compile(r"(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})")
DEFAULT_BEDTIME = Bedtime(21 * 60 + 30, 7 * 60)


class ScheduleError(ValueError):
    """A day's field the parent must correct; the message names the day and the field."""


def spans_text(intervals: tuple[Interval, ...]) -> str:
    return ", ".join(f"{clock(i.start)}-{clock(i.end)}" for i in intervals)


def clock(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def _minute(hours: str, minutes: str) -> int | None:
    minute = int(hours) * 60 + int(minutes)
    return minute if int(minutes) < 60 and minute <= MINUTES_PER_DAY else None


def parse_spans(text: str, day: str) -> tuple[Interval, ...]:
    """`16:00-18:00, 20:00-20:30` as intervals in order; an empty text is none.

    Spans may not overlap: a minute is homework time or it is not.
    """
    where = translate("DayTable", "{day}, homework time").format(day=day)
    found: list[Interval] = []
    for part in filter(None, (piece.strip() for piece in re.split(r"[,;]", text))):
        match = _SPAN.fullmatch(part)
        start = _minute(*match.groups()[:2]) if match else None
        end = _minute(*match.groups()[2:]) if match else None
        if start is None or end is None:
            message = translate("DayTable", "{where}: “{span}” is not a time span like 16:00-18:00")
            raise ScheduleError(message.format(where=where, span=part))
        if end <= start:
            message = translate("DayTable", "{where}: {span} ends before it starts")
            raise ScheduleError(message.format(where=where, span=part))
        found.append(Interval(start, end))
    found.sort(key=lambda interval: interval.start)
    for first, second in pairwise(found):
        if second.start < first.end:
            message = translate("DayTable", "{where}: {first} and {second} overlap")
            raise ScheduleError(
                message.format(
                    where=where, first=spans_text((first,)), second=spans_text((second,))
                )
            )
    return tuple(found)


def minutes_box(maximum: int = MINUTES_PER_DAY) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSingleStep(15)
    return box


def time_box() -> QTimeEdit:
    box = QTimeEdit()
    box.setDisplayFormat("HH:mm")
    return box


def _qtime(minute: int) -> QTime:
    return QTime(minute // 60 % 24, minute % 60)


def _minute_of(box: QTimeEdit) -> int:
    time = box.time()
    return time.hour() * 60 + time.minute()


class DayRow:
    """One weekday's fields."""

    def __init__(self) -> None:
        self.name = QLabel()
        self.limited = QCheckBox()
        self.allowance = minutes_box()
        self.bedtime = QCheckBox()
        self.sleep = time_box()
        self.dash = QLabel("–")
        self.wake = time_box()
        self.free = QLineEdit()
        self.free.setMinimumWidth(160)
        self.limited.toggled.connect(self.allowance.setEnabled)
        self.bedtime.toggled.connect(self.sleep.setEnabled)
        self.bedtime.toggled.connect(self.wake.setEnabled)

    def set_enabled(self, enabled: bool) -> None:
        for widget in (self.limited, self.bedtime, self.free):
            widget.setEnabled(enabled)
        self.allowance.setEnabled(enabled and self.limited.isChecked())
        self.sleep.setEnabled(enabled and self.bedtime.isChecked())
        self.wake.setEnabled(enabled and self.bedtime.isChecked())


class DayTable(QWidget):
    """Per weekday: a daily limit, a bedtime until the next morning, homework time."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = {day: DayRow() for day in Weekday}
        self.headers = [QLabel(wordWrap=True) for _ in range(3)]
        self.day_names = [day.name.title() for day in Weekday]
        grid = QGridLayout(self)
        grid.addWidget(self.headers[0], 0, 1, 1, 2)
        grid.addWidget(self.headers[1], 0, 3, 1, 4)
        grid.addWidget(self.headers[2], 0, 7)
        for day, row in self.rows.items():
            line = day + 1
            for column, widget in enumerate(
                (row.name, row.limited, row.allowance, row.bedtime, row.sleep, row.dash, row.wake)
            ):
                grid.addWidget(widget, line, column)
            grid.addWidget(row.free, line, 7)
            for signal in (row.limited.toggled, row.bedtime.toggled):
                signal.connect(self.changed)
            for box in (row.sleep, row.wake):
                box.timeChanged.connect(self.changed)
            row.allowance.valueChanged.connect(self.changed)
            row.free.textChanged.connect(self.changed)
        grid.setColumnStretch(7, 1)

    def retranslate(self, day_names: list[str]) -> None:
        self.day_names = day_names
        self.headers[0].setText(self.tr("Time a day"))
        self.headers[1].setText(self.tr("Bedtime, until the next morning"))
        self.headers[2].setText(self.tr("Homework time: does not count"))
        for day, row in self.rows.items():
            row.name.setText(day_names[day])
            row.limited.setText(self.tr("limit"))
            row.allowance.setSuffix(" " + self.tr("min"))
            row.bedtime.setText(self.tr("bedtime"))
            row.free.setPlaceholderText(self.tr("e.g. 16:00-18:00"))
            row.free.setToolTip(
                self.tr("Spans like 16:00-18:00, separated by commas. Time in them is not counted.")
            )

    def set_enabled(self, enabled: bool) -> None:
        for row in self.rows.values():
            row.set_enabled(enabled)

    def load(self, week: Mapping[Weekday, DayRules]) -> None:
        self.blockSignals(True)
        for day, row in self.rows.items():
            rules = week[day]
            row.limited.setChecked(rules.allowance_minutes is not None)
            row.allowance.setValue(
                120 if rules.allowance_minutes is None else rules.allowance_minutes
            )
            bedtime = rules.bedtime or DEFAULT_BEDTIME
            row.bedtime.setChecked(rules.bedtime is not None)
            row.sleep.setTime(_qtime(bedtime.start))
            row.wake.setTime(_qtime(bedtime.wake))
            row.free.setText(spans_text(rules.free_intervals))
        self.blockSignals(False)
        self.changed.emit()

    def bedtime_of(self, day: Weekday) -> Bedtime | None:
        row = self.rows[day]
        if not row.bedtime.isChecked():
            return None
        start, wake = _minute_of(row.sleep), _minute_of(row.wake)
        if start == wake:
            message = translate("DayTable", "{day}: bedtime and wake-up time are the same ({time})")
            raise ScheduleError(message.format(day=self.day_names[day], time=clock(start)))
        return Bedtime(start, wake)

    def applied(self, week: Mapping[Weekday, DayRules]) -> dict[Weekday, DayRules]:
        """`week` with these fields; ScheduleError names the first day and field that is wrong."""
        changed = {}
        for day, row in self.rows.items():
            changed[day] = replace(
                week[day],
                allowance_minutes=row.allowance.value() if row.limited.isChecked() else None,
                bedtime=self.bedtime_of(day),
                free_intervals=parse_spans(row.free.text(), self.day_names[day]),
            )
        return changed

    def shown(self, week: Mapping[Weekday, DayRules]) -> dict[Weekday, DayRules]:
        """What the fields hold as far as they can be read, for the grid to draw while typing."""
        shown = {}
        for day, row in self.rows.items():
            try:
                bedtime = self.bedtime_of(day)
            except ScheduleError:
                bedtime = None
            try:
                free = parse_spans(row.free.text(), self.day_names[day])
            except ScheduleError:
                free = week[day].free_intervals
            shown[day] = replace(week[day], bedtime=bedtime, free_intervals=free)
        return shown
