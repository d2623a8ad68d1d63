"""The root service's pieces: the worker's command, protection health, and the enforcement part."""

import json
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.paths import database_path
from app.platform.linux.enforcement import PORTS_KEY, Enforcement
from app.platform.linux.firewall import FirewallPlan, NftFirewall
from app.service.api import Api
from app.service.api_protection import STATUS_KEY, ProtectionRecord, health
from app.service.parts import register_methods
from app.service.root_proxy import Layout, closed_to_others, mitmdump_command
from app.service.service_loop import Upkeep
from app.service.snapshot import SNAPSHOT_NAME
from app.store import Store
from rules.ageclass import AgeClass
from rules.ipc import ErrorCode
from rules.policy import ChildProfile, Policy
from rules.records import AlertKind


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(database_path(tmp_path / "data")) as opened:
        yield opened


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Worker:
    def __init__(self) -> None:
        self.restarts = 0
        self.last_exit_code: int | None = None
        self.pid: int | None = 10
        self.running = True


def test_the_worker_listens_per_child_on_loopback_and_has_a_dns_stub() -> None:
    layout = Layout(Path("/d"), Path("/r"), Path("/p"))
    command = mitmdump_command([47101, 47102], layout, ipv6=True)
    modes = [command[i + 1] for i, word in enumerate(command) if word == "--mode"]
    assert modes == [
        "transparent@127.0.0.1:47101",
        "transparent@::1:47101",
        "transparent@127.0.0.1:47102",
        "transparent@::1:47102",
        "dns@127.0.0.1:47100",
        "dns@::1:47100",
    ]
    assert f"qorgan_snapshot=/r/proxy/{SNAPSHOT_NAME}" in command
    assert "confdir=/p/mitmproxy" in command and "block_global=false" in command
    only4 = mitmdump_command([], layout, ipv6=False)
    assert [w for w in only4 if w.startswith("dns@") or w.startswith("transparent@")] == [
        "dns@127.0.0.1:47100"
    ]


def test_a_closed_folder_on_the_way_to_the_code_is_named() -> None:
    top = Path(tempfile.mkdtemp())  # in /tmp: pytest's own folder is closed to others
    try:
        top.chmod(0o755)
        closed = top / "closed"
        (closed / "inner").mkdir(parents=True)
        script = closed / "inner" / "worker.py"
        script.write_text("")
        closed.chmod(0o700)
        assert closed_to_others([script]) == [f"{closed} is closed to other accounts"]
        closed.chmod(0o755)
        script.chmod(0o600)
        assert closed_to_others([script]) == [f"{script} is closed to other accounts"]
        script.chmod(0o644)
        assert closed_to_others([script]) == []
    finally:
        shutil.rmtree(top)


def test_each_restart_is_an_alert_and_the_status_says_how_long_it_was_down(store: Store) -> None:
    worker, clock = Worker(), Clock()
    record = ProtectionRecord(store, worker, clock=clock)  # type: ignore[arg-type]
    record.watch()
    worker.running, worker.last_exit_code = False, -9
    record.watch()
    clock.now += 1.5
    worker.running, worker.restarts, worker.pid = True, 1, 11
    record.watch()
    status = store.setting(STATUS_KEY)
    assert isinstance(status, dict)
    assert status["proxy"] == {
        "running": True,
        "pid": 11,
        "restarts": 1,
        "last_restart": status["proxy"]["last_restart"],  # type: ignore[index]
        "last_exit_code": -9,
        "last_down_seconds": 1.5,
        "error": None,
    }
    alerts = store.alerts(datetime.now() - timedelta(minutes=1))
    assert [(a.kind, a.detail) for a in alerts] == [
        (
            AlertKind.PROTECTION_OFF,
            "the proxy stopped (exit code -9) and was restarted after 1.5 s",
        )
    ]


def test_health_needs_a_fresh_heartbeat_a_running_proxy_and_the_firewall(store: Store) -> None:
    worker = Worker()
    record = ProtectionRecord(store, worker)  # type: ignore[arg-type]
    record.watch()
    now = datetime.now()
    assert health(store, "service", now)["healthy"] is False  # no firewall yet
    record.firewall("applied", 1)
    assert health(store, "service", now)["healthy"] is True
    assert health(store, "service", now + timedelta(minutes=5))["healthy"] is False
    assert health(store, "demo", now)["healthy"] is False
    worker.running = False
    record.watch()
    assert health(store, "service", now)["healthy"] is False


def test_protection_health_is_a_parents_method(store: Store, tmp_path: Path) -> None:
    api = Api(lambda: Store.open(database_path(tmp_path / "data")), datetime.now, frozenset())
    register_methods(api, "service")
    from app.ipc.server import Peer

    reply = api.dispatch(b'{"v": 1, "id": 1, "method": "protection.health"}\n', Peer(1, 1000))
    assert reply.error is not None and reply.error.code is ErrorCode.UNAUTHORIZED


class FakeProxy:
    def __init__(self) -> None:
        self.running = False
        self.started: list[tuple[int, ...]] = []
        self.fail = False

    def listen_on(self, ports: Sequence[int]) -> None:
        if self.fail:
            raise RuntimeError("port taken")
        self.started.append(tuple(ports))
        self.running = True


