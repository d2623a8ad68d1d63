"""The TLS, SafeSearch, anti-bypass, content and own-page addons in mitmproxy's test harness."""

import asyncio
from datetime import datetime
from pathlib import Path

import pytest
from mitmproxy import connection, dns, http, tls
from mitmproxy.net.dns import response_codes
from mitmproxy.proxy import context, mode_specs
from mitmproxy.test import taddons, tflow
from OpenSSL import SSL

from app.paths import assets_dir
from app.service.snapshot import write_snapshot
from proxy.antibypass import AntiBypass
from proxy.childmap import CURRENT_CHILD
from proxy.contentfilter import SMALL_BODY, ContentFilter, load_phrases
from proxy.policyfilter import DECISION_KEY, OWN_PAGE_KEY, SCORE_PENDING_KEY, PolicyFilter
from proxy.qorganpages import QorganPages
from proxy.resolved import ResolvedNames
from proxy.safesearch import SafeSearch
from proxy.tlsdecision import TlsDecision
from rules.ageclass import AgeClass
from rules.agetable import SafeSearchLevel
from rules.decision import Decision, Reason, Step, Verdict
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.policy import ChildProfile, ChildRules, Policy
from rules.text import Language
from tests.proxy.harness import GAMBLING_PAGE

NATIONAL = assets_dir() / "lists" / "national-sample.json"


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def make_policy(tmp_path: Path, age: AgeClass = AgeClass.TWELVE, **rules: object) -> PolicyFilter:
    child = ChildProfile("Aruzhan", age, language=Language.EN, rules=ChildRules(**rules))  # type: ignore[arg-type]
    write_snapshot(tmp_path, Policy(children=(child,)), NATIONAL, "Aruzhan")
    return PolicyFilter(clock=Clock(), now=lambda: datetime(2026, 11, 23, 12))


def flow(url: str, **headers: str) -> http.HTTPFlow:
    f = tflow.tflow()
    f.request.url = url
    f.request.headers.update(headers)
    return f


class FakeHello:
    def __init__(self, sni: str | None) -> None:
        self.sni = sni


def hello_data(
    sni: str | None, address: str | None = None, mode: str = "regular"
) -> tls.ClientHelloData:
    client = connection.Client(
        peername=("127.0.0.1", 5000),
        sockname=("127.0.0.1", 8080),
        proxy_mode=mode_specs.ProxyMode.parse(mode),
    )
    ctx = context.Context(client, None)  # type: ignore[arg-type]
    ctx.server = connection.Server(address=((address or sni or "203.0.113.9"), 443))
    return tls.ClientHelloData(ctx, FakeHello(sni))  # type: ignore[arg-type]


@pytest.fixture
def policy(tmp_path: Path) -> PolicyFilter:
    return make_policy(tmp_path)


def configure(tctx: taddons.context, policy: PolicyFilter, tmp_path: Path) -> None:
    tctx.configure(policy, qorgan_snapshot=str(tmp_path / "policy-snapshot.json"))


# TLS at the ClientHello


