"""The OS account picker's adapters: people's accounts, not the system's."""

from pathlib import Path
from typing import NamedTuple

from app.gui.accounts import LocalAccount, linux_accounts, local_accounts, windows_accounts


class Entry(NamedTuple):
    pw_name: str
    pw_uid: int
    pw_gecos: str
    pw_shell: str


def test_linux_lists_people_with_a_login_shell() -> None:
    entries = [
        Entry("root", 0, "root", "/bin/bash"),
        Entry("www-data", 33, "www-data", "/usr/sbin/nologin"),
        Entry("nobody", 65534, "nobody", "/usr/sbin/nologin"),
        Entry("dana", 1001, "Dana,,,", "/bin/bash"),
        Entry("Aruzhan", 1000, "Aruzhan B.,Room 2", "/usr/bin/zsh"),
        Entry("backup-robot", 1002, "", "/bin/false"),
    ]
    assert linux_accounts(entries) == [
        LocalAccount("Aruzhan", "Aruzhan B."),
        LocalAccount("dana", "Dana"),
    ]
    assert linux_accounts(entries)[1].label == "dana (Dana)"


def test_windows_lists_profiles_without_the_shared_ones(tmp_path: Path) -> None:
    for name in ("Public", "Default", "aruzhan", "Dana"):
        (tmp_path / name).mkdir()
    (tmp_path / "desktop.ini").write_text("")
    assert windows_accounts(tmp_path) == [LocalAccount("aruzhan"), LocalAccount("Dana")]
    assert windows_accounts(tmp_path / "absent") == []


def test_this_pc_is_asked_for_real() -> None:
    assert all(isinstance(account, LocalAccount) for account in local_accounts())
