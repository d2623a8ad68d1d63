"""`qorgan-service --service`: the Windows service (sc.exe's binPath), run for the SCM.

The service loop is the one the Linux root service and the demo share
(app.service.service_loop): decision events into the store, the policy out to the proxy,
the proxy worker kept up, the parts ticked each second. On Windows the worker listens on
one loopback port per supervised account, which the service assigns and writes into that
account's WinINet settings itself (proxy_ports.py), with the tray's Run value beside
them (service.py) so a child added later gets the tray too; the console and the tray reach it on
the named pipe \\\\.\\pipe\\qorgan (app.ipc.windows_pipe). It keeps each supervised
account's firewall rules itself (child_firewall.py) and records the proxy's and the
firewall's health for the console. It runs in a thread of its own
(app.platform.windows.scm) and stops when the SCM asks.
"""

import argparse
import logging
import os
import sys
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import proxy as proxy_package
from app.ipc.windows_pipe import PipeApi, PipeServer
from app.paths import PIPE_PATH, database_path, national_list_path
from app.platform.windows.child_firewall import ChildFirewall, ProgramRunner
from app.platform.windows.paths import SERVICE_NAME, windows_paths
from app.platform.windows.plan import Programs
from app.platform.windows.proxy_ports import AccountSids, ChildProxies, Registry
from app.platform.windows.scm import ScmApi, run_as_service
from app.platform.windows.service import tray_autostart
from app.platform.windows.setup import FIRST_CHILD_PORT
from app.service.api import Api
from app.service.api_protection import ProtectionRecord
from app.service.parts import Part, ServiceContext, register_methods
from app.service.service_loop import Upkeep, run_loop, start_parts, stop_parts
from app.service.snapshot import SNAPSHOT_NAME
from app.service.supervisor import ProxyStartError, ProxySupervisor, port_is_free
from app.store import Store
from rules.screentime_state import STATE_NAME
from rules.text import Language

logger = logging.getLogger(__name__)


SYSTEM_SID = "S-1-5-18"  # LocalSystem: the service, and the proxy worker it starts


def proxy_command(ports: Sequence[int], run_dir: Path, data_dir: Path) -> list[str]:
    """mitmdump (beside this executable) with a regular proxy listener per child's port."""
    return [
        str(Path(sys.executable).with_name("mitmdump")),
        *(option for port in ports for option in ("--mode", f"regular@127.0.0.1:{port}")),
        "-q",
        *("-s", str(Path(proxy_package.__file__).with_name("worker.py"))),
        *("--set", f"qorgan_snapshot={run_dir / SNAPSHOT_NAME}"),
        *("--set", f"qorgan_events={run_dir / 'decision-events.jsonl'}"),
        *("--set", f"confdir={data_dir / 'mitmproxy'}"),
        *("--set", f"qorgan_ipc={PIPE_PATH}"),
        *("--set", "stream_large_bodies=2m"),
    ]


@dataclass(frozen=True, slots=True)
class Adapters:
    """What only Windows has: account SIDs, the registry, named pipes, the programs that
    manage the firewall (fakes in tests)."""

    accounts: AccountSids
    registry: Registry
    pipes: PipeApi
    programs: ProgramRunner
    pipe_name: str = PIPE_PATH

    @classmethod
    def win32(cls) -> "Adapters":
        from app.platform.windows.pipe_win32 import (  # noqa: PLC0415 - Windows only
            Win32Accounts,
            Win32Pipes,
        )
        from app.platform.windows.registry_win32 import WinRegistry  # noqa: PLC0415

        return cls(Win32Accounts(), WinRegistry(), Win32Pipes(), Programs())


class WindowsProxy:
    """The worker, restarted with a listener per port whenever the ports change."""

    def __init__(self, supervisor: ProxySupervisor, run_dir: Path, data_dir: Path) -> None:
        self.supervisor = supervisor
        self.run_dir, self.data_dir = run_dir, data_dir
        self.listening: tuple[int, ...] = ()
        self.failure: str | None = None  # why it last failed to start, as recorded

    def listen_on(self, ports: Sequence[int]) -> None:
        wanted = tuple(sorted(ports))
        if wanted == self.listening:
            return
        self.supervisor.stop()
        self.listening = ()
        if wanted:
            self.supervisor.command = proxy_command(wanted, self.run_dir, self.data_dir)
            self.supervisor.port = wanted[0]  # ready once it listens there
            self.supervisor.start()
        self.listening = wanted
        logger.info("the proxy listens on ports %s", list(wanted))

    def follow(self, ports: Sequence[int], record: ProtectionRecord) -> None:
        """`listen_on`, a failed start tried again next time; recorded when that changes."""
        failure = None
        try:
            self.listen_on(ports)
        except ProxyStartError as error:
            logger.error("the proxy did not start: %s", error)
            failure = str(error)
        if failure != self.failure:
            self.failure = failure
            record.proxy_failed(failure)


