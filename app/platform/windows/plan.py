"""A command plan: the argv of each step and why, run in order on Windows or printed anywhere."""

import logging
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Command:
    """One program to run, as argv (no shell), and what it is for, for the log and dry runs."""

    argv: tuple[str, ...]
    why: str
    may_fail: bool = False  # removal steps: a thing already gone is no failure

    def text(self) -> str:
        return subprocess.list2cmdline(self.argv)


def run_plan(
    plan: Sequence[Command],
    run: Callable[[Sequence[str]], int],
    say: Callable[[str], None] = print,
) -> list[Command]:
    """Run each step; the steps that failed (a step that may not fail stops the plan)."""
    failed = []
    for command in plan:
        say(f"+ {command.text()}  # {command.why}")
        if run(command.argv) != 0:
            failed.append(command)
            if not command.may_fail:
                break
    return failed


def dry_run(plan: Sequence[Command]) -> list[str]:
    return [f"{command.text()}  # {command.why}" for command in plan]


class Programs:
    """Runs argv with no window (the service has no console) and a time limit; a program
    that does not start or does not finish in time counts as a failure, never an exception."""

    def __init__(self, timeout: float = 60.0) -> None:
        self.timeout = timeout

    def output(self, argv: Sequence[str]) -> tuple[int, str]:
        """The exit code, and what it printed (or why it failed, for the log)."""
        try:
            done = subprocess.run(
                argv,
                capture_output=True,
                text=True,
                errors="replace",
                timeout=self.timeout,
                check=False,
                creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            return 1, str(error)
        return done.returncode, done.stdout if done.returncode == 0 else done.stderr

    def run(self, argv: Sequence[str]) -> int:
        code, said = self.output(argv)
        if code != 0:
            logger.warning("%s failed (exit code %s): %s", argv[0], code, said.strip()[-500:])
        return code
