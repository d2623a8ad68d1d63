"""Screen-time IPC methods: the child's time and asking for more; a parent's time grants.

The screen-time part writes every child's status to `run/screentime.json` each poll;
`screentime.status` answers from it (the caller's own child, found by the peer's uid, or
any child for a parent). When the part is not running, the answer is worked out from
the store's saved use.
"""

import time
import unicodedata
from datetime import date, timedelta
from pathlib import Path

from app.platform.accounts import may_supervise
from app.service.api import Api, Call
from app.service.screentime_store import (
    CLOCK_OFFSET,
    DAY_START_HOUR,
    RUN_DIR,
    read_state,
    tray_mark,
)
from app.store import Store
from rules.decision import Decision, Reason
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.policy import ChildProfile, TimeGrant
from rules.records import ChildRequest, DecisionEvent, RequestKind, RequestStatus
from rules.screentime_limits import allowance_seconds, screen_day, time_left
from rules.screentime_state import SCREEN_APP, STATE_NAME
from rules.screentime_text import ALREADY_ASKED, ASKED
from rules.text import Text
from rules.urls import normalize_url

MAX_ASK_MINUTES = 4 * 60
MAX_GRANT_MINUTES = 24 * 60
DEFAULT_MINUTES = 30
MAX_MESSAGE = 300
FRESH = 30.0  # seconds: an older state file means the screen-time part is not running
# The tray polls every half minute: a refusal stays in its answers for a few polls.
REFUSED_WINDOW = timedelta(minutes=2)
MAX_REFUSED = 5
ASK_WINDOW = timedelta(hours=1)  # a child may ask for a refused site this long after


def register(api: Api) -> None:
    """Add the screen-time methods to `api`."""

    def status(call: Call) -> JsonValue:
        if "child" in call.params:
            if not api.session_valid(call.token):
                raise IpcError(ErrorCode.UNAUTHORIZED, "enter the parent PIN first")
            return _status(call, call.store.child(call.text("child")))
        child = caller_child(call)
        if child is None:
            return {"supervised": False}
        if call.account is not None:
            _touch(tray_mark(run_dir(call.store), call.account))
        answer = _status(call, child)
        return {**answer, "refused": _refused(call, child)} if isinstance(answer, dict) else answer

    api.add("screentime.status", Role.ANYONE, status)
    api.add("screentime.ask", Role.ANYONE, _ask)
    api.add("sites.ask", Role.ANYONE, _ask_site)
    api.add("screentime.accept_clock", Role.PARENT, _accept_clock)
    api.add("grants.time", Role.PARENT, _grant)


def run_dir(store: Store) -> Path:
    """The data folder's `run/`, beside the database this store has open."""
    database = store.db.conn.execute("PRAGMA database_list").fetchone()[2]
    return Path(database).parent / RUN_DIR


def caller_child(call: Call) -> ChildProfile | None:
    """The child whose rules apply to the calling account; None for a parent or an admin."""
    if call.account is None:
        return None
    policy = call.store.policy()
    for child in policy.children:
        if call.account in child.accounts:
            return child
    if not may_supervise(call.account):
        return None
    try:
        return policy.profile_for_account(call.account)
    except LookupError:
        return None


def _touch(path: Path) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
    except OSError:
        pass  # only a hint that the tray shows notices itself


def _live(store: Store, child: ChildProfile) -> dict[str, JsonValue] | None:
    """The child's entry in a fresh state file, if the screen-time part is running."""
    directory = run_dir(store)
    try:
        age = time.time() - (directory / STATE_NAME).stat().st_mtime
    except OSError:
        return None
    data = read_state(directory)
    children = data.get("children") if isinstance(data, dict) and abs(age) < FRESH else None
    entry = children.get(child.name) if isinstance(children, dict) else None
    return entry if isinstance(entry, dict) else None


def _status(call: Call, child: ChildProfile) -> JsonValue:
    live = _live(call.store, child)
    if live is not None:
        return {"child": child.name, "supervised": True, "running": True, **live}
    start_hour = _start_hour(call.store)
    day = screen_day(call.now, start_hour)
    rows = call.store.usage(child.name, day, day)
    used = sum(row.seconds for row in rows if row.app == SCREEN_APP)
    allowance = allowance_seconds(child.rules, day)
    left = time_left(child.rules, call.now, used, start_hour)
    return {
        "child": child.name,
        "supervised": True,
        "running": False,
        "day": day.isoformat(),
        "used_seconds": used,
        "allowance_seconds": None if allowance is None else int(allowance),
        "remaining_seconds": None if left is None else int(left),
        "language": str(child.language),
        "notices": [],
    }


def _start_hour(store: Store) -> int:
    hour = store.setting(DAY_START_HOUR, 0)
    return hour if isinstance(hour, int) and not isinstance(hour, bool) and 0 <= hour < 24 else 0


