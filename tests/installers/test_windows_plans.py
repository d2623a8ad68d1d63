"""The Windows plans, built here: registry values, firewall rules, CA trust, sc.exe, paths."""

import datetime
import subprocess
from collections.abc import Sequence
from pathlib import Path, PureWindowsPath

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.platform.windows import catrust, firewall, proxy_settings, service
from app.platform.windows.paths import windows_paths
from app.platform.windows.plan import Command, run_plan
from app.platform.windows.proxy_ports import PORTS_KEY
from app.platform.windows.registry import user_key
from app.platform.windows.setup import main, removal_plan, setup_plan, supervised_sids
from app.store import Store

SID = "S-1-5-21-1004336348-1177238915-682003330-1001"
OTHER = "S-1-5-21-1004336348-1177238915-682003330-1002"
ENV = {"ProgramW6432": r"C:\Program Files", "ProgramFiles": r"C:\Program Files (x86)"}
PATHS = windows_paths({**ENV, "ProgramData": r"D:\Data"})


def ca_pem() -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mitmproxy")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + datetime.timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    return certificate.public_bytes(serialization.Encoding.PEM)


def test_paths_use_64_bit_program_files_and_programdata() -> None:
    assert PATHS.service_exe == PureWindowsPath(
        r"C:\Program Files\Qorgan\service\qorgan-service.exe"
    )
    assert PATHS.tray_exe.name == "qorgan-tray.exe"
    assert PATHS.console_exe.parent.name == "gui"
    assert PATHS.ca_cert == PureWindowsPath(r"D:\Data\Qorgan\mitmproxy\mitmproxy-ca-cert.cer")
    assert windows_paths({}).data_dir == PureWindowsPath(r"C:\ProgramData\Qorgan")
    assert windows_paths({"ProgramFiles": r"E:\Apps"}).program_dir == PureWindowsPath(
        r"E:\Apps\Qorgan"
    )


def test_the_childs_proxy_is_set_and_locked_in_the_childs_own_hive() -> None:
    plan = proxy_settings.set_proxy_plan(SID, 47101)
    texts = [c.text() for c in plan]
    key = rf"HKU\{SID}\Software\Microsoft\Windows\CurrentVersion\Internet Settings"
    assert texts[0] == f'reg.exe add "{key}" /v ProxyEnable /t REG_DWORD /d 1 /f'
    assert texts[1].endswith("/v ProxyServer /t REG_SZ /d 127.0.0.1:47101 /f")
    assert texts[2].endswith("/v ProxyOverride /t REG_SZ /d <local> /f")  # argv: no cmd.exe
    assert rf"HKU\{SID}\Software\Policies\Microsoft\Internet Explorer\Control Panel" in texts[4]
    removal = proxy_settings.clear_proxy_plan(SID)
    assert removal[0].argv[-3:] == ("/d", "0", "/f")
    assert all(c.may_fail for c in removal[1:])


@pytest.mark.parametrize("bad", ["S-1-5-18", "S-1-5-21-1;rm", "HKLM", ""])
def test_only_a_persons_sid_reaches_a_registry_key(bad: str) -> None:
    with pytest.raises(ValueError, match="is not the SID of a person's account"):
        user_key(bad, "Software")


@pytest.mark.parametrize("port", [80, 70000])
def test_the_proxy_port_is_checked(port: int) -> None:
    with pytest.raises(ValueError, match="not a port"):
        proxy_settings.set_proxy_plan(SID, port)


def test_firewall_rules_refuse_the_childs_direct_web_only() -> None:
    plan = firewall.add_plan(SID, "aruzhan")
    assert [c.may_fail for c in plan] == [False, False]  # a rule that cannot be added matters
    tcp, udp = plan[0].argv[-1], plan[1].argv[-1]
    assert plan[0].argv[:4] == ("powershell.exe", "-NoProfile", "-NonInteractive", "-Command")
    assert f"-Name 'Qorgan-{SID}-tcp'" in tcp and "-Protocol TCP -RemotePort 80,443,853" in tcp
    assert "-Protocol UDP -RemotePort 443,853" in udp
    for rule in (tcp, udp):
        assert "-Direction Outbound -Action Block" in rule
        assert f"-LocalUser 'D:(A;;CC;;;{SID})'" in rule and "-Group 'Qorgan'" in rule
    assert "Remove-NetFirewallRule -Group 'Qorgan'" in firewall.removal_plan()[0].argv[-1]
    assert "Get-NetFirewallRule -Name 'Qorgan-*'" in firewall.list_rules().argv[-1]
    assert "dir=out" in firewall.netsh_check().argv


@pytest.mark.parametrize("sid", ["S-1-5-18", "S-1-5-21-1';Remove-NetFirewallRule"])
def test_only_a_persons_sid_gets_a_firewall_rule(sid: str) -> None:
    with pytest.raises(ValueError, match="is not the SID of a person's account"):
        firewall.add_plan(sid, "aruzhan")


