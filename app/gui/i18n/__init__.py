"""The GUI's languages: Qt catalogs compiled from `assets/i18n/*.ts`, switched while running."""

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import assets_dir
from rules.text import Language

CATALOG = "qorgan"
LANGUAGES = (Language.KK, Language.RU, Language.EN)
_TOOLS = Path(PySide6.__file__).resolve().parent
_EXE = ".exe" if sys.platform == "win32" else ""


class CatalogError(RuntimeError):
    """A catalog that cannot be compiled or loaded."""


def sources_dir() -> Path:
    """The translators' `.ts` files, kept in the repository."""
    return assets_dir() / "i18n"


def catalogs_dir() -> Path:
    """The compiled `.qm` files: in the bundle when frozen, else `build/i18n` of the checkout."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "i18n"
    return assets_dir().parent / "build" / "i18n"


def source_path(language: Language) -> Path:
    return sources_dir() / f"{CATALOG}_{language}.ts"


def catalog_path(directory: Path, language: Language) -> Path:
    return directory / f"{CATALOG}_{language}.qm"


def gui_sources() -> list[Path]:
    """Every module whose strings the catalogs translate."""
    gui = Path(__file__).resolve().parent.parent
    return sorted(path for path in gui.rglob("*.py") if "__pycache__" not in path.parts)


def _run(tool: str, arguments: Sequence[str]) -> None:
    command = [str(_TOOLS / f"{tool}{_EXE}"), *arguments]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise CatalogError(f"{tool} failed: {done.stderr.strip() or done.stdout.strip()}")


def build(directory: Path | None = None, sources: Path | None = None) -> list[Path]:
    """Compile every `.ts` into `directory`; the `.qm` files written."""
    directory = directory or catalogs_dir()
    sources = sources or sources_dir()
    directory.mkdir(parents=True, exist_ok=True)
    built = []
    for language in LANGUAGES:
        target = catalog_path(directory, language)
        _run("lrelease", ["-silent", str(sources / source_path(language).name), "-qm", str(target)])
        built.append(target)
    return built


def ensure_built(directory: Path | None = None) -> Path:
    """The catalogs' folder, compiled first when a `.qm` is missing or older than its `.ts`."""
    directory = directory or catalogs_dir()
    for language in LANGUAGES:
        source, target = source_path(language), catalog_path(directory, language)
        if not target.exists() or (
            source.exists() and target.stat().st_mtime < source.stat().st_mtime
        ):
            build(directory)
            break
    return directory


def update_sources(ts_files: Sequence[Path] | None = None) -> None:
    """Add new strings of the GUI's modules to the `.ts` files (a translator's step)."""
    for language in LANGUAGES:
        target = source_path(language) if ts_files is None else ts_files[LANGUAGES.index(language)]
        _run(
            "lupdate",
            [
                *(str(path) for path in gui_sources()),
                *("-locations", "none", "-no-obsolete", "-source-language", "en"),
                *("-target-language", str(language), "-ts", str(target)),
            ],
        )


def language_of(locale: QLocale) -> Language:
    code = locale.name()[:2]
    return Language(code) if code in set(Language) else Language.EN


def current_language() -> Language:
    """The language the GUI speaks now (the default locale that `Translations.switch` sets)."""
    return language_of(QLocale())


class Translations:
    """Qorgan's catalog and Qt's own for one language, installed in the application."""

    def __init__(self, app: QCoreApplication, directory: Path) -> None:
        self._app = app
        self._directory = directory
        self._installed: list[QTranslator] = []
        self.language = current_language()

    def uninstall(self) -> None:
        """Take this object's catalogs out of the application again."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []

    def switch(self, language: Language) -> None:
        """Speak `language` from now on; every widget gets a LanguageChange event."""
        self.uninstall()
        QLocale.setDefault(QLocale(str(language)))
        own = QTranslator(self._app)
        if not own.load(str(catalog_path(self._directory, language))):
            raise CatalogError(f"no catalog for {language} in {self._directory}")
        qt = QTranslator(self._app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translators = [own]
        if qt.load(f"qtbase_{language}", qt_dir):
            translators.append(qt)
        for translator in translators:
            self._app.installTranslator(translator)
        self._installed = translators
        self.language = language
