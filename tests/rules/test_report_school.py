"""A school group's week: aggregate by default, pupils' lines only when asked."""

from datetime import date, datetime, timedelta

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.policy import SchoolGroup
from rules.records import Alert, AlertKind, DecisionEvent, Usage
from rules.report_model import WeekRecords
from rules.report_school import (
    CategoryCount,
    Incident,
    PupilLine,
    build_group_summary,
    is_member,
)
from rules.report_week import IsoWeek

WEEK = IsoWeek(2026, 48)
MONDAY = date(2026, 11, 23)
LAB = SchoolGroup("Lab 3", profile="Lab pupils", accounts=("pupil*",))
AFTER = datetime(2026, 12, 1)


def at(day: int, hour: int = 10) -> datetime:
    return datetime(2026, 11, 23, hour) + timedelta(days=day)


def use(who: str, day: int, minutes: int, category: Category | None) -> Usage:
    return Usage(who, MONDAY + timedelta(days=day), "app", minutes * 60, category)


def ev(
    who: str, host: str, verdict: Verdict, category: Category | None = None, day: int = 0
) -> DecisionEvent:
    step = Step.CATEGORY if verdict is Verdict.BLOCK else Step.DEFAULT
    return DecisionEvent(at(day), who, host, verdict, step, "r", category)


RECORDS = WeekRecords(
    usage=[
        use("pupil01", 0, 40, Category.EDUCATION),
        use("pupil02", 0, 30, Category.GAMES),
        use("Lab pupils", 1, 45, Category.EDUCATION),
        use("teacher", 0, 500, Category.VIDEO),  # not a member
        use("pupil01", 8, 60, Category.GAMES),  # next week
    ],
    events=[
        ev("pupil01", "bilimland.kz", Verdict.ALLOW),
        ev("pupil01", "www.bilimland.kz", Verdict.ALLOW),
        ev("pupil01", "kundelik.kz", Verdict.ALLOW),
        ev("pupil02", "casino.example", Verdict.BLOCK, Category.GAMBLING),
        ev("pupil02", "bet.example", Verdict.BLOCK, Category.GAMBLING, day=1),
        ev("pupil01", "nordvpn.com", Verdict.BLOCK, Category.VPN),
        ev("pupil03", "odd.example", Verdict.BLOCK, None),
        ev("teacher", "casino.example", Verdict.BLOCK, Category.GAMBLING),
    ],
    alerts=[
        Alert(at(0), "pupil01", AlertKind.BYPASS_ATTEMPT, "nordvpn.com"),
        Alert(at(2), "pupil02", AlertKind.BYPASS_ATTEMPT, "tor.example"),
        Alert(at(2, 11), "pupil02", AlertKind.BYPASS_ATTEMPT, "tor.example"),
        Alert(at(1), None, AlertKind.PROTECTION_OFF, "the whole PC"),
        Alert(at(1), "teacher", AlertKind.SEXUAL_CONTENT, "not the lab's"),
    ],
)


def test_membership_by_profile_or_account_pattern() -> None:
    assert is_member(LAB, "lab PUPILS") and is_member(LAB, "pupil17")
    assert not is_member(LAB, "teacher") and not is_member(LAB, None)


def test_the_summary_adds_up_the_group_without_any_pupils_browsing() -> None:
    summary = build_group_summary(LAB, WEEK, AFTER, RECORDS, pupils=False)
    assert (summary.group, summary.profile, summary.until) == ("Lab 3", "Lab pupils", WEEK.end)
    assert [(d.seconds // 60, d.pupils) for d in summary.days[:3]] == [(70, 2), (45, 1), (0, 0)]
    assert summary.seconds == 115 * 60
    assert summary.categories == (
        CategoryCount(Category.EDUCATION, 85 * 60),
        CategoryCount(Category.GAMES, 30 * 60),
    )
    assert summary.blocked == (
        CategoryCount(Category.GAMBLING, 2),
        CategoryCount(Category.VPN, 1),
        CategoryCount(None, 1),
    )
    assert summary.blocked_total == 4
    assert summary.incidents == (
        Incident(AlertKind.BYPASS_ATTEMPT, 3, (MONDAY, MONDAY + timedelta(days=2))),
        Incident(AlertKind.PROTECTION_OFF, 1, (MONDAY + timedelta(days=1),)),
    )
    assert summary.pupils is None


def test_pupils_lines_only_when_the_admin_asks() -> None:
    summary = build_group_summary(LAB, WEEK, at(1, 9), RECORDS, pupils=True)
    assert summary.pupils == (
        PupilLine("Lab pupils", 45 * 60, 0, ()),
        PupilLine("pupil01", 40 * 60, 1, ("bilimland.kz", "kundelik.kz")),
        PupilLine("pupil02", 30 * 60, 1, ()),
        PupilLine("pupil03", 0, 1, ()),
    )
    assert summary.blocked_total == 3  # the Tuesday block came after `until`
