"""The Windows service keeps each supervised account's firewall rules: the commands as data,
run against a fake Windows Firewall behind powershell.exe, the outcome in the real protection
record (a real store)."""

import re
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

import pytest

from app.platform.windows import firewall
from app.platform.windows.child_firewall import CHECK_EVERY, RETRY_EVERY, ChildFirewall
from app.platform.windows.plan import Programs
from app.service.api_protection import ProtectionRecord, health
from app.store import Store
from rules.records import Alert, AlertKind
from tests.app.platform.test_windows_proxy_ports import ARUZHAN, DANA, TIMUR, Clock

POWERSHELL = ("powershell.exe", "-NoProfile", "-NonInteractive", "-Command")
NEW = re.compile(
    r"New-NetFirewallRule -Name '(Qorgan-(S-[\d-]+)-(tcp|udp))' -DisplayName '[^']+' "
    r"-Group 'Qorgan' -Direction Outbound -Action Block -Profile Any "
    r"-Protocol (TCP|UDP) -RemotePort ([\d,]+) -LocalUser 'D:\(A;;CC;;;(S-[\d-]+)\)'$"
)
REMOVE = re.compile(r"Remove-NetFirewallRule -Name '([^']+)' -ErrorAction SilentlyContinue$")


class FakeNetSecurity:
    """Windows Firewall as powershell.exe shows it: the rules by name, each command run."""

    def __init__(self) -> None:
        self.rules: dict[str, str] = {}  # name -> "enabled|direction|action"
        self.scripts: list[str] = []
        self.refuse_adds = False
        self.broken = False

    def output(self, argv: Sequence[str]) -> tuple[int, str]:
        assert tuple(argv[:4]) == POWERSHELL and len(argv) == 5
        script = argv[4]
        self.scripts.append(script)
        if script == firewall.list_rules().argv[-1]:
            if self.broken:
                return 1, "Get-NetFirewallRule : Access is denied."
            return 0, "".join(f"{name}|{state}\r\n" for name, state in self.rules.items())
        if added := NEW.fullmatch(script):
            name, sid, protocol, upper, ports, user = added.groups()
            assert sid == user and protocol.upper() == upper
            assert ports == {"TCP": "80,443,853", "UDP": "443,853"}[upper]
            if self.refuse_adds or name in self.rules:  # as New-NetFirewallRule does
                return 1, "Cannot create a file when that file already exists."
            self.rules[name] = "True|Outbound|Block"
            return 0, ""
        if removed := REMOVE.fullmatch(script):
            return (0, "") if self.rules.pop(removed[1], None) else (1, "")
        raise AssertionError(f"not a command Qorgan runs: {script}")

    def run(self, argv: Sequence[str]) -> int:
        return self.output(argv)[0]

    def sids(self) -> set[str]:
        return {name.split("-", 1)[1].rsplit("-", 1)[0] for name in self.rules}

    def adds(self) -> int:
        return sum(s.startswith("New-NetFirewallRule") for s in self.scripts)


class Worker:
    restarts, last_exit_code, pid, running = 0, None, 4242, True


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with Store.open(tmp_path / "qorgan.db") as store:
        yield store


def keeper(store: Store, net: FakeNetSecurity, clock: Clock) -> ChildFirewall:
    return ChildFirewall(net, ProtectionRecord(store, Worker(), tracks_trust=False), clock=clock)


def alerts(store: Store) -> list[Alert]:
    return store.alerts(datetime(2000, 1, 1))


def recorded(store: Store) -> dict[str, object]:
    part = health(store, "service", datetime.now())["firewall"]
    assert isinstance(part, dict)
    return part


