"""Uninstalling from Qorgan: the parent's PIN first, with the store's lockout; then uninstall.sh."""

from datetime import datetime
from pathlib import Path

from app.paths import database_path
from app.platform.linux.packaging.uninstall import main
from app.store import Store

NOW = datetime(2026, 11, 22, 18, 0)


def run(data_dir: Path, pin: str, *extra: str) -> tuple[int, list[list[str]]]:
    ran: list[list[str]] = []

    def record(command: list[str]) -> int:
        ran.append(command)
        return 0

    code = main(
        ["--data-dir", str(data_dir), "--script", "/opt/qorgan/uninstall.sh", *extra],
        read_pin=lambda: pin,
        run=record,
        now=lambda: NOW,
    )
    return code, ran


def test_the_right_pin_runs_the_uninstall_script(tmp_path: Path) -> None:
    with Store.open(database_path(tmp_path)) as store:
        store.set_pin("4827")
    assert run(tmp_path, "4827", "--keep-data") == (
        0,
        [["/bin/bash", "/opt/qorgan/uninstall.sh", "--keep-data"]],
    )


def test_a_wrong_pin_removes_nothing_and_tries_lock_out(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    with Store.open(database_path(tmp_path)) as store:
        store.set_pin("4827")
    for _ in range(6):
        code, ran = run(tmp_path, "0000")
        assert code == 3 and ran == []
    errors = capsys.readouterr().err
    assert "wrong PIN; nothing removed" in errors
    assert "too many wrong PINs" in errors
    assert run(tmp_path, "4827")[0] == 3  # locked out even with the right PIN


def test_with_no_pin_set_there_is_no_parent_to_ask(tmp_path: Path) -> None:
    Store.open(database_path(tmp_path)).close()
    assert run(tmp_path, "", "--dry-run") == (
        0,
        [["/bin/bash", "/opt/qorgan/uninstall.sh", "--dry-run"]],
    )


def test_the_windows_uninstaller_only_asks_for_the_pin(tmp_path: Path) -> None:
    with Store.open(database_path(tmp_path)) as store:
        store.set_pin("4827")
    assert run(tmp_path, "4827", "--authorise-only") == (0, [])
    assert run(tmp_path, "1111", "--authorise-only") == (3, [])
