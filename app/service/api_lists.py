"""The parent's list methods: `lists.status`, `lists.update`, `lists.import`, `lists.remove`.

They answer at once. An update or an import is queued for the service's list part
(lists_part.py), which runs it within a second in a thread of its own; `lists.status`
shows the sources, the compiled lists in force, what waits, and how the last run went.

An imported file is copied into the data folder first, read with the caller's own
rights: the root service never reads, for a parent, a file that parent could not read.
"""

import os
import pwd
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from app.listcompile import DOMAIN_KINDS, ListCompileError, compiled_meta, current_compiled
from app.listsources import (
    MAX_LIST_BYTES,
    NATIONAL_KINDS,
    SIGNATURE_SUFFIX,
    is_due,
    read_public_key,
    read_sha256,
)
from app.service.api import Api, Call
from app.service.lists_part import LAST_RUN, REMOVE, queue_job, waiting_jobs
from app.store import Store
from rules.categories import Category
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.records import ListKind, ListSource

IMPORTS_DIR = "imports"
READ_TIMEOUT = 300.0  # seconds to copy a file in with the caller's rights
KINDS = [kind.value for kind in ListKind if kind is not ListKind.PHRASES]
_NAME = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")
_NOT_NAME = re.compile(r"[^a-z0-9_.-]+")
# What a file's name says of its kind when the parent does not say.
GUESSED = {".json": ListKind.NATIONAL, ".csv": ListKind.NATIONAL, ".tgz": ListKind.UT1}


def register(api: Api) -> None:
    """Add the list methods to `api`; all are the parent's."""
    api.add("lists.status", Role.PARENT, _status)
    api.add("lists.update", Role.PARENT, _update)
    api.add("lists.import", Role.PARENT, _import)
    api.add("lists.remove", Role.PARENT, _remove)


def lists_dir_of(store: Store) -> Path:
    """`<data folder>/lists`, beside the database this store has open."""
    for _, name, file in store.db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent / "lists"
    raise IpcError(ErrorCode.INTERNAL, "the database has no file")


def _source(source: ListSource, now: datetime) -> JsonValue:
    updated = source.updated_at
    return {
        "name": source.name,
        "kind": str(source.kind),
        "category": None if source.category is None else str(source.category),
        "entries": source.entries,
        "updated_at": None if updated is None else updated.isoformat(timespec="seconds"),
        "signature_status": source.signature_status,
        "location": source.location,
        "schedule_hours": source.schedule_hours,
        "due": is_due(source, now),
    }


def _compiled(lists_dir: Path) -> JsonValue:
    try:
        meta = compiled_meta(lists_dir)
        path = current_compiled(lists_dir)
    except ListCompileError as error:
        return {"error": str(error)}
    if meta is None or path is None:
        return None
    return {
        "file": path.name,
        "keys": meta.get("keys"),
        "entries": meta.get("entries"),
        "built_at": meta.get("built_at"),
        "sources": meta.get("sources"),
    }


def _status(call: Call) -> JsonValue:
    store = call.store
    return {
        "sources": [_source(source, call.now) for source in store.list_sources()],
        "compiled": _compiled(lists_dir_of(store)),
        "waiting": list(waiting_jobs(store)),
        "last_run": store.setting(LAST_RUN),
    }


def _update(call: Call) -> JsonValue:
    """Update every source now (or those in `names`), due or not."""
    known = [source.name for source in call.store.list_sources()]
    names = call.params.get("names")
    if names is not None:
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise IpcError(ErrorCode.INVALID, "names: expected a list of source names")
        for name in names:
            if name not in known:
                raise LookupError(f"no list source {name!r} (known: {', '.join(known) or '-'})")
    chosen: list[JsonValue] = [n for n in known if names is None or n in names]
    if not chosen:
        return {"queued": False, "sources": []}
    asked = call.now.isoformat(timespec="seconds")
    job: dict[str, JsonValue] = {"action": "update", "names": names, "asked_at": asked}
    queue_job(call.store, job)
    return {"queued": True, "sources": chosen}


def _remove(call: Call) -> JsonValue:
    """Remove the source `name`: queued like an update; the national list is never removed."""
    name = call.text("name")
    known = {source.name: source for source in call.store.list_sources()}
    source = known.get(name)
    if source is None:
        raise LookupError(f"no list source {name!r} (known: {', '.join(known) or '-'})")
    if source.kind in NATIONAL_KINDS:
        raise IpcError(
            ErrorCode.INVALID,
            f"{name}: the national list cannot be removed; import a newer signed list instead",
        )
    job: dict[str, JsonValue] = {
        "action": REMOVE,
        "name": name,
        "asked_at": call.now.isoformat(timespec="seconds"),
    }
    return {"queued": queue_job(call.store, job), "name": name}


def _optional(call: Call, name: str) -> str | None:
    return call.text(name) if call.params.get(name) is not None else None


def _kind(call: Call, path: Path) -> ListKind:
    given = _optional(call, "kind")
    if given is not None:
        if given not in KINDS:
            raise IpcError(ErrorCode.INVALID, f"kind: one of {', '.join(KINDS)}")
        return ListKind(given)
    if path.name.lower().endswith(".tar.gz"):
        return ListKind.UT1
    guessed = GUESSED.get(path.suffix.lower())
    if guessed is None:
        raise IpcError(
            ErrorCode.INVALID,
            f"kind: say what kind of list {path.name} is ({', '.join(KINDS)})",
        )
    return guessed


