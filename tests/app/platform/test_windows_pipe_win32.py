"""The named-pipe, token and account calls through ctypes: each function's signature, the x64
layout of the structures, and the calls themselves crossing ctypes (libffi) to C function
pointers that stand in for kernel32 and advapi32."""

import ctypes
import sys
from collections.abc import Callable
from ctypes import wintypes
from typing import Any

import pytest

from app.ipc.server import Peer
from app.platform.windows import pipe_win32
from app.platform.windows.pipe_win32 import (
    SECURITY_ATTRIBUTES,
    TOKEN_USER,
    Win32Accounts,
    Win32Error,
    Win32Pipes,
    pipe_sddl,
)
from app.platform.windows.scm_win32 import BOOL, DWORD

VOID_P = ctypes.c_void_p
PDWORD = ctypes.POINTER(DWORD)
SERVICE_SID = b"S-1-5-18"
CHILD_SID = b"S-1-5-21-1-2-3-1001"


def _set(pointer: Any, value: int) -> None:
    pointer[0] = value


class FakeWindows:
    """kernel32 and advapi32 as C function pointers calling Python. A SID here is its text
    in a buffer (ConvertSidToStringSidW reads it back), which is all the adapter needs."""

    def __init__(self) -> None:
        self.error = 0
        self.calls: list[tuple[object, ...]] = []
        self.incoming = [b"", b'{"v": 1, "id": 1, "method": "hello"}\n']
        self.written = b""
        self.freed: list[int] = []
        self._keep: list[object] = []
        self.sids = {
            1: ctypes.create_string_buffer(SERVICE_SID),
            2: ctypes.create_string_buffer(CHILD_SID),
        }
        self.kernel32, self.advapi32 = type("k", (), {})(), type("a", (), {})()
        k, a = self.kernel32, self.advapi32
        k.CreateNamedPipeW = self._c(
            VOID_P, (VOID_P, DWORD, DWORD, DWORD, DWORD, DWORD, DWORD, VOID_P), self.create
        )
        k.ConnectNamedPipe = self._c(BOOL, (VOID_P, VOID_P), self.connect)
        k.DisconnectNamedPipe = self._c(BOOL, (VOID_P,), self._record("disconnect"))
        k.FlushFileBuffers = self._c(BOOL, (VOID_P,), self._record("flush"))
        k.ReadFile = self._c(BOOL, (VOID_P, VOID_P, DWORD, PDWORD, VOID_P), self.read)
        k.WriteFile = self._c(BOOL, (VOID_P, VOID_P, DWORD, PDWORD, VOID_P), self.write)
        k.CloseHandle = self._c(BOOL, (VOID_P,), self._record("close"))
        k.GetNamedPipeClientProcessId = self._c(BOOL, (VOID_P, PDWORD), self.client_pid)
        k.OpenProcess = self._c(VOID_P, (DWORD, BOOL, DWORD), self.open_process)
        k.GetCurrentProcess = self._c(VOID_P, (), lambda: 0x1111)
        k.LocalFree = self._c(VOID_P, (VOID_P,), self.local_free)
        k.CreateFileW = self._c(
            VOID_P, (VOID_P, DWORD, DWORD, VOID_P, DWORD, DWORD, VOID_P), self.create_file
        )
        a.OpenProcessToken = self._c(BOOL, (VOID_P, DWORD, ctypes.POINTER(VOID_P)), self.open_token)
        a.GetTokenInformation = self._c(
            BOOL, (VOID_P, ctypes.c_int, VOID_P, DWORD, PDWORD), self.token_info
        )
        a.ConvertSidToStringSidW = self._c(BOOL, (VOID_P, ctypes.POINTER(VOID_P)), self.sid_to_text)
        a.LookupAccountSidW = self._c(
            BOOL, (VOID_P, VOID_P, VOID_P, PDWORD, VOID_P, PDWORD, PDWORD), self.sid_to_name
        )
        a.LookupAccountNameW = self._c(
            BOOL,
            (VOID_P, wintypes.LPCWSTR, VOID_P, PDWORD, VOID_P, PDWORD, PDWORD),
            self.name_to_sid,
        )
        a.ConvertStringSecurityDescriptorToSecurityDescriptorW = self._c(
            BOOL, (wintypes.LPCWSTR, DWORD, ctypes.POINTER(VOID_P), PDWORD), self.descriptor
        )  # fmt: skip

    @property
    def dlls(self) -> tuple[Any, Any]:
        return self.kernel32, self.advapi32

    def _c(
        self, restype: object, argtypes: tuple[object, ...], function: Callable[..., Any]
    ) -> Any:
        pointer = ctypes.CFUNCTYPE(restype, *argtypes)(function)
        self._keep.append(pointer)
        return pointer

    def _record(self, name: str) -> Callable[..., int]:
        def call(*args: object) -> int:
            self.calls.append((name, *args))
            return 1

        return call

    def create(self, name: int, open_mode: int, pipe_mode: int, *rest: Any) -> int:
        attributes = ctypes.cast(rest[-1], ctypes.POINTER(SECURITY_ATTRIBUTES)).contents
        self.calls.append(("create", ctypes.wstring_at(name), open_mode, pipe_mode, *rest[:-1],
                           attributes.nLength, attributes.lpSecurityDescriptor))  # fmt: skip
        return 0x500

    def connect(self, handle: int, overlapped: int | None) -> int:
        self.calls.append(("connect", handle, overlapped))
        self.error = 535  # the client opened it before ConnectNamedPipe: connected all the same
        return 0

    def read(self, handle: int, buffer: int, size: int, count: Any, overlapped: int | None) -> int:
        if not self.incoming:
            self.error = 109  # ERROR_BROKEN_PIPE: the client hung up
            return 0
        data = self.incoming.pop(0)[:size]
        ctypes.memmove(buffer, data, len(data))
        _set(count, len(data))
        return 1

    def write(self, handle: int, buffer: int, size: int, count: Any, overlapped: int | None) -> int:
        taken = min(size, 5)  # a short write: the adapter must write the rest
        self.written += ctypes.string_at(buffer, taken)
        _set(count, taken)
        return 1

    def client_pid(self, handle: int, pid: Any) -> int:
        _set(pid, 5151)
        return 1

    def open_process(self, access: int, inherit: int, pid: int) -> int:
        self.calls.append(("open_process", access, inherit, pid))
        return 0x600

    def open_token(self, process: int, access: int, token: Any) -> int:
        self.calls.append(("open_token", process, access))
        _set(token, 0x700 if process == 0x600 else 0x701)
        return 1

    def token_info(self, token: int, kind: int, buffer: int | None, size: int, needed: Any) -> int:
        _set(needed, ctypes.sizeof(TOKEN_USER) + 12)
        if not buffer or size < ctypes.sizeof(TOKEN_USER):
            self.error = 122
            return 0
        user = TOKEN_USER.from_address(buffer)
        user.User.Sid = ctypes.addressof(self.sids[2 if token == 0x700 else 1])
        return 1

    def sid_to_text(self, sid: int, text: Any) -> int:
        value = ctypes.create_unicode_buffer(ctypes.string_at(sid).decode())
        self._keep.append(value)
        _set(text, ctypes.addressof(value))
        return 1

    def local_free(self, pointer: int) -> None:
        self.freed.append(pointer)

    def sid_to_name(self, system: int | None, sid: int, name: int, size: Any, *rest: Any) -> int:
        text = {SERVICE_SID: "SYSTEM", CHILD_SID: "aruzhan"}[ctypes.string_at(sid)]
        assert size[0] > len(text)
        ctypes.memmove(
            name,
            ctypes.create_unicode_buffer(text),
            (len(text) + 1) * ctypes.sizeof(ctypes.c_wchar),
        )
        return 1

    def name_to_sid(self, *args: Any) -> int:
        _, account, sid, size, _, domain_size, _ = args
        if account != "aruzhan":
            self.error = 1332  # ERROR_NONE_MAPPED
            return 0
        if not sid:
            _set(size, 28)
            _set(domain_size, 8)
            self.error = 122
            return 0
        assert size[0] >= len(CHILD_SID) + 1
        ctypes.memmove(sid, CHILD_SID + b"\0", len(CHILD_SID) + 1)
        return 1

    def descriptor(self, sddl: str, revision: int, out: Any, size: Any) -> int:
        self.calls.append(("sddl", sddl, revision))
        _set(out, 0xABC0)
        return 1

    def create_file(self, name: int, access: int, *rest: Any) -> int:
        self.calls.append(("create_file", ctypes.wstring_at(name), access))
        return 0x900

    def last_error(self) -> int:
        return self.error


