"""Whose rules apply to a connection: the child its transparent listening port is kept for.

The root service gives every supervised account a transparent port of its own (the
firewall redirects that uid's web traffic there) and writes `listeners`
({"47101": "Aruzhan"}) into the policy snapshot. This addon comes first in the worker's
list: at each hook it sets `CURRENT_CHILD` for the connection, and the addons after it
(the policy filter's `active()`) read it with `current_child()`. mitmproxy runs each
connection's hooks in tasks of their own, so one connection's child never leaks into
another's. In the demo (an explicit proxy, one child) it is None.
"""

import json
import logging
import os
import time
from collections.abc import Callable
from contextvars import ContextVar
from pathlib import Path

from mitmproxy import connection, ctx, dns, http, tls
from mitmproxy.proxy import mode_specs

# A tuple: isinstance answers faster than with a union, and this is asked at every hook.
_PORT_MODES = (mode_specs.TransparentMode, mode_specs.RegularMode)

CURRENT_CHILD: ContextVar[str | None] = ContextVar("qorgan_current_child", default=None)

logger = logging.getLogger(__name__)


def current_child() -> str | None:
    """The child of the connection whose hook is running; None outside the root service."""
    return CURRENT_CHILD.get()


def read_listeners(path: Path) -> dict[int, str]:
    """The port-to-child table of a snapshot file; empty when it has none or cannot be read."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        logger.error("listeners not read from %s: %s", path, error)
        return {}
    listeners = data.get("listeners") if isinstance(data, dict) else None
    if not isinstance(listeners, dict):
        return {}
    table = {}
    for port, child in listeners.items():
        if isinstance(port, str) and port.isdigit() and isinstance(child, str):
            table[int(port)] = child
    return table


class ChildMap:
    """Tells every later addon which child a connection belongs to, by its listening port."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, interval: float = 1.0) -> None:
        self.path: Path | None = None
        self.ports: dict[int, str] = {}
        self._clock = clock
        self._interval = interval
        self._checked: float | None = None
        self._stamp: tuple[int, int, int] | None = None

    def configure(self, updated: set[str]) -> None:
        if "qorgan_snapshot" in updated:
            path = str(getattr(ctx.options, "qorgan_snapshot", "") or "")
            self.path = Path(path) if path else None
            self._checked, self._stamp, self.ports = None, None, {}

    def child_for(self, client: connection.Client) -> str | None:
        """The child of a transparent (Linux) or regular (Windows, one port per child) listener's
        connection; None for other modes or ports (the demo's regular proxy has no custom port)."""
        mode = client.proxy_mode
        if not isinstance(mode, _PORT_MODES):
            return None
        self._refresh()
        port = mode.custom_listen_port
        return None if port is None else self.ports.get(port)

    def _note(self, client: connection.Client) -> None:
        CURRENT_CHILD.set(self.child_for(client))

    # Each hook the later addons decide in; client_connected covers the connection's own task.

    def client_connected(self, client: connection.Client) -> None:
        self._note(client)

    def tls_clienthello(self, data: tls.ClientHelloData) -> None:
        self._note(data.context.client)

    def http_connect(self, flow: http.HTTPFlow) -> None:
        self._note(flow.client_conn)

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        self._note(flow.client_conn)

    def request(self, flow: http.HTTPFlow) -> None:
        self._note(flow.client_conn)

    def responseheaders(self, flow: http.HTTPFlow) -> None:
        self._note(flow.client_conn)

    def response(self, flow: http.HTTPFlow) -> None:
        self._note(flow.client_conn)

    def error(self, flow: http.HTTPFlow) -> None:
        self._note(flow.client_conn)

    def dns_request(self, flow: dns.DNSFlow) -> None:
        self._note(flow.client_conn)

    def _refresh(self) -> None:
        now = self._clock()
        if self.path is None or (
            self._checked is not None and now - self._checked < self._interval
        ):
            return
        self._checked = now
        try:
            stat = os.stat(self.path)
        except OSError:
            return
        stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
        if stamp != self._stamp:
            self._stamp = stamp
            self.ports = read_listeners(self.path)
