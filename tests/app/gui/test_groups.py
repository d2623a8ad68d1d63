"""School groups: shown in school mode, edited with checks, saved into the policy in force."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from pytestqt.qtbot import QtBot

from app.gui.console.groups import GroupError, GroupsPage, account_patterns, checked_group
from app.gui.console.workspace import VIEWS
from rules.ageclass import AgeClass
from rules.policy import Mode, SchoolGroup, SiteGrant
from tests.app.gui.conftest import Console, Service

SEVEN_A = SchoolGroup("7A", "Aruzhan", ("pupil7a*",))


def test_account_patterns_are_split_on_commas_and_spaces() -> None:
    assert account_patterns(" pupil7a*, guest ;pupil7a*\tlab-?? ") == (
        "pupil7a*",
        "guest",
        "lab-??",
    )
    assert account_patterns(" , ") == ()


@pytest.mark.parametrize(
    ("name", "profile", "accounts", "problem"),
    [
        ("  ", "Aruzhan", "pupil*", "Give the group a name, like 7A."),
        ("7a", "Aruzhan", "pupil*", "There is already a group called 7a."),
        ("7B", None, "pupil*", "Choose the profile the group's pupils get."),
        ("7B", "Aruzhan", " , ", "Give the group's accounts, like pupil7a*."),
    ],
)
def test_a_group_is_checked_before_it_is_kept(
    translations: object, name: str, profile: str | None, accounts: str, problem: str
) -> None:
    with pytest.raises(GroupError) as raised:
        checked_group(name, profile, accounts, [SEVEN_A])
    assert str(raised.value) == problem


def test_a_good_group_is_made_from_the_fields() -> None:
    made = checked_group(" 7B ", "Dana", "pupil7b*, guest", [SEVEN_A])
    assert made == SchoolGroup("7B", "Dana", ("pupil7b*", "guest"))


def groups_page(qtbot: QtBot, console: Console) -> GroupsPage:
    workspace = console.window.workspace
    page = workspace.views["groups"]
    assert isinstance(page, GroupsPage)
    workspace.show_view("groups")
    qtbot.waitUntil(page.save.isEnabled, timeout=5000)
    return page


def test_the_view_is_listed_in_school_mode_only(qtbot: QtBot, family: Console) -> None:
    nav = family.window.workspace.nav
    row = VIEWS.index("groups")
    assert nav.item(row).isHidden()
    family.state.set_mode(Mode.SCHOOL)
    qtbot.waitUntil(lambda: not nav.item(row).isHidden(), timeout=5000)
    assert nav.item(row).text() == "School groups"


def test_groups_are_added_changed_and_saved_keeping_a_grant_given_meanwhile(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    family.state.set_mode(Mode.SCHOOL)
    qtbot.waitUntil(lambda: family.state.policy.mode is Mode.SCHOOL, timeout=5000)
    page = groups_page(qtbot, family)
    assert page.table.rowCount() == 0
    page.name.setText("7A")
    page.profile.setCurrentIndex(page.profile.findData("Aruzhan"))
    page.accounts.setText("pupil7a*")
    page.add.click()
    page.name.setText("1B")
    page.profile.setCurrentIndex(page.profile.findData("Dana"))
    page.accounts.setText("pupil1b*, guest")
    page.add.click()
    assert page.table.rowCount() == 2
    assert page.table.item(1, 1).text() == "Dana (6+)"  # type: ignore[union-attr]
    assert page.note.text() == "Not saved yet: press Save."
    page.name.setText("7a")
    page.add.click()  # the same name again
    assert page.note.text() == "There is already a group called 7a."
    assert page.table.rowCount() == 2
    page.table.selectRow(0)
    assert page.accounts.text() == "pupil7a*"  # the chosen group fills the form
    page.accounts.setText("pupil7a*, pupil7x01")
    page.change.click()
    page.default.setCurrentIndex(page.default.findData("Dana"))
    page.probe.setText("pupil7a05")
    assert page.probe_result.text() == "pupil7a05 gets Aruzhan (12+)."
    page.probe.setText("someone")
    assert page.probe_result.text() == "someone gets Dana (6+)."
    with service.store() as store:  # a parent's grant from another console, before Save
        now = datetime.now().replace(microsecond=0)
        store.add_site_grant("Aruzhan", SiteGrant("kundelik.kz", now + timedelta(hours=1), now))
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    with service.store() as store:
        policy = store.policy()
    assert policy.groups == (
        SchoolGroup("7A", "Aruzhan", ("pupil7a*", "pupil7x01")),
        SchoolGroup("1B", "Dana", ("pupil1b*", "guest")),
    )
    assert policy.default_profile == "Dana"
    assert policy.mode is Mode.SCHOOL
    assert [g.host for g in policy.child("Aruzhan").rules.site_grants] == ["kundelik.kz"]
    qtbot.waitUntil(lambda: len(family.state.policy.groups) == 2, timeout=5000)
    page.table.selectRow(1)
    page.remove.click()
    page.revert.click()  # undo: back to what the service has
    assert page.table.rowCount() == 2


def test_a_refused_policy_keeps_the_one_in_force(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    page = groups_page(qtbot, family)
    page.name.setText("7A")
    page.profile.setCurrentIndex(page.profile.findData("Dana"))
    page.accounts.setText("pupil7a*")
    page.add.click()
    with service.store() as store:  # Dana's profile goes away before the parent saves
        store.remove_child("Dana")
    page.save.click()
    qtbot.waitUntil(
        lambda: page.note.text() == "Group 7A: the profile Dana is no longer there.", timeout=5000
    )
    with service.store() as store:
        assert store.policy().groups == ()
    assert page.save.isEnabled()


def test_unsaved_groups_outlive_a_policy_saved_elsewhere_and_both_are_kept(
    qtbot: QtBot, family: Console, service: Service
) -> None:
    family.state.set_mode(Mode.SCHOOL)
    qtbot.waitUntil(lambda: family.state.policy.mode is Mode.SCHOOL, timeout=5000)
    page = groups_page(qtbot, family)
    with service.store() as store:  # another view saved a group while this one was clean
        store.replace_policy(replace(store.policy(), groups=(SEVEN_A,)))
    family.state.refresh()
    qtbot.waitUntil(lambda: page.groups == [SEVEN_A], timeout=5000)
    assert not page.unsaved
    page.name.setText("1B")
    page.profile.setCurrentIndex(page.profile.findData("Dana"))
    page.accounts.setText("pupil1b*")
    page.add.click()
    assert page.unsaved
    with service.store() as store:  # the children view saves Dana's new age class meanwhile
        store.update_child(replace(store.child("Dana"), age_class=AgeClass.TWELVE))
    family.state.refresh()
    qtbot.waitUntil(lambda: family.state.policy.child("Dana").age_class is AgeClass.TWELVE)
    assert [group.name for group in page.groups] == ["7A", "1B"]  # not reloaded over
    assert page.table.item(1, 1).text() == "Dana (12+)"  # type: ignore[union-attr]
    assert page.note.text() == "The rules changed elsewhere; saving keeps both."
    page.save.click()
    qtbot.waitUntil(lambda: page.note.text().startswith("Saved."), timeout=5000)
    with service.store() as store:
        saved = store.policy()
    assert [group.name for group in saved.groups] == ["7A", "1B"]
    assert saved.child("Dana").age_class is AgeClass.TWELVE
    assert not page.unsaved
    qtbot.waitUntil(lambda: len(family.state.policy.groups) == 2, timeout=5000)  # re-read
    with service.store() as store:  # saved and clean again: a change elsewhere shows at once
        store.replace_policy(replace(store.policy(), groups=()))
    family.state.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5000)
    assert page.groups == [] and page.note.text().startswith("Saved.")


def test_locking_forgets_unsaved_groups(qtbot: QtBot, family: Console) -> None:
    page = groups_page(qtbot, family)
    page.name.setText("7A")
    page.profile.setCurrentIndex(page.profile.findData("Dana"))
    page.accounts.setText("pupil7a*")
    page.add.click()
    family.state.lock()
    assert page.groups == [] and not page.unsaved and not page.note.isVisible()
