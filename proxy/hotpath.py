"""What several addons ask of every request, answered without mitmproxy's repeated parsing.

mitmproxy's `Request.pretty_host` and `pretty_url` parse the Host header again on each call
(a regular expression and a host check, about 7 µs), and four of Qorgan's addons ask for the
host of each request. Here the parse is kept per Host header value, and the answers are
exactly mitmproxy's (tests/proxy/test_hotpath.py compares them).

`StreamingLogFilter` drops mitmproxy's "Streaming response from <host>." line when nothing
would show it: the content filter streams nearly every response, and making and dispatching
that record (with its deprecated `add_log` event to every addon) cost more than the rest of
Qorgan's hooks together.
"""

import logging

from mitmproxy import http
from mitmproxy.net.http import url

_MAX_HOSTS = 4096
_authorities: dict[str, tuple[str, int | None]] = {}


def _authority(header: str) -> tuple[str, int | None]:
    """mitmproxy's `parse_authority(header, check=False)`, kept per header value."""
    found = _authorities.get(header)
    if found is None:
        if len(_authorities) >= _MAX_HOSTS:
            _authorities.clear()
        found = _authorities[header] = url.parse_authority(header, check=False)
    return found


class _LastHostHeader:
    """`request.host_header` of the last request asked about, while what it comes from is
    unchanged: several hooks ask for each request's host in turn, and finding the Host header
    walks every header (mitmproxy replaces the tuple of header fields on any change)."""

    __slots__ = ("header", "source")

    def __init__(self) -> None:
        self.source: tuple[object, ...] = ()
        self.header: str | None = None

    def get(self, request: http.Request) -> str | None:
        data = request.data
        source = (data.headers.fields, data.authority, data.http_version)
        if source != self.source:
            self.header, self.source = request.host_header, source
        return self.header


host_header = _LastHostHeader().get


def pretty_host(request: http.Request) -> str:
    """`request.pretty_host`: the Host header's host, else the request's."""
    header = host_header(request)
    return _authority(header)[0] if header else request.host


def pretty_host_and_url(request: http.Request) -> tuple[str, str]:
    """`(request.pretty_host, request.pretty_url)` from one look at the Host header."""
    header = host_header(request)
    if not header:
        host = request.host
        if request.first_line_format == "authority":
            return host, request.authority
        return host, request.url
    host, port = _authority(header)
    if request.first_line_format == "authority":
        return host, request.authority
    port = port or url.default_port(request.scheme) or 443
    path = request.path if request.path != "*" else ""
    return host, url.unparse(request.scheme, host, port, path)


STREAMING_PREFIX = "Streaming response from "
SERVER_LOGGER = "mitmproxy.proxy.server"


class StreamingLogFilter(logging.Filter):
    """Drops mitmproxy's per-response streaming line below the level the terminal shows."""

    def __init__(self) -> None:
        super().__init__()
        self.shown = logging.INFO  # mitmdump's default terminal level: keep the line

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= self.shown or not (
            isinstance(record.msg, str) and record.msg.startswith(STREAMING_PREFIX)
        )

    def show_from(self, verbosity: str | None) -> None:
        """Follow mitmproxy's `termlog_verbosity` ("error", "warn", "info", …; None: all)."""
        level = logging.getLevelName(verbosity.upper()) if verbosity else logging.NOTSET
        self.shown = level if isinstance(level, int) else logging.NOTSET
        logging.getLogger(SERVER_LOGGER).addFilter(self)  # once: the same filter is not re-added


STREAMING_LOG = StreamingLogFilter()
