"""Immediate alerts: stored at once, e-mailed grouped and no more than every 15 minutes."""

import email
import email.policy
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

from app.report.alerts import raise_alerts
from app.report.delivery import deliveries, queue_alerts
from app.report.job import run_due_reports
from app.report.mail import mailer_from_store, save_password
from app.store import Store
from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import AlertKind, DecisionEvent
from rules.report_delivery import DeliveryKind
from tests.app.report.conftest import SMTP_PASSWORD, SMTP_USER, MailServer, MemoryKeyring

T = datetime(2026, 11, 17, 21, 0)


def blocked(
    category: Category | None, step: Step = Step.CATEGORY, at: datetime = T, host: str = "x.example"
) -> DecisionEvent:
    return DecisionEvent(at, "Аружан", host, Verdict.BLOCK, step, "rule", category)


BATCH = [
    blocked(Category.SELF_HARM, host="www.selfharm.example"),
    blocked(Category.SELF_HARM, at=T + timedelta(seconds=2), host="cdn.selfharm.example"),
    blocked(Category.PORNOGRAPHY, host="adult.example"),
    blocked(Category.CHAT, host="chatroulette.example"),
    blocked(Category.VPN, Step.BYPASS, host="nordvpn.com"),
    blocked(Category.GAMBLING, host="casino.example"),
    DecisionEvent(T, "Аружан", "bilimland.kz", Verdict.ALLOW, Step.DEFAULT, "ok"),
]


def test_risky_blocks_become_stored_alerts_at_once(store: Store) -> None:
    raised = raise_alerts(store, BATCH, T, mailer=None)
    assert [(a.kind, a.detail) for a in raised] == [
        (AlertKind.SELF_HARM, "selfharm.example"),
        (AlertKind.SEXUAL_CONTENT, "adult.example"),
        (AlertKind.CONTACT_RISK, "chatroulette.example"),
        (AlertKind.BYPASS_ATTEMPT, "nordvpn.com"),
    ]
    assert [a.id for a in raised] == [a.id for a in store.alerts(T - timedelta(days=1))]
    # The same pages a minute later (the spool's next batch) raise nothing new.
    later = [blocked(Category.SELF_HARM, at=T + timedelta(minutes=1), host="selfharm.example")]
    assert raise_alerts(store, later, T + timedelta(minutes=1), mailer=None) == []
    assert raise_alerts(store, [], T, mailer=None) == []
    assert deliveries(store) == []


def _message(server: MailServer, index: int) -> EmailMessage:
    raw = server.inbox.messages[index].original_content
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_alert_emails_are_grouped_and_rate_limited(
    store: Store, data_dir: Path, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    store.set_setting("language", "kk")
    store.set_setting("report_email", starttls_server.setting())
    save_password(SMTP_USER, SMTP_PASSWORD)
    mailer = mailer_from_store(store)
    assert mailer is not None

    raise_alerts(store, BATCH[:3], T, mailer)  # self-harm (twice, one alert) and sexual content
    assert len(starttls_server.inbox.messages) == 1
    first = _message(starttls_server, 0)
    assert first["Subject"] == "Qorgan: жаңа ескертулер (2)"
    body = first.get_content()
    assert "Суицид және өзіне зиян келтіру (1)" in body and "selfharm.example" in body
    assert "Жыныстық мазмұн (1)" in body and "150" in body and "102" in body

    # Two minutes later: a bypass attempt and a chat waits for the 15 minutes to pass...
    raise_alerts(store, [BATCH[4]], T + timedelta(minutes=2), mailer)
    raise_alerts(store, [BATCH[3]], T + timedelta(minutes=5), mailer)
    assert len(starttls_server.inbox.messages) == 1
    [waiting] = deliveries(store)
    assert waiting.kind is DeliveryKind.ALERTS and len(waiting.alert_ids) == 2
    assert waiting.next_try == T + timedelta(minutes=15)
    # ...and goes as one e-mail when the job runs after it.
    run_due_reports(store, data_dir, T + timedelta(minutes=15))
    assert len(starttls_server.inbox.messages) == 2
    second = _message(starttls_server, 1).get_content()
    assert "Сүзгіні айналып өту әрекеті (1)" in second and "nordvpn.com" in second
    assert "Бейтаныс адамдармен байланыс қаупі (1)" in second
    assert deliveries(store) == []


def test_alert_emails_can_be_switched_off(
    store: Store, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    store.set_setting("report_email", starttls_server.setting(alerts=False))
    save_password(SMTP_USER, SMTP_PASSWORD)
    raised = raise_alerts(store, BATCH, T, mailer_from_store(store))
    assert len(raised) == 4
    assert starttls_server.inbox.messages == [] and deliveries(store) == []


def test_an_alerts_email_whose_alerts_were_erased_is_not_sent(
    store: Store, data_dir: Path, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    store.set_setting("report_email", starttls_server.setting())
    save_password(SMTP_USER, SMTP_PASSWORD)
    queue_alerts(store, [404], T, timedelta(minutes=15))
    run_due_reports(store, data_dir, T)
    assert deliveries(store) == [] and starttls_server.inbox.messages == []
