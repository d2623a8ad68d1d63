"""Grants a parent gave a child: a site for a while, bonus minutes for a day."""

from datetime import date, datetime

from sqlite_utils import Database

from app.store.rows import moment, timestamp
from rules.policy import SiteGrant, TimeGrant


def add_site_grant(db: Database, child_id: int, grant: SiteGrant) -> None:
    db.execute(
        "INSERT INTO site_grants (child_id, host, until, granted_at) VALUES (?, ?, ?, ?)",
        [child_id, grant.host, timestamp(grant.until), timestamp(grant.granted_at)],
    )


def add_time_grant(db: Database, child_id: int, grant: TimeGrant) -> None:
    db.execute(
        "INSERT INTO time_grants (child_id, day, minutes, granted_at) VALUES (?, ?, ?, ?)",
        [child_id, grant.day.isoformat(), grant.minutes, timestamp(grant.granted_at)],
    )


def site_grants(db: Database, child_id: int) -> tuple[SiteGrant, ...]:
    """The child's site grants in the order they were given."""
    rows = db.query(
        "SELECT host, until, granted_at FROM site_grants WHERE child_id = ? ORDER BY id",
        [child_id],
    )
    return tuple(
        SiteGrant(row["host"], moment(row["until"]), moment(row["granted_at"])) for row in rows
    )


def time_grants(db: Database, child_id: int) -> tuple[TimeGrant, ...]:
    """The child's time grants in the order they were given."""
    rows = db.query(
        "SELECT day, minutes, granted_at FROM time_grants WHERE child_id = ? ORDER BY id",
        [child_id],
    )
    return tuple(
        TimeGrant(date.fromisoformat(row["day"]), row["minutes"], moment(row["granted_at"]))
        for row in rows
    )


def purge_grants(db: Database, now: datetime) -> int:
    """Site grants whose time is up, and time grants for days before today; the rows removed."""
    site = db.execute("DELETE FROM site_grants WHERE until <= ?", [timestamp(now)]).rowcount
    days = db.execute("DELETE FROM time_grants WHERE day < ?", [now.date().isoformat()]).rowcount
    return site + days
