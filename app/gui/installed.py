"""Apps installed on this PC, from their desktop entries, for the apps view to pick from."""

import os
import shlex
import sys
from collections.abc import Iterable
from pathlib import Path


def desktop_dirs() -> list[Path]:
    data_dirs = os.environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return [Path(d) / "applications" for d in [home, *data_dirs.split(":")] if d]


def program_of(exec_line: str) -> str | None:
    """The program a desktop entry's `Exec=` starts, as its process is named (`firefox`)."""
    try:
        words = shlex.split(exec_line)
    except ValueError:
        return None
    words = [w for w in words if "=" not in w or w.startswith("/")]  # env FOO=bar prog
    if words and Path(words[0]).name == "env":
        words = words[1:]
    return Path(words[0]).name if words else None


def read_entry(text: str) -> str | None:
    """The program of one `.desktop` file's text, or None if it shows no app."""
    in_entry, program, hidden = False, None, False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_entry = line == "[Desktop Entry]"
        elif in_entry and line.startswith("Exec="):
            program = program_of(line.removeprefix("Exec="))
        elif in_entry and line in {"NoDisplay=true", "Hidden=true", "Type=Link"}:
            hidden = True
    return None if hidden else program


def installed_apps(directories: Iterable[Path] | None = None) -> list[str]:
    """Program names of the apps people can start; empty where the OS keeps no such entries."""
    if sys.platform == "win32" and directories is None:
        return []
    found: set[str] = set()
    for directory in directories if directories is not None else desktop_dirs():
        try:
            files = sorted(directory.glob("*.desktop"))
        except OSError:
            continue
        for path in files:
            try:
                program = read_entry(path.read_text(encoding="utf-8", errors="replace"))
            except OSError:
                continue
            if program:
                found.add(program)
    return sorted(found, key=str.casefold)
