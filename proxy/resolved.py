"""The resolved-names addon: which addresses the DNS stub gave for each name, lately.

The root service sends every supervised account's DNS to the stub, so the address a
browser connects to for a name is one the stub gave for it. What the stub answered
(A and AAAA records) is kept for an hour at least, or the record's TTL if longer:

- the TLS decision passes a connection through untouched only to such an address, so a
  tunnel that borrows an allowed name for its own server is not let through unseen;
- the anti-bypass addon judges a request to a bare address by the names it was given for.

Memory is bounded: past `MAX_ENTRIES` pairs the expired ones go, then all of them if need be.
"""

import ipaddress
import time
from collections.abc import Callable

from mitmproxy import dns
from mitmproxy.net.dns import types

REMEMBER_FOR = 3600.0
MAX_ENTRIES = 100_000
_LAST_DIGIT = frozenset("0123456789")


def address_key(address: str) -> str | None:
    """An IP address in one spelling (an IPv4-mapped IPv6 address as IPv4); None if not one."""
    text = address.strip("[]").split("%")[0]
    # An IPv4 address ends in a digit and an IPv6 one has a colon; most hosts asked about are
    # names, and telling them so here spares the exception ipaddress raises.
    if text[-1:] not in _LAST_DIGIT and ":" not in text:
        return None
    try:
        parsed = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(parsed, ipaddress.IPv6Address) and parsed.ipv4_mapped is not None:
        return str(parsed.ipv4_mapped)
    return str(parsed)


def name_key(name: str) -> str:
    return name.rstrip(".").lower()


class ResolvedNames:
    """Addresses the stub gave per name and names per address, each until it expires."""

    def __init__(
        self, clock: Callable[[], float] = time.monotonic, limit: int = MAX_ENTRIES
    ) -> None:
        self._clock = clock
        self._limit = limit
        self._until: dict[tuple[str, str], float] = {}  # (name, address) -> until
        self._names: dict[str, set[str]] = {}  # address -> names

    def add(self, name: str, address: str, ttl: float = 0) -> None:
        key = address_key(address)
        if key is None:
            return
        if len(self._until) >= self._limit:
            self._forget_expired()
        pair = (name_key(name), key)
        self._until[pair] = self._clock() + max(ttl, REMEMBER_FOR)
        self._names.setdefault(key, set()).add(pair[0])

    def gave(self, name: str, address: str) -> bool:
        """Whether the stub gave `address` for `name` and it has not expired."""
        key = address_key(address)
        until = None if key is None else self._until.get((name_key(name), key))
        return until is not None and self._clock() < until

    def names(self, address: str) -> list[str]:
        """The names the stub gave `address` for, sorted; none when it never did."""
        key = address_key(address)
        if key is None:
            return []
        return sorted(name for name in self._names.get(key, ()) if self.gave(name, key))

    def dns_response(self, flow: dns.DNSFlow) -> None:
        if flow.response is None or flow.error:
            return
        names = [question.name for question in flow.request.questions]
        for answer in flow.response.answers:
            if answer.type == types.A:
                address = str(answer.ipv4_address)
            elif answer.type == types.AAAA:
                address = str(answer.ipv6_address)
            else:
                continue
            for name in names:  # the name asked, whatever CNAMEs led to the address
                self.add(name, address, answer.ttl)

    def _forget_expired(self) -> None:
        now = self._clock()
        self._until = {pair: until for pair, until in self._until.items() if until > now}
        if len(self._until) >= self._limit:  # a flood of live answers: start again
            self._until.clear()
        self._names = {}
        for name, address in self._until:
            self._names.setdefault(address, set()).add(name)
