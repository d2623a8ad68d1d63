"""proxy/childmap.py: the root service's listeners tell the proxy whose connection it is."""

import asyncio
import contextvars
import json
from pathlib import Path

from mitmproxy import connection
from mitmproxy.proxy import mode_specs
from mitmproxy.test import taddons, tflow

from app.service.snapshot import write_snapshot
from proxy.childmap import ChildMap, current_child, read_listeners
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy

POLICY = Policy(
    children=(
        ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=("aruzhan",)),
        ChildProfile("Timur", AgeClass.SIXTEEN, accounts=("timur",)),
    )
)


def client(spec: str) -> connection.Client:
    made = tflow.tclient_conn()
    made.proxy_mode = mode_specs.ProxyMode.parse(spec)
    return made


def test_the_snapshot_carries_the_listeners(tmp_path: Path) -> None:
    path = write_snapshot(tmp_path, POLICY, None, None, {47102: "Timur", 47101: "Aruzhan"})
    assert json.loads(path.read_text())["listeners"] == {"47101": "Aruzhan", "47102": "Timur"}
    assert read_listeners(path) == {47101: "Aruzhan", 47102: "Timur"}
    assert read_listeners(tmp_path / "missing.json") == {}
    (tmp_path / "odd.json").write_text('{"listeners": {"x": "A", "47103": 5, "47104": "B"}}')
    assert read_listeners(tmp_path / "odd.json") == {47104: "B"}


def test_each_transparent_port_is_its_childs_and_other_modes_are_nobodys(tmp_path: Path) -> None:
    path = write_snapshot(tmp_path, POLICY, None, None, {47101: "Aruzhan", 47102: "Timur"})
    childmap = ChildMap()
    with taddons.context(childmap) as context:
        context.options.add_option("qorgan_snapshot", str, "", "the policy filter's option")
        context.configure(childmap, qorgan_snapshot=str(path))
        assert childmap.child_for(client("transparent@127.0.0.1:47101")) == "Aruzhan"
        assert childmap.child_for(client("transparent@::1:47102")) == "Timur"
        assert childmap.child_for(client("transparent@127.0.0.1:47109")) is None
        assert childmap.child_for(client("regular@127.0.0.1:8080")) is None


def test_a_connections_child_stays_in_its_own_task(tmp_path: Path) -> None:
    """mitmproxy runs each connection's hooks in its own tasks: one child never leaks."""
    path = write_snapshot(tmp_path, POLICY, None, None, {47101: "Aruzhan", 47102: "Timur"})
    childmap = ChildMap()
    childmap.path = path
    seen: dict[str, str | None] = {}

    async def connection_of(spec: str, name: str) -> None:
        flow = tflow.tflow()
        flow.client_conn = client(spec)
        childmap.requestheaders(flow)
        await asyncio.sleep(0.01)  # another connection's hook runs meanwhile
        seen[name] = current_child()

    async def both() -> None:
        await asyncio.gather(
            connection_of("transparent@127.0.0.1:47101", "first"),
            connection_of("transparent@127.0.0.1:47102", "second"),
        )

    contextvars.copy_context().run(asyncio.run, both())
    assert seen == {"first": "Aruzhan", "second": "Timur"}
    assert current_child() is None
