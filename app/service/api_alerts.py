"""The console's alert methods: alerts raised since a cursor, unseen counts, marking them seen."""

from app.service.api import Api, Call
from rules.ipc import ErrorCode, IpcError, JsonValue, Role
from rules.records import Alert

PAGE = 50
UNSEEN_SHOWN = 20


def register(api: Api) -> None:
    api.add("alerts.recent", Role.PARENT, _recent)
    api.add("alerts.seen", Role.PARENT, _seen)


def alert_dict(alert: Alert) -> JsonValue:
    return {
        "id": alert.id,
        "at": alert.at.isoformat(timespec="seconds"),
        "child": alert.child,
        "kind": str(alert.kind),
        "detail": alert.detail,
    }


def _counts(call: Call) -> dict[str, JsonValue]:
    by_child = call.store.unseen_alert_counts()
    return {"unseen": sum(by_child.values()), "unseen_by_child": dict(by_child)}


def _recent(call: Call) -> JsonValue:
    """Without `after`: the alerts not seen yet (the newest 20) and the cursor to poll from.
    With `after` (a cursor): the alerts raised since, 50 at most; `cursor` moves past them.
    Both give the unseen counts, so a console's dashboard follows without another call.
    """
    if "after" in call.params:
        after = call.integer("after")
        if after < 0:
            raise IpcError(ErrorCode.INVALID, "after: a cursor from alerts.recent, 0 or more")
        alerts = call.store.alerts_after(after, PAGE)
        cursor = max((a.id or 0 for a in alerts), default=after)
    else:
        alerts = call.store.unseen_alerts(UNSEEN_SHOWN)
        cursor = call.store.last_alert_id()
    return {"alerts": [alert_dict(a) for a in alerts], "cursor": cursor, **_counts(call)}


def _seen(call: Call) -> JsonValue:
    """A parent saw every alert up to number `up_to` (the newest one the console showed)."""
    up_to = call.integer("up_to")
    if up_to < 0:
        raise IpcError(ErrorCode.INVALID, "up_to: an alert's number, 0 or more")
    marked = call.store.mark_alerts_seen(up_to, call.now)
    return {"marked": marked, **_counts(call)}