def _name(call: Call, kind: ListKind, path: Path) -> str:
    given = _optional(call, "name")
    if given is None:
        stem = path.name.lower().split(".")[0]
        given = "national" if kind is ListKind.NATIONAL else _NOT_NAME.sub("-", stem).strip("-.")
    if not _NAME.fullmatch(given):
        raise IpcError(ErrorCode.INVALID, "name: small letters, digits, '-', '_' and '.'")
    return given


def _import(call: Call) -> JsonValue:
    """Copy a list file (or a UT1 folder) in and queue its import; the source it becomes.

    `path` is required; `kind` is guessed from the file's name when not given (.json and
    .csv: the national list; .tar.gz: UT1); `category` (for domain lists), `name`,
    `public_key` and `sha256` are optional, and a known source's trust is kept.
    """
    path = Path(call.text("path"))
    if not path.is_absolute():
        raise IpcError(ErrorCode.INVALID, "path: give the whole path of the file")
    if not path.is_file() and not path.is_dir():  # never a device or a pipe
        if path.exists():
            raise IpcError(ErrorCode.INVALID, f"{path}: not a file or a folder")
        raise LookupError(f"{path}: no such file or folder")
    kind = _kind(call, path)
    name = _name(call, kind, path)
    known = {source.name: source for source in call.store.list_sources()}.get(name)
    category = _optional(call, "category")
    if category is not None and category not in {str(c) for c in Category}:
        raise IpcError(ErrorCode.INVALID, f"category: no category {category!r}")
    if category is None and known is not None and known.kind is kind and known.category:
        category = str(known.category)
    if kind in DOMAIN_KINDS and category is None:
        raise IpcError(ErrorCode.INVALID, f"category: a {kind} list needs a category")
    key, digest = _optional(call, "public_key"), _optional(call, "sha256")
    public_key = None if key is None else read_public_key(key)
    sha256 = None if digest is None else read_sha256(digest)
    if known is not None and public_key is None and sha256 is None:
        public_key, sha256 = known.public_key, known.sha256
    folder = lists_dir_of(call.store) / IMPORTS_DIR / name
    location = copy_in(path, folder, call.peer.uid)
    spec: dict[str, JsonValue] = {
        "name": name,
        "kind": str(kind),
        "location": str(location),
        "category": category,
        "public_key": public_key,
        "sha256": sha256,
    }
    asked = call.now.isoformat(timespec="seconds")
    queue_job(call.store, {"action": "import", "source": spec, "asked_at": asked})
    return {"queued": True, "name": name, "kind": str(kind), "category": category}


def copy_in(path: Path, folder: Path, uid: int | None) -> Path:
    """Copy `path` (a file and its `.sig`, or a folder) into `folder` as the account `uid`.

    The service's own account (the demo, or a caller the OS cannot name) copies it
    directly; for another account it is read by `cat` or `tar` running as that account,
    so a file that account cannot read stays unread. The copy's path.
    """
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    as_self = uid is None or sys.platform == "win32" or uid == os.geteuid()
    if path.is_dir():
        target = folder / (path.name if as_self else path.name + ".tar")
        if as_self:
            shutil.copytree(path, target, symlinks=True)  # as `tar` keeps them
        else:
            _read_as(uid, ["tar", "-C", str(path), "-cf", "-", "."], target, path)
        return target
    target = folder / path.name
    signature = path.with_name(path.name + SIGNATURE_SUFFIX)
    if as_self:
        try:
            shutil.copyfile(path, target)
        except FileNotFoundError:
            raise LookupError(f"{path}: no such file") from None
        if signature.is_file():
            shutil.copyfile(signature, target.with_name(target.name + SIGNATURE_SUFFIX))
        return target
    _read_as(uid, ["cat", "--", str(path)], target, path)
    try:
        sig_target = target.with_name(target.name + SIGNATURE_SUFFIX)
        _read_as(uid, ["cat", "--", str(signature)], sig_target, signature)
    except (IpcError, LookupError):
        sig_target.unlink(missing_ok=True)  # no signature beside it: verify() says so if needed
    return target


def _read_as(uid: int | None, command: list[str], target: Path, shown: Path) -> None:
    assert uid is not None
    try:
        account = pwd.getpwuid(uid)
    except KeyError:
        raise IpcError(ErrorCode.UNAUTHORIZED, "the calling account is unknown") from None
    groups = os.getgrouplist(account.pw_name, account.pw_gid)
    size = 0
    with target.open("wb") as out:
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            user=uid,
            group=account.pw_gid,
            extra_groups=groups,
            cwd="/",
            env={"PATH": "/usr/bin:/bin", "LANG": "C"},
        )
        assert process.stdout is not None
        while chunk := process.stdout.read(1 << 20):
            size += len(chunk)
            if size > MAX_LIST_BYTES:
                process.kill()
                process.wait()
                raise IpcError(ErrorCode.INVALID, f"{shown}: larger than {MAX_LIST_BYTES} bytes")
            out.write(chunk)
        _, error = process.communicate(timeout=READ_TIMEOUT)
    if process.returncode != 0:
        text = error.decode("utf-8", "replace").strip().splitlines()
        reason = text[-1] if text else f"exit status {process.returncode}"
        if "No such file" in reason:
            raise LookupError(f"{shown}: no such file")
        raise IpcError(ErrorCode.INVALID, f"{shown}: {account.pw_name} cannot read it ({reason})")
