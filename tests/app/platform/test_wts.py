"""The WTS adapter's logic on a fake WTS (the real one exists only on Windows)."""

import ctypes

import pytest

from app.platform.sessions import Session, SessionError
from app.platform.wts import (
    WTSINFOEX_LEVEL1_W,
    WTSINFOEXW,
    CtypesWts,
    WtsSession,
    WtsSessions,
    idle_seconds,
)


class FakeWts:
    def __init__(self, sessions: list[WtsSession]) -> None:
        self.found = sessions
        self.calls: list[tuple[str, int]] = []

    def sessions(self) -> list[WtsSession]:
        return self.found

    def disconnect(self, session_id: int) -> None:
        self.calls.append(("disconnect", session_id))

    def log_off(self, session_id: int) -> None:
        self.calls.append(("log_off", session_id))


def test_sessions_of_people_with_lock_and_idle() -> None:
    wts = FakeWts([
        WtsSession(0, False, "SYSTEM"),
        WtsSession(1, True, "aruzhan", locked=False, idle_seconds=12.0),
        WtsSession(2, False, "dana", locked=True, idle_seconds=900.0),
        WtsSession(3, True, "", locked=None),
        WtsSession(4, True, "timur", locked=None, idle_seconds=None),
    ])  # fmt: skip
    assert WtsSessions(wts).sessions() == [
        Session("1", "aruzhan", active=True),
        Session("2", "dana", active=False, locked=True, idle=True),
        Session("4", "timur", active=True),
    ]


def test_lock_disconnects_and_log_out_logs_off() -> None:
    wts = FakeWts([])
    adapter = WtsSessions(wts)
    adapter.lock(Session("1", "aruzhan", active=True))
    adapter.log_out(Session("2", "dana", active=True))
    assert wts.calls == [("disconnect", 1), ("log_off", 2)]


def test_idle_time_from_the_session_info() -> None:
    info = WTSINFOEX_LEVEL1_W()
    assert idle_seconds(info) is None
    info.LastInputTime, info.CurrentTime = 10_000_000, 10_000_000 + 90 * 10_000_000
    assert idle_seconds(info) == 90.0
    assert ctypes.sizeof(WTSINFOEXW) > ctypes.sizeof(WTSINFOEX_LEVEL1_W)


def test_the_ctypes_api_is_refused_off_windows() -> None:
    with pytest.raises(SessionError, match="only on Windows"):
        CtypesWts()
