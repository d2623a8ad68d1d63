"""The filter addon inside mitmproxy's test harness: real flows, real snapshot files."""

import json
import os
from datetime import datetime
from pathlib import Path

import pytest
from mitmproxy import exceptions, http
from mitmproxy.test import taddons, tflow

from app.paths import assets_dir
from app.service.snapshot import write_snapshot
from proxy.policyfilter import DECISION_KEY, SCORE_PENDING_KEY, PolicyFilter
from rules.ageclass import AgeClass
from rules.decision import Step, Verdict
from rules.policy import ChildProfile, ChildRules, Policy
from rules.text import Language
from rules.wire import event_from_json

SAMPLE_NATIONAL = assets_dir() / "lists" / "national-sample.json"
NOON = datetime(2026, 11, 23, 12, 0)


def child(language: Language = Language.EN, deny: tuple[str, ...] = ()) -> ChildProfile:
    return ChildProfile("Aruzhan", AgeClass.TWELVE, language=language, rules=ChildRules(deny=deny))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def snapshot(directory: Path, *children: ChildProfile, demo_child: str | None = "Aruzhan") -> Path:
    policy = Policy(children=children or (child(),))
    return write_snapshot(directory, policy, SAMPLE_NATIONAL, demo_child)


def flow(url: str, host_header: str | None = None) -> http.HTTPFlow:
    f = tflow.tflow()
    f.request.url = url
    if host_header is not None:
        f.request.headers["Host"] = host_header
    return f


def connect_flow(host: str, port: int = 443) -> http.HTTPFlow:
    f = tflow.tflow()
    f.request.method = "CONNECT"
    f.request.host, f.request.port = host, port
    f.request.authority = f"{host}:{port}"
    return f


def body(f: http.HTTPFlow) -> str:
    assert f.response is not None
    return f.response.get_text() or ""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def addon(clock: FakeClock) -> PolicyFilter:
    return PolicyFilter(clock=clock, now=lambda: NOON)


@pytest.mark.parametrize(
    ("url", "step", "page_says"),
    [
        ("http://casino-sample.test/", Step.NATIONAL_LIST, "Article 41-1"),
        ("http://www.casino-sample.test/games?x=1", Step.NATIONAL_LIST, "Article 41-1"),
        ("https://forum.example/threads/harmful-sample/7", Step.NATIONAL_LIST, "Article 41-1"),
        ("http://192.0.2.66/", Step.NATIONAL_LIST, "Article 41-1"),
        ("http://dns.google/resolve?name=x", Step.BYPASS, "DNS-over-HTTPS resolvers"),
        ("https://vk.com/feed", Step.CATEGORY, "Social networks"),
        ("http://torproject.org/download", Step.BYPASS, "Tor network"),
    ],
)
def test_a_blocked_request_gets_the_block_page(
    tmp_path: Path, addon: PolicyFilter, url: str, step: Step, page_says: str
) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        f = flow(url)
        addon.requestheaders(f)
    assert f.response is not None
    assert f.response.status_code == 403
    assert f.response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert f.response.headers["Cache-Control"] == "no-store"
    assert page_says in body(f)
    assert f.metadata[DECISION_KEY].reason.step is step
    assert f.request.host in body(f)
    if f.request.path != "/":
        assert f.request.path not in body(f)  # the host only, never the page


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/",
        "http://localhost:8000/page",
        "http://127.0.0.1:8080/",
        "http://roblox.com/",  # games: a time risk, allowed for 12+
        "https://forum.example/threads/other",
        "https://bilimland.kz/",
    ],
)
def test_an_allowed_request_is_untouched(tmp_path: Path, addon: PolicyFilter, url: str) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        f = flow(url)
        addon.requestheaders(f)
    assert f.response is None
    assert f.metadata[DECISION_KEY].verdict is Verdict.ALLOW


def test_a_national_hit_offers_no_ask_a_parent(tmp_path: Path, addon: PolicyFilter) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        national, category = flow("http://casino-sample.test/"), flow("http://vk.com/")
        addon.requestheaders(national)
        addon.requestheaders(category)
    assert "Law of the Republic of Kazakhstan “On Communications”" in body(national)
    assert "ask a parent" not in body(national)
    assert "ask a parent" in body(category)


@pytest.mark.parametrize(
    ("language", "category_name"),
    [
        (Language.KK, "Әлеуметтік желілер"),
        (Language.RU, "Социальные сети"),
        (Language.EN, "Social networks"),
    ],
)
def test_the_page_is_in_the_childs_language(
    tmp_path: Path, addon: PolicyFilter, language: Language, category_name: str
) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path, child(language))))
        f = flow("http://vk.com/")
        addon.requestheaders(f)
    assert f'<html lang="{language.value}">' in body(f)
    assert category_name in body(f)


