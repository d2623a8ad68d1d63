"""The Windows service's own port for each child account (stable for good) and the WinINet
settings it writes into the child's hive, with a real store and a fake registry."""

from pathlib import Path

import pytest

from app.platform.windows.paths import windows_paths
from app.platform.windows.proxy_ports import (
    PORTS_KEY,
    ChildProxies,
    clear_plan,
    set_plan,
)
from app.platform.windows.proxy_settings import INTERNET_SETTINGS, proxy_values
from app.platform.windows.registry import RegType, RegValue, user_key
from app.platform.windows.registry_win32 import WinRegistry, split_key
from app.platform.windows.service import tray_autostart
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile
from rules.ports import assign_ports

ARUZHAN = "S-1-5-21-1-2-3-1001"
TIMUR = "S-1-5-21-1-2-3-1002"
DANA = "S-1-5-21-1-2-3-1003"
SIDS = {"aruzhan": ARUZHAN, "timur": TIMUR, "dana": DANA}
SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"


class FakeAccounts:
    def sid_of(self, account: str) -> str:
        if account not in SIDS:
            raise OSError("LookupAccountNameW failed with Windows error 1332")
        return SIDS[account]


class FakeRegistry:
    def __init__(self, loaded: set[str]) -> None:
        self.hives = loaded
        self.values: dict[tuple[str, str], str | int] = {}
        self.writes = 0

    def loaded(self, sid: str) -> bool:
        return sid in self.hives

    def read(self, key: str, name: str) -> str | int | None:
        return self.values.get((key, name))

    def write(self, value: RegValue) -> None:
        assert value.key.startswith(rf"HKU\{value.key.split(chr(92))[1]}")
        self.writes += 1
        self.values[value.key, value.name] = value.data

    def delete(self, key: str, name: str) -> None:
        self.values.pop((key, name), None)

    def server(self, sid: str) -> str | int | None:
        return self.read(user_key(sid, SETTINGS), "ProxyServer")


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def child(name: str, *accounts: str) -> ChildProfile:
    return ChildProfile(name, AgeClass.TWELVE, accounts=accounts)


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "qorgan.db") as store:
        yield store


def test_a_port_once_given_is_kept_and_never_given_to_another() -> None:
    first = assign_ports({}, [TIMUR, ARUZHAN], 47101, lambda port: True)
    assert first == {ARUZHAN: 47101, TIMUR: 47102}
    later = assign_ports({TIMUR: 47102}, [TIMUR, DANA], 47101, lambda port: True)
    assert later == {TIMUR: 47102, DANA: 47101}
    kept = assign_ports(first, [*first, DANA], 47101, lambda port: port != 47103)
    assert kept == {ARUZHAN: 47101, TIMUR: 47102, DANA: 47104}  # 47103 is someone else's


def test_ports_follow_accounts_not_the_order_of_children(store: Store) -> None:
    registry = FakeRegistry(set())
    clock = Clock()
    proxies = ChildProxies(store, FakeAccounts(), registry, 47101, clock=clock)
    store.add_child(child("Timur", "timur"))
    store.add_child(child("Aruzhan", "aruzhan"))
    assert proxies.tick() == {47101: "Aruzhan", 47102: "Timur"}  # by SID, not by order
    store.remove_child("Aruzhan")
    store.add_child(child("Dana", "dana"))
    listeners = ChildProxies(store, FakeAccounts(), registry, 47101, clock=clock).tick()
    assert listeners[47102] == "Timur"  # a restarted service, a new child: nobody moved
    assert store.setting(PORTS_KEY) == {ARUZHAN: 47101, TIMUR: 47102, DANA: 47103}


def test_an_account_the_pc_does_not_have_gets_no_port(store: Store) -> None:
    store.add_child(child("Aruzhan", "aruzhan", "ghost"))
    proxies = ChildProxies(store, FakeAccounts(), FakeRegistry(set()), 47101)
    assert proxies.tick() == {47101: "Aruzhan"}
    assert proxies.accounts == {ARUZHAN: "aruzhan"}  # what the firewall rules are for


def test_a_group_or_system_account_named_for_a_child_is_not_supervised(store: Store) -> None:
    class WithSystem(FakeAccounts):
        def sid_of(self, account: str) -> str:
            return {"SYSTEM": "S-1-5-18", "Users": "S-1-5-32-545"}.get(account) or super().sid_of(
                account
            )

    store.add_child(child("Aruzhan", "aruzhan", "SYSTEM", "Users"))
    proxies = ChildProxies(store, WithSystem(), FakeRegistry({"S-1-5-18"}), 47101)
    assert proxies.tick() == {47101: "Aruzhan"}  # and no registry key built for S-1-5-18
    assert set(proxies.accounts) == {ARUZHAN}