def _text(text: Text) -> JsonValue:
    return {"kk": text.kk, "ru": text.ru, "en": text.en}


def _message(call: Call) -> str:
    message = call.text("message", "")
    printable = "".join(ch for ch in message if unicodedata.category(ch)[0] != "C" or ch == " ")
    return " ".join(printable.split())[:MAX_MESSAGE]


def _ask(call: Call) -> JsonValue:
    """A child asks for more minutes today; one question waits for an answer at a time."""
    child = caller_child(call)
    if child is None:
        raise IpcError(ErrorCode.NOT_FOUND, "this account has no child profile")
    minutes = call.integer("minutes", DEFAULT_MINUTES)
    if not 1 <= minutes <= MAX_ASK_MINUTES:
        raise IpcError(ErrorCode.INVALID, f"minutes: between 1 and {MAX_ASK_MINUTES}")
    message = _message(call)
    for waiting in call.store.requests(RequestStatus.PENDING):
        if waiting.kind is RequestKind.TIME and waiting.child.casefold() == child.name.casefold():
            return {"id": waiting.id, "status": "pending", "already_asked": True,
                    "notice": _text(ALREADY_ASKED)}  # fmt: skip
    request = ChildRequest(child.name, RequestKind.TIME, call.now, minutes=minutes, message=message)
    number = call.store.add_request(request)
    return {"id": number, "status": "pending", "already_asked": False, "notice": _text(ASKED)}


def grant_time(call: Call, child: str, minutes: int) -> TimeGrant:
    """Record bonus minutes for the child's screen-time day (the part's day, if it runs)."""
    if not 1 <= minutes <= MAX_GRANT_MINUTES:
        raise IpcError(ErrorCode.INVALID, f"minutes: between 1 and {MAX_GRANT_MINUTES}")
    profile = call.store.child(child)
    live = _live(call.store, profile)
    day_text = None if live is None else live.get("day")
    if isinstance(day_text, str):
        day = date.fromisoformat(day_text)
    else:
        day = screen_day(call.now, _start_hour(call.store))
    grant = TimeGrant(day, minutes, call.now)
    call.store.add_time_grant(profile.name, grant)
    return grant


def grant_for_request(call: Call, request: ChildRequest) -> TimeGrant:
    """The grant for an approved time request: the minutes the parent chose, else those asked."""
    if "minutes" in call.params:
        minutes = call.integer("minutes")
    else:
        minutes = request.minutes or DEFAULT_MINUTES
    return grant_time(call, request.child, minutes)


def _grant(call: Call) -> JsonValue:
    grant = grant_time(call, call.text("child"), call.integer("minutes", DEFAULT_MINUTES))
    return {"day": grant.day.isoformat(), "minutes": grant.minutes}


def _accept_clock(call: Call) -> JsonValue:
    """The parent moved the clock: from the next poll the PC's clock is trusted as it is."""
    call.store.set_setting(CLOCK_OFFSET, 0)
    return None


def _askable(event: DecisionEvent) -> bool:
    """Not for national-list, child-abuse or malware blocks: no parent can allow those."""
    return Decision(event.verdict, Reason(event.step, event.rule_id)).overridable


def _refused_hosts(call: Call, child: ChildProfile, within: timedelta) -> dict[str, DecisionEvent]:
    """The child's hosts refused at the TLS handshake `within` the last while, newest last."""
    latest: dict[str, DecisionEvent] = {}
    for event in call.store.refused_events(child.name, call.now - within):
        latest.pop(event.host, None)
        latest[event.host] = event
    return latest


def _refused(call: Call, child: ChildProfile) -> JsonValue:
    """What the child's tray explains: the host and its category, nothing else (privacy)."""
    return [
        {
            "host": host,
            "category": None if event.category is None else str(event.category),
            "can_ask": _askable(event),
        }
        for host, event in list(_refused_hosts(call, child, REFUSED_WINDOW).items())[-MAX_REFUSED:]
    ]


def _ask_site(call: Call) -> JsonValue:
    """A child asks for a site that was refused at the handshake; asking again files nothing."""
    child = caller_child(call)
    if child is None:
        raise IpcError(ErrorCode.NOT_FOUND, "this account has no child profile")
    host = normalize_url(call.text("host")).host
    event = _refused_hosts(call, child, ASK_WINDOW).get(host)
    if event is None:
        raise IpcError(ErrorCode.NOT_FOUND, f"host: {host} was not refused lately")
    if not _askable(event):
        raise IpcError(ErrorCode.INVALID, f"host: {host} cannot be allowed by a parent")
    for request in call.store.requests(RequestStatus.PENDING):
        if (
            request.child == child.name
            and request.kind is RequestKind.SITE
            and request.host == host
        ):
            return {"id": request.id, "new": False}
    number = call.store.add_request(ChildRequest(child.name, RequestKind.SITE, call.now, host=host))
    return {"id": number, "new": True}
