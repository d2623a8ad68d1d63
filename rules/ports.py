"""Which proxy port each supervised account listens on: kept for good once given."""

from collections.abc import Callable, Iterable, Mapping


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
