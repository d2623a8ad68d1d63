"""Loads the starter lists and the imported national list into memory for decisions."""

import json
from dataclasses import dataclass
from pathlib import Path

from rules.categories import Category
from rules.listfile import ImportReport, parse_domain_list
from rules.lists import MemoryLists
from rules.national import NationalEntry
from rules.national_format import national_list_from_dict

STARTER_LIST = "starter"


class ListFileError(ValueError):
    """A list file that cannot be read; the message names the file and the place."""


@dataclass(frozen=True)
class LoadedLists:
    lists: MemoryLists
    reports: tuple[ImportReport, ...]
    national_entries: int


def load_lists(assets: Path, national_file: Path | None) -> LoadedLists:
    """The starter category lists from `assets`, and the national list if one was imported."""
    lists = MemoryLists()
    reports = []
    for path in sorted((assets / "lists" / "starter").glob("*.txt")):
        category = Category(path.stem)
        domains, report = parse_domain_list(
            f"{STARTER_LIST}/{path.name}", path.open(encoding="utf-8")
        )
        for domain in domains:
            lists.add_domain(domain, category, STARTER_LIST)
        reports.append(report)
    entries = 0
    if national_file is not None and national_file.exists():
        for entry in read_national_list(national_file):
            lists.add_national(entry)
            entries += 1
    return LoadedLists(lists, tuple(reports), entries)


def read_national_list(path: Path) -> list[NationalEntry]:
    """The notifications of a national list file; ListFileError says what is wrong and where."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ListFileError(f"{path}: line {error.lineno}: not valid JSON ({error.msg})") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ListFileError(f"{path}: cannot be read ({error})") from None
    try:
        return national_list_from_dict(data)
    except ValueError as error:
        raise ListFileError(f"{path}: {error}") from None
