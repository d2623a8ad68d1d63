"""Named pipes, process tokens and account SIDs through ctypes (kernel32, advapi32, no pywin32).

`Win32Pipes` is the real `PipeApi` of app.ipc.windows_pipe: instances created with a
security descriptor that lets SYSTEM, Administrators and the service's own account do
anything, every interactive user read and write but never create an instance (0x12019b is
GENERIC_READ | GENERIC_WRITE without FILE_CREATE_PIPE_INSTANCE; the pipe driver masks that
bit out of a client's open, so Qt's GENERIC_READ | GENERIC_WRITE still opens it), and
network logons nothing; remote clients are rejected as well. A client is named by its
process (GetNamedPipeClientProcessId) and that process's token user. `Win32Accounts`
turns an account name into its SID (LookupAccountNameW). Every function is declared with
argtypes and restype (`declare`); DWORD and BOOL are 32-bit as on Windows.
"""

import ctypes
import sys
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

from app.ipc.server import Peer
from app.platform.windows.scm_win32 import BOOL, DWORD

PIPE_ACCESS_DUPLEX = 0x3
FILE_FLAG_FIRST_PIPE_INSTANCE = 0x0008_0000
PIPE_TYPE_BYTE = PIPE_READMODE_BYTE = PIPE_WAIT = 0
PIPE_REJECT_REMOTE_CLIENTS = 0x8
PIPE_UNLIMITED_INSTANCES = 255
BUFFER_SIZE = 64 * 1024
GENERIC_READ = 0x8000_0000
GENERIC_WRITE = 0x4000_0000
OPEN_EXISTING = 3
PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
TOKEN_QUERY = 0x8
TOKEN_USER_CLASS = 1  # TOKEN_INFORMATION_CLASS.TokenUser
SDDL_REVISION_1 = 1
NAME_CHARS = 256

ERROR_BROKEN_PIPE = 109
ERROR_INSUFFICIENT_BUFFER = 122
ERROR_PIPE_NOT_CONNECTED = 233
ERROR_PIPE_CONNECTED = 535

INVALID_HANDLE_VALUE = ctypes.c_void_p(-1).value
CLIENT_ACCESS = 0x0012_019B  # (FILE_GENERIC_READ | FILE_GENERIC_WRITE) & ~FILE_CREATE_PIPE_INSTANCE

HANDLE = wintypes.HANDLE
LPDWORD = ctypes.POINTER(DWORD)
PVOID_OUT = ctypes.POINTER(ctypes.c_void_p)


def pipe_sddl(own_sid: str) -> str:
    """The pipe's security descriptor: who may connect, and that only we make instances."""
    return f"D:P(D;;GA;;;NU)(A;;GA;;;SY)(A;;GA;;;BA)(A;;GA;;;{own_sid})(A;;{CLIENT_ACCESS:#x};;;IU)"


class SECURITY_ATTRIBUTES(ctypes.Structure):  # noqa: N801 - the Windows name
    _fields_ = (
        ("nLength", DWORD),
        ("lpSecurityDescriptor", ctypes.c_void_p),
        ("bInheritHandle", BOOL),
    )


class SID_AND_ATTRIBUTES(ctypes.Structure):  # noqa: N801 - the Windows name
    _fields_ = (("Sid", ctypes.c_void_p), ("Attributes", DWORD))


class TOKEN_USER(ctypes.Structure):  # noqa: N801 - the Windows name
    _fields_ = (("User", SID_AND_ATTRIBUTES),)


def _sign(function: Any, restype: object, *argtypes: object) -> None:
    function.argtypes = argtypes
    function.restype = restype


