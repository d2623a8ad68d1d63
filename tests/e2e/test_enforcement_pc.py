"""The enforcement suite's "PC": its namespaces, the root service in it, and its accounts.

The PC has its own network, mount and pid namespaces, with copies of /etc, /home, /run and
the local CA folder bound over the real ones, so its accounts, trust stores and firewall
never touch this machine. Killing its pid namespace's init ends every process in it, and
that happens by itself if the test process dies. No test functions live here.
"""

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from app.ipc.client import IpcClient
from rules.ipc import IpcError
from tests.e2e.test_enforcement_internet import (
    ISP_RESOLVER,
    NET4,
    NET6,
    OTHER_RESOLVER,
    PC4,
    PC6,
    SITES,
    TUNNEL_SSH,
    TUNNEL_TLS,
)

PREFIX = "qorgan-e2e-"
PIN = "4321"
REPO = Path(__file__).resolve().parents[2]


def run(*argv: str, timeout: float = 30, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=check)


def closed_folders(paths: Sequence[Path]) -> dict[Path, set[str]]:
    """For each folder other accounts cannot enter on the way to `paths`: the entries needed."""
    closed: dict[Path, set[str]] = {}
    for path in paths:
        resolved = path.resolve()
        for folder in reversed(resolved.parents):
            if not folder.stat().st_mode & 0o001:
                below = resolved.relative_to(folder).parts[0]
                closed.setdefault(folder, set()).add(below)
                break
    return closed


@dataclass
class Result:
    code: int
    out: str
    err: str

    @property
    def refused(self) -> bool:
        return self.code != 0


