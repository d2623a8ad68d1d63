"""This user's console preferences (language, idle lock): a small file, no child's data in it."""

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from rules.text import Language

DEFAULT_IDLE_MINUTES = 5


def default_path() -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(folder) / "qorgan" / "console.ini"


class Preferences:
    """Read and written at once; the file is the user's own, not the service's."""

    def __init__(self, path: Path) -> None:
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def language(self, fallback: Language) -> Language:
        value = str(self._settings.value("language", str(fallback)))
        return Language(value) if value in set(Language) else fallback

    def set_language(self, language: Language) -> None:
        self._settings.setValue("language", str(language))
        self._settings.sync()

    def idle_minutes(self) -> int:
        value = self._settings.value("idle_minutes", DEFAULT_IDLE_MINUTES)
        try:
            minutes = int(str(value))
        except ValueError:
            return DEFAULT_IDLE_MINUTES
        return minutes if 1 <= minutes <= 120 else DEFAULT_IDLE_MINUTES

    def set_idle_minutes(self, minutes: int) -> None:
        self._settings.setValue("idle_minutes", minutes)
        self._settings.sync()
