"""The catalogs: every string of the GUI translated in kk, ru and en, compiled, switchable."""

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.gui.console.login import LoginPage
from app.gui.console.state import ConsoleState
from app.gui.i18n import LANGUAGES, Translations, build, catalog_path, source_path, update_sources
from rules.text import Language

PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in a `.ts` file."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name}: a message without translation"
            found.append((name, message.findtext("source") or "", translation))
    return found


def unfinished(path: Path) -> list[str]:
    return [
        f"{context}: {source!r}"
        for context, source, translation in messages(path)
        if translation.get("type") in {"unfinished", "vanished", "obsolete"}
        or not (translation.text or "").strip()
    ]


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The catalogs as lupdate leaves them after reading the GUI's code as it is now."""
    directory = tmp_path_factory.mktemp("ts")
    copies = [directory / source_path(language).name for language in LANGUAGES]
    for language, copy in zip(LANGUAGES, copies, strict=True):
        shutil.copy(source_path(language), copy)
    update_sources(copies)
    return copies


@pytest.mark.parametrize("language", LANGUAGES, ids=str)
def test_every_string_in_the_code_has_a_finished_translation(
    refreshed: list[Path], language: Language
) -> None:
    catalog = refreshed[LANGUAGES.index(language)]
    missing = unfinished(catalog)
    assert not missing, (
        f"{catalog.name}: {len(missing)} untranslated (run `python -m app.gui.i18n update`"
        " and translate them):\n" + "\n".join(missing[:30])
    )
    assert len(messages(catalog)) > 250  # the whole GUI, not an empty file


@pytest.mark.parametrize("language", LANGUAGES, ids=str)
def test_the_catalogs_in_the_repository_are_current(language: Language) -> None:
    assert not unfinished(source_path(language))


@pytest.mark.parametrize("language", [Language.KK, Language.RU], ids=str)
def test_translations_keep_the_placeholders_and_are_really_translated(language: Language) -> None:
    same = 0
    for context, source, translation in messages(source_path(language)):
        text = translation.text or ""
        where = f"{context}: {source!r} -> {text!r}"
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), where
        text.format(**{name.strip("{}"): "x" for name in PLACEHOLDER.findall(source)})
        same += text == source
    assert same < 10, "most strings must differ from the English source"  # Qorgan, PIN-код…


def test_the_build_step_compiles_every_catalog(tmp_path: Path) -> None:
    built = build(tmp_path)
    assert built == [catalog_path(tmp_path, language) for language in LANGUAGES]
    assert all(path.stat().st_size > 1000 for path in built)


def test_the_language_switches_while_the_console_runs(
    qtbot: QtBot, state: ConsoleState, translations: Translations
) -> None:
    page = LoginPage(state)
    qtbot.addWidget(page)
    assert page.unlock.text() == "Open"
    translations.switch(Language.KK)
    qtbot.waitUntil(lambda: page.unlock.text() == "Ашу")
    assert page.title.text() == "Qorgan ата-ана панелі"
    translations.switch(Language.RU)
    qtbot.waitUntil(lambda: page.unlock.text() == "Открыть")
    assert page.intro.text() == "Введите PIN-код родителя, чтобы открыть панель."
