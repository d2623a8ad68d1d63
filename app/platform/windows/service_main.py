"""`qorgan-service --service`: the Windows service (sc.exe's binPath), run for the SCM.

The service loop is the one the Linux root service and the demo share
(app.service.service_loop): decision events into the store, the policy out to the proxy,
the proxy worker kept up, the parts ticked each second. On Windows the worker listens on
one loopback port per child, in the order of the store's children (the ports
windows-setup gives each child's WinINet proxy). It runs in a thread of its own
(app.platform.windows.scm) and stops when the SCM asks.
"""

import argparse
import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path

import proxy as proxy_package
from app.paths import database_path, national_list_path
from app.platform.windows.paths import SERVICE_NAME, windows_paths
from app.platform.windows.scm import ScmApi, run_as_service
from app.platform.windows.setup import FIRST_CHILD_PORT
from app.service.parts import Part, ServiceContext
from app.service.service_loop import Upkeep, run_loop, start_parts, stop_parts
from app.service.snapshot import SNAPSHOT_NAME
from app.service.supervisor import ProxyStartError, ProxySupervisor
from app.store import Store
from rules.screentime_state import STATE_NAME
from rules.text import Language

logger = logging.getLogger(__name__)


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
        *("--set", "stream_large_bodies=2m"),
    ]


def run_body(
    data_dir: Path, stop: threading.Event, first_port: int = FIRST_CHILD_PORT, tick: float = 0.2
) -> int:
    """The service loop until `stop` is set: 0 after a clean stop, 1 if the proxy cannot start."""
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
        children = [child.name for child in store.policy().children]
        ports = {first_port + offset: child for offset, child in enumerate(children)}
        upkeep.publish_policy(store.policy(), listeners=ports)
        supervisor = ProxySupervisor(
            proxy_command(list(ports), run_dir, data_dir),
            "127.0.0.1",
            first_port,
            data_dir / "logs" / "proxy.log",
        )
        running: list[Part] = []
        try:
            if ports:
                supervisor.start()
            running = start_parts(ServiceContext(data_dir, store, "service", Language.EN))
            logger.info("Qorgan service running; the proxy on ports %s", sorted(ports))

            def keep() -> None:
                upkeep.tick()
                upkeep.publish_policy(store.policy(), listeners=ports)

            run_loop(stop, supervisor, keep, running, poll_every=tick)
        except ProxyStartError as error:
            logger.error("the proxy did not start: %s", error)
            return 1
        finally:
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
