"""Each child account's own proxy port on Windows, and its WinINet settings kept pointing there.

The service is the one source of truth: a supervised account (one a parent named for a
child) gets the lowest free port from 47101 the first time it is seen, keyed by its SID
and kept for good in the setting `windows.proxy_ports`, so adding or removing children
never moves anyone else's port. Every few seconds, and whenever the children change, each
supervised account whose hive is loaded (the child is signed in, so also right after
logon) gets the values proxy_settings.py builds and the tray's Run value (service.py),
written only where they differ; an account no longer supervised gets Qorgan's settings
and tray taken out, if they are still ours.
"""

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from app.platform.windows.proxy_settings import INTERNET_SETTINGS, proxy_values
from app.platform.windows.registry import SID_PATTERN, RegValue, user_key
from app.store import Store
from rules.ipc import JsonValue
from rules.policy import Policy
from rules.ports import assign_ports

PORTS_KEY = "windows.proxy_ports"
CHECK_EVERY = 5.0

logger = logging.getLogger(__name__)


class AccountSids(Protocol):
    def sid_of(self, account: str) -> str:
        """The account's SID; OSError if the PC has no such account."""
        ...


class Registry(Protocol):
    """The few registry operations the service needs (winreg on Windows)."""

    def loaded(self, sid: str) -> bool:
        """Whether HKU\\<SID> is there: the account's hive is loaded (it is signed in)."""
        ...

    def read(self, key: str, name: str) -> str | int | None:
        """The value's data, or None if the key or the value is missing."""
        ...

    def write(self, value: RegValue) -> None: ...

    def delete(self, key: str, name: str) -> None:
        """Remove the value; nothing if it is already gone."""
        ...


def set_plan(
    registry: Registry, sid: str, port: int, others: Sequence[RegValue] = ()
) -> list[RegValue]:
    """The child's proxy values, and `others` (its tray), that are not yet as they must be."""
    wanted = [*proxy_values(sid, port), *others]
    return [v for v in wanted if registry.read(v.key, v.name) != v.data]


def clear_plan(
    registry: Registry, sid: str, port: int, others: Sequence[RegValue] = ()
) -> list[tuple[str, str]]:
    """(key, name) of Qorgan's values to take out: the proxy's if it still points at our
    port, each of `others` (the tray) if it still holds our data."""
    ours = {(v.key, v.name): v.data for v in proxy_values(sid, port)}
    server = user_key(sid, INTERNET_SETTINGS), "ProxyServer"
    proxy = [key for key in ours if registry.read(*key) is not None]
    if registry.read(*server) != ours[server]:
        proxy = []  # someone else's settings now: not ours to remove
    return [*proxy, *((v.key, v.name) for v in others if registry.read(v.key, v.name) == v.data)]


class ChildProxies:
    """Ports for the supervised accounts and their WinINet settings (ticked by the service)."""

    def __init__(
        self,
        store: Store,
        accounts: AccountSids,
        registry: Registry,
        first_port: int,
        *,
        usable: Callable[[int], bool] = lambda port: True,
        clock: Callable[[], float] = time.monotonic,
        tray: Callable[[str], RegValue] | None = None,
    ) -> None:
        self.store = store
        self._accounts = accounts
        self._registry = registry
        self._first_port = first_port
        self._usable = usable
        self._clock = clock
        self._tray = tray  # SID -> the tray's Run value in that hive; None: no tray kept
        self._names: dict[str, str] | None = None  # account -> child, as last seen
        self._missing: set[str] = set()
        self._checked = 0.0
        self.children: dict[str, str] = {}  # SID -> child
        self.accounts: dict[str, str] = {}  # SID -> account name
        self.ports: dict[str, int] = {}  # SID -> port, every SID ever supervised

    @property
    def listeners(self) -> dict[int, str]:
        """Port -> child, for the supervised accounts: the proxy's listeners."""
        return {self.ports[sid]: child for sid, child in self.children.items()}

    def tick(self, policy: Policy | None = None) -> dict[int, str]:
        """Follow the policy's children; apply the settings when due. The listeners."""
        policy = policy or self.store.policy()
        names = {account: child.name for child in policy.children for account in child.accounts}
        if names != self._names or self._clock() - self._checked >= CHECK_EVERY:
            self._names = names
            self._checked = self._clock()
            self._follow(names)
            self._apply()
        return self.listeners

    def _follow(self, names: Mapping[str, str]) -> None:
        children, accounts = {}, {}
        missing = set()
        for account, child in sorted(names.items()):
            try:
                sid = self._accounts.sid_of(account)
                if not SID_PATTERN.fullmatch(sid):  # a group or a system account
                    raise OSError(f"{sid} is not a person's account")
                children[sid], accounts[sid] = child, account
            except OSError as error:
                missing.add(account)
                if account not in self._missing:  # said once, not every few seconds
                    logger.warning("account %s of %s is not on this PC: %s", account, child, error)
        self._missing = missing
        kept = self.store.setting(PORTS_KEY, {})
        known = {
            sid: port
            for sid, port in (kept.items() if isinstance(kept, dict) else [])
            if isinstance(sid, str) and type(port) is int
        }
        every = assign_ports(known, [*known, *children], self._first_port, self._usable)
        if every != known:
            saved: dict[str, JsonValue] = {**every}
            self.store.set_setting(PORTS_KEY, saved)
        if children != self.children:
            logger.info("supervised accounts: %s", dict(sorted(children.items())))
        self.children, self.ports, self.accounts = children, every, accounts

    def _apply(self) -> None:
        for sid, port in sorted(self.ports.items()):
            try:
                if not self._registry.loaded(sid):
                    continue  # signed out: done when the hive is loaded at the next logon
                tray = [self._tray(sid)] if self._tray else []
                if sid in self.children:
                    for value in set_plan(self._registry, sid, port, tray):
                        self._registry.write(value)
                        logger.info("%s: %s set to %s", sid, value.name, value.data)
                else:
                    for key, name in clear_plan(self._registry, sid, port, tray):
                        self._registry.delete(key, name)
                        logger.info("%s: no longer supervised, %s taken out", sid, name)
            except OSError as error:
                logger.error("the proxy and tray values of %s were not written: %s", sid, error)
