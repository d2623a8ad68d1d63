"""What the service runs besides the proxy: its parts, ticked once a second, and IPC methods.

Each feature adds one line here: its methods to `register_methods`, its part to `parts`.
"""

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.service import api_core
from app.service.api import Api
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


def parts(context: ServiceContext) -> list[Part]:
    return []
