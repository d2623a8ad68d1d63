"""The national blocklist file (JSON) read into notification records, checked field by field."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from rules.hosts import normalize_host
from rules.ipnets import IpSet
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.urls import normalize_url
from rules.validation import PolicyError, join, read_choice, read_fields, read_typed

FORMAT_KEY = "qorgan_national_list"
FORMAT_VERSION = 1
ENTRY_FIELDS = {
    "reference", "violation_type", "legal_norm", "targets", "protocol", "issued", "authority",
}  # fmt: skip


class NationalListError(PolicyError):
    """A national list file that cannot be used; the previous list stays in force."""


def national_list_from_dict(data: object) -> list[NationalEntry]:
    """Every notification of a national list file, or the first problem with its place."""
    try:
        f = read_fields(data, "", {FORMAT_KEY, "version", "entries"}, {FORMAT_KEY, "entries"})
        if f[FORMAT_KEY] != FORMAT_VERSION:
            raise PolicyError(FORMAT_KEY, f"unsupported version {f[FORMAT_KEY]!r}")
        items = read_typed(f["entries"], list, "entries", "a list of notifications")
        return [_entry(item, join("entries", i)) for i, item in enumerate(items)]
    except PolicyError as error:
        raise NationalListError(error.where, error.problem) from None


def _entry(data: object, where: str) -> NationalEntry:
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


def _target(data: object, where: str) -> Target:
    f = read_fields(data, where, {"kind", "value"}, {"kind", "value"})
    kind = read_choice(f["kind"], TargetKind, join(where, "kind"))
    value = read_typed(f["value"], str, join(where, "value"), "text")
    try:
        if kind is TargetKind.DOMAIN:
            value = normalize_host(value)
        elif kind is TargetKind.URL:
            value = str(normalize_url(value))
        else:
            IpSet[None]().add(value, None)
    except ValueError as error:
        raise PolicyError(join(where, "value"), str(error)) from None
    return Target(kind, value)
