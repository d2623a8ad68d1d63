"""Tests for host normalisation and domain-suffix matching."""

import ipaddress

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rules.hosts import (
    DomainSet,
    HostError,
    domain_matches,
    host_suffixes,
    normalize_host,
    parse_ip,
)

LABELS = st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True)
TLDS = st.from_regex(r"[a-z]{2,6}", fullmatch=True)
DOMAINS = st.builds(
    lambda labels, tld: ".".join([*labels, tld]), st.lists(LABELS, max_size=3), TLDS
)
IPV4S = st.ip_addresses(v=4)
HOST_LIKE = st.one_of(
    DOMAINS,
    st.from_regex(r"[A-Za-z0-9ҚқӘә.\-\uff0e\u3002]{1,24}(:[0-9]{0,5})?", fullmatch=True),
    st.ip_addresses().map(str),
    st.ip_addresses(v=6).map(lambda address: f"[{address}]:443"),
    st.integers(0, 2**32 - 1).map(hex),
    st.text(max_size=24),
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("example.com", "example.com"),
        ("  Example.COM  ", "example.com"),
        ("example.com.", "example.com"),
        ("example.com..", "example.com"),
        ("example.com:8080", "example.com"),
        ("example.com:", "example.com"),
        ("a_b-c.example.com", "a_b-c.example.com"),
        ("Қазақстан.ҚАЗ", "қазақстан.қаз".encode("idna").decode()),
        ("Қазақстан.ҚАЗ", "xn--80aaa0a6awh12ed.xn--80ao21a"),
        ("bücher.de", "xn--bcher-kva.de"),
        ("xn--bcher-kva.de", "xn--bcher-kva.de"),
        # Full-width letters and dots are read as plain ones by browsers.
        ("ｅｘａｍｐｌｅ．com", "example.com"),
        ("example\u3002com", "example.com"),
        # A soft hyphen is invisible and dropped by browsers.
        ("exa\u00admple.com", "example.com"),
        ("exa\u200dmple.com", "example.com"),
        ("1.2.3.4", "1.2.3.4"),
        ("1.2.3.4:80", "1.2.3.4"),
        ("1.2.3.4.", "1.2.3.4"),
        # The IPv4 spellings of the WHATWG URL Standard: a known filter bypass.
        ("0x7f.1", "127.0.0.1"),
        ("0X7F.0.0.1", "127.0.0.1"),
        ("2130706433", "127.0.0.1"),
        ("0x7f000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("017700000001", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("127.0.1", "127.0.0.1"),
        ("0x.0.0.0", "0.0.0.0"),
        ("00.0.0.0", "0.0.0.0"),
        ("１２７.０.０.１", "127.0.0.1"),
        ("::1", "::1"),
        ("[::1]", "::1"),
        ("[::1]:443", "::1"),
        ("[::1]:", "::1"),
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("[2001:0db8::0001]:8443", "2001:db8::1"),
        ("::ffff:1.2.3.4", "1.2.3.4"),
        ("[::FFFF:7f00:1]:80", "127.0.0.1"),
        ("a" * 63 + ".com", "a" * 63 + ".com"),
        (".".join(["a" * 63] * 3 + ["b" * 61]), ".".join(["a" * 63] * 3 + ["b" * 61])),
    ],
)
def test_normalize_host_gives_the_canonical_spelling(raw: str, expected: str) -> None:
    assert normalize_host(raw) == expected


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        (".", "it is empty"),
        (":80", "it is empty"),
        ("exa mple.com", "only letters, digits"),
        ("exa!mple.com", "only letters, digits"),
        ("a..b", "empty part"),
        (".example.com", "empty part"),
        ("a" * 64 + ".com", "longer than 63"),
        (".".join(["a" * 63] * 3 + ["b" * 62]), "longer than 253"),
        ("example.com:http", "port must be a number"),
        ("example.com:８０", "port must be a number"),
        ("[::1]x", "not a valid IPv6"),
        ("[example.com]", "not a valid IPv6"),
        ("1:2:3", "not a valid IPv6"),
        ("example.123", "'example' is not a number"),
        ("example.0x", "'example' is not a number"),
        ("09.0.0.1", "'09' is not a number"),
        ("1.2.3.4.5", "at most 4 parts"),
        ("256.0.0.1", "too large"),
        ("1.2.3.256", "too large"),
        ("1.2.65536", "too large"),
        ("4294967296", "too large"),
        ("a\ufffd.com", "cannot be written in punycode"),
        ("\u0627\u0031.com", "cannot be written in punycode"),
        ("\u00ad.com", "cannot be written in punycode"),
        ("ü" * 60 + ".com", "cannot be written in punycode"),
    ],
)
def test_normalize_host_refuses_what_no_site_can_be_called(raw: str, why: str) -> None:
    with pytest.raises(HostError) as refused:
        normalize_host(raw)
    message = str(refused.value)
    assert message.startswith(f"{raw.strip()!r} is not a valid host name")
    assert why in message


