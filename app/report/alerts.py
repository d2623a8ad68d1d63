"""Immediate alerts: risky blocks become alerts at once, and e-mails grouped and rate-limited."""

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from app.report.delivery import queue_alerts, send_due, wants_mail
from app.report.mail import Mailer, mail_settings
from app.store import Store
from rules.records import Alert, DecisionEvent
from rules.report_alerts import REPEAT_WINDOW, alerts_for_events
from rules.report_delivery import DeliveryKind
from rules.report_mail import DEFAULT_ALERT_INTERVAL_MINUTES, MailSettingsError

logger = logging.getLogger(__name__)


def raise_alerts(
    store: Store, events: Sequence[DecisionEvent], now: datetime, mailer: Mailer | None
) -> list[Alert]:
    """Store an alert for each self-harm, sexual-content, contact or bypass block in `events`.

    The console shows stored alerts at once. With alerts e-mail switched on they are
    queued, and sent with `mailer` (see `mailer_from_store`; None leaves them to the next
    `run_due_reports`): at once, unless an alerts e-mail went less than
    `alert_interval_minutes` ago; then they wait and go together. The service calls this
    with each batch of events it ingests.
    """
    if not events:
        return []
    since = min(event.at for event in events) - REPEAT_WINDOW
    found = alerts_for_events(events, store.alerts(since))
    stored = [replace(alert, id=store.add_alert(alert)) for alert in found]
    if stored:
        logger.info("raised %d alert(s)", len(stored))
    if stored and wants_mail(store, DeliveryKind.ALERTS):
        queue_alerts(store, [a.id for a in stored if a.id is not None], now, _interval(store))
    if mailer is not None:
        send_due(store, mailer, now)
    return stored


def _interval(store: Store) -> timedelta:
    """How long an alerts e-mail waits after the last one (`alert_interval_minutes`)."""
    try:
        settings = mail_settings(store)
    except MailSettingsError:
        settings = None
    minutes = (
        DEFAULT_ALERT_INTERVAL_MINUTES if settings is None else settings.alert_interval_minutes
    )
    return timedelta(minutes=minutes)
