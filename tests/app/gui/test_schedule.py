"""The schedule: painting allowed half-hours, each day's limit, bedtime and homework time,
budgets per category."""

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTime
from PySide6.QtGui import QMouseEvent
from pytestqt.qtbot import QtBot

from app.gui.console.day_table import ScheduleError, parse_spans
from app.gui.console.schedule import SchedulePage
from app.gui.console.week_grid import (
    ALLOWED,
    BEDTIME,
    CLOSED,
    FREE,
    SLOTS,
    WeekGrid,
    bedtime_slots,
    intervals_of,
    slots_of,
)
from rules.categories import Category
from rules.policy import Bedtime, DayRules, Interval, Weekday
from tests.app.gui.conftest import Console, Service


def test_half_hours_and_intervals_convert_both_ways() -> None:
    slots = slots_of((Interval(7 * 60, 8 * 60 + 30), Interval(20 * 60, 24 * 60)))
    assert sum(slots) == 3 + 8
    assert intervals_of(slots) == (Interval(420, 510), Interval(1200, 1440))
    assert intervals_of([False] * SLOTS) == ()


def drag(grid: WeekGrid, to: QPoint) -> None:
    """A move with the button held (QTest's mouseMove sends none on offscreen)."""
    point = QPointF(to)
    grid.mouseMoveEvent(
        QMouseEvent(
            QMouseEvent.Type.MouseMove,
            point,
            point,
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )


def test_painting_the_grid_and_limits_are_saved(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    family.window.workspace.show_view("schedule")
    page = family.window.workspace.views["schedule"]
    assert isinstance(page, SchedulePage)
    qtbot.waitUntil(page.save.isEnabled, timeout=5000)
    grid = page.grid
    page.close_all.click()
    monday_8 = grid.cell_rect(Weekday.MON, 16).center()
    monday_10 = grid.cell_rect(Weekday.MON, 19).center()
    friday_10 = grid.cell_rect(Weekday.FRI, 19).center()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=monday_8)
    drag(grid, monday_10)  # one stroke from Monday 8:00 to Friday 10:00
    drag(grid, friday_10)
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton, pos=friday_10)
    workdays = grid.week()
    assert all(workdays[day] == (Interval(8 * 60, 10 * 60),) for day in list(Weekday)[:5])
    assert workdays[Weekday.SAT] == ()
    qtbot.mousePress(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(Weekday.TUE, 16).center())
    qtbot.mouseRelease(grid, Qt.MouseButton.LeftButton)
    assert grid.week()[Weekday.TUE] == (Interval(8 * 60 + 30, 10 * 60),)  # a click toggles one
    assert grid.cell_at(QPoint(0, 0)) is None
    assert page.limited[Weekday.SAT].isChecked()  # Aruzhan's weekend: 3 hours
    page.allowance[Weekday.SAT].setValue(240)
    page.limited[Weekday.SUN].setChecked(False)
    assert page.budgets[Category.GAMES].value() == 60
    page.budgets[Category.GAMES].setValue(45)
    page.budgets[Category.VIDEO].setValue(30)
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    with service.store() as store:
        week = store.child("Aruzhan").rules.week
        budgets = store.child("Aruzhan").rules.category_budgets
    assert week[Weekday.MON].allowed == (Interval(480, 600),)
    assert week[Weekday.TUE].allowed == (Interval(510, 600),)
    assert week[Weekday.SUN].allowed == ()
    assert week[Weekday.SAT].allowance_minutes == 240
    assert week[Weekday.SUN].allowance_minutes is None
    assert week[Weekday.FRI].allowance_minutes == 120
    assert dict(budgets) == {Category.GAMES: 45, Category.VIDEO: 30}