def test_host_error_is_a_value_error_a_parent_can_read() -> None:
    with pytest.raises(ValueError, match=r"^'exa mple\.com' is not a valid host name"):
        normalize_host("exa mple.com")


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("1.2.3.4", ipaddress.IPv4Address("1.2.3.4")),
        ("2001:db8::1", ipaddress.IPv6Address("2001:db8::1")),
        ("example.com", None),
        ("com", None),
    ],
)
def test_parse_ip_tells_addresses_from_names(
    host: str, expected: ipaddress.IPv4Address | ipaddress.IPv6Address | None
) -> None:
    assert parse_ip(host) == expected


def _ip_or_none(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


@pytest.mark.parametrize("host", ["", "1.2.3.4 ", "1.2.3.", "a.1", "fe80::1%eth0", "١.٢.٣.٤", "::"])
def test_parse_ip_answers_as_ipaddress_on_odd_hosts(host: str) -> None:
    assert parse_ip(host) == _ip_or_none(host)


@given(st.one_of(HOST_LIKE, st.text("0123456789.:abcdef", max_size=20)))
def test_parse_ip_answers_as_ipaddress_does(host: str) -> None:
    assert parse_ip(host) == _ip_or_none(host)


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("a.b.example.com", ["a.b.example.com", "b.example.com", "example.com", "com"]),
        ("example.com", ["example.com", "com"]),
        ("localhost", ["localhost"]),
        ("10.1.2.3", ["10.1.2.3"]),
        ("2001:db8::1", ["2001:db8::1"]),
    ],
)
def test_host_suffixes_go_from_the_host_to_its_top_level_domain(
    host: str, expected: list[str]
) -> None:
    assert list(host_suffixes(host)) == expected


@pytest.mark.parametrize(
    ("host", "domain", "expected"),
    [
        ("example.com", "example.com", True),
        ("www.example.com", "example.com", True),
        ("a.b.example.com", "example.com", True),
        ("example.com", "com", True),
        ("ample.com", "example.com", False),
        ("xample.com", "example.com", False),
        ("badexample.com", "example.com", False),
        ("example.com", "www.example.com", False),
        ("example.com.evil.net", "example.com", False),
        ("1.2.3.4", "1.2.3.4", True),
        ("1.2.3.4", "2.3.4", False),
        ("1.2.3.4", "4", False),
    ],
)
def test_domain_matches_only_on_a_label_boundary(host: str, domain: str, expected: bool) -> None:
    assert domain_matches(host, domain) is expected


def test_domain_set_matches_a_domain_and_its_parents_most_specific_first() -> None:
    domains = DomainSet[str]()
    domains.add("com", "tld")
    domains.add("example.com", "site")
    domains.add("a.example.com", "sub")
    domains.add("other.com", "other")

    assert domains.match("x.a.example.com") == [
        ("a.example.com", "sub"),
        ("example.com", "site"),
        ("com", "tld"),
    ]
    assert domains.match("example.com") == [("example.com", "site"), ("com", "tld")]
    assert domains.match("example.org") == []


