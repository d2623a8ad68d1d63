"""Loading the policy snapshot, and the watcher that keeps the last good one."""

import json
import os
from pathlib import Path

import pytest

from app.paths import assets_dir
from app.service.snapshot import write_snapshot
from proxy.snapshot import SnapshotError, SnapshotWatcher, load_snapshot
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy
from rules.policy_io import policy_to_dict
from rules.text import Language
from rules.urls import normalize_url

SAMPLE_NATIONAL = assets_dir() / "lists" / "national-sample.json"
ARUZHAN = ChildProfile("Aruzhan", AgeClass.TWELVE, language=Language.KK)
POLICY = Policy(children=(ARUZHAN,))


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def replace_text(path: Path, text: str) -> None:
    """Replace the file the way the service does, so the watcher sees a new file."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def test_a_written_snapshot_loads_with_the_policy_lists_and_demo_child(tmp_path: Path) -> None:
    path = write_snapshot(tmp_path, POLICY, SAMPLE_NATIONAL, "Aruzhan")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["snapshot"] == 1
    assert data["policy"] == policy_to_dict(POLICY)
    assert data["national_file"] == str(SAMPLE_NATIONAL)
    assert "written_at" in data
    snapshot = load_snapshot(path)
    assert snapshot.policy == POLICY
    assert snapshot.demo_child == "Aruzhan"
    assert snapshot.lists.national_hit(normalize_url("http://casino-sample.test/"), None)
    assert snapshot.lists.category_hits("dns.google")


def test_without_a_national_file_only_the_starter_lists_load(tmp_path: Path) -> None:
    snapshot = load_snapshot(write_snapshot(tmp_path, POLICY, None, None))
    assert snapshot.lists.national_hit(normalize_url("http://casino-sample.test/"), None) is None
    assert snapshot.demo_child is None


def test_writing_leaves_no_temporary_file(tmp_path: Path) -> None:
    write_snapshot(tmp_path, POLICY, None, None)
    write_snapshot(tmp_path, POLICY, None, "Aruzhan")
    assert [p.name for p in tmp_path.iterdir()] == ["policy-snapshot.json"]


def good_snapshot() -> dict[str, object]:
    return {"snapshot": 1, "policy": policy_to_dict(POLICY), "national_file": None}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{\n"snapshot": 1,\n"policy": }', "line 3: not valid JSON"),
        ("[]", "not a Qorgan policy snapshot of version 1"),
        (json.dumps({**good_snapshot(), "snapshot": 2}), "not a Qorgan policy snapshot"),
        (json.dumps({**good_snapshot(), "policy": {"qorgan_policy": 1, "mode": "office"}}), "mode"),
        (
            json.dumps({**good_snapshot(), "demo_child": "Nobody"}),
            "demo_child: no child called 'Nobody'",
        ),
        (json.dumps({**good_snapshot(), "demo_child": 7}), "must be text or null"),
        (
            json.dumps({**good_snapshot(), "national_file": "/nonexistent/national.json"}),
            None,
        ),
    ],
)
def test_a_bad_snapshot_is_refused_in_one_line_naming_the_file(
    tmp_path: Path, text: str, message: str | None
) -> None:
    path = tmp_path / "policy-snapshot.json"
    path.write_text(text, encoding="utf-8")
    if message is None:  # a national file that is not there yet is simply not loaded
        assert load_snapshot(path).policy == POLICY
        return
    with pytest.raises(SnapshotError) as raised:
        load_snapshot(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_a_broken_national_file_is_named(tmp_path: Path) -> None:
    national = tmp_path / "national.json"
    national.write_text("{oops", encoding="utf-8")
    path = write_snapshot(tmp_path, POLICY, national, None)
    with pytest.raises(SnapshotError, match=r"lists: .*national\.json: line 1: not valid JSON"):
        load_snapshot(path)


def test_a_missing_snapshot_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(SnapshotError, match="cannot be read"):
        load_snapshot(tmp_path / "absent.json")


def test_the_watcher_reloads_a_new_file_at_most_once_per_interval(tmp_path: Path) -> None:
    clock = FakeClock()
    path = write_snapshot(tmp_path, POLICY, None, "Aruzhan")
    watcher = SnapshotWatcher(path, clock)
    watcher.load()
    first = watcher.current
    assert first is not None
    write_snapshot(
        tmp_path, Policy(children=(ARUZHAN, ChildProfile("Dana", AgeClass.SIX))), None, None
    )
    clock.now += 0.5
    assert watcher.refresh() is first
    clock.now += 0.6
    second = watcher.refresh()
    assert second is not first
    assert second is not None
    assert len(second.policy.children) == 2
    clock.now += 5
    assert watcher.refresh() is second  # unchanged file: not parsed again


def test_the_watcher_keeps_the_last_good_snapshot(tmp_path: Path, caplog) -> None:
    clock = FakeClock()
    path = write_snapshot(tmp_path, POLICY, None, "Aruzhan")
    watcher = SnapshotWatcher(path, clock)
    watcher.load()
    good = watcher.current
    replace_text(path, '{"snapshot": 1,')
    clock.now += 2
    assert watcher.refresh() is good
    assert watcher.error is not None
    assert "not valid JSON" in watcher.error
    assert "keeping the previous one" in caplog.text
    path.unlink()
    clock.now += 2
    assert watcher.refresh() is good
    write_snapshot(tmp_path, POLICY, None, None)
    clock.now += 2
    fixed = watcher.refresh()
    assert fixed is not good
    assert fixed is not None
    assert fixed.demo_child is None
    assert watcher.error is None


def test_the_watcher_waits_for_a_file_that_is_not_there_yet(tmp_path: Path) -> None:
    clock = FakeClock()
    watcher = SnapshotWatcher(tmp_path / "policy-snapshot.json", clock)
    watcher.load()
    assert watcher.refresh() is None
    write_snapshot(tmp_path, POLICY, None, "Aruzhan")
    clock.now += 1
    assert watcher.refresh() is not None


def test_a_broken_file_at_start_raises_and_leaves_no_snapshot(tmp_path: Path) -> None:
    path = tmp_path / "policy-snapshot.json"
    path.write_text("not json", encoding="utf-8")
    watcher = SnapshotWatcher(path, FakeClock())
    with pytest.raises(SnapshotError):
        watcher.load()
    assert watcher.current is None
