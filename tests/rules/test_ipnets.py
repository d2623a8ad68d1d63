"""Tests for IP address and network (CIDR) rules."""

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.ipnets import IpSet, NetworkError

NETWORKS = [
    "10.0.0.0/8",
    "10.1.0.0/16",
    "10.1.2.0/24",
    "10.1.2.3",
    "192.168.0.0/16",
    "0.0.0.0/0",
    "2001:db8::/32",
    "2001:db8:1::/48",
    "2001:db8:1::1/128",
]


@pytest.fixture
def networks() -> IpSet[str]:
    rules = IpSet[str]()
    for network in NETWORKS:
        rules.add(network, network)
    return rules


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("10.1.2.3", ["10.1.2.3/32", "10.1.2.0/24", "10.1.0.0/16", "10.0.0.0/8", "0.0.0.0/0"]),
        ("10.1.2.4", ["10.1.2.0/24", "10.1.0.0/16", "10.0.0.0/8", "0.0.0.0/0"]),
        ("10.2.0.1", ["10.0.0.0/8", "0.0.0.0/0"]),
        ("11.0.0.0", ["0.0.0.0/0"]),
        (" 192.168.1.1 ", ["192.168.0.0/16", "0.0.0.0/0"]),
        ("2001:db8:1::1", ["2001:db8:1::1/128", "2001:db8:1::/48", "2001:db8::/32"]),
        ("2001:db8:2::1", ["2001:db8::/32"]),
        ("2001:db9::1", []),
        # An IPv4-mapped IPv6 address reaches the IPv4 address, so it matches as one.
        (
            "::ffff:10.1.2.3",
            ["10.1.2.3/32", "10.1.2.0/24", "10.1.0.0/16", "10.0.0.0/8", "0.0.0.0/0"],
        ),
        (ipaddress.IPv4Address("192.168.5.5"), ["192.168.0.0/16", "0.0.0.0/0"]),
        (ipaddress.IPv6Address("::ffff:192.168.5.5"), ["192.168.0.0/16", "0.0.0.0/0"]),
        (ipaddress.IPv6Address("2001:db8::5"), ["2001:db8::/32"]),
    ],
)
def test_match_names_every_network_holding_the_address_most_specific_first(
    networks: IpSet[str],
    address: str | ipaddress.IPv4Address | ipaddress.IPv6Address,
    expected: list[str],
) -> None:
    assert [network for network, _ in networks.match(address)] == expected


@pytest.mark.parametrize(
    ("written", "address", "name"),
    [
        ("::ffff:10.0.0.0/104", "10.1.2.3", "10.0.0.0/8"),
        ("::ffff:1.2.3.4", "1.2.3.4", "1.2.3.4/32"),
        ("::ffff:0:0/96", "8.8.8.8", "0.0.0.0/0"),
        (" 172.16.0.0/12 ", "172.31.255.255", "172.16.0.0/12"),
        ("2001:DB8::/32", "2001:db8::1", "2001:db8::/32"),
    ],
)
def test_add_reads_a_network_in_its_canonical_form(written: str, address: str, name: str) -> None:
    rules = IpSet[int]()
    rules.add(written, 1)

    assert rules.match(address) == [(name, 1)]


def test_an_ipv4_mapped_address_is_never_held_by_an_ipv6_network() -> None:
    rules = IpSet[str]()
    rules.add("::/0", "all v6")
    rules.add("1.2.3.0/24", "v4")

    assert rules.match("::ffff:1.2.3.4") == [("1.2.3.0/24", "v4")]
    assert rules.match("::1") == [("::/0", "all v6")]


def test_every_value_of_a_network_is_kept_in_the_order_added() -> None:
    rules = IpSet[str]()
    rules.add("10.0.0.0/8", "first")
    rules.add("10.0.0.0/8", "second")

    assert rules.match("10.9.9.9") == [("10.0.0.0/8", "first"), ("10.0.0.0/8", "second")]
    assert len(rules) == 2


