"""What happened, kept for a while: decision events, usage, children's requests, alerts."""

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from app.store.errors import StoreError
from app.store.grants import purge_grants
from app.store.rows import (
    EVENT_COLUMNS,
    alert_from_row,
    alert_params,
    event_from_row,
    event_params,
    inserted_id,
    request_from_row,
    request_params,
    timestamp,
    usage_from_row,
)
from app.store.settings import read_setting
from rules.decision import Verdict
from rules.records import Alert, ChildRequest, DecisionEvent, RequestStatus, Usage

DEFAULT_RETENTION_DAYS = 90
# The proxy's rule id for a blocked host refused at the TLS handshake (proxy/tlsdecision.py).
REFUSED_RULE_PREFIX = "tls-refused:"


def record_events(db: Database, events: Iterable[DecisionEvent]) -> None:
    """All of `events` in one transaction, or none of them."""
    placeholders = ", ".join("?" * len(EVENT_COLUMNS.split(",")))
    with db.atomic():
        db.conn.executemany(
            f"INSERT INTO decision_events ({EVENT_COLUMNS}) VALUES ({placeholders})",
            (event_params(event) for event in events),
        )


def events(
    db: Database, child: str | None, since: datetime, until: datetime
) -> list[DecisionEvent]:
    """Events from `since` up to, not including, `until`; of one child, or of all when None."""
    sql = "SELECT * FROM decision_events WHERE at >= ? AND at < ?"
    params: list[object] = [timestamp(since), timestamp(until)]
    if child is not None:
        sql += " AND child = ?"
        params.append(child)
    return [event_from_row(row) for row in db.query(sql + " ORDER BY at, id", params)]


def add_usage(db: Database, usage: Usage) -> None:
    """Add `usage.seconds` to what the child already spent in the app that day."""
    if usage.seconds < 0:
        raise StoreError(f"usage cannot be negative ({usage.seconds} s in {usage.app})")
    db.execute(
        "INSERT INTO usage (child, day, app, category, seconds) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (child, day, app) DO UPDATE SET seconds = seconds + excluded.seconds,"
        " category = coalesce(excluded.category, category)",
        [
            usage.child,
            usage.day.isoformat(),
            usage.app,
            None if usage.category is None else str(usage.category),
            usage.seconds,
        ],
    )


def usage(db: Database, child: str, first_day: date, last_day: date) -> list[Usage]:
    """The child's usage per app per day, from `first_day` to `last_day` inclusive."""
    rows = db.query(
        "SELECT * FROM usage WHERE child = ? AND day BETWEEN ? AND ? ORDER BY day, app",
        [child, first_day.isoformat(), last_day.isoformat()],
    )
    return [usage_from_row(row) for row in rows]


def add_request(db: Database, request: ChildRequest) -> int:
    """Store a child's request (its `id` is ignored) and return the id it got."""
    params = request_params(request)
    columns = ", ".join(params)
    values = ", ".join(f":{column}" for column in params)
    return inserted_id(db.execute(f"INSERT INTO requests ({columns}) VALUES ({values})", params))


def requests(db: Database, status: RequestStatus | None = None) -> list[ChildRequest]:
    """Requests oldest first, all of them or those with `status`."""
    if status is None:
        rows = db.query("SELECT * FROM requests ORDER BY created_at, id")
    else:
        rows = db.query(
            "SELECT * FROM requests WHERE status = ? ORDER BY created_at, id", [str(status)]
        )
    return [request_from_row(row) for row in rows]


def resolve_request(db: Database, request_id: int, approved: bool, at: datetime) -> ChildRequest:
    """Approve or decline a pending request; a request is decided once."""
    status = RequestStatus.APPROVED if approved else RequestStatus.DECLINED
    with db.atomic():
        rows = list(db.query("SELECT * FROM requests WHERE id = ?", [request_id]))
        if not rows:
            raise LookupError(f"no request number {request_id}")
        current = request_from_row(rows[0])
        if current.status is not RequestStatus.PENDING:
            raise StoreError(f"request number {request_id} was already {current.status}")
        db.execute(
            "UPDATE requests SET status = ?, decided_at = ? WHERE id = ?",
            [str(status), timestamp(at), request_id],
        )
        return request_from_row(next(db.query("SELECT * FROM requests WHERE id = ?", [request_id])))


