"""`qorgan-service`: the root service on Linux: the proxy as its own user, the firewall, CA trust.

Run by systemd (installers/linux/qorgan-service.service) as `python -m app.service.main`.
It starts the proxy worker as the system user `qorgan-proxy` with one transparent
listener per supervised account and a DNS stub, keeps the firewall (nftables, or iptables
where nft is missing or refuses: `--firewall`) and CA trust in step with the accounts,
restarts the worker within seconds when it dies (each restart is an alert), and serves
IPC on /run/qorgan/qorgan.sock to every account: the kernel tells who calls
(SO_PEERCRED), and a parent's methods need the PIN. `--uninstall` takes the firewall
(either backend's), the CA trust and the proxy's account away again.
"""

import argparse
import faulthandler
import logging
import os
import pwd
import signal
import subprocess
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from app.ipc.server import IpcServer
from app.paths import (
    PROXY_HOME,
    SERVICE_DATA_DIR,
    SERVICE_RUN_DIR,
    database_path,
    national_list_path,
)
from app.platform.linux import catrust
from app.platform.linux.accounts import (
    Account,
    AccountError,
    ensure_system_user,
    own_directory,
    people,
    supervised_now,
    uid_range,
)
from app.platform.linux.backends import Backend, choose_firewall
from app.platform.linux.enforcement import Enforcement
from app.platform.linux.firewall import FirewallError
from app.service.api import Api
from app.service.api_protection import ProtectionRecord
from app.service.parts import ServiceContext, register_methods
from app.service.root_proxy import (
    DNS_PORT,
    FIRST_CHILD_PORT,
    PROXY_USER,
    Layout,
    ServiceProxy,
    closed_to_others,
    end_stale_workers,
    ensure_ca,
    ipv6_loopback,
    mitmdump_command,
    worker_paths,
)
from app.service.screentime_store import RUN_DIR
from app.service.service_loop import (
    Upkeep,
    restore_signals,
    run_loop,
    start_parts,
    stop_on_signals,
    stop_parts,
)
from app.service.supervisor import ProxySupervisor, port_is_free
from app.store import Store
from rules.screentime_state import STATE_NAME
from rules.text import Language

logger = logging.getLogger("qorgan.service")


def install_trust(layout: Layout, ca_pem: bytes, children: Sequence[Account]) -> None:
    paths = layout.trust_paths
    plan = catrust.trust_plan(ca_pem, paths, children, catrust.facts(paths, children))
    catrust.apply(plan)


def run_service(
    layout: Layout,
    proxy_user: str = PROXY_USER,
    stop: threading.Event | None = None,
    backend: Backend = Backend.AUTO,
) -> int:
    """Run until SIGTERM or SIGINT (or `stop`); 0 after a clean stop, 1 if it cannot start."""
    stop = stop or threading.Event()
    os.umask(0o027)
    try:
        proxy = ensure_system_user(proxy_user, layout.proxy_home)
        stale = end_stale_workers(proxy.uid)
        if stale:
            logger.warning("stopped proxy workers left behind: %s", stale)
        own_directory(layout.data_dir, 0, 0, 0o700)
        own_directory(layout.run_dir, 0, 0, 0o755)
        # Set-group-ID: what the service writes there belongs to the proxy's group; with the
        # umask above it is 0640: root writes, the proxy reads, no one else.
        own_directory(layout.snapshot_dir, 0, proxy.gid, 0o2750)
        ca_pem = ensure_ca(layout.confdir, proxy)
    except (AccountError, OSError, subprocess.SubprocessError) as error:
        logger.error("the service cannot start: %s", error)
        return 1
    previous = (
        stop_on_signals(stop) if threading.current_thread() is threading.main_thread() else {}
    )
    try:
        with Store.open(database_path(layout.data_dir)) as store:
            _serve(store, layout, proxy, ca_pem, stop, backend=backend)
    finally:
        restore_signals(previous)
    return 0


