"""The firewall plan, and its nftables form: a child's traffic goes through the proxy or nowhere.

The plan is the same for both backends (this one and `iptables.py`). For each child uid:

- TCP 80 and 443 are redirected to that child's transparent proxy port on loopback;
  when the proxy is down nothing listens there and the connection is refused;
- DNS (UDP and TCP 53) to any resolver, a loopback one included, goes to the DNS stub;
- the ports a parent opened (`OpenPort`) go out as they are, to any address; only as the
  child's own connections: an answer from a child's listener to such a port is refused, so
  a helper outside cannot come in from it (a tunnel the other way round);
- UDP 443 (QUIC) and TCP/UDP 853 (DNS-over-TLS) are dropped;
- anything else leaving the PC is rejected: no other port or protocol gets around the proxy;
- a proxy port is reached only through the child's own redirect, so a child cannot
  connect to a brother's port and be filtered by his rules;
- on loopback a child reaches only its own programs: its new loopback connections are
  marked with its uid, and an answer to one from another account's socket (a system
  Tor's SOCKS port, a parent's local proxy) is dropped.

The proxy's own user is excluded (its connections go out as they are). nftables keeps it
all in one table, `inet qorgan` (IPv4 and IPv6 alike), replaced in one transaction.
"""

import hashlib
import logging
import re
import subprocess
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol

from rules.ports import OpenPort, Protocol4

TABLE = "qorgan"
FAMILY = "inet"
WEB_PORTS = (80, 443)
DNS_PORT_53 = 53
QUIC_PORT = 443
DOT_PORT = 853
# A child's loopback connection is marked LOOPBACK_TAG | uid (low 24 bits), see loopback_mark.
LOOPBACK_TAG, LOOPBACK_MASK = 0x51000000, 0xFF000000
_COUNTER = re.compile(r"counter packets \d+ bytes \d+")

logger = logging.getLogger(__name__)


class FirewallError(RuntimeError):
    """The firewall tool refused a command; the message has its error output."""


class FirewallState(StrEnum):
    APPLIED = "applied"
    MISSING = "missing"
    CHANGED = "changed"
    FAILED = "failed"


def loopback_mark(uid: int) -> int:
    """The connection mark of a child's own loopback connections."""
    return LOOPBACK_TAG | (uid & 0xFFFFFF)


@dataclass(frozen=True)
class FirewallPlan:
    """What the rules must say: each child uid's transparent port, the DNS stub, the proxy
    uid, and the ports a parent opened."""

    proxy_uid: int
    dns_port: int
    child_ports: Mapping[int, int] = field(default_factory=lambda: MappingProxyType({}))
    open_ports: tuple[OpenPort, ...] = ()

    def digest(self) -> str:
        """A short fingerprint of the plan, kept with the rules (the nft table's comment)."""
        text = ruleset_body(self)
        return hashlib.sha256(text.encode()).hexdigest()[:16]


class Firewall(Protocol):
    """A backend: applies a plan, tells whether the kernel still holds it, removes it."""

    @property
    def name(self) -> str: ...

    @property
    def applied(self) -> FirewallPlan | None: ...

    def apply(self, plan: FirewallPlan) -> None: ...

    def state(self) -> FirewallState: ...

    def remove(self) -> None: ...


def _ports(ports: Iterable[int]) -> str:
    return ", ".join(str(port) for port in ports)


def _open_rules(plan: FirewallPlan) -> list[str]:
    rules = []
    for protocol in Protocol4:
        ports = [
            str(p.first) if p.first == p.last else f"{p.first}-{p.last}"
            for p in plan.open_ports
            if p.protocol is protocol
        ]
        if ports:
            rules.append(
                f"    ct direction original {protocol} dport {{ {', '.join(ports)} }} accept "
                'comment "opened by a parent"'
            )
    return rules


def ruleset_body(plan: FirewallPlan) -> str:
    """The table's chains for `plan`, in nft syntax."""
    dns, web, redirects, children, marks, replies = [], [], [], [], [], []
    for uid, port in sorted(plan.child_ports.items()):
        # Before the loopback return: a loopback resolver (systemd-resolved) goes to the stub too.
        dns.append(
            f"    meta skuid {uid} meta l4proto {{ tcp, udp }} th dport {DNS_PORT_53} "
            f"redirect to :{plan.dns_port}"
        )
        web.append(f"    meta skuid {uid} tcp dport {{ {_ports(WEB_PORTS)} }} redirect to :{port}")
        children.append(f"    meta skuid {uid} jump child_output")
        mark = f"0x{loopback_mark(uid):08x}"
        marks.append(f"    meta skuid {uid} ct state new ct mark set {mark}")
        replies.append(f"    ct mark {mark} meta skuid {uid} accept")
    redirects = [*dns, "    ip daddr 127.0.0.0/8 return", "    ip6 daddr ::1 return", *web]
    # A child may reach a proxy port only through its own redirect, never another child's.
    ports = _ports(sorted(plan.child_ports.values()))
    guard = [f"    tcp dport {{ {ports} }} ct status & dnat == 0 reject with tcp reset"]
    guard = guard if ports else []
    lines = [
        "  chain nat_output {",
        "    type nat hook output priority -100; policy accept;",
        f"    meta skuid {plan.proxy_uid} return",
        *redirects,
        "  }",
        "  chain filter_output {",
        "    type filter hook output priority filter; policy accept;",
        f"    meta skuid {plan.proxy_uid} accept",
        f"    ct direction reply ct mark & 0x{LOOPBACK_MASK:08x} == 0x{LOOPBACK_TAG:08x} "
        "jump loopback_reply",
        *children,
        "  }",
        "  chain child_output {",
        *guard,
        # Redirected web and DNS traffic now goes to loopback: the proxy and its stub.
        "    ip daddr 127.0.0.0/8 ct status & dnat == dnat accept",
        "    ip6 daddr ::1 ct status & dnat == dnat accept",
        *_open_rules(plan),
        "    ip daddr 127.0.0.0/8 jump child_loopback",
        "    ip6 daddr ::1 jump child_loopback",
        f'    udp dport {QUIC_PORT} counter drop comment "QUIC"',
        f'    meta l4proto {{ tcp, udp }} th dport {DOT_PORT} counter drop comment "DNS-over-TLS"',
        '    meta l4proto tcp counter reject with tcp reset comment "not through the proxy"',
        '    counter reject comment "not through the proxy"',
        "  }",
        "  chain child_loopback {",
        *marks,
        "    accept",
        "  }",
        "  chain loopback_reply {",
        *replies,
        "    tcp flags & rst == rst accept",  # "nothing listens there": refused, not hung
        "    meta l4proto { icmp, ipv6-icmp } accept",
        '    counter drop comment "another account\'s loopback service"',
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

    name = "nftables"

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
