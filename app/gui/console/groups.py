"""School groups: a class's pupil accounts (patterns like `pupil7a*`) sharing one profile.

The groups and the profile of every other pupil account are part of the policy; they are
saved with `policy.replace` on the policy as the service has it at that moment, so a
child's rules or grants changed meanwhile are kept. For the same reason a policy changed
elsewhere while the parent has unsaved groups does not replace them: the page says so.
"""

import re
from dataclasses import replace
from typing import cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from app.gui.widgets import Note, Page, heading, selected_row, set_form_labels, table
from rules.ipc import IpcError, JsonValue
from rules.policy import Policy, SchoolGroup
from rules.policy_io import policy_from_dict, policy_to_dict
from rules.validation import PolicyError

translate = QCoreApplication.translate


class GroupError(ValueError):
    """A group the parent must correct before it is kept; the message says what to do."""


def account_patterns(text: str) -> tuple[str, ...]:
    """Accounts or patterns separated by commas or spaces, each once, in the order given."""
    return tuple(dict.fromkeys(part for part in re.split(r"[,;\s]+", text) if part))


def checked_group(
    name: str, profile: str | None, accounts: str, others: list[SchoolGroup]
) -> SchoolGroup:
    """A group from the form's fields; GroupError says which field is wrong and how."""
    name = name.strip()
    if not name:
        raise GroupError(translate("Groups", "Give the group a name, like 7A."))
    if any(group.name.casefold() == name.casefold() for group in others):
        raise GroupError(
            translate("Groups", "There is already a group called {name}.").format(name=name)
        )
    if not profile:
        raise GroupError(translate("Groups", "Choose the profile the group's pupils get."))
    patterns = account_patterns(accounts)
    if not patterns:
        raise GroupError(translate("Groups", "Give the group's accounts, like pupil7a*."))
    return SchoolGroup(name, profile, patterns)


def missing_profile(policy: Policy) -> None:
    """GroupError when a group or the lab default names a profile that is no longer there."""
    names = {child.name.casefold() for child in policy.children}
    for group in policy.groups:
        if group.profile.casefold() not in names:
            message = translate(
                "Groups", "Group {group}: the profile {profile} is no longer there."
            )
            raise GroupError(message.format(group=group.name, profile=group.profile))
    if policy.default_profile and policy.default_profile.casefold() not in names:
        message = translate("Groups", "The profile {profile} is no longer there.")
        raise GroupError(message.format(profile=policy.default_profile))


def fill(box: QComboBox, choices: list[tuple[str, str]], keep: object) -> None:
    """Put `choices` (text, data) in `box`, keeping the entry whose data is `keep`."""
    box.blockSignals(True)
    box.clear()
    for text, data in choices:
        box.addItem(text, data)
    box.setCurrentIndex(max(box.findData(keep), 0))
    box.blockSignals(False)


