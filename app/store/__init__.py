"""The store: the only writer of Qorgan's SQLite database, speaking in model objects."""

from app.store.database import open_database
from app.store.errors import StoreError
from app.store.pin import PinCheck, lockout_after
from app.store.settings import JsonValue
from app.store.store import Store

__all__ = ["JsonValue", "PinCheck", "Store", "StoreError", "lockout_after", "open_database"]
