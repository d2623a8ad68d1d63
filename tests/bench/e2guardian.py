"""Benchmark-only: Debian's e2guardian, configured in a folder of its own and run in the foreground.

The Debian package's configuration (`/etc/e2guardian`) is copied into the folder with
every path pointing there, and changed where a side-by-side run needs it: one loopback
address and port, no daemon, logs and the PID file in the folder, and the weighted phrase
list chosen by the caller:

- `"qorgan"`: Qorgan's own phrase lists (`assets/phrases/<language>/<category>.txt`, which
  are written in e2guardian's `<phrase><weight>` format), each file included with its
  `#listcategory`, the banned and exception phrase lists empty: the same phrases on both sides;
- `"stock"`: the package's own weighted, banned and exception phrase lists as installed.

Content filtering is e2guardian's usual HTML path (weighted phrases counted at each
occurrence, `weightedphrasemode = 1`, as Qorgan counts them; `phrasefiltermode` as given,
default 1 = the "smart" text with tags removed, which is what Qorgan scores;
`preservecase = 1`, because e2guardian's lower-casing mangles UTF-8 Cyrillic and no Russian
or Kazakh phrase would match otherwise). The naughtiness limit is set out of reach so that
every page is scanned and passed, as Qorgan passes the benchmark's page. Nothing here
touches /etc or a system service; the process is a child of the benchmark (as root it
drops to the package's `e2guardian` user, so its folder is made readable to that user).
"""

import os
import re
import shutil
import socket
import subprocess
import time
from pathlib import Path

SYSTEM_CONFIG = Path("/etc/e2guardian")
BINARY = shutil.which("e2guardian") or "/usr/sbin/e2guardian"
_INCLUDE = re.compile(r"^\s*\.Include<([^>]+)>", re.MULTILINE)
_PHRASE = re.compile(r"^\s*<[^<>]*>(?:\s*,\s*<[^<>]*>)*\s*<\s*-?[0-9]+\s*>", re.MULTILINE)


# Where a stock list's phrases go among Qorgan's categories (by the list's folder); the rest
# count as pornography, which most of the stock lists are about.
_STOCK_CATEGORIES = {
    "gambling": "gambling",
    "illegaldrugs": "drugs",
    "legaldrugs": "drugs",
    "drugadvocacy": "drugs",
    "violence": "violence",
    "gore": "violence",
    "weapons": "violence",
}
_PART = re.compile(r"<([^<>]*)>")


class E2guardianUnavailableError(RuntimeError):
    """e2guardian cannot be run here; the message says exactly why."""


def available() -> str | None:
    """None when e2guardian can be configured and run here, or the reason it cannot."""
    if not Path(BINARY).is_file():
        return f"{BINARY} not found (Debian package e2guardian not installed)"
    if not (SYSTEM_CONFIG / "e2guardian.conf").is_file():
        return f"{SYSTEM_CONFIG}/e2guardian.conf not found (the package's configuration)"
    return None


