"""Settings and list sources, kept by name."""

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.store import Store
from rules.categories import Category
from rules.records import ListKind, ListSource

NOW = datetime(2026, 11, 22, 18, 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(tmp_path / "qorgan.db") as opened:
        yield opened


def test_settings_are_json_values(store: Store) -> None:
    assert store.setting("report_day") is None
    assert store.setting("report_day", "sunday") == "sunday"
    store.set_setting("report", {"day": "sunday", "to": ["ata@example.kz"], "hour": 9})
    store.set_setting("report", {"day": "monday", "to": [], "hour": 9})
    assert store.setting("report") == {"day": "monday", "to": [], "hour": 9}


def test_list_sources_are_saved_by_name(store: Store) -> None:
    ut1 = ListSource("ut1-gambling", ListKind.UT1, "https://lists.example/ut1", Category.GAMBLING)
    national = ListSource(
        "national",
        ListKind.NATIONAL,
        "/usr/share/qorgan/national.csv",
        sha256="ab" * 32,
        public_key="ed25519:abc",
    )
    store.save_list_source(ut1)
    store.save_list_source(national)
    updated = ListSource(
        "ut1-gambling",
        ListKind.UT1,
        "https://lists.example/ut1",
        Category.GAMBLING,
        schedule_hours=12,
        entries=48211,
        updated_at=NOW,
        signature_status="sha256-ok",
    )
    store.save_list_source(updated)
    assert store.list_sources() == [national, updated]
