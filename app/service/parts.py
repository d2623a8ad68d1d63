"""What the service runs besides the proxy: its parts, ticked once a second, and IPC methods.

Each feature adds one line here: its methods to `register_methods`, its part to `parts`.
"""

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.school.part import SchoolPart
from app.service import (
    api_blockpage,
    api_console,
    api_core,
    api_firewall,
    api_lists,
    api_protection,
    api_reports,
    api_screentime,
)
from app.service.api import Api
from app.service.lists_part import ListUpdates
from app.service.reports_part import Reports
from app.service.screentime import ScreenTime
from app.store import Store
from rules.text import Language


@dataclass(frozen=True)
class ServiceContext:
    """What a part may use: the data folder, the service's own store, the mode and language."""

    data_dir: Path
    store: Store
    mode: str
    language: Language


class Part(Protocol):
    """A piece of the service loop: started once, ticked every second, stopped at the end."""

    def start(self) -> None: ...

    def tick(self) -> None:
        """Do a second's work; an exception is logged and the part is ticked again next time."""
        ...

    def stop(self) -> None: ...


def register_methods(api: Api, mode: str) -> None:
    api_core.register(api, mode)
    api_blockpage.register(api)
    api_console.register(api, mode)
    api_protection.register(api, mode)
    api_screentime.register(api)
    api_lists.register(api)
    api_reports.register(api)
    if sys.platform != "win32":  # Windows' rules deny only the web ports: nothing to open
        api_firewall.register(api)


def parts(context: ServiceContext) -> list[Part]:
    return [
        ScreenTime.for_service(context),
        Reports.for_service(context),
        ListUpdates.for_service(context),
        SchoolPart.for_service(context),
    ]
