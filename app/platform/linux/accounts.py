"""The PC's OS accounts: which are people, which are admins, whose rules apply, the proxy's user."""

import grp
import os
import pwd
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rules.policy import Policy

LOGIN_DEFS = Path("/etc/login.defs")
# Members of these groups administer the PC: they are never filtered.
ADMIN_GROUPS = ("sudo", "admin", "wheel", "root")
NOBODY_UID = 65534


@dataclass(frozen=True, slots=True)
class Account:
    name: str
    uid: int
    gid: int
    home: Path


def uid_range(login_defs: Path = LOGIN_DEFS) -> tuple[int, int]:
    """The uids `useradd` gives to people (UID_MIN..UID_MAX), 1000..60000 unless configured."""
    values = {"UID_MIN": 1000, "UID_MAX": 60000}
    try:
        lines = login_defs.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[0] in values and parts[1].isdigit():
            values[parts[0]] = int(parts[1])
    return values["UID_MIN"], values["UID_MAX"]


def people(entries: Iterable[pwd.struct_passwd], uids: tuple[int, int]) -> list[Account]:
    """The accounts of people: a uid in the range `useradd` gives them, never `nobody`."""
    low, high = uids
    return sorted(
        (
            Account(entry.pw_name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))
            for entry in entries
            if low <= entry.pw_uid <= high and entry.pw_uid != NOBODY_UID
        ),
        key=lambda account: account.uid,
    )


def admin_names(groups: Iterable[grp.struct_group], admin_groups: Iterable[str]) -> set[str]:
    """Accounts named as members of an admin group (primary groups are checked separately)."""
    wanted = set(admin_groups)
    return {member for group in groups if group.gr_name in wanted for member in group.gr_mem}


def is_admin(account: Account, admins: set[str], admin_gids: set[int]) -> bool:
    return account.uid == 0 or account.name in admins or account.gid in admin_gids


def supervised(
    policy: Policy, accounts: Iterable[Account], admins: set[str], admin_gids: set[int]
) -> dict[int, str]:
    """The child whose rules apply to each supervised account, by uid.

    An admin is never supervised. Any other account gets its child's, its group's or
    the default profile's rules: a new account a child makes is filtered too.
    """
    chosen: dict[int, str] = {}
    for account in accounts:
        if is_admin(account, admins, admin_gids):
            continue
        profile = policy.profile_for_account(account.name)
        if profile is not None:
            chosen[account.uid] = profile.name
    return chosen


def supervised_now(policy: Policy) -> dict[int, str]:
    """`supervised` for this PC's accounts as they are now."""
    groups = grp.getgrall()
    admin_gids = {group.gr_gid for group in groups if group.gr_name in ADMIN_GROUPS}
    return supervised(
        policy,
        people(pwd.getpwall(), uid_range()),
        admin_names(groups, ADMIN_GROUPS),
        admin_gids,
    )


def accounts_by_uid(uids: Iterable[int]) -> Mapping[int, Account]:
    found = {}
    for uid in uids:
        try:
            entry = pwd.getpwuid(uid)
        except KeyError:
            continue
        found[uid] = Account(entry.pw_name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))
    return found


class AccountError(RuntimeError):
    """The proxy's system account cannot be made; the message says why."""


def ensure_system_user(name: str, home: Path) -> Account:
    """The system account `name` (made with `useradd --system` if missing), its home `home`.

    The home is created 0700 and owned by the account: the proxy keeps its CA key there.
    """
    try:
        entry = pwd.getpwnam(name)
    except KeyError:
        command = [
            *("useradd", "--system", "--user-group", "--no-create-home"),
            *("--home-dir", str(home), "--shell", "/usr/sbin/nologin"),
            *("--comment", "Qorgan filtering proxy", name),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise AccountError(f"useradd {name} failed: {done.stderr.strip()}") from None
        entry = pwd.getpwnam(name)
    account = Account(entry.pw_name, entry.pw_uid, entry.pw_gid, home)
    own_directory(home, account.uid, account.gid, 0o700)
    return account


def own_directory(path: Path, uid: int, gid: int, mode: int) -> None:
    """Make `path` a real directory (not a link) owned by uid:gid with `mode`."""
    path.mkdir(mode=mode, parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        os.fchown(fd, uid, gid)
        os.fchmod(fd, mode)
    finally:
        os.close(fd)
