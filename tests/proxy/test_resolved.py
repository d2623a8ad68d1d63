"""The resolved-names addon remembers what the DNS stub answered, per name and per address."""

import ipaddress
from ipaddress import IPv4Address, IPv6Address

import pytest
from mitmproxy import dns
from mitmproxy.test import tflow

from proxy.resolved import REMEMBER_FOR, ResolvedNames, address_key


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def answered(name: str, *records: dns.ResourceRecord) -> dns.DNSFlow:
    flow = tflow.tdnsflow()
    flow.request.questions = [dns.Question(name, 1, 1)]
    flow.response = flow.request.succeed(list(records))
    return flow


def test_the_stubs_answers_are_kept_for_the_name_asked() -> None:
    resolved = ResolvedNames(Clock())
    flow = answered(
        "WWW.Example.COM.",
        dns.ResourceRecord.CNAME("www.example.com", "edge.cdn.example"),
        dns.ResourceRecord.A("edge.cdn.example", IPv4Address("198.51.100.7")),
        dns.ResourceRecord.AAAA("edge.cdn.example", IPv6Address("2001:db8::7")),
    )
    resolved.dns_response(flow)
    assert resolved.gave("www.example.com", "198.51.100.7")
    assert resolved.gave("www.example.com.", "[2001:db8::7]")
    assert resolved.gave("www.example.com", "::ffff:198.51.100.7")  # the same address
    assert not resolved.gave("edge.cdn.example", "198.51.100.7")  # not a name asked
    assert not resolved.gave("www.example.com", "198.51.100.8")
    assert not resolved.gave("www.example.com", "not-an-address")
    assert resolved.names("198.51.100.7") == ["www.example.com"]
    assert resolved.names("203.0.113.1") == [] and resolved.names("nonsense") == []


def test_failed_and_unanswered_questions_add_nothing() -> None:
    resolved = ResolvedNames(Clock())
    failed = answered("example.com", dns.ResourceRecord.A("example.com", IPv4Address("1.2.3.4")))
    failed.error = tflow.terr()
    resolved.dns_response(failed)
    resolved.dns_response(tflow.tdnsflow())  # no response at all
    resolved.dns_response(answered("example.com", dns.ResourceRecord.TXT("example.com", "x")))
    assert resolved.names("1.2.3.4") == []
    resolved.add("example.com", "not an address")
    assert resolved.names("1.2.3.4") == []


def test_an_answer_is_kept_an_hour_or_its_ttl_if_longer() -> None:
    clock = Clock()
    resolved = ResolvedNames(clock)
    resolved.add("short.example", "192.0.2.1", ttl=30)
    resolved.add("long.example", "192.0.2.1", ttl=2 * REMEMBER_FOR)
    clock.now += REMEMBER_FOR + 1
    assert not resolved.gave("short.example", "192.0.2.1")
    assert resolved.names("192.0.2.1") == ["long.example"]


def test_memory_stays_bounded_expired_answers_first() -> None:
    clock = Clock()
    resolved = ResolvedNames(clock, limit=3)
    resolved.add("old.example", "192.0.2.1")
    clock.now += REMEMBER_FOR + 1
    resolved.add("a.example", "192.0.2.2")
    resolved.add("b.example", "192.0.2.3")
    resolved.add("c.example", "192.0.2.4")  # the limit: the expired one goes
    assert resolved.names("192.0.2.4") == ["c.example"]
    assert resolved.names("192.0.2.2") == ["a.example"]
    resolved.add("d.example", "192.0.2.5")  # all three live: start again
    assert resolved.names("192.0.2.2") == [] and resolved.gave("d.example", "192.0.2.5")


def test_addresses_have_one_spelling() -> None:
    assert address_key("::FFFF:10.0.0.1") == "10.0.0.1"
    assert address_key("[fe80::1%eth0]") == "fe80::1"
    assert address_key("example.com") is None


@pytest.mark.parametrize(
    "text",
    ["10.0.0.1", "10.0.0.1%eth0", "[::1]", "::1", "1.2.3", "999.1.1.1", "a1", "1.2.3.4.", "",
     "[]", "%", "example.com", "fe80::1%", "0x7f.1", "1.2.3.4%25zone", "[::ffff:1.2.3.4]:443"],
)  # fmt: skip
def test_a_name_is_told_from_an_address_as_ipaddress_tells_it(text: str) -> None:
    try:
        parsed = ipaddress.ip_address(text.strip("[]").split("%")[0])
    except ValueError:
        assert address_key(text) is None
    else:
        assert address_key(text) in {str(parsed), str(getattr(parsed, "ipv4_mapped", None))}
