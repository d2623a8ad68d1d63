"""The national blocklist as CSV: one row per target, rows of one notification share its reference.

The first line names the columns (any order): reference, violation_type, legal_norm,
target_kind, target_value, protocol, issued, authority. `protocol` may be left out.
Commas or semicolons separate the fields; RFC 4180 quoting holds.
"""

import csv
import itertools
from collections.abc import Iterable, Iterator
from dataclasses import replace

from rules.listfile import Tally
from rules.national import NationalEntry
from rules.national_format import NationalListError, entry_from_dict
from rules.validation import PolicyError

CSV_COLUMNS = (
    "reference", "violation_type", "legal_norm", "target_kind", "target_value", "protocol",
    "issued", "authority",
)  # fmt: skip
_OPTIONAL = {"protocol"}
# Where entry_from_dict names a problem, and the column it came from.
_COLUMN_OF = {"targets[0].kind": "target_kind", "targets[0].value": "target_value"}


def _column(where: str) -> str:
    return _COLUMN_OF.get(where, where)


def stream_national_csv(lines: Iterable[str], tally: Tally) -> Iterator[tuple[int, NationalEntry]]:
    """(first line, notification) of a national CSV file; bad rows go to the tally.

    A notification whose rows disagree on anything but the target is invalid from the
    disagreeing row on; a target given twice for one reference is a duplicate.
    """
    rows = iter(lines)
    header = next(rows, "")
    delimiter = ";" if header.count(";") > header.count(",") else ","
    reader = csv.reader(itertools.chain([header], rows), delimiter=delimiter, strict=True)
    try:
        columns = [name.strip().lower() for name in next(reader)]
        _check_columns(columns)
        notices: dict[str, tuple[int, NationalEntry]] = {}
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            _add_row(reader.line_num, columns, row, notices, tally)
    except csv.Error as error:
        raise NationalListError(f"line {reader.line_num}", f"not valid CSV ({error})") from None
    for line, entry in sorted(notices.values(), key=lambda item: item[0]):
        tally.accepted += 1
        yield line, entry


def _check_columns(columns: list[str]) -> None:
    for name in columns:
        if name not in CSV_COLUMNS:
            raise NationalListError("line 1", f"{name!r} is not a column of the national list")
    for name in CSV_COLUMNS:
        if name not in columns and name not in _OPTIONAL:
            raise NationalListError("line 1", f"the column {name!r} is missing")


def _add_row(
    number: int,
    columns: list[str],
    row: list[str],
    notices: dict[str, tuple[int, NationalEntry]],
    tally: Tally,
) -> None:
    text = ",".join(row)
    if len(row) > len(columns):
        tally.invalid(number, text, f"{len(row)} fields, but the header names {len(columns)}")
        return
    cells = {key: value.strip() for key, value in zip(columns, row, strict=False)}
    data: dict[str, object] = {
        key: value
        for key, value in cells.items()
        if not key.startswith("target_") and (value or key not in _OPTIONAL)
    }
    data["targets"] = [
        {"kind": cells.get("target_kind", ""), "value": cells.get("target_value", "")}
    ]
    try:
        entry = entry_from_dict(data, "")
    except PolicyError as error:
        tally.invalid(number, text, f"{_column(error.where)}: {error.problem}")
        return
    known = notices.get(entry.reference)
    if known is None:
        notices[entry.reference] = (number, entry)
        return
    first_line, first = known
    if replace(entry, targets=first.targets) != first:
        problem = f"reference {entry.reference!r} is on line {first_line} with other details"
        tally.invalid(number, text, problem)
    elif entry.targets[0] in first.targets:
        tally.duplicates += 1
    else:
        notices[entry.reference] = (
            first_line,
            replace(first, targets=first.targets + entry.targets),
        )
