"""Loads the starter lists, the imported national list and the compiled lists for decisions."""

import hashlib
from dataclasses import dataclass
from pathlib import Path

from app.listcompile import (
    STARTER_LIST,
    ListCompileError,
    current_compiled,
    open_compiled,
    starter_digest,
)
from rules.categories import Category
from rules.listfile import ImportReport, Tally, parse_domain_list
from rules.lists import LayeredLists
from rules.national import NationalEntry, TargetKind
from rules.national_format import NationalListError, stream_national_json
from rules.urls import normalize_url


class ListFileError(ValueError):
    """A list file that cannot be read; the message names the file and the place."""


@dataclass(frozen=True)
class LoadedLists:
    lists: LayeredLists
    reports: tuple[ImportReport, ...]
    national_entries: int
    compiled_keys: int = 0
    national_url_sites: frozenset[str] = frozenset()


def load_lists(
    assets: Path, national_file: Path | None, lists_dir: Path | None = None
) -> LoadedLists:
    """The starter category lists from `assets`, the national list, and the compiled lists.

    The compiled lists are looked for in `lists_dir`, by default the national file's
    folder. `national_file` is the national list in force: when the compiled file
    was made from exactly that file it answers for it, and the file is not read again;
    otherwise the file is read and the compiled file's national part is not used.
    """
    if lists_dir is None and national_file is not None:
        lists_dir = national_file.parent
    national_bytes = _read_bytes(national_file)
    compiled_path = None if lists_dir is None else current_compiled(lists_dir)
    entries = keys = 0
    sites: set[str] = set()
    layers = []
    starter = assets / "lists" / "starter"
    starter_compiled = False
    if compiled_path is not None:
        try:
            compiled = open_compiled(compiled_path)
        except ListCompileError as error:
            raise ListFileError(str(error)) from None
        digest = None if national_bytes is None else hashlib.sha256(national_bytes).hexdigest()
        compiled.national = digest is not None and digest == compiled.meta["national_sha256"]
        if compiled.national:
            national_bytes, entries = None, compiled.meta["entries"]
        layers.append(compiled)
        keys = len(compiled)
        sites |= compiled.national_url_sites
        starter_compiled = compiled.meta["starter_sha256"] == starter_digest(starter)
    lists = LayeredLists(layers)
    reports = []
    for path in [] if starter_compiled else sorted(starter.glob("*.txt")):
        category = Category(path.stem)
        domains, report = parse_domain_list(
            f"{STARTER_LIST}/{path.name}", path.open(encoding="utf-8")
        )
        for domain in domains:
            lists.add_domain(domain, category, STARTER_LIST)
        reports.append(report)
    if national_bytes is not None and national_file is not None:
        for entry in _national_entries(national_file, national_bytes):
            lists.add_national(entry)
            entries += 1
            sites.update(
                normalize_url(target.value).host.removeprefix("www.")
                for target in entry.targets
                if target.kind is TargetKind.URL
            )
    return LoadedLists(lists, tuple(reports), entries, keys, frozenset(sites))


def _read_bytes(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ListFileError(f"{path}: cannot be read ({error})") from None


def read_national_list(path: Path) -> list[NationalEntry]:
    """The notifications of a national list file; ListFileError says what is wrong and where."""
    data = _read_bytes(path)
    if data is None:
        raise ListFileError(f"{path}: cannot be read (no such file)")
    return _national_entries(path, data)


def _national_entries(path: Path, data: bytes) -> list[NationalEntry]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ListFileError(f"{path}: cannot be read ({error})") from None
    tally = Tally(path.name)
    try:
        entries = [entry for _, entry in stream_national_json(text, tally)]
    except NationalListError as error:
        raise ListFileError(f"{path}: {error}") from None
    report = tally.report()
    if report.invalid:
        first = report.invalid[0]
        raise ListFileError(f"{path}: line {first.number}: {first.problem}")
    return entries
