"""The child editor: age class, categories, allow and deny lists, SafeSearch, whitelist-only."""

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.console.category_grid import CategoryGrid
from app.gui.console.child_form import ChildForm, age_class_box, language_box, relabel_age_classes
from app.gui.console.confirm import confirm
from app.gui.console.editing import ChildEditingPage
from app.gui.console.site_lists import SiteListEditor
from app.gui.console.state import ConsoleState
from app.gui.texts import error_text
from app.gui.widgets import set_form_labels
from rules.ageclass import AgeClass
from rules.agetable import SafeSearchLevel, default_safe_search
from rules.policy import ChildProfile
from rules.text import Language

CLASS_DEFAULT = "class"


class AddChildDialog(QDialog):
    """A new child's name, birth year, class, account and language."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ChildForm(today)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("Add a child"))
        self.ok.setText(self.tr("Add"))
        self.cancel.setText(self.tr("Cancel"))


class ChildEditorPage(ChildEditingPage):
    """What a child may see on the web; changes reach the filter when saved."""

    def __init__(self, state: ConsoleState, today: date, parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self.today = today
        self.add_child = QPushButton()
        self.remove_child = QPushButton()
        self.top.insertWidget(2, self.add_child)
        self.top.insertWidget(3, self.remove_child)
        self.about = QGroupBox()
        self.age_class = age_class_box()
        self.language = language_box()
        self.safe_search = QComboBox()
        self.safe_search.addItem("", CLASS_DEFAULT)
        for level in SafeSearchLevel:
            self.safe_search.addItem("", str(level))
        self.whitelist_only = QCheckBox()
        about = QFormLayout(self.about)
        for widget in (self.age_class, self.language, self.safe_search, self.whitelist_only):
            about.addRow(QLabel(), widget)
        self.categories_box = QGroupBox()
        self.categories = CategoryGrid()
        QVBoxLayout(self.categories_box).addWidget(self.categories)
        self.lists_box = QGroupBox()
        self.allow = SiteListEditor()
        self.deny = SiteListEditor()
        self.allow_box, self.deny_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.allow_box).addWidget(self.allow)
        QVBoxLayout(self.deny_box).addWidget(self.deny)
        grid = QGridLayout()
        grid.addWidget(self.about, 0, 0)
        grid.addWidget(self.categories_box, 0, 1, 2, 1)
        lists = QHBoxLayout()
        lists.addWidget(self.allow_box)
        lists.addWidget(self.deny_box)
        grid.addLayout(lists, 1, 0)
        grid.setColumnStretch(0, 4)
        grid.setColumnStretch(1, 5)
        self.body.addLayout(grid)
        self.age_class.currentIndexChanged.connect(self._on_class)
        self.add_child.clicked.connect(self.ask_new_child)
        self.remove_child.clicked.connect(self.ask_remove_child)
        self.retranslate()

    def retranslate(self) -> None:
        self.retranslate_common()
        self.title.setText(self.tr("Child and web rules"))
        self.add_child.setText(self.tr("Add a child…"))
        self.remove_child.setText(self.tr("Remove…"))
        self.about.setTitle(self.tr("About the child"))
        labels = (self.tr("Age class"), self.tr("Language"), self.tr("SafeSearch"), "")
        set_form_labels(self.about.layout(), labels)
        relabel_age_classes(self.age_class)
        self.whitelist_only.setText(self.tr("Only sites on the allow list (whitelist-only)"))
        self.whitelist_only.setToolTip(
            self.tr("For young children and exams: every site not on the allow list is blocked.")
        )
        self._label_safe_search()
        self.categories_box.setTitle(self.tr("Categories"))
        self.categories.retranslate()
        self.allow_box.setTitle(self.tr("Always allow"))
        self.deny_box.setTitle(self.tr("Always block"))
        self.allow.retranslate()
        self.deny.retranslate()

    def _label_safe_search(self) -> None:
        names = {
            SafeSearchLevel.OFF: self.tr("off"),
            SafeSearchLevel.MODERATE: self.tr("moderate"),
            SafeSearchLevel.STRICT: self.tr("strict"),
        }
        age_class = AgeClass(self.age_class.currentData() or AgeClass.TWELVE)
        self.safe_search.setItemText(
            0, self.tr("as the class ({level})").format(level=names[default_safe_search(age_class)])
        )
        for index, level in enumerate(SafeSearchLevel, start=1):
            self.safe_search.setItemText(index, names[level])

    def _on_class(self, index: int) -> None:
        self.categories.set_age_class(AgeClass(self.age_class.currentData()))
        self._label_safe_search()

    def set_fields_enabled(self, enabled: bool) -> None:
        for widget in (self.age_class, self.language, self.safe_search, self.whitelist_only):
            widget.setEnabled(enabled)
        self.categories.set_editable(enabled)
        self.allow.set_editable(enabled)
        self.deny.set_editable(enabled)
        self.add_child.setEnabled(self._writable)
        self.remove_child.setEnabled(enabled)

    def load(self, child: ChildProfile) -> None:
        rules = child.rules
        self.age_class.setCurrentIndex(self.age_class.findData(str(child.age_class)))
        self.language.setCurrentIndex(self.language.findData(str(child.language)))
        level = CLASS_DEFAULT if rules.safe_search is None else str(rules.safe_search)
        self.safe_search.setCurrentIndex(self.safe_search.findData(level))
        self.whitelist_only.setChecked(rules.whitelist_only)
        self.categories.set_age_class(child.age_class)
        self.categories.set_overrides(rules.category_overrides)
        self.allow.set_values(rules.allow)
        self.deny.set_values(rules.deny)

    def edited(self, child: ChildProfile) -> ChildProfile:
        level = self.safe_search.currentData()
        rules = replace(
            child.rules,
            allow=self.allow.values(),
            deny=self.deny.values(),
            category_overrides=self.categories.overrides(),
            whitelist_only=self.whitelist_only.isChecked(),
            safe_search=None if level == CLASS_DEFAULT else SafeSearchLevel(level),
        )
        return replace(
            child,
            age_class=AgeClass(self.age_class.currentData()),
            language=Language(self.language.currentData()),
            rules=rules,
        )

    def ask_new_child(self) -> None:
        dialog = AddChildDialog(self.today, self)
        dialog.accepted.connect(lambda: self.create_child(dialog.form.profile()))
        dialog.open()

    def create_child(self, child: ChildProfile) -> None:
        if not child.name:
            self.note.show_error(self.tr("Enter the child's name."))
            return
        if self.state.child(child.name) is not None:  # saving would change that child instead
            self.note.show_error(
                self.tr("There is already a child called {name}.").format(name=child.name)
            )
            return
        self.state.save_child(
            child,
            lambda saved: self.picker.choose(saved.name),
            lambda error: self.note.show_error(error_text(error)),
        )

    def ask_remove_child(self) -> None:
        child = self.loaded
        if child is None:
            return
        question = self.tr(
            "Remove {name}? Their rules are deleted; their account is no longer filtered."
        ).format(name=child.name)
        confirm(self, question, self.tr("Remove"), lambda: self.remove(child.name))

    def remove(self, name: str) -> None:
        self.state.call(
            "child.remove",
            {"name": name},
            lambda result: self.state.refresh(),
            lambda error: self.note.show_error(error_text(error)),
        )
