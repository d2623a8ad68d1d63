"""Opening Qorgan's SQLite database: owner-only files, WAL, pragmas, then the migrations."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from app.store.migrations import MIGRATIONS

# Set on every connection: unlike WAL, the file does not keep them.
PRAGMAS = ("foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL")


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    """The process umask is global: open the database at start-up, before threads."""
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def _create_owner_only(path: Path) -> None:
    """Create the file readable by its owner only, before SQLite gets a chance to create it."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o600)
    try:
        if os.name == "posix":
            # A file an older version or a copy left world-readable is tightened too.
            os.fchmod(fd, 0o600)
    finally:
        os.close(fd)


def _configure(db: Database) -> None:
    mode = db.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode != "wal":
        raise OSError(f"the database cannot use write-ahead logging (journal mode {mode!r})")
    for pragma in PRAGMAS:
        db.execute(f"PRAGMA {pragma}")


def open_database(path: Path) -> Database:
    """Open (or create) the database at `path`, owner-only, in WAL mode, with the schema current.

    A missing parent directory is created 0700; the file and SQLite's -wal and -shm
    files are 0600, so only the service's account can read what children did.
    """
    with _umask(0o077):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _create_owner_only(path)
        db = Database(path, execute_plugins=False)
        try:
            _configure(db)
            MIGRATIONS.apply(db)
        except BaseException:
            db.close()
            raise
    return db
