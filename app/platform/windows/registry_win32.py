"""The registry through winreg (Windows' own module): the real `Registry` of proxy_ports.py.

Keys are written as the plans write them for reg.exe (`HKU\\<SID>\\...`, `HKLM\\...`), so
a value means the same thing whether the installer or the service sets it.
"""

import importlib
import sys
from typing import Any

from app.platform.windows.registry import RegType, RegValue

ROOTS = {"HKU": "HKEY_USERS", "HKLM": "HKEY_LOCAL_MACHINE"}


def split_key(key: str) -> tuple[str, str]:
    """`HKU\\S-1-5-21-...\\Software\\...` -> ("HKEY_USERS", "S-1-5-21-...\\Software\\...")."""
    root, _, path = key.partition("\\")
    if root not in ROOTS or not path:
        raise ValueError(f"{key!r} is not under HKU or HKLM")
    return ROOTS[root], path


class WinRegistry:
    """HKU and HKLM values; `winreg` is given by tests, else Windows' own."""

    def __init__(self, winreg: Any | None = None) -> None:
        if winreg is None:
            if sys.platform != "win32":
                raise OSError("the registry is Windows only")
            winreg = importlib.import_module("winreg")
        self._winreg = winreg

    def _root(self, key: str) -> tuple[Any, str]:
        root, path = split_key(key)
        return getattr(self._winreg, root), path

    def loaded(self, sid: str) -> bool:
        try:
            self._winreg.OpenKey(self._winreg.HKEY_USERS, sid).Close()
        except FileNotFoundError:
            return False
        return True

    def read(self, key: str, name: str) -> str | int | None:
        root, path = self._root(key)
        try:
            with self._winreg.OpenKey(root, path) as opened:
                data, _ = self._winreg.QueryValueEx(opened, name)
        except FileNotFoundError:
            return None
        return data if isinstance(data, str | int) else None

    def write(self, value: RegValue) -> None:
        root, path = self._root(value.key)
        kind = self._winreg.REG_DWORD if value.kind is RegType.DWORD else self._winreg.REG_SZ
        with self._winreg.CreateKeyEx(root, path, 0, self._winreg.KEY_SET_VALUE) as opened:
            self._winreg.SetValueEx(opened, value.name, 0, kind, value.data)

    def delete(self, key: str, name: str) -> None:
        root, path = self._root(key)
        try:
            with self._winreg.OpenKey(root, path, 0, self._winreg.KEY_SET_VALUE) as opened:
                self._winreg.DeleteValue(opened, name)
        except FileNotFoundError:
            return