class GroupsPage(Page):
    """The lab's groups, the profile each gets, and which profile an account ends up with."""

    def __init__(self, state: ConsoleState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.groups: list[SchoolGroup] = []
        self.default_profile: str | None = None
        self.unsaved = False
        self.title = heading()
        self.intro = QLabel(wordWrap=True)
        self.table = table(3)
        self.form_box = self._group_form()
        self.lab_box = self._lab_form()
        self.note = Note()
        self.save = QPushButton()
        self.revert = QPushButton()
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addStretch()
        buttons.addWidget(self.revert)
        buttons.addWidget(self.save)
        lower = QHBoxLayout()
        lower.addWidget(self.form_box, 1)
        lower.addWidget(self.lab_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(lower)
        layout.addLayout(buttons)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self.add.clicked.connect(self.add_group)
        self.change.clicked.connect(self.change_group)
        self.remove.clicked.connect(self.remove_group)
        self.save.clicked.connect(self.save_groups)
        self.revert.clicked.connect(self.undo)
        self.probe.textChanged.connect(self._show_probe)
        self.default.currentIndexChanged.connect(self._on_default)
        state.policy_changed.connect(self._on_policy_changed)
        self._writable = False
        self.retranslate()
        self.load()

    def _group_form(self) -> QGroupBox:
        box = QGroupBox()
        self.name = QLineEdit()
        self.profile = QComboBox()
        self.accounts = QLineEdit()
        self.add = QPushButton()
        self.change = QPushButton()
        self.remove = QPushButton()
        form = QFormLayout(box)
        form.addRow(QLabel(), self.name)
        form.addRow(QLabel(), self.profile)
        form.addRow(QLabel(), self.accounts)
        row_buttons = QHBoxLayout()
        row_buttons.addStretch()
        for button in (self.add, self.change, self.remove):
            row_buttons.addWidget(button)
        form.addRow(row_buttons)
        return box

    def _lab_form(self) -> QGroupBox:
        box = QGroupBox()
        self.default = QComboBox()
        self.probe = QLineEdit()
        self.probe_result = QLabel(wordWrap=True)
        self.exam_hint = QLabel(wordWrap=True)
        lab = QFormLayout(box)
        lab.addRow(QLabel(), self.default)
        lab.addRow(QLabel(), self.probe)
        lab.addRow(self.probe_result)
        lab.addRow(self.exam_hint)
        return box

    def retranslate(self) -> None:
        self.title.setText(self.tr("School groups"))
        self.intro.setText(
            self.tr(
                "In a school lab, a group's pupil accounts share one profile. A pattern such "
                "as pupil7a* matches every account that starts with pupil7a."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Group"), self.tr("Profile"), self.tr("Accounts")]
        )
        self.form_box.setTitle(self.tr("Group"))
        labels = (self.tr("Name"), self.tr("Profile"), self.tr("Accounts"))
        set_form_labels(self.form_box.layout(), labels)
        self.name.setPlaceholderText(self.tr("e.g. 7A"))
        self.accounts.setPlaceholderText(self.tr("e.g. pupil7a*, teacher-guest"))
        self.add.setText(self.tr("Add"))
        self.change.setText(self.tr("Change"))
        self.remove.setText(self.tr("Remove"))
        self.lab_box.setTitle(self.tr("The whole lab"))
        set_form_labels(
            self.lab_box.layout(), (self.tr("Other accounts get"), self.tr("Check an account"))
        )
        self.probe.setPlaceholderText(self.tr("an account name, e.g. pupil7a12"))
        self.exam_hint.setText(
            self.tr(
                "Exam mode and its timetable come with the school's signed policy; an admin "
                "can also hold it on or off with: qorgan school exam on|off|auto."
            )
        )
        self.save.setText(self.tr("Save"))
        self.revert.setText(self.tr("Undo changes"))
        self._fill_profiles()
        self._show_probe()

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        for widget in (self.add, self.change, self.remove, self.save, self.default):
            widget.setEnabled(writable)
        self._on_selected()

    def load(self) -> None:
        """Show the groups of the policy the console last read."""
        self.unsaved = False
        self.groups = list(self.state.policy.groups)
        self.default_profile = self.state.policy.default_profile
        self._fill_profiles()
        self._fill_table()

    def _on_policy_changed(self) -> None:
        """Show the new policy, unless that would lose groups the parent has not saved yet."""
        if not self.state.unlocked:  # locked: what the parent did here is forgotten too
            self.note.clear_note()
        if not self.unsaved or not self.state.unlocked:
            self.load()
            return
        self._fill_profiles()  # a profile added or renamed elsewhere can be chosen
        self._fill_table()
        self.note.show_info(self.tr("The rules changed elsewhere; saving keeps both."))

    def undo(self) -> None:
        self.note.clear_note()
        self.load()

    def _profile_text(self, name: str) -> str:
        try:
            child = self.state.policy.child(name)
        except LookupError:
            return name
        return f"{child.name} ({child.age_class})"

    def _fill_profiles(self) -> None:
        choices = [(self._profile_text(c.name), c.name) for c in self.state.policy.children]
        nobody = (self.tr("not filtered (no profile)"), "")
        fill(self.profile, choices, self.profile.currentData())
        fill(self.default, [nobody, *choices], self.default_profile or "")

    def _fill_table(self) -> None:
        self.table.setRowCount(len(self.groups))
        for row, group in enumerate(self.groups):
            cells = (group.name, self._profile_text(group.profile), ", ".join(group.accounts))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._on_selected()
        self._show_probe()

    def _on_selected(self) -> None:
        row = selected_row(self.table)
        chosen = row is not None and self._writable
        self.change.setEnabled(chosen)
        self.remove.setEnabled(chosen)
        if row is not None and row < len(self.groups):
            group = self.groups[row]
            self.name.setText(group.name)
            self.profile.setCurrentIndex(max(self.profile.findData(group.profile), 0))
            self.accounts.setText(", ".join(group.accounts))

    def _on_default(self) -> None:
        self.default_profile = self.default.currentData() or None
        self.unsaved = True
        self._show_probe()

    def _from_form(self, others: list[SchoolGroup]) -> SchoolGroup | None:
        try:
            return checked_group(
                self.name.text(), self.profile.currentData(), self.accounts.text(), others
            )
        except GroupError as error:
            self.note.show_error(str(error))
            return None

    def add_group(self) -> None:
        group = self._from_form(self.groups)
        if group is not None:
            self.groups.append(group)
            self._edited()

    def change_group(self) -> None:
        row = selected_row(self.table)
        if row is None:
            return
        group = self._from_form(self.groups[:row] + self.groups[row + 1 :])
        if group is not None:
            self.groups[row] = group
            self._edited()

    def remove_group(self) -> None:
        row = selected_row(self.table)
        if row is not None:
            del self.groups[row]
            self._edited()

    def _edited(self) -> None:
        self.unsaved = True
        self.note.show_info(self.tr("Not saved yet: press Save."))
        self._fill_table()

    def edited_policy(self, policy: Policy) -> Policy:
        return replace(policy, groups=tuple(self.groups), default_profile=self.default_profile)

    def _show_probe(self) -> None:
        account = self.probe.text().strip()
        if not account:
            self.probe_result.clear()
            return
        profile = self.edited_policy(self.state.policy).profile_for_account(account)
        if profile is None:
            text = self.tr("{account} is not filtered.").format(account=account)
        else:
            text = self.tr("{account} gets {profile}.").format(
                account=account, profile=self._profile_text(profile.name)
            )
        self.probe_result.setText(text)

    def save_groups(self) -> None:
        """Read the policy afresh, put these groups in, and replace it."""
        self.save.setEnabled(False)
        self.state.call("policy.get", on_result=self._on_current, on_error=self._on_error)

    def _on_current(self, result: JsonValue) -> None:
        try:
            changed = self.edited_policy(policy_from_dict(result))
            missing_profile(changed)
            data = policy_to_dict(changed)
        except (PolicyError, GroupError) as error:
            self._on_error_text(str(error))
            return
        self.state.call(
            "policy.replace",
            {"policy": cast("JsonValue", data)},
            on_result=self._on_saved,
            on_error=self._on_error,
        )

    def _on_saved(self, result: JsonValue) -> None:
        self.unsaved = False
        self.state.refresh()
        self.note.show_info(self.tr("Saved. The filter applies it within seconds."))
        self.save.setEnabled(self._writable)

    def _on_error(self, error: IpcError) -> None:
        self._on_error_text(error_text(error))

    def _on_error_text(self, text: str) -> None:
        self.note.show_error(text)
        self.save.setEnabled(self._writable)
