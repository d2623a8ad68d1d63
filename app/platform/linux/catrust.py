"""Trust for Qorgan's per-installation CA: the system store, Firefox and Chromium policies, NSS.

`trust_plan` and `removal_plan` are pure: from the facts of the PC they list the steps,
so tests read the plan; `apply` carries the steps out. Everything added is removed again.
"""

import json
import os
import subprocess
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.platform.linux.accounts import Account

CA_NAME = "Qorgan CA"
CA_FILE = "qorgan-ca.crt"
POLICY_FILE = "qorgan.json"
FIREFOX_BACKUP = "firefox-policies.orig.json"

# Chromium and Chrome read every file in their managed-policy folders.
CHROMIUM_POLICY = {"DnsOverHttpsMode": "off", "QuicAllowed": False}


@dataclass(frozen=True)
class TrustPaths:
    """Where each trust store lives; the defaults are the places Debian and the browsers read."""

    system_ca_dir: Path = Path("/usr/local/share/ca-certificates")
    firefox_policies: Path = Path("/etc/firefox/policies/policies.json")
    chromium_policy_dirs: tuple[Path, ...] = (
        Path("/etc/chromium/policies/managed"),
        Path("/etc/opt/chrome/policies/managed"),
    )
    state_dir: Path = Path("/var/lib/qorgan/catrust")
    ca_hooks_dir: Path = Path("/etc/ca-certificates/update.d")
    linked_ca_dir: Path = Path("/etc/ssl/certs")

    @property
    def system_ca(self) -> Path:
        return self.system_ca_dir / CA_FILE

    @property
    def linked_ca(self) -> Path:
        """The link update-ca-certificates makes to the CA, as its hooks name it."""
        return self.linked_ca_dir / CA_FILE.replace(".crt", ".pem")


@dataclass(frozen=True)
class WriteFile:
    path: Path
    content: bytes
    mode: int = 0o644


@dataclass(frozen=True)
class RemoveFile:
    path: Path


@dataclass(frozen=True)
class Run:
    """A command, as `account` when given (a child's own files are touched as the child)."""

    argv: tuple[str, ...]
    account: Account | None = None
    may_fail: bool = False
    stdin: str | None = None


type Step = WriteFile | RemoveFile | Run


@dataclass(frozen=True)
class PcFacts:
    """What the plans depend on, read from the PC by `facts`."""

    firefox_policies: bytes | None  # the policies.json there now, if any
    firefox_backup: bytes | None  # what was there before Qorgan, kept in the state folder
    nss_ready: frozenset[str]  # children whose NSS database already exists
    homes: frozenset[str]  # children whose home folder exists (no home, no NSS database)
    ca_hooks: tuple[Path, ...] = ()  # update-ca-certificates' hooks (ca-certificates-java)


def nss_dir(account: Account) -> Path:
    return account.home / ".pki" / "nssdb"


def facts(paths: TrustPaths, children: Iterable[Account]) -> PcFacts:
    def read(path: Path) -> bytes | None:
        try:
            return path.read_bytes()
        except OSError:
            return None

    children = list(children)
    ready = frozenset(child.name for child in children if (nss_dir(child) / "cert9.db").exists())
    homes = frozenset(child.name for child in children if child.home.is_dir())
    hooks = tuple(
        sorted(p for p in paths.ca_hooks_dir.glob("*") if p.is_file() and os.access(p, os.X_OK))
    )
    return PcFacts(
        read(paths.firefox_policies), read(paths.state_dir / FIREFOX_BACKUP), ready, homes, hooks
    )


def firefox_policies(existing: bytes | None, ca_path: Path) -> bytes:
    """The parent's or school's Firefox policies with Qorgan's CA and DNS-over-HTTPS off, locked."""
    data: dict[str, object] = {}
    if existing:
        try:
            loaded = json.loads(existing)
        except ValueError:
            loaded = {}
        data = loaded if isinstance(loaded, dict) else {}
    policies = data.get("policies")
    policies = dict(policies) if isinstance(policies, dict) else {}
    certificates = policies.get("Certificates")
    certificates = dict(certificates) if isinstance(certificates, dict) else {}
    install = certificates.get("Install")
    install = [str(item) for item in install] if isinstance(install, list) else []
    if str(ca_path) not in install:
        install.append(str(ca_path))
    certificates["Install"] = install
    policies["Certificates"] = certificates
    policies["DNSOverHTTPS"] = {"Enabled": False, "Locked": True}
    data["policies"] = policies
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode()


