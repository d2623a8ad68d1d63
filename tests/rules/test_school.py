"""School rules: lab defaults, exam mode by timetable or by the admin, serials, polling."""

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest

from rules.ageclass import AgeClass
from rules.decide import ChildFilter
from rules.decision import Step
from rules.policy import ChildProfile, ChildRules, Mode, Policy, SchoolGroup, SiteGrant
from rules.policy_io import policy_to_dict
from rules.school import (
    ExamRules,
    ExamSwitch,
    ExamWindow,
    SchoolDocument,
    SchoolError,
    check_serial,
    effective_policy,
    exam_active,
    exam_policy,
    lab_policy,
    poll_due,
)
from rules.school_io import FORMAT_KEY, school_from_dict, school_to_dict
from rules.validation import PolicyError
from tests.rules.factories import MONDAY_NOON, at, decide

PUPIL = ChildProfile(
    "Pupil",
    AgeClass.TWELVE,
    rules=ChildRules(
        allow=("wikipedia.org",),
        deny=("bilimland.kz/forum",),
        site_grants=(SiteGrant("games.test", MONDAY_NOON + timedelta(hours=1), MONDAY_NOON),),
    ),
)
TEACHER_DEMO = ChildProfile("Demo", AgeClass.SIXTEEN, accounts=("demo",))
POLICY = Policy(children=(PUPIL, TEACHER_DEMO), groups=(SchoolGroup("7A", "Pupil", ("pupil7a*",)),))
EXAM = ExamWindow(at(0, 9), at(0, 11))
DOCUMENT = SchoolDocument(
    serial=3,
    policy=POLICY,
    lab_profile="Pupil",
    exam=ExamRules(("bilimland.kz", "testing.kz"), (EXAM, ExamWindow(at(2, 14), at(2, 15)))),
    poll_minutes=10,
    summary_share="/srv/lab-share",
)


def test_lab_defaults_make_every_unnamed_account_a_pupil() -> None:
    policy = lab_policy(POLICY, "Pupil")
    assert policy.mode is Mode.SCHOOL
    assert policy.default_profile == "Pupil"
    assert policy.profile_for_account("anyone") == PUPIL
    assert policy.profile_for_account("pupil7a-03") == PUPIL
    assert policy.profile_for_account("demo") == TEACHER_DEMO


def test_a_lab_profile_must_exist() -> None:
    with pytest.raises(LookupError):
        lab_policy(POLICY, "Nobody")


@pytest.mark.parametrize(
    ("switch", "moment", "active"),
    [
        (ExamSwitch.AUTO, at(0, 8, 59), False),
        (ExamSwitch.AUTO, at(0, 9), True),  # the start is in the exam
        (ExamSwitch.AUTO, at(0, 10, 59), True),
        (ExamSwitch.AUTO, at(0, 11), False),  # the end is not
        (ExamSwitch.AUTO, at(2, 14, 30), True),
        (ExamSwitch.ON, at(5, 20), True),  # the admin holds it on out of the timetable
        (ExamSwitch.OFF, at(0, 10), False),  # and can end a timetabled exam early
    ],
)
def test_exam_mode_follows_the_timetable_or_the_admin(
    switch: ExamSwitch, moment: datetime, active: bool
) -> None:
    assert exam_active(DOCUMENT.exam, switch, moment) is active


def test_no_timetable_means_no_exam_on_auto() -> None:
    assert not exam_active(ExamRules(), ExamSwitch.AUTO, MONDAY_NOON)


def test_exam_mode_opens_only_the_exam_sites() -> None:
    policy = effective_policy(DOCUMENT, ExamSwitch.AUTO, at(0, 10))
    assert policy.mode is Mode.SCHOOL
    pupil = ChildFilter(policy.child("Pupil"))
    assert decide("https://bilimland.kz/lesson/1", pupil).blocked is False
    assert decide("https://sub.testing.kz/", pupil).blocked is False
    blocked = decide("https://wikipedia.org/", pupil)
    assert blocked.blocked and blocked.reason.step is Step.WHITELIST_ONLY
    # the teacher's grant does not open a site during the exam
    assert decide("http://games.test/", pupil, now=at(0, 10)).blocked
    # the deny list still holds inside an exam site
    assert decide("https://bilimland.kz/forum/x", pupil).reason.step is Step.DENY_LIST
    # every profile is narrowed, not only the lab's
    assert decide("https://example.org/", ChildFilter(policy.child("Demo"))).blocked


