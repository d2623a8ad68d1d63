"""Compiled lists: the same answers as the in-memory lists, from one buffer."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rules import compiled
from rules.categories import Category
from rules.compiled import MAGIC, CompiledLists, CompiledListsError, fingerprint
from rules.compiled_build import ListCompiler
from rules.lists import LayeredLists, ListHit, MemoryLists
from rules.national import NationalEntry, Protocol, Target, TargetKind
from rules.national_format import national_list_from_dict
from rules.urls import normalize_url

P, G = Category.PORNOGRAPHY, Category.GAMBLING


def entry(reference: str, *targets: tuple[TargetKind, str]) -> NationalEntry:
    from datetime import date

    return NationalEntry(
        reference, "violation", "norm", tuple(Target(k, v) for k, v in targets),
        Protocol.ANY, date(2026, 11, 1), "authority",
    )  # fmt: skip


NATIONAL = [
    entry("N-1", (TargetKind.DOMAIN, "casino.test")),
    entry("N-2", (TargetKind.URL, "https://forum.example/threads/bad"),
          (TargetKind.URL, "http://www.forum.example/search?q=x")),
    entry("N-3", (TargetKind.IP, "192.0.2.66"), (TargetKind.CIDR, "198.51.100.0/24"),
          (TargetKind.CIDR, "2001:db8:66::/48"), (TargetKind.CIDR, "::ffff:203.0.113.0/120"),
          (TargetKind.CIDR, "2001:db8:77::/112")),
]  # fmt: skip


def build(
    domains: list[tuple[str, str, Category]] = (),  # type: ignore[assignment]
    exceptions: list[tuple[str, str]] = (),  # type: ignore[assignment]
    national: list[NationalEntry] = (),  # type: ignore[assignment]
) -> tuple[bytes, ListCompiler, dict[int, int]]:
    compiler = ListCompiler()
    for domain, name, category in domains:
        compiler.add_domain(domain, compiler.category_tag(name, category))
    for domain, name in exceptions:
        compiler.add_domain(domain, compiler.exception_tag(name))
    for item in national:
        compiler.add_national(item)
    pieces, duplicates = compiler.compile({"built_at": "2026-11-22T10:00", "national_sha256": None})
    return b"".join(pieces), compiler, dict(duplicates)


def test_categories_cover_subdomains_most_specific_first() -> None:
    data, _, duplicates = build(
        [("example.com", "ut1", P), ("games.example.com", "starter", G),
         ("example.com", "starter", G), ("example.com", "ut1", P)]
    )  # fmt: skip
    lists = CompiledLists(data)
    assert duplicates == {0: 1}
    assert len(lists) == 2
    assert list(lists.category_hits("a.games.example.com")) == [
        ListHit("starter", G, "games.example.com"),
        ListHit("ut1", P, "example.com"),
        ListHit("starter", G, "example.com"),
    ]
    assert lists.category_hits("notexample.com") == []
    assert lists.category_hits("com") == []
    assert lists.checksum_ok()
    assert lists.meta["built_at"] == "2026-11-22T10:00"


def test_an_exception_hides_its_own_list_below_it() -> None:
    data, _, _ = build(
        [("ads.example", "adblock", G), ("ads.example", "other", P)],
        [("good.ads.example", "adblock")],
    )
    lists = CompiledLists(data)
    assert [h.list_name for h in lists.category_hits("x.good.ads.example")] == ["other"]
    assert [h.list_name for h in lists.category_hits("bad.ads.example")] == ["adblock", "other"]


def test_addresses_are_looked_up_as_themselves_only() -> None:
    data, _, _ = build([("192.0.2.1", "ut1", P), ("10.192.0.2", "ut1", G), ("0.2.example", "b", G)])
    lists = CompiledLists(data)
    assert lists.category_hits("192.0.2.1") == [ListHit("ut1", P, "192.0.2.1")]
    assert lists.category_hits("10.192.0.2") == [ListHit("ut1", G, "10.192.0.2")]
    assert lists.category_hits("198.51.0.2") == []
    assert lists.category_hits("10.0.2.1") == []


@pytest.mark.parametrize("partial", ["2.1", "0.2.1", "7"])
def test_a_partial_address_is_not_filed(partial: str) -> None:
    with pytest.raises(ValueError, match="not a normalised host"):
        ListCompiler().add_domain(partial, 0)


@pytest.mark.parametrize(
    ("url", "server_ip", "reference", "matched"),
    [
        ("http://www.casino.test/", None, "N-1", "casino.test"),
        ("https://forum.example/threads/bad/page", None, "N-2", "https://forum.example/threads/bad"),
        ("https://www.forum.example/search?q=x&p=2", None, "N-2", "http://www.forum.example/search?q=x"),
        ("http://192.0.2.66/", None, "N-3", "192.0.2.66"),
        ("http://198.51.100.200/", None, "N-3", "198.51.100.0/24"),
        ("http://[2001:db8:66::5]/", None, "N-3", "2001:db8:66::/48"),
        ("http://[::ffff:198.51.100.9]/", None, "N-3", "198.51.100.0/24"),
        ("http://203.0.113.9/", None, "N-3", "::ffff:203.0.113.0/120"),
        ("http://innocent.example/", "192.0.2.66", "N-3", "192.0.2.66"),
        ("http://innocent.example/", "::ffff:192.0.2.66", "N-3", "192.0.2.66"),
        ("http://[2001:db8:77::9]/", None, "N-3", "2001:db8:77::/112"),
        ("http://category-only.test/", None, None, None),
        ("https://forum.example/threads/good", None, None, None),
        ("https://forum.example/search?q=y", None, None, None),
        ("http://192.0.2.67/", "10.0.0.1", None, None),
        ("http://[2001:db8:67::1]/", None, None, None),
        ("http://other.example/", None, None, None),
    ],
)  # fmt: skip
def test_national_targets(
    url: str, server_ip: str | None, reference: str | None, matched: str | None
) -> None:
    lists = CompiledLists(build([("category-only.test", "ut1", G)], national=NATIONAL)[0])
    hit = lists.national_hit(normalize_url(url), server_ip)
    assert (hit and hit.entry.reference, hit and hit.target.value) == (reference, matched)
    again = lists.national_hit(normalize_url(url), server_ip)
    assert again == hit
    assert lists.entry(0) is lists.entry(0)


def test_the_national_part_can_be_switched_off() -> None:
    data, _, _ = build([("casino.test", "ut1", G)], national=NATIONAL)
    assert CompiledLists(data).national_url_sites == {"forum.example"}
    lists = CompiledLists(data, national=False)
    assert lists.national_url_sites == frozenset()
    assert lists.national_hit(normalize_url("http://casino.test/"), None) is None
    assert lists.category_hits("casino.test") == [ListHit("ut1", G, "casino.test")]


def test_lists_without_sites_or_addresses_skip_those_lookups() -> None:
    lists = CompiledLists(build([("casino.test", "ut1", G)])[0])
    assert lists.national_hit(normalize_url("http://192.0.2.66/"), "192.0.2.66") is None
    assert CompiledLists(build()[0]).category_hits("a.example") == []


def test_the_sample_national_list_compiles() -> None:
    with open("assets/lists/national-sample.json", encoding="utf-8") as file:
        entries = national_list_from_dict(json.load(file))
    lists = CompiledLists(build(national=entries)[0])
    hit = lists.national_hit(normalize_url("https://forum.example/threads/harmful-sample"), None)
    assert hit is not None and hit.entry.reference == "SAMPLE-2026-0002"


def test_group_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compiled, "_CACHED_GROUPS", 2)
    data, _, _ = build([(f"d{i}.example", f"list{i}", P) for i in range(5)])
    lists = CompiledLists(data)
    for i in range(5):
        assert lists.category_hits(f"d{i}.example")[0].list_name == f"list{i}"
    assert len(lists._group_cache) <= 2


def damaged(data: bytes, change: str) -> bytes:
    length = int.from_bytes(data[8:12], "little")
    header = json.loads(data[16 : 16 + length])
    body = data[16 + length :]
    if change == "byteorder":
        header["byteorder"] = "big" if header["byteorder"] == "little" else "little"
    elif change == "sections":
        del header["sections"]["records"]
    elif change == "bits":
        header["bucket_bits"] += 1
    text = json.dumps(header).encode().ljust(length)
    return data[:16] + text + body


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda data: b"PK\x03\x04" + data[4:], "not a compiled Qorgan lists file"),
        (lambda data: data[:4], "not a compiled Qorgan lists file"),
        (lambda data: data[:12] + (9).to_bytes(4, "little") + data[16:], "format 9"),
        (lambda data: damaged(data, "byteorder"), "another byte order"),
        (lambda data: damaged(data, "sections"), "damaged compiled lists file ('records')"),
        (lambda data: damaged(data, "bits"), "sections do not add up"),
        (lambda data: data[:-64], "sections do not add up"),
    ],
)
def test_a_damaged_file_is_refused(make: object, message: str) -> None:
    data = build([("a.example", "ut1", P)], national=NATIONAL)[0]
    assert data.startswith(MAGIC)
    with pytest.raises(CompiledListsError, match=message.replace("(", r"\(").replace(")", r"\)")):
        CompiledLists(make(data))  # type: ignore[operator]


def test_a_changed_byte_fails_the_checksum() -> None:
    data = bytearray(build([("a.example", "ut1", P)])[0])
    data[-9] ^= 0xFF
    assert not CompiledLists(bytes(data)).checksum_ok()


def test_a_crc_collision_is_told_apart_by_the_check_value() -> None:
    # A known CRC-32 collision pair; a common suffix keeps them colliding.
    first, second = b"plumless.test", b"buckeroo.test"
    assert fingerprint(first) >> 32 == fingerprint(second) >> 32
    lists = CompiledLists(build([("plumless.test", "ut1", P)])[0])
    assert lists.category_hits("plumless.test") != []
    assert lists.category_hits("buckeroo.test") == []
    both = CompiledLists(build([("plumless.test", "a", P), ("buckeroo.test", "b", G)])[0])
    assert both.category_hits("buckeroo.test") == [ListHit("b", G, "buckeroo.test")]
    assert both.category_hits("plumless.test") == [ListHit("a", P, "plumless.test")]


def test_a_listed_top_level_domain_covers_every_name_under_it() -> None:
    tld = entry("N-9", (TargetKind.DOMAIN, "casino"))
    lists = CompiledLists(build([("xxx", "ut1", P)], national=[tld])[0])
    assert lists.category_hits("www.site.xxx") == [ListHit("ut1", P, "xxx")]
    both = CompiledLists(build([("xxx", "ut1", P), ("site.xxx", "games", G)])[0])
    assert both.category_hits("www.site.xxx") == [
        ListHit("games", G, "site.xxx"),
        ListHit("ut1", P, "xxx"),
    ]
    assert lists.category_hits("site.xx") == []
    hit = lists.national_hit(normalize_url("http://play.casino/"), None)
    assert hit is not None and hit.target.value == "casino"


LABEL = st.text("abcdefghij-", min_size=1, max_size=4).filter(lambda t: t.strip("-") == t)
DOMAIN = st.lists(LABEL, min_size=1, max_size=4).map(".".join)


@settings(max_examples=60, deadline=None)
@given(
    listed=st.lists(st.tuples(DOMAIN, st.sampled_from(["a", "b"]), st.sampled_from([P, G]))),
    asked=st.lists(DOMAIN, max_size=10),
)
def test_compiled_and_memory_lists_agree(
    listed: list[tuple[str, str, Category]], asked: list[str]
) -> None:
    memory = MemoryLists()
    for domain, name, category in listed:
        memory.add_domain(domain, category, name)
    lists = CompiledLists(build(listed)[0])
    for host in asked + [domain for domain, _, _ in listed]:
        assert set(lists.category_hits(host)) == set(memory.category_hits(host))


def test_layered_lists_ask_every_layer() -> None:
    lists = LayeredLists([CompiledLists(build([("example.com", "ut1", P)], national=NATIONAL)[0])])
    lists.add_domain("www.example.com", G, "starter")
    lists.add_national(entry("M-1", (TargetKind.DOMAIN, "memory.test")))
    assert [h.matched for h in lists.category_hits("www.example.com")] == [
        "www.example.com",
        "example.com",
    ]
    memory_hit = lists.national_hit(normalize_url("http://memory.test/"), None)
    compiled_hit = lists.national_hit(normalize_url("http://casino.test/"), None)
    assert memory_hit is not None and memory_hit.entry.reference == "M-1"
    assert compiled_hit is not None and compiled_hit.entry.reference == "N-1"
    assert lists.national_hit(normalize_url("http://nothing.test/"), None) is None
    alone = LayeredLists()
    alone.add_domain("b.example", G, "starter")
    assert alone.category_hits("a.b.example") == [ListHit("starter", G, "b.example")]


def test_a_crc_collision_among_sites_and_addresses_is_told_apart() -> None:
    pages = entry("N-7", (TargetKind.URL, "https://plumless.test/bad"))
    lists = CompiledLists(build(national=[pages])[0])
    assert lists.national_hit(normalize_url("https://plumless.test/bad/1"), None) is not None
    assert lists.national_hit(normalize_url("https://buckeroo.test/bad/1"), None) is None


def test_a_deep_national_name_is_found_below_its_parents() -> None:
    deep = entry("N-8", (TargetKind.DOMAIN, "news.blog.platform.test"))
    lists = CompiledLists(build([("platform.test", "ut1", G)], national=[deep])[0])
    hit = lists.national_hit(normalize_url("https://m.news.blog.platform.test/"), None)
    assert hit is not None and hit.target.value == "news.blog.platform.test"
    assert lists.national_hit(normalize_url("https://blog.platform.test/"), None) is None
    assert lists.category_hits("m.news.blog.platform.test") == [ListHit("ut1", G, "platform.test")]


def test_one_compiled_layer_answers_alone_until_memory_is_added() -> None:
    compiled = CompiledLists(build([("example.com", "ut1", P)], national=NATIONAL)[0])
    lists = LayeredLists([compiled])
    assert lists.category_hits("a.example.com") == [ListHit("ut1", P, "example.com")]
    hit = lists.national_hit(normalize_url("http://casino.test/"), None)
    assert hit is not None and hit.entry.reference == "N-1"
    lists.add_domain("a.example.com", G, "starter")
    assert lists.category_hits("a.example.com") == [
        ListHit("starter", G, "a.example.com"),
        ListHit("ut1", P, "example.com"),
    ]
    lists.add_national(entry("M-2", (TargetKind.DOMAIN, "example.com")))
    memory_hit = lists.national_hit(normalize_url("http://example.com/"), None)
    assert memory_hit is not None and memory_hit.entry.reference == "M-2"


def test_two_compiled_layers_are_both_asked() -> None:
    first = CompiledLists(build([("example.com", "a", P)])[0])
    second = CompiledLists(build([("www.example.com", "b", G), ("games.test", "b", G)])[0])
    lists = LayeredLists([first, second])
    assert lists.category_hits("games.test") == [ListHit("b", G, "games.test")]
    assert lists.category_hits("www.example.com") == [
        ListHit("b", G, "www.example.com"),
        ListHit("a", P, "example.com"),
    ]


def test_an_exception_alone_gives_no_category() -> None:
    data, _, _ = build([("ads.example", "other", P)], [("ads.example", "adblock")])
    lists = CompiledLists(data)
    assert lists.category_hits("ads.example") == [ListHit("other", P, "ads.example")]
    alone = CompiledLists(build(exceptions=[("ok.example", "adblock")])[0])
    assert alone.category_hits("www.ok.example") == []