def trust_plan(
    ca_pem: bytes, paths: TrustPaths, children: Sequence[Account], pc: PcFacts
) -> list[Step]:
    """The steps that make the system, Firefox, Chromium and each child's NSS trust the CA."""
    steps: list[Step] = [
        WriteFile(paths.system_ca, ca_pem),
        Run(("update-ca-certificates",)),
    ]
    if pc.firefox_policies is not None and pc.firefox_backup is None:
        mine = firefox_policies(None, paths.system_ca)
        if pc.firefox_policies != mine:  # the parent's own file: keep it to put back
            steps.append(WriteFile(paths.state_dir / FIREFOX_BACKUP, pc.firefox_policies, 0o600))
    base = pc.firefox_backup if pc.firefox_backup is not None else pc.firefox_policies
    steps.append(WriteFile(paths.firefox_policies, firefox_policies(base, paths.system_ca)))
    chromium = (json.dumps(CHROMIUM_POLICY, indent=2) + "\n").encode()
    steps += [WriteFile(folder / POLICY_FILE, chromium) for folder in paths.chromium_policy_dirs]
    ca_file = str(paths.system_ca)
    for child in children:
        if child.name not in pc.homes:
            continue
        database = f"sql:{nss_dir(child)}"
        if child.name in pc.nss_ready:  # an older CA of the same name goes first
            steps.append(Run(("certutil", "-D", "-d", database, "-n", CA_NAME), child, True))
        else:
            steps.append(Run(("mkdir", "-p", "-m", "0700", str(nss_dir(child))), child))
            steps.append(Run(("certutil", "-N", "-d", database, "--empty-password"), child))
        steps.append(
            Run(
                ("certutil", "-A", "-d", database, "-n", CA_NAME, "-t", "C,,", "-i", ca_file),
                child,
            )
        )
    return steps


def removal_plan(paths: TrustPaths, children: Sequence[Account], pc: PcFacts) -> list[Step]:
    """The steps that take every trace of the CA out again, putting back the parent's policies."""
    steps: list[Step] = [
        RemoveFile(paths.system_ca),
        Run(("update-ca-certificates", "--fresh")),
    ]
    # --fresh tells the store's hooks (Java's keystore) of no removal: tell them as
    # update-ca-certificates would, one "-" line on each hook's stdin.
    gone = f"-{paths.linked_ca}\n"
    steps += [Run((str(hook),), may_fail=True, stdin=gone) for hook in pc.ca_hooks]
    if pc.firefox_backup is not None:
        steps.append(WriteFile(paths.firefox_policies, pc.firefox_backup))
        steps.append(RemoveFile(paths.state_dir / FIREFOX_BACKUP))
    else:
        steps.append(RemoveFile(paths.firefox_policies))
    steps += [RemoveFile(folder / POLICY_FILE) for folder in paths.chromium_policy_dirs]
    for child in children:
        if child.name in pc.nss_ready:
            database = f"sql:{nss_dir(child)}"
            steps.append(Run(("certutil", "-D", "-d", database, "-n", CA_NAME), child, True))
    return steps


class TrustError(RuntimeError):
    """A step failed; the message names it and what the command said."""


type CommandRunner = Callable[[Run], subprocess.CompletedProcess[str]]


def run_command(step: Run) -> subprocess.CompletedProcess[str]:
    """Run a step's command; a child's step runs with the child's uid, groups and home."""
    environment = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}
    account = step.account
    if account is not None:
        environment["HOME"] = str(account.home)
    return subprocess.run(
        step.argv,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        input=step.stdin,
        env=environment,
        cwd="/",
        user=None if account is None else account.uid,
        group=None if account is None else account.gid,
        extra_groups=None if account is None else [],
    )


def apply(steps: Iterable[Step], run: CommandRunner = run_command) -> None:
    """Carry out the steps in order; TrustError at the first that fails (unless it may)."""
    for step in steps:
        match step:
            case WriteFile(path, content, mode):
                _write(path, content, mode)
            case RemoveFile(path):
                path.unlink(missing_ok=True)
            case Run():
                done = run(step)
                if done.returncode != 0 and not step.may_fail:
                    said = (done.stderr or done.stdout).strip()
                    raise TrustError(f"{' '.join(step.argv)} failed: {said}")


def _write(path: Path, content: bytes, mode: int) -> None:
    """Replace `path` at once; the folders on the way are made readable to all."""
    path.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, mode)
    try:
        os.write(fd, content)
        os.fchmod(fd, mode)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temporary, path)
