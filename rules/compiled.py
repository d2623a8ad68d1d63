"""Compiled lists: millions of domains searched in a buffer (a memory-mapped file) in microseconds.

Every key (a domain, a site's URL rules, an IP network) is a 64-bit fingerprint: its
CRC-32, then the CRC-32 of the key read backwards. Two bits of marks per slot of the
first CRC say whether a key may be there and whether some key lies below that name, so a
host is walked down from `example.com` and most lookups stop after one step; a set mark
leads to the sorted CRCs, through an index of their top bits to a run of a few entries,
and the second CRC is compared only when the first one matches. Each key names
a group of tags (a category from a list, an exception, a national target), kept as
JSON and decoded when first hit. docs/lists.md records the measurements behind this.
"""

import ipaddress
import json
import sys
import zlib
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from rules.categories import Category
from rules.lists import ListHit, NationalHit, list_hit
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.urls import Url, UrlPrefixSet

MAGIC = b"QORGANLC"
FORMAT = 2
PREAMBLE = 16  # magic, header length, format
CATEGORY, EXCEPTION, NATIONAL = "c", "x", "n"
# The two bits of a key's mark: it may be listed; a name below it may be listed.
LISTED, PARENT = 1, 2
_NO_EXCEPTIONS: frozenset[str] = frozenset()
_CACHED_GROUPS = 4096

type Tag = tuple[Any, ...]


class CompiledListsError(ValueError):
    """A compiled lists file that is damaged or from another version; it is not used."""


def fingerprint(key: bytes) -> int:
    """The 64-bit key the tables are sorted by: the key's CRC-32, then its check value."""
    return zlib.crc32(key) << 32 | zlib.crc32(key[::-1])


def site_key(host: str) -> bytes:
    """The key of a site's URL rules: www.example.com and example.com are one site."""
    return b"/" + host.removeprefix("www.").encode()


def network_key(version: int, length: int, number: int) -> bytes:
    """The key of an IP network: its family, prefix length and network number."""
    return b"#" + bytes((version, length)) + number.to_bytes(4 if version == 4 else 16, "big")


def is_ip(host: str) -> bool:
    """A normalised host is an address when it has a ':' or its last part is all digits."""
    return ":" in host or host.rpartition(".")[2].isdigit()


def entry_from_compiled(data: dict[str, Any]) -> NationalEntry:
    """A notification the compiler wrote (already checked, so not checked again)."""
    return NationalEntry(
        reference=data["reference"],
        violation_type=data["violation_type"],
        legal_norm=data["legal_norm"],
        targets=tuple(Target(TargetKind(t["kind"]), t["value"]) for t in data["targets"]),
        protocol=Protocol(data["protocol"]),
        issued=date.fromisoformat(data["issued"]),
        authority=data["authority"],
    )


class _Group:
    """The tags filed under one key, sorted by what each lookup needs."""

    __slots__ = ("categories", "exceptions", "national")

    def __init__(self, tags: list[list[Any]]) -> None:
        self.categories = tuple((t[1], Category(t[2])) for t in tags if t[0] == CATEGORY)
        self.exceptions = frozenset(t[1] for t in tags if t[0] == EXCEPTION)
        self.national: tuple[Tag, ...] = tuple(tuple(t) for t in tags if t[0] == NATIONAL)


