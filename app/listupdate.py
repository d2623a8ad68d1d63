"""Updating list sources: fetch, verify, compile every source into one file, swap, record.

A source's last good file stays in `sources/<name>/current` (the one before it in
`previous`). A new file is kept only when it is trusted, parses, and the whole
compile succeeds; until then the lists in force do not change at all.
"""

import hashlib
import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from app.listcompile import (
    STARTER_LIST,
    Fed,
    ListCompileError,
    feed,
    feed_starter,
    starter_digest,
    write_compiled,
)
from app.listsources import (
    NATIONAL_KINDS,
    SIGNATURE_SUFFIX,
    UNVERIFIED,
    Fetcher,
    ListSourceError,
    SourceOptions,
    forget_source,
    is_url,
    save_source,
    source_options,
    verify,
)
from app.store import Store
from rules.compiled_build import ListCompiler
from rules.listfile import SHOWN_INVALID, ImportReport
from rules.national import NationalEntry
from rules.national_format import FORMAT_KEY, FORMAT_VERSION, entry_to_dict
from rules.records import ListSource

SOURCES_DIR = "sources"
CURRENT, PREVIOUS, INCOMING = "current", "previous", "incoming"
NATIONAL_FILE = "national.json"


class ListUpdateError(ValueError):
    """An update that was refused; the lists in force are unchanged."""


class NationalRemovalError(ListUpdateError):
    """A request to remove the national list, which only a newer signed list replaces."""


@dataclass(frozen=True)
class SourceResult:
    """What an update did with one source: its report, or why its new file was refused."""

    source: ListSource
    report: ImportReport | None = None
    changed: bool = False
    error: str | None = None
    notes: tuple[str, ...] = ()


