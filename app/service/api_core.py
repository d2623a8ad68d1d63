"""The parent's core IPC methods: PIN and session, policy, children, events, requests."""

from datetime import timedelta

from app.service.api import Api, Call
from app.service.api_screentime import grant_for_request
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.policy import SiteGrant
from rules.policy_io import child_from_dict, child_to_dict, policy_from_dict, policy_to_dict
from rules.records import ChildRequest, RequestKind, RequestStatus
from rules.urls import normalize_url
from rules.wire import event_to_dict

MAX_GRANT_MINUTES = 24 * 60


def register(api: Api, mode: str) -> None:
    """Add the core methods to `api`; `mode` ("demo" or "service") is told to clients."""

    def hello(call: Call) -> JsonValue:
        return {"service": "qorgan", "mode": mode, "pin_set": call.store.has_pin()}

    def set_pin(call: Call) -> JsonValue:
        # The first PIN is set by whoever runs the first-run wizard; a change needs a session.
        if call.store.has_pin() and not api.session_valid(call.token):
            raise IpcError(ErrorCode.UNAUTHORIZED, "enter the current parent PIN first")
        call.store.set_pin(call.text("pin"))
        return {"token": api.open_session()}

    def login(call: Call) -> JsonValue:
        if not call.store.has_pin():
            raise IpcError(ErrorCode.NOT_FOUND, "no parent PIN has been set yet")
        check = call.store.check_pin(call.text("pin"), call.now)
        if not check.ok and check.locked_until is not None:
            raise IpcError(ErrorCode.LOCKED, f"locked until {check.locked_until.isoformat()}")
        if not check.ok:
            raise IpcError(ErrorCode.UNAUTHORIZED, f"wrong PIN ({check.failures} in a row)")
        return {"token": api.open_session()}

    def logout(call: Call) -> JsonValue:
        api.close_session(call.token)
        return None

    api.add("hello", Role.ANYONE, hello)
    api.add("auth.set_pin", Role.ANYONE, set_pin)
    api.add("auth.login", Role.ANYONE, login)
    api.add("auth.logout", Role.PARENT, logout)
    api.add("policy.get", Role.PARENT, _get_policy)
    api.add("policy.replace", Role.PARENT, _replace_policy)
    api.add("child.save", Role.PARENT, _save_child)
    api.add("child.remove", Role.PARENT, _remove_child)
    api.add("events.recent", Role.PARENT, _recent_events)
    api.add("requests.list", Role.PARENT, _list_requests)
    api.add("requests.resolve", Role.PARENT, _resolve_request)
    api.add("grants.site", Role.PARENT, _grant_site)


def _get_policy(call: Call) -> JsonValue:
    return policy_to_dict(call.store.policy())  # type: ignore[return-value]


def _replace_policy(call: Call) -> JsonValue:
    call.store.replace_policy(policy_from_dict(call.mapping("policy")))
    return None


def _save_child(call: Call) -> JsonValue:
    """Add a child, or update the child of that name (grants given meanwhile are kept)."""
    child = child_from_dict(call.mapping("child"))
    known = {existing.name.casefold() for existing in call.store.children()}
    if child.name.casefold() in known:
        call.store.update_child(child)
    else:
        call.store.add_child(child)
    return child_to_dict(call.store.child(child.name))  # type: ignore[return-value]


def _remove_child(call: Call) -> JsonValue:
    call.store.remove_child(call.text("name"))
    return None


def _recent_events(call: Call) -> JsonValue:
    hours = call.integer("hours", 24)
    child = call.params.get("child")
    since = call.now - timedelta(hours=hours)
    events = call.store.events(child if isinstance(child, str) else None, since, call.now)
    limit = call.integer("limit", 500)
    return [event_to_dict(event) for event in events[-limit:]]


def _request_to_dict(request: ChildRequest) -> JsonValue:
    return {
        "id": request.id,
        "child": request.child,
        "kind": str(request.kind),
        "minutes": request.minutes,
        "host": request.host,
        "message": request.message,
        "created_at": request.created_at.isoformat(),
        "status": str(request.status),
        "decided_at": None if request.decided_at is None else request.decided_at.isoformat(),
    }


def _list_requests(call: Call) -> JsonValue:
    status = call.params.get("status")
    chosen = None if status is None else RequestStatus(call.text("status"))
    return [_request_to_dict(request) for request in call.store.requests(chosen)]


def _resolve_request(call: Call) -> JsonValue:
    """Approve or decline; an approved site request becomes a grant for `minutes` (default 60),
    an approved time request a time grant for today (`minutes`, else the minutes asked)."""
    approved = call.params.get("approved")
    if not isinstance(approved, bool):
        raise IpcError(ErrorCode.INVALID, "approved: expected true or false")
    request = call.store.resolve_request(call.integer("id"), approved, call.now)
    if approved and request.kind is RequestKind.SITE and request.host:
        minutes = _minutes(call)
        grant = SiteGrant(request.host, call.now + timedelta(minutes=minutes), call.now)
        call.store.add_site_grant(request.child, grant)
    if approved and request.kind is RequestKind.TIME:
        grant_for_request(call, request)
    return _request_to_dict(request)


def _grant_site(call: Call) -> JsonValue:
    host = normalize_url(call.text("host")).host
    minutes = _minutes(call)
    grant = SiteGrant(host, call.now + timedelta(minutes=minutes), call.now)
    call.store.add_site_grant(call.text("child"), grant)
    return {"host": host, "until": grant.until.isoformat()}


def _minutes(call: Call) -> int:
    minutes = call.integer("minutes", 60)
    if not 1 <= minutes <= MAX_GRANT_MINUTES:
        raise IpcError(ErrorCode.INVALID, f"minutes: between 1 and {MAX_GRANT_MINUTES}")
    return minutes
