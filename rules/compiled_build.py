"""Compiling lists: domains, national notifications and exceptions into one searchable buffer."""

import bisect
import ipaddress
import json
import sys
import zlib
from array import array
from collections import Counter
from collections.abc import Iterator
from typing import Any

from rules.categories import Category
from rules.compiled import (
    CATEGORY,
    EXCEPTION,
    FORMAT,
    LISTED,
    MAGIC,
    NATIONAL,
    PARENT,
    PREAMBLE,
    fingerprint,
    network_key,
    site_key,
)
from rules.national import NationalEntry, TargetKind
from rules.national_format import entry_to_dict
from rules.urls import normalize_url

_MAX_BUCKET_BITS = 24
_TAG_BITS = 32


def _align(size: int) -> int:
    return -size % 8


class ListCompiler:
    """Collects keys with tags, then writes the compiled form (see rules.compiled).

    Memory while compiling is about 100 bytes per key; the result is 12 bytes per key.
    """

    def __init__(self) -> None:
        self._rows: list[int] = []
        self._tag_ids: dict[tuple[Any, ...], int] = {}
        self.tags: list[tuple[Any, ...]] = []
        self._entries: list[bytes] = []
        self._lengths: dict[int, set[int]] = {4: set(), 6: set()}
        self._sites: set[str] = set()
        self._single_labels: set[str] = set()
        self._parents = array("I")

    def tag(self, *descriptor: Any) -> int:
        """The number of a tag such as ('c', list name, category); made on first use."""
        number = self._tag_ids.get(descriptor)
        if number is None:
            number = self._tag_ids[descriptor] = len(self.tags)
            self.tags.append(descriptor)
        return number

    def category_tag(self, list_name: str, category: Category) -> int:
        return self.tag(CATEGORY, list_name, str(category))

    def exception_tag(self, list_name: str) -> int:
        return self.tag(EXCEPTION, list_name)

    def add_domain(self, domain: str, tag: int) -> None:
        """File a normalised domain (or address) under a tag.

        A name ending in a number is an IPv4 address written in full: lookups walk
        addresses like names and rely on no part of one being listed.
        """
        if domain[-1:].isdigit() and domain.count(".") != 3:
            raise ValueError(f"{domain!r} is not a normalised host name or address")
        if "." not in domain:
            self._single_labels.add(domain)
        elif domain.count(".") > 1:
            self._mark_parents(domain)
        self._rows.append(fingerprint(domain.encode()) << _TAG_BITS | tag)

    def _mark_parents(self, domain: str) -> None:
        """Note every parent of two labels or more: a lookup walks down from them."""
        data = domain.encode()
        start = data.find(b".") + 1
        while data.find(b".", start) > 0:
            self._parents.append(zlib.crc32(data[start:]))
            start = data.find(b".", start) + 1

    def add_national(self, entry: NationalEntry) -> None:
        """File every target of a notification (already checked) under its own tag."""
        number = len(self._entries)
        self._entries.append(json.dumps(entry_to_dict(entry), ensure_ascii=False).encode())
        for index, target in enumerate(entry.targets):
            tag = self.tag(NATIONAL, number, index)
            if target.kind is TargetKind.DOMAIN:
                key = target.value.encode()
                if "." not in target.value:
                    self._single_labels.add(target.value)
                elif target.value.count(".") > 1:
                    self._mark_parents(target.value)
            elif target.kind is TargetKind.URL:
                site = normalize_url(target.value).host.removeprefix("www.")
                key = site_key(site)
                self._sites.add(site)
            else:
                key = self._network(target.value)
            self._rows.append(fingerprint(key) << _TAG_BITS | tag)

    def _network(self, text: str) -> bytes:
        network = ipaddress.ip_network(text)
        if isinstance(network, ipaddress.IPv6Network) and network.prefixlen >= 96:
            mapped = network.network_address.ipv4_mapped
            if mapped is not None:
                network = ipaddress.IPv4Network((mapped, network.prefixlen - 96))
        self._lengths[network.version].add(network.prefixlen)
        return network_key(network.version, network.prefixlen, int(network.network_address))

    def compile(self, meta: dict[str, Any]) -> tuple[list[bytes], Counter[int]]:
        """The file's pieces in order, and per tag how many of its keys were duplicates.

        The collected rows are released: a compiler compiles once.
        """
        rows, self._rows = self._rows, []
        rows.sort()
        keys, groups, blob, offsets, duplicates = self._group_rows(rows)
        del rows
        bucket_bits = min(_MAX_BUCKET_BITS, max(1, (len(keys) // 4).bit_length()))
        shift = 64 - bucket_bits
        index = array("I", (bisect.bisect_left(keys, b << shift) for b in range(1 << bucket_bits)))
        index.append(len(keys))
        mark_bits = min(30, max(1, (len(keys) * 2).bit_length()))
        marks = _marks(keys, self._parents, mark_bits)
        entry_offsets = array("Q", [0])
        for entry in self._entries:
            entry_offsets.append(entry_offsets[-1] + len(entry))
        sections: list[tuple[str, bytes]] = [
            ("records", _records(keys, groups).tobytes()),
            ("index", index.tobytes()),
            ("marks", marks),
            ("group_offsets", offsets.tobytes()),
            ("group_blob", b"".join(blob)),
            ("entry_offsets", entry_offsets.tobytes()),
            ("entry_blob", b"".join(self._entries)),
        ]
        meta = {**meta, "bucket_bits": bucket_bits, "mark_bits": mark_bits}
        return self._layout(meta, sections, len(keys)), duplicates

    def _group_rows(
        self, rows: list[int]
    ) -> tuple[array[int], array[int], list[bytes], array[int], Counter[int]]:
        keys, groups, offsets = array("Q"), array("I"), array("Q", [0])
        group_ids: dict[tuple[int, ...], int] = {}
        blob: list[bytes] = []
        duplicates: Counter[int] = Counter()
        mask = (1 << _TAG_BITS) - 1
        for key, tags in _runs(rows, mask, duplicates):
            group = group_ids.get(tags)
            if group is None:
                group = group_ids[tags] = len(blob)
                text = json.dumps([self.tags[t] for t in tags], ensure_ascii=False).encode()
                blob.append(text)
                offsets.append(offsets[-1] + len(text))
            keys.append(key)
            groups.append(group)
        return keys, groups, blob, offsets, duplicates

    def _layout(
        self, meta: dict[str, Any], sections: list[tuple[str, bytes]], keys: int
    ) -> list[bytes]:
        places: dict[str, tuple[int, int]] = {}
        body: list[bytes] = []
        offset = 0
        checksum = 0
        for name, data in sections:
            places[name] = (offset, len(data))
            padding = b"\0" * _align(len(data))
            body += [data, padding]
            checksum = zlib.crc32(padding, zlib.crc32(data, checksum))
            offset += len(data) + len(padding)
        header = {
            **meta,
            "byteorder": sys.byteorder,
            "keys": keys,
            "entries": len(self._entries),
            "url_sites": sorted(self._sites),
            "single_labels": sorted(self._single_labels),
            "ip_lengths": {v: sorted(ls, reverse=True) for v, ls in self._lengths.items() if ls},
            "sections": places,
            "crc32": checksum,
            "data_start": 0,
        }
        # The header names where the data starts: room is left for that number, then
        # the header is padded with spaces (valid JSON) up to it.
        room = PREAMBLE + len(json.dumps(header, ensure_ascii=False).encode()) + 24
        header["data_start"] = room + _align(room)
        text = json.dumps(header, ensure_ascii=False).encode()
        text += b" " * (header["data_start"] - PREAMBLE - len(text))
        preamble = MAGIC + len(text).to_bytes(4, "little") + FORMAT.to_bytes(4, "little")
        return [preamble, text, *body]


def _runs(
    rows: list[int], mask: int, duplicates: Counter[int]
) -> Iterator[tuple[int, tuple[int, ...]]]:
    """(key, its tags) from sorted rows; a tag repeated on one key is counted as a duplicate."""
    current = -1
    tags: list[int] = []
    for row in rows:
        key, tag = row >> _TAG_BITS, row & mask
        if key == current:
            if tags[-1] == tag:
                duplicates[tag] += 1
            else:
                tags.append(tag)
            continue
        if tags:
            yield current, tuple(tags)
        current, tags = key, [tag]
    if tags:
        yield current, tuple(tags)


def _records(keys: array[int], groups: array[int]) -> array[int]:
    """(CRC, check, group) side by side: a lookup reads one run of memory, not three."""
    records = array("I", bytes(12 * len(keys)))
    records[0::3] = array("I", (key >> 32 for key in keys))
    records[1::3] = array("I", (key & 0xFFFFFFFF for key in keys))
    records[2::3] = groups
    return records


def _marks(keys: array[int], parents: array[int], bits: int) -> bytes:
    """Two bits for every slot of four to a byte: some key is there; some key is below it.

    A key's byte is named by the top bits of its CRC and its slot in that byte by the
    lowest two: a lookup finds both in few steps. About one slot in ten is used.
    """
    marks = bytearray(1 << bits)
    drop = 64 - bits
    for key in keys:
        marks[key >> drop] |= LISTED << (key >> 31 & 6)
    drop = 32 - bits
    for crc in parents:
        marks[crc >> drop] |= PARENT << ((crc & 3) << 1)
    return bytes(marks)
