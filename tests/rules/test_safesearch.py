"""SafeSearch and Restricted Mode: which hosts get what, and the query a child cannot undo."""

import pytest

from rules.agetable import SafeSearchLevel
from rules.safesearch import forced_query, forcing_for

STRICT, MODERATE, OFF = SafeSearchLevel.STRICT, SafeSearchLevel.MODERATE, SafeSearchLevel.OFF


@pytest.mark.parametrize(
    ("host", "level", "params"),
    [
        ("www.google.kz", STRICT, (("safe", "active"),)),
        ("google.kz", MODERATE, (("safe", "active"),)),
        ("www.google.com", STRICT, (("safe", "active"),)),
        ("www.google.co.uk", STRICT, (("safe", "active"),)),
        ("www.google.com.tr", STRICT, (("safe", "active"),)),
        ("www.google.ru", STRICT, (("safe", "active"),)),
        ("www.bing.com", STRICT, (("adlt", "strict"),)),
        ("bing.com", MODERATE, (("adlt", "moderate"),)),
        ("yandex.kz", STRICT, (("family", "yes"),)),
        ("www.yandex.ru", MODERATE, (("family", "yes"),)),
        ("yandex.com", STRICT, (("family", "yes"),)),
        ("ya.ru", STRICT, (("family", "yes"),)),
        ("duckduckgo.com", STRICT, (("kp", "1"),)),
        ("html.duckduckgo.com", MODERATE, (("kp", "-1"),)),
    ],
)
def test_search_engines_get_their_parameter(
    host: str, level: SafeSearchLevel, params: tuple[tuple[str, str], ...]
) -> None:
    forcing = forcing_for(host, level)
    assert forcing is not None
    assert forcing.params == params
    assert forcing.headers == ()


@pytest.mark.parametrize(
    ("host", "level", "value"),
    [
        ("www.youtube.com", STRICT, "Strict"),
        ("m.youtube.com", MODERATE, "Moderate"),
        ("youtube.com", STRICT, "Strict"),
        ("www.youtube-nocookie.com", STRICT, "Strict"),
        ("youtubei.googleapis.com", MODERATE, "Moderate"),
    ],
)
def test_youtube_gets_the_restrict_header(host: str, level: SafeSearchLevel, value: str) -> None:
    forcing = forcing_for(host, level)
    assert forcing is not None
    assert forcing.headers == (("YouTube-Restrict", value),)
    assert forcing.params == ()


@pytest.mark.parametrize(
    ("host", "level"),
    [
        ("www.google.kz", OFF),
        ("mail.google.com", STRICT),
        ("google.example.com", STRICT),
        ("notgoogle.kz", STRICT),
        ("yandex.uz.evil.test", STRICT),
        ("example.com", STRICT),
        ("youtube.com.evil.test", STRICT),
    ],
)
def test_other_hosts_and_level_off_get_nothing(host: str, level: SafeSearchLevel) -> None:
    assert forcing_for(host, level) is None


@pytest.mark.parametrize(
    ("query", "forced"),
    [
        ("", "safe=active"),
        ("q=cats", "q=cats&safe=active"),
        ("q=cats&safe=off", "q=cats&safe=active"),
        ("safe=off&q=cats&safe=images", "q=cats&safe=active"),
        ("saf%65=off&q=cats", "q=cats&safe=active"),
        ("q=a&&safe", "q=a&safe=active"),
        ("safety=1", "safety=1&safe=active"),
    ],
)
def test_the_forced_parameter_replaces_whatever_was_there(query: str, forced: str) -> None:
    assert forced_query(query, (("safe", "active"),)) == forced