def _serve(
    store: Store,
    layout: Layout,
    proxy: Account,
    ca_pem: bytes,
    stop: threading.Event,
    *,
    backend: Backend = Backend.AUTO,
) -> None:
    upkeep = Upkeep(
        store,
        layout.snapshot_dir,
        layout.spool,
        national_list_path(layout.data_dir),
        copy_national=True,
        screentime_state=layout.data_dir / RUN_DIR / STATE_NAME,
    )
    upkeep.ingest(final=True)  # what a previous run left behind
    ipv6 = ipv6_loopback()
    supervisor = ProxySupervisor(
        mitmdump_command([], layout, ipv6),
        "127.0.0.1",
        DNS_PORT,
        layout.data_dir / "logs" / "proxy.log",
        popen_options={
            "user": proxy.uid,
            "group": proxy.gid,
            "extra_groups": [],
            "umask": 0o077,
            "cwd": str(layout.proxy_home),
            "env": {"HOME": str(layout.proxy_home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"},
        },
    )
    record = ProtectionRecord(store, supervisor)
    problems = closed_to_others(worker_paths())
    if problems:  # fail closed: the firewall still goes up, the child's web is refused
        message = f"the proxy's user cannot run Qorgan's code: {'; '.join(problems)}"
        logger.error(message)
        record.proxy_failed(message)
    enforcement = Enforcement(
        store,
        choose_firewall(backend),
        ServiceProxy(supervisor, layout, ipv6),
        record,
        proxy_uid=proxy.uid,
        dns_port=DNS_PORT,
        first_port=FIRST_CHILD_PORT,
        supervised=supervised_now,
        publish=lambda policy, listeners: upkeep.publish_policy(policy, listeners=listeners),
        trust=lambda children: install_trust(layout, ca_pem, children),
        usable=lambda port: port_is_free("127.0.0.1", port),
    )
    api = Api(
        lambda: Store.open(database_path(layout.data_dir)), datetime.now, frozenset({proxy.uid})
    )
    register_methods(api, mode="service")
    ipc = IpcServer(layout.socket, api.dispatch, mode=0o666)
    running = []
    try:
        enforcement.start()
        running = start_parts(ServiceContext(layout.data_dir, store, "service", Language.EN))
        ipc.start()  # after the parts' threads opened the database (it sets the umask)
        logger.info("Qorgan service running; IPC on %s", layout.socket)
        parts = [enforcement, *running]
        run_loop(stop, supervisor, upkeep.tick, parts, watch=record.watch)
    finally:
        stop_parts(running)
        supervisor.stop()
        ipc.stop()
        upkeep.ingest(final=True)
        logger.info(
            "Qorgan service stopped; the firewall stays, so filtered accounts stay off the web"
        )


def uninstall(layout: Layout, proxy_user: str = PROXY_USER) -> int:
    """Remove the firewall (either backend's), the CA trust, the proxy's account and home."""
    failures = 0
    try:
        choose_firewall(Backend.AUTO).remove()
    except (FirewallError, OSError) as error:
        logger.error("%s", error)
        failures += 1
    accounts = people(pwd.getpwall(), uid_range())
    paths = layout.trust_paths
    try:
        catrust.apply(catrust.removal_plan(paths, accounts, catrust.facts(paths, accounts)))
    except (catrust.TrustError, OSError) as error:
        logger.error("%s", error)
        failures += 1
    try:
        proxy_uid = pwd.getpwnam(proxy_user).pw_uid
    except KeyError:
        proxy_uid = None
    if proxy_uid is not None:
        end_stale_workers(proxy_uid)
        done = subprocess.run(["userdel", proxy_user], capture_output=True, text=True, check=False)
        failures += done.returncode != 0
    subprocess.run(["rm", "-rf", "--one-file-system", str(layout.proxy_home)], check=False)
    subprocess.run(["rm", "-rf", "--one-file-system", str(layout.run_dir)], check=False)
    return 1 if failures else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qorgan-service", description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=SERVICE_DATA_DIR)
    parser.add_argument("--run-dir", type=Path, default=SERVICE_RUN_DIR)
    parser.add_argument("--proxy-home", type=Path, default=PROXY_HOME)
    parser.add_argument("--proxy-user", default=PROXY_USER)
    parser.add_argument(
        "--firewall",
        choices=[backend.value for backend in Backend],
        default=Backend.AUTO.value,
        help="nftables, iptables, or auto: nftables, else iptables (default)",
    )
    parser.add_argument(
        "--uninstall", action="store_true", help="remove the firewall, CA trust and proxy user"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if sys.platform != "linux" or os.geteuid() != 0:
        print(
            "qorgan-service: runs as root on Linux (demo mode: qorgan run --demo)", file=sys.stderr
        )
        return 2
    faulthandler.register(signal.SIGUSR1)  # `kill -USR1` writes every thread's stack to the log
    layout = Layout(args.data_dir, args.run_dir, args.proxy_home)
    if args.uninstall:
        return uninstall(layout, args.proxy_user)
    return run_service(layout, args.proxy_user, backend=Backend(args.firewall))


if __name__ == "__main__":
    sys.exit(main())