class ListUpdater:
    """Runs updates against the store and the lists folder; time and fetching are passed in."""

    def __init__(
        self,
        store: Store,
        lists_dir: Path,
        fetcher: Fetcher,
        now: datetime,
        starter: Path | None = None,
    ) -> None:
        """`starter` is the folder of the shipped starter lists, compiled in when given."""
        self.store = store
        self.starter = starter
        self.lists_dir = lists_dir
        self.fetcher = fetcher
        self.now = now

    def _stored(self) -> dict[str, ListSource]:
        return {source.name: source for source in self.store.list_sources()}

    def folder(self, name: str) -> Path:
        return self.lists_dir / SOURCES_DIR / name

    def update(
        self, sources: Sequence[ListSource], options: dict[str, SourceOptions]
    ) -> list[SourceResult]:
        """Fetch and verify `sources`, then compile them with every other known source.

        A source that fails keeps its previous file; the others go ahead. Sources and
        their options are saved to the store only when their new file was taken.
        """
        try:
            return self._update(sources, options)
        finally:
            for source in sources:
                shutil.rmtree(self.folder(source.name) / INCOMING, ignore_errors=True)

    def _update(
        self, sources: Sequence[ListSource], options: dict[str, SourceOptions]
    ) -> list[SourceResult]:
        staged: dict[str, tuple[ListSource, str]] = {}
        results: dict[str, SourceResult] = {}
        for source in sources:
            try:
                status, unchanged = self._stage(source, options[source.name])
            except (ListSourceError, OSError) as error:
                results[source.name] = SourceResult(source, error=str(error))
                continue
            if unchanged:
                stored = self._stored().get(source.name, source)
                recorded = replace(
                    source,
                    entries=stored.entries,
                    signature_status=status,
                    updated_at=self.now,
                )
                # Checked and the same: the last good file and the one before it both stay.
                results[source.name] = SourceResult(recorded)
            else:
                staged[source.name] = (source, status)
        if staged:
            results.update(self._compile(staged, options))
        for source in sources:
            result = results[source.name]
            if result.error is None:
                save_source(self.store, result.source, options[source.name])
        return [results[source.name] for source in sources]

    def remove(self, name: str) -> ListSource:
        """Compile every source but `name` and swap that in, then forget `name` and its files.

        The national list is never removed (docs/lists.md, "Removing a source"): only a
        newer signed list replaces it. Until the compile succeeds nothing changes.
        """
        stored = self._stored()
        source = stored.get(name)
        if source is None:
            known = ", ".join(stored) or "-"
            raise ListUpdateError(f"no list source called {name} (known: {known})")
        if source.kind in NATIONAL_KINDS:
            raise NationalRemovalError(
                f"{name}: the national list cannot be removed; import a newer signed list instead"
            )
        self._compile_once({}, {}, {}, leaving=name)
        forget_source(self.store, name)
        shutil.rmtree(self.folder(name), ignore_errors=True)
        return source

    def recompile(self) -> None:
        """Compile every source's file in force again (after an upgrade changed the format)."""
        self._compile_once({}, {}, {})

    def _stage(self, source: ListSource, options: SourceOptions) -> tuple[str, bool]:
        """Fetch into `incoming/` and verify; (signature status, same as the current file)."""
        folder = self.folder(source.name)
        incoming = folder / INCOMING
        shutil.rmtree(incoming, ignore_errors=True)
        incoming.mkdir(parents=True)
        location = source.location
        if not is_url(location) and Path(location).is_dir():
            if source.sha256 or source.public_key or source.kind in NATIONAL_KINDS:
                raise ListSourceError(
                    f"{location}: a folder cannot be checked against a SHA-256 or a "
                    "signature; give the signed archive (.tar.gz) instead"
                )
            # Links stay links: UT1 links names to folders (porn -> adult), read once.
            shutil.copytree(location, incoming / CURRENT, symlinks=True)
            return UNVERIFIED, False
        try:
            digest = self.fetcher.fetch(location, incoming / CURRENT)
        except FileNotFoundError:
            raise ListSourceError(f"{location}: not found") from None
        signature_place = options.signature or location + SIGNATURE_SUFFIX
        signature = None
        if source.public_key is not None:
            signature = self.fetcher.fetch_small(signature_place, incoming / "current.sig")
        status = verify(source, incoming / CURRENT, digest, signature)
        current = folder / CURRENT
        stored = self._stored().get(source.name)
        same_setup = stored is not None and (stored.kind, stored.category) == (
            source.kind,
            source.category,
        )
        same_setup = same_setup and source_options(self.store, source.name) == options
        unchanged = same_setup and current.is_file() and _sha256(current) == digest
        return status, unchanged

    def _compile(
        self, staged: dict[str, tuple[ListSource, str]], options: dict[str, SourceOptions]
    ) -> dict[str, SourceResult]:
        """Compile staged files with every other source's current file, then swap them in.

        A staged file that is not a usable list is dropped and the compile is run again
        with its current file; at most once per source.
        """
        refused: dict[str, SourceResult] = {}
        while True:
            try:
                return self._compile_once(staged, options, refused)
            except _RefusedError as refusal:
                refused[refusal.result.source.name] = refusal.result

    def _inputs(
        self,
        staged: dict[str, tuple[ListSource, str]],
        refused: dict[str, SourceResult],
        leaving: str | None = None,
    ) -> list[tuple[ListSource, Path, bool]]:
        known = self._stored()
        known.update({name: source for name, (source, _) in staged.items()})
        known.pop(leaving or "", None)
        inputs = []
        for name, source in sorted(known.items()):
            new = name in staged and name not in refused
            path = self.folder(name) / (INCOMING if new else "") / CURRENT
            if path.exists():
                inputs.append((source, path, new))
        return inputs

    def _compile_once(
        self,
        staged: dict[str, tuple[ListSource, str]],
        options: dict[str, SourceOptions],
        refused: dict[str, SourceResult],
        leaving: str | None = None,
    ) -> dict[str, SourceResult]:
        compiler = ListCompiler()
        fed: dict[str, Fed] = {}
        national: list[NationalEntry] = []
        for source, path, new in self._inputs(staged, refused, leaving):
            overrides = options.get(source.name) or source_options(self.store, source.name)
            try:
                result = feed(compiler, source, path, overrides.category_map)
            except ListCompileError as error:
                if not new:
                    raise ListUpdateError(f"{source.name}: the list in force: {error}") from None
                raise _RefusedError(SourceResult(source, error=str(error))) from None
            if new:
                _accept(source, result)
            fed[source.name] = result
            national += result.national
        if self.starter is not None:
            feed_starter(compiler, self.starter, STARTER_LIST)
        headers = [fed[name].national_header for name in sorted(fed) if fed[name].national_header]
        national_bytes = (
            _national_json(national, headers[0] if headers else {}) if national else None
        )
        digest = None if national_bytes is None else hashlib.sha256(national_bytes).hexdigest()
        meta = {
            "built_at": self.now.isoformat(),
            "national_sha256": digest,
            "starter_sha256": None if self.starter is None else starter_digest(self.starter),
            "sources": sorted(fed),
        }
        pieces, duplicates = compiler.compile(meta)
        for tag, count in duplicates.items():
            name = compiler.tags[tag][1] if compiler.tags[tag][0] != "n" else None
            if name in fed:
                fed[name].tally.duplicates += count
        for result in fed.values():
            result.tally.accepted = (
                result.rows - result.tally.duplicates if result.rows else (result.tally.accepted)
            )
        write_compiled(self.lists_dir, pieces)
        if national_bytes is not None:
            _replace_bytes(self.lists_dir / NATIONAL_FILE, national_bytes)
        return {**refused, **self._swap(staged, refused, fed)}

    def _swap(
        self,
        staged: dict[str, tuple[ListSource, str]],
        refused: dict[str, SourceResult],
        fed: dict[str, Fed],
    ) -> dict[str, SourceResult]:
        results = {}
        for name, (source, status) in staged.items():
            if name in refused:
                continue
            folder = self.folder(name)
            incoming = folder / INCOMING
            if (incoming / CURRENT).exists():
                _rotate(folder, incoming)
            report = fed[name].tally.report() if name in fed else None
            recorded = replace(
                source,
                entries=report.accepted if report else 0,
                updated_at=self.now,
                signature_status=status,
            )
            notes = tuple(fed[name].notes) if name in fed else ()
            results[name] = SourceResult(recorded, report, True, notes=notes)
        return results


