"""The proxy's hot-path helpers answer exactly as the mitmproxy calls they replace."""

import asyncio
import logging

import pytest
from mitmproxy import http
from mitmproxy.test import taddons, tflow

from app.paths import assets_dir
from proxy.chain import AddonChain
from proxy.contentfilter import STREAM_LARGE_BODIES, ContentFilter
from proxy.hotpath import STREAMING_PREFIX, StreamingLogFilter, pretty_host, pretty_host_and_url
from proxy.policyfilter import PolicyFilter


def request(url: str, host_header: str | None, method: str = "GET") -> http.Request:
    f = tflow.tflow()
    f.request.url = url
    f.request.method = method
    if host_header is None:
        f.request.headers.pop("Host", None)
    else:
        f.request.headers["Host"] = host_header
    return f.request


@pytest.mark.parametrize(
    ("url", "host_header"),
    [
        ("http://bilimland.kz/a?b=1", "bilimland.kz"),
        ("http://10.0.0.1:8080/x", "vk.com"),  # the Host header names another site
        ("http://example.com/", "Example.COM:8080"),
        ("https://example.com/", "[2001:db8::1]:8443"),
        ("http://example.com/", "not a host!"),  # unparsable: mitmproxy keeps the text
        ("http://example.com/*", "example.com"),
        ("http://example.com/x", None),
        ("https://example.com:8443/x", ""),
    ],
)
def test_the_host_and_url_are_mitmproxys(url: str, host_header: str | None) -> None:
    for _ in range(2):  # the second answer comes from the kept parse
        req = request(url, host_header)
        assert pretty_host(req) == req.pretty_host
        assert pretty_host_and_url(req) == (req.pretty_host, req.pretty_url)


def test_a_connect_request_is_known_by_its_authority() -> None:
    req = request("http://example.com:443/", "example.com:443", method="CONNECT")
    req.authority = "example.com:443"
    assert pretty_host_and_url(req) == (req.pretty_host, req.pretty_url)
    del req.headers["Host"]
    assert pretty_host_and_url(req) == (req.pretty_host, req.pretty_url)


def test_a_changed_host_header_or_another_request_is_looked_at_again() -> None:
    first, second = request("http://a.test/", "a.test"), request("http://b.test/", "b.test")
    for req, host in ((first, "a.test"), (second, "b.test"), (first, "a.test")):
        assert pretty_host(req) == host
    first.headers["Host"] = "c.test"
    assert pretty_host(first) == first.pretty_host == "c.test"
    del first.headers["Host"]
    assert pretty_host(first) == first.pretty_host == "a.test"
    http2 = request("https://d.test/", "e.test")
    http2.authority = "f.test"
    assert pretty_host(http2) == http2.pretty_host == "e.test"  # HTTP/1: the Host header
    http2.http_version = "HTTP/2.0"
    assert pretty_host(http2) == http2.pretty_host == "f.test"  # HTTP/2: the authority
    assert pretty_host_and_url(http2) == (http2.pretty_host, http2.pretty_url)


def record(message: str, level: int = logging.INFO) -> logging.LogRecord:
    return logging.LogRecord("mitmproxy.proxy.server", level, "", 0, message, None, None)


def test_the_streaming_line_is_dropped_only_where_it_would_not_be_shown() -> None:
    streaming = record(STREAMING_PREFIX + "example.com.")
    log_filter = StreamingLogFilter()
    assert log_filter.filter(streaming)  # mitmdump's default shows it
    log_filter.show_from("warn")
    assert not log_filter.filter(streaming)
    assert log_filter.filter(record("server connect 127.0.0.1:80"))
    assert log_filter.filter(record(STREAMING_PREFIX + "x.", logging.WARNING))
    for shown in ("info", "debug", None):
        log_filter.show_from(shown)
        assert log_filter.filter(streaming)
    logging.getLogger("mitmproxy.proxy.server").removeFilter(log_filter)


class Part:
    def __init__(self, name: str, calls: list[str], fail: bool = False) -> None:
        self.name, self.calls, self.fail = name, calls, fail

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        self.calls.append(f"{self.name}.requestheaders")
        if self.fail:
            raise RuntimeError("broken")


class AsyncPart(Part):
    async def request(self, flow: http.HTTPFlow) -> None:
        await asyncio.sleep(0)
        self.calls.append(f"{self.name}.request")


class ReturnsAwaitable(Part):
    def response(self, flow: http.HTTPFlow) -> object:
        self.calls.append(f"{self.name}.response")
        return asyncio.sleep(0)


class SyncPart(Part):
    def request(self, flow: http.HTTPFlow) -> None:
        self.calls.append(f"{self.name}.request")

    def response(self, flow: http.HTTPFlow) -> None:
        self.calls.append(f"{self.name}.response")


def test_the_chain_calls_each_part_in_order_as_mitmproxy_would() -> None:
    calls: list[str] = []
    chain = AddonChain([SyncPart("a", calls), AsyncPart("b", calls), ReturnsAwaitable("c", calls)])
    f = tflow.tflow()
    assert not hasattr(chain, "tcp_start")  # no part has it: mitmproxy skips the chain
    assert not hasattr(chain, "addons")  # mitmproxy must not walk the parts itself
    chain.requestheaders(f)
    assert asyncio.iscoroutinefunction(chain.request)
    asyncio.run(chain.request(f))
    waiting = chain.response(f)  # a sync part's awaitable is awaited before the next part
    assert waiting is not None
    asyncio.run(waiting)
    assert calls == [
        "a.requestheaders",
        "b.requestheaders",
        "c.requestheaders",
        "a.request",
        "b.request",
        "a.response",
        "c.response",
    ]


def test_an_error_in_one_part_stops_the_later_parts_for_that_event() -> None:
    calls: list[str] = []
    chain = AddonChain([Part("a", calls, fail=True), Part("b", calls)])
    with pytest.raises(RuntimeError):
        chain.requestheaders(tflow.tflow())
    assert calls == ["a.requestheaders"]


def test_the_content_filter_caps_held_bodies_when_nobody_set_it() -> None:
    addon = ContentFilter(PolicyFilter())
    with taddons.context(addon) as tctx:
        # mitmdump's proxy server addon defines the option; this harness does not load it.
        tctx.options.add_option("stream_large_bodies", str | None, None, "")
        tctx.configure(addon, qorgan_phrases=str(assets_dir() / "phrases"))
        tctx.options.update(stream_large_bodies=None)
        assert tctx.options.stream_large_bodies == STREAM_LARGE_BODIES
        tctx.options.update(stream_large_bodies="5m")
        assert tctx.options.stream_large_bodies == "5m"
