"""Which firewall enforces the plan: nftables, or iptables where `nft` is missing or refuses.

`auto` tries nftables first and falls back to iptables for good the first time `nft`
cannot be run or will not load the table; `nftables` or `iptables` (the service's
`--firewall` flag) uses only that one. Once a backend holds the plan, the other one's
rules, left by an earlier run, are taken away, so that two sets never disagree.
"""

import logging
from collections.abc import Sequence
from enum import StrEnum

from app.platform.linux.firewall import (
    Firewall,
    FirewallError,
    FirewallPlan,
    FirewallState,
    NftFirewall,
)
from app.platform.linux.iptables import IptablesFirewall

logger = logging.getLogger(__name__)


class Backend(StrEnum):
    AUTO = "auto"
    NFTABLES = "nftables"
    IPTABLES = "iptables"


class ChosenFirewall:
    """The first of `backends` that applies the plan; the others only to clean up after."""

    def __init__(self, backends: Sequence[Firewall], others: Sequence[Firewall] = ()) -> None:
        self.backends = list(backends)
        self.others = list(others)
        self.current = self.backends[0]
        self._cleaned = False

    @property
    def name(self) -> str:
        return self.current.name

    @property
    def applied(self) -> FirewallPlan | None:
        return self.current.applied

    def apply(self, plan: FirewallPlan) -> None:
        while True:
            try:
                self.current.apply(plan)
                break
            except (FirewallError, OSError) as error:
                later = self.backends[self.backends.index(self.current) + 1 :]
                if not later:
                    raise FirewallError(f"{self.current.name}: {error}") from error
                logger.warning(
                    "%s cannot apply the firewall (%s); using %s",
                    self.current.name,
                    error,
                    later[0].name,
                )
                self.current = later[0]
        if not self._cleaned:
            self._cleaned = True
            self._clean_others()

    def state(self) -> FirewallState:
        return self.current.state()

    def remove(self) -> None:
        """Remove every backend's rules; an error only if one that holds rules failed.

        A backend whose tool is not installed, or cannot list anything, holds nothing.
        """
        failures = []
        for backend in [*self.backends, *self.others]:
            try:
                if backend.state() is FirewallState.MISSING:
                    continue
                backend.remove()
            except FileNotFoundError:
                continue
            except (FirewallError, OSError) as error:
                failures.append(f"{backend.name}: {error}")
        if failures:
            raise FirewallError("; ".join(failures))

    def _clean_others(self) -> None:
        for other in [b for b in [*self.backends, *self.others] if b is not self.current]:
            try:
                other.remove()
            except (FirewallError, OSError) as error:
                logger.info("no %s rules to take away (%s)", other.name, error)


def choose_firewall(backend: Backend = Backend.AUTO) -> ChosenFirewall:
    """The firewall for `backend`: with `auto`, nftables falling back to iptables."""
    nft, iptables = NftFirewall(), IptablesFirewall()
    match backend:
        case Backend.NFTABLES:
            return ChosenFirewall([nft], [iptables])
        case Backend.IPTABLES:
            return ChosenFirewall([iptables], [nft])
        case _:
            return ChosenFirewall([nft, iptables])