def test_the_ca_goes_into_root_and_out_again_by_its_thumbprint() -> None:
    pem = ca_pem()
    trust = catrust.trust_plan(str(PATHS.ca_cert))
    assert trust[0].argv == ("certutil.exe", "-f", "-addstore", "Root", str(PATHS.ca_cert))
    texts = " ".join(c.text() for c in trust)
    assert r"Mozilla\Firefox\Certificates /v ImportEnterpriseRoots /t REG_DWORD /d 1" in texts
    assert r"Google\Chrome /v DnsOverHttpsMode /t REG_SZ /d off" in texts
    assert r"Microsoft\Edge /v QuicAllowed /t REG_DWORD /d 0" in texts
    removal = catrust.removal_plan(pem)
    thumb = x509.load_pem_x509_certificate(pem).fingerprint(hashes.SHA1()).hex()
    assert removal[0].argv == ("certutil.exe", "-delstore", "Root", thumb)
    assert len(thumb) == 40
    assert len(catrust.removal_plan(None)) == len(removal) - 1
    # every policy value set is taken away again
    added = {(c.argv[2], c.argv[4]) for c in trust[1:]}
    assert added == {(c.argv[2], c.argv[4]) for c in removal[1:]}


def test_the_service_is_registered_with_sc_as_localsystem_and_restarted() -> None:
    plan = service.register_plan(PATHS)
    create = plan[0].text()
    assert create.startswith("sc.exe create QorganService binPath= ")
    assert r"\"C:\Program Files\Qorgan\service\qorgan-service.exe\" --service --data-dir" in create
    assert "start= auto obj= LocalSystem" in create
    assert plan[2].argv[-2:] == ("actions=", "restart/1000/restart/1000/restart/1000")
    assert plan[-1].argv == ("sc.exe", "start", "QorganService")
    assert [c.argv[1] for c in service.unregister_plan()] == ["stop", "delete"]


def test_the_tray_starts_for_each_child_only() -> None:
    (command,) = service.tray_plan(SID, PATHS)
    assert command.argv[2] == rf"HKU\{SID}\Software\Microsoft\Windows\CurrentVersion\Run"
    assert command.argv[4] == "QorganTray"
    assert command.argv[8] == r'"C:\Program Files\Qorgan\gui\qorgan-tray.exe"'
    (removal,) = service.tray_removal_plan(SID, PATHS)
    assert removal.argv[1] == "delete" and removal.may_fail


def test_the_plan_leaves_ports_to_the_service_and_removal_clears_every_child() -> None:
    children = [("aruzhan", SID), ("timur", OTHER)]
    plan = setup_plan(PATHS, children)
    assert not [c for c in plan if "ProxyServer" in c.argv]  # the service writes them
    assert sum("QorganTray" in c.argv for c in plan) == 2
    assert not [c for c in plan if "NetFirewallRule" in c.argv[-1]]  # the service keeps them
    assert setup_plan(PATHS, []) == plan[: -len(children)]  # children are optional
    swapped = setup_plan(PATHS, children[::-1])
    assert sorted(c.argv for c in swapped) == sorted(c.argv for c in plan)  # order is no matter
    removal = removal_plan(PATHS, children[:1], None, supervised=[OTHER, SID])
    assert removal[0].argv[:2] == ("sc.exe", "stop")
    assert sum("QorganTray" in c.argv for c in removal) == 2  # named or supervised, once each
    cleared = [c.argv[2] for c in removal if "ProxyServer" in c.argv]
    assert [key.split("\\")[1] for key in cleared] == [SID, OTHER]


def test_removal_finds_the_children_the_service_supervised(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert supervised_sids(tmp_path) == []
    with Store.open(tmp_path / "Qorgan" / "qorgan.db") as store:
        store.set_setting(PORTS_KEY, {OTHER: 47102, SID: 47101, "S-1-5-18": 47103})
    assert supervised_sids(tmp_path / "Qorgan") == [SID, OTHER]  # only people's SIDs
    args = ["remove", "--dry-run", "--data-dir", str(tmp_path / "Qorgan")]
    assert main(args, environment=ENV) == 0
    out = capsys.readouterr().out
    assert f"HKU\\{OTHER}" in out and "S-1-5-18" not in out


def test_the_command_prints_its_plan_and_runs_only_on_windows(capsys) -> None:  # type: ignore[no-untyped-def]
    args = ["setup", "--child", f"aruzhan={SID}", "--dry-run"]
    assert main(args, environment=ENV) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("sc.exe create QorganService")
    assert any("QorganTray" in line for line in out)
    assert not any("New-NetFirewallRule" in line for line in out)
    assert main(["remove", "--dry-run"], environment=ENV) == 0
    assert main(["setup"], environment=ENV) == 2
    with pytest.raises(SystemExit):
        main(["setup", "--child", "no-sid"], environment=ENV)


def test_a_plan_stops_at_a_failure_that_matters() -> None:
    ran: list[Sequence[str]] = []

    def run(argv: Sequence[str]) -> int:
        ran.append(argv)
        return 1 if argv[0] in {"gone", "broken"} else 0

    plan = [
        Command(("gone",), "already removed", may_fail=True),
        Command(("ok",), "works"),
        Command(("broken",), "fails"),
        Command(("never",), "not reached"),
    ]
    failed = run_plan(plan, run, say=lambda _: None)
    assert [c.argv for c in failed] == [("gone",), ("broken",)]
    assert ran == [("gone",), ("ok",), ("broken",)]
    assert subprocess.list2cmdline(plan[1].argv) == plan[1].text()
