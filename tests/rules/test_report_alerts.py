"""Which decisions raise an alert at once, and how repeats fold into one."""

from datetime import datetime, timedelta

import pytest

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import Alert, AlertKind, DecisionEvent
from rules.report_alerts import alert_kind, alerts_for_events

T = datetime(2026, 11, 17, 21, 0)


def event(
    category: Category | None,
    step: Step = Step.CATEGORY,
    verdict: Verdict = Verdict.BLOCK,
    *,
    at: datetime = T,
    host: str = "www.site.example",
    child: str = "Aruzhan",
) -> DecisionEvent:
    return DecisionEvent(at, child, host, verdict, step, "rule", category)


@pytest.mark.parametrize(
    ("sample", "kind"),
    [
        (event(Category.SELF_HARM), AlertKind.SELF_HARM),
        (event(Category.SELF_HARM, Step.CONTENT), AlertKind.SELF_HARM),
        (event(Category.PORNOGRAPHY), AlertKind.SEXUAL_CONTENT),
        (event(Category.CSAM, Step.PROTECTED_LIST), AlertKind.SEXUAL_CONTENT),
        (event(Category.CHAT), AlertKind.CONTACT_RISK),
        (event(Category.DATING), AlertKind.CONTACT_RISK),
        (event(Category.VPN, Step.BYPASS), AlertKind.BYPASS_ATTEMPT),
        (event(Category.DOH, Step.DENY_LIST), AlertKind.BYPASS_ATTEMPT),
        (event(None, Step.BYPASS), AlertKind.BYPASS_ATTEMPT),
        (event(Category.GAMBLING), None),
        (event(None, Step.NATIONAL_LIST), None),
        (event(Category.SELF_HARM, Step.ALLOW_LIST, Verdict.ALLOW), None),
        (event(Category.VPN, Step.ALLOW_LIST, Verdict.ALLOW), None),
    ],
)
def test_alert_kind(sample: DecisionEvent, kind: AlertKind | None) -> None:
    assert alert_kind(sample) is kind


def test_repeats_within_half_an_hour_are_one_alert_per_child_kind_and_site() -> None:
    events = [
        event(Category.SELF_HARM, at=T + timedelta(minutes=5)),
        event(Category.SELF_HARM, at=T, host="site.example"),
        event(Category.SELF_HARM, at=T + timedelta(minutes=29)),
        event(Category.SELF_HARM, at=T + timedelta(minutes=40)),  # a new alert: 40 min after
        event(Category.SELF_HARM, at=T, host="other.example"),
        event(Category.SELF_HARM, at=T, child="Timur"),
        event(Category.VPN, Step.BYPASS, at=T),
        event(Category.GAMBLING, at=T),
    ]
    found = alerts_for_events(events, recent=[])
    assert [(a.at, a.child, a.kind, a.detail) for a in found] == [
        (T, "Aruzhan", AlertKind.SELF_HARM, "site.example"),
        (T, "Aruzhan", AlertKind.SELF_HARM, "other.example"),
        (T, "Timur", AlertKind.SELF_HARM, "site.example"),
        (T, "Aruzhan", AlertKind.BYPASS_ATTEMPT, "site.example"),
        (T + timedelta(minutes=40), "Aruzhan", AlertKind.SELF_HARM, "site.example"),
    ]


def test_an_alert_already_stored_is_not_raised_again() -> None:
    stored = [
        Alert(T - timedelta(minutes=10), "aruzhan", AlertKind.BYPASS_ATTEMPT, "site.example"),
        Alert(T - timedelta(minutes=20), "Aruzhan", AlertKind.BYPASS_ATTEMPT, "site.example"),
        Alert(T - timedelta(hours=2), "Aruzhan", AlertKind.SELF_HARM, "site.example"),
    ]
    events = [event(Category.VPN, Step.BYPASS), event(Category.SELF_HARM)]
    assert [a.kind for a in alerts_for_events(events, stored)] == [AlertKind.SELF_HARM]
