"""Opening Qorgan's SQLite database: owner-only files, WAL, pragmas, then the migrations."""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from app.store.migrations import MIGRATIONS

# Set on every connection: unlike WAL, the file does not keep them.
PRAGMAS = ("foreign_keys=ON", "busy_timeout=5000", "synchronous=NORMAL")


# The umask belongs to the whole process: two threads opening stores at once would otherwise
# each restore the other's mask and leave 077 behind for every file written after.
_UMASK_LOCK = threading.Lock()


@contextmanager
def _umask(mask: int) -> Iterator[None]:
    with _UMASK_LOCK:
        previous = os.umask(mask)
        try:
            yield
        finally:
            os.umask(previous)


def _create_owner_only(path: Path) -> None:
    """Create the file readable by its owner only, before SQLite gets a chance to create it.

    An existing file is only tightened by path, never opened: closing any descriptor of
    the database drops every POSIX lock SQLite holds on it in this process, and another
    process could then remove the WAL under the service's open connections.
    """
    if path.exists():
        if not path.is_file() or path.is_symlink():
            raise OSError(f"{path} is not a regular file")
        if os.name == "posix" and path.stat().st_mode & 0o777 != 0o600:
            path.chmod(0o600)  # a copy an older version left world-readable
        return
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    os.close(os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o600))


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """A transaction that takes the write lock at once, for a read that decides a write.

    A plain BEGIN reads first and fails with "database is locked" when it then needs
    to write while another connection writes; BEGIN IMMEDIATE waits its turn instead.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


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
