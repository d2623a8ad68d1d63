"""Tests for URL normalisation and URL-prefix rules."""

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rules import urls
from rules.hosts import HostError
from rules.urls import Url, UrlError, UrlPrefixSet, normalize_url

DOMAINS = st.from_regex(r"([a-z0-9-]{1,10}\.){0,2}[a-z]{2,6}", fullmatch=True)
SEGMENTS = st.from_regex(r"[A-Za-z0-9_~-]{1,8}", fullmatch=True)
PATH_TEXT = st.text(alphabet="/.%2eEfF7aқ ~?#\\:@&=", max_size=24)
URL_LIKE = st.builds(
    "{}{}{}{}{}".format,
    st.sampled_from(["", "http://", "HTTPS://", "ws://", "wss:", "//", "https:\\\\"]),
    st.sampled_from(["", "user:pw@", "a@b@"]),
    st.one_of(DOMAINS, st.just("[::1]"), st.just("0x7f.1"), st.just("Қазақстан.ҚАЗ")),
    st.sampled_from(["", ":80", ":443", ":8080", ":"]),
    PATH_TEXT,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://Host:443/a/./b/../c?x=1#frag", "https://host/a/c?x=1"),
        ("example.com/page", "http://example.com/page"),
        ("example.com", "http://example.com/"),
        ("  HTTP://EXAMPLE.com  ", "http://example.com/"),
        ("//example.com/x", "http://example.com/x"),
        ("example.com:8080/page", "http://example.com:8080/page"),
        ("localhost:8080", "http://localhost:8080/"),
        ("http://example.com:80/", "http://example.com/"),
        ("https://example.com:80/", "https://example.com:80/"),
        ("http://example.com:443/", "http://example.com:443/"),
        ("ws://example.com:80/chat", "ws://example.com/chat"),
        ("wss://example.com:443/chat", "wss://example.com/chat"),
        ("http://example.com:0080/", "http://example.com/"),
        ("http://example.com:/", "http://example.com/"),
        ("http://user:secret@example.com/", "http://example.com/"),
        # The last '@' ends the user name: the site is evil.com, not example.com.
        ("http://example.com@evil.com/", "http://evil.com/"),
        ("http://a@example.com@evil.com/", "http://evil.com/"),
        ("http://example.com?q=1", "http://example.com/?q=1"),
        ("http://example.com#top", "http://example.com/"),
        ("http://example.com/a?", "http://example.com/a"),
        ("http://example.com/a#x?y=1", "http://example.com/a"),
        ("http://example.com/a?y=1#x", "http://example.com/a?y=1"),
        # Browsers read backslashes as slashes and drop tabs and newlines.
        ("http:\\\\example.com\\a\\b", "http://example.com/a/b"),
        ("http:example.com/a", "http://example.com/a"),
        ("ht\ttp://exa\nmple.com/b\rad", "http://example.com/bad"),
        ("http://example.com/a?x=\\", "http://example.com/a?x=\\"),
        ("http://%65xample.com/", "http://example.com/"),
        ("http://Қазақстан.ҚАЗ/", "http://xn--80aaa0a6awh12ed.xn--80ao21a/"),
        ("http://0x7f.1/", "http://127.0.0.1/"),
        ("http://[::1]:8080/", "http://[::1]:8080/"),
        ("http://[::ffff:1.2.3.4]/", "http://1.2.3.4/"),
        ("http://[2001:db8::1]:80/", "http://[2001:db8::1]/"),
        ("http://example.com.:80/", "http://example.com/"),
    ],
)
def test_normalize_url_gives_the_canonical_spelling(raw: str, expected: str) -> None:
    assert str(normalize_url(raw)) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", "/"),
        ("/", "/"),
        ("/a/./b/../c", "/a/c"),
        ("/a/b/..", "/a/"),
        ("/a/b/.", "/a/b/"),
        ("/..", "/"),
        ("/../../bad", "/bad"),
        ("/./bad", "/bad"),
        ("/a/%2e%2E/bad", "/bad"),
        ("/a/.%2e/bad", "/bad"),
        ("/a/%2e/bad", "/a/bad"),
        ("//bad", "/bad"),
        ("/a///b//", "/a/b/"),
        ("/a/..//bad", "/bad"),
        ("/%7e%41%2d%5f%2e%30", "/~A-_.0"),
        ("/%2f%3a%3F%25", "/%2F%3A%3F%25"),
        ("/a%2fb/..", "/"),
        ("/қаз", "/%D2%9B%D0%B0%D0%B7"),
        ("/a b", "/a%20b"),
        ('/"<>`{}', "/%22%3C%3E%60%7B%7D"),
        ("/100%", "/100%25"),
        ("/%zz", "/%25zz"),
        ("/%%32%65", "/%252e"),
        ("/a:b@c", "/a:b@c"),
        ("/Bad", "/Bad"),
        ("/a%5Cb", "/a%5Cb"),
    ],
)
def test_normalize_url_resolves_the_path_as_the_server_will(path: str, expected: str) -> None:
    assert normalize_url("http://example.com" + path).path == expected


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("a=1&b=2", "a=1&b=2"),
        ("b=2&a=1", "b=2&a=1"),
        ("q=%7e%2f%2e", "q=~%2F."),
        ("q=a+b", "q=a+b"),
        ("q=қ", "q=%D2%9B"),
        ("q=a b", "q=a%20b"),
        ("q=100%", "q=100%25"),
        ("next=/a/../b", "next=/a/../b"),
        ("", ""),
    ],
)
def test_normalize_url_keeps_the_query_but_spells_its_escapes_one_way(
    query: str, expected: str
) -> None:
    assert normalize_url("http://example.com/p?" + query).query == expected


