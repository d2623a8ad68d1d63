"""What an install and purge left in an overlay's upper layer that is not dpkg's own.

    python3 installers/linux/deb_traces.py UPPER CA.pem [--removed PATH]...   # exit 1 if any

The lower layer is `/`; each --removed PATH is a leftover of a developer's Qorgan that
verify-deb.sh deleted first to make the copy a fresh system: its deletion is no trace,
anything under it is. An entry of the upper layer is no trace when the
lower layer has the same thing there (a file rewritten with the same bytes, a folder that
only holds changes), or when it is dpkg's bookkeeping, a log, or the backup that
useradd/userdel keep of the account files (`/etc/passwd-`). Every other new, changed or
deleted entry is a trace, and so is any file that still holds the CA or names Qorgan.
"""

import argparse
import base64
import os
import re
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

# dpkg's own records, logs, and what any package's install/removal leaves the same way.
ALLOWED = (
    re.compile(r"var/lib/dpkg(/.*)?"),
    re.compile(r"var/log(/.*)?"),
    re.compile(r"var/cache/(debconf|ldconfig)(/.*)?"),
    re.compile(r"etc/(passwd|group|shadow|gshadow|subuid|subgid)-"),
    re.compile(r"etc/ld\.so\.cache"),
)
# Rebuilt by update-ca-certificates (and its Java hook) from every CA the system trusts:
# it may differ from the lower layer (the keystore gets new timestamps; a CA put in
# /usr/local/share/ca-certificates but never linked is linked now), but must not hold or
# point to Qorgan's CA.
REBUILT = (re.compile(r"etc/ssl/certs/.*"),)
NAMES = (b"qorgan", b"Qorgan CA")


def ca_der(pem: bytes) -> bytes:
    body = b"".join(line for line in pem.splitlines() if line and not line.startswith(b"-----"))
    return base64.b64decode(body)


def walk(upper: Path) -> Iterator[Path]:
    for folder, folders, files in os.walk(upper):
        for name in [*folders, *files]:
            yield Path(folder, name)


def same_as_lower(entry: Path, lower: Path) -> bool:
    try:
        mine, theirs = entry.lstat(), lower.lstat()
    except OSError:
        return False
    if stat.S_ISDIR(mine.st_mode):
        return stat.S_ISDIR(theirs.st_mode)
    if stat.S_ISLNK(mine.st_mode):
        return stat.S_ISLNK(theirs.st_mode) and os.readlink(entry) == os.readlink(lower)
    if stat.S_ISREG(mine.st_mode) and stat.S_ISREG(theirs.st_mode):
        return entry.read_bytes() == lower.read_bytes()
    return False


def holds(entry: Path, needles: tuple[bytes, ...]) -> bytes | None:
    if entry.is_symlink():
        target = os.readlink(entry).encode()
        return next((needle for needle in needles if needle in target), None)
    if not entry.is_file():
        return None
    data = entry.read_bytes()
    return next((needle for needle in needles if needle in data), None)


def traces(upper: Path, lower: Path, ca_pem: bytes, removed: tuple[str, ...] = ()) -> list[str]:
    found = []
    gone = tuple(path.strip("/") for path in removed)
    der = ca_der(ca_pem)
    ca_needles = (der, ca_pem.splitlines()[1])
    for entry in walk(upper):
        relative = entry.relative_to(upper).as_posix()
        if any(pattern.fullmatch(relative) for pattern in ALLOWED):
            continue
        mode = entry.lstat().st_mode
        whiteout = stat.S_ISCHR(mode) and entry.lstat().st_rdev == 0
        if relative in gone and whiteout:
            continue
        if relative in gone or relative.startswith(tuple(f"{path}/" for path in gone)):
            found.append(f"/{relative}: left where a fresh system has nothing")
            continue
        if whiteout:
            found.append(f"/{relative}: deleted from the system")
            continue
        if holds(entry, ca_needles) is not None:
            found.append(f"/{relative}: still holds Qorgan's CA")
            continue
        if same_as_lower(entry, lower / relative):
            continue
        named = holds(entry, NAMES)
        if named is None and any(pattern.fullmatch(relative) for pattern in REBUILT):
            continue
        what = f"names {named.decode()}" if named else "new or changed"
        found.append(f"/{relative}: {what}")
    return found


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="deb_traces.py")
    parser.add_argument("upper", type=Path)
    parser.add_argument("ca", type=Path)
    parser.add_argument("--removed", action="append", default=[])
    args = parser.parse_args(argv)
    upper = args.upper
    found = traces(upper, Path("/"), args.ca.read_bytes(), tuple(args.removed))
    for line in found:
        print(f"verify-deb: trace left: {line}", file=sys.stderr)
    count = sum(1 for _ in walk(upper))
    print(f"verify-deb: upper layer has {count} entries, {len(found)} trace(s) of Qorgan")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
