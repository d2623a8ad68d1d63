"""Test-only mitmproxy script: test host names reach local servers, with no DNS at all.

Loaded only by the tests and the benchmark (`-s tests/proxy/hostmap.py`), never by Qorgan:
`--set test_hosts=vk.com=8443,example.com=8080` sends connections for those names to
127.0.0.1 on those ports; every other name is sent to a closed port, so nothing leaves
the machine.
"""

from mitmproxy import addonmanager, ctx
from mitmproxy.proxy import server_hooks

NOWHERE = ("127.0.0.1", 9)  # the discard port: nothing listens there


class HostMap:
    def __init__(self) -> None:
        self.ports: dict[tuple[str, int], int] = {}

    def load(self, loader: addonmanager.Loader) -> None:
        loader.add_option("test_hosts", str, "", "name=port[:from_port],... for the tests")

    def configure(self, updated: set[str]) -> None:
        if "test_hosts" in updated:
            self.ports = {}
            for item in filter(None, str(ctx.options.test_hosts).split(",")):
                name, _, target = item.partition("=")
                port, _, origin = target.partition(":")
                self.ports[(name, int(origin or 0))] = int(port)

    def server_connect(self, data: server_hooks.ServerConnectionHookData) -> None:
        if data.server.address is None:
            return
        host, port = str(data.server.address[0]), int(data.server.address[1])
        if host == "127.0.0.1":
            return
        mapped = self.ports.get((host, port)) or self.ports.get((host, 0))
        data.server.address = ("127.0.0.1", mapped) if mapped else NOWHERE


addons = [HostMap()]
