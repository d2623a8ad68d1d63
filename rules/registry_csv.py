"""Registry dumps (`ip;domain;url;authority;reference;date`) read as national notifications.

Operators export the registry of restricted resources as semicolon-separated lines,
several values in a field split by `|`. Each line is one notification; the dump names
no violation type or legal norm, so the record says so instead of guessing.
"""

import ipaddress
from collections.abc import Callable, Iterable, Iterator
from datetime import date

from rules.listfile import Tally, read_domain
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.urls import normalize_url

DEFAULT_COLUMNS = ("ip", "domain", "url", "authority", "reference", "issued")
# Header names seen in dumps, and the field each one fills.
COLUMN_NAMES = {
    "ip": "ip", "ips": "ip", "domain": "domain", "domains": "domain", "url": "url",
    "urls": "url", "org": "authority", "authority": "authority", "number": "reference",
    "reference": "reference", "date": "issued", "issued": "issued",
}  # fmt: skip
NOT_STATED = "not stated in the registry dump"
LEGAL_NORM = "Article 41-1 of the Law of RK “On Communications” (registry dump)"


def stream_registry_csv(lines: Iterable[str], tally: Tally) -> Iterator[tuple[int, NationalEntry]]:
    """(line number, notification) of a registry dump; bad lines go to the tally.

    An `Updated: …` first line is skipped, and a first line of known column names
    sets the column order; otherwise the order is DEFAULT_COLUMNS.
    """
    columns: tuple[str, ...] = DEFAULT_COLUMNS
    started = False
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(";")]
        if not started:
            started = True
            if text.lower().startswith("updated"):
                started = False
                continue
            names = [field.lower() for field in fields]
            if all(name in COLUMN_NAMES for name in names):
                columns = tuple(COLUMN_NAMES[name] for name in names)
                continue
        try:
            entry = _entry(dict(zip(columns, fields, strict=False)), number)
        except ValueError as error:
            tally.invalid(number, text, str(error))
            continue
        tally.accepted += 1
        yield number, entry


def _values(field: str | None) -> list[str]:
    return [value.strip() for value in (field or "").split("|") if value.strip()]


def _entry(cells: dict[str, str], number: int) -> NationalEntry:
    targets: list[Target] = []
    for value in _values(cells.get("ip")):
        try:
            network = ipaddress.ip_network(value)
        except ValueError:
            raise ValueError(f"ip: {value!r} is not an IP address or network") from None
        kind = TargetKind.CIDR if "/" in value else TargetKind.IP
        targets.append(Target(kind, str(network) if "/" in value else str(network[0])))
    for value in _values(cells.get("domain")):
        targets.append(Target(TargetKind.DOMAIN, _checked(read_domain, value, "domain")))
    for value in _values(cells.get("url")):
        url = _checked(lambda text: str(normalize_url(text)), value, "url")
        targets.append(Target(TargetKind.URL, url))
    if not targets:
        raise ValueError("the line names no IP address, domain or URL")
    issued_text = cells.get("issued", "")
    try:
        issued = date.fromisoformat(issued_text)
    except ValueError:
        raise ValueError(f"issued: {issued_text!r} is not a date like 2026-11-01") from None
    return NationalEntry(
        reference=cells.get("reference") or f"line {number}",
        violation_type=NOT_STATED,
        legal_norm=LEGAL_NORM,
        targets=tuple(dict.fromkeys(targets)),
        protocol=Protocol.ANY,
        issued=issued,
        authority=cells.get("authority") or NOT_STATED,
    )


def _checked(read: Callable[[str], str], value: str, column: str) -> str:
    try:
        return read(value)
    except ValueError as error:
        raise ValueError(f"{column}: {error}") from None
