"""E-mails waiting to go out: retried with growing pauses, and never dropped without a word."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

# Pauses after each failed attempt in a row; after the last one a delivery waits for a parent.
RETRY_AFTER = tuple(timedelta(minutes=m) for m in (1, 5, 15, 30, 60, 120, 240, 480))


class DeliveryKind(StrEnum):
    REPORT = "report"
    ALERTS = "alerts"


class DeliveryStatus(StrEnum):
    """PENDING is tried when due; FAILED gave up retrying and waits for a parent to retry it."""

    PENDING = "pending"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Delivery:
    """One e-mail to send: a report's files, or a group of alerts."""

    id: int
    kind: DeliveryKind
    created_at: datetime
    next_try: datetime
    attempts: int = 0
    last_error: str = ""
    status: DeliveryStatus = DeliveryStatus.PENDING
    files: tuple[str, ...] = ()
    alert_ids: tuple[int, ...] = ()
    child: str | None = None
    week: str | None = None
    subject: str = ""
    body: str = ""


def next_id(deliveries: Iterable[Delivery]) -> int:
    return max((d.id for d in deliveries), default=0) + 1


def due(deliveries: Iterable[Delivery], now: datetime) -> list[Delivery]:
    """Pending deliveries whose time has come, oldest first."""
    ready = [d for d in deliveries if d.status is DeliveryStatus.PENDING and d.next_try <= now]
    return sorted(ready, key=lambda d: (d.next_try, d.id))


def failed_attempt(delivery: Delivery, now: datetime, error: str) -> Delivery:
    """The delivery after a failed try: wait longer each time, then stop and wait for a parent."""
    attempts = delivery.attempts + 1
    if attempts > len(RETRY_AFTER):
        return replace(delivery, attempts=attempts, last_error=error, status=DeliveryStatus.FAILED)
    return replace(
        delivery, attempts=attempts, last_error=error, next_try=now + RETRY_AFTER[attempts - 1]
    )


def retry(delivery: Delivery, now: datetime) -> Delivery:
    """A parent asked to try again now: the count of pauses starts over."""
    return replace(delivery, status=DeliveryStatus.PENDING, attempts=0, next_try=now)


def add_alerts(
    deliveries: Sequence[Delivery],
    alert_ids: Sequence[int],
    now: datetime,
    last_sent: datetime | None,
    interval: timedelta,
) -> list[Delivery]:
    """Queue alerts for e-mail: into the alerts e-mail still waiting, else a new one.

    A new one goes at once, unless an alerts e-mail went less than `interval` ago: then
    it waits for the interval to pass, and alerts arriving meanwhile join it.
    """
    updated = list(deliveries)
    for index, delivery in enumerate(updated):
        if delivery.kind is DeliveryKind.ALERTS and delivery.status is DeliveryStatus.PENDING:
            ids = tuple(dict.fromkeys((*delivery.alert_ids, *alert_ids)))
            updated[index] = replace(delivery, alert_ids=ids)
            return updated
    next_try = now if last_sent is None else max(now, last_sent + interval)
    updated.append(
        Delivery(next_id(updated), DeliveryKind.ALERTS, now, next_try, alert_ids=tuple(alert_ids))
    )
    return updated


def delivery_to_json(delivery: Delivery) -> dict[str, object]:
    return {
        "id": delivery.id,
        "kind": str(delivery.kind),
        "created_at": delivery.created_at.isoformat(),
        "next_try": delivery.next_try.isoformat(),
        "attempts": delivery.attempts,
        "last_error": delivery.last_error,
        "status": str(delivery.status),
        "files": list(delivery.files),
        "alert_ids": list(delivery.alert_ids),
        "child": delivery.child,
        "week": delivery.week,
        "subject": delivery.subject,
        "body": delivery.body,
    }


def delivery_from_json(data: Mapping[str, object]) -> Delivery:
    """The delivery `delivery_to_json` wrote; ValueError if it is not one."""
    try:
        return Delivery(
            id=int(str(data["id"])),
            kind=DeliveryKind(str(data["kind"])),
            created_at=datetime.fromisoformat(str(data["created_at"])),
            next_try=datetime.fromisoformat(str(data["next_try"])),
            attempts=int(str(data.get("attempts", 0))),
            last_error=str(data.get("last_error", "")),
            status=DeliveryStatus(str(data.get("status", "pending"))),
            files=tuple(str(f) for f in _list(data.get("files"))),
            alert_ids=tuple(int(str(i)) for i in _list(data.get("alert_ids"))),
            child=None if data.get("child") is None else str(data["child"]),
            week=None if data.get("week") is None else str(data["week"]),
            subject=str(data.get("subject", "")),
            body=str(data.get("body", "")),
        )
    except KeyError as error:
        raise ValueError(f"a delivery needs {error}") from None


def _list(value: object) -> list[object]:
    return value if isinstance(value, list) else []
