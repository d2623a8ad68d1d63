"""Where Qorgan keeps its data and finds its assets on this PC."""

import os
import sys
from pathlib import Path

DATABASE_NAME = "qorgan.db"


def default_data_dir() -> Path:
    """$QORGAN_DATA_DIR, else the system's place for a service, else the user's data folder."""
    configured = os.environ.get("QORGAN_DATA_DIR")
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        return Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / "Qorgan"
    if os.geteuid() == 0:
        return Path("/var/lib/qorgan")
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg) / "qorgan"


def assets_dir() -> Path:
    """The `assets/` folder: beside the packages in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None:
        return Path(bundle) / "assets"
    return Path(__file__).resolve().parent.parent / "assets"


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def national_list_path(data_dir: Path) -> Path:
    return data_dir / "lists" / "national.json"


# The Windows service's named pipe; Qt's QLocalSocket takes the bare name.
PIPE_PREFIX = "\\\\.\\pipe\\"
PIPE_NAME = "qorgan"
PIPE_PATH = PIPE_PREFIX + PIPE_NAME


def socket_path(data_dir: Path, platform: str = sys.platform) -> Path:
    """The service's IPC socket: in the data folder, reachable only by its owner, in demo mode.

    On Windows, the service's named pipe instead (there are no Unix sockets to serve there).
    """
    if platform == "win32":
        return Path(PIPE_PATH)
    return data_dir / "run" / "qorgan.sock"


def is_pipe(address: Path | str) -> bool:
    """Whether an IPC address names a Windows named pipe rather than a Unix socket."""
    return str(address).casefold().startswith(PIPE_PREFIX)


def ipc_server_name(address: Path, platform: str = sys.platform) -> str:
    """What QLocalSocket connects to: the pipe's bare name on Windows, else the socket's path."""
    if platform == "win32" and is_pipe(address):
        return str(address)[len(PIPE_PREFIX) :]
    return str(address)


# The root service on Linux: its data (root only), its socket's folder, the proxy user's home.
SERVICE_DATA_DIR = Path("/var/lib/qorgan")
SERVICE_RUN_DIR = Path("/run/qorgan")
PROXY_HOME = Path("/var/lib/qorgan-proxy")


def service_socket_path(run_dir: Path = SERVICE_RUN_DIR) -> Path:
    """The root service's IPC socket: open to every account, in a folder only root can change."""
    return run_dir / "qorgan.sock"
