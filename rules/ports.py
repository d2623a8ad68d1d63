"""Ports of supervised accounts: each one's proxy port, kept for good once given, and the
ports a parent opened past the proxy (a game, SSH), as a parent writes them."""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

# The setting that holds the opened ports, as a parent wrote them ("25565/tcp").
OPEN_PORTS_KEY = "firewall.open_ports"
# Ports an opened port may not cover: the proxy already handles them, or they get around it.
KEPT_PORTS = {"tcp": (53, 80, 443, 853), "udp": (53, 443, 853)}


def assign_ports[K: (int, str)](
    kept: Mapping[K, int], accounts: Iterable[K], first: int, usable: Callable[[int], bool]
) -> dict[K, int]:
    """A port for each account: the one it had, else the lowest usable port nobody ever had.

    Accounts are keyed by what the OS calls them for good (a uid, a SID); `kept` is every
    port ever given, so an account's port never moves when others come or go.
    """
    wanted = sorted(set(accounts))
    ports = {account: kept[account] for account in wanted if account in kept}
    taken = set(kept.values())
    candidate = first
    for account in wanted:
        if account in ports:
            continue
        while candidate in taken or not usable(candidate):
            candidate += 1
        ports[account] = candidate
        taken.add(candidate)
    return ports


class Protocol4(StrEnum):
    """The transport an opened port is for."""

    TCP = "tcp"
    UDP = "udp"


class PortProblem(StrEnum):
    """Why a port a parent gave cannot be opened (the command says it in kk, ru or en)."""

    FORM = "form"
    RANGE = "range"
    KEPT = "kept"


class OpenPortError(ValueError):
    """A port a parent gave that cannot be opened: what and why, in one line."""

    def __init__(self, entry: str, problem: PortProblem) -> None:
        reasons = {
            PortProblem.FORM: "write it as PORT/tcp, PORT/udp or FIRST-LAST/tcp",
            PortProblem.RANGE: "ports go from 1 to 65535, the first no higher than the last",
            PortProblem.KEPT: "53, 80, 443 and 853 are the proxy's (web and DNS go through it)",
        }
        super().__init__(f"{entry!r}: {reasons[problem]}")
        self.entry, self.problem = entry, problem


_OPEN_PORT = re.compile(r"(\d{1,5})(?:-(\d{1,5}))?/(tcp|udp)")


@dataclass(frozen=True, order=True)
class OpenPort:
    """A port (or range) a parent opened for every supervised account, e.g. 25565/tcp."""

    first: int
    last: int
    protocol: Protocol4

    def __str__(self) -> str:
        ports = str(self.first) if self.first == self.last else f"{self.first}-{self.last}"
        return f"{ports}/{self.protocol}"

    @classmethod
    def parse(cls, text: str) -> "OpenPort":
        """`25565/tcp`, `27015-27030/udp`; OpenPortError names what is wrong."""
        entry = text.strip().lower()
        match = _OPEN_PORT.fullmatch(entry)
        if match is None:
            raise OpenPortError(text, PortProblem.FORM)
        first = int(match[1])
        last = int(match[2]) if match[2] else first
        if not 1 <= first <= last <= 65535:
            raise OpenPortError(text, PortProblem.RANGE)
        protocol = Protocol4(match[3])
        if any(first <= kept <= last for kept in KEPT_PORTS[protocol]):
            raise OpenPortError(text, PortProblem.KEPT)
        return cls(first, last, protocol)


def open_ports(texts: Iterable[str]) -> tuple[OpenPort, ...]:
    """Ports as a parent wrote them, parsed, without repeats, in order."""
    return tuple(sorted({OpenPort.parse(text) for text in texts}))