def count_phrases(path: Path, seen: set[Path] | None = None) -> int:
    """The weighted phrase lines of a list, following its `.Include<…>` lines."""
    seen = set() if seen is None else seen
    if path in seen or not path.is_file():
        return 0
    seen.add(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    total = len(_PHRASE.findall(text))
    for included in _INCLUDE.findall(text):
        total += count_phrases(Path(included), seen)
    return total


def _included(path: Path, seen: set[Path]) -> list[Path]:
    if path in seen or not path.is_file():
        return []
    seen.add(path)
    text = path.read_text(encoding="utf-8", errors="replace")
    found = [path]
    for included in _INCLUDE.findall(text):
        found += _included(Path(included), seen)
    return found


def stock_phrases_for_qorgan(folder: Path) -> int:
    """The package's stock weighted phrase lists written as a Qorgan phrase folder
    (`folder/e2guardian/<category>.txt`), for a run of Qorgan with lists of the same size;
    the number of distinct phrases written.

    Qorgan has no AND-combinations (`<a>,<b><weight>`): each part of one becomes a phrase
    of its own with the combination's weight, so Qorgan looks for as many different phrases
    as e2guardian does. Lists not in UTF-8 (old KOI8-R and Windows-1251 ones) are read as
    UTF-8 with replacement characters, as their phrases cannot match a UTF-8 page anyway.
    """
    reason = available()
    if reason is not None:
        raise E2guardianUnavailableError(reason)
    by_category: dict[str, dict[str, str]] = {}
    for path in _included(SYSTEM_CONFIG / "lists" / "weightedphraselist", set()):
        if path.name == "weightedphraselist":
            continue
        category = _STOCK_CATEGORIES.get(path.parent.name, "pornography")
        lines = by_category.setdefault(category, {})
        for found in _PHRASE.finditer(path.read_text(encoding="utf-8", errors="replace")):
            *parts, weight = _PART.findall(found[0])
            for part in parts:
                if part.strip() and weight.strip() not in ("0", "+0", "-0"):
                    lines.setdefault(part.casefold(), f"<{part}><{weight.strip()}>")
    out = folder / "e2guardian"
    out.mkdir(parents=True, exist_ok=True)
    for category, lines in by_category.items():
        text = "\n".join(lines.values()) + "\n"
        (out / f"{category}.txt").write_text(text, encoding="utf-8")
    return sum(map(len, by_category.values()))


class E2guardian:
    """One e2guardian on 127.0.0.1:`port`, its configuration under `folder`."""

    def __init__(
        self,
        folder: Path,
        port: int,
        phrases: str,
        qorgan_phrases: Path,
        *,
        phrase_filter_mode: int = 1,
        naughtyness_limit: int = 1_000_000,
    ) -> None:
        reason = available()
        if reason is not None:
            raise E2guardianUnavailableError(reason)
        self.folder = folder
        self.port = port
        self.config = folder / "etc"
        self.log = folder / "e2guardian.log"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(SYSTEM_CONFIG, self.config, symlinks=False)
        for path in self.config.rglob("*"):
            if path.is_file() and not path.name.endswith((".gif", ".swf", ".pem", ".key")):
                text = path.read_text(encoding="utf-8", errors="surrogateescape")
                if str(SYSTEM_CONFIG) in text:
                    path.write_text(
                        text.replace(str(SYSTEM_CONFIG), str(self.config)),
                        encoding="utf-8",
                        errors="surrogateescape",
                    )
        lists = self.config / "lists"
        if phrases == "qorgan":
            weighted = lists / "qorgan-weighted"
            includes = []
            for path in sorted(qorgan_phrases.glob("*/*.txt")):
                copy = lists / f"qorgan-{path.parent.name}-{path.name}"
                copy.write_text(
                    f'#listcategory: "{path.stem}"\n' + path.read_text(encoding="utf-8"),
                    encoding="utf-8",
                )
                includes.append(f".Include<{copy}>\n")
            weighted.write_text("".join(includes), encoding="utf-8")
            for name in ("bannedphraselist", "exceptionphraselist"):
                (lists / name).write_text("", encoding="utf-8")
            self.weighted_list = weighted
        elif phrases == "stock":
            self.weighted_list = lists / "weightedphraselist"
        else:
            raise ValueError(f"phrases must be 'qorgan' or 'stock', not {phrases!r}")
        self.phrase_count = count_phrases(self.weighted_list)
        self._set(
            self.config / "e2guardian.conf",
            {
                "filterip": "127.0.0.1",
                "filterports": str(port),
                "checkip": "127.0.0.1",
                "transparenthttpsport": "0",
                "nodaemon": "on",
                "nologger": "off",
                "loglocation": f"'{folder / 'access.log'}'",
                "pidfilename": f"'{folder / 'e2guardian.pid'}'",
                "filecachedir": f"'{folder}'",
                "weightedphrasemode": "1",
                # 0 (lower-case the page first) folds UTF-8 bytes as Latin-1 letters, and then
                # no Cyrillic phrase ever matches; the phrases and the page are lower case.
                "preservecase": "1",
                "phrasefiltermode": str(phrase_filter_mode),
                "httpworkers": "200",
                "logconnectionhandlingerrors": "off",
            },
        )
        self._set(
            self.config / "e2guardianf1.conf",
            {
                "weightedphraselist": f"'{self.weighted_list}'",
                "naughtynesslimit": str(naughtyness_limit),
            },
        )
        # After dropping root, the daemon's user must read its configuration and write logs.
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        for parent in folder.parents:
            if parent == Path("/") or parent.stat().st_mode & 0o005 == 0o005:
                break
            parent.chmod(parent.stat().st_mode | 0o005)
        if os.geteuid() == 0:
            shutil.chown(folder, "e2guardian", "e2guardian")
        self.process: subprocess.Popen[bytes] | None = None

    @staticmethod
    def _set(path: Path, values: dict[str, str]) -> None:
        """Set `name = value` lines in an e2guardian configuration file (first one wins)."""
        lines = path.read_text(encoding="utf-8").splitlines()
        left = dict(values)
        out = []
        for line in lines:
            name = line.split("=", 1)[0].strip().lstrip("#").strip()
            if "=" in line and name in values:
                if name in left:
                    out.append(f"{name} = {left.pop(name)}")
                continue
            out.append(line)
        out += [f"{name} = {value}" for name, value in left.items()]
        path.write_text("\n".join(out) + "\n", encoding="utf-8")

    def start(self, timeout: float = 30.0) -> None:
        """Start it in the foreground; E2guardianUnavailableError with its own words if it stops."""
        self._log_file = self.log.open("wb")
        self.process = subprocess.Popen(
            [BINARY, "-N", "-c", str(self.config / "e2guardian.conf")],
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            cwd=self.folder,
        )
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise E2guardianUnavailableError(
                    f"e2guardian exited with status {self.process.returncode}: "
                    + self.log.read_text(errors="replace")[-1500:].strip()
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise E2guardianUnavailableError(
                        f"e2guardian did not listen on 127.0.0.1:{self.port} within {timeout:.0f} s"
                    ) from None
                time.sleep(0.2)

    def naughtiness(self, path: str) -> dict[str, int]:
        """How many requests for `path` got each naughtiness score (from the access log):
        the proof that the pages were scanned, not passed unseen."""
        found: dict[str, int] = {}
        log = self.folder / "access.log"
        if not log.is_file():
            return found
        for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
            fields = line.split("\t")
            if len(fields) > 16 and fields[5].endswith(path):
                found[fields[16]] = found.get(fields[16], 0) + 1
        return found

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if hasattr(self, "_log_file"):
            self._log_file.close()
