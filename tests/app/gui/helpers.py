"""Waiting for IPC answers in GUI tests without missing a signal that came early."""

from dataclasses import dataclass, field

from pytestqt.qtbot import QtBot

from app.gui.qtipc import PendingCall
from rules.ipc import IpcError, JsonValue, Request


@dataclass
class Tracked:
    """A call's outcome, recorded from the moment the call was made."""

    request: Request
    done: bool = False
    result: JsonValue = None
    error: IpcError | None = None
    order: list[str] = field(default_factory=list)


def track(pending: PendingCall) -> Tracked:
    tracked = Tracked(pending.request)

    def succeeded(result: JsonValue) -> None:
        tracked.done, tracked.result = True, result

    def failed(error: IpcError) -> None:
        tracked.done, tracked.error = True, error

    pending.succeeded.connect(succeeded)
    pending.failed.connect(failed)
    return tracked


def result_of(qtbot: QtBot, tracked: Tracked) -> JsonValue:
    qtbot.waitUntil(lambda: tracked.done, timeout=5000)
    assert tracked.error is None, tracked.error
    return tracked.result


def error_of(qtbot: QtBot, tracked: Tracked) -> IpcError:
    qtbot.waitUntil(lambda: tracked.done, timeout=5000)
    assert tracked.error is not None, f"expected a failure, got {tracked.result!r}"
    return tracked.error
