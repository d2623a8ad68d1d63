"""Sessions on Linux through logind's `loginctl`: list, Active/LockedHint/IdleHint, lock, end."""

import logging
import shutil
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from app.platform.sessions import Session, SessionError

PROPERTIES = ("Id", "Name", "Active", "LockedHint", "IdleHint", "Class", "State")
# logind rewrites a file here whenever a session starts or ends: the list is read again then.
SESSIONS_DIR = Path("/run/systemd/sessions")

logger = logging.getLogger(__name__)

type Runner = Callable[[Sequence[str]], str]


def parse_listing(text: str) -> list[str]:
    """Session ids from `loginctl list-sessions --no-legend` (the first column)."""
    return [line.split()[0] for line in text.splitlines() if line.strip()]


def parse_properties(text: str) -> list[dict[str, str]]:
    """`show-session` blocks (`Key=value` lines, a blank line between sessions) as dicts."""
    blocks: list[dict[str, str]] = []
    current: dict[str, str] = {}
    for line in [*text.splitlines(), ""]:
        key, equals, value = line.strip().partition("=")
        if equals and key not in current:
            current[key] = value
            continue
        if current:
            blocks.append(current)
        current = {key: value} if equals else {}
    return blocks


def session_of(properties: dict[str, str]) -> Session | None:
    """A user's session from its properties; None for greeters, lock screens and closing ones."""
    if properties.get("Class", "user") != "user" or properties.get("State") == "closing":
        return None
    if not properties.get("Id") or not properties.get("Name"):
        return None
    return Session(
        id=properties["Id"],
        account=properties["Name"],
        active=properties.get("Active") == "yes",
        locked=properties.get("LockedHint") == "yes",
        idle=properties.get("IdleHint") == "yes",
    )


class LogindSessions:
    """The sessions adapter on logind, through the `loginctl` program."""

    def __init__(
        self,
        loginctl: str | None = None,
        sessions_dir: Path | None = SESSIONS_DIR,
        timeout: float = 5.0,
    ) -> None:
        self.loginctl = loginctl or shutil.which("loginctl") or "loginctl"
        self.sessions_dir = sessions_dir
        self.timeout = timeout
        self._ids: list[str] | None = None
        self._stamp: int | None = None

    def _run(self, *arguments: str) -> str:
        command = [self.loginctl, "--no-pager", *arguments]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=self.timeout, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise SessionError(f"{' '.join(command)}: {error}") from None
        if done.returncode != 0:
            why = (done.stderr or done.stdout).strip().splitlines()
            reason = why[-1] if why else f"exit status {done.returncode}"
            raise SessionError(f"{' '.join(command)}: {reason}")
        return done.stdout

    def _session_ids(self) -> list[str]:
        """The ids, listed again only when logind's session folder changed (or cannot be seen)."""
        try:
            stamp = None if self.sessions_dir is None else self.sessions_dir.stat().st_mtime_ns
        except OSError:
            stamp = None
        if self._ids is None or stamp is None or stamp != self._stamp:
            self._ids = parse_listing(self._run("list-sessions", "--no-legend"))
            self._stamp = stamp
        return self._ids

    def sessions(self) -> list[Session]:
        ids = self._session_ids()
        if not ids:
            return []
        wanted = [f"--property={name}" for name in PROPERTIES]
        try:
            shown = self._run("show-session", *wanted, *ids)
        except SessionError:
            self._ids = None  # a session ended between the two calls: list again next time
            raise
        found = (session_of(block) for block in parse_properties(shown))
        return [session for session in found if session is not None]

    def lock(self, session: Session) -> None:
        logger.info("locking session %s of %s", session.id, session.account)
        self._run("lock-session", session.id)

    def log_out(self, session: Session) -> None:
        logger.info("ending session %s of %s", session.id, session.account)
        self._run("terminate-session", session.id)