def test_the_settings_go_into_a_loaded_hive_only_where_they_differ(store: Store) -> None:
    registry = FakeRegistry({ARUZHAN})
    clock = Clock()
    store.add_child(child("Aruzhan", "aruzhan"))
    store.add_child(child("Timur", "timur"))
    proxies = ChildProxies(store, FakeAccounts(), registry, 47101, clock=clock)
    proxies.tick()
    assert registry.server(ARUZHAN) == "127.0.0.1:47101"
    assert registry.server(TIMUR) is None  # signed out: the hive is not loaded
    lock = user_key(ARUZHAN, r"Software\Policies\Microsoft\Internet Explorer\Control Panel")
    assert registry.read(lock, "Proxy") == 1
    assert registry.writes == 5
    registry.values[user_key(ARUZHAN, SETTINGS), "ProxyEnable"] = 0  # the child turned it off
    registry.hives.add(TIMUR)  # and Timur signs in
    clock.now += 1
    proxies.tick()
    assert registry.writes == 5  # not due yet: every few seconds
    clock.now += 5
    proxies.tick()
    assert registry.read(user_key(ARUZHAN, SETTINGS), "ProxyEnable") == 1
    assert registry.server(TIMUR) == "127.0.0.1:47102"
    assert registry.writes == 5 + 1 + 5


def test_a_child_no_longer_supervised_loses_our_settings_but_not_others(store: Store) -> None:
    registry = FakeRegistry({ARUZHAN, TIMUR})
    store.add_child(child("Aruzhan", "aruzhan"))
    store.add_child(child("Timur", "timur"))
    proxies = ChildProxies(store, FakeAccounts(), registry, 47101)
    proxies.tick()
    registry.values[user_key(TIMUR, SETTINGS), "ProxyServer"] = "proxy.school:3128"
    store.update_child(child("Aruzhan"))  # a parent took the account off the child
    store.update_child(child("Timur"))
    assert proxies.tick() == {}
    assert registry.server(ARUZHAN) is None
    assert not [key for key in registry.values if key[0].startswith(rf"HKU\{ARUZHAN}")]
    assert registry.server(TIMUR) == "proxy.school:3128"  # not ours: left alone
    assert store.setting(PORTS_KEY) == {ARUZHAN: 47101, TIMUR: 47102}  # kept for their return


PATHS = windows_paths({"ProgramW6432": r"C:\Program Files"})
RUN = r"Software\Microsoft\Windows\CurrentVersion\Run"
TRAY = '"C:\\Program Files\\Qorgan\\gui\\qorgan-tray.exe"'


def tray_of(registry: FakeRegistry, sid: str) -> str | int | None:
    return registry.read(user_key(sid, RUN), "QorganTray")


def with_tray(store: Store, registry: FakeRegistry, clock: Clock) -> ChildProxies:
    tray = lambda sid: tray_autostart(sid, PATHS)  # noqa: E731 - as the service passes it
    return ChildProxies(store, FakeAccounts(), registry, 47101, clock=clock, tray=tray)


def test_a_child_added_later_gets_the_tray_once_signed_in(store: Store) -> None:
    registry, clock = FakeRegistry({ARUZHAN}), Clock()
    store.add_child(child("Aruzhan", "aruzhan"))
    proxies = with_tray(store, registry, clock)
    proxies.tick()
    assert tray_of(registry, ARUZHAN) == TRAY
    store.add_child(child("Timur", "timur"))  # in the console, after the install
    proxies.tick()  # at once: the children changed
    assert tray_of(registry, TIMUR) is None  # signed out: no hive to write
    registry.hives.add(TIMUR)
    clock.now += 5
    proxies.tick()
    assert tray_of(registry, TIMUR) == TRAY
    assert registry.writes == 2 * 6  # five proxy values and the tray each


def test_the_tray_is_written_only_where_it_differs_and_put_back(store: Store) -> None:
    registry, clock = FakeRegistry({ARUZHAN}), Clock()
    store.add_child(child("Aruzhan", "aruzhan"))
    registry.values[user_key(ARUZHAN, RUN), "QorganTray"] = TRAY  # from windows-setup --child
    proxies = with_tray(store, registry, clock)
    proxies.tick()
    assert registry.writes == 5  # the proxy only: the tray was already right
    registry.values[user_key(ARUZHAN, RUN), "QorganTray"] = r"C:\Users\aruzhan\x.exe"
    clock.now += 5
    proxies.tick()
    assert tray_of(registry, ARUZHAN) == TRAY  # someone else's change put back
    assert registry.writes == 6
    clock.now += 5
    proxies.tick()
    assert registry.writes == 6  # nothing differs: nothing written


