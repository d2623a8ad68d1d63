"""The service's two clocks: a monotonic one that runs through sleep, and local wall time."""

import ctypes
import sys
import time
from datetime import datetime

from rules.screentime_clock import Reading


def monotonic() -> float:
    """Seconds on a clock no one can set that keeps running while the PC sleeps.

    Linux's CLOCK_BOOTTIME counts suspended time (CLOCK_MONOTONIC does not); Windows'
    GetTickCount64 counts it too. A sleep then shows as a gap between two polls.
    """
    if sys.platform == "linux":
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "win32":
        ticks = ctypes.windll.kernel32.GetTickCount64
        ticks.restype = ctypes.c_uint64
        return float(ticks()) / 1000.0
    return time.monotonic()


def read_clock() -> Reading:
    """Both clocks now."""
    return Reading(monotonic(), datetime.now())
