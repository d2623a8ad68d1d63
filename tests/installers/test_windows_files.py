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


def test_the_workflow_has_the_scm_start_and_stop_the_frozen_service() -> None:
    steps = [line.strip() for line in WORKFLOW.splitlines()]
    order = [
        next(i for i, line in enumerate(steps) if line.startswith(command))
        for command in (
            "sc.exe create QorganService",
            "sc.exe start QorganService",
            "sc.exe query QorganService",
            "sc.exe stop QorganService",
            "sc.exe delete QorganService",
        )
    ]
    assert order == sorted(order)
    create = steps[order[0]]
    assert "--service --data-dir" in create  # what register_plan's binPath passes too
    assert "WIN32_EXIT_CODE" in WORKFLOW  # a clean stop reports exit code 0