class FakeNft:
    """nft as far as the firewall uses it: a table that can be listed, replaced or lost."""

    def __init__(self) -> None:
        self.table: str | None = None

    def __call__(
        self, arguments: Sequence[str], script: str | None
    ) -> subprocess.CompletedProcess[str]:
        if arguments[0] == "-f":
            assert script is not None
            self.table = None if script.rstrip().endswith("delete table inet qorgan") else script
            return subprocess.CompletedProcess(arguments, 0, "", "")
        if self.table is None:
            return subprocess.CompletedProcess(arguments, 1, "", "No such file")
        return subprocess.CompletedProcess(arguments, 0, self.table, "")


def test_enforcement_follows_the_accounts_publishes_ports_and_repairs_the_table(
    store: Store, tmp_path: Path
) -> None:
    store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=("aruzhan",)))
    accounts = {"aruzhan": 1001}
    nft, proxy, clock = FakeNft(), FakeProxy(), Clock()
    published: list[dict[int, str]] = []
    trusted: list[list[str]] = []
    record = ProtectionRecord(store, Worker())  # type: ignore[arg-type]

    def supervised(policy: Policy) -> dict[int, str]:
        found = {}
        for name, uid in accounts.items():
            profile = policy.profile_for_account(name)
            if profile is not None:
                found[uid] = profile.name
        return found

    part = Enforcement(
        store,
        NftFirewall(nft),
        proxy,
        record,
        proxy_uid=999,
        dns_port=47100,
        first_port=47101,
        supervised=supervised,
        publish=lambda policy, listeners: published.append(dict(listeners)),
        trust=lambda children: trusted.append([c.name for c in children]),
        usable=lambda port: True,
        clock=clock,
    )
    part.start()
    assert published[-1] == {47101: "Aruzhan"}
    assert proxy.started == [(47101,)]
    assert part.firewall.applied == FirewallPlan(999, 47100, {1001: 47101})
    assert store.setting(PORTS_KEY) == {"1001": 47101}
    # A new account, covered by the default profile: its own port, the proxy restarted.
    accounts["newkid"] = 1003
    store.replace_policy(Policy(children=store.policy().children, default_profile="Aruzhan"))
    part.tick()
    assert published[-1] == {47101: "Aruzhan", 47102: "Aruzhan"}
    assert proxy.started[-1] == (47101, 47102)
    # Someone deletes the table: within the check interval it is back, and an alert says so.
    nft.table = None
    clock.now += 6
    part.tick()
    assert nft.table is not None and "redirect to :47102" in nft.table
    details = [a.detail for a in store.alerts(datetime.now() - timedelta(minutes=1))]
    assert "the firewall table was missing; Qorgan put it back" in details
    status = store.setting(STATUS_KEY)
    assert isinstance(status, dict) and status["firewall"]["repairs"] == 1  # type: ignore[index]


def test_a_proxy_that_cannot_start_is_tried_again_and_the_reason_kept(store: Store) -> None:
    proxy, clock = FakeProxy(), Clock()
    proxy.fail = True
    record = ProtectionRecord(store, Worker())  # type: ignore[arg-type]
    part = Enforcement(
        store,
        NftFirewall(FakeNft()),
        proxy,
        record,
        proxy_uid=999,
        dns_port=47100,
        first_port=47101,
        supervised=lambda policy: {},
        publish=lambda policy, listeners: None,
        trust=lambda children: None,
        usable=lambda port: True,
        clock=clock,
    )
    part.start()
    status = store.setting(STATUS_KEY)
    assert isinstance(status, dict) and status["proxy"]["error"] == "port taken"  # type: ignore[index]
    proxy.fail = False
    part.tick()
    assert proxy.started == []  # not yet: a failed start waits a few seconds
    clock.now += 6
    part.tick()
    assert proxy.started == [()]
    assert store.setting(STATUS_KEY)["proxy"]["error"] is None  # type: ignore[index]


def test_the_service_publishes_listeners_and_a_national_list_the_proxy_can_read(
    store: Store, tmp_path: Path
) -> None:
    store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, accounts=("aruzhan",)))
    national = tmp_path / "data" / "lists" / "national.json"
    national.parent.mkdir(parents=True)
    national.write_text('{"qorgan_national_list": 1, "entries": []}')
    national.chmod(0o600)
    upkeep = Upkeep(store, tmp_path / "proxy", tmp_path / "spool", national, copy_national=True)
    assert upkeep.publish_policy(store.policy(), listeners={47101: "Aruzhan"})
    assert not upkeep.publish_policy(store.policy(), listeners={47101: "Aruzhan"})
    snapshot = json.loads((tmp_path / "proxy" / SNAPSHOT_NAME).read_text())
    assert snapshot["listeners"] == {"47101": "Aruzhan"}
    assert snapshot["national_file"] == str(tmp_path / "proxy" / "national.json")
    assert (tmp_path / "proxy" / "national.json").stat().st_mode & 0o777 == 0o640
    assert upkeep.publish_policy(store.policy(), listeners={})
