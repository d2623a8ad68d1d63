"""The school document in force on this PC: install, central updates, exam switch, applying it.

The verified document is kept in the store's settings (`school.document`); the policy the
service enforces is derived from it and the exam switch, and written to the store only
when it changes. In a lab with a central policy, the school's file is the source of truth:
edits made in the console last until the next document or exam change.
"""

import hashlib
import json
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.listsources import Fetcher, ListSourceError
from app.school.signing import KEPT, SIGNATURE_SUFFIX, pin_key, verify_document
from app.store import Store
from rules.policy_io import policy_to_dict
from rules.school import (
    ExamSwitch,
    SchoolDocument,
    SchoolError,
    check_serial,
    effective_policy,
    exam_active,
    poll_due,
)
from rules.school_io import school_from_dict, school_to_dict

KEY = "school.public_key"
URL = "school.url"
DOCUMENT = "school.document"
EXAM = "school.exam"
APPLIED = "school.applied"
STATUS = "school.status"


@dataclass(frozen=True)
class Status:
    """The last central check: when, which serial is in force, and the error if it failed."""

    checked_at: datetime | None
    serial: int | None
    error: str | None


def document(store: Store) -> SchoolDocument | None:
    data = store.setting(DOCUMENT)
    return None if data is None else school_from_dict(data)


def exam_switch(store: Store) -> ExamSwitch:
    value = store.setting(EXAM, ExamSwitch.AUTO.value)
    return (
        ExamSwitch(value)
        if isinstance(value, str) and value in set(ExamSwitch)
        else ExamSwitch.AUTO
    )


def status(store: Store) -> Status:
    data = store.setting(STATUS, {})
    data = data if isinstance(data, dict) else {}
    checked = data.get("checked_at")
    serial = data.get("serial")
    error = data.get("error")
    return Status(
        datetime.fromisoformat(checked) if isinstance(checked, str) else None,
        serial if isinstance(serial, int) else None,
        error if isinstance(error, str) else None,
    )


def record(store: Store, now: datetime, error: str | None) -> None:
    current = document(store)
    store.set_setting(
        STATUS,
        {
            "checked_at": now.isoformat(),
            "serial": None if current is None else current.serial,
            "error": error,
        },
    )


def apply(store: Store, now: datetime) -> bool:
    """Write the policy in force now (lab defaults, exam mode) if it changed; True if written."""
    current = document(store)
    if current is None:
        return False
    policy = effective_policy(current, exam_switch(store), now)
    text = json.dumps(policy_to_dict(policy), sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(text.encode()).hexdigest()
    if store.setting(APPLIED) == digest:
        return False
    store.replace_policy(policy)
    store.set_setting(APPLIED, digest)
    return True


def accept(store: Store, data: bytes, signature: bytes | None, shown: str, now: datetime) -> bool:
    """Verify a document with the pinned key and put it in force; False if it is not newer."""
    key = store.setting(KEY)
    if not isinstance(key, str):
        raise SchoolError("no school key is pinned: run `qorgan school install` first")
    offered = verify_document(data, signature, key, shown)
    current = document(store)
    if not check_serial(None if current is None else current.serial, offered.serial):
        return False
    store.set_setting(DOCUMENT, json.loads(json.dumps(school_to_dict(offered))))
    store.set_setting(APPLIED, None)
    apply(store, now)
    return True


def install(
    store: Store,
    policy_file: Path,
    public_key: str,
    now: datetime,
    url: str | None = None,
) -> SchoolDocument:
    """Pin the school's key, check `policy_file` against it and its `.sig`, and put it in force."""
    if url is not None and not url.startswith("https://"):
        raise SchoolError(f"{url}: the central policy is fetched only over https://")
    key = pin_key(public_key)
    pinned = store.setting(KEY)
    signature_file = policy_file.with_name(policy_file.name + SIGNATURE_SUFFIX)
    try:
        data = policy_file.read_bytes()
        signature = signature_file.read_bytes() if signature_file.exists() else None
    except OSError as error:
        raise SchoolError(f"{policy_file}: cannot be read ({error.strerror})") from None
    offered = verify_document(data, signature, key, str(policy_file))
    if pinned not in (None, key):
        raise SchoolError(
            "another school key is already pinned; uninstall Qorgan to change the school's key"
        )
    store.set_setting(KEY, key)
    store.set_setting(URL, url)
    accept(store, data, signature, str(policy_file), now)
    record(store, now, None)
    return document(store) or offered


def set_exam(store: Store, switch: ExamSwitch, now: datetime) -> None:
    """The admin's switch; the policy changes at once, and the service keeps it in step."""
    if document(store) is None:
        raise SchoolError("this PC has no school policy: run `qorgan school install` first")
    store.set_setting(EXAM, switch.value)
    apply(store, now)


def poll_is_due(store: Store, now: datetime) -> bool:
    current = document(store)
    if current is None or not isinstance(store.setting(URL), str):
        return False
    return poll_due(status(store).checked_at, current.poll_minutes, now)


def download(url: str, fetcher: Fetcher) -> tuple[bytes, bytes | None]:
    """The document at `url` and its `.sig`, over HTTPS only (no network use beyond that)."""
    if not url.startswith("https://"):
        raise SchoolError(f"{url}: the central policy is fetched only over https://; {KEPT}")
    with tempfile.TemporaryDirectory(prefix="qorgan-school-") as folder:
        target = Path(folder) / "school.json"
        try:
            fetcher.fetch(url, target)
            signature = fetcher.fetch_small(url + SIGNATURE_SUFFIX, Path(folder) / "school.sig")
        except FileNotFoundError:
            raise SchoolError(f"{url}: not found on the server; {KEPT}") from None
        except ListSourceError as error:
            raise SchoolError(f"{error}; {KEPT}") from None
        return target.read_bytes(), signature


def update(store: Store, fetcher: Fetcher, now: datetime) -> bool:
    """Fetch, verify and apply the central document now; the error is recorded and raised."""
    url = store.setting(URL)
    if not isinstance(url, str):
        raise SchoolError("this PC has no central policy URL (qorgan school install --url)")
    try:
        data, signature = download(url, fetcher)
        changed = accept(store, data, signature, url, now)
    except SchoolError as error:
        record(store, now, str(error))
        raise
    record(store, now, None)
    return changed


def exam_now(store: Store, now: datetime) -> bool:
    current = document(store)
    return current is not None and exam_active(current.exam, exam_switch(store), now)
