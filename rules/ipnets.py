"""IP addresses and networks (CIDR) named by rules, matched most specific network first."""

import ipaddress

from rules.hosts import IPAddress

type IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

_MAPPED_PREFIX = 96  # ::ffff:0:0/96 holds the IPv4-mapped IPv6 addresses


class NetworkError(ValueError):
    """Text that is not an IP address or a network a rule can name."""


def _parse_network(text: str) -> IPNetwork:
    """A network from '10.0.0.0/8', '2001:db8::/32' or a single address.

    A network with host bits set (10.0.0.1/8) is refused rather than guessed at,
    and an IPv4-mapped IPv6 network is its IPv4 network.
    """
    text = text.strip()
    try:
        network = ipaddress.ip_network(text)
    except ValueError:
        try:
            loose = ipaddress.ip_network(text, strict=False)
        except ValueError:
            raise NetworkError(
                f"{text!r} is not an IP address or a network such as 10.0.0.0/8"
            ) from None
        raise NetworkError(f"{text!r} has host bits set: did you mean {loose}?") from None
    if isinstance(network, ipaddress.IPv6Network) and network.prefixlen >= _MAPPED_PREFIX:
        mapped = network.network_address.ipv4_mapped
        if mapped is not None:
            return ipaddress.IPv4Network((mapped, network.prefixlen - _MAPPED_PREFIX))
    return network


def _parse_address(ip: str | IPAddress) -> IPAddress:
    if not isinstance(ip, str):
        return ip
    try:
        return ipaddress.ip_address(ip.strip())
    except ValueError:
        raise NetworkError(f"{ip!r} is not an IP address") from None


class _Family[T]:
    """The networks of one address family: per prefix length, network number -> entries."""

    __slots__ = ("_bits", "_by_length", "_lengths")

    def __init__(self, bits: int) -> None:
        self._bits = bits
        self._by_length: dict[int, dict[int, list[tuple[str, T]]]] = {}
        self._lengths: list[int] = []  # longest first: the most specific network comes first

    def add(self, network: IPNetwork, value: T) -> None:
        length = network.prefixlen
        if length not in self._by_length:
            self._by_length[length] = {}
            self._lengths = sorted(self._by_length, reverse=True)
        entries = self._by_length[length].setdefault(int(network.network_address), [])
        entries.append((network.with_prefixlen, value))

    def match(self, number: int) -> list[tuple[str, T]]:
        found: list[tuple[str, T]] = []
        for length in self._lengths:
            host_bits = self._bits - length
            found += self._by_length[length].get(number >> host_bits << host_bits, ())
        return found


class IpSet[T]:
    """Values filed under IP networks; a network's values apply to every address in it.

    ::ffff:1.2.3.4 is the IPv4 address 1.2.3.4 reached over an IPv6 socket, so
    it is matched as that IPv4 address, never by an IPv6 network such as ::/0.
    """

    __slots__ = ("_size", "_v4", "_v6")

    def __init__(self) -> None:
        self._v4 = _Family[T](32)
        self._v6 = _Family[T](128)
        self._size = 0

    def add(self, network: str, value: T) -> None:
        """File a value under an address or a network, IPv4 or IPv6."""
        parsed = _parse_network(network)
        family = self._v4 if isinstance(parsed, ipaddress.IPv4Network) else self._v6
        family.add(parsed, value)
        self._size += 1

    def match(self, ip: str | IPAddress) -> list[tuple[str, T]]:
        """Every (network, value) holding the address, the most specific network first."""
        address = _parse_address(ip)
        if isinstance(address, ipaddress.IPv4Address):
            return self._v4.match(int(address))
        mapped = address.ipv4_mapped
        if mapped is not None:
            return self._v4.match(int(mapped))
        return self._v6.match(int(address))

    def __len__(self) -> int:
        return self._size
