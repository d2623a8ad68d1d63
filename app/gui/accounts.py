"""The PC's local accounts a child may use, as the OS lists them (one small adapter per OS)."""

import getpass
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

if sys.platform != "win32":
    import pwd

FIRST_PERSON_UID = 1000  # Debian, Ubuntu, Fedora: accounts below are the system's own
NO_LOGIN_SHELLS = frozenset({"/usr/sbin/nologin", "/sbin/nologin", "/bin/false", "/usr/bin/false"})
WINDOWS_SYSTEM_PROFILES = frozenset({"public", "default", "default user", "all users"})


@dataclass(frozen=True, slots=True)
class LocalAccount:
    name: str
    full_name: str = ""

    @property
    def label(self) -> str:
        return f"{self.name} ({self.full_name})" if self.full_name else self.name


class PasswdEntry(Protocol):
    """The fields of `pwd.struct_passwd` the adapter reads."""

    @property
    def pw_name(self) -> str: ...
    @property
    def pw_uid(self) -> int: ...
    @property
    def pw_gecos(self) -> str: ...
    @property
    def pw_shell(self) -> str: ...


def linux_accounts(entries: Iterable[PasswdEntry]) -> list[LocalAccount]:
    """People's accounts: uid 1000 or more (not `nobody`) with a shell that lets them log in."""
    found = {
        entry.pw_name: LocalAccount(entry.pw_name, entry.pw_gecos.split(",")[0].strip())
        for entry in entries
        if FIRST_PERSON_UID <= entry.pw_uid < 65534 and entry.pw_shell not in NO_LOGIN_SHELLS
    }
    return [found[name] for name in sorted(found, key=str.casefold)]


def windows_accounts(users_dir: Path) -> list[LocalAccount]:
    """Profiles under `C:\\Users`, without the system's shared ones."""
    try:
        names = [p.name for p in users_dir.iterdir() if p.is_dir()]
    except OSError:
        return []
    return [
        LocalAccount(name)
        for name in sorted(names, key=str.casefold)
        if name.casefold() not in WINDOWS_SYSTEM_PROFILES
    ]


def local_accounts() -> list[LocalAccount]:
    """The accounts of this PC that a child profile may be tied to."""
    if sys.platform == "win32":
        return windows_accounts(Path(os.environ.get("SYSTEMDRIVE", "C:") + "\\") / "Users")
    return linux_accounts(pwd.getpwall())


def current_account() -> str:
    return getpass.getuser()
