"""What decisions ask of the lists, and a plain in-memory set of lists that answers it."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from rules.categories import Category
from rules.hosts import DomainSet, parse_ip
from rules.ipnets import IpSet
from rules.national import NationalEntry, Target, TargetKind
from rules.urls import Url, UrlPrefixSet

NATIONAL_LIST_NAME = "national"


@dataclass(frozen=True, slots=True)
class ListHit:
    """A host is in a category because `list_name` lists `matched` (the host or a parent)."""

    list_name: str
    category: Category
    matched: str


# The slots' own setters: they step around the frozen dataclass's __setattr__.
_new_hit = object.__new__
_set_list_name = vars(ListHit)["list_name"].__set__
_set_category = vars(ListHit)["category"].__set__
_set_matched = vars(ListHit)["matched"].__set__


def list_hit(list_name: str, category: Category, matched: str) -> ListHit:
    """A ListHit made without the frozen dataclass's checks: a compiled lookup makes many."""
    hit: ListHit = _new_hit(ListHit)
    _set_list_name(hit, list_name)
    _set_category(hit, category)
    _set_matched(hit, matched)
    return hit


@dataclass(frozen=True, slots=True)
class NationalHit:
    """A request falls under a notification of the national blocklist."""

    entry: NationalEntry
    target: Target


class Lists(Protocol):
    """The questions the decision asks of every loaded list, whatever form they are kept in."""

    def national_hit(self, url: Url, server_ip: str | None) -> NationalHit | None:
        """The notification that restricts this URL, its host or its server address, if any."""
        ...

    def category_hits(self, host: str) -> Sequence[ListHit]:
        """Every category the lists give the host or a parent domain, most specific first."""
        ...


class MemoryLists:
    """Lists held in dictionaries: for tests, the demo and small installations."""

    def __init__(self) -> None:
        self._national_domains: DomainSet[NationalHit] = DomainSet()
        self._national_urls: UrlPrefixSet[NationalHit] = UrlPrefixSet()
        self._national_ips: IpSet[NationalHit] = IpSet()
        self._categories: DomainSet[tuple[str, Category]] = DomainSet()

    def add_national(self, entry: NationalEntry) -> None:
        for target in entry.targets:
            hit = NationalHit(entry, target)
            match target.kind:
                case TargetKind.DOMAIN:
                    self._national_domains.add(target.value, hit)
                case TargetKind.URL:
                    self._national_urls.add(target.value, hit)
                case TargetKind.IP | TargetKind.CIDR:
                    self._national_ips.add(target.value, hit)
                case _:
                    # Dropping a target would let the restricted resource through.
                    raise ValueError(f"cannot file a national target of kind {target.kind!r}")

    def add_domain(self, domain: str, category: Category, list_name: str) -> None:
        self._categories.add(domain, (list_name, category))

    def national_hit(self, url: Url, server_ip: str | None) -> NationalHit | None:
        for _, hit in self._national_domains.match(url.host):
            return hit
        for _, hit in self._national_urls.match(url):
            return hit
        for address in (url.host, server_ip):
            if address is not None and parse_ip(address) is not None:
                for _, hit in self._national_ips.match(address):
                    return hit
        return None

    def category_hits(self, host: str) -> Sequence[ListHit]:
        return [
            ListHit(list_name, category, domain)
            for domain, (list_name, category) in self._categories.match(host)
        ]


class LayeredLists(MemoryLists):
    """Lists in memory, with more layers (compiled files) asked after them.

    The first national hit of any layer counts; the category hits of every layer are
    returned together, the most specific domain (most labels) first. An empty memory
    part is not asked at all: with compiled lists it usually is empty.
    """

    def __init__(self, layers: Sequence[Lists] = ()) -> None:
        super().__init__()
        self.layers = tuple(layers)
        self._memory_domains = False
        self._memory_national = False
        # With one layer and nothing in memory (the usual case) that layer answers alone.
        self._only = self.layers[0] if len(self.layers) == 1 else None
        self._only_national = self._only

    def add_domain(self, domain: str, category: Category, list_name: str) -> None:
        super().add_domain(domain, category, list_name)
        self._memory_domains = True
        self._only = None

    def add_national(self, entry: NationalEntry) -> None:
        super().add_national(entry)
        self._memory_national = True
        self._only_national = None

    def national_hit(self, url: Url, server_ip: str | None) -> NationalHit | None:
        if self._only_national is not None:
            return self._only_national.national_hit(url, server_ip)
        hit = super().national_hit(url, server_ip) if self._memory_national else None
        for layer in self.layers:
            if hit is not None:
                break
            hit = layer.national_hit(url, server_ip)
        return hit

    def category_hits(self, host: str) -> Sequence[ListHit]:
        if self._only is not None:
            return self._only.category_hits(host)
        hits = super().category_hits(host) if self._memory_domains else []
        mixed = False
        for layer in self.layers:
            found = layer.category_hits(host)
            if found and hits:
                hits, mixed = [*hits, *found], True
            elif found:
                hits = found
        if mixed:
            return sorted(hits, key=lambda hit: -hit.matched.count("."))
        return hits