def test_each_supervised_account_gets_its_two_rules_once(store: Store) -> None:
    net, clock = FakeNetSecurity(), Clock()
    rules = keeper(store, net, clock)
    rules.tick({ARUZHAN: "aruzhan"})
    assert net.rules == {
        f"Qorgan-{ARUZHAN}-tcp": "True|Outbound|Block",
        f"Qorgan-{ARUZHAN}-udp": "True|Outbound|Block",
    }
    assert net.scripts[0] == firewall.list_rules().argv[-1]  # looked first, then added
    assert recorded(store) | {"checked_at": None} == {
        "state": "applied",
        "accounts": 1,
        "repairs": 0,
        "error": None,
        "backend": "windows-firewall",
        "checked_at": None,
    }
    rules.tick({ARUZHAN: "aruzhan"})  # nothing changed and not due: not even a look
    assert len(net.scripts) == 3
    clock.now += CHECK_EVERY
    rules.tick({ARUZHAN: "aruzhan"})  # due: looked, found in force, nothing added
    assert len(net.scripts) == 4 and net.adds() == 2
    assert alerts(store) == []


def test_a_child_added_later_gets_rules_at_once_and_a_removed_one_loses_them(
    store: Store,
) -> None:
    net, clock = FakeNetSecurity(), Clock()
    rules = keeper(store, net, clock)
    rules.tick({ARUZHAN: "aruzhan"})
    rules.tick({ARUZHAN: "aruzhan", TIMUR: "timur"})  # the console added Timur: not waiting
    assert net.sids() == {ARUZHAN, TIMUR}
    rules.tick({TIMUR: "timur"})
    assert net.sids() == {TIMUR}
    assert recorded(store)["accounts"] == 1 and alerts(store) == []  # not a repair
    rules.tick({})
    assert net.rules == {} and recorded(store)["state"] == "applied"


def test_a_rule_removed_or_disabled_by_someone_is_put_back_with_an_alert(store: Store) -> None:
    net, clock = FakeNetSecurity(), Clock()
    rules = keeper(store, net, clock)
    rules.tick({ARUZHAN: "aruzhan", TIMUR: "timur"})
    del net.rules[f"Qorgan-{ARUZHAN}-udp"]
    net.rules[f"Qorgan-{TIMUR}-tcp"] = "False|Outbound|Block"  # Set-NetFirewallRule -Enabled
    clock.now += CHECK_EVERY
    rules.tick({ARUZHAN: "aruzhan", TIMUR: "timur"})
    assert set(net.rules.values()) == {"True|Outbound|Block"} and len(net.rules) == 4
    assert net.adds() == 4 + 2  # only the two that were not in force
    (alert,) = alerts(store)
    assert alert.kind is AlertKind.PROTECTION_OFF
    assert "aruzhan, timur" in alert.detail and "put it back" in alert.detail
    assert recorded(store)["repairs"] == 1


def test_rules_of_accounts_qorgan_no_longer_knows_go_and_others_stay(store: Store) -> None:
    net = FakeNetSecurity()
    net.rules[f"Qorgan-{DANA}-tcp"] = "True|Outbound|Block"  # left by an earlier install
    net.rules[f"Qorgan-{ARUZHAN}-tcp"] = "True|Inbound|Allow"  # turned round by someone
    keeper(store, net, Clock()).tick({ARUZHAN: "aruzhan"})
    assert net.sids() == {ARUZHAN}
    assert set(net.rules.values()) == {"True|Outbound|Block"}
    assert alerts(store) == []  # the service had not applied them yet: nothing to report


def test_a_rule_that_cannot_be_added_is_a_health_problem_retried_soon(store: Store) -> None:
    net, clock = FakeNetSecurity(), Clock()
    rules = keeper(store, net, clock)
    net.refuse_adds = True
    rules.tick({ARUZHAN: "aruzhan"})
    verdict = health(store, "service", datetime.now())
    assert verdict["healthy"] is False
    assert recorded(store)["state"] == "failed"
    assert "aruzhan: direct TCP 80,443,853 refused" in str(recorded(store)["error"])
    assert net.adds() == 1  # the plan stops at the first failure
    net.refuse_adds = False
    clock.now += RETRY_EVERY - 1
    rules.tick({ARUZHAN: "aruzhan"})
    assert net.rules == {}  # not yet
    clock.now += 1
    rules.tick({ARUZHAN: "aruzhan"})
    assert len(net.rules) == 2 and recorded(store)["state"] == "applied"
    assert recorded(store)["error"] is None


