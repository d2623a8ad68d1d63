"""The console's open-port methods: the ports a parent opened past the proxy, read and replaced.

The service's enforcement part reads the same setting each second and applies it with the
firewall (`qorgan firewall open` writes it too).
"""

from app.service.api import Api, Call
from app.store import Store
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.ports import OPEN_PORTS_KEY, OpenPort, OpenPortError, open_ports


def register(api: Api) -> None:
    api.add("firewall.ports", Role.PARENT, _ports)
    api.add("firewall.set_ports", Role.PARENT, _set_ports)


def opened(store: Store) -> list[JsonValue]:
    """The opened ports as a parent writes them; an entry edited by hand that does not parse
    is left out, as the enforcement part leaves it out."""
    kept = store.setting(OPEN_PORTS_KEY, [])
    parsed: set[OpenPort] = set()
    for entry in kept if isinstance(kept, list) else []:
        try:
            parsed.update(open_ports([str(entry)]))
        except OpenPortError:
            continue
    return [str(port) for port in sorted(parsed)]


def _ports(call: Call) -> JsonValue:
    return opened(call.store)


def _set_ports(call: Call) -> JsonValue:
    given = call.params.get("ports")
    if not isinstance(given, list) or not all(isinstance(entry, str) for entry in given):
        raise IpcError(ErrorCode.INVALID, "ports: expected a list of texts like 25565/tcp")
    try:
        ports = open_ports(str(entry) for entry in given)
    except OpenPortError as error:
        raise IpcError(ErrorCode.INVALID, f"ports: {error}") from None
    call.store.set_setting(OPEN_PORTS_KEY, [str(port) for port in ports])
    return opened(call.store)
