"""`qorgan-service windows-setup|windows-remove`: the whole Windows plan, run or printed.

The Inno Setup installer runs it after copying the files (and before removing them).
Children may still be given as ACCOUNT=SID pairs, for their tray at once, though the
service now writes each supervised child's tray itself; the school's silent install adds
--policy.
"""

import argparse
import os
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from app.paths import database_path
from app.platform.windows import catrust, firewall, proxy_settings, service
from app.platform.windows.paths import WindowsPaths, windows_paths
from app.platform.windows.plan import Command, dry_run, run_plan
from app.platform.windows.proxy_ports import PORTS_KEY
from app.platform.windows.registry import SID_PATTERN
from app.store import Store

FIRST_CHILD_PORT = 47101


def parse_child(text: str) -> tuple[str, str]:
    account, sep, sid = text.partition("=")
    if not sep or not account:
        raise argparse.ArgumentTypeError(f"{text!r}: give a child as ACCOUNT=SID")
    return account, sid


def setup_plan(paths: WindowsPaths, children: Sequence[tuple[str, str]]) -> list[Command]:
    """Service, CA trust, then each named child's tray.

    Each supervised account's proxy port, WinINet settings, tray Run value and firewall
    rules are the service's to keep (proxy_ports.py, child_firewall.py), for a child
    added in the console later as much as for one named here, so children are optional
    and their order does not matter.
    """
    plan = [*service.register_plan(paths), *catrust.trust_plan(str(paths.ca_cert))]
    for _, sid in children:
        plan += service.tray_plan(sid, paths)
    return plan


def removal_plan(
    paths: WindowsPaths,
    children: Sequence[tuple[str, str]],
    ca_pem: bytes | None,
    supervised: Sequence[str] = (),
) -> list[Command]:
    """Everything gone, and each child's proxy and tray: those named and those the service
    ever supervised (`supervised`, the SIDs of its port table)."""
    plan = [*service.unregister_plan(), *firewall.removal_plan(), *catrust.removal_plan(ca_pem)]
    for sid in dict.fromkeys([*(sid for _, sid in children), *supervised]):
        plan += proxy_settings.clear_proxy_plan(sid)
        plan += service.tray_removal_plan(sid, paths)
    return plan


def supervised_sids(data_dir: Path) -> list[str]:
    """The SIDs the service gave a proxy port (setting `windows.proxy_ports`), if any."""
    database = database_path(data_dir)
    if not database.is_file():
        return []
    with Store.open(database) as store:
        kept = store.setting(PORTS_KEY, {})
    return (
        sorted(sid for sid in kept if SID_PATTERN.fullmatch(sid)) if isinstance(kept, dict) else []
    )


def main(
    argv: Sequence[str] | None = None,
    environment: Mapping[str, str] = os.environ,
    run: Callable[[Sequence[str]], int] = subprocess.call,
) -> int:
    parser = argparse.ArgumentParser(prog="qorgan-service windows-setup")
    parser.add_argument("action", choices=["setup", "remove"])
    parser.add_argument("--child", type=parse_child, action="append", default=[])
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--data-dir", type=Path, default=None, help="the service's data folder")
    args = parser.parse_args(argv)
    paths = windows_paths(environment)
    if args.action == "setup":
        plan = setup_plan(paths, args.child)
    else:
        ca = Path(str(paths.ca_cert)).with_suffix(".pem")
        supervised = supervised_sids(args.data_dir or Path(str(paths.data_dir)))
        plan = removal_plan(paths, args.child, ca.read_bytes() if ca.exists() else None, supervised)
    if args.dry_run:
        print("\n".join(dry_run(plan)))
        return 0
    if sys.platform != "win32":
        print("qorgan-service windows-setup: runs on Windows (try --dry-run)", file=sys.stderr)
        return 2
    failed = run_plan(plan, run)
    return 1 if any(not c.may_fail for c in failed) else 0