def test_len_counts_every_network_and_value(networks: IpSet[str]) -> None:
    assert len(networks) == len(NETWORKS)
    assert len(IpSet[str]()) == 0
    assert IpSet[str]().match("10.0.0.1") == []


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("10.0.0.1/8", "'10.0.0.1/8' has host bits set: did you mean 10.0.0.0/8?"),
        ("2001:db8::1/32", "did you mean 2001:db8::/32?"),
        ("10.0.0.0/33", "is not an IP address or a network"),
        ("example.com", "is not an IP address or a network"),
        ("0x7f.1", "is not an IP address or a network"),
        ("", "is not an IP address or a network"),
    ],
)
def test_add_refuses_what_is_not_a_network(written: str, why: str) -> None:
    rules = IpSet[int]()
    with pytest.raises(NetworkError) as refused:
        rules.add(written, 1)

    assert why in str(refused.value)
    assert isinstance(refused.value, ValueError)
    assert len(rules) == 0


@pytest.mark.parametrize("address", ["example.com", "10.0.0.0/8", "", "256.0.0.1"])
def test_match_refuses_what_is_not_an_address(networks: IpSet[str], address: str) -> None:
    with pytest.raises(NetworkError, match="is not an IP address"):
        networks.match(address)


type Network = ipaddress.IPv4Network | ipaddress.IPv6Network
type Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _as_ipv4(address: Address) -> Address:
    """The oracle's reading: ::ffff:a.b.c.d is a.b.c.d."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


@st.composite
def _network_and_inside(draw: st.DrawFn) -> tuple[str, Network, Address]:
    """A network as a parent might write it, the network it means, and an address in it."""
    bits = draw(st.sampled_from([32, 128]))
    length = draw(st.integers(0, bits))
    network = ipaddress.ip_network((draw(st.integers(0, 2**bits - 1)), bits)).supernet(
        new_prefix=length
    )
    inside = network.network_address + draw(st.integers(0, network.num_addresses - 1))
    if isinstance(network, ipaddress.IPv4Network) and draw(st.booleans()):
        mapped = ipaddress.IPv6Address(f"::ffff:{network.network_address}")
        return f"{mapped}/{96 + length}", network, inside
    return network.with_prefixlen, network, inside


ADDRESSES = st.one_of(
    st.ip_addresses(),
    st.ip_addresses(v=4).map(lambda address: ipaddress.IPv6Address(f"::ffff:{address}")),
)


@given(case=_network_and_inside(), mapped=st.booleans())
def test_every_address_inside_a_network_matches_it(
    case: tuple[str, Network, Address], mapped: bool
) -> None:
    written, network, inside = case
    rules = IpSet[None]()
    rules.add(written, None)
    address = (
        ipaddress.IPv6Address(f"::ffff:{inside}")
        if mapped and isinstance(inside, ipaddress.IPv4Address)
        else inside
    )

    assert rules.match(address) == [(network.with_prefixlen, None)]
    assert rules.match(str(address)) == [(network.with_prefixlen, None)]


@given(case=_network_and_inside(), address=ADDRESSES)
def test_an_address_matches_exactly_the_networks_that_hold_it(
    case: tuple[str, Network, Address], address: Address
) -> None:
    written, network, _ = case
    rules = IpSet[None]()
    rules.add(written, None)

    assert bool(rules.match(address)) is (_as_ipv4(address) in network)


@given(address=st.ip_addresses(v=4), length=st.integers(0, 32))
def test_an_ipv4_mapped_address_matches_as_its_ipv4_address(
    address: ipaddress.IPv4Address, length: int
) -> None:
    rules = IpSet[None]()
    rules.add(str(ipaddress.ip_network((address, length), strict=False)), None)

    assert rules.match(f"::ffff:{address}") == rules.match(address) != []
