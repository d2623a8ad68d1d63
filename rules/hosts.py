"""Host names and IP literals: their one canonical spelling, and matching a domain's subdomains."""

import ipaddress
import re
from collections.abc import Iterator
from encodings import idna

type IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_MAX_NAME = 253
_MAX_LABEL = 63
_LABEL = re.compile(r"[a-z0-9_-]+")
_BRACKETED = re.compile(r"\[([^\]]*)\](?::[0-9]*)?")
_PORT = re.compile(r"[0-9]*")
_DECIMAL = re.compile(r"[0-9]+")
_LAST_DIGIT = frozenset("0123456789")
_DIGITS = {8: re.compile(r"[0-7]+"), 10: _DECIMAL, 16: re.compile(r"[0-9a-f]+")}
# Browsers also split names at the ideographic and full-width full stops.
_DOTS = str.maketrans(dict.fromkeys("\u3002\uff0e\uff61", "."))


class HostError(ValueError):
    """A host name or IP address that no web site can have."""


def _error(raw: str, why: str) -> HostError:
    return HostError(f"{raw.strip()!r} is not a valid host name ({why})")


def normalize_host(raw: str) -> str:
    """Return the one spelling of a host that rules and requests are compared in.

    Case, a port, trailing dots, non-Latin letters (as punycode) and every way a
    browser accepts to write an IP address collapse to one form, so a child
    cannot reach a blocked site by writing its name differently.
    """
    text = raw.strip()
    bracketed = _BRACKETED.fullmatch(text)
    if bracketed:
        return _ipv6_text(bracketed[1], raw)
    if text.count(":") > 1:
        return _ipv6_text(text, raw)
    name, _, port = text.partition(":")
    if not _PORT.fullmatch(port):
        raise _error(raw, "the port must be a number")
    name = name.translate(_DOTS).lower().rstrip(".")
    if not name:
        raise _error(raw, "it is empty")
    labels = [_ascii_label(label, raw) for label in name.split(".")]
    address = _browser_ipv4(labels, raw)
    if address is not None:
        return str(address)
    for label in labels:
        if len(label) > _MAX_LABEL:
            raise _error(raw, "a part is longer than 63 characters")
        if not _LABEL.fullmatch(label):
            raise _error(raw, "only letters, digits, '-' and '_' are allowed")
    host = ".".join(labels)
    if len(host) > _MAX_NAME:
        raise _error(raw, "it is longer than 253 characters")
    return host


def _ipv6_text(text: str, raw: str) -> str:
    try:
        address = ipaddress.IPv6Address(text)
    except ValueError:
        raise _error(raw, "it is not a valid IPv6 address") from None
    # ::ffff:1.2.3.4 reaches 1.2.3.4, so a rule on the IPv4 address must see it.
    mapped = address.ipv4_mapped
    return str(mapped) if mapped is not None else str(address)


def _ascii_label(label: str, raw: str) -> str:
    if not label:
        raise _error(raw, "it has an empty part between dots")
    if label.isascii():
        return label
    try:
        return idna.ToASCII(label).decode("ascii")
    except UnicodeError:
        raise _error(raw, f"{label!r} cannot be written in punycode") from None


def _ipv4_number(part: str) -> int | None:
    """A part of an IPv4 address as browsers read it: 0x.. is hex, 0.. is octal."""
    if part.startswith("0x"):
        digits, base = part[2:], 16
    elif len(part) > 1 and part.startswith("0"):
        digits, base = part[1:], 8
    else:
        digits, base = part, 10
    if not digits:
        return 0
    return int(digits, base) if _DIGITS[base].fullmatch(digits) else None


def _browser_ipv4(labels: list[str], raw: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a browser reads a host as (WHATWG URL Standard), or None for a name.

    A host whose last part is a number is an address: 0x7f.1, 2130706433,
    0177.0.0.1 and 127.1 all reach 127.0.0.1.
    """
    last = labels[-1]
    if not _DECIMAL.fullmatch(last) and _ipv4_number(last) is None:
        return None
    if len(labels) > 4:
        raise _error(raw, "an IPv4 address has at most 4 parts")
    numbers: list[int] = []
    for label in labels:
        number = _ipv4_number(label)
        if number is None:
            raise _error(raw, f"{label!r} is not a number in an IPv4 address")
        numbers.append(number)
    *head, tail = numbers
    if any(number > 255 for number in head) or tail >= 256 ** (5 - len(numbers)):
        raise _error(raw, "a part of the IPv4 address is too large")
    return ipaddress.IPv4Address(tail + sum(n << (8 * (3 - i)) for i, n in enumerate(head)))


def parse_ip(host: str) -> IPAddress | None:
    """The address an already normalised host is, or None when it is a name."""
    # An IPv4 address ends in a digit and an IPv6 one has a colon: a name is neither, and
    # telling it so here spares the exception ipaddress raises (most hosts are names).
    if host[-1:] not in _LAST_DIGIT and ":" not in host:
        return None
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


def host_suffixes(host: str) -> Iterator[str]:
    """The host and each parent domain, most specific first; an IP address is only itself."""
    yield host
    if parse_ip(host) is not None:
        return
    dot = host.find(".")
    while dot >= 0:
        yield host[dot + 1 :]
        dot = host.find(".", dot + 1)


def domain_matches(host: str, domain: str) -> bool:
    """A domain covers itself and its subdomains, never a name that merely ends like it."""
    if host == domain:
        return True
    return host.endswith("." + domain) and parse_ip(host) is None


class DomainSet[T]:
    """Values filed under domains; a domain's values apply to all of its subdomains."""

    __slots__ = ("_by_domain", "_size")

    def __init__(self) -> None:
        self._by_domain: dict[str, list[T]] = {}
        self._size = 0

    def add(self, domain: str, value: T) -> None:
        """File a value under a domain; '*.example.com' and '.example.com' mean example.com."""
        text = domain.strip()
        text = text.removeprefix("*.") if text.startswith("*.") else text.removeprefix(".")
        self._by_domain.setdefault(normalize_host(text), []).append(value)
        self._size += 1

    def match(self, host: str) -> list[tuple[str, T]]:
        """Every (domain, value) covering a normalised host, the most specific domain first."""
        return [
            (suffix, value)
            for suffix in host_suffixes(host)
            for value in self._by_domain.get(suffix, ())
        ]

    def domains(self) -> Iterator[str]:
        """The domains that have values, each once."""
        return iter(self._by_domain)

    def __contains__(self, host: str) -> bool:
        return any(suffix in self._by_domain for suffix in host_suffixes(host))

    def __len__(self) -> int:
        return self._size