class WorkerHealth:
    """The worker as the protection record sees it: with no child to filter no worker is
    started, and that is no fault."""

    def __init__(self, proxy: WindowsProxy) -> None:
        self._proxy = proxy

    @property
    def restarts(self) -> int:
        return self._proxy.supervisor.restarts

    @property
    def last_exit_code(self) -> int | None:
        return self._proxy.supervisor.last_exit_code

    @property
    def pid(self) -> int | None:
        return self._proxy.supervisor.pid

    @property
    def running(self) -> bool:
        return self._proxy.supervisor.running or not self._proxy.listening


def run_body(
    data_dir: Path,
    stop: threading.Event,
    first_port: int = FIRST_CHILD_PORT,
    tick: float = 0.2,
    adapters: Adapters | None = None,
) -> int:
    """The service loop until `stop` is set: 0 after a clean stop, 1 if it cannot start."""
    adapters = adapters or Adapters.win32()
    run_dir = data_dir / "run"
    with Store.open(database_path(data_dir)) as store:
        upkeep = Upkeep(
            store,
            run_dir,
            run_dir / "decision-events.jsonl",
            national_list_path(data_dir),
            screentime_state=run_dir / STATE_NAME,
        )
        upkeep.ingest(final=True)  # what a previous run left behind
        paths = windows_paths(os.environ)  # as the installer's plan sees them
        children = ChildProxies(
            store,
            adapters.accounts,
            adapters.registry,
            first_port,
            usable=lambda port: port_is_free("127.0.0.1", port),
            tray=lambda sid: tray_autostart(sid, paths),
        )
        supervisor = ProxySupervisor([], "127.0.0.1", first_port, data_dir / "logs" / "proxy.log")
        worker = WindowsProxy(supervisor, run_dir, data_dir)
        record = ProtectionRecord(store, WorkerHealth(worker), tracks_trust=False)
        rules = ChildFirewall(adapters.programs, record)
        api = Api(
            lambda: Store.open(database_path(data_dir)),
            datetime.now,
            proxy_uids=frozenset(),
            proxy_sids=frozenset({SYSTEM_SID}),
        )
        register_methods(api, mode="service")
        pipe = PipeServer(api.dispatch, adapters.pipes, adapters.pipe_name)
        running: list[Part] = []
        try:
            listeners = children.tick()
            rules.tick(children.accounts)  # before the proxy: refused, then filtered
            upkeep.publish_policy(store.policy(), listeners=listeners)
            worker.listen_on(list(listeners))
            running = start_parts(ServiceContext(data_dir, store, "service", Language.EN))
            pipe.start()
            logger.info("Qorgan service running; IPC on %s", adapters.pipe_name)

            def keep() -> None:
                upkeep.tick()
                listeners = children.tick()
                rules.tick(children.accounts)
                upkeep.publish_policy(store.policy(), listeners=listeners)
                worker.follow(list(listeners), record)

            run_loop(stop, supervisor, keep, running, watch=record.watch, poll_every=tick)
        except ProxyStartError as error:
            logger.error("the proxy did not start: %s", error)
            record.proxy_failed(str(error))
            return 1
        except OSError as error:
            logger.error("the service could not start: %s", error)
            return 1
        finally:
            pipe.stop()
            stop_parts(running)
            supervisor.stop()
            upkeep.ingest(final=True)
    logger.info("Qorgan service stopped")
    return 0


def main(argv: Sequence[str] | None = None, api: ScmApi | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qorgan-service --service")
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args(argv)
    data_dir = args.data_dir or Path(str(windows_paths(os.environ).data_dir))
    (data_dir / "logs").mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        filename=data_dir / "logs" / "service.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if api is None:
        from app.platform.windows.scm_win32 import Win32Scm  # noqa: PLC0415 - Windows only

        api = Win32Scm()
    return run_as_service(SERVICE_NAME, lambda stop: run_body(data_dir, stop), api)
