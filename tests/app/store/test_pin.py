"""The parent's PIN: a salted scrypt hash, wrong tries counted, and a lock that doubles."""

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.store import PinCheck, Store, StoreError, lockout_after

PIN = "482916"
NOW = datetime(2026, 11, 22, 18, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "qorgan.db") as opened:
        yield opened


@pytest.mark.parametrize(
    ("failures", "lock"),
    [
        (0, None),
        (4, None),
        (5, timedelta(minutes=1)),
        (6, timedelta(minutes=2)),
        (7, timedelta(minutes=4)),
        (10, timedelta(minutes=32)),
        (11, timedelta(hours=1)),  # 64 minutes, capped
        (10**9, timedelta(hours=1)),
    ],
)
def test_lockout_after(failures: int, lock: timedelta | None) -> None:
    assert lockout_after(failures) == lock


def fail(store: Store, times: int, at: datetime = NOW) -> PinCheck:
    check = PinCheck(ok=True, locked_until=None, failures=0)
    for _ in range(times):
        check = store.check_pin("000000", at)
    return check


def test_no_pin_until_one_is_set(store: Store) -> None:
    assert not store.has_pin()
    with pytest.raises(LookupError):
        store.check_pin(PIN, NOW)
    with pytest.raises(StoreError, match="at least 4"):
        store.set_pin("123")
    assert not store.has_pin()
    store.set_pin(PIN)
    assert store.has_pin()
    assert store.check_pin(PIN, NOW) == PinCheck(ok=True, locked_until=None, failures=0)


def test_only_a_salted_hash_is_stored(store: Store, tmp_path: Path) -> None:
    store.set_pin(PIN)
    first = store.db.execute("SELECT hash, salt FROM pin").fetchone()
    row = " ".join(str(value) for value in store.db.execute("SELECT * FROM pin").fetchone())
    assert PIN not in row
    assert PIN.encode().hex() not in row
    assert len(bytes.fromhex(first[0])) == 32
    assert len(bytes.fromhex(first[1])) == 16
    store.set_pin(PIN)
    second = store.db.execute("SELECT hash, salt FROM pin").fetchone()
    assert first[0] != second[0]  # a fresh salt each time
    assert first[1] != second[1]
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert PIN.encode() not in (tmp_path / "qorgan.db").read_bytes()


def test_wrong_pins_count_and_the_fifth_locks(store: Store) -> None:
    store.set_pin(PIN)
    for failures in range(1, 5):
        assert store.check_pin("111111", NOW) == PinCheck(False, None, failures)
    assert store.check_pin("111111", NOW) == PinCheck(False, NOW + timedelta(minutes=1), 5)


def test_locked_pin_refuses_even_the_right_one(store: Store) -> None:
    store.set_pin(PIN)
    locked = fail(store, 5)
    assert locked.locked_until == NOW + timedelta(minutes=1)

    during = NOW + timedelta(seconds=59)
    assert store.check_pin(PIN, during) == locked
    assert store.check_pin("111111", during) == locked  # tries while locked do not count

    after = NOW + timedelta(minutes=1)
    assert store.check_pin(PIN, after) == PinCheck(ok=True, locked_until=None, failures=0)
    assert store.check_pin("111111", after) == PinCheck(ok=False, locked_until=None, failures=1)


def test_each_wrong_pin_past_the_limit_doubles_the_lock(store: Store) -> None:
    store.set_pin(PIN)
    fail(store, 5)
    at = NOW + timedelta(minutes=1)
    assert fail(store, 1, at) == PinCheck(False, at + timedelta(minutes=2), 6)
    at += timedelta(minutes=2)
    assert fail(store, 1, at) == PinCheck(False, at + timedelta(minutes=4), 7)


def test_success_resets_the_count(store: Store) -> None:
    store.set_pin(PIN)
    fail(store, 4)
    assert store.check_pin(PIN, NOW).ok
    assert fail(store, 4) == PinCheck(ok=False, locked_until=None, failures=4)


def test_lock_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "qorgan.db"
    with Store.open(path) as store:
        store.set_pin(PIN)
        locked = fail(store, 5)
    with Store.open(path) as store:
        assert store.check_pin(PIN, NOW + timedelta(seconds=30)) == locked


def test_new_pin_clears_the_lock(store: Store) -> None:
    store.set_pin(PIN)
    fail(store, 5)
    store.set_pin("new-pin")
    assert store.check_pin("new-pin", NOW).ok
    assert not store.check_pin(PIN, NOW).ok
