"""The e-mail queue: growing pauses after failures, a stop that waits for a parent, grouping."""

from datetime import datetime, timedelta

import pytest

from rules.report_delivery import (
    RETRY_AFTER,
    Delivery,
    DeliveryKind,
    DeliveryStatus,
    add_alerts,
    delivery_from_json,
    delivery_to_json,
    due,
    failed_attempt,
    next_id,
    retry,
)

T = datetime(2026, 11, 22, 19, 0)
MINUTE = timedelta(minutes=1)


def report(id_: int = 1, next_try: datetime = T) -> Delivery:
    return Delivery(
        id_,
        DeliveryKind.REPORT,
        T,
        next_try,
        files=("a.pdf", "a.html"),
        child="Aruzhan",
        week="2026-W47",
    )


def test_failures_wait_longer_each_time_then_stop_for_a_parent() -> None:
    delivery = report()
    waits = []
    for _ in RETRY_AFTER:
        delivery = failed_attempt(delivery, T, "connection refused")
        assert delivery.status is DeliveryStatus.PENDING
        waits.append(delivery.next_try - T)
    assert waits == list(RETRY_AFTER)
    assert waits == sorted(waits) and waits[0] == MINUTE
    delivery = failed_attempt(delivery, T, "still refused")
    assert delivery.status is DeliveryStatus.FAILED
    assert (delivery.attempts, delivery.last_error) == (len(RETRY_AFTER) + 1, "still refused")
    assert due([delivery], T + timedelta(days=30)) == []
    again = retry(delivery, T + timedelta(days=1))
    assert (again.status, again.attempts, again.next_try) == (
        DeliveryStatus.PENDING,
        0,
        T + timedelta(days=1),
    )
    assert again.last_error == "still refused"


def test_due_are_the_pending_ones_whose_time_came_oldest_first() -> None:
    later, sooner, future = report(1, T), report(2, T - MINUTE), report(3, T + MINUTE)
    assert [d.id for d in due([later, sooner, future], T)] == [2, 1]
    assert next_id([later, sooner, future]) == 4 and next_id([]) == 1


def test_alerts_go_at_once_after_a_quiet_spell_and_later_ones_join_the_waiting_mail() -> None:
    queue = add_alerts([], [1, 2], T, last_sent=None, interval=15 * MINUTE)
    assert [(d.kind, d.alert_ids, d.next_try) for d in queue] == [(DeliveryKind.ALERTS, (1, 2), T)]
    queue = add_alerts(queue, [2, 3], T + MINUTE, last_sent=None, interval=15 * MINUTE)
    assert len(queue) == 1 and queue[0].alert_ids == (1, 2, 3)


def test_alerts_soon_after_an_alerts_mail_wait_for_the_interval() -> None:
    queue = add_alerts([report()], [7], T, last_sent=T - 5 * MINUTE, interval=15 * MINUTE)
    assert [(d.id, d.kind, d.next_try) for d in queue] == [
        (1, DeliveryKind.REPORT, T),
        (2, DeliveryKind.ALERTS, T + 10 * MINUTE),
    ]
    old = add_alerts([], [8], T, last_sent=T - timedelta(hours=1), interval=15 * MINUTE)
    assert old[0].next_try == T


def test_alerts_do_not_join_a_mail_that_gave_up() -> None:
    failed = Delivery(1, DeliveryKind.ALERTS, T, T, status=DeliveryStatus.FAILED, alert_ids=(1,))
    queue = add_alerts([failed], [2], T, last_sent=None, interval=MINUTE)
    assert [(d.status, d.alert_ids) for d in queue] == [
        (DeliveryStatus.FAILED, (1,)),
        (DeliveryStatus.PENDING, (2,)),
    ]


def test_json_round_trip() -> None:
    delivery = failed_attempt(report(), T, "timed out")
    assert delivery_from_json(delivery_to_json(delivery)) == delivery
    alerts = Delivery(2, DeliveryKind.ALERTS, T, T, alert_ids=(4, 5), subject="s", body="b")
    assert delivery_from_json(delivery_to_json(alerts)) == alerts


def test_json_defaults_and_a_broken_entry() -> None:
    minimal = {"id": 3, "kind": "alerts", "created_at": T.isoformat(), "next_try": T.isoformat()}
    assert delivery_from_json(minimal) == Delivery(3, DeliveryKind.ALERTS, T, T)
    with pytest.raises(ValueError, match="a delivery needs 'next_try'"):
        delivery_from_json({"id": 3, "kind": "alerts", "created_at": T.isoformat()})
    with pytest.raises(ValueError, match="'fax' is not a valid DeliveryKind"):
        delivery_from_json({**minimal, "kind": "fax"})
    assert delivery_from_json({**minimal, "files": "x", "alert_ids": None}).files == ()
