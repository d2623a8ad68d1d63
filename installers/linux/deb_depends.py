"""The .deb's Depends: the fixed needs, and the packages of every shared library the bundles load.

    python3 installers/linux/deb_depends.py STAGED_ROOT   # prints one Depends line

Like dpkg-shlibdeps without a debian/ folder: each ELF file under STAGED_ROOT is given to
`ldd`; each library it resolves outside the bundle is looked up with `dpkg -S`. A library
`ldd` cannot find is named on stderr (exit 1): this system lacks a package the bundle needs.
"""

import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

# What the scripts run: the firewall, the system CA store, certutil for each child's NSS db,
# useradd/userdel, and bash for install.sh and uninstall.sh.
FIXED = ("nftables | iptables", "ca-certificates", "libnss3-tools", "passwd", "bash")
ELF_MAGIC = b"\x7fELF"


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        with path.open("rb") as file:
            if file.read(4) == ELF_MAGIC:
                found.append(path)
    return found


def parse_ldd(output: str) -> tuple[set[str], set[str]]:
    """(resolved library paths, sonames not found) from `ldd`'s output."""
    resolved, missing = set(), set()
    for line in output.splitlines():
        name, arrow, rest = line.strip().partition(" => ")
        if not arrow:
            continue
        if rest.startswith("not found"):
            missing.add(name)
        elif rest.startswith("/"):
            resolved.add(rest.split(" (")[0])
    return resolved, missing


def package_of(path: str, search: Callable[[str], str | None]) -> str | None:
    """The package that ships `path`; with merged /usr, under either spelling of it."""
    resolved = str(Path(path).resolve())
    candidates = [path, resolved]
    for spelling in (path, resolved):
        if spelling.startswith("/usr/"):
            candidates.append(spelling.removeprefix("/usr"))
        else:
            candidates.append("/usr" + spelling)
    for candidate in candidates:
        package = search(candidate)
        if package is not None:
            return package
    return None


def dpkg_search(path: str) -> str | None:
    done = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return None
    package = done.stdout.split(":", 1)[0].split(",")[0].strip()
    return package or None


def depends(libraries: Iterable[str], search: Callable[[str], str | None]) -> list[str]:
    packages = {package_of(library, search) for library in libraries}
    return [*FIXED, *sorted(p for p in packages if p is not None)]


def main(argv: list[str]) -> int:
    root = Path(argv[0])
    bundle_dirs = [str(root.resolve())]
    libraries: set[str] = set()
    missing: dict[str, set[str]] = {}
    for elf in elf_files(root):
        done = subprocess.run(["ldd", str(elf)], capture_output=True, text=True, check=False)
        resolved, lost = parse_ldd(done.stdout)
        libraries |= {lib for lib in resolved if not lib.startswith(tuple(bundle_dirs))}
        for soname in lost:
            missing.setdefault(soname, set()).add(elf.name)
    print(", ".join(depends(libraries, dpkg_search)))
    for soname, users in sorted(missing.items()):
        needed = ", ".join(sorted(users))
        print(f"deb_depends: {soname} not found (needed by {needed})", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
