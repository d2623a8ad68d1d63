"""Where Qorgan lives on Windows: Program Files for the bundles, ProgramData for the data."""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PureWindowsPath

SERVICE_NAME = "QorganService"


@dataclass(frozen=True, slots=True)
class WindowsPaths:
    program_dir: PureWindowsPath
    data_dir: PureWindowsPath

    @property
    def service_exe(self) -> PureWindowsPath:
        return self.program_dir / "service" / "qorgan-service.exe"

    @property
    def tray_exe(self) -> PureWindowsPath:
        return self.program_dir / "gui" / "qorgan-tray.exe"

    @property
    def console_exe(self) -> PureWindowsPath:
        return self.program_dir / "gui" / "qorgan-console.exe"

    @property
    def ca_cert(self) -> PureWindowsPath:
        """The CA's certificate (never its key), as the service exports it for certutil."""
        return self.data_dir / "mitmproxy" / "mitmproxy-ca-cert.cer"


def windows_paths(environment: Mapping[str, str]) -> WindowsPaths:
    """From %ProgramW6432% (64-bit Program Files even in a 32-bit process) and %ProgramData%."""
    programs = (
        environment.get("ProgramW6432") or environment.get("ProgramFiles") or r"C:\Program Files"
    )
    data = environment.get("ProgramData") or r"C:\ProgramData"
    return WindowsPaths(PureWindowsPath(programs) / "Qorgan", PureWindowsPath(data) / "Qorgan")
