"""The iptables form of the firewall plan, for PCs where nftables is missing or refuses.

The same plan as `firewall.py`, as iptables and ip6tables rules in chains of Qorgan's own
(QORGAN-OUT in the nat and filter tables' OUTPUT, and three below it), matched with
`-m owner --uid-owner`. Each table is loaded in one transaction by `iptables-restore
--noflush`, which empties the chains it declares and leaves everyone else's rules alone.
"""

import logging
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from app.platform.linux.firewall import (
    DNS_PORT_53,
    DOT_PORT,
    LOOPBACK_MASK,
    LOOPBACK_TAG,
    QUIC_PORT,
    WEB_PORTS,
    FirewallError,
    FirewallPlan,
    FirewallState,
    Runner,
    loopback_mark,
)
from rules.ports import Protocol4

ENTRY, CHILD, LOOPBACK, REPLY = "QORGAN-OUT", "QORGAN-CHILD", "QORGAN-LOOPBACK", "QORGAN-REPLY"
CHAINS = {"nat": (ENTRY,), "filter": (ENTRY, CHILD, LOOPBACK, REPLY)}
JUMP = ("-A", "OUTPUT", "-j", ENTRY)

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Family:
    """IPv4 or IPv6: its tool, its loopback and its ICMP."""

    tool: str
    loopback: str
    icmp: str


IPV4 = Family("iptables", "127.0.0.0/8", "icmp")
IPV6 = Family("ip6tables", "::1/128", "ipv6-icmp")


type Rule = tuple[str, ...]


def rules(plan: FirewallPlan, family: Family) -> dict[str, list[Rule]]:
    """Each table's rules for `plan`, every one as the arguments after `-A`."""
    children = sorted(plan.child_ports.items())
    proxy = f"-m owner --uid-owner {plan.proxy_uid}"
    nat = [f"{ENTRY} {proxy} -j RETURN"]
    for uid, _ in children:
        for protocol in ("udp", "tcp"):  # a loopback resolver too: before the loopback return
            nat.append(
                f"{ENTRY} -p {protocol} --dport {DNS_PORT_53} -m owner --uid-owner {uid} "
                f"-j REDIRECT --to-ports {plan.dns_port}"
            )
    nat.append(f"{ENTRY} -d {family.loopback} -j RETURN")
    web = ",".join(str(port) for port in WEB_PORTS)
    nat += [
        f"{ENTRY} -p tcp -m multiport --dports {web} -m owner --uid-owner {uid} "
        f"-j REDIRECT --to-ports {port}"
        for uid, port in children
    ]
    tagged = f"-m connmark --mark 0x{LOOPBACK_TAG:08x}/0x{LOOPBACK_MASK:08x}"
    filters = [
        f"{ENTRY} {proxy} -j ACCEPT",
        f"{ENTRY} -m conntrack --ctdir REPLY {tagged} -j {REPLY}",
        *(f"{ENTRY} -m owner --uid-owner {uid} -j {CHILD}" for uid, _ in children),
    ]
    # A child may reach a proxy port only through its own redirect, never another child's.
    filters += [
        f"{CHILD} -p tcp --dport {port} -m conntrack ! --ctstate DNAT "
        "-j REJECT --reject-with tcp-reset"
        for port in sorted(port for _, port in children)
    ]
    filters.append(f"{CHILD} -d {family.loopback} -m conntrack --ctstate DNAT -j ACCEPT")
    for opened in plan.open_ports:
        ports = (
            f"{opened.first}" if opened.first == opened.last else f"{opened.first}:{opened.last}"
        )
        filters.append(
            f"{CHILD} -p {opened.protocol} --dport {ports} -m conntrack --ctdir ORIGINAL -j ACCEPT"
        )
    filters += [
        f"{CHILD} -d {family.loopback} -j {LOOPBACK}",
        f"{CHILD} -p udp --dport {QUIC_PORT} -j DROP",
        *(f"{CHILD} -p {protocol} --dport {DOT_PORT} -j DROP" for protocol in Protocol4),
        f"{CHILD} -p tcp -j REJECT --reject-with tcp-reset",
        f"{CHILD} -j REJECT",
    ]
    filters += [
        f"{LOOPBACK} -m owner --uid-owner {uid} -m conntrack --ctstate NEW "
        f"-j CONNMARK --set-xmark 0x{loopback_mark(uid):08x}/0xffffffff"
        for uid, _ in children
    ]
    filters.append(f"{LOOPBACK} -j ACCEPT")
    filters += [
        f"{REPLY} -m connmark --mark 0x{loopback_mark(uid):08x} -m owner --uid-owner {uid} "
        "-j ACCEPT"
        for uid, _ in children
    ]
    filters += [
        f"{REPLY} -p tcp --tcp-flags RST RST -j ACCEPT",  # "nothing listens": refused, not hung
        f"{REPLY} -p {family.icmp} -j ACCEPT",
        f"{REPLY} -j DROP",  # another account's loopback service
    ]
    return {"nat": [tuple(r.split()) for r in nat], "filter": [tuple(r.split()) for r in filters]}


