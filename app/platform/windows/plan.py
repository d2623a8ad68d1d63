"""A command plan: the argv of each step and why, run in order on Windows or printed anywhere."""

import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass


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
