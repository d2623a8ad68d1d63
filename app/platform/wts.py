"""Sessions on Windows through the WTS API (wtsapi32): list, locked, idle, disconnect, log off.

A service cannot lock another user's session; it disconnects it instead, which shows the
sign-in screen and keeps the child's apps running, as locking does. The ctypes calls sit
in `CtypesWts`, built only on Windows; `WtsSessions` holds the logic and is tested anywhere.
"""

import ctypes
import logging
import sys
from dataclasses import dataclass
from typing import Any, Protocol

from app.platform.sessions import Session, SessionError

WTS_CURRENT_SERVER_HANDLE = 0
WTS_ACTIVE = 0  # WTS_CONNECTSTATE_CLASS.WTSActive
WTS_USER_NAME = 5  # WTS_INFO_CLASS.WTSUserName
WTS_SESSION_INFO_EX = 25  # WTS_INFO_CLASS.WTSSessionInfoEx
WTS_SESSIONSTATE_LOCK = 0
SERVICES_SESSION = 0  # session 0 runs services, never a person
IDLE_AFTER = 5 * 60.0  # seconds without input before a session counts as idle
TICKS_PER_SECOND = 10_000_000  # FILETIME is in 100 ns steps

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class WtsSession:
    """What WTS says about one session."""

    id: int
    active: bool
    user: str
    locked: bool | None = None
    idle_seconds: float | None = None


class WtsApi(Protocol):
    """The few WTS calls the adapter needs."""

    def sessions(self) -> list[WtsSession]: ...

    def disconnect(self, session_id: int) -> None: ...

    def log_off(self, session_id: int) -> None: ...


class WtsSessions:
    """The sessions adapter on WTS."""

    def __init__(self, api: WtsApi, idle_after: float = IDLE_AFTER) -> None:
        self.api = api
        self.idle_after = idle_after

    def sessions(self) -> list[Session]:
        return [
            Session(
                id=str(found.id),
                account=found.user,
                active=found.active,
                locked=found.locked is True,
                idle=found.idle_seconds is not None and found.idle_seconds >= self.idle_after,
            )
            for found in self.api.sessions()
            if found.id != SERVICES_SESSION and found.user
        ]

    def lock(self, session: Session) -> None:
        logger.info("disconnecting session %s of %s", session.id, session.account)
        self.api.disconnect(int(session.id))

    def log_out(self, session: Session) -> None:
        logger.info("logging off session %s of %s", session.id, session.account)
        self.api.log_off(int(session.id))


class WTS_SESSION_INFOW(ctypes.Structure):  # noqa: N801 (the Windows name)
    _fields_ = (
        ("SessionId", ctypes.c_uint32),
        ("pWinStationName", ctypes.c_wchar_p),
        ("State", ctypes.c_int),
    )


class WTSINFOEX_LEVEL1_W(ctypes.Structure):  # noqa: N801
    _fields_ = (
        ("SessionId", ctypes.c_ulong),
        ("SessionState", ctypes.c_int),
        ("SessionFlags", ctypes.c_long),
        ("WinStationName", ctypes.c_wchar * 33),
        ("UserName", ctypes.c_wchar * 21),
        ("DomainName", ctypes.c_wchar * 18),
        ("LogonTime", ctypes.c_int64),
        ("ConnectTime", ctypes.c_int64),
        ("DisconnectTime", ctypes.c_int64),
        ("LastInputTime", ctypes.c_int64),
        ("CurrentTime", ctypes.c_int64),
        ("IncomingBytes", ctypes.c_uint32),
        ("OutgoingBytes", ctypes.c_uint32),
        ("IncomingFrames", ctypes.c_uint32),
        ("OutgoingFrames", ctypes.c_uint32),
        ("IncomingCompressedBytes", ctypes.c_uint32),
        ("OutgoingCompressedBytes", ctypes.c_uint32),
    )


class WTSINFOEXW(ctypes.Structure):
    _fields_ = (("Level", ctypes.c_uint32), ("Data", WTSINFOEX_LEVEL1_W))


def idle_seconds(info: WTSINFOEX_LEVEL1_W) -> float | None:
    """Seconds since the last input, where WTS knows it (it often does not for the console)."""
    if info.LastInputTime <= 0 or info.CurrentTime <= 0:
        return None
    return max(0.0, float(info.CurrentTime - info.LastInputTime) / TICKS_PER_SECOND)


# getattr: these names exist only in Windows' ctypes, and the types are checked on Linux.
def _last_error() -> int:
    return int(getattr(ctypes, "get_last_error")())  # noqa: B009


class CtypesWts:
    """WTS through ctypes; only on Windows."""

    def __init__(self) -> None:
        if sys.platform != "win32":
            raise SessionError("WTS exists only on Windows")
        self._wts: Any = getattr(ctypes, "WinDLL")("wtsapi32", use_last_error=True)  # noqa: B009

    def _query(self, session_id: int, info_class: int) -> tuple[ctypes.c_void_p, int]:
        buffer = ctypes.c_void_p()
        size = ctypes.c_uint32()
        ok = self._wts.WTSQuerySessionInformationW(
            WTS_CURRENT_SERVER_HANDLE,
            session_id,
            info_class,
            ctypes.byref(buffer),
            ctypes.byref(size),
        )
        if not ok:
            raise SessionError(f"WTSQuerySessionInformation: {_last_error()}")
        return buffer, size.value

    def _details(self, session_id: int) -> tuple[bool | None, float | None]:
        try:
            buffer, _ = self._query(session_id, WTS_SESSION_INFO_EX)
        except SessionError:
            return None, None
        try:
            info = ctypes.cast(buffer, ctypes.POINTER(WTSINFOEXW)).contents.Data
            return info.SessionFlags == WTS_SESSIONSTATE_LOCK, idle_seconds(info)
        finally:
            self._wts.WTSFreeMemory(buffer)

    def _user(self, session_id: int) -> str:
        buffer, _ = self._query(session_id, WTS_USER_NAME)
        try:
            return ctypes.wstring_at(buffer.value or 0) if buffer.value else ""
        finally:
            self._wts.WTSFreeMemory(buffer)

    def sessions(self) -> list[WtsSession]:
        table = ctypes.POINTER(WTS_SESSION_INFOW)()
        count = ctypes.c_uint32()
        if not self._wts.WTSEnumerateSessionsW(
            WTS_CURRENT_SERVER_HANDLE, 0, 1, ctypes.byref(table), ctypes.byref(count)
        ):
            raise SessionError(f"WTSEnumerateSessions: {_last_error()}")
        try:
            states = [(table[i].SessionId, table[i].State) for i in range(count.value)]
        finally:
            self._wts.WTSFreeMemory(table)
        found = []
        for session_id, state in states:
            locked, idle = self._details(session_id)
            found.append(
                WtsSession(session_id, state == WTS_ACTIVE, self._user(session_id), locked, idle)
            )
        return found

    def disconnect(self, session_id: int) -> None:
        if not self._wts.WTSDisconnectSession(WTS_CURRENT_SERVER_HANDLE, session_id, False):
            raise SessionError(f"WTSDisconnectSession: {_last_error()}")

    def log_off(self, session_id: int) -> None:
        if not self._wts.WTSLogoffSession(WTS_CURRENT_SERVER_HANDLE, session_id, False):
            raise SessionError(f"WTSLogoffSession: {_last_error()}")
