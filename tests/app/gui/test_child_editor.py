"""The child editor: age class, categories against the class, lists, SafeSearch, whitelist."""

from pytestqt.qtbot import QtBot

from app.gui.console.category_grid import CategoryGrid
from app.gui.console.child_editor import ChildEditorPage
from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, SafeSearchLevel
from rules.categories import Category
from rules.policy import ChildProfile
from tests.app.gui.conftest import Console, Service


def editor(qtbot: QtBot, console: Console) -> ChildEditorPage:
    console.window.workspace.show_view("children")
    page = console.window.workspace.views["children"]
    assert isinstance(page, ChildEditorPage)
    qtbot.waitUntil(page.save.isEnabled, timeout=5000)
    return page


def stored(service: Service, name: str = "Aruzhan") -> ChildProfile:
    with service.store() as store:
        return store.child(name)


def test_the_grid_shows_the_class_defaults_and_the_parents_overrides(
    qtbot: QtBot, family: Console
) -> None:
    page = editor(qtbot, family)
    grid: CategoryGrid = page.categories
    row = list(Category).index(Category.SOCIAL_NETWORKS)
    assert grid.item(row, 1).text() == "blocked"  # type: ignore[union-attr]
    assert grid.choices[Category.VIDEO].currentText() == "block"  # Aruzhan's override
    assert grid.effective(Category.VIDEO) is CategoryAction.BLOCK
    page.age_class.setCurrentIndex(page.age_class.findData("14+"))
    assert grid.item(row, 1).text() == "allowed"  # type: ignore[union-attr]
    assert grid.horizontalHeaderItem(1).text() == "Class 14+"  # type: ignore[union-attr]
    assert page.safe_search.itemText(0) == "as the class (moderate)"
    assert not grid.choices[Category.CSAM].isEnabled()
    assert not grid.choices[Category.PHISHING].isEnabled()
    assert grid.choices[Category.GAMBLING].isEnabled()


def test_a_changed_rule_is_saved_to_the_service(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = editor(qtbot, family)
    page.deny.entry.setText("https://Games.Example.com/play")
    page.deny.add.click()
    page.deny.entry.setText("not a site at all")
    page.deny.add.click()
    assert "Not a site the filter can read" in page.deny.note.text()
    assert page.deny.values() == ("roblox.com", "https://Games.Example.com/play")
    page.categories.choices[Category.GAMES].setCurrentIndex(2)  # block
    page.categories.choices[Category.VIDEO].setCurrentIndex(0)  # back to the class default
    page.safe_search.setCurrentIndex(page.safe_search.findData("moderate"))
    page.whitelist_only.setChecked(True)
    page.age_class.setCurrentIndex(page.age_class.findData("14+"))
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    child = stored(service)
    assert child.age_class is AgeClass.FOURTEEN
    assert child.rules.deny == ("roblox.com", "https://Games.Example.com/play")
    assert dict(child.rules.category_overrides) == {Category.GAMES: CategoryAction.BLOCK}
    assert child.rules.safe_search is SafeSearchLevel.MODERATE
    assert child.rules.whitelist_only
    assert child.rules.allow == ("bilimland.kz", "kundelik.kz")  # untouched fields stay


def test_undo_brings_back_what_is_saved(qtbot: QtBot, family: Console) -> None:
    page = editor(qtbot, family)
    page.allow.entries.setCurrentRow(0)
    page.allow.remove.click()
    assert page.allow.values() == ("kundelik.kz",)
    page.revert.click()
    assert page.allow.values() == ("bilimland.kz", "kundelik.kz")


def test_children_are_added_and_removed(qtbot: QtBot, family: Console, service: Service) -> None:
    page = editor(qtbot, family)
    child = ChildProfile("Arman", AgeClass.SIX, accounts=("arman",))
    page.create_child(child)
    qtbot.waitUntil(lambda: page.picker.currentData() == "Arman", timeout=5000)
    assert stored(service, "Arman").accounts == ("arman",)
    page.create_child(ChildProfile("ARMAN", AgeClass.TWELVE))
    assert page.note.text() == "There is already a child called ARMAN."
    page.remove("Arman")
    qtbot.waitUntil(lambda: page.picker.findData("Arman") < 0, timeout=5000)
    with service.store() as store:
        assert [c.name for c in store.children()] == ["Aruzhan", "Dana"]