def test_outside_an_exam_the_lab_policy_is_unchanged() -> None:
    policy = effective_policy(DOCUMENT, ExamSwitch.AUTO, at(0, 12))
    assert policy == lab_policy(POLICY, "Pupil")
    assert decide("https://wikipedia.org/", ChildFilter(policy.child("Pupil"))).blocked is False


def test_exam_policy_leaves_names_and_accounts() -> None:
    policy = exam_policy(POLICY, ("bilimland.kz",))
    assert [c.name for c in policy.children] == ["Pupil", "Demo"]
    assert policy.child("Demo").accounts == ("demo",)
    assert policy.child("Pupil").rules.deny == PUPIL.rules.deny
    assert policy.groups == POLICY.groups


@pytest.mark.parametrize(
    ("in_force", "offered", "replace"), [(None, 1, True), (3, 4, True), (3, 3, False)]
)
def test_a_newer_serial_replaces_the_document(
    in_force: int | None, offered: int, replace: bool
) -> None:
    assert check_serial(in_force, offered) is replace


def test_an_older_serial_is_refused() -> None:
    with pytest.raises(SchoolError, match=r"serial 2 is older than the one in force \(3\)"):
        check_serial(3, 2)


@pytest.mark.parametrize(
    ("last", "now", "due"),
    [
        (None, MONDAY_NOON, True),
        (MONDAY_NOON, MONDAY_NOON + timedelta(minutes=9), False),
        (MONDAY_NOON, MONDAY_NOON + timedelta(minutes=10), True),
        (MONDAY_NOON, MONDAY_NOON - timedelta(minutes=1), True),  # the clock went back
    ],
)
def test_the_central_policy_is_polled_every_few_minutes(
    last: datetime | None, now: datetime, due: bool
) -> None:
    assert poll_due(last, 10, now) is due


def document_data(**changes: Any) -> dict[str, Any]:
    data = school_to_dict(DOCUMENT)
    data.update(changes)
    return data


def test_a_document_survives_a_round_trip() -> None:
    assert school_from_dict(copy.deepcopy(school_to_dict(DOCUMENT))) == DOCUMENT


def test_a_minimal_document_takes_defaults() -> None:
    policy = Policy(children=(PUPIL,), default_profile="Pupil")
    document = school_from_dict({FORMAT_KEY: 1, "serial": 1, "policy": policy_to_dict(policy)})
    assert document.lab_profile == "Pupil"
    assert document.exam == ExamRules(("bilimland.kz",), ())
    assert document.poll_minutes == 15
    assert document.summary_share is None


def test_the_lab_profile_is_named_as_the_policy_spells_it() -> None:
    assert school_from_dict(document_data(lab_profile="pupil")).lab_profile == "Pupil"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({FORMAT_KEY: 2}, "qorgan_school: unsupported version 2 (expected 1)"),
        ({FORMAT_KEY: True}, "qorgan_school: unsupported version True"),
        ({"serial": 0}, "serial: the first version is 1"),
        ({"serial": "7"}, "serial: expected a whole number"),
        ({"policy": []}, "policy: expected an object with fields"),
        ({"policy": {"qorgan_policy": 1, "mode": "lab"}}, "policy.mode: 'lab' is not valid"),
        ({"lab_profile": None}, "lab_profile: missing: name the profile"),
        ({"lab_profile": "Ghost"}, "lab_profile: no child profile called 'Ghost'"),
        ({"lab_profile": 5}, "lab_profile: expected the name of a child profile"),
        ({"poll_minutes": 0}, "poll_minutes: 0 is out of range"),
        ({"summary_share": 1}, "summary_share: expected a folder"),
        ({"exam": {"sites": []}}, "exam.sites: an exam needs at least one site"),
        ({"exam": {"sites": ["bad host!"]}}, "exam.sites[0]: "),
        ({"exam": {"windows": [{"start": "2026-05-20T09:00"}]}}, "exam.windows[0].end: missing"),
        (
            {"exam": {"windows": [{"start": "2026-05-20T09:00", "end": "2026-05-20T09:00"}]}},
            "exam.windows[0].end: the exam must end after it starts",
        ),
        ({"exam": {"timetable": []}}, "exam.timetable: unknown field"),
        ({"serail": 1}, "serail: unknown field (did you mean 'serial'?)"),
    ],
)
def test_a_bad_document_names_the_field(changes: dict[str, Any], message: str) -> None:
    data = document_data(**changes)
    with pytest.raises(PolicyError) as raised:
        school_from_dict(data)
    assert str(raised.value).startswith(message)