class Pc:
    """The PC's namespaces, its service, and commands run in it as one account or another."""

    def __init__(self, root: Path, name: str, without_nft: bool = False) -> None:
        self.root, self.name = root, name
        # A PC whose `nft` fails (a stand-in for one without nftables): the service falls back.
        self.without_nft = without_nft
        self.netns, self.internet_ns = f"{name}pc", f"{name}net"
        self.holder: subprocess.Popen[bytes] | None = None
        self.init_pid = 0
        self.service: subprocess.Popen[bytes] | None = None
        self.data = root / "data"
        self.proxy_home = root / "proxy-home"

    # Building it.

    def build_network(self) -> None:
        pc, net = self.netns, self.internet_ns
        veth = f"qe{uuid.uuid4().hex[:6]}"
        for namespace in (pc, net):
            run("ip", "netns", "add", namespace)
            run("ip", "-n", namespace, "link", "set", "lo", "up")
        run(
            "ip", "link", "add", veth, "netns", pc, "type", "veth", "peer", "n" + veth, "netns", net
        )
        run("ip", "-n", pc, "addr", "add", f"{PC4}/24", "dev", veth)
        run("ip", "-n", pc, "addr", "add", f"{PC6}/64", "dev", veth, "nodad")
        run("ip", "-n", net, "addr", "add", f"{NET4}/24", "dev", "n" + veth)
        run("ip", "-n", net, "addr", "add", f"{NET6}/64", "dev", "n" + veth, "nodad")
        others = (ISP_RESOLVER, OTHER_RESOLVER, TUNNEL_TLS, TUNNEL_SSH)
        for four, six in [*SITES.values(), *((address, None) for address in others)]:
            run("ip", "-n", net, "addr", "add", f"{four}/32", "dev", "n" + veth)
            if six:
                run("ip", "-n", net, "addr", "add", f"{six}/128", "dev", "n" + veth, "nodad")
        run("ip", "-n", pc, "link", "set", veth, "up")
        run("ip", "-n", net, "link", "set", "n" + veth, "up")
        run("ip", "-n", pc, "route", "add", "default", "via", NET4)
        run("ip", "-n", pc, "-6", "route", "add", "default", "via", NET6)

    def build_files(self, internet_ca: Path) -> None:
        """The PC's own /etc, /home, local CA folder and /run; Python reachable by all."""
        self.root.chmod(0o755)
        shutil.copytree("/etc", self.root / "etc", symlinks=True)
        resolv = self.root / "etc" / "resolv.conf"
        resolv.unlink(missing_ok=True)
        resolv.write_text(f"nameserver {ISP_RESOLVER}\noptions timeout:2 attempts:1\n")
        (self.root / "home").mkdir(mode=0o755)
        local_ca = self.root / "local-ca"
        shutil.copytree("/usr/local/share/ca-certificates", local_ca, symlinks=True)
        shutil.copy(internet_ca, local_ca / "qorgan-e2e-internet.crt")
        (self.root / "views").mkdir()
        binds = [
            f"mount --bind {self.root / 'etc'} /etc",
            f"mount --bind {self.root / 'home'} /home",
            f"mount --bind {local_ca} /usr/local/share/ca-certificates",
            "mount -t tmpfs -o mode=755 qorgan-e2e-run /run",
        ]
        if self.without_nft:
            binds.append(f"mount --bind /bin/false {shutil.which('nft') or '/usr/sbin/nft'}")
        # A Python installed under a closed folder (/root/.pyenv): shown to all in the PC only.
        needed = [Path(sys.executable), REPO]
        for number, (folder, entries) in enumerate(closed_folders(needed).items()):
            view = self.root / "views" / str(number)
            view.mkdir(mode=0o755)
            for entry in entries:
                (view / entry).mkdir()
                binds.append(f"mount --rbind {folder / entry} {view / entry}")
            binds.append(f"mount --rbind {view} {folder}")
        script = " && ".join([*binds, "exec sleep 100000"])
        # If this test process dies, unshare dies, and so does every process in the PC.
        self.holder = subprocess.Popen(
            [
                *("setpriv", "--pdeathsig", "KILL", "--"),
                *("ip", "netns", "exec", self.netns),
                *("unshare", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc"),
                *("sh", "-c", script),
            ]
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            sleepers = [
                p
                for p in psutil.Process(self.holder.pid).children(recursive=True)
                if p.name() == "sleep"
            ]
            if sleepers:
                self.init_pid = sleepers[0].pid
                return
            assert self.holder.poll() is None, "the PC's namespaces could not be made"
            time.sleep(0.05)
        raise AssertionError("the PC's namespaces did not come up")

    def enter(self, *argv: str) -> list[str]:
        return ["nsenter", "-t", str(self.init_pid), "-m", "-n", "-p", "--", *argv]

    def as_root(self, *argv: str, timeout: float = 30) -> Result:
        done = subprocess.run(
            self.enter(*argv), capture_output=True, text=True, timeout=timeout, check=False
        )
        return Result(done.returncode, done.stdout, done.stderr)

    def as_user(self, account: str, *argv: str, timeout: float = 30) -> Result:
        return self.as_root(
            *("setpriv", f"--reuid={account}", f"--regid={account}", "--init-groups"),
            *("--reset-env", "--", *argv),
            timeout=timeout,
        )

    def curl(self, account: str, url: str, *options: str) -> Result:
        """curl as `account`: status and body, or the failure (exit code, message)."""
        return self.as_user(
            account,
            *("env", "LANG=C.UTF-8", "curl", "-sS", "-m", "6", "--noproxy", "*", *options),
            *("-w", "\n%{http_code}", url),
            timeout=15,
        )

    def qorgan(self, *args: str) -> Result:
        """The `qorgan` command as root in the PC, on the service's data folder."""
        return self.as_root(
            *("env", f"PYTHONPATH={REPO}", sys.executable, "-c"),
            "import sys; from app.cli import main; sys.exit(main(sys.argv[1:]))",
            *("--data-dir", str(self.data), "--lang", "en", *args),
        )

    def start_service(self) -> None:
        command = self.enter(
            *(sys.executable, "-m", "app.service.main"),
            *("--data-dir", str(self.data), "--proxy-home", str(self.proxy_home)),
        )
        log = (self.root / "service.log").open("wb")
        self.service = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO)

    @property
    def socket(self) -> Path:
        """The service's socket in the PC's /run, reached through its init's root."""
        return Path(f"/proc/{self.init_pid}/root/run/qorgan/qorgan.sock")

    def status(self) -> dict[str, object]:
        with IpcClient(self.socket) as client:
            client.login(PIN)
            result = client.call("protection.health")
        assert isinstance(result, dict)
        return result

    def uid(self, user: str) -> int:
        """An account's uid in the PC's own /etc/passwd (this machine's does not have it)."""
        for line in (self.root / "etc" / "passwd").read_text().splitlines():
            fields = line.split(":")
            if fields[0] == user:
                return int(fields[2])
        raise LookupError(user)

    def processes(self, user: str) -> list[psutil.Process]:
        """The PC's processes of `user` (those in its pid namespace)."""
        namespace = os.readlink(f"/proc/{self.init_pid}/ns/pid")
        uid = self.uid(user)
        found = []
        for process in psutil.process_iter():
            try:
                if os.readlink(f"/proc/{process.pid}/ns/pid") == namespace and (
                    process.uids().real == uid
                ):
                    found.append(process)
            except (OSError, psutil.Error):
                continue
        return found

    def service_process(self) -> psutil.Process:
        mains = [p for p in self.processes("root") if "app.service.main" in command_line(p)]
        assert len(mains) == 1, mains
        return mains[0]

    def proxy_process_or_none(self) -> psutil.Process | None:
        workers = [p for p in self.processes("qorgan-proxy") if "mitmdump" in command_line(p)]
        return workers[0] if workers else None

    def proxy_process(self) -> psutil.Process:
        workers = [p for p in self.processes("qorgan-proxy") if "mitmdump" in command_line(p)]
        assert len(workers) == 1, workers
        return workers[0]

    def log(self) -> str:
        return (self.root / "service.log").read_text(errors="replace")

    def destroy(self) -> None:
        if self.holder is not None and self.holder.poll() is None:
            self.holder.kill()  # unshare: its child, the PC's init, and everything in it die
            self.holder.wait(10)
        if self.service is not None and self.service.poll() is None:
            self.service.kill()
            self.service.wait(10)
        for namespace in (self.netns, self.internet_ns):
            run("ip", "netns", "delete", namespace, check=False)


def command_line(process: psutil.Process) -> str:
    try:
        return " ".join(process.cmdline())
    except psutil.Error:  # it ended meanwhile
        return ""


def inner_pid(process: psutil.Process) -> int:
    """A process's pid as the PC's own processes see it."""
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("NSpid:"):
            return int(line.split()[-1])
    raise AssertionError("no NSpid")


def wait_for[T](what: str, check: Callable[[], T | None], timeout: float, pc: Pc) -> T:
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = check()
        except (OSError, IpcError, AssertionError):
            value = None
        if value is not None:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:g} s; service log:\n{pc.log()}")
        time.sleep(0.2)


def remove_stale() -> None:
    """Namespaces a killed earlier run left behind."""
    listing = run("ip", "netns", "list", check=False).stdout
    for line in listing.splitlines():
        name = line.split()[0] if line.split() else ""
        if name.startswith(PREFIX):
            run("ip", "netns", "delete", name, check=False)
