"""The SCM calls through ctypes (advapi32, no pywin32): the real `ScmApi` on Windows.

Every function is declared with its argtypes and restype (`declare`), so a wrong
argument fails in Python rather than in the SCM; the structures have x64's layout
(SERVICE_STATUS 28 bytes, SERVICE_TABLE_ENTRYW 16). The callbacks are kept referenced
for as long as the SCM may call them.
"""

import ctypes
import sys
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from app.platform.windows.scm import ScmError, Status

# On 64-bit Windows there is one calling convention; CFUNCTYPE lets Linux check the types.
_FUNCTYPE: Any = getattr(ctypes, "WINFUNCTYPE", ctypes.CFUNCTYPE)
# Windows' DWORD and BOOL are 32 bits; wintypes spells them c_ulong/c_long, which are 64 bits
# on Linux, so the fixed-width types give the Windows layout here too.
DWORD = ctypes.c_uint32
BOOL = ctypes.c_int32

SERVICE_MAIN_FUNCTIONW = _FUNCTYPE(None, DWORD, ctypes.POINTER(wintypes.LPWSTR))
HANDLER_FUNCTION_EX = _FUNCTYPE(DWORD, DWORD, DWORD, wintypes.LPVOID, wintypes.LPVOID)
SERVICE_STATUS_HANDLE = wintypes.HANDLE


class SERVICE_STATUS(ctypes.Structure):  # noqa: N801 - the Windows name
    _fields_ = (
        ("dwServiceType", DWORD),
        ("dwCurrentState", DWORD),
        ("dwControlsAccepted", DWORD),
        ("dwWin32ExitCode", DWORD),
        ("dwServiceSpecificExitCode", DWORD),
        ("dwCheckPoint", DWORD),
        ("dwWaitHint", DWORD),
    )


class SERVICE_TABLE_ENTRYW(ctypes.Structure):  # noqa: N801 - the Windows name
    _fields_ = (
        ("lpServiceName", wintypes.LPWSTR),
        ("lpServiceProc", SERVICE_MAIN_FUNCTIONW),
    )


def declare(advapi32: Any) -> Any:
    """Give advapi32's three service functions their C signatures; `advapi32` back."""
    advapi32.StartServiceCtrlDispatcherW.argtypes = (ctypes.POINTER(SERVICE_TABLE_ENTRYW),)
    advapi32.StartServiceCtrlDispatcherW.restype = BOOL
    advapi32.RegisterServiceCtrlHandlerExW.argtypes = (
        wintypes.LPCWSTR,
        HANDLER_FUNCTION_EX,
        wintypes.LPVOID,
    )
    advapi32.RegisterServiceCtrlHandlerExW.restype = SERVICE_STATUS_HANDLE
    advapi32.SetServiceStatus.argtypes = (SERVICE_STATUS_HANDLE, ctypes.POINTER(SERVICE_STATUS))
    advapi32.SetServiceStatus.restype = BOOL
    return advapi32


def to_struct(status: Status) -> SERVICE_STATUS:
    return SERVICE_STATUS(
        status.service_type,
        int(status.state),
        int(status.accepted),
        status.win32_exit_code,
        status.service_exit_code,
        status.checkpoint,
        status.wait_hint_ms,
    )


def _last_error() -> int:
    return int(getattr(ctypes, "get_last_error", lambda: 0)())


class Win32Scm:
    """`ScmApi` over advapi32; `advapi32` and `last_error` are given by tests."""

    def __init__(
        self, advapi32: Any | None = None, last_error: Callable[[], int] = _last_error
    ) -> None:
        if advapi32 is None:
            if sys.platform != "win32":
                raise OSError("the Service Control Manager exists on Windows only")
            advapi32 = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined, unused-ignore]
        self._advapi32 = declare(advapi32)
        self._last_error = last_error
        self._handle: int | None = None
        self._keep: list[object] = []  # callbacks and the table, alive while the SCM holds them

    def dispatch(self, name: str, service_main: Callable[[], None]) -> None:
        def main(argc: int, argv: object) -> None:
            service_main()

        proc = SERVICE_MAIN_FUNCTIONW(main)
        table = (SERVICE_TABLE_ENTRYW * 2)(
            SERVICE_TABLE_ENTRYW(name, proc), SERVICE_TABLE_ENTRYW(None, SERVICE_MAIN_FUNCTIONW())
        )
        self._keep += [proc, table]
        if not self._advapi32.StartServiceCtrlDispatcherW(table):
            raise ScmError("StartServiceCtrlDispatcherW", self._last_error())

    def register(self, name: str, handler: Callable[[int], int]) -> None:
        def handler_ex(control: int, event_type: int, event_data: int, context: int) -> int:
            return handler(control)

        callback = HANDLER_FUNCTION_EX(handler_ex)
        self._keep.append(callback)
        handle = self._advapi32.RegisterServiceCtrlHandlerExW(name, callback, None)
        if not handle:
            raise ScmError("RegisterServiceCtrlHandlerExW", self._last_error())
        self._handle = handle

    def report(self, status: Status) -> None:
        if self._handle is None:
            raise ScmError("SetServiceStatus before RegisterServiceCtrlHandlerExW", 6)
        if not self._advapi32.SetServiceStatus(self._handle, ctypes.byref(to_struct(status))):
            raise ScmError("SetServiceStatus", self._last_error())
