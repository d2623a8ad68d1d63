"""The desktop-notification fallback: `notify-send` in the child's session, when it is there."""

import logging
import os
import shutil
import subprocess
import sys
from typing import Protocol

if sys.platform != "win32":
    import pwd

logger = logging.getLogger(__name__)


class Notifier(Protocol):
    def notify(self, account: str, title: str, body: str) -> bool:
        """Show a notice on the account's desktop; False if it could not be sent."""
        ...


class NotifySend:
    """`notify-send` run as the child, on their session bus; nothing where it is missing."""

    def __init__(self, command: str | None = None) -> None:
        self.command = command if command is not None else shutil.which("notify-send")
        self._running: list[subprocess.Popen[bytes]] = []

    def arguments(self, title: str, body: str) -> list[str]:
        return [self.command or "notify-send", "--app-name=Qorgan", "--urgency=normal", title, body]

    def environment(self, uid: int) -> dict[str, str]:
        """What `notify-send` needs to find the child's desktop from a system service."""
        return {
            "PATH": os.environ.get("PATH", os.defpath),
            "DBUS_SESSION_BUS_ADDRESS": f"unix:path=/run/user/{uid}/bus",
            "XDG_RUNTIME_DIR": f"/run/user/{uid}",
        }

    def notify(self, account: str, title: str, body: str) -> bool:
        self._running = [process for process in self._running if process.poll() is None]
        if self.command is None or sys.platform == "win32":
            return False
        try:
            user = pwd.getpwnam(account)
        except KeyError:
            return False
        as_child: dict[str, object] = {}
        if os.geteuid() == 0 and user.pw_uid != 0:
            as_child = {"user": user.pw_uid, "group": user.pw_gid, "extra_groups": []}
        try:
            process = subprocess.Popen(
                self.arguments(title, body),
                env=self.environment(user.pw_uid),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                **as_child,  # type: ignore[call-overload]
            )
        except OSError as error:
            logger.warning("notify-send for %s failed: %s", account, error)
            return False
        self._running.append(process)
        return True
