"""The list jobs a parent starts: the import's kind and category, and when a queued run is over."""

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from app.gui.texts import category_name
from rules.categories import Category
from rules.ipc import JsonValue
from rules.records import ListKind

translate = QCoreApplication.translate
DOMAIN_KINDS = ("domains", "hosts", "adblock")
IMPORT_KINDS = ("", "domains", "hosts", "adblock", "national", "ut1", "registry_csv")
# Only a newer signed list replaces these; they are never removed (docs/lists.md).
KEPT_KINDS = frozenset({str(ListKind.NATIONAL), str(ListKind.REGISTRY_CSV)})


@dataclass(frozen=True)
class Watch:
    """A job the parent queued: `update`, or `import` or `remove` of the source `name`.

    `before` is the last run the service reported before the job was queued, so an
    older run is never taken for this one.
    """

    action: str
    name: str | None
    before: JsonValue


def _waits(job: JsonValue, watch: Watch) -> bool:
    if not isinstance(job, dict) or job.get("action") != watch.action:
        return False
    source = job.get("source")
    name = source.get("name") if isinstance(source, dict) else job.get("name")
    return watch.name is None or name == watch.name


def finished_run(status: JsonValue, watch: Watch) -> dict[str, JsonValue] | None:
    """The last run, once it is the watched job's run and it has ended; else None."""
    data = status if isinstance(status, dict) else {}
    waiting = data.get("waiting")
    if isinstance(waiting, list) and any(_waits(job, watch) for job in waiting):
        return None
    last = data.get("last_run")
    if not isinstance(last, dict) or last == watch.before or last.get("state") == "running":
        return None
    if last.get("action") != watch.action:
        return None
    sources = last.get("sources")
    if watch.name is not None and isinstance(sources, list) and sources:
        return last if watch.name in sources else None
    return last


def kind_name(kind: str) -> str:
    """A source's kind in the GUI's language, short enough for a table's cell."""
    names = {
        "national": translate("ListJobs", "National list"),
        "domains": translate("ListJobs", "Domains"),
        "hosts": translate("ListJobs", "Hosts file"),
        "adblock": translate("ListJobs", "Adblock filters"),
        "ut1": translate("ListJobs", "UT1"),
        "registry_csv": translate("ListJobs", "Registry dump"),
    }
    return names.get(kind, kind)


def signature_name(status: str) -> str:
    """How a source's file was trusted, in the GUI's language."""
    names = {
        "verified-ed25519": translate("ListJobs", "Signature checked"),
        "verified-sha256": translate("ListJobs", "Checksum checked"),
        "unverified": translate("ListJobs", "Not signed"),
    }
    return names.get(status, status)


def run_text(last: dict[str, JsonValue]) -> tuple[bool, str]:
    """Whether the run failed, and how it went: each list's accepted and invalid lines."""
    lines, failed = [], bool(last.get("error")) or last.get("state") != "done"
    results = last.get("results")
    for result in results if isinstance(results, list) else []:
        if not isinstance(result, dict):
            continue
        name = result.get("name")
        if result.get("error"):
            failed = True
            text = translate("ListJobs", "{name}: not updated: {error}")
            lines.append(text.format(name=name, error=result["error"]))
        elif result.get("accepted") is None:
            text = translate("ListJobs", "{name}: {entries} entries.")
            lines.append(text.format(name=name, entries=result.get("entries")))
        else:
            text = translate("ListJobs", "{name}: {accepted} accepted, {invalid} invalid lines.")
            accepted, invalid = result["accepted"], result.get("invalid") or 0
            lines.append(text.format(name=name, accepted=accepted, invalid=invalid))
    if last.get("error"):
        lines.append(str(last["error"]))
    elif last.get("action") == "remove" and not failed:
        removed = last.get("sources")
        for name in removed if isinstance(removed, list) else []:
            lines.append(translate("ListJobs", "{name}: removed.").format(name=name))
    done = translate("ListJobs", "Failed.") if failed else translate("ListJobs", "Finished.")
    return failed, "\n".join([done, *lines])


class ImportBox(QGroupBox):
    """What kind of list a file is and, for lists of sites, the category they belong to."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind_label = QLabel()
        self.kind = QComboBox()
        self.category_label = QLabel()
        self.category = QComboBox()
        self.start = QPushButton()
        for kind in IMPORT_KINDS:
            self.kind.addItem("", kind)
        self.category.addItem("", "")
        for category in Category:
            self.category.addItem("", str(category))
        for box in (self.kind, self.category):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            box.setMinimumContentsLength(24)
        grid = QGridLayout(self)
        grid.addWidget(self.kind_label, 0, 0)
        grid.addWidget(self.kind, 0, 1)
        grid.addWidget(self.category_label, 1, 0)
        grid.addWidget(self.category, 1, 1)
        grid.addWidget(self.start, 1, 3)
        grid.setColumnStretch(2, 1)
        self._writable = False
        self.kind.currentIndexChanged.connect(self._on_kind)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Import a list file"))
        self.kind_label.setText(self.tr("Kind:"))
        kinds = {
            "": self.tr("Guess from the file name (.json, .csv, .tar.gz)"),
            "domains": self.tr("Domains, one per line"),
            "hosts": self.tr("Hosts file"),
            "adblock": self.tr("Adblock filters"),
            "national": self.tr("National blocklist"),
            "ut1": self.tr("UT1 blacklists"),
            "registry_csv": self.tr("Registry dump (CSV)"),
        }
        for index in range(self.kind.count()):
            self.kind.setItemText(index, kinds[str(self.kind.itemData(index))])
        self.category_label.setText(self.tr("Category of its sites:"))
        self.category.setItemText(0, self.tr("Choose…"))
        for index in range(1, self.category.count()):
            self.category.setItemText(index, category_name(Category(self.category.itemData(index))))
        self.start.setText(self.tr("Choose the file and import…"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_writable(self, writable: bool) -> None:
        self._writable = writable
        self.kind.setEnabled(writable)
        self.start.setEnabled(writable)
        self._on_kind()

    def choose(self, kind: str, category: Category | None = None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.category.setCurrentIndex(
            self.category.findData("" if category is None else str(category))
        )

    def _on_kind(self) -> None:
        """Only a list of domains, hosts or filters needs a category: the others carry theirs."""
        self.category.setEnabled(self._writable and self.kind.currentData() in DOMAIN_KINDS)