def add_alert(db: Database, alert: Alert) -> int:
    """Store an alert (its `id` is ignored) and return the id it got."""
    params = alert_params(alert)
    return inserted_id(
        db.execute(
            "INSERT INTO alerts (at, child, kind, detail) VALUES (:at, :child, :kind, :detail)",
            params,
        )
    )


def alerts(db: Database, since: datetime) -> list[Alert]:
    """Alerts from `since` on, oldest first."""
    rows = db.query("SELECT * FROM alerts WHERE at >= ? ORDER BY at, id", [timestamp(since)])
    return [alert_from_row(row) for row in rows]


def alerts_after(db: Database, after_id: int, limit: int) -> list[Alert]:
    """Up to `limit` alerts raised after the one numbered `after_id`, oldest first."""
    rows = db.query("SELECT * FROM alerts WHERE id > ? ORDER BY id LIMIT ?", [after_id, limit])
    return [alert_from_row(row) for row in rows]


def unseen_alerts(db: Database, limit: int) -> list[Alert]:
    """The newest `limit` alerts no parent has marked seen, oldest first."""
    rows = db.query(
        "SELECT * FROM (SELECT * FROM alerts WHERE seen_at IS NULL ORDER BY id DESC LIMIT ?)"
        " ORDER BY id",
        [limit],
    )
    return [alert_from_row(row) for row in rows]


def last_alert_id(db: Database) -> int:
    """The number of the newest alert, 0 before the first."""
    row = db.execute("SELECT coalesce(max(id), 0) FROM alerts").fetchone()
    return int(row[0])


def unseen_alert_counts(db: Database) -> dict[str, int]:
    """Alerts not seen yet, per child ("" for alerts of no child)."""
    rows = db.query(
        "SELECT coalesce(child, '') AS child, count(*) AS n FROM alerts"
        " WHERE seen_at IS NULL GROUP BY coalesce(child, '')"
    )
    return {row["child"]: row["n"] for row in rows}


def mark_alerts_seen(db: Database, up_to_id: int, at: datetime) -> int:
    """A parent saw every alert up to number `up_to_id`; how many were unseen till now."""
    return db.execute(
        "UPDATE alerts SET seen_at = ? WHERE id <= ? AND seen_at IS NULL",
        [timestamp(at), up_to_id],
    ).rowcount


def refused_events(db: Database, child: str, since: datetime) -> list[DecisionEvent]:
    """The child's blocked sites refused at the TLS handshake from `since` on, oldest first.

    An allowed site refused because its address was not the one the DNS stub gave (a tunnel
    borrowing its name) is not among them: nothing about it is blocked to ask for.
    """
    rows = db.query(
        "SELECT * FROM decision_events WHERE child = ? AND at >= ? AND rule_id LIKE ?"
        " AND verdict = ? ORDER BY at, id",
        [child, timestamp(since), REFUSED_RULE_PREFIX + "%", str(Verdict.BLOCK)],
    )
    return [event_from_row(row) for row in rows]


def retention_days(db: Database) -> int:
    """Days of history kept: the `retention_days` setting, 90 unless a parent changed it."""
    days = read_setting(db, "retention_days", DEFAULT_RETENTION_DAYS)
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise StoreError(f"retention_days must be a whole number of days, not {days!r}")
    return days


def purge(db: Database, now: datetime, days: int | None = None) -> int:
    """Forget history older than the retention and grants that ran out; the rows removed.

    Pending requests stay however old they are: a parent has not answered them yet.
    """
    if days is None:
        days = retention_days(db)
    if days < 1:
        raise StoreError(f"history must be kept at least one day, not {days}")
    cutoff = now - timedelta(days=days)
    at, day = timestamp(cutoff), cutoff.date().isoformat()
    pending = str(RequestStatus.PENDING)
    removed = 0
    with db.atomic():
        for sql, params in (
            ("DELETE FROM decision_events WHERE at < ?", [at]),
            ("DELETE FROM alerts WHERE at < ?", [at]),
            ("DELETE FROM usage WHERE day < ?", [day]),
            ("DELETE FROM requests WHERE status != ? AND decided_at < ?", [pending, at]),
        ):
            removed += db.execute(sql, params).rowcount
        removed += purge_grants(db, now)
    return removed