def restore_script(plan: FirewallPlan, family: Family, add_jump: dict[str, bool]) -> str:
    """An `iptables-restore --noflush` script: Qorgan's chains emptied and filled again.

    `add_jump` says for each table whether OUTPUT still lacks the jump to QORGAN-OUT.
    """
    lines = []
    for table, table_rules in rules(plan, family).items():
        lines.append(f"*{table}")
        lines += [f":{chain} - [0:0]" for chain in CHAINS[table]]
        if add_jump[table]:
            lines.append(f"-I OUTPUT 1 -j {ENTRY}")
        lines += ["-A " + " ".join(rule) for rule in table_rules]
        lines.append("COMMIT")
    return "\n".join(lines) + "\n"


def run_iptables(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(arguments), input=script, capture_output=True, text=True, check=False, timeout=20
    )


def ipv6_enabled() -> bool:
    return Path("/proc/net/if_inet6").exists()


class IptablesFirewall:
    """Applies, checks and removes Qorgan's iptables and ip6tables chains."""

    name = "iptables"

    def __init__(self, run: Runner = run_iptables, ipv6: bool | None = None) -> None:
        self._run = run
        self.families = (IPV4, IPV6) if (ipv6_enabled() if ipv6 is None else ipv6) else (IPV4,)
        self.applied: FirewallPlan | None = None
        self._expected: list[str] = []

    def apply(self, plan: FirewallPlan) -> None:
        for family in self.families:
            jumps = {table: self._jumps(family, table) > 0 for table in CHAINS}
            script = restore_script(plan, family, {t: not has for t, has in jumps.items()})
            done = self._run([f"{family.tool}-restore", "--noflush"], script)
            if done.returncode != 0:
                raise FirewallError(f"{family.tool}-restore failed: {done.stderr.strip()}")
        self.applied = plan
        self._expected = self.listing()
        logger.info(
            "firewall (iptables) applied: %d child account(s) through the proxy",
            len(plan.child_ports),
        )

    def listing(self) -> list[str]:
        """Qorgan's rules and jumps as `iptables-save` prints them, every family and table."""
        found = []
        for family in self.families:
            for table in CHAINS:
                for line in self._save(family, table):
                    if line.startswith(("-A QORGAN-", f"-A OUTPUT -j {ENTRY}")):
                        found.append(f"{family.tool} {table} {line}")
        return found

    def state(self) -> FirewallState:
        """Whether the kernel still holds the rules this firewall last applied."""
        listing = self.listing()
        if not listing:
            return FirewallState.MISSING
        if self.applied is None or listing != self._expected:
            return FirewallState.CHANGED
        return FirewallState.APPLIED

    def remove(self) -> None:
        """Take the jumps out of OUTPUT and delete Qorgan's chains; nothing if there are none."""
        for family in self.families:
            for table, chains in CHAINS.items():
                for _ in range(self._jumps(family, table)):
                    self._run([family.tool, "-t", table, "-D", "OUTPUT", "-j", ENTRY], None)
                present = {
                    line.split()[0][1:] for line in self._save(family, table) if line[:1] == ":"
                }
                for chain in (c for c in chains if c in present):
                    self._run([family.tool, "-t", table, "-F", chain], None)
                for chain in (c for c in chains if c in present):
                    done = self._run([family.tool, "-t", table, "-X", chain], None)
                    if done.returncode != 0:
                        raise FirewallError(f"{family.tool} -X {chain}: {done.stderr.strip()}")
        self.applied = None

    def _save(self, family: Family, table: str) -> list[str]:
        done = self._run([f"{family.tool}-save", "-t", table], None)
        if done.returncode != 0:
            raise FirewallError(f"{family.tool}-save failed: {done.stderr.strip()}")
        return done.stdout.splitlines()

    def _jumps(self, family: Family, table: str) -> int:
        return sum(line == " ".join(JUMP) for line in self._save(family, table))
