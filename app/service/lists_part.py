"""The lists part of the service: scheduled and requested list updates, off the service loop.

Updates download, verify and compile lists, which can take a minute, so they run one at
a time in a thread of its own with its own store. The part looks each minute for sources
whose schedule has come; the parent's `lists.update` and `lists.import` (api_lists.py)
queue jobs in the setting `lists.requests`, which the loop hands to the thread within a
second. The last run's outcome is the setting `lists.last_run`, for `lists.status`. A new
compiled file is swapped in by `ListUpdater`; the service loop notices its CURRENT
pointer and republishes the snapshot, so the proxy reloads.
"""

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, cast

from app.listcompile import ListCompileError, compiled_meta
from app.listsources import Fetcher, ListSourceError, SourceOptions, is_due, source_options
from app.listupdate import ListUpdater, SourceResult
from app.paths import assets_dir, database_path, national_list_path
from app.service.worker import StoreWorker
from app.store import JsonValue, Store
from app.store.database import write_transaction
from rules.categories import Category
from rules.records import ListKind, ListSource

if TYPE_CHECKING:
    from app.service.parts import ServiceContext

REQUESTS = "lists.requests"
REMOVE, RECOMPILE = "remove", "recompile"  # jobs besides "import", "update", "scheduled"
LAST_RUN = "lists.last_run"
CHECK_EVERY = 60.0  # seconds between looks for sources whose schedule has come
RETRY_AFTER = 30 * 60.0  # seconds before a scheduled source that failed is tried again

logger = logging.getLogger(__name__)

type Job = dict[str, JsonValue]


def waiting_jobs(store: Store) -> list[Job]:
    """The jobs a parent asked for that have not started, oldest first."""
    value = store.setting(REQUESTS, [])
    return [job for job in value if isinstance(job, dict)] if isinstance(value, list) else []


def queue_job(store: Store, job: Job) -> bool:
    """Add a job unless the same one already waits; whether it was added."""
    with write_transaction(store.db):
        waiting = waiting_jobs(store)
        same = {k: v for k, v in job.items() if k != "asked_at"}
        if any({k: v for k, v in w.items() if k != "asked_at"} == same for w in waiting):
            return False
        store.set_setting(REQUESTS, cast("JsonValue", [*waiting, job]))
    return True


def take_job(store: Store) -> Job | None:
    """The oldest waiting job, taken off the queue; a plain read when none waits."""
    if not waiting_jobs(store):
        return None
    with write_transaction(store.db):
        waiting = waiting_jobs(store)
        if not waiting:
            return None
        store.set_setting(REQUESTS, cast("JsonValue", waiting[1:]))
    return waiting[0]


def source_from_job(store: Store, spec: Job) -> tuple[ListSource, SourceOptions]:
    """An imported source as the job names it, keeping what the store knows of it already."""
    name, location = str(spec["name"]), str(spec["location"])
    known = {source.name: source for source in store.list_sources()}.get(name)
    category = spec.get("category")
    public_key, sha256 = spec.get("public_key"), spec.get("sha256")
    source = ListSource(
        name=name,
        kind=ListKind(str(spec["kind"])),
        location=location,
        category=Category(category) if isinstance(category, str) else None,
        schedule_hours=known.schedule_hours if known else 24,
        sha256=sha256 if isinstance(sha256, str) else None,
        public_key=public_key if isinstance(public_key, str) else None,
        entries=known.entries if known else 0,
        updated_at=known.updated_at if known else None,
        signature_status=known.signature_status if known else "unverified",
    )
    # The signature, if any, was copied in beside the file: found at `<location>.sig`.
    return source, SourceOptions(source_options(store, name).category_map)


def result_to_json(result: SourceResult) -> JsonValue:
    report = result.report
    return {
        "name": result.source.name,
        "changed": result.changed,
        "error": result.error,
        "entries": result.source.entries,
        "signature_status": result.source.signature_status,
        "accepted": None if report is None else report.accepted,
        "duplicates": None if report is None else report.duplicates,
        "invalid": None if report is None else report.invalid_count,
        "unsupported": None if report is None else report.unsupported,
        "invalid_lines": []
        if report is None
        else [{"line": line.number, "problem": line.problem} for line in report.invalid[:5]],
    }


@dataclass(frozen=True)
class _Run:
    action: str
    sources: Sequence[ListSource]
    options: dict[str, SourceOptions]


