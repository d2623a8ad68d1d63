"""The nftables firewall: a child's traffic goes through the proxy or nowhere (fail closed).

Qorgan keeps its rules in its own table, `inet qorgan` (IPv4 and IPv6 alike), replaced
in one transaction by `nft -f -`. For each child uid:

- TCP 80 and 443 are redirected to that child's transparent proxy port on loopback;
  when the proxy is down nothing listens there and the connection is refused;
- DNS (UDP and TCP 53) to any resolver is redirected to the proxy's DNS stub;
- UDP 443 (QUIC) and TCP/UDP 853 (DNS-over-TLS) are dropped;
- anything else leaving the PC is rejected: no other port or protocol gets around the proxy;
- a proxy port is reached only through the child's own redirect, so a child cannot
  connect to a brother's port and be filtered by his rules.

The proxy's own user is excluded (its connections go out as they are), and loopback is
left alone. TODO: an iptables fallback for PCs without nftables (Debian 12, Ubuntu 22.04,
Fedora and Mint all have it).
"""

import hashlib
import logging
import re
import subprocess
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

TABLE = "qorgan"
FAMILY = "inet"
WEB_PORTS = (80, 443)
_COUNTER = re.compile(r"counter packets \d+ bytes \d+")

logger = logging.getLogger(__name__)


class FirewallError(RuntimeError):
    """nft refused a command; the message has its error output."""


class FirewallState(StrEnum):
    APPLIED = "applied"
    MISSING = "missing"
    CHANGED = "changed"
    FAILED = "failed"


@dataclass(frozen=True)
class FirewallPlan:
    """What the table must say: each child uid's transparent port, the DNS stub, the proxy uid."""

    proxy_uid: int
    dns_port: int
    child_ports: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))

    def digest(self) -> str:
        """A short fingerprint of the plan, kept as the table's comment."""
        text = ruleset_body(self)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def ruleset_body(plan: FirewallPlan) -> str:
    """The table's chains for `plan`, in nft syntax."""
    redirects = []
    children = []
    for uid, port in sorted(plan.child_ports.items()):
        web = ", ".join(str(p) for p in WEB_PORTS)
        redirects.append(f"    meta skuid {uid} tcp dport {{ {web} }} redirect to :{port}")
        redirects.append(
            f"    meta skuid {uid} meta l4proto {{ tcp, udp }} th dport 53 "
            f"redirect to :{plan.dns_port}"
        )
        children.append(f"    meta skuid {uid} jump child_output")
    # A child may reach a proxy port only through its own redirect, never another child's.
    ports = ", ".join(str(port) for port in sorted(plan.child_ports.values()))
    guard = [f"    tcp dport {{ {ports} }} ct status & dnat == 0 reject with tcp reset"]
    guard = guard if ports else []
    lines = [
        "  chain nat_output {",
        "    type nat hook output priority -100; policy accept;",
        f"    meta skuid {plan.proxy_uid} return",
        "    ip daddr 127.0.0.0/8 return",
        "    ip6 daddr ::1 return",
        *redirects,
        "  }",
        "  chain filter_output {",
        "    type filter hook output priority filter; policy accept;",
        f"    meta skuid {plan.proxy_uid} accept",
        *children,
        "  }",
        "  chain child_output {",
        *guard,
        # Redirected web and DNS traffic now goes to loopback: the proxy and its stub.
        "    ip daddr 127.0.0.0/8 accept",
        "    ip6 daddr ::1 accept",
        '    udp dport 443 counter drop comment "QUIC"',
        '    meta l4proto { tcp, udp } th dport 853 counter drop comment "DNS-over-TLS"',
        '    meta l4proto tcp counter reject with tcp reset comment "not through the proxy"',
        '    counter reject comment "not through the proxy"',
        "  }",
    ]
    return "\n".join(lines)


def ruleset(plan: FirewallPlan) -> str:
    """An `nft -f` script that replaces Qorgan's table with `plan` in one transaction.

    Creating the table first makes the delete succeed on a PC that has none yet.
    """
    return "\n".join(
        [
            f"table {FAMILY} {TABLE}",
            f"delete table {FAMILY} {TABLE}",
            f"table {FAMILY} {TABLE} {{",
            f'  comment "qorgan {plan.digest()}"',
            ruleset_body(plan),
            "}",
            "",
        ]
    )


type Runner = Callable[[Sequence[str], str | None], subprocess.CompletedProcess[str]]


def run_nft(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["nft", *arguments], input=script, capture_output=True, text=True, check=False, timeout=20
    )


class NftFirewall:
    """Applies, checks and removes Qorgan's nftables table."""

    def __init__(self, run: Runner = run_nft) -> None:
        self._run = run
        self.applied: FirewallPlan | None = None
        self._expected = ""

    def apply(self, plan: FirewallPlan) -> None:
        done = self._run(["-f", "-"], ruleset(plan))
        if done.returncode != 0:
            raise FirewallError(f"nft -f failed: {done.stderr.strip()}")
        self.applied = plan
        self._expected = _without_counters(self.listing() or "")
        logger.info(
            "firewall applied: %d child account(s) through the proxy", len(plan.child_ports)
        )

    def listing(self) -> str | None:
        """`nft list table inet qorgan`, or None when there is no such table."""
        done = self._run(["list", "table", FAMILY, TABLE], None)
        return done.stdout if done.returncode == 0 else None

    def state(self) -> FirewallState:
        """Whether the table in the kernel is still the one this firewall last applied."""
        listing = self.listing()
        if listing is None:
            return FirewallState.MISSING
        if self.applied is None or _without_counters(listing) != self._expected:
            return FirewallState.CHANGED
        return FirewallState.APPLIED

    def remove(self) -> None:
        """Delete the table; nothing happens when there is none."""
        done = self._run(["-f", "-"], f"table {FAMILY} {TABLE}\ndelete table {FAMILY} {TABLE}\n")
        if done.returncode != 0:
            raise FirewallError(f"nft delete table failed: {done.stderr.strip()}")
        self.applied = None


def _without_counters(listing: str) -> str:
    """The listing without its packet and byte counts, which change as traffic flows."""
    return _COUNTER.sub("counter", listing)
