"""`qorgan-service setup`: what the package's postinst puts in place before the service runs.

The proxy's system user, the data folder (0700), the per-installation CA trusted by the
system, the browsers' policies and each supervised account's NSS database, and the
nftables table: the same steps the service's first start takes (app/service/main.py),
done at install time so that the PC is protected even where systemd does not start the
service (a chroot, a container). Policy folders this makes are written down, so that the
uninstall removes them again when they are empty (`qorgan-service setup --forget`).
"""

import argparse
import logging
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from app.paths import PROXY_HOME, SERVICE_DATA_DIR, SERVICE_RUN_DIR, database_path
from app.platform.linux import catrust
from app.platform.linux.accounts import (
    AccountError,
    accounts_by_uid,
    ensure_system_user,
    own_directory,
    supervised_now,
)
from app.platform.linux.backends import choose_firewall
from app.platform.linux.enforcement import PORTS_KEY
from app.platform.linux.firewall import FirewallError, FirewallPlan
from app.service.main import install_trust
from app.service.root_proxy import DNS_PORT, FIRST_CHILD_PORT, PROXY_USER, Layout, ensure_ca
from app.store import Store
from rules.ports import OPEN_PORTS_KEY, OpenPort, OpenPortError, assign_ports, open_ports

CREATED_LIST = "created-dirs.txt"

logger = logging.getLogger(__name__)


def missing_folders(paths: Iterable[Path]) -> list[Path]:
    """Each folder on the way to `paths` that does not exist yet, outermost first."""
    found: list[Path] = []
    for path in paths:
        for folder in [*reversed(path.parents), path]:
            if not folder.exists() and folder not in found:
                found.append(folder)
    return found


def remember(record: Path, folders: Sequence[Path]) -> None:
    """Add `folders` to the record of folders the install made (kept in order, no repeats)."""
    known = record.read_text().splitlines() if record.exists() else []
    known += [str(folder) for folder in folders if str(folder) not in known]
    record.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    record.write_text("".join(f"{line}\n" for line in known))


def forget(record: Path) -> list[Path]:
    """Remove the recorded folders that are empty, innermost first; the ones removed."""
    if not record.exists():
        return []
    removed = []
    for line in sorted(record.read_text().splitlines(), key=len, reverse=True):
        folder = Path(line)
        try:
            folder.rmdir()
        except OSError:
            continue
        removed.append(folder)
    record.unlink()
    return removed


def planned_ports(store: Store, children: Iterable[int], first: int) -> dict[int, int]:
    """Each supervised uid's transparent port: the one the service keeps for it, else the next.

    Nothing is saved: the service's first tick assigns and keeps ports for good.
    """
    kept = store.setting(PORTS_KEY, {})
    known = {
        int(uid): port
        for uid, port in (kept.items() if isinstance(kept, dict) else [])
        if uid.isdigit() and isinstance(port, int)
    }
    wanted = list(children)
    every = assign_ports(known, wanted, first, lambda port: True)
    return {uid: every[uid] for uid in wanted}


def opened_ports(store: Store) -> tuple[OpenPort, ...]:
    """The ports a parent opened (none while the setting does not parse: the service says why)."""
    kept = store.setting(OPEN_PORTS_KEY, [])
    try:
        return open_ports(str(entry) for entry in (kept if isinstance(kept, list) else []))
    except OpenPortError:
        return ()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="qorgan-service setup", description=__doc__)
    parser.add_argument("--data-dir", type=Path, default=SERVICE_DATA_DIR)
    parser.add_argument("--run-dir", type=Path, default=SERVICE_RUN_DIR)
    parser.add_argument("--proxy-home", type=Path, default=PROXY_HOME)
    parser.add_argument("--proxy-user", default=PROXY_USER)
    parser.add_argument(
        "--forget", action="store_true", help="remove the empty folders the setup made"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="qorgan-service setup: %(message)s")
    layout = Layout(args.data_dir, args.run_dir, args.proxy_home)
    record = layout.data_dir / "packaging" / CREATED_LIST
    if args.forget:
        for folder in forget(record):
            logger.info("removed %s", folder)
        return 0
    paths = layout.trust_paths
    made = missing_folders([paths.firefox_policies.parent, *paths.chromium_policy_dirs])
    try:
        proxy = ensure_system_user(args.proxy_user, layout.proxy_home)
        own_directory(layout.data_dir, 0, 0, 0o700)
        remember(record, made)
        ca_pem = ensure_ca(layout.confdir, proxy)
        with Store.open(database_path(layout.data_dir)) as store:
            children = supervised_now(store.policy())
            ports = planned_ports(store, children, FIRST_CHILD_PORT)
            opened = opened_ports(store)
        install_trust(layout, ca_pem, list(accounts_by_uid(sorted(children)).values()))
        firewall = choose_firewall()  # nftables, else iptables, as the service chooses
        firewall.apply(FirewallPlan(proxy.uid, DNS_PORT, ports, opened))
    except (AccountError, FirewallError, catrust.TrustError, OSError) as error:
        print(f"qorgan-service setup: {error}", file=sys.stderr)
        return 1
    logger.info(
        "proxy user %s, CA trusted, %s firewall for %d account(s)",
        proxy.name,
        firewall.name,
        len(ports),
    )
    return 0
