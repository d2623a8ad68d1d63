"""The console's IPC methods: protection check, mode, running apps, settings, export and erase."""

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import keyring
import psutil  # type: ignore[import-untyped, unused-ignore]
from keyring.errors import KeyringError

from app.paths import national_list_path
from app.service import api_alerts
from app.service.api import Api, Call
from app.store import Store
from app.store.records import retention_days
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.policy import Mode, Policy
from rules.policy_io import policy_to_dict
from rules.records import Alert, ChildRequest
from rules.report_mail import MailSettingsError, mail_settings_from_setting
from rules.text import Language
from rules.wire import event_to_dict

EXPORT_FORMAT = "qorgan_export"
EXPORT_PAGE = 2000
MAX_PROCESSES = 400
SMTP_KEYRING_SERVICE = "qorgan-smtp"
SECURITY = ("starttls", "ssl", "none")
REPORT_EMAIL_DEFAULT: dict[str, JsonValue] = {
    "enabled": False,
    "to": "",
    "sender": "",
    "smtp_host": "",
    "smtp_port": 587,
    "security": "starttls",
    "username": "",
}
# History the erase removes; children, accounts and grants go with `replace_policy`.
HISTORY_TABLES = ("decision_events", "usage", "requests", "alerts")


def register(api: Api, mode: str) -> None:
    """Add the console's methods to `api`; `mode` is "demo" or "service", as for `hello`."""

    def protection(call: Call) -> JsonValue:
        return protection_status(call.store, mode)

    api.add("protection.status", Role.PARENT, protection)
    api.add("policy.set_mode", Role.PARENT, _set_mode)
    api.add("processes.running", Role.PARENT, _running)
    api.add("settings.get", Role.PARENT, _get_settings)
    api.add("settings.set", Role.PARENT, _set_settings)
    api.add("settings.set_smtp_password", Role.PARENT, _set_smtp_password)
    api.add("data.export", Role.PARENT, _export)
    api.add("data.delete_all", Role.PARENT, _delete_all)
    api_alerts.register(api)


def data_dir_of(store: Store) -> Path:
    """The data folder is where the database file lives."""
    for _, name, file in store.db.execute("PRAGMA database_list").fetchall():
        if name == "main" and file:
            return Path(file).parent
    raise IpcError(ErrorCode.INTERNAL, "the database has no file")


def _national(data_dir: Path) -> JsonValue:
    path = national_list_path(data_dir)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {"present": False}
    except (OSError, ValueError) as error:
        return {"present": True, "error": str(error)}
    header = data if isinstance(data, dict) else {}
    entries = header.get("entries")
    return {
        "present": True,
        "version": header.get("version"),
        "publisher": header.get("publisher"),
        "published": header.get("published"),
        "entries": len(entries) if isinstance(entries, list) else 0,
        "file": str(path),
        "imported_at": datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds"),
    }


def protection_status(store: Store, mode: str) -> JsonValue:
    """What keeps the child safe on this PC; the demo touches no firewall, so it is not checked.

    The firewall is "unknown" in service mode until the firewall part reports its state.
    """
    data_dir = data_dir_of(store)
    ca = data_dir / "mitmproxy" / "mitmproxy-ca-cert.pem"
    return {
        "service": "running",
        "mode": mode,
        "ca": {"present": ca.exists(), "file": str(ca)},
        "firewall": "not_applicable" if mode == "demo" else "unknown",
        "national_list": _national(data_dir),
    }


def _set_mode(call: Call) -> JsonValue:
    try:
        mode = Mode(call.text("mode"))
    except ValueError:
        raise IpcError(ErrorCode.INVALID, "mode: expected home or school") from None
    call.store.set_setting("mode", str(mode))  # where the store keeps the policy's mode
    return str(mode)


def _running(call: Call) -> JsonValue:
    """Names of programs people run now (not the system's own), with the accounts running them."""
    me = os.getuid() if hasattr(os, "getuid") else None
    attrs = ["name", "username", "exe", *(["uids"] if hasattr(psutil.Process, "uids") else [])]
    found: dict[str, set[str]] = {}
    for process in psutil.process_iter(attrs, ad_value="?"):  # "?": not ours to read
        info = process.info
        uid = getattr(info.get("uids"), "real", None)
        if uid is not None and uid < 1000 and uid != me:
            continue
        name = info.get("name")
        if name and info.get("exe"):  # kernel threads have no program file
            found.setdefault(name, set()).add(info.get("username") or "")
    names = sorted(found, key=str.casefold)[:MAX_PROCESSES]
    running: list[JsonValue] = []
    for name in names:
        accounts: list[JsonValue] = [a for a in sorted(found[name]) if a and a != "?"]
        running.append({"name": name, "accounts": accounts})
    return running


def _settings(store: Store) -> dict[str, JsonValue]:
    email = store.setting("report_email", None)
    merged = {**REPORT_EMAIL_DEFAULT, **(email if isinstance(email, dict) else {})}
    return {
        "language": store.setting("language", "kk"),
        "retention_days": retention_days(store.db),
        "report_email": merged,
    }


def _get_settings(call: Call) -> JsonValue:
    return _settings(call.store)


