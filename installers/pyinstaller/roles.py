"""Which program a frozen executable is: each bundle has one entry script, named by its file."""

from pathlib import Path

SERVICE_ROLES = {"qorgan-service": "service", "qorgan": "cli", "mitmdump": "mitmdump"}
GUI_ROLES = {"qorgan-console": "console", "qorgan-tray": "tray", "qorgan-render": "render"}


def role(executable: str, roles: dict[str, str], default: str) -> str:
    """`qorgan-service.exe` and `/opt/qorgan/service/qorgan-service` are both the service."""
    name = Path(executable.replace("\\", "/")).name.lower().removesuffix(".exe")
    return roles.get(name, default)
