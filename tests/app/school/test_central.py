"""School deployment end to end: keys, signed install, tampering, central updates over HTTPS."""

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from app.cli import main
from app.listsources import Fetcher
from app.paths import database_path
from app.school import central
from app.school.part import SchoolPart
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, ChildRules, Mode, Policy, SchoolGroup
from rules.policy_io import policy_to_dict
from tests.app.listserver import https_server

NOW = datetime(2026, 5, 18, 8, 0)  # a Monday
EXAM_START = datetime(2026, 5, 18, 9, 0)

PUPIL = ChildProfile("Pupil", AgeClass.TWELVE, rules=ChildRules(allow=("wikipedia.org",)))


def document(serial: int, share: Path | None = None, **extra: Any) -> dict[str, Any]:
    policy = Policy(children=(PUPIL,), groups=(SchoolGroup("7A", "Pupil", ("pupil*",)),))
    return {
        "qorgan_school": 1,
        "serial": serial,
        "lab_profile": "Pupil",
        "summary_share": None if share is None else str(share),
        "exam": {
            "sites": ["bilimland.kz"],
            "windows": [{"start": EXAM_START.isoformat(), "end": "2026-05-18T11:00:00"}],
        },
        "policy": policy_to_dict(policy),
        **extra,
    }


def qorgan(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--lang", "en", *args])


@pytest.fixture
def school(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """A school's signing key (made with `qorgan school keygen`) and a signed school.json."""
    key = tmp_path / "school.key"
    assert qorgan(tmp_path / "unused", "school", "keygen", str(key)) == 0
    public = capsys.readouterr().out.strip()
    assert key.stat().st_mode & 0o777 == 0o600
    policy_file = tmp_path / "school.json"
    policy_file.write_text(json.dumps(document(1)), encoding="utf-8")
    assert (
        qorgan(tmp_path / "unused", "school", "sign", str(policy_file), "--private-key", str(key))
        == 0
    )
    capsys.readouterr()
    return {"key": key, "public": public, "file": policy_file, "data": tmp_path / "data"}


def sign_file(school: dict[str, Any], path: Path, data: dict[str, Any]) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")
    assert (
        qorgan(school["data"], "school", "sign", str(path), "--private-key", str(school["key"]))
        == 0
    )


def stored(data_dir: Path) -> Store:
    return Store.open(database_path(data_dir))


def test_silent_install_pins_the_key_and_makes_every_account_a_pupil(
    school: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["school", "install", "--policy", str(school["file"]), "--public-key", school["public"]]
    assert qorgan(school["data"], *args, "--at", NOW.isoformat()) == 0
    assert "school policy 1 in force" in capsys.readouterr().out
    with stored(school["data"]) as store:
        policy = store.policy()
        assert policy.mode is Mode.SCHOOL
        assert policy.profile_for_account("anyone").name == "Pupil"  # type: ignore[union-attr]
        assert store.setting(central.KEY) == school["public"]


def test_a_tampered_policy_is_refused_in_one_line_and_nothing_changes(
    school: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    with stored(school["data"]) as store:
        store.add_child(ChildProfile("Home", AgeClass.SIX))
    text = school["file"].read_text(encoding="utf-8").replace("wikipedia.org", "casino.kz")
    school["file"].write_text(text, encoding="utf-8")
    args = ["school", "install", "--policy", str(school["file"]), "--public-key", school["public"]]
    assert qorgan(school["data"], *args) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "the signature does not match the school's key" in error
    assert "the policy in force stays" in error
    with stored(school["data"]) as store:
        assert [c.name for c in store.children()] == ["Home"]
        assert store.setting(central.KEY) is None


def test_an_unsigned_policy_or_a_bad_key_is_refused(
    school: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    school["file"].with_name("school.json.sig").unlink()
    args = ["school", "install", "--policy", str(school["file"]), "--public-key", school["public"]]
    assert qorgan(school["data"], *args) == 2
    assert "not signed (no .sig file beside it)" in capsys.readouterr().err
    assert qorgan(school["data"], *args[:-1], "not-a-key") == 2
    assert "an Ed25519 public key is 32 bytes" in capsys.readouterr().err


def test_exam_mode_by_the_admin_and_by_the_timetable(
    school: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["school", "install", "--policy", str(school["file"]), "--public-key", school["public"]]
    assert qorgan(school["data"], *args, "--at", NOW.isoformat()) == 0
    assert qorgan(school["data"], "school", "exam", "on", "--at", NOW.isoformat()) == 0
    with stored(school["data"]) as store:
        pupil = store.policy().child("Pupil")
        assert pupil.rules.whitelist_only and pupil.rules.allow == ("bilimland.kz",)
    assert qorgan(school["data"], "school", "exam", "auto", "--at", NOW.isoformat()) == 0
    with stored(school["data"]) as store:
        assert not store.policy().child("Pupil").rules.whitelist_only
        part = SchoolPart(store, clock=lambda: EXAM_START + timedelta(minutes=5))
        part.tick()  # the timetabled exam begins
        assert store.policy().child("Pupil").rules.whitelist_only
    capsys.readouterr()
    qorgan(school["data"], "school", "status", "--at", EXAM_START.isoformat())
    out = capsys.readouterr().out
    assert "exam switch\tauto" in out and "exam now\tyes" in out


def test_exam_needs_a_school_policy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert qorgan(tmp_path / "data", "school", "exam", "on") == 2
    assert "has no school policy" in capsys.readouterr().err


def test_the_central_policy_is_polled_over_https_and_a_forgery_is_refused(
    school: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served = tmp_path / "served"
    served.mkdir()
    sign_file(school, served / "school.json", document(1))
    with https_server(served, tmp_path) as (base, fetcher):
        url = f"{base}/school.json"
        args = ["--policy", str(school["file"]), "--public-key", school["public"], "--url", url]
        assert qorgan(school["data"], "school", "install", *args) == 0
        with stored(school["data"]) as store:
            clock = [NOW]
            part = SchoolPart(store, fetcher, clock=lambda: clock[0], pc_name="lab-01")
            # a new version, signed: in force after the next poll
            sign_file(school, served / "school.json", document(2, **{"poll_minutes": 5}))
            part.tick()
            part.wait_for_download()
            clock[0] += timedelta(seconds=1)
            part.tick()
            assert central.document(store).serial == 2  # type: ignore[union-attr]
            assert central.status(store).error is None
            # a forgery: the file changes after signing; refused, version 2 stays
            forged = document(3)
            forged["policy"]["children"][0]["rules"]["allow"] = ["casino.kz"]
            (served / "school.json").write_text(json.dumps(forged), encoding="utf-8")
            clock[0] += timedelta(minutes=1)
            part.tick()
            assert part._thread is None  # not due yet: polled every 5 minutes
            clock[0] += timedelta(minutes=5)
            part.tick()
            part.wait_for_download()
            part.tick()
            assert central.document(store).serial == 2  # type: ignore[union-attr]
            assert "signature does not match" in (central.status(store).error or "")
            assert store.policy().child("Pupil").rules.allow == ("wikipedia.org",)
            # a replay of version 1 (signed, but older) is refused too
            sign_file(school, served / "school.json", document(1))
            with pytest.raises(ValueError, match="serial 1 is older than the one in force"):
                central.update(store, fetcher, clock[0])
            # the system's CAs do not vouch for the test server: refused, nothing changes
            with pytest.raises(ValueError, match="cannot be downloaded"):
                central.update(store, Fetcher(), clock[0])
            assert central.document(store).serial == 2  # type: ignore[union-attr]


def test_only_https_addresses_are_accepted(
    school: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--policy", str(school["file"]), "--public-key", school["public"]]
    assert (
        qorgan(school["data"], "school", "install", *args, "--url", "http://127.0.0.1/s.json") == 2
    )
    assert "only over https://" in capsys.readouterr().err


def test_lab_summaries_are_written_to_the_share(
    school: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "share"
    sign_file(school, school["file"], document(1, share))
    args = ["school", "install", "--policy", str(school["file"]), "--public-key", school["public"]]
    assert qorgan(school["data"], *args, "--at", NOW.isoformat()) == 0
    with stored(school["data"]) as store:
        part = SchoolPart(store, clock=lambda: NOW, pc_name="lab/07")
        part.start()
        part.stop()
    files = sorted(p.relative_to(share).as_posix() for p in share.rglob("*"))
    assert files == ["lab_07", "lab_07/7A-2026-W21.csv", "lab_07/7A-2026-W21.json"]
    summary = json.loads((share / "lab_07" / "7A-2026-W21.json").read_text(encoding="utf-8"))
    assert summary["group"] == "7A" and summary["week"] == "2026-W21"
    assert "pupils" not in summary
