"""MemoryLists: the national blocklist and category lists held in memory."""

import dataclasses

import pytest

from rules.categories import Category
from rules.lists import ListHit, MemoryLists, NationalHit
from rules.national import LEGAL_BASIS, Protocol, Target, TargetKind
from rules.text import Language
from tests.rules.factories import national_entry, url

ENTRY = national_entry(
    (TargetKind.DOMAIN, "casino.kz"),
    (TargetKind.URL, "news.kz/banned"),
    (TargetKind.IP, "203.0.113.7"),
    (TargetKind.CIDR, "198.51.100.0/24"),
    (TargetKind.IP, "2001:db8::7"),
)


def national_lists() -> MemoryLists:
    lists = MemoryLists()
    lists.add_national(ENTRY)
    return lists


@pytest.mark.parametrize(
    ("address", "server_ip", "kind", "value"),
    [
        ("https://casino.kz/", None, TargetKind.DOMAIN, "casino.kz"),
        ("https://live.casino.kz/x", None, TargetKind.DOMAIN, "casino.kz"),
        ("http://news.kz/banned", None, TargetKind.URL, "news.kz/banned"),
        ("https://www.news.kz/banned/2026/", None, TargetKind.URL, "news.kz/banned"),
        ("http://203.0.113.7/", None, TargetKind.IP, "203.0.113.7"),
        ("http://0xcb.0.113.7/", None, TargetKind.IP, "203.0.113.7"),  # another spelling
        ("https://mirror.test/", "203.0.113.7", TargetKind.IP, "203.0.113.7"),
        ("http://198.51.100.1/", None, TargetKind.CIDR, "198.51.100.0/24"),
        ("https://mirror.test/", "198.51.100.254", TargetKind.CIDR, "198.51.100.0/24"),
        ("https://mirror.test/", "::ffff:198.51.100.3", TargetKind.CIDR, "198.51.100.0/24"),
        ("http://[2001:db8::7]/", None, TargetKind.IP, "2001:db8::7"),
        ("https://mirror.test/", "2001:db8::7", TargetKind.IP, "2001:db8::7"),
    ],
)
def test_national_hit_by_domain_url_and_address(
    address: str, server_ip: str | None, kind: TargetKind, value: str
) -> None:
    hit = national_lists().national_hit(url(address), server_ip)
    assert hit == NationalHit(ENTRY, Target(kind, value))


@pytest.mark.parametrize(
    ("address", "server_ip"),
    [
        ("https://notcasino.kz/", None),
        ("https://casino.kz.test/", None),
        ("http://news.kz/", None),
        ("http://news.kz/banned-not", None),
        ("http://203.0.113.8/", None),
        ("https://mirror.test/", "198.51.101.1"),
        ("https://mirror.test/", None),
        ("https://mirror.test/", "mirror.test"),  # a name is not an address
    ],
)
def test_national_misses(address: str, server_ip: str | None) -> None:
    assert national_lists().national_hit(url(address), server_ip) is None


def test_empty_lists_answer_nothing() -> None:
    lists = MemoryLists()
    assert lists.national_hit(url("https://casino.kz/"), "203.0.113.7") is None
    assert list(lists.category_hits("casino.kz")) == []


def test_domain_target_is_tried_before_url_and_address() -> None:
    hit = national_lists().national_hit(url("http://casino.kz/"), "203.0.113.7")
    assert hit is not None
    assert hit.target == Target(TargetKind.DOMAIN, "casino.kz")
    hit = national_lists().national_hit(url("http://news.kz/banned"), "203.0.113.7")
    assert hit is not None
    assert hit.target.kind is TargetKind.URL


def test_each_entry_keeps_its_own_notification() -> None:
    lists = national_lists()
    other = national_entry((TargetKind.DOMAIN, "bet.kz"), reference="KZ-409-0099")
    lists.add_national(other)
    hit = lists.national_hit(url("https://bet.kz/"), None)
    assert hit is not None
    assert hit.entry.reference == "KZ-409-0099"
    hit = lists.national_hit(url("https://casino.kz/"), None)
    assert hit is not None
    assert hit.entry is ENTRY


def test_category_hits_most_specific_first() -> None:
    lists = MemoryLists()
    lists.add_domain("example.com", Category.EDUCATION, "school-list")
    lists.add_domain("games.example.com", Category.GAMES, "ut1-games")
    lists.add_domain("games.example.com", Category.GAMBLING, "ut1-gambling")
    lists.add_domain("other.com", Category.CHAT, "ut1-chat")
    assert list(lists.category_hits("play.games.example.com")) == [
        ListHit("ut1-games", Category.GAMES, "games.example.com"),
        ListHit("ut1-gambling", Category.GAMBLING, "games.example.com"),
        ListHit("school-list", Category.EDUCATION, "example.com"),
    ]
    assert list(lists.category_hits("example.com")) == [
        ListHit("school-list", Category.EDUCATION, "example.com")
    ]
    assert list(lists.category_hits("notexample.com")) == []


def test_category_domain_spellings_are_normalised() -> None:
    lists = MemoryLists()
    lists.add_domain("*.Casino.example.", Category.GAMBLING, "list")
    assert [hit.matched for hit in lists.category_hits("www.casino.example")] == ["casino.example"]


def test_national_record_carries_the_form_fields() -> None:
    assert ENTRY.protocol is Protocol.ANY
    assert [t.kind for t in ENTRY.targets][:3] == [
        TargetKind.DOMAIN,
        TargetKind.URL,
        TargetKind.IP,
    ]
    assert "41-1" in LEGAL_BASIS.get(Language.RU)
    assert "41-1" in LEGAL_BASIS.get(Language.KK)
    assert "On Communications" in LEGAL_BASIS.get(Language.EN)


# Regression: rules/lists.py:57 the match on target.kind has no fallback, so a national target of
# a kind MemoryLists cannot file is dropped without a word: the national list would fail
# open. rules/national_format.py validates kinds, but NationalEntry/Target do not.
def test_a_national_target_that_cannot_be_filed_is_refused() -> None:
    entry = national_entry((TargetKind.DOMAIN, "casino.kz"))
    odd = Target("asn", "AS64500")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="asn"):
        MemoryLists().add_national(dataclasses.replace(entry, targets=(odd,)))
