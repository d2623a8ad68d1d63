"""The root service's proxy worker on Linux: where things live, its command, its CA.

The worker runs mitmdump as the system user `qorgan-proxy`, with one transparent listener
per supervised account and the DNS stub on loopback. This module says where the service and
the worker keep their files (`Layout`), builds the worker's command line, makes the
per-installation CA readable by the worker's user alone, and checks that the worker's
user can reach Python and Qorgan's code.
"""

import os
import socket
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil  # type: ignore[import-untyped, unused-ignore]

import proxy as proxy_package
from app.paths import PROXY_HOME, SERVICE_DATA_DIR, SERVICE_RUN_DIR, assets_dir, service_socket_path
from app.platform.linux import catrust
from app.platform.linux.accounts import Account, own_directory
from app.service.snapshot import SNAPSHOT_NAME
from app.service.supervisor import ProxySupervisor

PROXY_USER = "qorgan-proxy"
DNS_PORT = 47100
FIRST_CHILD_PORT = 47101
SYSTEM_CA_BUNDLE = Path("/etc/ssl/certs/ca-certificates.crt")
CA_FILES = ("mitmproxy-ca.pem", "mitmproxy-ca.p12")  # hold the private key


@dataclass(frozen=True)
class Layout:
    """Where the service keeps things: its data (root only), its run folder, the proxy's home."""

    data_dir: Path = SERVICE_DATA_DIR
    run_dir: Path = SERVICE_RUN_DIR
    proxy_home: Path = PROXY_HOME

    @property
    def socket(self) -> Path:
        return service_socket_path(self.run_dir)

    @property
    def snapshot_dir(self) -> Path:
        """Root writes, the proxy's group reads: the policy snapshot and the national list."""
        return self.run_dir / "proxy"

    @property
    def confdir(self) -> Path:
        """mitmproxy's folder, with the per-installation CA: the proxy's user's alone."""
        return self.proxy_home / "mitmproxy"

    @property
    def spool(self) -> Path:
        return self.proxy_home / "decision-events.jsonl"

    @property
    def trust_paths(self) -> catrust.TrustPaths:
        return catrust.TrustPaths(state_dir=self.data_dir / "catrust")

    @property
    def ca_cert(self) -> Path:
        return self.confdir / "mitmproxy-ca-cert.pem"


def mitmdump_command(ports: Sequence[int], layout: Layout, ipv6: bool) -> list[str]:
    """mitmdump with a transparent listener per port and the DNS stub, on loopback only.

    `block_global` is off: a child's redirected connection comes from the PC's own,
    often global, IPv6 address. Upstream certificates are checked with the system store.
    """
    hosts = ("127.0.0.1", "::1") if ipv6 else ("127.0.0.1",)
    modes = [f"transparent@{host}:{port}" for port in ports for host in hosts]
    modes += [f"dns@{host}:{DNS_PORT}" for host in hosts]
    command = [
        str(Path(sys.executable).with_name("mitmdump")),
        *(option for mode in modes for option in ("--mode", mode)),
        "-q",
        *("-s", str(Path(proxy_package.__file__).with_name("worker.py"))),
        *("--set", f"qorgan_snapshot={layout.snapshot_dir / SNAPSHOT_NAME}"),
        *("--set", f"qorgan_events={layout.spool}"),
        *("--set", f"confdir={layout.confdir}"),
        *("--set", "block_global=false"),
    ]
    if SYSTEM_CA_BUNDLE.exists():
        command += ["--set", f"ssl_verify_upstream_trusted_ca={SYSTEM_CA_BUNDLE}"]
    return command


def ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


class ServiceProxy:
    """The proxy worker of the root service, restarted with new listeners when ports change."""

    def __init__(self, supervisor: ProxySupervisor, layout: Layout, ipv6: bool) -> None:
        self.supervisor = supervisor
        self.layout = layout
        self.ipv6 = ipv6

    @property
    def running(self) -> bool:
        return self.supervisor.running

    def listen_on(self, ports: Sequence[int]) -> None:
        self.supervisor.stop()
        self.supervisor.command = mitmdump_command(ports, self.layout, self.ipv6)
        self.supervisor.start()


def end_stale_workers(uid: int) -> list[int]:
    """Stop what runs as the proxy's user: a worker left by a service that was killed."""
    ended: list[psutil.Process] = []
    for process in psutil.process_iter(["uids"]):
        uids = process.info["uids"]
        if uids is not None and uid in (uids.real, uids.effective):
            try:
                process.kill()
                ended.append(process)
            except psutil.Error:
                continue
    psutil.wait_procs(ended, 5)  # a process already gone counts as ended, never an error
    return [process.pid for process in ended]


def ensure_ca(confdir: Path, proxy: Account) -> bytes:
    """The per-installation CA (made on first start); its key readable by the proxy's user only."""
    from mitmproxy.certs import CertStore  # noqa: PLC0415 - slow to import, needed once

    own_directory(confdir, proxy.uid, proxy.gid, 0o700)
    CertStore.from_store(confdir, "mitmproxy", 2048)
    for path in confdir.iterdir():
        try:  # never through a link the proxy's user may have put there
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                os.fchown(fd, proxy.uid, proxy.gid)
                os.fchmod(fd, 0o600 if path.name in CA_FILES else 0o644)
        finally:
            os.close(fd)
    return (confdir / "mitmproxy-ca-cert.pem").read_bytes()


def closed_to_others(paths: Sequence[Path]) -> list[str]:
    """The folders and files on the way to `paths` that another account cannot read."""
    problems = []
    for target in paths:
        resolved = target.resolve()
        for folder in [*reversed(resolved.parents), resolved]:
            try:
                mode = folder.stat().st_mode
            except OSError as error:
                problems.append(f"{folder}: {error.strerror}")
                break
            needed = stat.S_IXOTH if stat.S_ISDIR(mode) else stat.S_IROTH
            if not mode & needed:
                problems.append(f"{folder} is closed to other accounts")
                break
    return problems


def worker_paths() -> list[Path]:
    """What the proxy's user must read to run: Python, the venv's mitmdump, Qorgan's code."""
    code = Path(proxy_package.__file__).resolve().parent.parent
    return [
        Path(sys.executable),
        Path(sys.executable).with_name("mitmdump"),
        code / "proxy" / "worker.py",
        code / "app" / "lists.py",
        assets_dir(),
    ]
