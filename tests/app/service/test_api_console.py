"""The console's IPC methods over a real socket and store: check, mode, apps, settings, data."""

import os
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import keyring
import psutil
import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.paths import national_list_path
from app.service import api_console, api_core
from app.service.api import Api
from app.store import Store
from rules.ageclass import AgeClass
from rules.decision import Step, Verdict
from rules.ipc import ErrorCode, IpcError
from rules.policy import ChildProfile, Mode
from rules.records import ChildRequest, DecisionEvent, RequestKind

PIN = "2468"
NOW = datetime(2026, 11, 22, 18, 0)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def serve(data_dir: Path, mode: str) -> IpcServer:
    database = data_dir / "qorgan.db"
    with Store.open(database) as store:
        store.set_pin(PIN)
        store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, ("aruzhan",)))
    api = Api(lambda: Store.open(database), lambda: NOW, frozenset())
    api_core.register(api, mode)
    api_console.register(api, mode)
    server = IpcServer(data_dir / "run" / "qorgan.sock", api.dispatch)
    server.start()
    return server


@pytest.fixture
def ipc(data_dir: Path) -> Iterator[IpcClient]:
    server = serve(data_dir, "demo")
    with IpcClient(server.path) as client:
        client.login(PIN)
        yield client
    server.stop()


def test_the_methods_need_the_parent(data_dir: Path) -> None:
    server = serve(data_dir, "demo")
    try:
        with IpcClient(server.path) as client:
            for method in ("protection.status", "settings.get", "data.export", "processes.running"):
                with pytest.raises(IpcError) as caught:
                    client.call(method)
                assert caught.value.code is ErrorCode.UNAUTHORIZED
    finally:
        server.stop()


def test_protection_status_in_demo_and_service_mode(ipc: IpcClient, data_dir: Path) -> None:
    status = ipc.call("protection.status")
    assert status == {
        "service": "running",
        "mode": "demo",
        "ca": {"present": False, "file": str(data_dir / "mitmproxy" / "mitmproxy-ca-cert.pem")},
        "firewall": "not_applicable",
        "national_list": {"present": False},
    }
    national = national_list_path(data_dir)
    national.parent.mkdir(parents=True)
    national.write_text('{"qorgan_national_list": 1, "version": "7", "entries": [{}, {}]}')
    (data_dir / "mitmproxy").mkdir()
    (data_dir / "mitmproxy" / "mitmproxy-ca-cert.pem").write_text("cert")
    status = ipc.call("protection.status")
    assert status["ca"]["present"] is True  # type: ignore[index,call-overload]
    assert status["national_list"]["version"] == "7"  # type: ignore[index,call-overload]
    assert status["national_list"]["entries"] == 2  # type: ignore[index,call-overload]
    national.write_text("{not json")
    assert "error" in ipc.call("protection.status")["national_list"]  # type: ignore[index,operator,call-overload]


def test_in_service_mode_the_firewall_is_not_called_not_applicable(tmp_path: Path) -> None:
    server = serve(tmp_path / "service", "service")
    try:
        with IpcClient(server.path) as client:
            client.login(PIN)
            assert client.call("protection.status")["firewall"] == "unknown"  # type: ignore[index,call-overload]
    finally:
        server.stop()


def test_the_mode_is_set_and_checked(ipc: IpcClient, data_dir: Path) -> None:
    assert ipc.call("policy.set_mode", mode="school") == "school"
    with pytest.raises(IpcError, match="home or school"):
        ipc.call("policy.set_mode", mode="office")
    with Store.open(data_dir / "qorgan.db") as store:
        assert store.policy().mode is Mode.SCHOOL
        assert [c.name for c in store.children()] == ["Aruzhan"]


def test_running_programs_are_people_s_not_kernel_threads(ipc: IpcClient) -> None:
    running = ipc.call("processes.running")
    assert isinstance(running, list)
    names = [item["name"] for item in running]  # type: ignore[index,call-overload]
    assert psutil.Process(os.getpid()).name() in names
    assert "kthreadd" not in names
    assert names == sorted(names, key=str.casefold)


