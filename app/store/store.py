"""`Store`: Qorgan's database as model objects; the service's only way to write it."""

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from sqlite_utils import Database

from app.store import pin as pins
from app.store import profiles, records, reports
from app.store.database import open_database
from app.store.rows import list_source_from_row, list_source_params
from app.store.settings import JsonValue, read_setting, write_setting
from rules.policy import ChildProfile, Policy, SiteGrant, TimeGrant
from rules.records import (
    Alert,
    ChildRequest,
    DecisionEvent,
    ListSource,
    RequestStatus,
    Usage,
)


class Store:
    """Children, policy, history, settings, list sources and the PIN, kept in SQLite.

    Give it a database from `open_database` (or use `Store.open`). Every method
    returns model objects from `rules`, never rows; every change is one transaction.
    Refusals a parent should read are `StoreError`; a missing child or request is
    a `LookupError`. Like its SQLite connection, a store belongs to the thread that opened it.
    """

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, path: Path) -> Self:
        """The store in the database file at `path`, created and migrated if needed."""
        return cls(open_database(path))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # Children and the policy

    def add_child(self, child: ChildProfile) -> None:
        """A new child; StoreError if the name (in any case) or an account is taken."""
        profiles.add_child(self.db, child)

    def update_child(self, child: ChildProfile) -> None:
        """Change the child of that name; their grants stay as they are in the store."""
        profiles.update_child(self.db, child)

    def remove_child(self, name: str) -> None:
        """Remove a child, accounts and grants; StoreError while a group or default uses them."""
        profiles.remove_child(self.db, name)

    def child(self, name: str) -> ChildProfile:
        """The child called `name`, any case, grants included; LookupError if absent."""
        return profiles.child(self.db, name)

    def children(self) -> list[ChildProfile]:
        return profiles.children(self.db)

    def policy(self) -> Policy:
        """The whole policy, every grant included (`purge` removes the expired ones)."""
        return profiles.policy(self.db)

    def replace_policy(self, policy: Policy) -> None:
        """Import `policy` in place of the current one: all of it, or on error nothing."""
        profiles.replace_policy(self.db, policy)

    def add_site_grant(self, child: str, grant: SiteGrant) -> None:
        profiles.add_site_grant(self.db, child, grant)

    def add_time_grant(self, child: str, grant: TimeGrant) -> None:
        profiles.add_time_grant(self.db, child, grant)

    # History

    def record_events(self, events: Iterable[DecisionEvent]) -> None:
        """Record a batch of decisions in one transaction."""
        records.record_events(self.db, events)

    def events(self, child: str | None, since: datetime, until: datetime) -> list[DecisionEvent]:
        """Decisions from `since` to before `until`, for one child or (None) for all."""
        return records.events(self.db, child, since, until)

    def add_usage(self, usage: Usage) -> None:
        """Add seconds to the child's total for that app and day."""
        records.add_usage(self.db, usage)

    def usage(self, child: str, first_day: date, last_day: date) -> list[Usage]:
        """Per app per day, both days included."""
        return records.usage(self.db, child, first_day, last_day)

    def usage_of_everyone(self, first_day: date, last_day: date) -> list[Usage]:
        """Usage of every child and pupil, per app per day, both days included."""
        return reports.usage_of_everyone(self.db, first_day, last_day)

    def add_request(self, request: ChildRequest) -> int:
        """Store a child's request; the id it got."""
        return records.add_request(self.db, request)

    def requests(self, status: RequestStatus | None = None) -> list[ChildRequest]:
        return records.requests(self.db, status)

    def resolve_request(self, request_id: int, approved: bool, at: datetime) -> ChildRequest:
        """Approve or decline a pending request; StoreError if it was decided already."""
        return records.resolve_request(self.db, request_id, approved, at)

    def add_alert(self, alert: Alert) -> int:
        """Store an alert; the id it got."""
        return records.add_alert(self.db, alert)

    def alerts(self, since: datetime) -> list[Alert]:
        return records.alerts(self.db, since)

    def alerts_after(self, after_id: int, limit: int = 50) -> list[Alert]:
        """Alerts numbered above `after_id`, oldest first: a console's cursor moves on."""
        return records.alerts_after(self.db, after_id, limit)

    def unseen_alerts(self, limit: int = 50) -> list[Alert]:
        """The newest alerts no parent has marked seen, oldest first."""
        return records.unseen_alerts(self.db, limit)

    def last_alert_id(self) -> int:
        """The newest alert's number, 0 before the first: where a console's cursor starts."""
        return records.last_alert_id(self.db)

    def unseen_alert_counts(self) -> dict[str, int]:
        """Unseen alerts per child ("" for none)."""
        return records.unseen_alert_counts(self.db)

    def mark_alerts_seen(self, up_to_id: int, at: datetime) -> int:
        """Every alert up to `up_to_id` was seen at `at`; how many were unseen."""
        return records.mark_alerts_seen(self.db, up_to_id, at)

    def refused_events(self, child: str, since: datetime) -> list[DecisionEvent]:
        """The child's blocked connections refused at the TLS handshake since `since`."""
        return records.refused_events(self.db, child, since)

    def purge(self, now: datetime, retention_days: int | None = None) -> int:
        """Drop history older than the retention and expired grants; the number of rows removed.

        The retention is `retention_days` if given, else the `retention_days` setting (90).
        """
        return records.purge(self.db, now, retention_days)

    # Settings and list sources

    def setting(self, key: str, default: JsonValue = None) -> JsonValue:
        return read_setting(self.db, key, default)

    def set_setting(self, key: str, value: JsonValue) -> None:
        write_setting(self.db, key, value)

    def save_list_source(self, source: ListSource) -> None:
        """Add the list source, or replace the one with the same name."""
        params = list_source_params(source)
        columns = ", ".join(params)
        values = ", ".join(f":{column}" for column in params)
        updates = ", ".join(f"{column} = excluded.{column}" for column in params)
        self.db.execute(
            f"INSERT INTO list_sources ({columns}) VALUES ({values})"
            f" ON CONFLICT (name) DO UPDATE SET {updates}",
            params,
        )

    def list_sources(self) -> list[ListSource]:
        """Every list source, by name."""
        rows = self.db.query("SELECT * FROM list_sources ORDER BY name")
        return [list_source_from_row(row) for row in rows]

    def remove_list_source(self, name: str) -> None:
        """Forget the list source with this name (nothing happens if there is none)."""
        self.db.execute("DELETE FROM list_sources WHERE name = ?", [name])

    # The parent's PIN

    def set_pin(self, pin: str) -> None:
        """Store a new PIN (at least 4 characters) as a salted hash; clears any lock."""
        pins.set_pin(self.db, pin)

    def has_pin(self) -> bool:
        return pins.has_pin(self.db)

    def check_pin(self, pin: str, now: datetime) -> pins.PinCheck:
        """Try a PIN; five wrong in a row lock it for a minute, doubling up to an hour."""
        return pins.check_pin(self.db, pin, now)
