"""The .deb: built for real by dpkg-deb from stand-in bundles, its maintainer scripts' plans,
its Depends, and the trace check verify-deb.sh runs after a purge."""

import importlib.util
import os
import stat
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "installers" / "linux"
SERVICE = ("qorgan-service", "qorgan", "mitmdump")
GUI = ("qorgan-console", "qorgan-tray", "qorgan-render")


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, LINUX / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


deb_depends = load("deb_depends")
deb_traces = load("deb_traces")


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    dist = tmp_path / "dist"
    for folder, names in (("qorgan-service", SERVICE), ("qorgan-gui", GUI)):
        (dist / folder / "_internal").mkdir(parents=True)
        for name in names:
            program = dist / folder / name
            program.write_text(f"#!/bin/sh\necho {name}\n")
            program.chmod(0o755)
    return dist


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)


def test_the_deb_is_built_with_the_files_scripts_and_depends(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = run(
        "bash", str(LINUX / "build-deb.sh"), "--bundle", str(bundle), "--out", str(out),
        "--python", sys.executable,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    deb = Path(done.stdout.strip())
    assert deb.name == "qorgan_0.1.0_amd64.deb" and deb.parent == out
    fields = {
        name: run("dpkg-deb", "-f", str(deb), name).stdout.strip()
        for name in ("Package", "Architecture", "Depends", "Version")
    }
    assert fields["Package"] == "qorgan" and fields["Architecture"] == "amd64"
    assert fields["Depends"].startswith("nftables | iptables, ca-certificates, libnss3-tools")
    listing = run("dpkg-deb", "-c", str(deb)).stdout
    for path in (
        "./opt/qorgan/service/qorgan-service",
        "./opt/qorgan/gui/qorgan-render",
        "./opt/qorgan/install.sh",
        "./opt/qorgan/uninstall.sh",
        "./lib/systemd/system/qorgan-service.service",
        "./usr/share/applications/qorgan-console.desktop",
        "./etc/xdg/autostart/qorgan-tray.desktop",
        "./usr/bin/qorgan -> /opt/qorgan/service/qorgan",
    ):
        assert path in listing, path
    assert "/usr/local" not in listing and "/etc/systemd" not in listing  # dpkg's places only
    assert all(" root/root " in line for line in listing.splitlines())
    control = tmp_path / "control"
    assert run("dpkg-deb", "-e", str(deb), str(control)).returncode == 0
    for script in ("postinst", "prerm", "postrm"):
        assert os.access(control / script, os.X_OK), script
        assert run("sh", "-n", str(control / script)).returncode == 0
    assert "install.sh --configure" in (control / "postinst").read_text()
    assert "uninstall.sh --package" in (control / "prerm").read_text()
    assert "/var/lib/qorgan " in (control / "postrm").read_text()  # purge takes the data
    unit = tmp_path / "unit"
    run("dpkg-deb", "-x", str(deb), str(unit))
    text = (unit / "lib/systemd/system/qorgan-service.service").read_text()
    assert "ExecStart=/opt/qorgan/service/qorgan-service --data-dir /var/lib/qorgan" in text


def test_postinst_runs_the_system_steps_only_in_order() -> None:
    done = run("bash", str(LINUX / "install.sh"), "--configure", "--dry-run")
    assert done.returncode == 0, done.stderr
    steps = [line for line in done.stdout.splitlines() if line.startswith("+ ")]
    assert steps == [
        "+ useradd --system --home-dir /var/lib/qorgan-proxy --no-create-home "
        "--shell /usr/sbin/nologin --user-group qorgan-proxy",
        "+ /opt/qorgan/service/qorgan-service setup",
        "+ systemctl enable qorgan-service",
        "+ systemctl daemon-reload",
        "+ systemctl start qorgan-service",
    ] or steps[1:] == [  # the account exists already on this PC
        "+ /opt/qorgan/service/qorgan-service setup",
        "+ systemctl enable qorgan-service",
        "+ systemctl daemon-reload",
        "+ systemctl start qorgan-service",
    ]


def test_prerm_takes_the_system_parts_away_and_leaves_dpkgs_files() -> None:
    done = run("bash", str(LINUX / "uninstall.sh"), "--package", "--keep-data", "--dry-run")
    assert done.returncode == 0, done.stderr
    steps = [line for line in done.stdout.splitlines() if line.startswith("+ ")]
    assert steps == [
        "+ systemctl stop qorgan-service",
        "+ systemctl disable qorgan-service",
        "+ /opt/qorgan/service/qorgan-service --uninstall",
        "+ /opt/qorgan/service/qorgan-service setup --forget",
        "+ userdel qorgan-proxy",
        "+ rm -rf --one-file-system /var/lib/qorgan-proxy /run/qorgan",
    ]


# ---- Depends -------------------------------------------------------------------------------

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x00007f1)
\tlibxcb-icccm.so.4 => not found
\tlibpython3.12.so.1.0 => /opt/qorgan/gui/_internal/libpython3.12.so.1.0 (0x00007f2)
\t/lib64/ld-linux-x86-64.so.2 (0x00007f3)
"""


def test_ldd_output_gives_the_libraries_and_what_is_missing() -> None:
    resolved, missing = deb_depends.parse_ldd(LDD)
    assert resolved == {
        "/lib/x86_64-linux-gnu/libz.so.1",
        "/opt/qorgan/gui/_internal/libpython3.12.so.1.0",
    }
    assert missing == {"libxcb-icccm.so.4"}


def test_a_library_is_found_under_either_spelling_of_merged_usr() -> None:
    shipped = {"/usr/lib/x86_64-linux-gnu/libz.so.1": "zlib1g"}
    assert deb_depends.package_of("/lib/x86_64-linux-gnu/libz.so.1", shipped.get) == "zlib1g"
    assert deb_depends.package_of("/lib/x86_64-linux-gnu/libnone.so", shipped.get) is None
    libraries = ["/lib/x86_64-linux-gnu/libz.so.1", "/lib/x86_64-linux-gnu/libnone.so"]
    assert deb_depends.depends(libraries, shipped.get) == [*deb_depends.FIXED, "zlib1g"]


def test_elf_files_are_told_from_scripts(tmp_path: Path) -> None:
    (tmp_path / "tool").write_bytes(Path("/bin/true").read_bytes())
    (tmp_path / "script").write_text("#!/bin/sh\n")
    (tmp_path / "link").symlink_to(tmp_path / "tool")
    assert deb_depends.elf_files(tmp_path) == [tmp_path / "tool"]


# ---- the trace check -----------------------------------------------------------------------

CA_PEM = b"-----BEGIN CERTIFICATE-----\nTUlJQ0ZBS0VDQQ==\n-----END CERTIFICATE-----\n"


def tree(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def whiteout(path: Path) -> None:
    """What overlayfs leaves for a deleted entry: a 0/0 device node (root makes it, as CI is)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(0, 0))


