"""Loading the shipped starter lists and an imported national list."""

from pathlib import Path

import pytest

from app.lists import ListFileError, load_lists, read_national_list
from app.paths import assets_dir
from rules.categories import Category
from rules.urls import normalize_url


def test_starter_lists_load_with_their_categories() -> None:
    loaded = load_lists(assets_dir(), None)
    categories = {hit.category for hit in loaded.lists.category_hits("dns.google")}
    assert categories == {Category.DOH}
    assert {hit.category for hit in loaded.lists.category_hits("www.bilimland.kz")} == {
        Category.EDUCATION
    }
    assert all(not report.invalid for report in loaded.reports)
    assert loaded.national_entries == 0


def test_the_sample_national_list_loads() -> None:
    sample = assets_dir() / "lists" / "national-sample.json"
    loaded = load_lists(assets_dir(), sample)
    assert loaded.national_entries == 3
    hit = loaded.lists.national_hit(normalize_url("https://www.casino-sample.test/"), None)
    assert hit is not None
    assert hit.entry.reference == "SAMPLE-2026-0001"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"qorgan_national_list": 1,\n "entries": [}', "line 2: not valid JSON"),
        ('{"qorgan_national_list": 1, "entries": [{}]}', "entries[0].authority: missing"),
        (b"\xff\xfe", "cannot be read"),
    ],
)
def test_a_broken_national_list_names_the_file_and_place(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    path = tmp_path / "national.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content)
    with pytest.raises(ListFileError) as caught:
        read_national_list(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
