"""Qorgan's database schema as migrations: add a new one for every change, never edit an old one."""

from sqlite_utils import Database, Migrations

MIGRATIONS = Migrations("qorgan")

# Timestamps are ISO 8601 text of one fixed width, so text order is time order.
# A child's name is unique by `name_key`, its casefold (SQLite's NOCASE knows only ASCII).
INITIAL_SCHEMA = (
    """
    CREATE TABLE children (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        name_key TEXT NOT NULL UNIQUE,
        age_class TEXT NOT NULL,
        language TEXT NOT NULL,
        birth_year INTEGER,
        rules_json TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        account TEXT NOT NULL UNIQUE,
        child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE
    )
    """,
    "CREATE INDEX accounts_child ON accounts (child_id)",
    """
    CREATE TABLE "groups" (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        profile TEXT NOT NULL,
        accounts_json TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE settings (
        "key" TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE decision_events (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        child TEXT NOT NULL,
        host TEXT NOT NULL,
        verdict TEXT NOT NULL,
        step TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        category TEXT,
        list_name TEXT,
        score INTEGER
    )
    """,
    "CREATE INDEX decision_events_child_at ON decision_events (child, at)",
    "CREATE INDEX decision_events_at ON decision_events (at)",
    """
    CREATE TABLE usage (
        id INTEGER PRIMARY KEY,
        child TEXT NOT NULL,
        day TEXT NOT NULL,
        app TEXT NOT NULL,
        category TEXT,
        seconds INTEGER NOT NULL CHECK (seconds >= 0),
        UNIQUE (child, day, app)
    )
    """,
    "CREATE INDEX usage_day ON usage (day)",
    """
    CREATE TABLE requests (
        id INTEGER PRIMARY KEY,
        child TEXT NOT NULL,
        kind TEXT NOT NULL,
        minutes INTEGER,
        host TEXT,
        message TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        status TEXT NOT NULL,
        decided_at TEXT
    )
    """,
    "CREATE INDEX requests_status ON requests (status, created_at)",
    """
    CREATE TABLE site_grants (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        host TEXT NOT NULL,
        until TEXT NOT NULL,
        granted_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX site_grants_child ON site_grants (child_id)",
    """
    CREATE TABLE time_grants (
        id INTEGER PRIMARY KEY,
        child_id INTEGER NOT NULL REFERENCES children (id) ON DELETE CASCADE,
        day TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        granted_at TEXT NOT NULL
    )
    """,
    "CREATE INDEX time_grants_child ON time_grants (child_id)",
    """
    CREATE TABLE alerts (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        child TEXT,
        kind TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX alerts_at ON alerts (at)",
    """
    CREATE TABLE list_sources (
        name TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        location TEXT NOT NULL,
        category TEXT,
        schedule_hours INTEGER NOT NULL,
        sha256 TEXT,
        public_key TEXT,
        entries INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT,
        signature_status TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE pin (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hash TEXT NOT NULL,
        salt TEXT NOT NULL,
        params TEXT NOT NULL,
        failures INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT
    )
    """,
)


@MIGRATIONS(name="0001_initial")
def initial(db: Database) -> None:
    """Every table of the first release."""
    for statement in INITIAL_SCHEMA:
        db.execute(statement)


@MIGRATIONS(name="0002_alerts_seen")
def alerts_seen(db: Database) -> None:
    """When a parent saw each alert in the console; unseen alerts have none."""
    db.execute("ALTER TABLE alerts ADD COLUMN seen_at TEXT")
    db.execute("CREATE INDEX alerts_unseen ON alerts (id) WHERE seen_at IS NULL")