@pytest.mark.parametrize(
    ("sni", "ignored", "server_first"),
    [
        ("bilimland.kz", True, True),  # education: allowed, categorised: untouched
        ("vk.com", False, False),  # blocked: intercepted, the server is never contacted
        ("example.com", False, True),  # uncategorised: intercepted for its score
        ("www.google.kz", False, True),  # SafeSearch
        ("forum.example", False, True),  # a national URL entry closes some pages
        ("qorgan.invalid", False, False),  # Qorgan's own pages
    ],
)
def test_the_clienthello_decides_interception(
    tmp_path: Path, policy: PolicyFilter, sni: str, ignored: bool, server_first: bool
) -> None:
    addon = TlsDecision(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        data = hello_data(sni)
        data.establish_server_tls_first = True
        addon.tls_clienthello(data)
    assert data.ignore_connection is ignored
    assert data.establish_server_tls_first is server_first


def test_a_host_that_refused_the_certificate_is_refused_at_the_handshake(
    tmp_path: Path, policy: PolicyFilter
) -> None:
    clock = Clock()
    addon = TlsDecision(policy, clock)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        failed = tls.TlsData(connection.Client(peername=("1", 1), sockname=("2", 2)), None)  # type: ignore[arg-type]
        failed.conn.sni = "vk.com"
        failed.conn.error = "The client does not trust the proxy's certificate for vk.com (x)"
        addon.tls_failed_client(failed)
        data = hello_data("vk.com")
        addon.tls_clienthello(data)
        start = tls.TlsData(data.context.client, data.context)
        addon.tls_start_client(start)
        assert isinstance(start.ssl_conn, SSL.Connection)
        addon.tls_failed_client(start)  # our own refusal teaches nothing
        clock.now += 3601
        later = hello_data("vk.com")
        addon.tls_clienthello(later)
        again = tls.TlsData(later.context.client, later.context)
        addon.tls_start_client(again)
    assert again.ssl_conn is None  # interceptable again after an hour
    events = [e for e in policy.spool.waiting if e.host == "vk.com"]
    assert events == [] or all(e.rule_id.startswith("tls-refused:") for e in events)


def test_a_clienthello_without_a_name_to_a_bare_address_is_refused_for_a_child(
    tmp_path: Path, policy: PolicyFilter
) -> None:
    addon = TlsDecision(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(policy, qorgan_events=str(tmp_path / "events.jsonl"))
        data = hello_data(None, "203.0.113.9")
        addon.tls_clienthello(data)
        start = tls.TlsData(data.context.client, data.context)
        addon.tls_start_client(start)
        addon.tls_established_client(start)
    assert start.ssl_conn is not None
    assert [(e.host, e.rule_id) for e in policy.spool.waiting] == [("203.0.113.9", "bypass:no-sni")]


def test_without_a_policy_every_tls_connection_is_intercepted(policy: PolicyFilter) -> None:
    addon = TlsDecision(policy)
    with taddons.context(policy, addon):
        data = hello_data("bilimland.kz")
        addon.tls_clienthello(data)
    assert not data.ignore_connection


# SafeSearch


@pytest.mark.parametrize(
    ("age", "url", "path", "header"),
    [
        (
            AgeClass.TWELVE,
            "https://www.google.kz/search?q=a&safe=off",
            "/search?q=a&safe=active",
            None,
        ),
        (AgeClass.FOURTEEN, "https://www.bing.com/search?q=a", "/search?q=a&adlt=moderate", None),
        (AgeClass.SIX, "https://yandex.kz/search/?text=a", "/search/?text=a&family=yes", None),
        (AgeClass.TWELVE, "https://duckduckgo.com/?q=a", "/?q=a&kp=1", None),
        (AgeClass.SIX, "https://www.youtube.com/watch?v=1", "/watch?v=1", "Strict"),
        (AgeClass.SIXTEEN, "https://m.youtube.com/", "/", "Moderate"),
        (AgeClass.EIGHTEEN, "https://www.google.kz/search?q=a", "/search?q=a", None),
    ],
)
def test_safe_search_is_forced_for_the_childs_class(
    tmp_path: Path, age: AgeClass, url: str, path: str, header: str | None
) -> None:
    policy = make_policy(tmp_path, age)
    addon = SafeSearch()
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        f = flow(url)
        policy.requestheaders(f)
        addon.requestheaders(f)
    assert f.response is None
    assert f.request.path == path
    assert f.request.headers.get("YouTube-Restrict") == header


def test_one_safe_search_addon_forces_each_hosts_level_every_time() -> None:
    addon = SafeSearch()
    levels = [SafeSearchLevel.STRICT, SafeSearchLevel.MODERATE, SafeSearchLevel.OFF]
    for level, header in [*zip(levels, ["Strict", "Moderate", None], strict=True)] * 2:
        for host, expected in (("www.youtube.com", header), ("www.YouTube.com.", header)):
            f = flow(f"https://{host}/watch?v=1")
            f.metadata[DECISION_KEY] = Decision(Verdict.ALLOW, Reason(Step.DEFAULT, "d"), level)
            addon.requestheaders(f)
            assert f.request.headers.get("YouTube-Restrict") == expected
        f = flow("https://example.com/")
        f.metadata[DECISION_KEY] = Decision(Verdict.ALLOW, Reason(Step.DEFAULT, "d"), level)
        addon.requestheaders(f)
        assert "YouTube-Restrict" not in f.request.headers


def test_safe_search_leaves_blocked_and_undecided_flows_alone() -> None:
    addon = SafeSearch()
    f = flow("https://www.google.kz/search?q=a")
    addon.requestheaders(f)
    assert f.request.path == "/search?q=a"


# Anti-bypass


@pytest.mark.parametrize(
    ("headers", "url", "refused"),
    [
        ({"Content-Type": "application/dns-message"}, "https://example.com/q", True),
        ({"Accept": "application/dns-json"}, "https://example.com/resolve?name=a", True),
        ({}, "https://example.com/dns-query?dns=AAAB", True),
        ({}, "https://example.com/page?dns=1", False),
        ({"CONTENT-TYPE": "Application/DNS-Message"}, "https://example.com/q", True),
        ({"Accept": "text/html, application/dns-message;q=0.9"}, "https://example.com/", True),
        ({"X-Note": "application/dns-message"}, "https://example.com/q", False),  # not a type
        ({"Accept": "text/html", "X-Note": "application/dns-json"}, "https://example.com/", False),
    ],
)
def test_dns_over_https_is_refused_by_content_type(
    tmp_path: Path, policy: PolicyFilter, headers: dict[str, str], url: str, refused: bool
) -> None:
    addon = AntiBypass(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(policy, qorgan_events=str(tmp_path / "events.jsonl"))
        f = flow(url, **headers)
        addon.requestheaders(f)
    assert (f.response is not None and f.response.status_code == 403) is refused
    assert [e.rule_id for e in policy.spool.waiting] == (["bypass:doh-content"] if refused else [])


def test_the_firefox_canary_gets_no_answer(tmp_path: Path, policy: PolicyFilter) -> None:
    addon = AntiBypass(policy)
    question = dns.Question("use-application-dns.net", 1, 1)
    query = tflow.tdnsflow()
    query.request.questions = [question]
    other = tflow.tdnsflow()
    with taddons.context(policy, addon):
        addon.dns_request(query)
        addon.dns_request(other)
        canary = flow("http://use-application-dns.net/")
        addon.requestheaders(canary)
    assert query.response is not None
    assert query.response.response_code == response_codes.NXDOMAIN
    assert other.response is None
    assert canary.response is not None and canary.response.status_code == 404


@pytest.mark.parametrize(
    ("host", "allow", "refused"),
    [
        ("203.0.113.7", (), True),
        ("203.0.113.7", ("203.0.113.7",), False),
        ("example.com", (), False),
    ],
)
def test_a_connect_to_a_bare_address_is_refused_unless_allowed(
    tmp_path: Path, host: str, allow: tuple[str, ...], refused: bool
) -> None:
    policy = make_policy(tmp_path, allow=allow)
    addon = AntiBypass(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        f = tflow.tflow()
        f.request.method, f.request.host, f.request.port = "CONNECT", host, 443
        addon.http_connect(f)
    assert (f.response is not None and f.response.status_code == 403) is refused


def test_plain_traffic_on_443_is_killed_and_alt_svc_stripped(
    tmp_path: Path, policy: PolicyFilter
) -> None:
    addon = AntiBypass(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        plain = flow("http://example.com:443/")
        addon.requestheaders(plain)
        answered = tflow.tflow(resp=True)
        answered.response.headers["Alt-Svc"] = 'h3=":443"'
        addon.responseheaders(answered)
        doh = tflow.tflow(resp=True)
        doh.response.headers["Content-Type"] = "application/dns-message"
        addon.responseheaders(doh)
    assert plain.error is not None and doh.error is not None
    assert "Alt-Svc" not in answered.response.headers


@pytest.mark.parametrize(
    ("headers", "stripped", "killed"),
    [
        ({"ALT-SVC": 'h3=":443"', "Content-Type": "text/html"}, True, False),
        ({"X-Alt-Svc": "a", "Alt-Svc-Note": "b"}, False, False),
        ({"Content-Type": "Application/DNS-Message; x=1", "Alt-Svc": "clear"}, True, True),
        ({"Content-Type": "text/html", "X-Note": "application/dns-message"}, False, False),
        ({"X-Content-Type": "application/dns-json"}, False, False),
        ({"Content-Type": "text/plain", "content-type": "application/dns-json"}, False, True),
    ],
)
def test_responses_lose_alt_svc_and_dns_answers_are_killed(
    tmp_path: Path, policy: PolicyFilter, headers: dict[str, str], stripped: bool, killed: bool
) -> None:
    addon = AntiBypass(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        f = tflow.tflow(resp=True)
        assert f.response is not None
        for name, value in headers.items():
            f.response.headers.add(name, value)
        addon.responseheaders(f)
    names = [name.lower() for name in f.response.headers]
    assert ("alt-svc" in [name.lower() for name in headers] and "alt-svc" not in names) is stripped
    assert (f.error is not None) is killed


def test_raw_tcp_stays_off_so_no_tunnel_is_relayed(policy: PolicyFilter) -> None:
    addon = AntiBypass(policy)
    with taddons.context(policy, addon) as tctx:
        addon.configure(set(tctx.options.keys()))  # as mitmproxy does when it loads the script
        assert tctx.options.rawtcp is False
        tctx.configure(addon, rawtcp=True)
        assert tctx.options.rawtcp is False


@pytest.mark.parametrize(
    ("url", "names", "blocked"),
    [
        ("http://198.51.100.9/", ("vk.com",), True),  # a blocked site's address
        ("http://[2001:db8::9]/", ("bilimland.kz", "vk.com"), True),  # shared: one is blocked
        ("http://198.51.100.9/", ("bilimland.kz",), False),
        ("http://198.51.100.9/", (), False),  # an address the stub never gave
        ("http://vk.com/", ("vk.com",), False),  # by name: the policy filter's to decide
    ],
)
def test_a_bare_address_is_judged_by_the_names_the_stub_gave_it(
    tmp_path: Path, policy: PolicyFilter, url: str, names: tuple[str, ...], blocked: bool
) -> None:
    resolved = ResolvedNames()
    for name in names:
        resolved.add(name, url.split("/")[2].strip("[]"))
    addon = AntiBypass(policy, resolved)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        f = flow(url)
        addon.requestheaders(f)
    if blocked:
        assert f.response is not None and f.response.status_code == 403
        assert b"<html" in f.response.content and f.metadata[DECISION_KEY].blocked
    else:
        assert f.response is None


def test_a_bare_address_for_a_non_child_or_without_a_policy_is_left_to_the_filter(
    tmp_path: Path,
) -> None:
    resolved = ResolvedNames()
    resolved.add("vk.com", "198.51.100.9")
    for age, configured in ((AgeClass.EIGHTEEN, True), (AgeClass.TWELVE, False)):
        policy = make_policy(tmp_path, age)
        addon = AntiBypass(policy, resolved)
        with taddons.context(policy, addon) as tctx:
            if configured:
                configure(tctx, policy, tmp_path)
            f = flow("http://198.51.100.9/")
            addon.requestheaders(f)
        assert f.response is None


def test_a_bare_address_whose_judging_fails_gets_the_503_page(
    tmp_path: Path, policy: PolicyFilter
) -> None:
    """Raised on, the failure would stop the policy filter's hook too: the request went out."""
    resolved = ResolvedNames()
    resolved.add("vk.com", "198.51.100.9")
    addon = AntiBypass(policy, resolved)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        # The port map names a child the snapshot no longer has: `active()` raises.
        token = CURRENT_CHILD.set("Removed")
        try:
            f = flow("http://198.51.100.9/")
            addon.requestheaders(f)
        finally:
            CURRENT_CHILD.reset(token)
    assert f.response is not None and f.response.status_code == 503
    assert f.metadata[DECISION_KEY] is None


@pytest.mark.parametrize(
    ("address", "known", "interceptable", "outcome"),
    [
        ("198.51.100.7", True, True, "through"),  # the address the stub gave for the name
        ("203.0.113.66", False, True, "intercepted"),  # another server under that name
        ("203.0.113.66", False, False, "refused"),  # ... whose client refused our certificate
        ("bilimland.kz", False, True, "through"),  # an explicit proxy's tunnel names its host
    ],
)
def test_a_connection_passes_through_only_to_an_address_the_stub_gave_for_its_name(
    tmp_path: Path, address: str, known: bool, interceptable: bool, outcome: str
) -> None:
    # A transparent connection: its address is the one the client chose.
    policy = make_policy(tmp_path)
    resolved = ResolvedNames()
    resolved.add("bilimland.kz", "198.51.100.7")
    addon = TlsDecision(policy, resolved=resolved)
    if not interceptable:
        addon.not_interceptable["bilimland.kz"] = float("inf")
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        data = hello_data("bilimland.kz", address, "transparent")
        addon.tls_clienthello(data)
        start = tls.TlsData(data.context.client, data.context)
        addon.tls_start_client(start)
    assert resolved.gave("bilimland.kz", address) is known
    refused = start.ssl_conn is not None
    assert (data.ignore_connection, refused) == {
        "through": (True, False),
        "intercepted": (False, False),
        "refused": (False, True),
    }[outcome]


def test_an_explicit_proxys_tunnel_passes_through_to_the_address_the_proxy_chose(
    tmp_path: Path,
) -> None:
    """CONNECT named the host, and the proxy found its address (a test's host map, say)."""
    policy = make_policy(tmp_path)
    addon = TlsDecision(policy, resolved=ResolvedNames())
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        data = hello_data("bilimland.kz", "127.0.0.1")
        addon.tls_clienthello(data)
    assert data.ignore_connection


# Content scoring


def test_shipped_phrases_load_and_a_bad_folder_name_is_an_error(tmp_path: Path) -> None:
    scorer, reports = load_phrases(assets_dir() / "phrases")
    assert len(scorer) > 300 and len(reports) == 15
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "cooking.txt").write_text("<salt><5>\n")
    with pytest.raises(ValueError, match="not a category"):
        load_phrases(tmp_path)


def respond(f: http.HTTPFlow, body: str, kind: str = "text/html; charset=utf-8") -> None:
    f.response = http.Response.make(200, body.encode(), {"Content-Type": kind})


@pytest.mark.parametrize(
    ("url", "page", "expected"),
    [
        ("http://casino-words.test/", (GAMBLING_PAGE, "text/html"), (403, False)),
        ("http://casino-words.test/", ("<p>Weather today</p>", "text/html"), (200, False)),
        # Not a page, and categorised: not scored; small, so held as plain mitmproxy holds it.
        ("http://casino-words.test/", (GAMBLING_PAGE, "image/png"), (200, False)),
        ("http://bilimland.kz/", (GAMBLING_PAGE, "text/html"), (200, False)),
    ],
)
def test_pages_of_uncategorised_hosts_are_scored(
    tmp_path: Path,
    policy: PolicyFilter,
    url: str,
    page: tuple[str, str],
    expected: tuple[int, bool],
) -> None:
    (body, kind), (status, streamed) = page, expected
    addon = ContentFilter(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(policy, qorgan_events=str(tmp_path / "events.jsonl"))
        tctx.configure(addon, qorgan_phrases=str(assets_dir() / "phrases"))
        f = flow(url)
        policy.requestheaders(f)
        respond(f, body, kind)
        addon.responseheaders(f)
        addon.response(f)
    assert f.response is not None and f.response.status_code == status
    assert bool(f.response.stream) is streamed
    assert SCORE_PENDING_KEY not in f.metadata
    assert len(policy.spool.waiting) == 1
    if status == 403:
        assert f.metadata[DECISION_KEY].reason.step is Step.CONTENT
        assert policy.spool.waiting[0].score is not None


@pytest.mark.parametrize(("page", "status"), [(GAMBLING_PAGE, 403), ("<p>Weather</p>", 200)])
def test_a_page_with_bytes_that_are_not_its_charset_is_still_scored(
    tmp_path: Path, policy: PolicyFilter, page: str, status: int
) -> None:
    addon = ContentFilter(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(policy, qorgan_events=str(tmp_path / "events.jsonl"))
        tctx.configure(addon, qorgan_phrases=str(assets_dir() / "phrases"))
        f = flow("http://casino-words.test/")
        policy.requestheaders(f)
        f.response = http.Response.make(
            200, b"\x80\xff" + page.encode() + b"\xc0", {"Content-Type": "text/html; charset=utf-8"}
        )
        addon.responseheaders(f)
        addon.response(f)
    assert f.response is not None and f.response.status_code == status  # not the 503 page
    assert [e.verdict for e in policy.spool.waiting] == [Verdict(("allow", "block")[status > 200])]


@pytest.mark.parametrize(
    ("url", "length", "streamed"),
    [
        ("http://bilimland.kz/", str(SMALL_BODY), False),
        ("http://bilimland.kz/", str(SMALL_BODY + 1), True),
        ("http://bilimland.kz/", None, True),  # no length: it may be of any size
        ("http://bilimland.kz/", "1024, 1024", True),
        ("http://casino-words.test/a.png", "1024", False),  # not a page: not scored
        ("http://casino-words.test/a.png", str(SMALL_BODY + 1), True),
        ("http://casino-words.test/a.png", None, True),
    ],
)
def test_a_response_that_is_not_scored_streams_unless_it_says_it_is_small(
    tmp_path: Path, policy: PolicyFilter, url: str, length: str | None, streamed: bool
) -> None:
    addon = ContentFilter(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(policy, qorgan_events=str(tmp_path / "events.jsonl"))
        f = flow(url)
        policy.requestheaders(f)
        respond(f, "x", "image/png" if url.endswith(".png") else "text/html")
        assert f.response is not None
        if length is None:
            del f.response.headers["Content-Length"]
        else:
            f.response.headers["Content-Length"] = length
        addon.responseheaders(f)
        addon.response(f)
    assert f.response.status_code == 200
    assert bool(f.response.stream) is streamed
    assert SCORE_PENDING_KEY not in f.metadata
    assert [e.verdict for e in policy.spool.waiting] == [Verdict.ALLOW]


def test_a_large_page_is_streamed_unscored_and_a_failed_one_still_recorded(
    tmp_path: Path, policy: PolicyFilter
) -> None:
    addon = ContentFilter(policy)
    with taddons.context(policy, addon) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(policy, qorgan_events=str(tmp_path / "events.jsonl"))
        tctx.configure(addon, qorgan_phrases=str(assets_dir() / "phrases"))
        big = flow("http://casino-words.test/")
        policy.requestheaders(big)
        respond(big, GAMBLING_PAGE)
        big.response.headers["Content-Length"] = str(50 * 1024 * 1024)
        addon.responseheaders(big)
        failed = flow("http://casino-words.test/")
        policy.requestheaders(failed)
        addon.error(failed)
    assert big.response.stream
    assert [e.verdict for e in policy.spool.waiting] == [Verdict.ALLOW, Verdict.ALLOW]


# Qorgan's own pages


class FakeService:
    def __init__(self, answers: dict[str, JsonValue | IpcError]) -> None:
        self.answers = answers
        self.calls: list[tuple[str, dict[str, JsonValue]]] = []

    def __call__(self, path: Path) -> "FakeService":
        return self

    def call(self, method: str, **params: JsonValue) -> JsonValue:
        self.calls.append((method, params))
        answer = self.answers[method]
        if isinstance(answer, IpcError):
            raise answer
        return answer

    def close(self) -> None:
        pass


def post(policy: PolicyFilter, pages: QorganPages, path: str, **form: str) -> http.HTTPFlow:
    f = flow(f"https://qorgan.invalid{path}")
    f.request.method = "POST"
    f.request.urlencoded_form = form  # type: ignore[assignment]
    pages.requestheaders(f)
    policy.requestheaders(f)  # leaves Qorgan's own page alone
    asyncio.run(pages.request(f))
    return f


@pytest.mark.parametrize(
    ("answers", "path", "form_says"),
    [
        ({"blockpage.ask": {"id": 1, "new": True}}, "/ask", ({}, "A parent will see your request")),
        (
            {"blockpage.allow": {"allowed": True, "duration": "hour"}},
            "/allow",
            ({"pin": "1"}, "1 hour"),
        ),
        (
            {"blockpage.allow": {"allowed": True, "duration": "always"}},
            "/allow",
            ({}, "always open"),
        ),
        (
            {"blockpage.allow": {"allowed": False, "locked_until": None}},
            "/allow",
            ({}, "PIN is wrong"),
        ),
        (
            {"blockpage.allow": {"allowed": False, "locked_until": "2026-11-23T12:05:00"}},
            "/allow",
            ({}, "after 12:05"),
        ),
        ({"blockpage.allow": None}, "/allow", ({}, "not answering")),
        ({"blockpage.allow": IpcError(ErrorCode.NOT_FOUND, "no pin")}, "/allow", ({}, "No PIN")),
        ({"blockpage.ask": IpcError(ErrorCode.INTERNAL, "down")}, "/ask", ({}, "not answering")),
    ],
)
def test_block_page_actions_go_to_the_service(
    tmp_path: Path,
    policy: PolicyFilter,
    answers: dict[str, JsonValue | IpcError],
    path: str,
    form_says: tuple[dict[str, str], str],
) -> None:
    form, says = form_says
    service = FakeService(answers)
    pages = QorganPages(policy, service)
    with taddons.context(policy, pages) as tctx:
        configure(tctx, policy, tmp_path)
        tctx.configure(pages, qorgan_ipc=str(tmp_path / "qorgan.sock"))
        token = policy.action_token("vk.com")
        f = post(policy, pages, path, host="vk.com", token=token, **form)
    assert f.metadata[OWN_PAGE_KEY]
    assert f.response is not None and f.response.status_code == 200
    assert says in (f.response.get_text() or "")
    assert service.calls[0][1]["child"] == "Aruzhan"
    assert service.calls[0][1]["host"] == "vk.com"


@pytest.mark.parametrize(
    ("host", "token"),
    [("vk.com", "forged"), ("casino-sample.test", None), ("bad host", "x")],
)
def test_forged_or_unoverridable_actions_reach_no_service(
    tmp_path: Path, policy: PolicyFilter, host: str, token: str | None
) -> None:
    service = FakeService({})
    pages = QorganPages(policy, service)
    with taddons.context(policy, pages) as tctx:
        configure(tctx, policy, tmp_path)
        f = post(policy, pages, "/allow", host=host, token=token or policy.action_token(host))
    assert "out of date" in (f.response.get_text() or "")
    assert service.calls == []


def test_the_about_page_an_unknown_page_and_a_tunnel_to_the_reserved_host(
    tmp_path: Path, policy: PolicyFilter
) -> None:
    pages = QorganPages(policy, FakeService({}))
    with taddons.context(policy, pages) as tctx:
        configure(tctx, policy, tmp_path)
        about, missing = flow("https://qorgan.invalid/"), flow("https://qorgan.invalid/x")
        for f in (about, missing):
            pages.requestheaders(f)
            asyncio.run(pages.request(f))
        tunnel = tflow.tflow()
        tunnel.request.method, tunnel.request.host = "CONNECT", "qorgan.invalid"
        pages.http_connect(tunnel)
        post_without_socket = post(
            policy, pages, "/ask", host="vk.com", token=policy.action_token("vk.com")
        )
    assert "What Qorgan does" in (about.response.get_text() or "")
    assert missing.response.status_code == 404
    assert tunnel.response.status_code == 200
    assert "not answering" in (post_without_socket.response.get_text() or "")