@pytest.mark.parametrize(
    ("url", "host_header", "blocked"),
    [
        ("http://example.com/", "vk.com", True),  # the Host header names a blocked site
        ("http://vk.com/", "example.com", True),  # the connection goes to a blocked site
        ("http://192.0.2.66/", "example.com", True),  # transparent: the address is listed
        ("http://93.184.215.14/", "example.com", False),
    ],
)
def test_the_host_header_cannot_hide_a_blocked_site(
    tmp_path: Path, addon: PolicyFilter, url: str, host_header: str, blocked: bool
) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        f = flow(url, host_header)
        addon.requestheaders(f)
    assert (f.response is not None and f.response.status_code == 403) is blocked


@pytest.mark.parametrize("host_header", [None, "[{address}]", "[{address}]:8080"])
@pytest.mark.parametrize(("address", "blocked"), [("2001:db8:66::1", True), ("2001:db8::5", False)])
def test_an_ipv6_literal_is_decided_not_left_waiting(
    tmp_path: Path, addon: PolicyFilter, host_header: str | None, address: str, blocked: bool
) -> None:
    # mitmproxy writes the URL of an IPv6 host without brackets; deciding it must not fail.
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        f = flow(f"http://[{address}]/x", host_header and host_header.format(address=address))
        addon.requestheaders(f)
    assert f.metadata[DECISION_KEY] is not None  # decided, not the 503 "starting" page
    assert (f.response is not None and f.response.status_code == 403) is blocked


@pytest.mark.parametrize(
    ("host", "blocked"),
    [("dns.google", True), ("casino-sample.test", True), ("example.com", False), ("::1", False)],
)
def test_a_tunnel_to_a_blocked_host_never_reaches_the_host(
    tmp_path: Path, addon: PolicyFilter, host: str, blocked: bool
) -> None:
    """The tunnel is opened by the proxy itself; the block page is served inside it."""
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        f = connect_flow(host)
        addon.http_connect(f)
    if blocked:
        assert f.response is not None
        assert f.response.status_code == 200
    else:
        assert f.response is None


def test_flows_already_answered_or_failed_are_left_alone(
    tmp_path: Path, addon: PolicyFilter
) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        answered = tflow.tflow(resp=True)
        answered.request.url = "http://vk.com/"
        failed = tflow.tflow(err=True)
        failed.request.url = "http://vk.com/"
        replayed = flow("http://vk.com/")
        replayed.live = False
        for f in (answered, failed, replayed):
            addon.requestheaders(f)
            addon.http_connect(f)
    assert answered.response is not None
    assert answered.response.status_code == 200
    assert failed.response is None
    assert replayed.response is None


def assert_fails_closed(f: http.HTTPFlow) -> None:
    assert f.response is not None
    assert f.response.status_code == 503
    assert "Qorgan" in body(f)
    assert f.response.headers["Cache-Control"] == "no-store"


def test_without_a_snapshot_option_every_request_waits(addon: PolicyFilter) -> None:
    with taddons.context(addon):
        f, tunnel = flow("http://example.com/"), connect_flow("example.com")
        addon.requestheaders(f)
        addon.http_connect(tunnel)
    assert_fails_closed(f)
    assert_fails_closed(tunnel)


def test_a_decision_that_fails_answers_the_503_page(tmp_path: Path, addon: PolicyFilter) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        f = flow("http://example.com/")
        f.request.headers["Host"] = "bad host name"
        tunnel = connect_flow("bad host")
        addon.requestheaders(f)
        addon.http_connect(tunnel)
    assert_fails_closed(f)
    assert_fails_closed(tunnel)


def test_a_snapshot_not_written_yet_fails_closed_until_it_appears(
    tmp_path: Path, addon: PolicyFilter, clock: FakeClock
) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(tmp_path / "policy-snapshot.json"))
        waiting = flow("http://example.com/")
        addon.requestheaders(waiting)
        snapshot(tmp_path)
        clock.now += 1
        served = flow("http://example.com/")
        addon.requestheaders(served)
    assert_fails_closed(waiting)
    assert served.response is None


