"""The monotonic clock, the notify-send fallback, and who may be supervised by pattern."""

import time
from datetime import datetime
from pathlib import Path

from app.platform.accounts import may_supervise
from app.platform.clock import monotonic, read_clock
from app.platform.notify import NotifySend
from tests.app.platform.childuser import CHILD, account, programs, wait_for


def test_the_clock_runs_through_sleep_and_reads_both_clocks() -> None:
    assert abs(monotonic() - time.clock_gettime(time.CLOCK_BOOTTIME)) < 1.0
    reading = read_clock()
    assert abs((reading.wall - datetime.now()).total_seconds()) < 1.0


def test_notify_send_runs_as_the_child_on_their_session_bus() -> None:
    child = account()
    with programs() as apps:
        shown = _notify_in(apps.folder)
    assert shown == (
        f"{CHILD}|unix:path=/run/user/{child.pw_uid}/bus|--app-name=Qorgan --urgency=normal"
        " Qorgan 5 минут қалды"
    )


def _notify_in(folder: Path) -> str:
    out = folder / "out"
    out.mkdir()
    out.chmod(0o777)
    script = folder / "notify-send"
    script.write_text(f'#!/bin/sh\necho "$(id -un)|$DBUS_SESSION_BUS_ADDRESS|$*" > {out}/shown\n')
    script.chmod(0o755)
    notifier = NotifySend(str(script))
    assert notifier.notify(CHILD, "Qorgan", "5 минут қалды")
    wait_for(lambda: (out / "shown").exists() and (out / "shown").read_text().endswith("\n"))
    return (out / "shown").read_text().strip()


def test_notify_send_missing_or_a_stranger_sends_nothing(tmp_path: Path) -> None:
    missing = NotifySend(command=None)
    missing.command = None
    assert not missing.notify(CHILD, "Qorgan", "hi")
    assert not NotifySend(str(tmp_path / "nothing")).notify("no-such-account-xyz", "t", "b")
    assert not NotifySend(str(tmp_path / "nothing")).notify(CHILD, "t", "b")  # cannot run


def test_only_people_who_do_not_administer_the_pc_may_be_supervised_by_pattern() -> None:
    child = account()
    assert not may_supervise(CHILD)  # a system account
    assert may_supervise(CHILD, first_uid=child.pw_uid)  # were its uid a person's
    assert not may_supervise("root", first_uid=0)
    assert not may_supervise("nobody", first_uid=0)
    assert not may_supervise("no-such-account-xyz")
