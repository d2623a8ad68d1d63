"""`qorgan run --demo`: the service as the current user, the proxy on 127.0.0.1, no firewall."""

import getpass
import importlib.util
import logging
import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import FrameType

from app import messages
from app.ipc.server import IpcServer
from app.paths import (
    assets_dir,
    database_path,
    default_data_dir,
    national_list_path,
    socket_path,
)
from app.service.api import Api
from app.service.parts import Part, ServiceContext, parts, register_methods
from app.service.snapshot import SNAPSHOT_NAME, drain_events, take_events, write_snapshot
from app.service.supervisor import ProxyStartError, ProxySupervisor
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy
from rules.policy_io import policy_to_dict
from rules.text import Language

RUN_DIR = "run"
EVENTS_NAME = "decision-events.jsonl"

logger = logging.getLogger(__name__)


def demo_child(policy: Policy) -> str | None:
    """Whose rules the demo proxy applies: the current account's child, else the first child."""
    try:
        profile = policy.profile_for_account(getpass.getuser())
    except LookupError:
        profile = None
    if profile is None and policy.children:
        profile = policy.children[0]
    return None if profile is None else profile.name


class DemoService:
    """The demo's upkeep, once a second: decision events into the store, the policy out."""

    def __init__(self, store: Store, data_dir: Path) -> None:
        self.store = store
        self.run_dir = data_dir / RUN_DIR
        self.spool = self.run_dir / EVENTS_NAME
        self.national = national_list_path(data_dir)
        self.child: str | None = None
        self._published: object = None

    def publish(self) -> bool:
        """Write a new snapshot if the policy, the demo child or the national list changed."""
        policy = self.store.policy()
        child = demo_child(policy)
        try:
            national_stamp: object = self.national.stat().st_mtime_ns
        except OSError:
            national_stamp = None
        state = (policy_to_dict(policy), child, national_stamp)
        if state == self._published:
            return False
        national = self.national if national_stamp is not None else None
        write_snapshot(self.run_dir, policy, national, child)
        self._published, self.child = state, child
        return True

    def ingest(self, final: bool = False) -> int:
        """Move spooled events into the store; `final` once the proxy has stopped writing."""
        events = drain_events(self.spool) if final else take_events(self.spool)
        if events:
            self.store.record_events(events)
        return len(events)


def run_demo(
    data_dir: Path, language: Language = Language.EN, port: int = 8080, console: bool = True
) -> int:
    """Run until SIGINT or SIGTERM; 0 after a clean stop, 1 if the proxy cannot start."""
    stop = threading.Event()
    previous = _stop_on_signals(stop)
    try:
        with Store.open(database_path(data_dir)) as store:
            return _run(store, data_dir, language=language, port=port, console=console, stop=stop)
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _run(
    store: Store,
    data_dir: Path,
    *,
    language: Language,
    port: int,
    console: bool,
    stop: threading.Event,
) -> int:
    if not store.children():
        seed_demo(store, data_dir)
    service = DemoService(store, data_dir)
    service.ingest(final=True)  # what a previous run left behind
    service.publish()
    supervisor = ProxySupervisor.for_mitmdump(
        port, service.run_dir / SNAPSHOT_NAME, service.spool, data_dir
    )
    try:
        supervisor.start()
    except ProxyStartError as error:
        text = messages.PROXY_CANNOT_START.format(error=error).get(language)
        print(f"qorgan: {messages.ERROR.get(language)}: {text}", file=sys.stderr)
        return 1
    ipc = demo_ipc(data_dir)
    ipc.start()
    running: list[Part] = []
    window = None
    try:
        for part in parts(ServiceContext(data_dir, store, "demo", language)):
            part.start()
            running.append(part)
        _print_intro(data_dir, port, service.child, language)
        window = _start_console(data_dir, language) if console else None
        if not console:
            print(messages.CONSOLE_OFF.get(language), flush=True)
        print(messages.PRESS_CTRL_C.get(language), flush=True)
        while not stop.wait(1.0):
            try:
                service.ingest()
                service.publish()
            except (OSError, sqlite3.Error) as error:  # a busy or full disk: try next second
                logger.warning("demo upkeep failed, trying again: %s", error)
            supervisor.poll()
            _tick(running)
    finally:
        if window is not None:
            window.terminate()
        for part in reversed(running):
            part.stop()
        supervisor.stop()
        ipc.stop()
        service.ingest(final=True)
    print(messages.STOPPED.get(language), flush=True)
    return 0


