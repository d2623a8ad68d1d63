"""`qorgan-service uninstall`: the package's uninstall.sh, started from Qorgan after the PIN.

Root can always run /opt/qorgan/uninstall.sh by hand; this is the way the console (through
pkexec) and the `qorgan-service` command start it, and they must not let anyone who merely
reaches the command remove the protection: the parent's PIN is checked first, with the
store's lockout after wrong tries. With no PIN set yet there is no parent to ask.
"""

import argparse
import getpass
import subprocess
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from app.paths import SERVICE_DATA_DIR, database_path
from app.store import Store

SCRIPT = Path("/opt/qorgan/uninstall.sh")


class UninstallRefusedError(PermissionError):
    """The PIN was wrong, or tries are locked out; nothing was removed."""


def authorise(store: Store, pin: Callable[[], str], now: datetime) -> None:
    if not store.has_pin():
        return
    check = store.check_pin(pin(), now)
    if check.ok:
        return
    if check.locked_until is not None:
        raise UninstallRefusedError(
            f"too many wrong PINs: try again after {check.locked_until:%H:%M}; nothing removed"
        )
    raise UninstallRefusedError("wrong PIN; nothing removed")


def uninstall_command(script: Path, keep_data: bool, dry_run: bool) -> list[str]:
    return [
        "/bin/bash",
        str(script),
        *(["--keep-data"] if keep_data else []),
        *(["--dry-run"] if dry_run else []),
    ]


def main(
    argv: Sequence[str] | None = None,
    read_pin: Callable[[], str] = lambda: getpass.getpass("Parent PIN: "),
    run: Callable[[list[str]], int] = subprocess.call,
    now: Callable[[], datetime] = datetime.now,
) -> int:
    parser = argparse.ArgumentParser(prog="qorgan-service uninstall", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=SERVICE_DATA_DIR)
    parser.add_argument("--script", type=Path, default=SCRIPT)
    parser.add_argument("--keep-data", action="store_true")
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from stdin")
    parser.add_argument(
        "--authorise-only", action="store_true", help="check the PIN only (Windows uninstaller)"
    )
    args = parser.parse_args(argv)
    if args.pin_stdin:
        read_pin = lambda: sys.stdin.readline().rstrip("\n")  # noqa: E731
    database = database_path(args.data_dir)
    if database.exists():
        with Store.open(database) as store:
            try:
                authorise(store, read_pin, now())
            except UninstallRefusedError as error:
                print(f"qorgan-service uninstall: {error}", file=sys.stderr)
                return 3
    if args.authorise_only:
        return 0
    return run(uninstall_command(args.script, args.keep_data, args.dry_run))
