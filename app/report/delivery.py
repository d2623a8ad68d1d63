"""The e-mail queue in the store's settings: what waits, what failed and why, for the console."""

import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import cast

from app.report.data import parent_language
from app.report.mail import (
    MAIL_SETTING,
    Mailer,
    MailError,
    alerts_message,
    mail_settings,
    report_message,
)
from app.store import JsonValue, Store
from rules.report_delivery import (
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
from rules.report_mail import MailSettings, MailSettingsError

DELIVERIES = "report.deliveries"
ALERTS_MAILED_AT = "report.alerts_mailed_at"

logger = logging.getLogger(__name__)


def deliveries(store: Store) -> list[Delivery]:
    """E-mails not sent yet: pending ones (with the last error, if any) and failed ones."""
    value = store.setting(DELIVERIES, [])
    found = []
    for item in value if isinstance(value, list) else []:
        try:
            found.append(delivery_from_json(item if isinstance(item, dict) else {}))
        except ValueError as error:
            logger.error("a queued e-mail cannot be read and stays in the settings: %s", error)
    return found


def _save(store: Store, queue: Sequence[Delivery]) -> None:
    store.set_setting(DELIVERIES, cast("JsonValue", [delivery_to_json(d) for d in queue]))


def queue_report(
    store: Store,
    files: Sequence[Path],
    now: datetime,
    *,
    child: str,
    week: str,
    subject: str,
    body: str,
) -> Delivery:
    """Queue the report's files for e-mail, to go at the next `send_due`."""
    queue = deliveries(store)
    delivery = Delivery(
        next_id(queue),
        DeliveryKind.REPORT,
        now,
        now,
        files=tuple(str(f) for f in files),
        child=child,
        week=week,
        subject=subject,
        body=body,
    )
    _save(store, [*queue, delivery])
    return delivery


def queue_alerts(
    store: Store, alert_ids: Sequence[int], now: datetime, interval: timedelta
) -> None:
    """Queue alerts: they join an alerts e-mail still waiting, else start one (rate-limited)."""
    mailed = store.setting(ALERTS_MAILED_AT)
    last_sent = datetime.fromisoformat(mailed) if isinstance(mailed, str) else None
    _save(store, add_alerts(deliveries(store), alert_ids, now, last_sent, interval))


def retry_delivery(store: Store, delivery_id: int, now: datetime) -> None:
    """A parent asked to try a failed e-mail again."""
    queue = deliveries(store)
    _save(store, [retry(d, now) if d.id == delivery_id else d for d in queue])


def _message(store: Store, settings: MailSettings, delivery: Delivery) -> EmailMessage | None:
    """The e-mail to send; None for alerts that no longer exist (a parent erased the history)."""
    if delivery.kind is DeliveryKind.REPORT:
        return report_message(
            settings, delivery.subject, delivery.body, [Path(f) for f in delivery.files]
        )
    wanted = set(delivery.alert_ids)
    alerts = [a for a in store.alerts(datetime.min) if a.id in wanted]
    return alerts_message(settings, alerts, parent_language(store)) if alerts else None


def wants_mail(store: Store, kind: DeliveryKind) -> bool:
    """Whether the parent switched on e-mail of this kind, however well the rest is set up.

    Mail is queued on this alone: a server setting that is wrong then shows up as the
    queued e-mail's error, where the parent sees it, instead of mail never made.
    """
    value = store.setting(MAIL_SETTING)
    if not isinstance(value, dict) or value.get("enabled") is not True:
        return False
    return value.get("reports" if kind is DeliveryKind.REPORT else "alerts", True) is not False


def _settings(store: Store) -> tuple[MailSettings | None, str]:
    try:
        settings = mail_settings(store)
    except MailSettingsError as error:
        return None, str(error)
    return settings, "" if settings is not None else "e-mail is switched off in the settings"


def send_due(store: Store, mailer: Mailer | None, now: datetime) -> list[int]:
    """Try the e-mails whose time has come; the ids that went.

    A failure is kept with its error and tried again later; the rest wait for the next
    round, since a server that failed once is likely down (and each try can take a while).
    """
    ready = due(deliveries(store), now)
    settings, problem = _settings(store) if ready else (None, "")
    sent = []
    for delivery in ready:
        try:
            if settings is None or mailer is None:
                raise MailError(problem or "no mail server to send with")
            message = _message(store, settings, delivery)
            if message is not None:
                mailer.send(message)
        except MailError as error:
            logger.warning("e-mail %s (%s) failed: %s", delivery.id, delivery.kind, error)
            updated = failed_attempt(delivery, now, str(error))
            _save(store, [updated if d.id == delivery.id else d for d in deliveries(store)])
            break
        sent.append(delivery.id)
        _save(store, [d for d in deliveries(store) if d.id != delivery.id])
        if delivery.kind is DeliveryKind.ALERTS and message is not None:
            store.set_setting(ALERTS_MAILED_AT, now.isoformat())
    return sent


def failed_deliveries(store: Store) -> list[Delivery]:
    """E-mails that gave up retrying: the console shows them with their error and a retry."""
    return [d for d in deliveries(store) if d.status is DeliveryStatus.FAILED]