def test_an_untouched_grid_keeps_minutes_it_cannot_show(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    from dataclasses import replace
    from types import MappingProxyType

    from rules.policy import DayRules

    with service.store() as store:
        child = store.child("Aruzhan")
        week = {day: DayRules(allowed=(Interval(7 * 60 + 10, 21 * 60 + 5),)) for day in Weekday}
        store.update_child(replace(child, rules=replace(child.rules, week=MappingProxyType(week))))
    family.state.refresh()
    family.window.workspace.show_view("schedule")
    page = family.window.workspace.views["schedule"]
    assert isinstance(page, SchedulePage)
    qtbot.waitUntil(lambda: not page.grid.cells[Weekday.MON][14], timeout=5000)  # 7:00 closed
    page.limited[Weekday.MON].setChecked(True)
    page.allowance[Weekday.MON].setValue(120)
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    with service.store() as store:
        monday = store.child("Aruzhan").rules.week[Weekday.MON]
    assert monday.allowed == (Interval(430, 1265),)
    assert monday.allowance_minutes == 120


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("", ()),
        ("16:00-18:00", (Interval(960, 1080),)),
        (" 20:00 - 20:30, 7:00-8:00 ;", (Interval(420, 480), Interval(1200, 1230))),
        ("23:00-24:00", (Interval(1380, 1440),)),
    ],
)
def test_homework_time_is_read_from_spans(text: str, spans: tuple[Interval, ...]) -> None:
    assert parse_spans(text, "Wed") == spans


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("16:00", "Wed, homework time: “16:00” is not a time span like 16:00-18:00"),
        ("16:00-18:60", "Wed, homework time: “16:00-18:60” is not a time span like 16:00-18:00"),
        ("18:00-16:00", "Wed, homework time: 18:00-16:00 ends before it starts"),
        ("16:00-18:00, 17:30-19:00", "Wed, homework time: 16:00-18:00 and 17:30-19:00 overlap"),
    ],
)
def test_bad_homework_time_says_which_day_and_why(
    translations: object, text: str, problem: str
) -> None:
    with pytest.raises(ScheduleError) as raised:
        parse_spans(text, "Wed")
    assert str(raised.value) == problem


def test_bedtime_runs_into_the_next_morning_on_the_grid() -> None:
    week = {day: DayRules() for day in Weekday}
    week[Weekday.SUN] = DayRules(bedtime=Bedtime(21 * 60 + 30, 7 * 60))
    marks = bedtime_slots(week)
    assert marks[Weekday.SUN][43] and not marks[Weekday.SUN][42]  # from 21:30
    assert marks[Weekday.MON][13] and not marks[Weekday.MON][14]  # Monday until 07:00
    assert sum(map(sum, marks.values())) == 5 + 14


def schedule_page(qtbot: QtBot, console: Console) -> SchedulePage:
    console.window.workspace.show_view("schedule")
    page = console.window.workspace.views["schedule"]
    assert isinstance(page, SchedulePage)
    qtbot.waitUntil(page.save.isEnabled, timeout=5000)
    return page


def test_bedtime_and_homework_time_are_saved_and_drawn(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = schedule_page(qtbot, family)
    wednesday = page.days.rows[Weekday.WED]
    assert not wednesday.sleep.isEnabled()  # no bedtime yet
    wednesday.bedtime.setChecked(True)
    assert wednesday.sleep.isEnabled()
    wednesday.sleep.setTime(QTime(21, 0))
    wednesday.wake.setTime(QTime(6, 30))
    wednesday.free.setText("16:00-17:30")
    grid = page.grid
    assert grid.colour(Weekday.WED, 42) == BEDTIME  # 21:00
    assert grid.colour(Weekday.THU, 12) == BEDTIME  # 06:00, the morning after
    assert grid.colour(Weekday.THU, 13) == CLOSED  # 06:30: awake, outside the hours
    assert grid.colour(Weekday.WED, 32) == FREE  # 16:00
    assert grid.colour(Weekday.WED, 35) == ALLOWED  # 17:30
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    with service.store() as store:
        week = store.child("Aruzhan").rules.week
    assert week[Weekday.WED].bedtime == Bedtime(21 * 60, 6 * 60 + 30)
    assert week[Weekday.WED].free_intervals == (Interval(960, 1050),)
    assert week[Weekday.WED].allowed == (Interval(7 * 60, 21 * 60),)  # the grid was not touched
    assert week[Weekday.TUE].bedtime is None and week[Weekday.TUE].free_intervals == ()
    page.revert.click()  # what the service stored comes back into the fields
    assert wednesday.bedtime.isChecked() and wednesday.free.text() == "16:00-17:30"


@pytest.mark.parametrize(
    ("day", "fill", "problem"),
    [
        (Weekday.FRI, "free", "Fri, homework time: “after school” is not a time span"),
        (Weekday.MON, "bedtime", "Mon: bedtime and wake-up time are the same (07:00)"),
    ],
)
def test_a_wrong_day_is_named_and_nothing_is_saved(
    qtbot: QtBot, family: Console, service: Service, *, day: Weekday, fill: str, problem: str
) -> None:
    page = schedule_page(qtbot, family)
    row = page.days.rows[day]
    page.allowance[Weekday.SAT].setValue(10)
    if fill == "free":
        row.free.setText("after school")
    else:
        row.bedtime.setChecked(True)
        row.sleep.setTime(QTime(7, 0))
        row.wake.setTime(QTime(7, 0))
    page.save.click()
    assert page.note.text().startswith(problem)
    assert page.note.isVisible() and page.save.isEnabled()
    with service.store() as store:
        assert store.child("Aruzhan").rules.week[Weekday.SAT].allowance_minutes == 180