class ListUpdates:
    """The part: `tick` hands the list thread a job; the thread runs `ListUpdater`."""

    def __init__(
        self,
        store: Store,
        open_store: Callable[[], Store],
        lists_dir: Path,
        *,
        starter: Path | None = None,
        fetcher: Fetcher | None = None,
        check_every: float = CHECK_EVERY,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.store = store
        self.open_store = open_store
        self.lists_dir = lists_dir
        self.starter = starter
        self.fetcher = fetcher or Fetcher()
        self.check_every = check_every
        self.clock = clock
        self.now = now
        self._next_check = -float("inf")
        self._failed: dict[str, float] = {}  # source -> when its scheduled update failed
        self._job: Job | None = None
        self._worker = StoreWorker("the list update", open_store, self._work)

    @classmethod
    def for_service(cls, context: "ServiceContext") -> "ListUpdates":
        return cls(
            context.store,
            partial(Store.open, database_path(context.data_dir)),
            national_list_path(context.data_dir).parent,
            starter=assets_dir() / "lists" / "starter",
        )

    @property
    def busy(self) -> bool:
        return self._worker.busy

    @property
    def runs(self) -> int:
        return self._worker.runs

    def start(self) -> None:
        last = self.store.setting(LAST_RUN)
        if isinstance(last, dict) and last.get("state") == "running":
            # The service stopped during that run; ListUpdater kept the lists in force.
            self.store.set_setting(LAST_RUN, {**last, "state": "interrupted"})
        try:
            compiled_meta(self.lists_dir)
        except ListCompileError as error:
            # Compiled by an older Qorgan (or damaged): it is refused, never misread, and
            # compiled again from the sources' files in force.
            logger.warning("%s; the lists are compiled again", error)
            queue_job(self.store, {"action": RECOMPILE})
        self._worker.start()

    def tick(self) -> None:
        """Hand the thread a parent's job, or a look at the schedule once a minute."""
        if self._worker.busy:
            return
        job = take_job(self.store)
        if job is None:
            now = self.clock()
            if now < self._next_check:
                return
            self._next_check = now + self.check_every
            job = {"action": "scheduled"}
        self._job = job
        self._worker.wake()

    def stop(self) -> None:
        self._worker.stop()

    def _work(self, store: Store) -> None:
        try:
            if self._job is not None:
                self._run(store, self._job)
        finally:
            self._job = None

    def _chosen(self, store: Store, job: Job) -> _Run | None:
        action = str(job.get("action"))
        if action == RECOMPILE:
            return _Run(action, [], {})
        if action == REMOVE:
            name = str(job["name"])
            return _Run(action, [s for s in store.list_sources() if s.name == name], {})
        if action == "import":
            spec = job.get("source")
            source, options = source_from_job(store, spec if isinstance(spec, dict) else {})
            return _Run(action, [source], {source.name: options})
        sources = store.list_sources()
        if action == "scheduled":
            now = self.now()
            sources = [s for s in sources if is_due(s, now) and not self._failed_lately(s.name)]
            if not sources:
                return None
        else:
            names = job.get("names")
            if isinstance(names, list):
                sources = [s for s in sources if s.name in names]
        return _Run(action, sources, {s.name: source_options(store, s.name) for s in sources})

    def _failed_lately(self, name: str) -> bool:
        """A source whose scheduled update failed waits `RETRY_AFTER`, not a minute."""
        failed = self._failed.get(name)
        return failed is not None and self.clock() - failed < RETRY_AFTER

    def _run(self, store: Store, job: Job) -> None:
        started = self.now()
        record: dict[str, JsonValue] = {
            "action": str(job.get("action")),
            "state": "running",
            "sources": [],
            "started_at": started.isoformat(timespec="seconds"),
            "finished_at": None,
            "results": [],
            "error": None,
        }
        try:
            chosen = self._chosen(store, job)
        except (KeyError, ValueError) as error:
            chosen = _Run(str(job.get("action")), [], {})
            record["error"] = f"this job cannot run ({error})"
        if chosen is None:
            return
        record["sources"] = [source.name for source in chosen.sources]
        store.set_setting(LAST_RUN, record)
        results: list[SourceResult] = []
        if chosen.sources or chosen.action == RECOMPILE:
            updater = ListUpdater(store, self.lists_dir, self.fetcher, started, self.starter)
            try:
                if chosen.action == RECOMPILE:
                    updater.recompile()
                elif chosen.action == REMOVE:
                    updater.remove(chosen.sources[0].name)
                else:
                    results = updater.update(chosen.sources, chosen.options)
            except (ListSourceError, OSError, ValueError) as error:
                record["error"] = str(error)
            except Exception as error:  # recorded for the parent, then logged with its trace
                record["error"] = f"the update failed: {error}"
                logger.exception("the list update failed")
        mono = self.clock()
        for result in results:
            if result.error is None:
                self._failed.pop(result.source.name, None)
            else:
                self._failed[result.source.name] = mono
                logger.warning("list %s not updated: %s", result.source.name, result.error)
        record["results"] = [result_to_json(result) for result in results]
        record["state"] = "failed" if record["error"] else "done"
        record["finished_at"] = self.now().isoformat(timespec="seconds")
        store.set_setting(LAST_RUN, record)
        logger.info("list %s run done: %s", chosen.action, record["sources"])