class CompiledLists:
    """The `Lists` a compiled buffer answers; the buffer must outlive this object.

    With `national` false the file's national notifications are not used (a newer
    national list is in force elsewhere); its categories still are.
    """

    def __init__(self, buffer: bytes | memoryview, national: bool = True) -> None:
        view = memoryview(buffer)
        if bytes(view[:8]) != MAGIC or len(view) < PREAMBLE:
            raise CompiledListsError("not a compiled Qorgan lists file")
        length = int.from_bytes(view[8:12], "little")
        version = int.from_bytes(view[12:16], "little")
        if version != FORMAT:
            raise CompiledListsError(
                f"compiled lists format {version}, this Qorgan reads {FORMAT}: compile them "
                "again (qorgan lists update --all; the service does it when it starts)"
            )
        try:
            self.meta: dict[str, Any] = json.loads(bytes(view[PREAMBLE : PREAMBLE + length]))
            if self.meta["byteorder"] != sys.byteorder:
                raise CompiledListsError("compiled on a machine of another byte order")
            start = self.meta["data_start"]
            sections = {
                name: view[start + offset : start + offset + size]
                for name, (offset, size) in self.meta["sections"].items()
            }
            records = sections["records"].cast("I")
            self._crcs, self._checks, self._groups = records[0::3], records[1::3], records[2::3]
            self._index = sections["index"].cast("I")
            self._group_offsets = sections["group_offsets"].cast("Q")
            self._group_blob = sections["group_blob"]
            self._entry_offsets = sections["entry_offsets"].cast("Q")
            self._entry_blob = sections["entry_blob"]
            self._marks = sections["marks"]
            self._marks_drop = 32 - self.meta["mark_bits"]
            self._shift = 32 - self.meta["bucket_bits"]
            self._lengths = {int(v): tuple(ls) for v, ls in self.meta["ip_lengths"].items()}
        except (KeyError, TypeError, ValueError) as error:
            raise CompiledListsError(f"damaged compiled lists file ({error})") from None
        consistent = (
            len(self._crcs) == len(self._groups) == len(self._checks)
            and len(self._index) == (1 << self.meta["bucket_bits"]) + 1
            and self._index[-1] == len(self._crcs)
            and len(self._marks) == 1 << self.meta["mark_bits"]
            and all(
                start + offset + size <= len(view)
                for offset, size in self.meta["sections"].values()
            )
        )
        if not consistent:
            raise CompiledListsError("damaged compiled lists file (sections do not add up)")
        self._view = view
        self.national = national
        self._url_sites = frozenset(self.meta["url_sites"])
        self._single_labels = frozenset(key.encode() for key in self.meta["single_labels"])
        self._group_cache: dict[int, _Group] = {}
        self._entry_cache: dict[int, NationalEntry] = {}
        self._url_cache: dict[int, UrlPrefixSet[NationalHit]] = {}
        self._last_host = ""
        self._last_found: list[tuple[str, _Group]] = []

    @property
    def national_url_sites(self) -> frozenset[str]:
        """Sites (host without `www.`) where national URL targets close some pages only."""
        return self._url_sites if self.national else frozenset()

    def __len__(self) -> int:
        return len(self._crcs)

    def checksum_ok(self) -> bool:
        """Whether the sections still hold what the compiler wrote (reads the whole file)."""
        start = self.meta["data_start"]
        return bool(zlib.crc32(self._view[start:]) == self.meta["crc32"])

    def _find(self, key: bytes) -> int:
        """The group of a key, or -1."""
        crc = zlib.crc32(key)
        if not self._marks[crc >> self._marks_drop] >> ((crc & 3) << 1) & LISTED:
            return -1
        return self._locate(key, crc)

    def _locate(self, key: bytes, crc: int) -> int:
        """The group of a key whose mark says it may be listed, or -1."""
        crcs, index = self._crcs, self._index
        bucket = crc >> self._shift
        high = index[bucket + 1]
        at = bisect_left(crcs, crc, index[bucket], high)
        if at < high and crcs[at] == crc:
            check = zlib.crc32(key[::-1])
            checks = self._checks
            while at < high and crcs[at] == crc:
                if checks[at] == check:
                    return self._groups[at]
                at += 1
        return -1

    def _add(self, found: list[tuple[str, _Group]], key: bytes, crc: int) -> None:
        """`_locate` (inline: a hit costs one call less), the key and its tags joining `found`."""
        crcs, index = self._crcs, self._index
        bucket = crc >> self._shift
        high = index[bucket + 1]
        at = bisect_left(crcs, crc, index[bucket], high)
        if at < high and crcs[at] == crc:
            check = zlib.crc32(key[::-1])
            checks = self._checks
            while checks[at] != check:
                at += 1
                if at == high or crcs[at] != crc:
                    return
            group = self._groups[at]
            tags = self._group_cache.get(group) or self._group(group)
            # The walk goes from the top down; the answer is most specific first.
            found.insert(0, (key.decode(), tags))

    def _group(self, group: int) -> _Group:
        tags = self._group_cache.get(group)
        if tags is None:
            start, end = self._group_offsets[group], self._group_offsets[group + 1]
            tags = _Group(json.loads(bytes(self._group_blob[start:end])))
            if len(self._group_cache) >= _CACHED_GROUPS:
                self._group_cache.clear()
            self._group_cache[group] = tags
        return tags

    def entry(self, number: int) -> NationalEntry:
        """The national notification with this number in the file."""
        entry = self._entry_cache.get(number)
        if entry is None:
            start, end = self._entry_offsets[number], self._entry_offsets[number + 1]
            entry = entry_from_compiled(json.loads(bytes(self._entry_blob[start:end])))
            self._entry_cache[number] = entry
        return entry

    def _domain_groups(self, host: str) -> list[tuple[str, _Group]]:
        """(suffix, tags) for the host and each parent domain that is listed, most specific first.

        The walk starts at the top (`example.com`, then `www.example.com`) and stops at
        the first name under which nothing is listed, so most names cost one step. An
        IPv4 address is walked the same way: only whole addresses are ever listed. The
        last answer is kept: the decision asks for the national list and the categories
        of one host in a row.
        """
        if host == self._last_host:
            return self._last_found
        found: list[tuple[str, _Group]] = []
        data = host.encode()
        dot = data.rfind(b".")
        # Top-level domains and IPv6 addresses are listed only in a few lists: a set answers.
        if self._single_labels and data[dot + 1 :] in self._single_labels:
            self._add(found, data[dot + 1 :], zlib.crc32(data[dot + 1 :]))
        if dot > 0:
            crc32, marks, drop = zlib.crc32, self._marks, self._marks_drop
            start = data.rfind(b".", 0, dot) + 1
            # The mark is tested inline: this loop runs for every request.
            while True:
                key = data[start:]
                crc = crc32(key)
                mark = marks[crc >> drop] >> ((crc & 3) << 1)
                if mark & LISTED:
                    self._add(found, key, crc)
                if not (mark & PARENT and start):
                    break
                start = data.rfind(b".", 0, start - 1) + 1
        self._last_host, self._last_found = host, found
        return found

    def category_hits(self, host: str) -> Sequence[ListHit]:
        """An exception (`@@`) in a list hides that list's categories for its domain and below."""
        found = self._domain_groups(host)
        if not found:
            return []
        if len(found) == 1:
            suffix, group = found[0]
            if not group.exceptions:
                return [list_hit(name, category, suffix) for name, category in group.categories]
        hits: list[ListHit] = []
        excepted = _NO_EXCEPTIONS
        for suffix, group in found:
            if group.exceptions:
                excepted = excepted | group.exceptions
            for name, category in group.categories:
                if name not in excepted:
                    hits.append(list_hit(name, category, suffix))
        return hits

    def _national(self, tag: Tag) -> NationalHit:
        entry = self.entry(tag[1])
        return NationalHit(entry, entry.targets[tag[2]])

    def national_hit(self, url: Url, server_ip: str | None) -> NationalHit | None:
        if not self.national:
            return None
        for _, tags in self._domain_groups(url.host):
            if tags.national:
                return self._national(tags.national[0])
        if self._url_sites:
            group = self._find(site_key(url.host))
            if group >= 0:
                for _, hit in self._url_rules(group).match(url):
                    return hit
        for address in (url.host, server_ip):
            if address is not None and self._lengths and is_ip(address):
                for key in self._network_keys(address):
                    group = self._find(key)
                    if group >= 0:
                        return self._national(self._group(group).national[0])
        return None

    def _url_rules(self, group: int) -> UrlPrefixSet[NationalHit]:
        rules = self._url_cache.get(group)
        if rules is None:
            rules = UrlPrefixSet()
            for tag in self._group(group).national:
                hit = self._national(tag)
                rules.add(hit.target.value, hit)
            self._url_cache[group] = rules
        return rules

    def _network_keys(self, address: str) -> Iterator[bytes]:
        """Keys of every listed prefix length that could hold the address, longest first."""
        ip = ipaddress.ip_address(address)
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            ip = ip.ipv4_mapped
        bits = ip.max_prefixlen
        number = int(ip)
        for length in self._lengths.get(ip.version, ()):
            yield network_key(ip.version, length, number >> (bits - length) << (bits - length))
