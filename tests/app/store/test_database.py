"""open_database: owner-only files, the pragmas the service relies on, migrations applied once."""

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from app.store import Store, open_database
from app.store.migrations import MIGRATIONS
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import ChildProfile
from rules.records import DecisionEvent


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def permissive_umask() -> Iterator[None]:
    """Files and directories would come out world-readable if the store left the umask alone."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def schema(db: Database) -> list[tuple[str, str, str]]:
    return db.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()


def test_directory_and_files_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "var" / "qorgan" / "qorgan.db"
    with permissive_umask():
        db = open_database(path)
        assert os.umask(0) == 0, "open_database must give the umask back"
    try:
        db.execute("INSERT INTO settings (key, value_json) VALUES ('x', '1')")
        assert mode_of(tmp_path / "var") == 0o700
        assert mode_of(path.parent) == 0o700
        assert mode_of(path) == 0o600
        assert mode_of(Path(f"{path}-wal")) == 0o600
        assert mode_of(Path(f"{path}-shm")) == 0o600
    finally:
        db.close()


def test_existing_world_readable_file_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "qorgan.db"
    path.touch()
    path.chmod(0o644)
    open_database(path).close()
    assert mode_of(path) == 0o600


def test_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "qorgan.db")
    try:

        def pragma(name: str) -> object:
            return db.execute(f"PRAGMA {name}").fetchone()[0]

        assert pragma("journal_mode") == "wal"
        assert pragma("foreign_keys") == 1
        assert pragma("busy_timeout") == 5000
        assert pragma("synchronous") == 1  # NORMAL
    finally:
        db.close()


def test_migrations_applied_again_change_nothing(tmp_path: Path) -> None:
    db = open_database(tmp_path / "qorgan.db")
    try:
        tables = set(db.table_names())
        assert {"children", "accounts", "groups", "settings", "decision_events", "usage"} < tables
        assert {"requests", "site_grants", "time_grants", "alerts", "list_sources", "pin"} < tables
        before = schema(db)
        applied = MIGRATIONS.applied(db)
        version = db.execute("PRAGMA schema_version").fetchone()[0]
        changes = db.conn.total_changes

        MIGRATIONS.apply(db)

        assert MIGRATIONS.pending(db) == []
        assert MIGRATIONS.applied(db) == applied
        assert schema(db) == before
        assert db.execute("PRAGMA schema_version").fetchone()[0] == version
        assert db.conn.total_changes == changes
    finally:
        db.close()


def test_reopening_keeps_schema_and_data(tmp_path: Path) -> None:
    path = tmp_path / "qorgan.db"
    event = DecisionEvent(
        at=datetime(2026, 11, 22, 18, 5, 3, 250),
        child="Aruzhan",
        host="casino.example",
        verdict=Verdict.BLOCK,
        step=Step.CATEGORY,
        rule_id="category:gambling@12+",
        category=Category.GAMBLING,
    )
    child = ChildProfile("Aruzhan", AgeClass.TWELVE, ("aruzhan",), birth_year=2013)
    with Store.open(path) as store:
        before = schema(store.db)
        applied = MIGRATIONS.applied(store.db)
        store.add_child(child)
        store.record_events([event])
        store.set_setting("retention_days", 30)

    with Store.open(path) as store:
        assert schema(store.db) == before
        assert MIGRATIONS.applied(store.db) == applied
        assert store.children() == [child]
        assert store.events(None, datetime(2026, 11, 22), datetime(2026, 11, 23)) == [event]
        assert store.setting("retention_days") == 30