@pytest.mark.parametrize(
    "written", ["example.com", "*.example.com", ".example.com", " EXAMPLE.com. ", "Example.com:443"]
)
def test_domain_set_reads_every_way_of_writing_a_domain_as_the_domain(written: str) -> None:
    domains = DomainSet[int]()
    domains.add(written, 1)

    assert list(domains.domains()) == ["example.com"]
    assert domains.match("example.com") == [("example.com", 1)]
    assert domains.match("www.example.com") == [("example.com", 1)]
    assert domains.match("ample.com") == []


def test_domain_set_keeps_every_value_of_a_domain_in_the_order_added() -> None:
    domains = DomainSet[str]()
    domains.add("example.com", "first")
    domains.add("*.example.com", "second")
    domains.add("kz", "third")

    assert domains.match("www.example.com") == [("example.com", "first"), ("example.com", "second")]
    assert len(domains) == 3
    assert sorted(domains.domains()) == ["example.com", "kz"]


def test_domain_set_contains_a_host_that_a_domain_covers() -> None:
    domains = DomainSet[None]()
    assert len(domains) == 0
    assert "example.com" not in domains

    domains.add("example.com", None)

    assert "example.com" in domains
    assert "cdn.example.com" in domains
    assert "ample.com" not in domains
    assert "example.com.kz" not in domains


def test_domain_set_files_ip_literals_under_their_canonical_address() -> None:
    domains = DomainSet[str]()
    domains.add("0x7f.1", "loopback")
    domains.add("[::ffff:10.0.0.1]", "mapped")

    assert domains.match("127.0.0.1") == [("127.0.0.1", "loopback")]
    assert domains.match("10.0.0.1") == [("10.0.0.1", "mapped")]
    assert domains.match("0.0.1") == []


@pytest.mark.parametrize("written", ["", "*.", ".", "exa mple.com", "a..b"])
def test_domain_set_refuses_an_invalid_domain(written: str) -> None:
    domains = DomainSet[int]()
    with pytest.raises(HostError):
        domains.add(written, 1)
    assert len(domains) == 0


@given(domain=DOMAINS, subdomain=st.lists(LABELS, min_size=1, max_size=3))
def test_a_subdomain_is_always_covered(domain: str, subdomain: list[str]) -> None:
    host = ".".join([*subdomain, domain])
    domains = DomainSet[str]()
    domains.add(domain, "rule")

    assert domain_matches(host, domain)
    assert (domain, "rule") in domains.match(host)
    assert host in domains


@given(domain=DOMAINS, prefix=LABELS)
def test_a_name_that_merely_ends_like_a_domain_is_never_covered(domain: str, prefix: str) -> None:
    sibling = prefix + domain
    domains = DomainSet[str]()
    domains.add(domain, "rule")

    assert not domain_matches(sibling, domain)
    assert domains.match(sibling) == []
    assert sibling not in domains


@given(raw=HOST_LIKE)
def test_normalize_host_is_idempotent(raw: str) -> None:
    try:
        once = normalize_host(raw)
    except HostError:
        assume(False)
        raise
    assert normalize_host(once) == once
    assert once.isascii()
    assert once == once.lower()


@given(domain=DOMAINS, trailing_dot=st.booleans(), port=st.none() | st.integers(0, 65535))
def test_case_trailing_dot_and_port_do_not_change_a_name(
    domain: str, trailing_dot: bool, port: int | None
) -> None:
    written = domain.upper() + ("." if trailing_dot else "") + ("" if port is None else f":{port}")
    assert normalize_host(written) == domain


@given(address=IPV4S)
def test_every_browser_spelling_of_an_ipv4_address_is_that_address(
    address: ipaddress.IPv4Address,
) -> None:
    a, b, c, d = address.packed
    number = int(address)
    spellings = [
        str(number),
        hex(number),
        "0" + format(number, "o"),
        f"{a}.{b}.{(c << 8) + d}",
        f"{a}.{(b << 16) + (c << 8) + d}",
        f"{a:#x}.0{b:o}.{c}.{d:#x}",
        f"[::ffff:{address}]",
    ]
    assert {normalize_host(spelling) for spelling in spellings} == {str(address)}
