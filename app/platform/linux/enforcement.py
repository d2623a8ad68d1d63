"""The service part that keeps enforcement in step with the PC's accounts and the policy.

Each second it works out which accounts are supervised (a child's, a group's or, with a
default profile, any other non-admin account), gives each a transparent proxy port of its
own (kept for good in the setting `firewall.ports`), publishes the port-to-child table
with the policy, restarts the proxy when the ports change, and applies the firewall with
the ports a parent opened (the setting `firewall.open_ports`, `qorgan firewall open`).
Every few seconds it checks that the firewall is still as applied and puts it back.
"""

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from app.platform.linux.accounts import Account, accounts_by_uid
from app.platform.linux.firewall import (
    Firewall,
    FirewallError,
    FirewallPlan,
    FirewallState,
)
from app.store import Store
from rules.policy import Policy
from rules.ports import OPEN_PORTS_KEY, OpenPort, OpenPortError, assign_ports

PORTS_KEY = "firewall.ports"
CHECK_EVERY = 5.0
RETRY_EVERY = 5.0

logger = logging.getLogger(__name__)


class Recorder(Protocol):
    def firewall(
        self, state: str, accounts: int, error: str | None = None, backend: str | None = None
    ) -> None: ...
    def firewall_repaired(self, what: str) -> None: ...
    def proxy_failed(self, error: str | None) -> None: ...
    def trust(self, state: str, error: str | None = None) -> None: ...


class ProxyControl(Protocol):
    """The proxy worker as the part sees it: started with listeners for these ports."""

    @property
    def running(self) -> bool: ...

    def listen_on(self, ports: Sequence[int]) -> None:
        """(Re)start the worker listening on these transparent ports; ProxyStartError if not."""
        ...


class Enforcement:
    """Firewall, proxy listeners and CA trust for the supervised accounts (a service part)."""

    def __init__(
        self,
        store: Store,
        firewall: Firewall,
        proxy: ProxyControl,
        record: Recorder,
        *,
        proxy_uid: int,
        dns_port: int,
        first_port: int,
        supervised: Callable[[Policy], Mapping[int, str]],
        publish: Callable[[Policy, Mapping[int, str]], object],
        trust: Callable[[Sequence[Account]], None],
        usable: Callable[[int], bool],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.firewall = firewall
        self.proxy = proxy
        self.record = record
        self.proxy_uid, self.dns_port, self.first_port = proxy_uid, dns_port, first_port
        self._supervised = supervised
        self._publish = publish
        self._trust = trust
        self._usable = usable
        self._clock = clock
        self.children: dict[int, str] = {}  # uid -> child
        self.ports: dict[int, int] = {}  # uid -> port
        self.open_ports: tuple[OpenPort, ...] = ()
        self._bad_ports: set[str] = set()
        self._listening: tuple[int, ...] | None = None
        self._trusted: set[int] | None = None
        self._checked = 0.0
        self._proxy_failed_at: float | None = None
        self._trust_failed_at: float | None = None

    def start(self) -> None:
        self.tick()

    def stop(self) -> None:
        """Nothing: the firewall stays, so a stopped service leaves the child's web refused."""

    def tick(self) -> None:
        policy = self.store.policy()
        children = dict(self._supervised(policy))
        opened = self._opened()
        if children != self.children or not self.ports:
            self.open_ports = opened
            self._follow(children)
        elif opened != self.open_ports:
            self.open_ports = opened
            logger.info("ports a parent opened: %s", ", ".join(map(str, opened)) or "none")
            self._apply_firewall()
        self._publish(policy, {self.ports[uid]: child for uid, child in self.children.items()})
        self._keep_proxy()
        self._keep_trust()
        if self._clock() - self._checked >= CHECK_EVERY:
            self._check_firewall()

    def plan(self) -> FirewallPlan:
        return FirewallPlan(self.proxy_uid, self.dns_port, dict(self.ports), self.open_ports)

    def _opened(self) -> tuple[OpenPort, ...]:
        """The ports a parent opened; an entry that does not parse (edited by hand) is skipped."""
        kept = self.store.setting(OPEN_PORTS_KEY, [])
        opened, bad = set(), set()
        for entry in kept if isinstance(kept, list) else []:
            try:
                opened.add(OpenPort.parse(str(entry)))
            except OpenPortError as error:
                bad.add(str(entry))
                if str(entry) not in self._bad_ports:  # said once, not every second
                    logger.error("setting %s: %s", OPEN_PORTS_KEY, error)
        self._bad_ports = bad
        return tuple(sorted(opened))

    def _follow(self, children: dict[int, str]) -> None:
        kept = self.store.setting(PORTS_KEY, {})
        known = {
            int(uid): port
            for uid, port in (kept.items() if isinstance(kept, dict) else [])
            if uid.isdigit() and isinstance(port, int)
        }
        every = assign_ports(known, [*known, *children], self.first_port, self._usable)
        if every != known:
            self.store.set_setting(PORTS_KEY, {str(uid): port for uid, port in every.items()})
        self.children = children
        self.ports = {uid: every[uid] for uid in children}
        logger.info("supervised accounts: %s", dict(sorted(children.items())))
        self._apply_firewall()
        self._checked = self._clock()

    def _keep_proxy(self) -> None:
        """Listeners for exactly the supervised accounts' ports; a failed start is retried.

        A worker that dies is the supervisor's to restart; this only follows the ports.
        """
        wanted = tuple(sorted(self.ports.values()))
        if wanted == self._listening or not self._due(self._proxy_failed_at):
            return
        try:
            self.proxy.listen_on(wanted)
        except Exception as error:
            self._listening, self._proxy_failed_at = None, self._clock()
            logger.error("the proxy did not start: %s", error)
            self.record.proxy_failed(str(error))
            return
        self._listening, self._proxy_failed_at = wanted, None
        self.record.proxy_failed(None)

    def _keep_trust(self) -> None:
        """The system and browsers trust the CA, and each supervised account's own NSS database."""
        uids = set(self.children)
        if self._trusted is not None and uids <= self._trusted:
            return
        if not self._due(self._trust_failed_at):
            return
        accounts = list(accounts_by_uid(sorted(uids)).values())
        try:
            self._trust(accounts)
        except Exception as error:
            self._trust_failed_at = self._clock()
            logger.error("CA trust not installed: %s", error)
            self.record.trust("failed", str(error))
            return
        self._trusted, self._trust_failed_at = uids, None
        self.record.trust("installed")

    def _due(self, failed_at: float | None) -> bool:
        return failed_at is None or self._clock() - failed_at >= RETRY_EVERY

    def _apply_firewall(self) -> None:
        try:
            self.firewall.apply(self.plan())
        except (FirewallError, OSError) as error:
            logger.error("firewall not applied: %s", error)
            self.record.firewall(FirewallState.FAILED, len(self.ports), str(error))
            return
        self.record.firewall(FirewallState.APPLIED, len(self.ports), backend=self.firewall.name)

    def _check_firewall(self) -> None:
        """Put the table back if anything removed or changed it."""
        self._checked = self._clock()
        try:
            state = self.firewall.state()
        except OSError as error:
            self.record.firewall(FirewallState.FAILED, len(self.ports), str(error))
            return
        if state is FirewallState.APPLIED:
            self.record.firewall(state, len(self.ports))
            return
        logger.warning("firewall table %s; applying it again", state)
        self._apply_firewall()
        self.record.firewall_repaired(str(state))
