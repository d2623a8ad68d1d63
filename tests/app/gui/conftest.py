"""The GUI's tests: real Qt (offscreen), a real IPC server and store, the built catalogs."""

import os
import threading

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before anything imports Qt

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.gui.console.idle import IdleWatcher
from app.gui.console.state import ConsoleState
from app.gui.console.window import ConsoleWindow
from app.gui.i18n import Translations, build
from app.gui.qtipc import ServiceClient
from app.ipc.server import IpcServer
from app.service import api_console, api_core, api_firewall
from app.service.api import Api, Call
from app.store import Store
from rules.ageclass import AgeClass
from rules.ipc import JsonValue, Role
from rules.policy import ChildProfile
from rules.text import Language

PIN = "2468"


class Service:
    """The service's IPC as the console meets it: core and console methods over a real socket."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.database = data_dir / "qorgan.db"
        self.api = Api(lambda: Store.open(self.database), datetime.now, frozenset())
        api_core.register(self.api, mode="demo")
        api_console.register(self.api, mode="demo")
        api_firewall.register(self.api)
        self.server = IpcServer(data_dir / "run" / "qorgan.sock", self.api.dispatch)
        self.calls: list[tuple[str, dict[str, JsonValue]]] = []

    @property
    def socket(self) -> Path:
        return self.server.path

    def store(self) -> Store:
        return Store.open(self.database)

    def add(self, method: str, handler: Callable[[Call], JsonValue], role: Role = Role.ANYONE):
        """A method another part of the service will offer (screen time, lists, reports)."""

        def recorded(call: Call) -> JsonValue:
            self.calls.append((method, dict(call.params)))
            return handler(call)

        self.api.add(method, role, recorded)

    def with_pin_and_child(self, *children: ChildProfile) -> None:
        with self.store() as store:
            store.set_pin(PIN)
            for child in children or (ChildProfile("Aruzhan", AgeClass.TWELVE, ("aruzhan",)),):
                store.add_child(child)


@pytest.fixture(scope="session")
def catalogs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("i18n")
    build(directory)
    return directory


@pytest.fixture
def translations(qapp: object, catalogs: Path) -> Iterator[Translations]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = Translations(app, catalogs)
    installed.switch(Language.EN)
    yield installed
    installed.switch(Language.EN)


@pytest.fixture
def service(tmp_path: Path) -> Iterator[Service]:
    started = Service(tmp_path / "data")
    started.server.start()
    yield started
    # Stopping waits for the server's half-second poll: let that happen beside the next test.
    threading.Thread(target=started.server.stop, daemon=True).start()


@pytest.fixture
def client(qtbot: QtBot, service: Service) -> Iterator[ServiceClient]:
    connected = ServiceClient(service.socket)
    with qtbot.waitSignal(connected.connection_changed, timeout=5000):
        connected.start()
    yield connected
    connected.stop()


@pytest.fixture
def state(client: ServiceClient, translations: Translations) -> ConsoleState:
    return ConsoleState(client)


def unlock(qtbot: QtBot, state: ConsoleState) -> None:
    """Sign in with the PIN the way the login page does, and wait for the policy."""
    answer = state.call("auth.login", {"pin": PIN})
    with qtbot.waitSignal(answer.succeeded, timeout=5000) as got:
        pass
    with qtbot.waitSignal(state.policy_changed, timeout=5000):
        state.unlock(got.args[0]["token"])


HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Offscreen Qt warns that it cannot pass size hints to a window manager it does not have."""
    for item in items:
        if item.path.is_relative_to(HERE) or "test_console_" in item.path.name:
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


TODAY = date(2026, 11, 22)


@dataclass
class Console:
    window: ConsoleWindow
    state: ConsoleState
    idle: IdleWatcher
    languages: list[Language]


@pytest.fixture
def open_console(qtbot: QtBot, translations: Translations) -> Iterator[Callable[..., Console]]:
    opened: list[Console] = []

    def open_(service: Service, idle_ms: int = 60_000) -> Console:
        from PySide6.QtWidgets import QApplication

        client = ServiceClient(service.socket)
        state = ConsoleState(client)
        idle = IdleWatcher(QApplication.instance(), idle_ms)  # type: ignore[arg-type]
        languages: list[Language] = []

        def choose(language: Language) -> None:
            languages.append(language)
            translations.switch(language)

        window = ConsoleWindow(
            state,
            choose_language=choose,
            idle=idle,
            today=TODAY,
            set_idle_minutes=lambda minutes: None,
            idle_minutes=5,
        )
        qtbot.addWidget(window)
        window.show()
        client.start()
        console = Console(window, state, idle, languages)
        opened.append(console)
        return console

    yield open_
    for console in opened:
        console.idle.stop()
        console.idle.deleteLater()
        console.state.client.stop()


def sign_in(qtbot: QtBot, console: Console) -> None:
    """Type the PIN on the login page, as a parent would."""
    qtbot.waitUntil(console.window.login.pin.isEnabled, timeout=5000)
    console.window.login.pin.setText(PIN)
    qtbot.keyClick(console.window.login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(console.state.unlocked and console.state.policy.children),
                    timeout=5000)  # fmt: skip


@pytest.fixture
def family(qtbot: QtBot, service: Service, open_console: Callable[..., Console]) -> Console:
    """A signed-in console for the sample family (tests/app/gui/sample.py)."""
    from tests.app.gui.sample import seed

    seed(service, datetime.now())
    console = open_console(service)
    sign_in(qtbot, console)
    return console