def declare(kernel32: Any, advapi32: Any) -> tuple[Any, Any]:
    """Give the pipe, process, token and SID functions their C signatures; both DLLs back."""
    k, a = kernel32, advapi32
    _sign(
        k.CreateNamedPipeW, HANDLE, wintypes.LPCWSTR, DWORD, DWORD, DWORD, DWORD, DWORD, DWORD,
        ctypes.POINTER(SECURITY_ATTRIBUTES),
    )  # fmt: skip
    _sign(k.ConnectNamedPipe, BOOL, HANDLE, ctypes.c_void_p)
    _sign(k.DisconnectNamedPipe, BOOL, HANDLE)
    _sign(k.FlushFileBuffers, BOOL, HANDLE)
    _sign(k.ReadFile, BOOL, HANDLE, ctypes.c_void_p, DWORD, LPDWORD, ctypes.c_void_p)
    _sign(k.WriteFile, BOOL, HANDLE, ctypes.c_void_p, DWORD, LPDWORD, ctypes.c_void_p)
    _sign(k.CloseHandle, BOOL, HANDLE)
    _sign(k.GetNamedPipeClientProcessId, BOOL, HANDLE, LPDWORD)
    _sign(k.OpenProcess, HANDLE, DWORD, BOOL, DWORD)
    _sign(k.GetCurrentProcess, HANDLE)
    _sign(k.LocalFree, ctypes.c_void_p, ctypes.c_void_p)
    _sign(
        k.CreateFileW, HANDLE, wintypes.LPCWSTR, DWORD, DWORD, ctypes.c_void_p, DWORD, DWORD,
        HANDLE,
    )  # fmt: skip
    _sign(a.OpenProcessToken, BOOL, HANDLE, DWORD, ctypes.POINTER(HANDLE))
    _sign(a.GetTokenInformation, BOOL, HANDLE, ctypes.c_int, ctypes.c_void_p, DWORD, LPDWORD)
    _sign(a.ConvertSidToStringSidW, BOOL, ctypes.c_void_p, PVOID_OUT)
    _sign(
        a.LookupAccountSidW, BOOL, wintypes.LPCWSTR, ctypes.c_void_p, wintypes.LPWSTR, LPDWORD,
        wintypes.LPWSTR, LPDWORD, LPDWORD,
    )  # fmt: skip
    _sign(
        a.LookupAccountNameW, BOOL, wintypes.LPCWSTR, wintypes.LPCWSTR, ctypes.c_void_p, LPDWORD,
        wintypes.LPWSTR, LPDWORD, LPDWORD,
    )  # fmt: skip
    _sign(
        a.ConvertStringSecurityDescriptorToSecurityDescriptorW, BOOL, wintypes.LPCWSTR, DWORD,
        PVOID_OUT, LPDWORD,
    )  # fmt: skip
    return k, a


class Win32Error(OSError):
    """A Windows call failed; `winerror` is GetLastError()'s code."""

    def __init__(self, call: str, winerror: int) -> None:
        super().__init__(f"{call} failed with Windows error {winerror}")
        self.call = call
        self.winerror = winerror


def _last_error() -> int:
    return int(getattr(ctypes, "get_last_error", lambda: 0)())


def _dlls() -> tuple[Any, Any]:
    if sys.platform != "win32":
        raise OSError("named pipes and tokens are Windows only")
    windll: Any = ctypes.WinDLL  # type: ignore[attr-defined, unused-ignore]
    return windll("kernel32", use_last_error=True), windll("advapi32", use_last_error=True)


class _Calls:
    """The declared DLLs, and the SID and token helpers the pipes and the accounts share."""

    def __init__(self, dlls: tuple[Any, Any] | None, last_error: Callable[[], int]) -> None:
        self.kernel32, self.advapi32 = declare(*(dlls or _dlls()))
        self.last_error = last_error

    def check(self, ok: object, call: str) -> None:
        if not ok:
            raise Win32Error(call, self.last_error())

    def sid_text(self, sid: int | None) -> str:
        text = ctypes.c_void_p()
        self.check(self.advapi32.ConvertSidToStringSidW(sid, ctypes.byref(text)), "ConvertSid")
        try:
            return ctypes.wstring_at(text.value or 0)
        finally:
            self.kernel32.LocalFree(text)

    def account_name(self, sid: int | None) -> str:
        name, domain = ctypes.create_unicode_buffer(NAME_CHARS), ctypes.create_unicode_buffer(256)
        sizes = DWORD(NAME_CHARS), DWORD(256)
        use = DWORD()
        ok = self.advapi32.LookupAccountSidW(
            None, sid, name, ctypes.byref(sizes[0]), domain, ctypes.byref(sizes[1]),
            ctypes.byref(use),
        )  # fmt: skip
        self.check(ok, "LookupAccountSidW")
        return name.value

    def token_user(self, process: int | None) -> Peer:
        token = HANDLE()
        ok = self.advapi32.OpenProcessToken(process, TOKEN_QUERY, ctypes.byref(token))
        self.check(ok, "OpenProcessToken")
        try:
            size = DWORD()
            self.advapi32.GetTokenInformation(token, TOKEN_USER_CLASS, None, 0, ctypes.byref(size))
            buffer = ctypes.create_string_buffer(max(size.value, ctypes.sizeof(TOKEN_USER)))
            ok = self.advapi32.GetTokenInformation(
                token, TOKEN_USER_CLASS, buffer, len(buffer), ctypes.byref(size)
            )
            self.check(ok, "GetTokenInformation")
            sid = TOKEN_USER.from_buffer(buffer).User.Sid
            return Peer(None, None, self.sid_text(sid), self.account_name(sid))
        finally:
            self.kernel32.CloseHandle(token)