def test_the_trace_check_tells_dpkgs_own_files_from_qorgans(tmp_path: Path) -> None:
    lower, upper = tmp_path / "lower", tmp_path / "upper"
    tree(
        lower,
        {"etc/hostname": b"lab-01\n", "etc/ssl/certs/java/cacerts": b"old", "var/lib/x": b""},
    )
    tree(
        upper,
        {
            "etc/hostname": b"lab-01\n",  # copied up, same bytes
            "var/lib/dpkg/status": b"Package: qorgan\n",  # dpkg's own records
            "etc/passwd-": b"qorgan-proxy:x:999\n",  # userdel's backup
            "etc/ssl/certs/java/cacerts": b"rebuilt",  # rebuilt, without the CA
        },
    )
    assert deb_traces.traces(upper, lower, CA_PEM) == []
    tree(upper, {"etc/ssl/certs/java/cacerts": b"rebuilt" + deb_traces.ca_der(CA_PEM)})
    tree(upper, {"etc/firefox/policies/policies.json": b"{}"})
    (upper / "etc/ssl/certs/qorgan-ca.pem").symlink_to("/usr/local/share/qorgan-ca.crt")
    whiteout(upper / "etc/hosts")
    whiteout(upper / "var/lib/qorgan")  # a developer's leftover, removed first
    found = deb_traces.traces(upper, lower, CA_PEM, ("/var/lib/qorgan",))
    assert set(found) == {
        "/etc/firefox: new or changed",
        "/etc/firefox/policies: new or changed",
        "/etc/firefox/policies/policies.json: new or changed",
        "/etc/hosts: deleted from the system",
        "/etc/ssl/certs/java/cacerts: still holds Qorgan's CA",
        "/etc/ssl/certs/qorgan-ca.pem: names qorgan",
    }
    (upper / "var/lib/qorgan").unlink()  # the purge left the folder: overlayfs shows it anew
    tree(upper / "var/lib", {"qorgan/qorgan.db": b""})
    assert deb_traces.traces(upper, lower, CA_PEM, ("/var/lib/qorgan",))[-1].startswith(
        "/var/lib/qorgan/qorgan.db: left where a fresh system has nothing"
    )
