"""The open-port methods over a real socket and store: parent only, validated with the same
parser as `qorgan firewall open`, nothing kept when one entry is wrong."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.paths import database_path
from app.service import api_core, api_firewall
from app.service.api import Api
from app.store import Store
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.ports import OPEN_PORTS_KEY

PIN = "2468"
NOW = datetime(2026, 11, 23, 16, 0)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Store.open(database_path(folder)) as store:
        store.set_pin(PIN)
    return folder


@pytest.fixture
def ipc(data: Path) -> Iterator[IpcClient]:
    api = Api(lambda: Store.open(database_path(data)), lambda: NOW, frozenset())
    api_core.register(api, "demo")
    api_firewall.register(api)
    server = IpcServer(data / "run" / "qorgan.sock", api.dispatch)
    server.start()
    with IpcClient(server.path) as client:
        yield client
    server.stop()


def kept(data: Path) -> object:
    with Store.open(database_path(data)) as store:
        return store.setting(OPEN_PORTS_KEY, [])


@pytest.mark.parametrize(
    ("method", "params"), [("firewall.ports", {}), ("firewall.set_ports", {"ports": ["22/tcp"]})]
)
def test_only_a_parent_may_see_or_open_ports(
    ipc: IpcClient, data: Path, method: str, params: dict[str, JsonValue]
) -> None:
    with pytest.raises(IpcError) as raised:
        ipc.call(method, **params)
    assert raised.value.code is ErrorCode.UNAUTHORIZED
    assert kept(data) == []


def test_ports_are_opened_in_order_once_each_and_closed_again(ipc: IpcClient, data: Path) -> None:
    ipc.login(PIN)
    assert ipc.call("firewall.ports") == []
    opened = ipc.call("firewall.set_ports", ports=["27015-27030/UDP", " 25565/tcp", "25565/tcp"])
    assert opened == ["25565/tcp", "27015-27030/udp"]
    assert ipc.call("firewall.ports") == opened
    assert kept(data) == opened  # the setting the enforcement part and the CLI read
    assert ipc.call("firewall.set_ports", ports=["27015-27030/udp"]) == ["27015-27030/udp"]
    assert ipc.call("firewall.set_ports", ports=[]) == []
    assert kept(data) == []


@pytest.mark.parametrize(
    ("ports", "named"),
    [
        (["22/tcp", "443/tcp"], "'443/tcp': 53, 80, 443 and 853 are the proxy's"),
        (["22/tcp", "22"], "'22': write it as PORT/tcp"),
        (["70000/udp"], "'70000/udp': ports go from 1 to 65535"),
        ("22/tcp", "ports: expected a list"),
        ([22], "ports: expected a list"),
    ],
)
def test_a_wrong_entry_is_named_and_nothing_changes(
    ipc: IpcClient, data: Path, ports: JsonValue, named: str
) -> None:
    ipc.login(PIN)
    ipc.call("firewall.set_ports", ports=["5555/tcp"])
    with pytest.raises(IpcError) as raised:
        ipc.call("firewall.set_ports", ports=ports)
    assert raised.value.code is ErrorCode.INVALID
    assert named in raised.value.message and "\n" not in raised.value.message
    assert kept(data) == ["5555/tcp"]


def test_an_entry_edited_by_hand_that_does_not_parse_is_left_out(
    ipc: IpcClient, data: Path
) -> None:
    with Store.open(database_path(data)) as store:
        store.set_setting(OPEN_PORTS_KEY, ["22/sctp", "6000/udp", 7])
    ipc.login(PIN)
    assert ipc.call("firewall.ports") == ["6000/udp"]