def test_normalize_url_splits_an_address_into_its_parts() -> None:
    url = normalize_url("HTTPS://User@WWW.Example.COM:8443/a/../B?x=%7e#frag")

    assert url == Url(scheme="https", host="www.example.com", port=8443, path="/B", query="x=~")
    assert str(url) == "https://www.example.com:8443/B?x=~"


@pytest.mark.parametrize(
    ("raw", "why"),
    [
        ("ftp://example.com/", "is not a web address"),
        ("javascript:alert(1)", "is not a web address"),
        ("mailto:child@example.com", "is not a web address"),
        ("file:///etc/passwd", "is not a web address"),
        ("example.com:/x", "is not a web address"),
        ("http://example.com:99999/", "port larger than 65535"),
        ("http://example.com:80a/", "invalid host or port"),
        ("http://::1/", "invalid host or port"),
        ("http://[::1]x/", "invalid host or port"),
        ("http://%ff.com/", "not valid UTF-8"),
        ("http://exa mple.com/", "'exa mple.com' is not a valid host name"),
        ("http:///", "it is empty"),
        ("/just/a/path", "has no host name"),
        ("\\just\\a\\path", "has no host name"),
        ("http://a..b/", "empty part"),
        ("http://example.123/", "is not a number"),
    ],
)
def test_normalize_url_refuses_what_cannot_be_filtered(raw: str, why: str) -> None:
    with pytest.raises(UrlError, match=why):
        normalize_url(raw)


def test_a_bad_host_keeps_the_host_error_message() -> None:
    with pytest.raises(UrlError) as refused:
        normalize_url("https://exa mple.com/page")

    assert isinstance(refused.value.__cause__, HostError)
    assert str(refused.value) == str(refused.value.__cause__)
    assert isinstance(refused.value, ValueError)


@pytest.mark.parametrize(
    ("rule", "address", "expected"),
    [
        ("example.com/bad", "http://example.com/bad", True),
        ("example.com/bad", "https://example.com/bad/", True),
        ("example.com/bad", "http://example.com/bad/x", True),
        ("example.com/bad", "http://example.com/bad?x=1", True),
        ("example.com/bad", "http://example.com/badger", False),
        ("example.com/bad", "http://example.com/", False),
        ("example.com/bad", "http://example.com/BAD", False),
        ("example.com/bad", "http://example.com/good/../bad", True),
        ("example.com/bad", "http://example.com//bad", True),
        ("example.com/bad", "http://example.com/%62ad", True),
        ("example.com/bad/", "http://example.com/bad/x/y", True),
        ("example.com/bad/", "http://example.com/bad", True),
        ("example.com/bad/", "http://example.com/badger", False),
        ("example.com", "http://example.com/anything/at/all", True),
        ("example.com/", "http://example.com/", True),
        ("example.com", "http://cdn.example.com/", False),
        ("example.com", "http://ample.com/", False),
        ("https://example.com/bad", "http://example.com/bad", True),
        ("http://example.com/bad", "wss://example.com/bad", True),
        ("example.com:8080/bad", "http://example.com/bad", True),
        ("example.com/bad", "http://example.com:8080/bad", True),
        ("www.example.com/bad", "http://example.com/bad", True),
        ("example.com/bad", "http://www.example.com/bad", True),
        ("www.example.com/bad", "http://www.example.com/bad", True),
        ("www.example.com/bad", "http://www2.example.com/bad", False),
        ("example.com/watch?v=abc", "http://example.com/watch?v=abc", True),
        ("example.com/watch?v=abc", "http://example.com/watch?t=10&v=abc", True),
        ("example.com/watch?v=abc", "http://example.com/watch?v=abcd", False),
        ("example.com/watch?v=abc", "http://example.com/watch", False),
        ("example.com/watch?v=abc", "http://example.com/watch/x?v=abc", False),
        ("example.com/watch?v=abc&list=1", "http://example.com/watch?list=1&v=abc", True),
        ("example.com/watch?v=abc&list=1", "http://example.com/watch?v=abc", False),
        ("example.com/watch?v=%7e", "http://example.com/watch?v=~", True),
        ("example.com/p?flag", "http://example.com/p?flag&x=1", True),
        ("example.com/p?flag", "http://example.com/p?flag=1", False),
        ("example.com/p?&", "http://example.com/p/sub", True),
        ("[::1]/admin", "http://[::1]/admin/x", True),
        ("0x7f.1/admin", "http://127.0.0.1/admin", True),
    ],
)
def test_url_prefix_rule_covers_its_page_and_the_pages_under_it(
    rule: str, address: str, expected: bool
) -> None:
    rules = UrlPrefixSet[str]()
    rules.add(rule, "rule")

    assert bool(rules.match(normalize_url(address))) is expected