def test_the_structures_have_the_x64_layout() -> None:
    assert ctypes.sizeof(ctypes.c_void_p) == 8
    assert ctypes.sizeof(SECURITY_ATTRIBUTES) == 24
    assert SECURITY_ATTRIBUTES.lpSecurityDescriptor.offset == 8
    assert SECURITY_ATTRIBUTES.bInheritHandle.offset == 16
    assert ctypes.sizeof(TOKEN_USER) == 16
    assert ctypes.sizeof(DWORD) == ctypes.sizeof(BOOL) == 4


def test_declare_gives_every_function_its_signature() -> None:
    fake = FakeWindows()
    kernel32, advapi32 = pipe_win32.declare(*fake.dlls)
    functions = {**vars(kernel32), **vars(advapi32)}
    assert len(functions) == 18
    for name, function in functions.items():
        assert function.argtypes is not None and function.restype is not None, name
    assert kernel32.CreateNamedPipeW.restype is wintypes.HANDLE
    assert kernel32.CreateNamedPipeW.argtypes[-1] is ctypes.POINTER(SECURITY_ATTRIBUTES)
    assert len(kernel32.CreateNamedPipeW.argtypes) == 8
    assert kernel32.ReadFile.argtypes[2] is DWORD and kernel32.ReadFile.restype is BOOL
    assert kernel32.OpenProcess.argtypes == (DWORD, BOOL, DWORD)
    assert kernel32.GetCurrentProcess.argtypes == ()
    assert advapi32.GetTokenInformation.argtypes[1] is ctypes.c_int
    assert len(advapi32.LookupAccountSidW.argtypes) == 7
    assert len(advapi32.LookupAccountNameW.argtypes) == 7


