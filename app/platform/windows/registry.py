"""reg.exe steps: values under HKLM and under a child's own hive (HKU\\<SID>)."""

import re
from dataclasses import dataclass
from enum import StrEnum

from app.platform.windows.plan import Command

SID_PATTERN = re.compile(r"S-1-5-21(-\d+){3,4}")  # a local or domain person's account


class RegType(StrEnum):
    DWORD = "REG_DWORD"
    SZ = "REG_SZ"


@dataclass(frozen=True, slots=True)
class RegValue:
    key: str
    name: str
    kind: RegType
    data: str | int

    def add(self, why: str) -> Command:
        argv = ("reg.exe", "add", self.key, "/v", self.name, "/t", self.kind.value)
        return Command((*argv, "/d", str(self.data), "/f"), why)

    def delete(self, why: str) -> Command:
        return Command(("reg.exe", "delete", self.key, "/v", self.name, "/f"), why, may_fail=True)


def user_key(sid: str, path: str) -> str:
    """A key in one account's hive; ValueError for anything but a person's SID."""
    if not SID_PATTERN.fullmatch(sid):
        raise ValueError(f"{sid!r} is not the SID of a person's account (S-1-5-21-...)")
    return rf"HKU\{sid}\{path}"
