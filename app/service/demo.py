"""`qorgan run --demo`: the service as the current user, the proxy on 127.0.0.1, no firewall."""

import getpass
import importlib.util
import logging
import os
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

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
from app.service.parts import Part, ServiceContext, register_methods
from app.service.service_loop import (
    Upkeep,
    restore_signals,
    run_loop,
    start_parts,
    stop_on_signals,
    stop_parts,
)
from app.service.snapshot import SNAPSHOT_NAME
from app.service.supervisor import ProxyStartError, ProxySupervisor
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy
from rules.screentime_state import STATE_NAME
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


class DemoService(Upkeep):
    """The demo's upkeep, once a second: decision events into the store, the policy out."""

    def __init__(self, store: Store, data_dir: Path) -> None:
        self.run_dir = data_dir / RUN_DIR
        super().__init__(
            store,
            self.run_dir,
            self.run_dir / EVENTS_NAME,
            national_list_path(data_dir),
            screentime_state=self.run_dir / STATE_NAME,  # the screen-time part writes it here
        )
        self.child: str | None = None

    def publish(self) -> bool:
        """Write a new snapshot if the policy, the demo child or the national list changed."""
        policy = self.store.policy()
        child = demo_child(policy)
        changed = self.publish_policy(policy, demo_child=child)
        self.child = child
        return changed


def run_demo(
    data_dir: Path, language: Language = Language.EN, port: int = 8080, console: bool = True
) -> int:
    """Run until SIGINT or SIGTERM; 0 after a clean stop, 1 if the proxy cannot start."""
    stop = threading.Event()
    previous = stop_on_signals(stop)
    try:
        with Store.open(database_path(data_dir)) as store:
            return _run(store, data_dir, language=language, port=port, console=console, stop=stop)
    finally:
        restore_signals(previous)


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
    running: list[Part] = []
    window = None
    try:
        running = start_parts(ServiceContext(data_dir, store, "demo", language))
        ipc.start()  # after the parts' threads opened the database (it sets the umask)
        _print_intro(data_dir, port, service.child, language)
        window = _start_console(data_dir, language) if console else None
        if not console:
            print(messages.CONSOLE_OFF.get(language), flush=True)
        print(messages.PRESS_CTRL_C.get(language), flush=True)

        def upkeep() -> None:
            service.tick()
            service.publish()

        run_loop(stop, supervisor, upkeep, running)
    finally:
        if window is not None:
            window.terminate()
        stop_parts(running)
        supervisor.stop()
        ipc.stop()
        service.ingest(final=True)
    print(messages.STOPPED.get(language), flush=True)
    return 0


def demo_ipc(data_dir: Path) -> IpcServer:
    """The IPC server of the demo: the console and tray of this user, the proxy as this user."""
    database = database_path(data_dir)
    api = Api(lambda: Store.open(database), datetime.now, proxy_uids=frozenset({os.getuid()}))
    register_methods(api, mode="demo")
    return IpcServer(socket_path(data_dir), api.dispatch)


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
