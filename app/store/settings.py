"""Settings: named JSON values the service and the console share through the store."""

import json
from typing import cast

from sqlite_utils import Database

type JsonValue = bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None


def read_setting(db: Database, key: str, default: JsonValue = None) -> JsonValue:
    """The value stored under `key`, or `default` when nothing is."""
    row = db.execute('SELECT value_json FROM settings WHERE "key" = ?', [key]).fetchone()
    if row is None:
        return default
    return cast(JsonValue, json.loads(row[0]))


def write_setting(db: Database, key: str, value: JsonValue) -> None:
    """Store `value` under `key`, replacing what was there."""
    db.execute(
        'INSERT INTO settings ("key", value_json) VALUES (?, ?)'
        ' ON CONFLICT ("key") DO UPDATE SET value_json = excluded.value_json',
        [key, json.dumps(value, ensure_ascii=False)],
    )
