"""SafeSearch and YouTube Restricted Mode: what each engine needs added to a request.

Google (google.kz and every other country domain), Bing, Yandex (.kz, .ru, .com) and
DuckDuckGo take a query parameter; YouTube takes the `YouTube-Restrict` header that
Google documents for networks. The values are data, in one table, so that a changed
parameter is fixed here without touching the logic. Search engines whose safe search
cannot be forced are not here: the `unsafe_search` list blocks them for children.
"""

import re
from dataclasses import dataclass

from rules.agetable import SafeSearchLevel

_STRICT = SafeSearchLevel.STRICT
_ESCAPE = re.compile(r"%([0-9A-Fa-f]{2})")


@dataclass(frozen=True, slots=True)
class Forcing:
    """What goes into a request so the engine gives safe results at one level."""

    engine: str
    params: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class _Engine:
    name: str
    hosts: re.Pattern[str]
    strict: Forcing
    moderate: Forcing


def _params(engine: str, *pairs: tuple[str, str]) -> Forcing:
    return Forcing(engine, params=pairs)


def _header(engine: str, value: str) -> Forcing:
    return Forcing(engine, headers=(("YouTube-Restrict", value),))


# fmt: off
_ENGINES = (
    _Engine(
        "google",
        # google.com, google.kz, google.co.uk, google.com.tr ...: the search hosts only.
        re.compile(r"(?:www\.)?google\.(?:com|[a-z]{2}|co\.[a-z]{2}|com\.[a-z]{2})"),
        _params("google", ("safe", "active")),
        _params("google", ("safe", "active")),  # Google has one forceable level
    ),
    _Engine(
        "bing",
        re.compile(r"(?:www\.|cn\.)?bing\.com"),
        _params("bing", ("adlt", "strict")),
        _params("bing", ("adlt", "moderate")),
    ),
    _Engine(
        "yandex",
        re.compile(r"(?:www\.)?(?:yandex\.(?:kz|ru|com)|ya\.ru)"),
        _params("yandex", ("family", "yes")),
        _params("yandex", ("family", "yes")),  # the family filter is Yandex's one forceable level
    ),
    _Engine(
        "duckduckgo",
        re.compile(r"(?:www\.|html\.|lite\.)?duckduckgo\.com"),
        _params("duckduckgo", ("kp", "1")),
        _params("duckduckgo", ("kp", "-1")),
    ),
    _Engine(
        "youtube",
        re.compile(
            r"(?:www\.|m\.|music\.)?youtube\.com|www\.youtube-nocookie\.com"
            r"|youtubei?\.googleapis\.com"
        ),
        _header("youtube", "Strict"),
        _header("youtube", "Moderate"),
    ),
)
# fmt: on


def forcing_for(host: str, level: SafeSearchLevel) -> Forcing | None:
    """What a request to `host` (normalised) needs at `level`, or None if nothing."""
    if level is SafeSearchLevel.OFF:
        return None
    for engine in _ENGINES:
        if engine.hosts.fullmatch(host):
            return engine.strict if level is _STRICT else engine.moderate
    return None


def forced_query(query: str, params: tuple[tuple[str, str], ...]) -> str:
    """`query` with each forced parameter set once, whatever value the page had put there.

    `?q=cats&safe=off` becomes `?q=cats&safe=active`: every earlier value of a forced
    name is dropped, so a child cannot switch safe search off in the address bar.
    """
    names = {name for name, _ in params}
    kept = [part for part in query.split("&") if part and _name(part) not in names]
    kept += [f"{name}={value}" for name, value in params]
    return "&".join(kept)


def _name(part: str) -> str:
    """A parameter's name as the server reads it: `saf%65` is `safe`."""
    name = part.split("=", 1)[0].replace("+", " ")
    return _ESCAPE.sub(lambda found: chr(int(found[1], 16)), name)
