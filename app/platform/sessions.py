"""The sessions adapter: which sessions a child has, and locking or ending them, on any OS."""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Session:
    """A login session: whose it is, and whether it is in front (active), locked or idle."""

    id: str
    account: str
    active: bool
    locked: bool = False
    idle: bool = False

    @property
    def counts(self) -> bool:
        """Screen time counts: the session is in front, unlocked and in use."""
        return self.active and not self.locked and not self.idle


class SessionError(RuntimeError):
    """The OS cannot say which sessions exist (no logind, no WTS); the message says why."""


class SessionAdapter(Protocol):
    """Sessions of every user, and the two things the service does to a child's session."""

    def sessions(self) -> list[Session]:
        """Every user session now; SessionError if the OS cannot tell."""
        ...

    def lock(self, session: Session) -> None:
        """Show the lock (or sign-in) screen; the child's apps keep running."""
        ...

    def log_out(self, session: Session) -> None:
        """End the session and its apps."""
        ...