class Win32Pipes:
    """`PipeApi` over kernel32 and advapi32; the DLLs and `last_error` are given by tests."""

    def __init__(
        self, dlls: tuple[Any, Any] | None = None, last_error: Callable[[], int] = _last_error
    ) -> None:
        self._calls = _Calls(dlls, last_error)
        self._kernel32 = self._calls.kernel32
        own = self._calls.token_user(self._kernel32.GetCurrentProcess()).sid
        descriptor = ctypes.c_void_p()
        ok = self._calls.advapi32.ConvertStringSecurityDescriptorToSecurityDescriptorW(
            pipe_sddl(own or "SY"), SDDL_REVISION_1, ctypes.byref(descriptor), None
        )
        self._calls.check(ok, "ConvertStringSecurityDescriptorToSecurityDescriptorW")
        self._descriptor = descriptor  # kept for every instance, for the process's life
        self._attributes = SECURITY_ATTRIBUTES(
            ctypes.sizeof(SECURITY_ATTRIBUTES), descriptor.value, False
        )

    def create(self, name: str, first: bool) -> int:
        open_mode = PIPE_ACCESS_DUPLEX | (FILE_FLAG_FIRST_PIPE_INSTANCE if first else 0)
        pipe_mode = PIPE_TYPE_BYTE | PIPE_READMODE_BYTE | PIPE_WAIT | PIPE_REJECT_REMOTE_CLIENTS
        handle = self._kernel32.CreateNamedPipeW(
            name, open_mode, pipe_mode, PIPE_UNLIMITED_INSTANCES, BUFFER_SIZE, BUFFER_SIZE, 0,
            ctypes.byref(self._attributes),
        )  # fmt: skip
        if handle is None or handle == INVALID_HANDLE_VALUE:
            raise Win32Error("CreateNamedPipeW", self._calls.last_error())
        return int(handle)

    def accept(self, handle: int) -> None:
        if not self._kernel32.ConnectNamedPipe(handle, None):
            error = self._calls.last_error()
            if error != ERROR_PIPE_CONNECTED:  # a client that opened it first is connected
                raise Win32Error("ConnectNamedPipe", error)

    def peer(self, handle: int) -> Peer:
        pid = DWORD()
        ok = self._kernel32.GetNamedPipeClientProcessId(handle, ctypes.byref(pid))
        self._calls.check(ok, "GetNamedPipeClientProcessId")
        process = self._kernel32.OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, False, pid.value)
        self._calls.check(process, "OpenProcess")
        try:
            user = self._calls.token_user(process)
        finally:
            self._kernel32.CloseHandle(process)
        return Peer(pid.value, None, user.sid, user.account)

    def read(self, handle: int, size: int) -> bytes:
        buffer = ctypes.create_string_buffer(size)
        count = DWORD()
        while True:
            if not self._kernel32.ReadFile(handle, buffer, size, ctypes.byref(count), None):
                error = self._calls.last_error()
                if error in (ERROR_BROKEN_PIPE, ERROR_PIPE_NOT_CONNECTED):
                    return b""
                raise Win32Error("ReadFile", error)
            if count.value:  # a client's zero-byte write is no end of the conversation
                return buffer.raw[: count.value]

    def write(self, handle: int, data: bytes) -> None:
        written = DWORD()
        while data:
            ok = self._kernel32.WriteFile(handle, data, len(data), ctypes.byref(written), None)
            self._calls.check(ok, "WriteFile")
            data = data[written.value :]

    def close(self, handle: int) -> None:
        self._kernel32.FlushFileBuffers(handle)
        self._kernel32.DisconnectNamedPipe(handle)
        self._calls.check(self._kernel32.CloseHandle(handle), "CloseHandle")

    def wake(self, name: str) -> None:
        handle = self._kernel32.CreateFileW(
            name, GENERIC_READ | GENERIC_WRITE, 0, None, OPEN_EXISTING, 0, None
        )
        if handle is None or handle == INVALID_HANDLE_VALUE:
            raise Win32Error("CreateFileW", self._calls.last_error())
        self._kernel32.CloseHandle(handle)


class Win32Accounts:
    """An account name's SID (LookupAccountNameW), as the registry's HKU\\<SID> names it."""

    def __init__(
        self, dlls: tuple[Any, Any] | None = None, last_error: Callable[[], int] = _last_error
    ) -> None:
        self._calls = _Calls(dlls, last_error)

    def sid_of(self, account: str) -> str:
        """The account's SID; Win32Error (1332, ERROR_NONE_MAPPED) if there is no such one."""
        sizes = DWORD(0), DWORD(0)
        use = DWORD()
        lookup = self._calls.advapi32.LookupAccountNameW
        if not lookup(
            None, account, None, ctypes.byref(sizes[0]), None, ctypes.byref(sizes[1]),
            ctypes.byref(use),
        ):  # fmt: skip
            error = self._calls.last_error()
            if error != ERROR_INSUFFICIENT_BUFFER:
                raise Win32Error("LookupAccountNameW", error)
        sid = ctypes.create_string_buffer(max(sizes[0].value, 1))
        domain = ctypes.create_unicode_buffer(max(sizes[1].value, 1))
        ok = lookup(
            None, account, sid, ctypes.byref(sizes[0]), domain, ctypes.byref(sizes[1]),
            ctypes.byref(use),
        )  # fmt: skip
        self._calls.check(ok, "LookupAccountNameW")
        return self._calls.sid_text(ctypes.addressof(sid))
