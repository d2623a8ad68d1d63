"""Text in Kazakh, Russian and English."""

import dataclasses

import pytest

from rules.text import Language, Text

GREETING = Text(kk="Сәлем, {name}!", ru="Привет, {name}!", en="Hello, {name}!")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (Language.KK, "Сәлем, {name}!"),
        (Language.RU, "Привет, {name}!"),
        (Language.EN, "Hello, {name}!"),
    ],
)
def test_get_returns_the_language_asked_for(language: Language, expected: str) -> None:
    assert GREETING.get(language) == expected


def test_languages_are_kazakh_russian_english() -> None:
    assert [str(language) for language in Language] == ["kk", "ru", "en"]
    assert Language("kk") is Language.KK


def test_format_fills_every_language() -> None:
    filled = GREETING.format(name="Әлия")
    assert filled == Text(kk="Сәлем, Әлия!", ru="Привет, Әлия!", en="Hello, Әлия!")
    assert GREETING.kk == "Сәлем, {name}!"  # the original is unchanged


def test_format_with_several_values_and_numbers() -> None:
    text = Text(kk="{minutes} минут, {who}", ru="{minutes} минут, {who}", en="{minutes} min, {who}")
    assert text.format(minutes=15, who="Aru").get(Language.EN) == "15 min, Aru"


def test_format_refuses_a_missing_value() -> None:
    with pytest.raises(KeyError, match="name"):
        GREETING.format(other="x")


def test_text_is_frozen_and_needs_every_language() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        GREETING.kk = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Text(kk="a", ru="b")  # type: ignore[call-arg]


# Regression: rules/text.py:25 the match has no case for a value outside Language, so get() with a
# language code from outside the enum (a stored setting "kz", a browser's "de") returns None
# instead of a message (its return type says str), and a block page would print "None".
# `case _:` raising ValueError (or `Language(language)` first) would refuse it loudly.
@pytest.mark.parametrize("code", ["de", "kz", ""])
def test_get_refuses_a_language_qorgan_does_not_speak(code: str) -> None:
    with pytest.raises(ValueError, match=repr(code)):
        GREETING.get(code)  # type: ignore[arg-type]