def test_the_sddl_lets_users_connect_but_only_the_service_make_instances() -> None:
    sddl = pipe_sddl("S-1-5-18")
    assert sddl.startswith("D:P(D;;GA;;;NU)")  # protected, network logons denied first
    assert "(A;;0x12019b;;;IU)" in sddl  # interactive users: read and write, no new instance
    assert not 0x12019B & 0x4  # FILE_CREATE_PIPE_INSTANCE
    assert "(A;;GA;;;SY)" in sddl and "(A;;GA;;;S-1-5-18)" in sddl


def test_a_pipe_is_created_first_instance_local_only_with_the_descriptor() -> None:
    fake = FakeWindows()
    pipes = Win32Pipes(fake.dlls, fake.last_error)
    sddl = next(call for call in fake.calls if call[0] == "sddl")
    assert sddl[1] == pipe_sddl("S-1-5-18") and sddl[2] == 1  # the service's own SID in it
    assert pipes.create(r"\\.\pipe\qorgan", first=True) == 0x500
    pipes.create(r"\\.\pipe\qorgan", first=False)
    first, later = (call for call in fake.calls if call[0] == "create")
    assert first[1] == r"\\.\pipe\qorgan"
    assert first[2] == 0x3 | 0x0008_0000  # duplex, FILE_FLAG_FIRST_PIPE_INSTANCE
    assert later[2] == 0x3
    assert first[3] == 0x8  # byte mode, blocking, PIPE_REJECT_REMOTE_CLIENTS
    assert first[-2:] == (24, 0xABC0)  # SECURITY_ATTRIBUTES with the descriptor


def test_a_client_is_named_by_its_process_token_and_served_through_ctypes() -> None:
    fake = FakeWindows()
    pipes = Win32Pipes(fake.dlls, fake.last_error)
    handle = pipes.create(r"\\.\pipe\qorgan", first=True)
    pipes.accept(handle)  # ERROR_PIPE_CONNECTED counts as connected
    assert pipes.peer(handle) == Peer(5151, None, CHILD_SID.decode(), "aruzhan")
    assert ("open_process", 0x1000, 0, 5151) in fake.calls  # PROCESS_QUERY_LIMITED_INFORMATION
    assert ("open_token", 0x600, 0x8) in fake.calls  # TOKEN_QUERY
    assert len(fake.freed) == 2  # each SID string given back with LocalFree
    assert pipes.read(handle, 4096) == b'{"v": 1, "id": 1, "method": "hello"}\n'
    assert pipes.read(handle, 4096) == b""  # the client hung up
    pipes.write(handle, b"0123456789ab\n")
    assert fake.written == b"0123456789ab\n"
    pipes.close(handle)
    names = [call[0] for call in fake.calls]
    assert names[-3:] == ["flush", "disconnect", "close"]
    pipes.wake(r"\\.\pipe\qorgan")
    assert ("create_file", r"\\.\pipe\qorgan", 0xC000_0000) in fake.calls


def test_failures_carry_getlasterror() -> None:
    fake = FakeWindows()
    pipes = Win32Pipes(fake.dlls, fake.last_error)
    fake.kernel32.ConnectNamedPipe = fake._c(BOOL, (VOID_P, VOID_P), lambda h, o: 0)
    pipes._kernel32 = pipe_win32.declare(fake.kernel32, fake.advapi32)[0]
    fake.error = 232
    with pytest.raises(Win32Error) as raised:
        pipes.accept(0x500)
    assert raised.value.winerror == 232


def test_an_account_name_becomes_its_sid() -> None:
    fake = FakeWindows()
    accounts = Win32Accounts(fake.dlls, fake.last_error)
    assert accounts.sid_of("aruzhan") == CHILD_SID.decode()
    with pytest.raises(Win32Error, match="1332"):
        accounts.sid_of("nobody")


@pytest.mark.skipif(sys.platform == "win32", reason="about every other system")
def test_there_are_no_pipes_off_windows() -> None:
    with pytest.raises(OSError, match="Windows only"):
        Win32Pipes()