def test_url_prefix_set_names_each_covering_rule_longest_path_first() -> None:
    rules = UrlPrefixSet[int]()
    rules.add("example.com", 1)
    rules.add("https://www.Example.com/a/b/", 2)
    rules.add("example.com/a", 3)
    rules.add("example.com/a/b?x=1", 4)
    rules.add("example.com/a", 5)
    rules.add("other.com/a", 6)
    rules.add("http://[2001:db8::1]:8080/a", 7)

    assert rules.match(normalize_url("http://example.com/a/b?x=1")) == [
        ("example.com/a/b?x=1", 4),
        ("www.example.com/a/b/", 2),
        ("example.com/a", 3),
        ("example.com/a", 5),
        ("example.com/", 1),
    ]
    assert rules.match(normalize_url("http://[2001:db8::1]/a")) == [("[2001:db8::1]/a", 7)]
    assert rules.match(normalize_url("http://example.org/a")) == []
    assert len(rules) == 7


def test_an_empty_url_prefix_set_matches_nothing() -> None:
    rules = UrlPrefixSet[int]()

    assert len(rules) == 0
    assert rules.match(normalize_url("http://example.com/")) == []


@pytest.mark.parametrize("rule", ["ftp://example.com/", "http://exa mple.com/", ""])
def test_url_prefix_set_refuses_an_invalid_rule(rule: str) -> None:
    rules = UrlPrefixSet[int]()
    with pytest.raises(UrlError):
        rules.add(rule, 1)
    assert len(rules) == 0


@given(raw=URL_LIKE)
def test_normalize_url_is_idempotent(raw: str) -> None:
    try:
        once = normalize_url(raw)
    except UrlError:
        assume(False)
        raise
    assert normalize_url(str(once)) == once
    assert once.path.startswith("/")
    assert "//" not in once.path
    assert "/../" not in once.path + "/"
    assert "/./" not in once.path + "/"


@given(raw=st.text(max_size=40))
def test_normalize_url_only_ever_raises_url_error(raw: str) -> None:
    try:
        url = normalize_url(raw)
    except UrlError:
        return
    assert url.scheme in {"http", "https", "ws", "wss"}


@given(
    host=DOMAINS,
    rule_path=st.lists(SEGMENTS, max_size=3),
    below=st.lists(SEGMENTS, max_size=3),
    scheme=st.sampled_from(["http", "https"]),
)
def test_every_page_under_a_prefix_is_covered(
    host: str, rule_path: list[str], below: list[str], scheme: str
) -> None:
    rules = UrlPrefixSet[None]()
    rules.add(f"{host}/{'/'.join(rule_path)}", None)
    address = f"{scheme}://www.{host}/{'/'.join(rule_path + below)}"

    assert rules.match(normalize_url(address))


@given(host=DOMAINS, rule_path=st.lists(SEGMENTS, min_size=1, max_size=3), tail=SEGMENTS)
def test_a_path_that_merely_starts_like_a_prefix_is_never_covered(
    host: str, rule_path: list[str], tail: str
) -> None:
    rules = UrlPrefixSet[None]()
    rules.add(f"{host}/{'/'.join(rule_path)}", None)

    assert rules.match(normalize_url(f"http://{host}/{'/'.join(rule_path)}{tail}")) == []


def test_an_address_seen_before_is_read_as_the_first_time_and_a_bad_one_stays_refused() -> None:
    addresses = [f"http://User@Site{n}.KZ:{n}/a//./b?q=%7e" for n in range(1, 4200)]
    first = [normalize_url(address) for address in addresses]
    assert first[0] == Url("http", "site1.kz", 1, "/a/b", "q=~")
    assert hash(first[0]) == hash(Url("http", "site1.kz", 1, "/a/b", "q=~"))
    # Past the limit the authorities kept are forgotten, never wrong.
    assert len(urls._authorities) <= urls._MAX_AUTHORITIES
    assert [normalize_url(address) for address in addresses] == first
    assert normalize_url("https://site1.kz:443/") == Url("https", "site1.kz", None, "/", "")
    for _ in range(2):
        with pytest.raises(UrlError, match="larger than 65535"):
            normalize_url("http://site1.kz:70000/")