def test_a_broken_snapshot_at_start_is_an_options_error_then_fails_closed(
    tmp_path: Path, addon: PolicyFilter
) -> None:
    path = tmp_path / "policy-snapshot.json"
    path.write_text('{"snapshot": 1, "policy": {"qorgan_policy": 1, "mode": "office"}}')
    with taddons.context(addon) as tctx:
        with pytest.raises(exceptions.OptionsError, match=r"policy-snapshot\.json: policy: "):
            tctx.configure(addon, qorgan_snapshot=str(path))
        f = flow("http://example.com/")
        addon.requestheaders(f)
    assert_fails_closed(f)


def test_a_snapshot_with_no_child_to_filter_for_fails_closed(
    tmp_path: Path, addon: PolicyFilter, caplog
) -> None:
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path, demo_child=None)))
        f = flow("http://example.com/")
        addon.requestheaders(f)
    assert_fails_closed(f)
    assert "names no child" in caplog.text


def test_reload_takes_a_new_policy_and_keeps_the_last_good_one(
    tmp_path: Path, addon: PolicyFilter, clock: FakeClock
) -> None:
    def status(url: str) -> int | None:
        f = flow(url)
        addon.requestheaders(f)
        return None if f.response is None else f.response.status_code

    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)))
        assert status("http://example.com/") is None
        snapshot(tmp_path, child(deny=("example.com",)))
        assert status("http://example.com/") is None  # looked at no more than once a second
        clock.now += 1
        assert status("http://example.com/") == 403
        broken = tmp_path / "broken.json"
        broken.write_text("{", encoding="utf-8")
        os.replace(broken, tmp_path / "policy-snapshot.json")
        clock.now += 1
        assert status("http://example.com/") == 403  # the last good policy still holds
        assert addon.watcher is not None
        assert addon.watcher.error is not None
        snapshot(tmp_path)
        clock.now += 1
        assert status("http://example.com/") is None


def read_events(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_an_uncategorised_page_waits_for_its_score_before_its_event(
    tmp_path: Path, addon: PolicyFilter
) -> None:
    events = tmp_path / "events.jsonl"
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)), qorgan_events=str(events))
        f = flow("http://example.com/")
        addon.requestheaders(f)
        addon.done()
    assert f.metadata[SCORE_PENDING_KEY] == "example.com"
    assert not events.exists()


def test_events_keep_the_host_only(tmp_path: Path, addon: PolicyFilter, clock: FakeClock) -> None:
    events = tmp_path / "events.jsonl"
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)), qorgan_events=str(events))
        addon.requestheaders(flow("http://casino-sample.test/secret-page?name=aruzhan"))
        addon.requestheaders(flow("http://bilimland.kz/diary/entry?text=private"))
        assert not events.exists()  # batched, not written per request
        clock.now += 1
        addon.requestheaders(flow("http://dns.google/resolve?name=hidden"))
    text = events.read_text(encoding="utf-8")
    for secret in ("secret", "aruzhan", "diary", "private", "resolve", "hidden", "?"):
        assert secret not in text
    recorded = [event_from_json(line) for line in text.splitlines()]
    assert [(e.host, e.verdict, e.step) for e in recorded] == [
        ("casino-sample.test", Verdict.BLOCK, Step.NATIONAL_LIST),
        ("bilimland.kz", Verdict.ALLOW, Step.DEFAULT),
        ("dns.google", Verdict.BLOCK, Step.BYPASS),
    ]
    assert recorded[0].child == "Aruzhan"
    assert recorded[0].list_name == "national"
    assert recorded[0].at == NOON


def test_events_are_written_every_hundred(tmp_path: Path, addon: PolicyFilter) -> None:
    events = tmp_path / "events.jsonl"
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)), qorgan_events=str(events))
        for _ in range(99):
            addon.requestheaders(flow("http://roblox.com/"))
        assert not events.exists()
        addon.requestheaders(flow("http://roblox.com/"))
        assert len(read_events(events)) == 100
        addon.requestheaders(flow("http://roblox.com/"))
        addon.done()
    assert len(read_events(events)) == 101


def test_events_wait_in_memory_when_the_spool_cannot_be_written(
    tmp_path: Path, addon: PolicyFilter, caplog
) -> None:
    events = tmp_path / "missing-folder" / "events.jsonl"
    with taddons.context(addon) as tctx:
        tctx.configure(addon, qorgan_snapshot=str(snapshot(tmp_path)), qorgan_events=str(events))
        addon.requestheaders(flow("http://roblox.com/"))
        addon.spool.flush()
        assert "decision events not written" in caplog.text
        assert len(addon.spool.waiting) == 1
        events.parent.mkdir()
        addon.spool.flush()
    assert len(read_events(events)) == 1
