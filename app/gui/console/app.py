"""Builds the console from its parts and runs it until the window closes."""

from collections.abc import Sequence
from datetime import date

from app.gui.console.idle import IdleWatcher
from app.gui.console.state import ConsoleState
from app.gui.console.window import ConsoleWindow
from app.gui.qtipc import ServiceClient
from app.gui.startup import start
from rules.text import Language


def main(argv: Sequence[str] | None = None) -> int:
    started = start("qorgan-console", argv)
    preferences = started.preferences
    client = ServiceClient(started.socket)
    state = ConsoleState(client)
    idle = IdleWatcher(started.app, preferences.idle_minutes() * 60_000)

    def choose_language(language: Language) -> None:
        started.translations.switch(language)
        preferences.set_language(language)

    def set_idle_minutes(minutes: int) -> None:
        preferences.set_idle_minutes(minutes)
        idle.set_timeout(minutes * 60_000)

    window = ConsoleWindow(
        state,
        choose_language=choose_language,
        idle=idle,
        today=date.today(),
        set_idle_minutes=set_idle_minutes,
        idle_minutes=preferences.idle_minutes(),
    )
    window.show()
    client.start()
    return started.app.exec()
