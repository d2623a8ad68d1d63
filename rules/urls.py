"""Web addresses: their one canonical spelling, and rules covering a page and the pages under it."""

import bisect
import re
import string
from dataclasses import dataclass
from urllib.parse import unquote

from rules.hosts import HostError, normalize_host

_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}
_MAX_PORT = 65535
# A scheme, unless the colon starts a port ("example.com:8080/page" has no scheme).
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):(?![0-9]+(?:[/?#]|\Z))")
_HOST_PORT = re.compile(r"(\[[^\]]*\]|[^:]*)(?::([0-9]*))?")
_TABS_AND_NEWLINES = re.compile(r"[\t\n\r]")
_SLASHES = re.compile(r"/{2,}")
# A percent-escape, a lone '%', or a character that has to be escaped.
_ESCAPABLE = re.compile(r"%[0-9A-Fa-f]{2}|[^!-~]|[\"<>`{}%]")
_UNRESERVED = frozenset(string.ascii_letters + string.digits + "-._~")


class UrlError(ValueError):
    """A web address that cannot be filtered: not http(s)/ws(s), or with a bad host or port."""


@dataclass(frozen=True, slots=True)
class Url:
    """A normalised web address; the fragment and any user name are never part of it."""

    scheme: str
    host: str
    port: int | None
    path: str
    query: str

    def __str__(self) -> str:
        port = "" if self.port is None else f":{self.port}"
        return f"{self.scheme}://{_host_text(self.host)}{port}{self.path}{_query_text(self.query)}"


# The slots' own setters: they step around the frozen dataclass's __setattr__.
_new_url = object.__new__
_set_scheme = vars(Url)["scheme"].__set__
_set_host = vars(Url)["host"].__set__
_set_port = vars(Url)["port"].__set__
_set_path = vars(Url)["path"].__set__
_set_query = vars(Url)["query"].__set__


def _url(scheme: str, host: str, port: int | None, path: str, query: str) -> Url:
    """A Url made without the frozen dataclass's checks: the proxy makes one per request."""
    url: Url = _new_url(Url)
    _set_scheme(url, scheme)
    _set_host(url, host)
    _set_port(url, port)
    _set_path(url, path)
    _set_query(url, query)
    return url


def _host_text(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _query_text(query: str) -> str:
    return f"?{query}" if query else ""


def _normalize_escape(found: re.Match[str]) -> str:
    text = found[0]
    if len(text) == 3:
        char = chr(int(text[1:], 16))
        return char if char in _UNRESERVED else text.upper()
    return "".join(f"%{byte:02X}" for byte in text.encode("utf-8", "surrogatepass"))


def _normalize_escapes(text: str) -> str:
    """Spell each character one way: %7e is ~, %2f is %2F, 'қ' is %D2%9B, a lone % is %25."""
    return _ESCAPABLE.sub(_normalize_escape, text)


def _remove_dot_segments(path: str) -> str:
    """Resolve '.' and '..' as the server will, so /a/../bad is seen as /bad."""
    segments = path.split("/")[1:]
    kept: list[str] = []
    for index, segment in enumerate(segments):
        is_last = index == len(segments) - 1
        if segment in {".", ".."}:
            if segment == ".." and kept:
                kept.pop()
            if is_last:
                kept.append("")
        else:
            kept.append(segment)
    return "/" + "/".join(kept)


def normalize_url(raw: str) -> Url:
    """Return the one spelling of a web address that rules and requests are compared in.

    An address without a scheme is taken as http. The fragment, user name and a
    default port are dropped; '.', '..' and repeated slashes in the path are
    resolved, and percent-escapes are spelt one way, so a child cannot reach a
    blocked page by writing its address differently.
    """
    text = _TABS_AND_NEWLINES.sub("", raw.strip())
    found = _SCHEME.match(text)
    scheme = found[1].lower() if found else "http"
    if scheme not in _DEFAULT_PORTS:
        raise UrlError(f"{raw.strip()!r} is not a web address (http, https, ws or wss)")
    rest = text[found.end() :] if found else text
    rest = rest.partition("#")[0]
    rest, _, query = rest.partition("?")
    rest = rest.replace("\\", "/")
    if not found and rest.startswith("/") and not rest.startswith("//"):
        raise UrlError(f"{raw.strip()!r} has no host name")
    authority, slash, path = rest.lstrip("/").partition("/")
    host, port = _host_and_port(authority, raw)
    path = _normalize_escapes(slash + path or "/")
    # Most paths have neither repeated slashes nor '.' segments: they are left as they are.
    if "//" in path:
        path = _SLASHES.sub("/", path)
    if "/." in path:
        path = _remove_dot_segments(path)
    return _url(
        scheme,
        host,
        None if port == _DEFAULT_PORTS[scheme] else port,
        path,
        _normalize_escapes(query) if query else "",
    )


# The host and port of the authorities seen lately: requests name the same few again and again.
_MAX_AUTHORITIES = 4096
_authorities: dict[str, tuple[str, int | None]] = {}


def _host_and_port(authority: str, raw: str) -> tuple[str, int | None]:
    """The normalised host and the port an address's authority names; UrlError if bad."""
    found = _authorities.get(authority)
    if found is not None:
        return found
    host_port = _HOST_PORT.fullmatch(authority.rpartition("@")[2])
    if host_port is None:
        raise UrlError(f"{raw.strip()!r} has an invalid host or port")
    try:
        host = normalize_host(unquote(host_port[1], errors="strict"))
    except HostError as error:
        raise UrlError(str(error)) from error
    except UnicodeDecodeError:
        raise UrlError(f"{raw.strip()!r} has a host that is not valid UTF-8") from None
    port = int(host_port[2]) if host_port[2] else None
    if port is not None and port > _MAX_PORT:
        raise UrlError(f"{raw.strip()!r} has a port larger than {_MAX_PORT}")
    if len(_authorities) >= _MAX_AUTHORITIES:
        _authorities.clear()
    _authorities[authority] = host, port
    return host, port


def _site(host: str) -> str:
    """www.example.com and example.com are one site."""
    return host.removeprefix("www.")


def _query_params(query: str) -> frozenset[tuple[str, str]]:
    return frozenset(
        (name, value)
        for name, _, value in (part.partition("=") for part in query.split("&") if part)
    )


@dataclass(frozen=True, slots=True)
class _Rule[T]:
    text: str
    path: str
    params: frozenset[tuple[str, str]]
    value: T

    @property
    def directory(self) -> str:
        """/bad/ and /bad are one directory: both cover /bad and everything under it."""
        return self.path.removesuffix("/")

    def covers(self, url: Url) -> bool:
        if self.params:
            return url.path == self.path and self.params <= _query_params(url.query)
        return url.path == self.directory or url.path.startswith(self.directory + "/")

    def specificity(self) -> tuple[int, int]:
        """Sort key, most specific first: a longer path, then more query parameters."""
        return (-len(self.directory), -len(self.params))


class UrlPrefixSet[T]:
    """Values filed under URL prefixes; a prefix covers its page and the pages under it.

    A rule's scheme and port are ignored (a page is the same page over http and
    https), www. is ignored on both sides, and paths match whole segments: /bad
    covers /bad, /bad/ and /bad/x, never /badger. A rule with a query covers only
    its exact path with at least the rule's query parameters.
    """

    __slots__ = ("_by_site", "_size")

    def __init__(self) -> None:
        self._by_site: dict[str, list[_Rule[T]]] = {}
        self._size = 0

    def add(self, prefix: str, value: T) -> None:
        """File a value under a URL prefix such as 'example.com/bad' or 'https://x.kz/a?b=1'."""
        url = normalize_url(prefix)
        text = _host_text(url.host) + url.path + _query_text(url.query)
        rule = _Rule(text, url.path, _query_params(url.query), value)
        rules = self._by_site.setdefault(_site(url.host), [])
        bisect.insort(rules, rule, key=_Rule.specificity)
        self._size += 1

    def match(self, url: Url) -> list[tuple[str, T]]:
        """Every (prefix, value) covering a normalised URL, the longest path first."""
        rules = self._by_site.get(_site(url.host), [])
        return [(rule.text, rule.value) for rule in rules if rule.covers(url)]

    def __len__(self) -> int:
        return self._size
