"""The adapters this OS gets: logind on Linux, WTS on Windows."""

import sys

from app.platform.logind import LogindSessions
from app.platform.sessions import SessionAdapter
from app.platform.wts import CtypesWts, WtsSessions


def session_adapter() -> SessionAdapter:
    """logind (`loginctl`) on Linux, WTS on Windows."""
    if sys.platform == "win32":
        return WtsSessions(CtypesWts())
    return LogindSessions()
