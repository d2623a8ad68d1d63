"""The Windows service's talk with the Service Control Manager, behind a small interface.

What the SCM is told, in order: START_PENDING, RUNNING (accepting stop and shutdown)
once the service loop runs in its thread; on a stop or shutdown request STOP_PENDING,
again with a rising checkpoint every second while the loop winds down; then STOPPED.
A loop that returns non-zero or raises ends as STOPPED with ERROR_SERVICE_SPECIFIC_ERROR
and its code, which the SCM's failure actions (`sc failureflag 1`) answer with a restart.
The Windows calls themselves are app.platform.windows.scm_win32's (ctypes).
"""

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, IntFlag
from typing import Protocol

SERVICE_WIN32_OWN_PROCESS = 0x10
NO_ERROR = 0
ERROR_CALL_NOT_IMPLEMENTED = 120
ERROR_SERVICE_SPECIFIC_ERROR = 1066
ERROR_FAILED_SERVICE_CONTROLLER_CONNECT = 1063
START_WAIT_HINT_MS = 10_000
STOP_WAIT_HINT_MS = 20_000
CRASH_EXIT_CODE = 70  # the loop raised: EX_SOFTWARE

logger = logging.getLogger(__name__)


class State(IntEnum):
    STOPPED = 1
    START_PENDING = 2
    STOP_PENDING = 3
    RUNNING = 4


class Control(IntEnum):
    STOP = 1
    INTERROGATE = 4
    SHUTDOWN = 5
    PRESHUTDOWN = 0xF


class Accept(IntFlag):
    NONE = 0
    STOP = 1
    SHUTDOWN = 4


@dataclass(frozen=True, slots=True)
class Status:
    """One SERVICE_STATUS as handed to SetServiceStatus."""

    state: State
    accepted: Accept = Accept.NONE
    win32_exit_code: int = NO_ERROR
    service_exit_code: int = 0
    checkpoint: int = 0
    wait_hint_ms: int = 0
    service_type: int = SERVICE_WIN32_OWN_PROCESS


class ScmError(OSError):
    """A Service Control Manager call failed; `winerror` is GetLastError()'s code."""

    def __init__(self, call: str, winerror: int) -> None:
        super().__init__(f"{call} failed with Windows error {winerror}")
        self.call = call
        self.winerror = winerror


class ScmApi(Protocol):
    """The three SCM calls a service makes (StartServiceCtrlDispatcherW and its friends)."""

    def dispatch(self, name: str, service_main: Callable[[], None]) -> None:
        """Connect to the SCM and run `service_main` in its thread; returns when it stopped."""
        ...

    def register(self, name: str, handler: Callable[[int], int]) -> None:
        """Have `handler(control)` called for each control request (from the SCM's thread)."""
        ...

    def report(self, status: Status) -> None:
        """Tell the SCM the service's status."""
        ...


type Body = Callable[[threading.Event], int]


class WindowsService:
    """Runs `body(stop)` in a thread as the SCM's service; `stop` is set on a stop request."""

    def __init__(
        self,
        name: str,
        body: Body,
        api: ScmApi,
        *,
        checkpoint_every: float = 1.0,
        stop_wait_hint_ms: int = STOP_WAIT_HINT_MS,
    ) -> None:
        self.name = name
        self.body = body
        self.api = api
        self.stop = threading.Event()
        self.exit_code: int | None = None
        self._checkpoint_every = checkpoint_every
        self._stop_wait_hint_ms = stop_wait_hint_ms
        self._lock = threading.Lock()
        self._status = Status(State.START_PENDING, checkpoint=1, wait_hint_ms=START_WAIT_HINT_MS)

    def handle(self, control: int) -> int:
        """A control request: stop and shutdown set `stop`; interrogate repeats the status."""
        if control in (Control.STOP, Control.SHUTDOWN, Control.PRESHUTDOWN):
            logger.info("the Service Control Manager asks the service to stop (%d)", control)
            self.stop.set()
            return NO_ERROR
        if control == Control.INTERROGATE:
            with self._lock:
                self.api.report(self._status)
            return NO_ERROR
        return ERROR_CALL_NOT_IMPLEMENTED

    def _report(self, status: Status) -> None:
        with self._lock:
            self._status = status
            self.api.report(status)

    def service_main(self) -> None:
        """The service's main function, called by the SCM's dispatcher in a thread of its own."""
        self.api.register(self.name, self.handle)
        self._report(self._status)
        outcome: list[int] = []
        thread = threading.Thread(target=self._run_body, args=(outcome,), name="service-loop")
        thread.start()
        self._report(Status(State.RUNNING, Accept.STOP | Accept.SHUTDOWN))
        while thread.is_alive() and not self.stop.wait(self._checkpoint_every):
            pass
        checkpoint = 0
        while thread.is_alive():
            checkpoint += 1
            self._report(
                Status(
                    State.STOP_PENDING,
                    checkpoint=checkpoint,
                    wait_hint_ms=self._stop_wait_hint_ms,
                )
            )
            thread.join(self._checkpoint_every)
        code = outcome[0] if outcome else CRASH_EXIT_CODE
        self.exit_code = code
        if code == 0:
            self._report(Status(State.STOPPED))
        else:
            logger.error("the service loop ended with exit code %d", code)
            self._report(Status(State.STOPPED, win32_exit_code=ERROR_SERVICE_SPECIFIC_ERROR,
                                service_exit_code=code))  # fmt: skip

    def _run_body(self, outcome: list[int]) -> None:
        try:
            outcome.append(self.body(self.stop))
        except Exception:
            logger.exception("the service loop failed")


def run_as_service(name: str, body: Body, api: ScmApi) -> int:
    """Serve the SCM until the service stops: the loop's exit code, 2 if not started by the SCM."""
    service = WindowsService(name, body, api)
    try:
        api.dispatch(name, service.service_main)
    except ScmError as error:
        if error.winerror == ERROR_FAILED_SERVICE_CONTROLLER_CONNECT:
            logger.error("--service is for the Service Control Manager: use sc.exe start %s", name)
            return 2
        logger.error("%s", error)
        return 1
    return CRASH_EXIT_CODE if service.exit_code is None else service.exit_code
