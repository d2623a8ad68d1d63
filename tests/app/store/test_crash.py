"""A writer killed by SIGKILL mid-transaction leaves whole batches and an intact database."""

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from app.store import Store

WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parents[3]
BATCH = 2000

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")


def start_writer(path: Path, pause_at: int) -> subprocess.Popen[str]:
    python_path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p)
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(BATCH), str(pause_at)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": python_path},
    )


def wait_for(writer: subprocess.Popen[str], expected: str) -> None:
    assert writer.stdout is not None
    while (line := writer.stdout.readline()) != f"{expected}\n":
        if not line:
            assert writer.stderr is not None
            pytest.fail(f"the writer ended before {expected!r}: {writer.stderr.read()}")


def kill(writer: subprocess.Popen[str]) -> None:
    os.kill(writer.pid, signal.SIGKILL)
    assert writer.wait() == -signal.SIGKILL
    for stream in (writer.stdin, writer.stdout, writer.stderr):
        if stream is not None:
            stream.close()


def assert_whole_batches(path: Path, batches: int | None) -> None:
    with Store.open(path) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        (count,) = store.db.execute("SELECT count(*) FROM decision_events").fetchone()
        assert count % BATCH == 0
        assert count >= BATCH
        if batches is not None:
            assert count == batches * BATCH
        store.record_events([])  # and the store still takes writes


def test_killed_inside_a_transaction(tmp_path: Path) -> None:
    path = tmp_path / "qorgan.db"
    writer = start_writer(path, pause_at=3)
    try:
        wait_for(writer, "committed 2")
        wait_for(writer, "inside 3")
        # Proof that batch 3's transaction is open: half of it written, none of it visible.
        reader = sqlite3.connect(path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                reader.execute("BEGIN IMMEDIATE")
            assert reader.execute("SELECT count(*) FROM decision_events").fetchone() == (3 * BATCH,)
        finally:
            reader.close()
    finally:
        kill(writer)
    assert Path(f"{path}-wal").stat().st_size > 0  # SQLite recovers from the WAL on reopen
    assert_whole_batches(path, batches=3)


def test_killed_while_writing_flat_out(tmp_path: Path) -> None:
    path = tmp_path / "qorgan.db"
    writer = start_writer(path, pause_at=-1)
    try:
        wait_for(writer, "inside 3")
    finally:
        kill(writer)
    assert_whole_batches(path, batches=None)
