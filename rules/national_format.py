"""The national blocklist file (JSON) read into notification records, checked field by field."""

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from rules.hosts import normalize_host
from rules.ipnets import IpSet
from rules.listfile import Tally
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.urls import normalize_url
from rules.validation import PolicyError, join, read_choice, read_fields, read_typed

FORMAT_KEY = "qorgan_national_list"
FORMAT_VERSION = 1
TOP_FIELDS = {FORMAT_KEY, "version", "publisher", "published", "entries"}
ENTRY_FIELDS = {
    "reference", "violation_type", "legal_norm", "targets", "protocol", "issued", "authority",
}  # fmt: skip
_DECODER = json.JSONDecoder()


class NationalListError(PolicyError):
    """A national list file that cannot be used; the previous list stays in force."""


def national_list_from_dict(data: object) -> list[NationalEntry]:
    """Every notification of a national list file, or the first problem with its place."""
    try:
        f = read_fields(data, "", TOP_FIELDS, {FORMAT_KEY, "entries"})
        check_header(f)
        items = read_typed(f["entries"], list, "entries", "a list of notifications")
        return [entry_from_dict(item, join("entries", i)) for i, item in enumerate(items)]
    except PolicyError as error:
        raise NationalListError(error.where, error.problem) from None


def check_header(fields: Mapping[str, object]) -> None:
    """The format version must be one this Qorgan reads; `version` and `publisher` are text."""
    if fields[FORMAT_KEY] != FORMAT_VERSION:
        raise PolicyError(FORMAT_KEY, f"unsupported version {fields[FORMAT_KEY]!r}")
    for key in ("version", "publisher", "published"):
        if key in fields:
            read_typed(fields[key], str, key, "text")


def entry_from_dict(data: object, where: str) -> NationalEntry:
    """One notification; PolicyError names the field under `where` that is wrong."""
    f: Mapping[str, Any] = read_fields(data, where, ENTRY_FIELDS, ENTRY_FIELDS - {"protocol"})
    text = {key: read_typed(f[key], str, join(where, key), "text") for key in ENTRY_FIELDS - {
        "targets", "protocol"}}  # fmt: skip
    try:
        issued = date.fromisoformat(text["issued"])
    except ValueError:
        raise PolicyError(join(where, "issued"), f"{text['issued']!r} is not a date") from None
    items = read_typed(f["targets"], list, join(where, "targets"), "a list of targets")
    if not items:
        raise PolicyError(join(where, "targets"), "a notification needs at least one target")
    return NationalEntry(
        reference=text["reference"],
        violation_type=text["violation_type"],
        legal_norm=text["legal_norm"],
        targets=tuple(_target(t, join(join(where, "targets"), i)) for i, t in enumerate(items)),
        protocol=read_choice(f.get("protocol", "any"), Protocol, join(where, "protocol")),
        issued=issued,
        authority=text["authority"],
    )


def read_target(kind: TargetKind, value: str) -> str:
    """A target's value in its one spelling; ValueError if it is not a valid one of its kind."""
    if kind is TargetKind.DOMAIN:
        return normalize_host(value.strip().removeprefix("*.").removeprefix("."))
    if kind is TargetKind.URL:
        return str(normalize_url(value))
    IpSet[None]().add(value, None)
    return value.strip()


def _target(data: object, where: str) -> Target:
    f = read_fields(data, where, {"kind", "value"}, {"kind", "value"})
    kind = read_choice(f["kind"], TargetKind, join(where, "kind"))
    value = read_typed(f["value"], str, join(where, "value"), "text")
    try:
        return Target(kind, read_target(kind, value))
    except ValueError as error:
        raise PolicyError(join(where, "value"), str(error)) from None


def entry_to_dict(entry: NationalEntry) -> dict[str, object]:
    """A notification as the file format writes it."""
    return {
        "reference": entry.reference,
        "violation_type": entry.violation_type,
        "legal_norm": entry.legal_norm,
        "targets": [{"kind": str(t.kind), "value": t.value} for t in entry.targets],
        "protocol": str(entry.protocol),
        "issued": entry.issued.isoformat(),
        "authority": entry.authority,
    }


def stream_national_json(
    text: str, tally: Tally, header: dict[str, object] | None = None
) -> Iterator[tuple[int, NationalEntry]]:
    """(line number, notification) of a national list file, one entry decoded at a time.

    An entry with a problem goes to the tally with the line it starts on. A file that
    is not a national list at all (bad JSON, wrong version, no entries) raises
    NationalListError naming the line; it is raised once the whole file is read.
    The file's other top-level fields (version, publisher, …) go into `header`.
    """
    fields: dict[str, object] = {} if header is None else header
    reader = _Reader(text)
    seen: set[str] = set()
    reader.expect("{")
    first = True
    while reader.more("}", first):
        first = False
        key, value_line = reader.key()
        if key not in TOP_FIELDS:
            raise NationalListError(f"line {value_line}", f"{key}: unknown field")
        if key != "entries":
            fields[key] = reader.value()
        else:
            fields[key] = True
            reader.expect("[")
            index = 0
            while reader.more("]", index == 0):
                line, item = reader.line, reader.value()
                try:
                    entry = entry_from_dict(item, join("entries", index))
                except PolicyError as error:
                    tally.invalid(line, "", str(error))
                else:
                    if entry.reference in seen:
                        tally.duplicates += 1
                    else:
                        seen.add(entry.reference)
                        tally.accepted += 1
                        yield line, entry
                index += 1
    reader.finish()
    for key in sorted({FORMAT_KEY, "entries"} - set(fields)):
        raise NationalListError(key, "missing")
    try:
        check_header(fields)
    except PolicyError as error:
        raise NationalListError(error.where, error.problem) from None
    del fields["entries"]


class _Reader:
    """A JSON text read value by value, knowing the line it is on."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1
        self._counted = 0

    def _skip(self) -> None:
        text, position = self.text, self.position
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        self.position = position
        self.line += text.count("\n", self._counted, position)
        self._counted = position

    def _error(self, problem: str) -> NationalListError:
        return NationalListError(f"line {self.line}", problem)

    def expect(self, char: str) -> None:
        self._skip()
        if not self.text.startswith(char, self.position):
            raise self._error(f"not valid JSON (expected {char!r})")
        self.position += 1

    def more(self, closing: str, first: bool) -> bool:
        """False at the closing bracket (consumed); True when a value follows."""
        self._skip()
        if self.text.startswith(closing, self.position):
            self.position += 1
            return False
        if not first:
            if not self.text.startswith(",", self.position):
                raise self._error(f"not valid JSON (expected ',' or {closing!r})")
            self.position += 1
            self._skip()
        return True

    def value(self) -> object:
        self._skip()
        try:
            value, self.position = _DECODER.raw_decode(self.text, self.position)
        except json.JSONDecodeError as error:
            raise NationalListError(
                f"line {error.lineno}", f"not valid JSON ({error.msg})"
            ) from None
        return value

    def key(self) -> tuple[str, int]:
        key = self.value()
        if not isinstance(key, str):
            raise self._error("not valid JSON (expected a field name)")
        self.expect(":")
        self._skip()
        return key, self.line

    def finish(self) -> None:
        self._skip()
        if self.position != len(self.text):
            raise self._error("not valid JSON (text after the end)")
