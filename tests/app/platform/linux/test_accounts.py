"""Accounts: who is a person, who is an admin, whose rules apply; the proxy's system account."""

import grp
import os
import pwd
import subprocess
import uuid
from pathlib import Path

import pytest

from app.platform.linux.accounts import (
    Account,
    admin_names,
    ensure_system_user,
    people,
    supervised,
    uid_range,
)
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy, SchoolGroup
from rules.ports import assign_ports


def entry(name: str, uid: int, gid: int | None = None) -> pwd.struct_passwd:
    return pwd.struct_passwd((name, "x", uid, uid if gid is None else gid, "", f"/home/{name}", ""))


def account(name: str, uid: int, gid: int | None = None) -> Account:
    return Account(name, uid, uid if gid is None else gid, Path(f"/home/{name}"))


def test_the_uid_range_comes_from_login_defs(tmp_path: Path) -> None:
    defs = tmp_path / "login.defs"
    defs.write_text("# people\nUID_MIN\t\t 2000\nUID_MAX 3000\nSYS_UID_MAX 999\n")
    assert uid_range(defs) == (2000, 3000)
    assert uid_range(tmp_path / "missing") == (1000, 60000)


def test_people_are_the_accounts_useradd_gives_people() -> None:
    entries = [entry("root", 0), entry("daemon", 1), entry("qorgan-proxy", 998)]
    entries += [entry("aruzhan", 1001), entry("nobody", 65534), entry("timur", 1000)]
    assert [a.name for a in people(entries, (1000, 60000))] == ["timur", "aruzhan"]


def test_admins_are_never_supervised_and_the_default_covers_new_accounts() -> None:
    aruzhan = ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=("aruzhan",))
    pupils = ChildProfile("Pupils", AgeClass.SIX)
    groups = [grp.struct_group(("sudo", "x", 27, ["mama"]))]
    admins = admin_names(groups, ("sudo",))
    accounts = [account("aruzhan", 1001), account("mama", 1000), account("newkid", 1003)]
    accounts.append(account("papa", 1002, gid=27))  # an admin by his primary group
    home = Policy(children=(aruzhan,))
    assert supervised(home, accounts, admins, {27}) == {1001: "Aruzhan"}
    school = Policy(
        children=(aruzhan, pupils),
        groups=(SchoolGroup("5A", "Pupils", ("pupil*",)),),
        default_profile="Pupils",
    )
    accounts.append(account("pupil07", 1004))
    assert supervised(school, accounts, admins, {27}) == {
        1001: "Aruzhan",
        1003: "Pupils",
        1004: "Pupils",
    }


def test_ports_are_kept_for_good_and_new_accounts_take_the_lowest_free_one() -> None:
    assert assign_ports({}, [1001, 1000], 47101, lambda port: True) == {1000: 47101, 1001: 47102}
    kept = {1000: 47101, 1001: 47102}
    assert assign_ports(kept, [1001, 1005], 47101, lambda p: True) == {1001: 47102, 1005: 47103}
    assert assign_ports({}, [7], 47101, lambda port: port != 47101) == {7: 47102}


def test_the_proxys_system_account_is_made_once_with_a_private_home(tmp_path: Path) -> None:
    name = f"qorgan-t{uuid.uuid4().hex[:6]}"
    home = tmp_path / "proxy-home"
    try:
        made = ensure_system_user(name, home)
        again = ensure_system_user(name, home)
        assert made == again
        entry = pwd.getpwnam(name)
        assert entry.pw_uid < 1000 and entry.pw_shell == "/usr/sbin/nologin"
        info = home.stat()
        assert (info.st_uid, info.st_mode & 0o7777) == (made.uid, 0o700)
    finally:
        subprocess.run(["userdel", name], check=False, capture_output=True)


def test_a_link_in_place_of_a_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere"
    target.mkdir()
    (tmp_path / "home").symlink_to(target)
    with pytest.raises(OSError, match=r"Too many levels of symbolic links|Not a directory"):
        ensure_system_user("root", tmp_path / "home")
    assert os.stat(target).st_uid == 0
