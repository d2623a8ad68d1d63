"""The trusted clock: time measured on a monotonic clock, so moving the PC's clock changes nothing.

Every poll reads two clocks: a monotonic one that keeps running while the PC sleeps (it
cannot be set) and the PC's local wall clock (the child may move it or change the time
zone). Elapsed time always comes from the monotonic clock. The local time the rules use
is the trusted time: the last trusted time plus the monotonic time since. A wall clock
that disagrees with it by `CLOCK_TOLERANCE` or more was moved: that is a clock change,
reported once, and the rules go on with the trusted time. Smaller differences are drift
(time synchronisation) and are followed. A gap of more than `SLEEP_POLLS` polls between
two polls means the PC slept (or the service was stopped): that time counts nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

CLOCK_TOLERANCE = 120.0  # seconds; a time zone change is 15 minutes or more
SLEEP_POLLS = 10
DEFAULT_POLL_SECONDS = 3.0


@dataclass(frozen=True, slots=True)
class Reading:
    """Both clocks at one poll: monotonic seconds (running through sleep) and local wall time."""

    monotonic: float
    wall: datetime


@dataclass(frozen=True, slots=True)
class ClockChange:
    """The PC's clock was moved by `shift` seconds (forward if positive) at trusted time `at`."""

    at: datetime
    shift: float
    wall: datetime


@dataclass(frozen=True, slots=True)
class Step:
    """What passed since the last poll: the trusted time now and the seconds that may count.

    `elapsed` is 0 after a sleep; `slept` says so.
    """

    now: datetime
    elapsed: float
    slept: bool = False
    change: ClockChange | None = None


@dataclass(frozen=True, slots=True)
class TrustedClock:
    """The trusted local time at the last poll; `offset` is how far the wall clock is off it."""

    monotonic: float
    now: datetime
    offset: float = 0.0
    poll_seconds: float = DEFAULT_POLL_SECONDS

    @classmethod
    def start(
        cls, reading: Reading, offset: float = 0.0, poll_seconds: float = DEFAULT_POLL_SECONDS
    ) -> "TrustedClock":
        """Begin at the wall clock, less an `offset` kept from before (a clock moved earlier)."""
        return cls(
            reading.monotonic, reading.wall - timedelta(seconds=offset), offset, poll_seconds
        )

    def advance(self, reading: Reading) -> tuple["TrustedClock", Step]:
        """The clock at `reading`, and the step from the last poll to it."""
        elapsed = max(0.0, reading.monotonic - self.monotonic)
        expected = self.now + timedelta(seconds=elapsed)
        wall_offset = (reading.wall - expected).total_seconds()
        change = None
        offset = self.offset
        if abs(wall_offset - offset) >= CLOCK_TOLERANCE:
            change = ClockChange(expected, wall_offset - offset, reading.wall)
            offset = wall_offset
            now = expected
        else:
            now = reading.wall - timedelta(seconds=offset)
        slept = elapsed > SLEEP_POLLS * self.poll_seconds
        clock = TrustedClock(reading.monotonic, now, offset, self.poll_seconds)
        return clock, Step(now, 0.0 if slept else elapsed, slept, change)

    def accept_wall_clock(self) -> "TrustedClock":
        """Trust the wall clock again from now on (a parent confirmed the change was theirs)."""
        wall = self.now + timedelta(seconds=self.offset)
        return TrustedClock(self.monotonic, wall, 0.0, self.poll_seconds)