def test_an_account_no_longer_supervised_loses_our_tray_only(store: Store) -> None:
    registry, clock = FakeRegistry({ARUZHAN, TIMUR}), Clock()
    store.add_child(child("Aruzhan", "aruzhan"))
    store.add_child(child("Timur", "timur"))
    proxies = with_tray(store, registry, clock)
    proxies.tick()
    registry.values[user_key(TIMUR, RUN), "QorganTray"] = '"D:\\Other\\tray.exe"'
    registry.values[user_key(ARUZHAN, RUN), "OneDrive"] = "onedrive.exe"
    store.update_child(child("Aruzhan"))
    store.update_child(child("Timur"))
    proxies.tick()
    assert tray_of(registry, ARUZHAN) is None
    assert registry.read(user_key(ARUZHAN, RUN), "OneDrive") == "onedrive.exe"  # not ours
    assert tray_of(registry, TIMUR) == '"D:\\Other\\tray.exe"'  # not our value: left alone
    store.update_child(child("Aruzhan", "aruzhan"))  # and back under supervision
    proxies.tick()
    assert tray_of(registry, ARUZHAN) == TRAY


def test_the_registry_plans() -> None:
    registry = FakeRegistry({ARUZHAN})
    wanted = proxy_values(ARUZHAN, 47101)
    assert set_plan(registry, ARUZHAN, 47101) == wanted
    for value in wanted:
        registry.write(value)
    assert set_plan(registry, ARUZHAN, 47101) == []
    assert [v.name for v in set_plan(registry, ARUZHAN, 47102)] == ["ProxyServer"]
    assert clear_plan(registry, ARUZHAN, 47102) == []  # points elsewhere: not ours
    assert len(clear_plan(registry, ARUZHAN, 47101)) == 5
    assert user_key(ARUZHAN, INTERNET_SETTINGS) == wanted[0].key
    tray = tray_autostart(ARUZHAN, PATHS)
    assert set_plan(registry, ARUZHAN, 47101, [tray]) == [tray]
    assert clear_plan(registry, ARUZHAN, 47102, [tray]) == []  # not written: nothing to take
    registry.write(tray)
    assert set_plan(registry, ARUZHAN, 47101, [tray]) == []
    assert clear_plan(registry, ARUZHAN, 47102, [tray]) == [(tray.key, "QorganTray")]


class FakeKey:
    def __init__(self, winreg: "FakeWinreg", path: str) -> None:
        self.winreg, self.path = winreg, path

    def __enter__(self) -> "FakeKey":
        return self

    def __exit__(self, *args: object) -> None:
        pass

    def Close(self) -> None:
        pass


class FakeWinreg:
    """winreg's calls over a dict: (root, path) -> {name: (data, kind)}."""

    HKEY_USERS, HKEY_LOCAL_MACHINE = "HKU", "HKLM"
    REG_SZ, REG_DWORD, KEY_SET_VALUE = 1, 4, 2

    def __init__(self) -> None:
        self.keys: dict[str, dict[str, tuple[object, int]]] = {rf"HKU\{ARUZHAN}": {}}

    def OpenKey(self, root: str, path: str, *args: object) -> FakeKey:
        if rf"{root}\{path}" not in self.keys:
            raise FileNotFoundError(path)
        return FakeKey(self, rf"{root}\{path}")

    def CreateKeyEx(self, root: str, path: str, *args: object) -> FakeKey:
        self.keys.setdefault(rf"{root}\{path}", {})
        return FakeKey(self, rf"{root}\{path}")

    def QueryValueEx(self, key: FakeKey, name: str) -> tuple[object, int]:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(name)
        return self.keys[key.path][name]

    def SetValueEx(self, key: FakeKey, name: str, reserved: int, kind: int, data: object) -> None:
        self.keys[key.path][name] = (data, kind)

    def DeleteValue(self, key: FakeKey, name: str) -> None:
        if name not in self.keys[key.path]:
            raise FileNotFoundError(name)
        del self.keys[key.path][name]


def test_winreg_is_driven_with_the_plans_keys() -> None:
    winreg = FakeWinreg()
    registry = WinRegistry(winreg)
    assert registry.loaded(ARUZHAN) and not registry.loaded(TIMUR)
    key = user_key(ARUZHAN, SETTINGS)
    assert registry.read(key, "ProxyServer") is None
    registry.write(RegValue(key, "ProxyEnable", RegType.DWORD, 1))
    registry.write(RegValue(key, "ProxyServer", RegType.SZ, "127.0.0.1:47101"))
    assert winreg.keys[key]["ProxyEnable"] == (1, FakeWinreg.REG_DWORD)
    assert registry.read(key, "ProxyServer") == "127.0.0.1:47101"
    registry.delete(key, "ProxyServer")
    registry.delete(key, "ProxyServer")  # already gone: nothing
    registry.delete(user_key(TIMUR, SETTINGS), "ProxyServer")
    assert registry.read(key, "ProxyServer") is None
    assert split_key(r"HKLM\SOFTWARE\x") == ("HKEY_LOCAL_MACHINE", r"SOFTWARE\x")
    with pytest.raises(ValueError, match="not under HKU or HKLM"):
        split_key(r"HKCU\Software")
