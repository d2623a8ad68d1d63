"""The logind adapter against a fake `loginctl` (no logind can run on this machine)."""

from pathlib import Path

import pytest

from app.platform.logind import LogindSessions, parse_listing, parse_properties
from app.platform.sessions import Session, SessionError
from tests.app.platform.fake_loginctl import FakeLogind, session


@pytest.fixture
def logind(tmp_path: Path) -> FakeLogind:
    return FakeLogind(tmp_path / "logind")


def test_sessions_with_their_hints(logind: FakeLogind) -> None:
    logind.set([
        session("2", "aruzhan"),
        session("3", "dana", active=False, locked=True, idle=True),
        session("c1", "gdm", kind="greeter"),
        session("4", "timur", state="closing"),
    ])  # fmt: skip
    found = LogindSessions(str(logind.program), sessions_dir=None).sessions()
    assert found == [
        Session("2", "aruzhan", active=True),
        Session("3", "dana", active=False, locked=True, idle=True),
    ]
    assert found[0].counts and not found[1].counts
    assert logind.calls()[-1].startswith("show-session --property=Id --property=Name")


def test_lock_and_end_a_session(logind: FakeLogind) -> None:
    logind.set([session("2", "aruzhan"), session("5", "dana")])
    adapter = LogindSessions(str(logind.program), sessions_dir=None)
    aruzhan, dana = adapter.sessions()
    adapter.lock(aruzhan)
    adapter.log_out(dana)
    assert logind.calls()[-2:] == ["lock-session 2", "terminate-session 5"]
    assert adapter.sessions() == [Session("2", "aruzhan", active=True, locked=True)]


def test_the_list_is_read_again_only_when_logind_changes_it(logind: FakeLogind, tmp_path: Path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    logind.set([session("2", "aruzhan")])
    adapter = LogindSessions(str(logind.program), sessions_dir=folder)
    adapter.sessions()
    adapter.sessions()
    assert [call.split()[0] for call in logind.calls()] == [
        "list-sessions", "show-session", "show-session"
    ]  # fmt: skip
    (folder / "7").write_text("")  # logind writes a file for a new session
    logind.set([session("2", "aruzhan"), session("7", "dana")])
    assert [s.account for s in adapter.sessions()] == ["aruzhan", "dana"]


def test_a_session_gone_between_two_calls_means_listing_again(logind: FakeLogind, tmp_path: Path):
    folder = tmp_path / "sessions"
    folder.mkdir()
    logind.set([session("2", "aruzhan"), session("5", "dana")])
    adapter = LogindSessions(str(logind.program), sessions_dir=folder)
    adapter.sessions()
    logind.set([session("2", "aruzhan")])  # logout happened, folder stamp not yet changed
    with pytest.raises(SessionError, match="No session '5' known"):
        adapter.sessions()
    assert [s.id for s in adapter.sessions()] == ["2"]


def test_no_sessions_at_all(logind: FakeLogind) -> None:
    assert LogindSessions(str(logind.program), sessions_dir=None).sessions() == []
    assert logind.calls() == ["list-sessions --no-legend"]


def test_without_logind_the_error_says_why(logind: FakeLogind, tmp_path: Path) -> None:
    logind.down()
    with pytest.raises(SessionError, match="not been booted with systemd"):
        LogindSessions(str(logind.program), sessions_dir=None).sessions()
    with pytest.raises(SessionError, match="No such file"):
        LogindSessions(str(tmp_path / "none"), sessions_dir=None).sessions()


def test_parsing_loginctl_output() -> None:
    assert parse_listing("      2 1000 aruzhan seat0 tty2\n\n     c1  120 gdm\n") == ["2", "c1"]
    text = "Id=2\nName=a\nActive=yes\n\nId=3\nName=b\nId=4\nName=c\n"
    assert parse_properties(text) == [
        {"Id": "2", "Name": "a", "Active": "yes"},
        {"Id": "3", "Name": "b"},
        {"Id": "4", "Name": "c"},
    ]
    assert parse_properties("") == []
