"""A parent's allow or deny list: domains, URL prefixes, addresses and networks together."""

from collections.abc import Iterable

from rules.hosts import DomainSet, normalize_host, parse_ip
from rules.ipnets import IpSet
from rules.urls import Url, UrlPrefixSet, normalize_url


class SiteEntryError(ValueError):
    """An allow or deny entry that is neither a domain, a URL, an address nor a network."""


def _site_domain(host: str) -> str:
    """A parent who writes `www.example.com` means the whole site, `example.com` and below."""
    rest = host.removeprefix("www.")
    return rest if "." in rest else host


def classify_entry(entry: str) -> tuple[str, str]:
    """What an entry is ('ip', 'url' or 'domain') and the key it is filed under.

    An address or network is 'ip'; an entry with a path below `/` or a query is 'url';
    anything else, a pasted `https://example.com/` included, is the site's domain.
    """
    text = entry.strip().removeprefix("*.").removeprefix(".")
    address, slash, prefix = text.partition("/")
    if slash and "://" not in text and prefix.isdecimal() and prefix.isascii():
        host = normalize_host(address)
        if parse_ip(host) is not None:
            return "ip", f"{host}/{prefix}"
    if slash:
        url = normalize_url(text)
        if url.path != "/" or url.query:
            return "url", text
        host = url.host
    else:
        host = normalize_host(text)
    if parse_ip(host) is not None:
        return "ip", host
    return "domain", _site_domain(host)


def entry_kind(entry: str) -> str:
    """'ip', 'url' or 'domain'; an entry that is none of them counts as a (bad) domain."""
    try:
        return classify_entry(entry)[0]
    except ValueError:
        return "domain"


class SiteList:
    """Entries matched against a request: a domain covers its subdomains, a URL its sub-paths."""

    def __init__(self, entries: Iterable[str]) -> None:
        self._domains: DomainSet[str] = DomainSet()
        self._urls: UrlPrefixSet[str] = UrlPrefixSet()
        self._networks: IpSet[str] = IpSet()
        for entry in entries:
            try:
                kind, key = classify_entry(entry)
                match kind:
                    case "ip":
                        self._networks.add(key, entry)
                    case "url":
                        self._urls.add(key, entry)
                    case _:
                        self._domains.add(key, entry)
            except ValueError as error:
                raise SiteEntryError(f"{entry!r}: {error}") from None

    def match(self, url: Url, server_ip: str | None = None) -> str | None:
        """The entry that covers the request, or None."""
        # Most lists are empty or hold domains only: a kind with no entries is not asked.
        if self._domains:
            for _, entry in self._domains.match(url.host):
                return entry
        if self._urls:
            for _, entry in self._urls.match(url):
                return entry
        if self._networks:
            for address in (url.host, server_ip):
                if address is not None and parse_ip(address) is not None:
                    for _, entry in self._networks.match(address):
                        return entry
        return None
