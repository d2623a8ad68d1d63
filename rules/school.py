"""A school lab's rules: the central document, lab defaults, and when exam mode is on."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from rules.policy import Mode, Policy

DEFAULT_EXAM_SITES = ("bilimland.kz",)
DEFAULT_POLL_MINUTES = 15


class SchoolError(ValueError):
    """A school document or update that cannot be put in force; the one line says why."""


class ExamSwitch(StrEnum):
    """The admin's exam switch: follow the exam timetable, or hold exam mode on or off."""

    AUTO = "auto"
    ON = "on"
    OFF = "off"


@dataclass(frozen=True, slots=True)
class ExamWindow:
    """One exam, in the PC's local time: start included, end excluded."""

    start: datetime
    end: datetime

    def __contains__(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


@dataclass(frozen=True, slots=True)
class ExamRules:
    """During an exam only `sites` open (e.g. bilimland.kz); `windows` is the exam timetable."""

    sites: tuple[str, ...] = DEFAULT_EXAM_SITES
    windows: tuple[ExamWindow, ...] = ()


@dataclass(frozen=True, slots=True)
class SchoolDocument:
    """What a school's IT signs and every lab PC enforces.

    `serial` grows with each new version, so an older signed document cannot be replayed.
    `lab_profile` is the pupil profile that every non-admin account of the PC gets.
    """

    serial: int
    policy: Policy
    lab_profile: str
    exam: ExamRules = ExamRules()
    poll_minutes: int = DEFAULT_POLL_MINUTES
    summary_share: str | None = None


def exam_active(exam: ExamRules, switch: ExamSwitch, now: datetime) -> bool:
    """Exam mode is on when the admin holds it on, or, left on auto, during a timetabled exam.

    Holding it off ends a timetabled exam early (an exam cancelled at short notice).
    """
    if switch is not ExamSwitch.AUTO:
        return switch is ExamSwitch.ON
    return any(now in window for window in exam.windows)


def lab_policy(policy: Policy, lab_profile: str) -> Policy:
    """A lab's defaults: school mode, and every account no child or group names is a pupil.

    Admin accounts stay unfiltered: the service never supervises them.
    """
    policy.child(lab_profile)  # LookupError if there is no such profile
    return replace(policy, mode=Mode.SCHOOL, default_profile=lab_profile)


def exam_policy(policy: Policy, sites: tuple[str, ...]) -> Policy:
    """Every profile whitelist-only with the exam sites as its only allow list.

    The deny list and the national list still apply; a site a teacher granted for an hour
    does not open during an exam, so grants are set aside.
    """
    children = tuple(
        replace(
            child,
            rules=replace(child.rules, whitelist_only=True, allow=sites, site_grants=()),
        )
        for child in policy.children
    )
    return replace(policy, children=children)


def effective_policy(document: SchoolDocument, switch: ExamSwitch, now: datetime) -> Policy:
    """The policy the PC enforces at `now`: the lab's, narrowed to the exam sites in an exam."""
    policy = lab_policy(document.policy, document.lab_profile)
    if exam_active(document.exam, switch, now):
        return exam_policy(policy, document.exam.sites)
    return policy


def check_serial(in_force: int | None, offered: int) -> bool:
    """Whether a verified document should replace the one in force (False: the same serial).

    An older serial is refused: a replayed old document would undo the school's changes.
    """
    if in_force is None or offered > in_force:
        return True
    if offered == in_force:
        return False
    raise SchoolError(
        f"the document's serial {offered} is older than the one in force ({in_force}); "
        "the policy in force stays"
    )


def poll_due(last_check: datetime | None, poll_minutes: int, now: datetime) -> bool:
    """Fetch the central policy `poll_minutes` after the last try, or after the clock went back."""
    if last_check is None or now < last_check:
        return True
    return now - last_check >= timedelta(minutes=poll_minutes)