def _report_email(value: JsonValue) -> dict[str, JsonValue]:
    if not isinstance(value, dict):
        raise IpcError(ErrorCode.INVALID, "report_email: expected an object")
    unknown = set(value) - set(REPORT_EMAIL_DEFAULT)
    if unknown:
        raise IpcError(ErrorCode.INVALID, f"report_email.{min(unknown)}: unknown field")
    merged = {**REPORT_EMAIL_DEFAULT, **value}
    for key, default in REPORT_EMAIL_DEFAULT.items():
        if type(merged[key]) is not type(default):
            raise IpcError(ErrorCode.INVALID, f"report_email.{key}: wrong type")
    port = merged["smtp_port"]
    if not isinstance(port, int) or not 1 <= port <= 65535:
        raise IpcError(ErrorCode.INVALID, "report_email.smtp_port: between 1 and 65535")
    if merged["security"] not in SECURITY:
        raise IpcError(ErrorCode.INVALID, "report_email.security: starttls, ssl or none")
    if merged["enabled"] and ("@" not in str(merged["to"]) or not merged["smtp_host"]):
        raise IpcError(ErrorCode.INVALID, "report_email: an address and an SMTP server are needed")
    try:
        mail_settings_from_setting(merged)  # as the report's mailer will read it
    except MailSettingsError as error:
        raise IpcError(ErrorCode.INVALID, str(error)) from None
    return merged


def _set_settings(call: Call) -> JsonValue:
    """Change some settings: all the given ones, or (on a bad value) none."""
    changes: dict[str, JsonValue] = {}
    for key, value in call.params.items():
        if key == "language":
            if value not in set(Language):
                raise IpcError(ErrorCode.INVALID, "language: kk, ru or en")
            changes[key] = value
        elif key == "retention_days":
            if type(value) is not int or not 1 <= value <= 3650:
                raise IpcError(ErrorCode.INVALID, "retention_days: between 1 and 3650")
            changes[key] = value
        elif key == "report_email":
            changes[key] = _report_email(value)
        else:
            raise IpcError(ErrorCode.INVALID, f"{key}: no such setting")
    with call.store.db.atomic():
        for key, value in changes.items():
            call.store.set_setting(key, value)
    return _settings(call.store)


def _set_smtp_password(call: Call) -> JsonValue:
    """The report's SMTP password goes to the OS keyring, never into the database."""
    username = call.text("username").strip()
    if not username:
        raise IpcError(ErrorCode.INVALID, "username: needed to keep a password")
    try:
        keyring.set_password(SMTP_KEYRING_SERVICE, username, call.text("password"))
    except KeyringError as error:
        raise IpcError(
            ErrorCode.INVALID, f"no keyring can keep the password here: {error}"
        ) from None
    return None


def _request_dict(request: ChildRequest) -> JsonValue:
    return {
        "id": request.id,
        "child": request.child,
        "kind": str(request.kind),
        "minutes": request.minutes,
        "host": request.host,
        "message": request.message,
        "created_at": request.created_at.isoformat(),
        "status": str(request.status),
    }


def _alert_dict(alert: Alert) -> JsonValue:
    return {
        "at": alert.at.isoformat(),
        "child": alert.child,
        "kind": str(alert.kind),
        "detail": alert.detail,
    }


def _export(call: Call) -> JsonValue:
    """Everything kept about the family, a page of events at a time (`next_offset` until None)."""
    offset = call.integer("offset", 0)
    days = retention_days(call.store.db)
    since = call.now - timedelta(days=days)
    events = call.store.events(None, since, call.now + timedelta(seconds=1))
    page = events[offset : offset + EXPORT_PAGE]
    following = offset + EXPORT_PAGE
    result: dict[str, JsonValue] = {
        "format": EXPORT_FORMAT,
        "version": 1,
        "exported_at": call.now.isoformat(timespec="seconds"),
        "events": [event_to_dict(event) for event in page],
        "next_offset": following if following < len(events) else None,
    }
    if offset == 0:
        store = call.store
        result["policy"] = policy_to_dict(store.policy())  # type: ignore[assignment]
        result["settings"] = _settings(store)
        result["requests"] = [_request_dict(r) for r in store.requests()]
        result["alerts"] = [_alert_dict(a) for a in store.alerts(since)]
        result["usage"] = [
            {"child": u.child, "day": u.day.isoformat(), "app": u.app, "seconds": u.seconds}
            for child in store.children()
            for u in store.usage(child.name, since.date(), call.now.date())
        ]
    return result


def _delete_all(call: Call) -> JsonValue:
    """Forget every child, rule, setting and record; the PIN stays so the console stays closed."""
    check = call.store.check_pin(call.text("pin"), call.now)
    if not check.ok and check.locked_until is not None:
        raise IpcError(ErrorCode.LOCKED, f"locked until {check.locked_until.isoformat()}")
    if not check.ok:  # INVALID, not UNAUTHORIZED: a typo here must not end the session
        raise IpcError(ErrorCode.INVALID, f"wrong PIN ({check.failures} in a row)")
    db = call.store.db
    with db.atomic():
        call.store.replace_policy(Policy())
        for table in HISTORY_TABLES:
            db.execute(f"DELETE FROM {table}")
        db.execute('DELETE FROM settings WHERE "key" != ?', ["mode"])
    return None
