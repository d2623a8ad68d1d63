"""Queries the weekly report and the school summaries need beyond one child's history."""

from datetime import date

from sqlite_utils import Database

from app.store.rows import usage_from_row
from rules.records import Usage


def usage_of_everyone(db: Database, first_day: date, last_day: date) -> list[Usage]:
    """Every child's and pupil's usage per app per day, from `first_day` to `last_day` inclusive."""
    rows = db.query(
        "SELECT * FROM usage WHERE day BETWEEN ? AND ? ORDER BY day, child, app",
        [first_day.isoformat(), last_day.isoformat()],
    )
    return [usage_from_row(row) for row in rows]
