"""The parent's PIN: stored only as a salted scrypt hash, with a lockout after wrong tries."""

import hashlib
import hmac
import json
import secrets
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from app.store.database import write_transaction
from app.store.errors import StoreError
from app.store.rows import optional_moment, optional_timestamp

MIN_PIN_LENGTH = 4
FREE_TRIES = 5
FIRST_LOCK = timedelta(seconds=60)
LONGEST_LOCK = timedelta(hours=1)
# scrypt's cost: about 16 MiB and tens of milliseconds per try on a school PC.
SCRYPT_PARAMS = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
SALT_BYTES = 16


@dataclass(frozen=True, slots=True)
class PinCheck:
    """The answer to a PIN try: whether it opened, how long the lock lasts, wrong tries in a row."""

    ok: bool
    locked_until: datetime | None
    failures: int


def lockout_after(failures: int) -> timedelta | None:
    """How long the PIN is locked after `failures` wrong tries in a row.

    Five wrong tries lock it for a minute; each further wrong try doubles the lock,
    up to an hour. Fewer than five lock nothing.
    """
    if failures < FREE_TRIES:
        return None
    doublings = min(failures - FREE_TRIES, 6)  # 2**6 minutes is past the hour already
    return min(FIRST_LOCK * (1 << doublings), LONGEST_LOCK)


def pin_hash(pin: str, salt: bytes, params: dict[str, int]) -> bytes:
    """The same PIN typed on any keyboard layout gives the same bytes (Unicode NFC)."""
    data = unicodedata.normalize("NFC", pin).encode()
    return hashlib.scrypt(
        data, salt=salt, n=params["n"], r=params["r"], p=params["p"], dklen=params["dklen"]
    )


def set_pin(db: Database, pin: str) -> None:
    """Store a new PIN's hash, forgetting wrong tries and any lock."""
    if len(pin) < MIN_PIN_LENGTH:
        raise StoreError(f"the PIN needs at least {MIN_PIN_LENGTH} characters")
    salt = secrets.token_bytes(SALT_BYTES)
    digest = pin_hash(pin, salt, SCRYPT_PARAMS)
    db.execute(
        "INSERT OR REPLACE INTO pin (id, hash, salt, params, failures, locked_until)"
        " VALUES (1, ?, ?, ?, 0, NULL)",
        [digest.hex(), salt.hex(), json.dumps(SCRYPT_PARAMS)],
    )


def has_pin(db: Database) -> bool:
    return db.execute("SELECT 1 FROM pin WHERE id = 1").fetchone() is not None


def check_pin(db: Database, pin: str, now: datetime) -> PinCheck:
    """Try `pin` at `now`; LookupError if no PIN was ever set.

    While locked, no PIN is even hashed, the right one included, and a try does not count:
    a child hammering the console cannot stretch the lock to keep the parent out.
    """
    with write_transaction(db):
        rows = list(db.query("SELECT * FROM pin WHERE id = 1"))
        if not rows:
            raise LookupError("no PIN has been set")
        row = rows[0]
        failures: int = row["failures"]
        locked_until = optional_moment(row["locked_until"])
        if locked_until is not None and now < locked_until:
            return PinCheck(ok=False, locked_until=locked_until, failures=failures)
        digest = pin_hash(pin, bytes.fromhex(row["salt"]), json.loads(row["params"]))
        ok = hmac.compare_digest(digest, bytes.fromhex(row["hash"]))
        if ok:
            failures, locked_until = 0, None
        else:
            failures += 1
            lock = lockout_after(failures)
            locked_until = None if lock is None else now + lock
        db.execute(
            "UPDATE pin SET failures = ?, locked_until = ? WHERE id = 1",
            [failures, optional_timestamp(locked_until)],
        )
        return PinCheck(ok=ok, locked_until=locked_until, failures=failures)
