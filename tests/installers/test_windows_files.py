"""The Windows installer script and CI workflow point at files that exist and names that match."""

import re
from pathlib import Path

from tests.installers.test_pyinstaller_spec import bundles

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "installers" / "windows" / "qorgan.iss").read_text(encoding="utf-8")
WORKFLOW = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")


def test_the_installer_ships_both_bundles_and_runs_their_programs() -> None:
    sources = re.findall(r'Source: "\.\.\\\.\.\\dist\\([^\\]+)\\\*"', ISS)
    assert sources == ["qorgan-service", "qorgan-gui"]
    programs = set(re.findall(r"\{app\}\\(?:service|gui)\\([a-z-]+)\.exe", ISS))
    assert programs <= set(bundles.SERVICE_EXECUTABLES + bundles.GUI_EXECUTABLES)
    assert {"qorgan-service", "qorgan", "qorgan-console"} <= programs
    assert "windows-setup setup" in ISS and "windows-setup remove" in ISS
    assert "uninstall --authorise-only" in ISS  # the parent's PIN before removal
    assert "PrivilegesRequired=admin" in ISS


def test_the_workflow_runs_tests_that_exist_and_the_frozen_selftest() -> None:
    for path in re.findall(r"^\s+(tests/\S+)$", WORKFLOW, flags=re.MULTILINE):
        assert (ROOT / path).exists(), path
    assert "runs-on: windows-latest" in WORKFLOW
    assert "installers/pyinstaller/qorgan.spec" in WORKFLOW
    assert "qorgan-service.exe selftest" in WORKFLOW
    assert "installers\\windows\\qorgan.iss" in WORKFLOW
    assert "\t" not in WORKFLOW  # YAML allows no tabs
