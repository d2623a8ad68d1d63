"""What the console and the tray do first: options, the Qt application, the language."""

import argparse
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.gui.i18n import CatalogError, Translations, catalogs_dir, ensure_built
from app.gui.icon import shield_icon
from app.gui.preferences import Preferences, default_path
from app.messages import language_from_environment
from app.paths import default_data_dir, socket_path
from rules.text import Language


@dataclass(frozen=True)
class Startup:
    app: QApplication
    translations: Translations
    preferences: Preferences
    socket: Path


def start(program: str, argv: Sequence[str] | None = None) -> Startup:
    """Parse the options, make the application, and speak the chosen language."""
    parser = argparse.ArgumentParser(prog=program)
    parser.add_argument("--data-dir", type=Path, default=None, help="the service's data folder")
    parser.add_argument("--socket", type=Path, default=None, help="the service's IPC socket")
    parser.add_argument("--lang", choices=[str(lang) for lang in Language], default=None)
    parser.add_argument("--preferences", type=Path, default=None, help=argparse.SUPPRESS)
    args, qt_args = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(level=logging.INFO, format=f"{program}: %(message)s")
    app = QApplication([program, *qt_args])
    app.setApplicationName(program)
    app.setWindowIcon(shield_icon())
    preferences = Preferences(args.preferences or default_path())
    try:
        catalogs = ensure_built()
    except (CatalogError, OSError) as error:  # a read-only install without its .qm files
        logging.warning("the translations cannot be compiled: %s", error)
        catalogs = catalogs_dir()
    translations = Translations(app, catalogs)
    language = (
        Language(args.lang) if args.lang else preferences.language(language_from_environment())
    )
    try:
        translations.switch(language)
    except CatalogError as error:
        logging.warning("%s; the console speaks English", error)
    data_dir = args.data_dir or default_data_dir()
    return Startup(app, translations, preferences, args.socket or socket_path(data_dir))
