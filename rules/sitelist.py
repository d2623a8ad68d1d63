"""A parent's allow or deny list: domains, URL prefixes, addresses and networks together."""

from collections.abc import Iterable

from rules.hosts import DomainSet, HostError, normalize_host, parse_ip
from rules.ipnets import IpSet
from rules.urls import Url, UrlPrefixSet


class SiteEntryError(ValueError):
    """An allow or deny entry that is neither a domain, a URL, an address nor a network."""


def entry_kind(entry: str) -> str:
    """'ip' for an address or network, 'url' for an entry with a path, else 'domain'."""
    text = entry.strip()
    address, _, prefix = text.partition("/")
    try:
        if parse_ip(normalize_host(address)) is not None and (not prefix or prefix.isdigit()):
            return "ip"
    except HostError:
        pass
    return "url" if "/" in text.split("://", 1)[-1] else "domain"


class SiteList:
    """Entries matched against a request: a domain covers its subdomains, a URL its sub-paths."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._domains: DomainSet[str] = DomainSet()
        self._urls: UrlPrefixSet[str] = UrlPrefixSet()
        self._networks: IpSet[str] = IpSet()
        for entry in entries:
            try:
                match entry_kind(entry):
                    case "ip":
                        self._networks.add(entry.strip(), entry)
                    case "url":
                        self._urls.add(entry, entry)
                    case _:
                        self._domains.add(entry, entry)
            except ValueError as error:
                raise SiteEntryError(f"{entry!r}: {error}") from error

    def match(self, url: Url, server_ip: str | None = None) -> str | None:
        """The entry that covers the request, or None."""
        for _, entry in self._domains.match(url.host):
            return entry
        for _, entry in self._urls.match(url):
            return entry
        for address in (url.host, server_ip):
            if address is not None and parse_ip(address) is not None:
                for _, entry in self._networks.match(address):
                    return entry
        return None
