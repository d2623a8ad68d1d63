"""install.sh and uninstall.sh: the plan they print, and a real install and removal in a DESTDIR."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installers" / "linux"
SERVICE = ("qorgan-service", "qorgan", "mitmdump")
GUI = ("qorgan-console", "qorgan-tray", "qorgan-render")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """A stand-in for dist/: the executables' names, each a script saying who it is."""
    dist = tmp_path / "dist"
    for folder, names in (("qorgan-service", SERVICE), ("qorgan-gui", GUI)):
        (dist / folder / "_internal").mkdir(parents=True)
        (dist / folder / "_internal" / "base_library.zip").write_bytes(b"zip")
        for name in names:
            program = dist / folder / name
            program.write_text(f"#!/bin/sh\necho {name}\n")
            program.chmod(0o700)
    return dist


def script(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(LINUX / name), *args], capture_output=True, text=True, timeout=60, check=False
    )


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


def test_install_and_uninstall_in_a_destdir_leave_no_trace(bundle: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "etc").mkdir()
    (root / "etc" / "hostname").write_text("lab-01\n")  # the system's own files stay
    done = script("install.sh", "--bundle", str(bundle), "--destdir", str(root))
    assert done.returncode == 0, done.stderr
    installed = files(root)
    for path in (
        "opt/qorgan/service/qorgan-service",
        "opt/qorgan/service/mitmdump",
        "opt/qorgan/gui/qorgan-tray",
        "opt/qorgan/gui/_internal/base_library.zip",
        "opt/qorgan/uninstall.sh",
        "opt/qorgan/bin/qorgan-tray-autostart",
        "usr/local/bin/qorgan",
        "etc/systemd/system/qorgan-service.service",
        "usr/share/applications/qorgan-console.desktop",
        "etc/xdg/autostart/qorgan-tray.desktop",
    ):
        assert path in installed, path
    # every account can run the bundle (the proxy's user runs mitmdump from it)
    mode = (root / "opt/qorgan/service/mitmdump").stat().st_mode & 0o777
    assert mode == 0o755
    assert os.readlink(root / "usr/local/bin/qorgan") == "/opt/qorgan/service/qorgan"
    unit = (root / "etc/systemd/system/qorgan-service.service").read_text()
    assert "ExecStart=/opt/qorgan/service/qorgan-service --data-dir /var/lib/qorgan" in unit
    assert "venv" not in unit.split("[Unit]")[1]
    assert "Restart=always" in unit
    autostart = (root / "etc/xdg/autostart/qorgan-tray.desktop").read_text()
    assert "Exec=/opt/qorgan/bin/qorgan-tray-autostart" in autostart
    console = (root / "usr/share/applications/qorgan-console.desktop").read_text()
    assert "Exec=/opt/qorgan/gui/qorgan-console" in console
    # nothing outside DESTDIR: the system steps are shown, not run
    assert "skip (destdir): useradd --system" in done.stdout
    assert "skip (destdir): /opt/qorgan/service/qorgan-service setup" in done.stdout
    assert "skip (destdir): systemctl enable qorgan-service" in done.stdout
    assert "skip (destdir): systemctl start qorgan-service" in done.stdout

    (root / "var/lib/qorgan").mkdir(parents=True)
    (root / "var/lib/qorgan/qorgan.db").write_bytes(b"db")
    done = script("uninstall.sh", "--destdir", str(root))
    assert done.returncode == 0, done.stderr
    assert files(root) == {"etc", "etc/hostname"}
    assert "skip (destdir): /opt/qorgan/service/qorgan-service --uninstall" in done.stdout
    assert "skip (destdir): userdel qorgan-proxy" in done.stdout


def test_uninstall_can_keep_the_data(bundle: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    assert script("install.sh", "--bundle", str(bundle), "--destdir", str(root)).returncode == 0
    (root / "var/lib/qorgan").mkdir(parents=True)
    (root / "var/lib/qorgan/qorgan.db").write_bytes(b"db")
    assert script("uninstall.sh", "--destdir", str(root), "--keep-data").returncode == 0
    assert files(root) == {"var", "var/lib", "var/lib/qorgan", "var/lib/qorgan/qorgan.db"}


def test_the_dry_run_prints_the_whole_plan_and_changes_nothing(tmp_path: Path) -> None:
    done = script(
        "install.sh",
        "--dry-run",
        "--bundle",
        str(tmp_path / "missing"),
        "--policy",
        "/media/usb/school.json",
        "--public-key",
        "KEY=",
        "--url",
        "https://school.example/qorgan/school.json",
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    order = [
        "+ cp -a",
        "+ write /etc/systemd/system/qorgan-service.service (644)",
        "+ write /etc/xdg/autostart/qorgan-tray.desktop (644)",
        "+ /opt/qorgan/service/qorgan --data-dir /var/lib/qorgan school install --policy "
        "/media/usb/school.json --public-key KEY= --url https://school.example/qorgan/school.json",
        "+ /opt/qorgan/service/qorgan-service setup",
        "+ systemctl enable qorgan-service",
        "+ systemctl daemon-reload",
        "+ systemctl start qorgan-service",
    ]
    positions = [next(i for i, line in enumerate(lines) if line.startswith(o)) for o in order]
    assert positions == sorted(positions)  # the policy is in force before the service starts
    assert not list(tmp_path.iterdir())
    done = script("uninstall.sh", "--dry-run")
    assert done.returncode == 0
    assert done.stdout.splitlines()[:5] == [
        "+ systemctl stop qorgan-service",
        "+ systemctl disable qorgan-service",
        "+ /opt/qorgan/service/qorgan-service --uninstall",
        "+ /opt/qorgan/service/qorgan-service setup --forget",
        "+ userdel qorgan-proxy",
    ]
    assert "+ rm -rf --one-file-system /opt/qorgan /var/lib/qorgan-proxy /run/qorgan" in done.stdout


def test_a_school_install_needs_the_key_and_a_missing_bundle_is_named(tmp_path: Path) -> None:
    done = script("install.sh", "--dry-run", "--policy", "school.json")
    assert done.returncode == 2 and "--policy needs --public-key" in done.stderr
    done = script("install.sh", "--bundle", str(tmp_path), "--destdir", str(tmp_path / "r"))
    assert done.returncode == 1 and "qorgan-service/qorgan-service is missing" in done.stderr


@pytest.mark.parametrize(
    ("groups", "uid", "starts"),
    [("pupil users", 1001, True), ("parent sudo", 1000, False), ("daemon", 120, False)],
)
def test_the_tray_starts_in_supervised_accounts_only(
    bundle: Path, tmp_path: Path, groups: str, uid: int, starts: bool
) -> None:
    root = tmp_path / "root"
    assert script("install.sh", "--bundle", str(bundle), "--destdir", str(root)).returncode == 0
    fake = tmp_path / "bin"
    fake.mkdir()
    (fake / "id").write_text(f'#!/bin/sh\n[ "$1" = -u ] && echo {uid} || echo {groups}\n')
    (fake / "id").chmod(0o755)
    wrapper = (root / "opt/qorgan/bin/qorgan-tray-autostart").read_text()
    wrapper = wrapper.replace("/opt/qorgan/gui/", f"{root}/opt/qorgan/gui/")
    done = subprocess.run(
        ["sh", "-c", wrapper],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": f"{fake}:{os.environ['PATH']}"},
        timeout=30,
        check=False,
    )
    assert done.returncode == 0
    assert (done.stdout.strip() == "qorgan-tray") is starts
