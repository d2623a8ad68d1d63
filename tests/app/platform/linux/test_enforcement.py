"""The enforcement part applies the ports a parent opens with `qorgan firewall`, and only those."""

from collections.abc import Sequence
from pathlib import Path

import pytest

from app.cli import main
from app.paths import database_path
from app.platform.linux.enforcement import Enforcement
from app.platform.linux.firewall import FirewallPlan, FirewallState
from app.store import Store
from rules.policy import Policy
from rules.ports import OPEN_PORTS_KEY, OpenPort, Protocol4


class FakeFirewall:
    """A backend that keeps each plan it was given."""

    name = "fake"

    def __init__(self) -> None:
        self.plans: list[FirewallPlan] = []

    @property
    def applied(self) -> FirewallPlan | None:
        return self.plans[-1] if self.plans else None

    def apply(self, plan: FirewallPlan) -> None:
        self.plans.append(plan)

    def state(self) -> FirewallState:
        return FirewallState.APPLIED

    def remove(self) -> None:
        self.plans.clear()


class Proxy:
    running = True

    def listen_on(self, ports: Sequence[int]) -> None:
        pass


class Record:
    def __init__(self) -> None:
        self.backends: list[str | None] = []

    def firewall(
        self, state: str, accounts: int, error: str | None = None, backend: str | None = None
    ) -> None:
        self.backends.append(backend)

    def firewall_repaired(self, what: str) -> None:
        pass

    def proxy_failed(self, error: str | None) -> None:
        pass

    def trust(self, state: str, error: str | None = None) -> None:
        pass


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def qorgan(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--lang", "en", *args])


def part(store: Store, firewall: FakeFirewall, record: Record) -> Enforcement:
    return Enforcement(
        store,
        firewall,
        Proxy(),
        record,
        proxy_uid=999,
        dns_port=47100,
        first_port=47101,
        supervised=lambda policy: {1001: "Aruzhan"},
        publish=lambda policy, listeners: None,
        trust=lambda children: None,
        usable=lambda port: True,
        clock=lambda: 0.0,
    )


def test_opened_ports_reach_the_firewall_and_closed_ones_leave_it(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert qorgan(data_dir, "firewall", "list") == 0
    assert "No open ports" in capsys.readouterr().out
    firewall, record = FakeFirewall(), Record()
    with Store.open(database_path(data_dir)) as store:
        store.replace_policy(Policy())
        enforcement = part(store, firewall, record)
        enforcement.start()
        assert firewall.plans[-1] == FirewallPlan(999, 47100, {1001: 47101})
        assert record.backends[-1] == "fake"
        assert qorgan(data_dir, "firewall", "open", "25565/TCP") == 0
        assert qorgan(data_dir, "firewall", "open", "27015-27030/udp") == 0
        assert "Opened 27015-27030/udp" in capsys.readouterr().out
        enforcement.tick()
        assert firewall.plans[-1].open_ports == (
            OpenPort(25565, 25565, Protocol4.TCP),
            OpenPort(27015, 27030, Protocol4.UDP),
        )
        applied = len(firewall.plans)
        enforcement.tick()  # nothing changed: nothing applied again
        assert len(firewall.plans) == applied
        assert qorgan(data_dir, "firewall", "close", "25565/tcp") == 0
        enforcement.tick()
        assert firewall.plans[-1].open_ports == (OpenPort(27015, 27030, Protocol4.UDP),)
        # An entry written by hand that does not parse is skipped, the rest still applies.
        store.set_setting(OPEN_PORTS_KEY, ["27015-27030/udp", "22/sctp"])
        enforcement.tick()
        assert firewall.plans[-1].open_ports == (OpenPort(27015, 27030, Protocol4.UDP),)
        store.set_setting(OPEN_PORTS_KEY, ["27015-27030/udp"])
    assert qorgan(data_dir, "firewall", "list") == 0
    assert capsys.readouterr().out.splitlines()[-1] == "27015-27030/udp"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("open", "443/udp"), "'443/udp': 53, 80, 443 and 853 are the proxy's"),
        (("open", "25565"), "'25565': write it as PORT/tcp"),
        (("open", "0/tcp"), "'0/tcp': ports go from 1 to 65535"),
        (("close", "22/tcp"), "22/tcp is not open (open: -)"),
    ],
)
def test_a_port_that_cannot_be_opened_or_closed_is_one_line_and_nothing_changes(
    data_dir: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], said: str
) -> None:
    assert qorgan(data_dir, "firewall", *args) == 2
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1
    with Store.open(database_path(data_dir)) as store:
        assert store.setting(OPEN_PORTS_KEY, []) == []


def test_the_command_speaks_kazakh_and_russian(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for language, said in (("kk", "ПОРТ/tcp"), ("ru", "пишите ПОРТ/tcp")):
        assert main(["--data-dir", str(data_dir), "--lang", language, "firewall", "open", "x"]) == 2
        assert said in capsys.readouterr().err
    assert main(["--data-dir", str(data_dir), "--lang", "kk", "firewall", "open", "22/tcp"]) == 0
    assert "Ашылды: 22/tcp" in capsys.readouterr().out