def test_settings_are_validated_and_kept_together(ipc: IpcClient) -> None:
    settings = ipc.call("settings.get")
    assert settings["retention_days"] == 90  # type: ignore[index,call-overload]
    assert settings["report_email"]["enabled"] is False  # type: ignore[index,call-overload]
    for bad, message in (
        ({"retention_days": 0}, "between 1 and 3650"),
        ({"retention_days": True}, "between 1 and 3650"),
        ({"language": "de"}, "kk, ru or en"),
        ({"theme": "dark"}, "no such setting"),
        ({"report_email": {"smtp_port": 0}}, "between 1 and 65535"),
        ({"report_email": {"securty": "ssl"}}, "unknown field"),
        ({"report_email": {"security": "tls13"}}, "starttls, ssl or none"),
        ({"report_email": {"to": 5}}, "wrong type"),
        ({"report_email": "on"}, "expected an object"),
        ({"report_email": {"enabled": True, "to": "nobody"}}, "address and an SMTP server"),
        ({"retention_days": 30, "language": "xx"}, "kk, ru or en"),
        (
            {
                "report_email": {
                    "enabled": True,
                    "to": "a@b.kz",
                    "smtp_host": "smtp.b.kz",
                    "sender": "pc@b.kz",
                    "security": "none",
                }
            },
            "in the clear",
        ),
    ):
        with pytest.raises(IpcError, match=message) as caught:
            ipc.call("settings.set", **bad)  # type: ignore[arg-type]
        assert caught.value.code is ErrorCode.INVALID
    assert ipc.call("settings.get")["retention_days"] == 90  # type: ignore[index,call-overload]
    changed = ipc.call(
        "settings.set",
        retention_days=30,
        language="ru",
        report_email={
            "enabled": True,
            "to": "a@b.kz",
            "smtp_host": "smtp.b.kz",
            "sender": "pc@b.kz",
        },
    )
    assert changed["retention_days"] == 30  # type: ignore[index,call-overload]
    assert changed["language"] == "ru"  # type: ignore[index,call-overload]
    assert changed["report_email"]["smtp_port"] == 587  # type: ignore[index,call-overload]


def test_the_smtp_password_goes_to_a_keyring_or_is_refused(ipc: IpcClient) -> None:
    with pytest.raises(IpcError, match="username"):
        ipc.call("settings.set_smtp_password", username=" ", password="x")
    if keyring.get_keyring().priority <= 0:  # a PC without a keyring: said plainly
        with pytest.raises(IpcError, match="no keyring can keep the password") as caught:
            ipc.call("settings.set_smtp_password", username="parent", password="secret")
        assert caught.value.code is ErrorCode.INVALID
    else:
        ipc.call("settings.set_smtp_password", username="parent", password="secret")
        assert keyring.get_password(api_console.SMTP_KEYRING_SERVICE, "parent") == "secret"


def test_export_pages_the_events_and_carries_everything(ipc: IpcClient, data_dir: Path) -> None:
    events = [
        DecisionEvent(
            NOW - timedelta(minutes=i),
            "Aruzhan",
            f"site{i}.kz",
            Verdict.ALLOW,
            Step.DEFAULT,
            "default",
        )
        for i in range(api_console.EXPORT_PAGE + 5)
    ]
    with Store.open(data_dir / "qorgan.db") as store:
        store.record_events(events)
        store.add_request(ChildRequest("Aruzhan", RequestKind.TIME, NOW, minutes=15))
    first = ipc.call("data.export")
    assert first["next_offset"] == api_console.EXPORT_PAGE  # type: ignore[index,call-overload]
    assert len(first["events"]) == api_console.EXPORT_PAGE  # type: ignore[index,call-overload,arg-type]
    assert first["policy"]["children"][0]["name"] == "Aruzhan"  # type: ignore[index,call-overload]
    assert first["requests"][0]["minutes"] == 15  # type: ignore[index,call-overload]
    second = ipc.call("data.export", offset=api_console.EXPORT_PAGE)
    assert second["next_offset"] is None  # type: ignore[index,call-overload]
    assert len(second["events"]) == 5  # type: ignore[index,call-overload,arg-type]
    assert "policy" not in second  # type: ignore[operator]


def test_delete_all_needs_the_right_pin_and_keeps_only_the_pin(
    ipc: IpcClient, data_dir: Path
) -> None:
    with Store.open(data_dir / "qorgan.db") as store:
        store.set_setting("retention_days", 30)
        store.add_request(ChildRequest("Aruzhan", RequestKind.SITE, NOW, host="x.kz"))
    with pytest.raises(IpcError, match="wrong PIN") as caught:
        ipc.call("data.delete_all", pin="0000")
    assert caught.value.code is ErrorCode.INVALID  # the session goes on
    assert ipc.call("settings.get")["retention_days"] == 30  # type: ignore[index,call-overload]
    for _ in range(4):
        with pytest.raises(IpcError):
            ipc.call("data.delete_all", pin="0000")
    with pytest.raises(IpcError) as caught:
        ipc.call("data.delete_all", pin=PIN)  # locked: not even the right PIN now
    assert caught.value.code is ErrorCode.LOCKED
    with Store.open(data_dir / "qorgan.db") as store:
        store.set_pin(PIN)  # the lock ends (as it would after a minute)
    assert ipc.call("data.delete_all", pin=PIN) is None
    with Store.open(data_dir / "qorgan.db") as store:
        assert store.children() == []
        assert store.requests() == []
        assert store.setting("retention_days") is None
        assert store.has_pin()
