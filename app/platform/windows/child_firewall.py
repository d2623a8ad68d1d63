"""The service keeps each supervised account's firewall rules in force (firewall.py's rules).

At start, whenever the supervised accounts change, and every half minute, it lists
Qorgan's rules and adds or removes only the difference: a new child's rules go in, a rule
someone removed, disabled or turned into an allow rule is put back (an alert for the
parent), and the rules of an account no longer supervised go. Each result is recorded in
the protection health the console shows; a failure is tried again ten seconds later. The
rules stay when the service stops, so a stopped service leaves the child's web refused.
"""

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from app.platform.windows import firewall
from app.platform.windows.plan import run_plan
from app.platform.windows.registry import SID_PATTERN

# Each look starts PowerShell (about a second of CPU), so not every few seconds as on Linux.
CHECK_EVERY = 30.0
RETRY_EVERY = 10.0
APPLIED, FAILED = "applied", "failed"  # the states api_protection.health reads
BACKEND = "windows-firewall"

logger = logging.getLogger(__name__)


class ProgramRunner(Protocol):
    """How commands run: plan.Programs on Windows, a fake firewall in tests."""

    def output(self, argv: Sequence[str]) -> tuple[int, str]: ...

    def run(self, argv: Sequence[str]) -> int: ...


class Recorder(Protocol):
    """The protection record (app.service.api_protection.ProtectionRecord)."""

    def firewall(
        self, state: str, accounts: int, error: str | None = None, backend: str | None = None
    ) -> None: ...

    def firewall_repaired(self, what: str) -> None: ...


class ChildFirewall:
    """Qorgan's firewall rules for exactly the supervised accounts (ticked by the service)."""

    def __init__(
        self,
        programs: ProgramRunner,
        record: Recorder,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._programs = programs
        self._record = record
        self._clock = clock
        self._children: dict[str, str] | None = None  # SID -> account, as last applied
        self._in_force: set[str] = set()  # SIDs whose rules were last seen in force
        self._due = 0.0

    def tick(self, children: Mapping[str, str]) -> None:
        """Follow the supervised accounts (SID -> account); look again when due."""
        children = dict(children)
        if children != self._children or self._clock() >= self._due:
            self.sync(children)

    def sync(self, children: dict[str, str]) -> bool:
        """List the rules, apply the difference, record the outcome; whether they are in force."""
        self._children = children
        people = {sid: account for sid, account in children.items() if SID_PATTERN.fullmatch(sid)}
        try:
            error = self._apply(people)
        except OSError as failure:  # the fakes' and a broken system's way of failing
            error = str(failure)
        if not error and len(people) < len(children):
            strange = sorted(set(children) - set(people))
            error = f"not a person's account, cannot be given a rule: {', '.join(strange)}"
        if error:
            logger.error("firewall rules not in force: %s", error)
            self._record.firewall(FAILED, len(children), error, backend=BACKEND)
            self._in_force = set()
            self._due = self._clock() + RETRY_EVERY
            return False
        self._record.firewall(APPLIED, len(children), backend=BACKEND)
        self._due = self._clock() + CHECK_EVERY
        return True

    def _apply(self, children: dict[str, str]) -> str | None:
        code, listed = self._programs.output(firewall.list_rules().argv)
        if code != 0:
            said = listed.strip()[:300]
            return f"the firewall rules could not be listed (exit code {code}): {said}"
        present = firewall.parse_rules(listed)
        plan = firewall.sync_plan(children, present)
        lost = sorted(
            sid
            for sid in self._in_force & set(children)
            if any(present.get(name) != firewall.IN_FORCE for name in firewall.rule_names(sid))
        )
        if plan:
            failed = run_plan(plan, self._programs.run, say=logger.info)
            stopped = [command for command in failed if not command.may_fail]
            if stopped:
                return f"{stopped[0].why}: the rule could not be added"
        self._in_force = set(children)
        if lost:
            logger.warning("firewall rules of %s were removed or changed; put back", lost)
            who = ", ".join(children[sid] for sid in lost)
            self._record.firewall_repaired(f"missing the rules of {who}")
        return None