def _tick(running: list[Part]) -> None:
    for part in running:
        try:
            part.tick()
        except Exception:
            logger.exception("service part %s failed; trying again next second", part)


def demo_ipc(data_dir: Path) -> IpcServer:
    """The IPC server of the demo: the console and tray of this user, the proxy as this user."""
    database = database_path(data_dir)
    api = Api(lambda: Store.open(database), datetime.now, proxy_uids=frozenset({os.getuid()}))
    register_methods(api, mode="demo")
    return IpcServer(socket_path(data_dir), api.dispatch)


type Handler = Callable[[int, FrameType | None], object] | int | None


def _stop_on_signals(stop: threading.Event) -> dict[int, Handler]:
    """SIGINT and SIGTERM set `stop`; the handlers they had before, to put back."""

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous: dict[int, Handler] = {}
    for signum in (signal.SIGINT, signal.SIGTERM):
        previous[signum] = signal.signal(signum, handle)
    return previous


def _print_intro(data_dir: Path, port: int, child: str | None, language: Language) -> None:
    proxy_url = f"http://127.0.0.1:{port}"
    data_option = "" if data_dir == default_data_dir() else f" --data-dir {data_dir}"
    ca = data_dir / "mitmproxy" / "mitmproxy-ca-cert.pem"
    nobody = messages.DEMO_NOBODY.get(language)
    lines = [
        messages.DEMO_RUNNING.get(language),
        messages.DEMO_DATA.format(path=database_path(data_dir)).get(language),
        messages.DEMO_FILTERING.format(child=child or nobody).get(language),
        messages.DEMO_LISTENING.format(url=proxy_url).get(language),
        messages.DEMO_TRY.get(language),
        f"  curl -x {proxy_url} http://example.com/",
        f"  qorgan{data_option} check https://www.example.com/ --child {child or 'NAME'}",
        f"  {messages.DEMO_HTTPS.get(language)} curl --cacert {ca} -x {proxy_url} https://...",
    ]
    print("\n".join(lines), flush=True)


def _start_console(data_dir: Path, language: Language) -> subprocess.Popen[bytes] | None:
    """The parent console in its own process, when there is a display and the console exists."""
    if sys.platform != "win32" and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        print(messages.CONSOLE_NO_DISPLAY.get(language), flush=True)
        return None
    try:
        found = importlib.util.find_spec("app.gui.console") is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        print(messages.CONSOLE_MISSING.get(language), flush=True)
        return None
    print(messages.CONSOLE_STARTING.get(language), flush=True)
    environment = {**os.environ, "QORGAN_DATA_DIR": str(data_dir)}
    return subprocess.Popen([sys.executable, "-m", "app.gui.console"], env=environment)


DEMO_CHILD = "Aruzhan"


def seed_demo(store: Store, data_dir: Path) -> None:
    """A sample 12+ child on the current account, and the fictional sample national list."""
    if not store.children():
        store.add_child(
            ChildProfile(
                name=DEMO_CHILD,
                age_class=AgeClass.TWELVE,
                accounts=(getpass.getuser(),),
                language=Language.KK,
            )
        )
    national = national_list_path(data_dir)
    if not national.exists():
        national.parent.mkdir(parents=True, exist_ok=True)
        sample = assets_dir() / "lists" / "national-sample.json"
        national.write_bytes(sample.read_bytes())
