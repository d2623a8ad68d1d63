"""Compiled lists: millions of domains searched in a buffer (a memory-mapped file) in microseconds.

Every key (a domain, a site's URL rules, an IP network) is a 64-bit fingerprint: its
CRC-32, then the CRC-32 of the key read backwards. A presence bitmap over the first
CRC answers most lookups (names that are not listed) with one bit; the others search
the sorted CRCs from an index of their top bits, a run of a few entries, and compare
the second CRC only when the first one matches. Each key names
a group of tags (a category from a list, an exception, a national target), kept as
JSON and decoded when first hit. docs/lists.md records the measurements behind this.
"""

import bisect
import ipaddress
import json
import sys
import zlib
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from rules.categories import Category
from rules.lists import ListHit, NationalHit
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.urls import Url, UrlPrefixSet

MAGIC = b"QORGANLC"
FORMAT = 1
PREAMBLE = 16  # magic, header length, format
CATEGORY, EXCEPTION, NATIONAL = "c", "x", "n"
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
            raise CompiledListsError(f"compiled lists format {version}, this Qorgan reads {FORMAT}")
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
            self._bitmap = sections["bitmap"]
            self._bitmap_drop = 32 - self.meta["bitmap_bits"]
            self._shift = 32 - self.meta["bucket_bits"]
            self._lengths = {int(v): tuple(ls) for v, ls in self.meta["ip_lengths"].items()}
        except (KeyError, TypeError, ValueError) as error:
            raise CompiledListsError(f"damaged compiled lists file ({error})") from None
        consistent = (
            len(self._crcs) == len(self._groups) == len(self._checks)
            and len(self._index) == (1 << self.meta["bucket_bits"]) + 1
            and self._index[-1] == len(self._crcs)
            and len(self._bitmap) == 1 << (self.meta["bitmap_bits"] - 3)
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
        self._tlds = frozenset(tld.encode() for tld in self.meta["tlds"])
        self._group_cache: dict[int, _Group] = {}
        self._entry_cache: dict[int, NationalEntry] = {}
        self._url_cache: dict[int, UrlPrefixSet[NationalHit]] = {}
        self._last: tuple[str, list[tuple[str, _Group]]] = ("", [])

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
        bit = crc >> self._bitmap_drop
        if not self._bitmap[bit >> 3] >> (bit & 7) & 1:
            return -1
        return self._search(key, crc)

    def _search(self, key: bytes, crc: int) -> int:
        """The group of a key whose bit is set in the presence bitmap, or -1."""
        crcs, index = self._crcs, self._index
        bucket = crc >> self._shift
        high = index[bucket + 1]
        found = bisect.bisect_left(crcs, crc, index[bucket], high)
        if found == high or crcs[found] != crc:
            return -1
        check = zlib.crc32(key[::-1])
        while found < high and crcs[found] == crc:
            if self._checks[found] == check:
                return self._groups[found]
            found += 1
        return -1

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

        The last answer is kept: the decision asks for the national list and the
        categories of one host in a row.
        """
        if host == self._last[0]:
            return self._last[1]
        found = []
        data = host.encode()
        crc32, bitmap, drop = zlib.crc32, self._bitmap, self._bitmap_drop
        single = ":" in host or (host[-1:].isdigit() and is_ip(host))
        start = 0
        # Most names asked for are not listed: one bit of the presence bitmap (about 1 in
        # 16 set) answers those before any search, inline because this is the hot path.
        while True:
            key = data[start:]
            dot = data.find(b".", start) + 1
            # A top-level domain is listed only in a few lists: a set answers for those.
            if dot or single or key in self._tlds:
                crc = crc32(key)
                bit = crc >> drop
                if bitmap[bit >> 3] >> (bit & 7) & 1:
                    group = self._search(key, crc)
                    if group >= 0:
                        found.append((key.decode(), self._group(group)))
            if not dot or single:
                break
            start = dot
        self._last = (host, found)
        return found

    def category_hits(self, host: str) -> Sequence[ListHit]:
        """An exception (`@@`) in a list hides that list's categories for its domain and below."""
        hits: list[ListHit] = []
        excepted: frozenset[str] = frozenset()
        for suffix, group in self._domain_groups(host):
            if group.exceptions:
                excepted |= group.exceptions
            for name, category in group.categories:
                if name not in excepted:
                    hits.append(ListHit(name, category, suffix))
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