class _RefusedError(Exception):
    def __init__(self, result: SourceResult) -> None:
        super().__init__(result.error)
        self.result = result


def _accept(source: ListSource, fed: Fed) -> None:
    """Refuse a new file that is not a usable list of its kind (it would empty the list)."""
    report = fed.tally.report()
    entries = fed.rows or report.accepted
    shown = "; ".join(f"line {i.number}: {i.problem}" for i in report.invalid[:SHOWN_INVALID])
    if source.kind in NATIONAL_KINDS and report.invalid_count:
        problem = (
            f"{report.invalid_count} invalid notifications; a national list is taken whole "
            f"or not at all ({shown})"
        )
    elif entries == 0:
        problem = f"no entries found: is this a {source.kind} list?" + (
            f" ({shown})" if shown else ""
        )
    elif report.invalid_count > entries:
        problem = f"more invalid lines than entries: is this a {source.kind} list? ({shown})"
    else:
        return
    raise _RefusedError(SourceResult(source, report, error=f"{source.location}: {problem}"))


def _national_json(entries: list[NationalEntry], header: dict[str, object]) -> bytes:
    """The national list in force: every national source's notifications, and the
    version, publisher and date of the national list file among them."""
    data = {
        FORMAT_KEY: FORMAT_VERSION,
        **{key: value for key, value in header.items() if key != FORMAT_KEY},
        "entries": [entry_to_dict(e) for e in entries],
    }
    return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _replace_bytes(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def _rotate(folder: Path, incoming: Path) -> None:
    """incoming -> current, current -> previous (the last good file before this one)."""
    for name in (PREVIOUS, PREVIOUS + SIGNATURE_SUFFIX):
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)
    for suffix in ("", SIGNATURE_SUFFIX):
        current = folder / (CURRENT + suffix)
        if current.exists():
            current.rename(folder / (PREVIOUS + suffix))
        new = incoming / (CURRENT + suffix)
        if new.exists():
            new.rename(folder / (CURRENT + suffix))
