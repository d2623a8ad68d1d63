"""Writes decision events in batches until it is killed; the other half of test_crash.py.

Usage: crash_writer.py DATABASE BATCH_SIZE PAUSE_AT. It prints `inside N` halfway through
batch N's transaction and `committed N` after it; in batch PAUSE_AT it waits there for
a line on stdin, which the test never sends: it kills the writer instead.
"""

import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from app.store import Store
from rules.decision import Step, Verdict
from rules.records import DecisionEvent


def batch(number: int, size: int, pause: bool) -> Iterator[DecisionEvent]:
    """`record_events` reads these lazily, inside its transaction."""
    start = datetime(2026, 11, 22) + timedelta(seconds=number)
    for i in range(size):
        if i == size // 2:
            print(f"inside {number}", flush=True)
            if pause:
                sys.stdin.readline()
        yield DecisionEvent(
            at=start + timedelta(microseconds=i),
            child="Aruzhan",
            host=f"host{i}.example",
            verdict=Verdict.ALLOW,
            step=Step.DEFAULT,
            rule_id="default",
        )


def main() -> None:
    path, size, pause_at = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    store = Store.open(path)
    # A tiny page cache makes SQLite spill the open transaction's pages into the WAL.
    store.db.execute("PRAGMA cache_size=8")
    number = 0
    while True:
        store.record_events(batch(number, size, pause=number == pause_at))
        print(f"committed {number}", flush=True)
        number += 1


if __name__ == "__main__":
    main()
