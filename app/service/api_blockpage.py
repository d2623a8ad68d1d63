"""The block page's IPC methods, called by the proxy worker: ask a parent, or allow with the PIN."""

from dataclasses import replace
from datetime import timedelta

from app.service.api import Api, Call
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.policy import SiteGrant
from rules.records import ChildRequest, RequestKind, RequestStatus
from rules.urls import normalize_url

GRANT = timedelta(hours=1)


def register(api: Api) -> None:
    api.add("blockpage.ask", Role.PROXY, _ask)
    api.add("blockpage.allow", Role.PROXY, _allow)


def _host(call: Call) -> str:
    return normalize_url(call.text("host")).host


def _ask(call: Call) -> JsonValue:
    """File the child's request for a site; asking again while it waits files nothing new."""
    child, host = call.store.child(call.text("child")).name, _host(call)
    for request in call.store.requests(RequestStatus.PENDING):
        if request.child == child and request.kind is RequestKind.SITE and request.host == host:
            return {"id": request.id, "new": False}
    number = call.store.add_request(ChildRequest(child, RequestKind.SITE, call.now, host=host))
    return {"id": number, "new": True}


def _allow(call: Call) -> JsonValue:
    """Check the parent's PIN (with its lockout), then allow the site for an hour or always.

    National-list, child-abuse and malware hits stay blocked whatever is allowed here:
    they come first in the decision order. A wrong PIN or a lock is an answer, not an error.
    """
    child, host = call.store.child(call.text("child")).name, _host(call)
    duration = call.text("duration", "hour")
    if duration not in {"hour", "always"}:
        raise IpcError(ErrorCode.INVALID, "duration: 'hour' or 'always'")
    if not call.store.has_pin():
        raise IpcError(ErrorCode.NOT_FOUND, "no parent PIN has been set yet")
    check = call.store.check_pin(call.text("pin"), call.now)
    if not check.ok:
        locked = None if check.locked_until is None else check.locked_until.isoformat()
        return {"allowed": False, "locked_until": locked, "failures": check.failures}
    if duration == "hour":
        call.store.add_site_grant(child, SiteGrant(host, call.now + GRANT, call.now))
    else:
        profile = call.store.child(child)
        if host not in profile.rules.allow:
            rules = replace(profile.rules, allow=(*profile.rules.allow, host))
            call.store.update_child(replace(profile, rules=rules))
    return {"allowed": True, "host": host, "duration": duration}
