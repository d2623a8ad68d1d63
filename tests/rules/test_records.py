"""What Qorgan records about a child: hosts, categories and times, never page contents."""

import dataclasses
from datetime import date, datetime
from enum import StrEnum

import pytest

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import (
    Alert,
    AlertKind,
    ChildRequest,
    DecisionEvent,
    ListKind,
    ListSource,
    RequestKind,
    RequestStatus,
    Usage,
)

NOW = datetime(2026, 11, 23, 18, 30)


def test_decision_event_keeps_the_host_never_the_page() -> None:
    fields = {field.name for field in dataclasses.fields(DecisionEvent)}
    assert fields == {
        "at", "child", "host", "verdict", "step", "rule_id", "category", "list_name", "score"
    }  # fmt: skip
    assert not fields & {"url", "path", "query", "content", "phrases", "title"}


def test_decision_event_defaults() -> None:
    event = DecisionEvent(NOW, "Aru", "casino.example", Verdict.BLOCK, Step.CATEGORY, "c:g")
    assert (event.category, event.list_name, event.score) == (None, None, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        event.host = "other"  # type: ignore[misc]


def test_usage_has_no_category_unless_the_catalogue_gives_one() -> None:
    usage = Usage("Aru", date(2026, 11, 23), "minecraft", 3600)
    assert usage.category is None
    assert dataclasses.replace(usage, category=Category.GAMES).category is Category.GAMES


def test_a_new_child_request_is_pending() -> None:
    request = ChildRequest("Aru", RequestKind.TIME, NOW, minutes=30)
    assert request.status is RequestStatus.PENDING
    assert (request.host, request.decided_at, request.id, request.message) == (
        None,
        None,
        None,
        "",
    )
    decided = dataclasses.replace(request, status=RequestStatus.APPROVED, decided_at=NOW)
    assert decided.status is RequestStatus.APPROVED
    assert request != decided


def test_alert_defaults() -> None:
    alert = Alert(NOW, None, AlertKind.CLOCK_CHANGE)
    assert (alert.child, alert.detail, alert.id) == (None, "", None)


def test_list_source_is_unverified_until_checked() -> None:
    source = ListSource("ut1-gambling", ListKind.UT1, "/lists/gambling", Category.GAMBLING)
    assert source.signature_status == "unverified"
    assert source.schedule_hours == 24
    assert (source.sha256, source.public_key, source.updated_at, source.entries) == (
        None,
        None,
        None,
        0,
    )


@pytest.mark.parametrize(
    ("enum", "values"),
    [
        (RequestKind, ["time", "site"]),
        (RequestStatus, ["pending", "approved", "declined"]),
        (
            AlertKind,
            [
                "self_harm",
                "sexual_content",
                "contact_risk",
                "bypass_attempt",
                "clock_change",
                "protection_off",
            ],
        ),
        (
            ListKind,
            ["national", "domains", "hosts", "adblock", "ut1", "registry_csv", "phrases"],
        ),
    ],
)
def test_stored_enum_values_stay_stable(enum: type[StrEnum], values: list[str]) -> None:
    assert [member.value for member in enum] == values
