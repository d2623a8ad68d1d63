"""Model objects as table rows and back; timestamps as fixed-width ISO 8601 text."""

import sqlite3
from collections.abc import Mapping
from datetime import UTC, date, datetime
from typing import Any

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import (
    Alert,
    AlertKind,
    ChildRequest,
    DecisionEvent,
    ListKind,
    ListSource,
    RequestKind,
    RequestStatus,
    Usage,
)

type Row = Mapping[str, Any]
type Params = tuple[object, ...]


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id SQLite gave the row an INSERT just added."""
    if cursor.lastrowid is None:
        raise RuntimeError("the INSERT added no row")
    return cursor.lastrowid


def timestamp(moment: datetime) -> str:
    """Always with microseconds, and aware times in UTC, so that text order is time order.

    The service passes naive local times (DESIGN.md: time is passed in); aware ones
    come back as the same instant in UTC.
    """
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="microseconds")


def optional_timestamp(moment: datetime | None) -> str | None:
    return None if moment is None else timestamp(moment)


def moment(text: str) -> datetime:
    return datetime.fromisoformat(text)


def optional_moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def optional_category(value: str | None) -> Category | None:
    return None if value is None else Category(value)


def event_params(event: DecisionEvent) -> Params:
    """In the column order of `EVENT_COLUMNS`."""
    return (
        timestamp(event.at),
        event.child,
        event.host,
        str(event.verdict),
        str(event.step),
        event.rule_id,
        None if event.category is None else str(event.category),
        event.list_name,
        event.score,
    )


EVENT_COLUMNS = "at, child, host, verdict, step, rule_id, category, list_name, score"


def event_from_row(row: Row) -> DecisionEvent:
    return DecisionEvent(
        at=moment(row["at"]),
        child=row["child"],
        host=row["host"],
        verdict=Verdict(row["verdict"]),
        step=Step(row["step"]),
        rule_id=row["rule_id"],
        category=optional_category(row["category"]),
        list_name=row["list_name"],
        score=row["score"],
    )


def usage_from_row(row: Row) -> Usage:
    return Usage(
        child=row["child"],
        day=date.fromisoformat(row["day"]),
        app=row["app"],
        seconds=row["seconds"],
        category=optional_category(row["category"]),
    )


def request_params(request: ChildRequest) -> dict[str, object]:
    return {
        "child": request.child,
        "kind": str(request.kind),
        "minutes": request.minutes,
        "host": request.host,
        "message": request.message,
        "created_at": timestamp(request.created_at),
        "status": str(request.status),
        "decided_at": optional_timestamp(request.decided_at),
    }


def request_from_row(row: Row) -> ChildRequest:
    return ChildRequest(
        child=row["child"],
        kind=RequestKind(row["kind"]),
        created_at=moment(row["created_at"]),
        minutes=row["minutes"],
        host=row["host"],
        message=row["message"],
        status=RequestStatus(row["status"]),
        decided_at=optional_moment(row["decided_at"]),
        id=row["id"],
    )


def alert_params(alert: Alert) -> dict[str, object]:
    return {
        "at": timestamp(alert.at),
        "child": alert.child,
        "kind": str(alert.kind),
        "detail": alert.detail,
    }


def alert_from_row(row: Row) -> Alert:
    return Alert(
        at=moment(row["at"]),
        child=row["child"],
        kind=AlertKind(row["kind"]),
        detail=row["detail"],
        id=row["id"],
    )


def list_source_params(source: ListSource) -> dict[str, object]:
    return {
        "name": source.name,
        "kind": str(source.kind),
        "location": source.location,
        "category": None if source.category is None else str(source.category),
        "schedule_hours": source.schedule_hours,
        "sha256": source.sha256,
        "public_key": source.public_key,
        "entries": source.entries,
        "updated_at": optional_timestamp(source.updated_at),
        "signature_status": source.signature_status,
    }


def list_source_from_row(row: Row) -> ListSource:
    return ListSource(
        name=row["name"],
        kind=ListKind(row["kind"]),
        location=row["location"],
        category=optional_category(row["category"]),
        schedule_hours=row["schedule_hours"],
        sha256=row["sha256"],
        public_key=row["public_key"],
        entries=row["entries"],
        updated_at=optional_moment(row["updated_at"]),
        signature_status=row["signature_status"],
    )