def test_a_firewall_that_cannot_be_listed_is_a_health_problem(store: Store) -> None:
    net = FakeNetSecurity()
    net.broken = True
    keeper(store, net, Clock()).tick({ARUZHAN: "aruzhan"})
    assert recorded(store)["state"] == "failed"
    assert "could not be listed (exit code 1): Get-NetFirewallRule" in str(recorded(store)["error"])
    assert net.adds() == 0


def test_powershell_that_cannot_start_is_a_health_problem(store: Store) -> None:
    class Missing(FakeNetSecurity):
        def output(self, argv: Sequence[str]) -> tuple[int, str]:
            raise FileNotFoundError("powershell.exe")

    keeper(store, Missing(), Clock()).tick({})
    assert recorded(store)["state"] == "failed"


def test_an_account_that_is_not_a_person_is_refused_as_a_problem(store: Store) -> None:
    net = FakeNetSecurity()
    keeper(store, net, Clock()).tick({ARUZHAN: "aruzhan", "S-1-5-18": "system"})
    assert net.sids() == {ARUZHAN}  # the child's rules are still there
    assert recorded(store)["state"] == "failed"
    assert "S-1-5-18" in str(recorded(store)["error"])


def test_the_sync_plan_is_the_difference_only() -> None:
    present = firewall.parse_rules(
        f"Qorgan-{ARUZHAN}-tcp|True|Outbound|Block\r\n"
        f"Qorgan-{TIMUR}-udp|True|Outbound|Block\r\n"
        "WARNING: something else\r\n"
        "\r\n"
    )
    assert present == {
        f"Qorgan-{ARUZHAN}-tcp": "True|Outbound|Block",
        f"Qorgan-{TIMUR}-udp": "True|Outbound|Block",
    }
    plan = firewall.sync_plan({ARUZHAN: "aruzhan"}, present)
    assert [c.argv[-1].split(" -")[0:2] for c in plan] == [
        ["Remove-NetFirewallRule", f"Name 'Qorgan-{TIMUR}-udp'"],
        ["New-NetFirewallRule", f"Name 'Qorgan-{ARUZHAN}-udp'"],
    ]
    assert plan[0].may_fail and not plan[1].may_fail
    assert firewall.sync_plan({ARUZHAN: "aruzhan"}, firewall.parse_rules("".join(
        f"{name}|True|Outbound|Block\n" for name in firewall.rule_names(ARUZHAN)
    ))) == []  # fmt: skip


@pytest.mark.parametrize("account", ["o'brien", "a;b", "$env", "x`y", 'q"', "a‘b", ""])
def test_an_account_name_that_could_break_out_is_written_as_its_sid(account: str) -> None:
    plan = firewall.add_plan(ARUZHAN, account)
    assert f"no direct web for {ARUZHAN} (TCP)" in plan[0].argv[-1]
    assert NEW.fullmatch(plan[0].argv[-1]) and NEW.fullmatch(plan[1].argv[-1])


def test_a_readable_account_name_is_kept_in_the_display_name() -> None:
    (tcp, _) = firewall.add_plan(ARUZHAN, "Әлия Асқарқызы")
    assert "-DisplayName 'Qorgan: no direct web for Әлия Асқарқызы (TCP)'" in tcp.argv[-1]


@pytest.mark.parametrize("name", ["Other-rule", "Qorgan-x' ; Remove-NetFirewallRule *"])
def test_only_qorgans_rules_can_be_removed_by_name(name: str) -> None:
    with pytest.raises(ValueError, match="is not the name of a Qorgan firewall rule"):
        firewall.remove_rule(name)


@pytest.mark.skipif(sys.platform == "win32", reason="runs POSIX programs")
def test_programs_run_for_real_give_codes_and_output_never_exceptions(tmp_path: Path) -> None:
    programs = Programs()
    assert programs.output(["sh", "-c", "echo listed"]) == (0, "listed\n")
    assert programs.output(["sh", "-c", "echo denied >&2; exit 3"]) == (3, "denied\n")
    assert programs.run(["sh", "-c", "exit 4"]) == 4
    code, said = programs.output([str(tmp_path / "powershell.exe")])
    assert code == 1 and "powershell.exe" in said
