"""The files the service shares with the proxy worker: the policy snapshot down, events up."""

import json
import logging
import os
import shutil
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path

from app.listcompile import COMPILED_DIR, CURRENT_NAME, current_compiled
from rules.policy import Policy
from rules.policy_io import policy_to_dict
from rules.records import DecisionEvent
from rules.wire import SNAPSHOT_VERSION, event_from_json

SNAPSHOT_NAME = "policy-snapshot.json"
# The spool is renamed to this before it is read, so the proxy always appends to a fresh file.
TAKEN_SUFFIX = ".taken"

logger = logging.getLogger(__name__)


def write_snapshot(
    directory: Path,
    policy: Policy,
    national_file: Path | None,
    demo_child: str | None,
    listeners: Mapping[int, str] | None = None,
    *,
    lists_dir: Path | None = None,
    budgets_file: Path | None = None,
) -> Path:
    """Replace `policy-snapshot.json` in `directory` at once: a reader sees the old or the new.

    The text goes to a temporary file that is flushed to disk before it takes the name.
    `listeners` (root service) names the child whose traffic each transparent port carries.
    `lists_dir` holds the compiled lists (by default the national file's folder), and
    `budgets_file` the screen-time budget flags (see app/service/budgets.py).
    """
    directory.mkdir(parents=True, exist_ok=True)
    data = {
        "snapshot": SNAPSHOT_VERSION,
        "written_at": datetime.now().astimezone().isoformat(),
        "policy": policy_to_dict(policy),
        "national_file": None if national_file is None else str(national_file),
        "demo_child": demo_child,
        "listeners": {str(port): child for port, child in sorted((listeners or {}).items())},
        "lists_dir": None if lists_dir is None else str(lists_dir),
        "budgets_file": None if budgets_file is None else str(budgets_file),
    }
    path = directory / SNAPSHOT_NAME
    temporary = directory / f".{SNAPSHOT_NAME}.{os.getpid()}.tmp"
    with temporary.open("w", encoding="utf-8") as file:
        json.dump(data, file, ensure_ascii=False, indent=1)
        file.flush()
        os.fsync(file.fileno())
    # Not left to the umask, which a thread opening the database sets for a moment:
    # the root service's proxy reads it through the folder's group.
    temporary.chmod(0o640)
    os.replace(temporary, path)
    return path


def publish_compiled(lists_dir: Path, directory: Path) -> Path | None:
    """Copy the compiled lists in force into `directory/compiled/`, for a proxy that cannot
    read `lists_dir`; the copy in force, or None when nothing is compiled yet.

    The copy keeps the file's name and time, and its own CURRENT names it, so
    `directory` serves as a lists folder; a copy no longer named is removed (a proxy
    that still maps it keeps its pages until it loads the new one).
    """
    source = current_compiled(lists_dir)
    folder = directory / COMPILED_DIR
    if source is None:
        (folder / CURRENT_NAME).unlink(missing_ok=True)
        return None
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o2750)  # like its parent: the proxy's group reads what is made in it
    copy = folder / source.name
    if _fingerprint(source) != _fingerprint(copy):
        temporary = folder / f".{source.name}.tmp"
        shutil.copy2(source, temporary)
        temporary.chmod(0o640)
        os.replace(temporary, copy)
    pointer = folder / f".{CURRENT_NAME}.tmp"
    pointer.write_text(source.name + "\n", encoding="utf-8")
    pointer.chmod(0o640)
    os.replace(pointer, folder / CURRENT_NAME)
    for old in folder.glob("lists-*.qlc"):
        if old != copy:
            old.unlink(missing_ok=True)
    return copy


def _fingerprint(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return (stat.st_size, stat.st_mtime_ns)


def take_events(spool: Path) -> list[DecisionEvent]:
    """The events the proxy spooled since the last call; each event is returned once.

    The file taken on the previous call is read now, and the spool is set aside for the
    next call: a writer that opened the spool just before it was renamed has had a whole
    call's interval to finish its one append. A line that cannot be read is skipped.
    """
    taken = spool.with_name(spool.name + TAKEN_SUFFIX)
    events = _read_and_remove(taken)
    try:
        os.replace(spool, taken)
    except FileNotFoundError:
        pass
    except OSError as error:  # Windows will not rename a file the proxy holds open
        logger.debug("spool %s not taken this time: %s", spool, error)
    return events


def drain_events(spool: Path) -> list[DecisionEvent]:
    """Every event left in the spool, for when the proxy has stopped and writes no more."""
    return take_events(spool) + take_events(spool)


def _read_and_remove(path: Path) -> list[DecisionEvent]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return []
    events = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            events.append(event_from_json(line))
        except ValueError as error:
            logger.warning("%s: line %d skipped: %s", path, number, error)
    path.unlink()
    return events
