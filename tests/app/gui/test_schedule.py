"""The schedule: painting allowed half-hours, the daily allowance, budgets per category."""

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from pytestqt.qtbot import QtBot

from app.gui.console.schedule import SchedulePage
from app.gui.console.week_grid import SLOTS, WeekGrid, intervals_of, slots_of
from rules.categories import Category
from rules.policy import Interval, Weekday
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
