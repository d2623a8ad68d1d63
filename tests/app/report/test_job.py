"""The once-a-minute job: reports when due, e-mailed through a real local SMTP server."""

import email
import email.policy
import subprocess
import sys
from datetime import datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest

from app.report.delivery import deliveries, retry_delivery
from app.report.files import list_reports
from app.report.job import RUNNING, STATE, run_due_reports
from app.report.mail import KEYRING_SERVICE, save_password
from app.store import Store
from rules.policy import Mode, Policy, SchoolGroup
from rules.report_delivery import RETRY_AFTER, DeliveryKind, DeliveryStatus
from rules.report_uptime import spans_from_json
from tests.app.report import seed
from tests.app.report.conftest import SMTP_PASSWORD, SMTP_USER, MailServer, MemoryKeyring, free_port

# The SSL test server is TLS from the first byte; aiosmtpd cannot tell and warns.
pytestmark = pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS:UserWarning")

SUNDAY_EVENING = seed.MADE_AT  # 22 November 2026, 19:00
INSTALLED = datetime(2026, 11, 18, 10, 0)
HTML_ONLY = {"formats": ["html"]}


def parsed(server: MailServer, index: int = -1) -> EmailMessage:
    raw = server.inbox.messages[index].original_content
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_the_report_is_made_once_at_the_scheduled_time(seeded: Store, data_dir: Path) -> None:
    seeded.set_setting("report.schedule", HTML_ONLY)
    assert run_due_reports(seeded, data_dir, INSTALLED) == []
    assert run_due_reports(seeded, data_dir, SUNDAY_EVENING - timedelta(minutes=1)) == []
    made = run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    assert [p.name for p in made] == ["2026-W47-Аружан-kk.html"]
    assert "Апталық есеп: Аружан" in made[0].read_text(encoding="utf-8")
    assert run_due_reports(seeded, data_dir, SUNDAY_EVENING + timedelta(minutes=1)) == []
    assert seeded.setting(STATE) == {
        "since": INSTALLED.isoformat(),
        "done": {"child:аружан": "2026-W47"},
    }
    # The PC is off next Sunday evening: the report comes on Monday morning, once.
    monday = SUNDAY_EVENING + timedelta(days=7, hours=14)
    assert [p.name for p in run_due_reports(seeded, data_dir, monday)] == [
        "2026-W48-Аружан-kk.html"
    ]
    assert run_due_reports(seeded, data_dir, monday + timedelta(hours=1)) == []
    assert [(f.week, f.subject, f.format) for f in list_reports(data_dir)] == [
        ("2026-W48", "Аружан", "html"),
        ("2026-W47", "Аружан", "html"),
    ]


def test_each_run_is_a_beat_that_the_report_reads(store: Store, data_dir: Path) -> None:
    store.set_setting("report.schedule", {"enabled": False})
    for minute in range(3):
        run_due_reports(store, data_dir, INSTALLED + timedelta(minutes=minute))
    spans = spans_from_json(store.setting(RUNNING))
    assert [(s.start, s.end) for s in spans] == [(INSTALLED, INSTALLED + timedelta(minutes=2))]


def test_the_report_is_emailed_with_both_files_in_the_parents_language(
    seeded: Store, data_dir: Path, mail_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    seeded.set_setting("language", "ru")
    seeded.set_setting("report_email", mail_server.setting())
    save_password(SMTP_USER, SMTP_PASSWORD)
    assert memory_keyring.passwords == {(KEYRING_SERVICE, SMTP_USER): SMTP_PASSWORD}
    run_due_reports(seeded, data_dir, INSTALLED)
    made = run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    assert sorted(p.suffix for p in made) == [".html", ".pdf"]
    assert len(mail_server.inbox.messages) == 1
    envelope = mail_server.inbox.messages[0]
    assert envelope.rcpt_tos == ["mama@qorgan.test", "papa@qorgan.test"]
    message = parsed(mail_server)
    assert message["Subject"] == "Qorgan: недельный отчёт о ребёнке Аружан, 16–22 ноября 2026 г."
    assert message["From"] == SMTP_USER
    body = message.get_body(("plain",))
    assert body is not None and "9 ч 56 мин" in body.get_content()
    attachments = {part.get_filename(): part for part in message.iter_attachments()}
    assert set(attachments) == {"2026-W47-Аружан-ru.pdf", "2026-W47-Аружан-ru.html"}
    pdf = attachments["2026-W47-Аружан-ru.pdf"]
    assert pdf.get_content_type() == "application/pdf"
    assert pdf.get_content().startswith(b"%PDF-")
    html = attachments["2026-W47-Аружан-ru.html"].get_content()
    assert "Недельный отчёт: Аружан" in html
    assert deliveries(seeded) == []


def test_a_failed_send_is_kept_retried_later_and_never_dropped(
    seeded: Store, data_dir: Path, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    seeded.set_setting("report.schedule", HTML_ONLY)
    down = starttls_server.setting(smtp_port=free_port())  # nothing listens there
    seeded.set_setting("report_email", down)
    save_password(SMTP_USER, SMTP_PASSWORD)
    run_due_reports(seeded, data_dir, INSTALLED)
    run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    [waiting] = deliveries(seeded)
    assert (waiting.kind, waiting.status, waiting.attempts) == (
        DeliveryKind.REPORT,
        DeliveryStatus.PENDING,
        1,
    )
    assert "refused" in waiting.last_error.casefold()
    assert waiting.next_try == SUNDAY_EVENING + RETRY_AFTER[0]
    # Not due yet: nothing is tried.
    run_due_reports(seeded, data_dir, SUNDAY_EVENING + timedelta(seconds=30))
    assert deliveries(seeded)[0].attempts == 1
    # The server is back (here: the parent fixed the port); the next try goes through.
    seeded.set_setting("report_email", starttls_server.setting())
    run_due_reports(seeded, data_dir, SUNDAY_EVENING + RETRY_AFTER[0])
    assert deliveries(seeded) == []
    assert len(starttls_server.inbox.messages) == 1


def test_a_wrong_password_fails_visibly_and_stops_after_the_last_retry(
    seeded: Store, data_dir: Path, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    seeded.set_setting("report.schedule", HTML_ONLY)
    seeded.set_setting("report_email", starttls_server.setting())
    save_password(SMTP_USER, "wrong")
    run_due_reports(seeded, data_dir, INSTALLED)
    now = SUNDAY_EVENING
    run_due_reports(seeded, data_dir, now)
    for wait in RETRY_AFTER:
        now += wait
        run_due_reports(seeded, data_dir, now)
    [failed] = deliveries(seeded)
    assert (failed.status, failed.attempts) == (DeliveryStatus.FAILED, len(RETRY_AFTER) + 1)
    assert "535" in failed.last_error  # the server refused the login
    run_due_reports(seeded, data_dir, now + timedelta(days=2))
    assert deliveries(seeded)[0].attempts == len(RETRY_AFTER) + 1  # waits for the parent
    save_password(SMTP_USER, SMTP_PASSWORD)
    retry_delivery(seeded, failed.id, now + timedelta(days=2))
    run_due_reports(seeded, data_dir, now + timedelta(days=2))
    assert deliveries(seeded) == []
    assert len(starttls_server.inbox.messages) == 1


def test_no_password_in_the_keyring_is_a_visible_failure(
    seeded: Store, data_dir: Path, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    seeded.set_setting("report.schedule", HTML_ONLY)
    seeded.set_setting("report_email", starttls_server.setting())
    run_due_reports(seeded, data_dir, INSTALLED)
    run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    assert deliveries(seeded)[0].last_error == f"no password in the keyring for {SMTP_USER}"


def test_school_groups_get_a_summary_too(seeded: Store, data_dir: Path) -> None:
    child = seeded.child(seed.CHILD)
    group = SchoolGroup("Lab 3", profile=seed.CHILD, accounts=("pupil*",))
    seeded.replace_policy(Policy(mode=Mode.SCHOOL, children=(child,), groups=(group,)))
    seeded.set_setting("report.schedule", HTML_ONLY)
    run_due_reports(seeded, data_dir, INSTALLED)
    made = run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    assert sorted(p.name for p in made) == [
        "2026-W47-group-Lab_3.csv",
        "2026-W47-group-Lab_3.json",
        "2026-W47-Аружан-kk.html",
    ]


def test_a_wrong_schedule_setting_falls_back_to_sunday_evening(
    seeded: Store, data_dir: Path
) -> None:
    seeded.set_setting("report.schedule", {"day": "someday"})
    seeded.set_setting(STATE, {"since": INSTALLED.isoformat(), "done": {"child:x": "W1"}})
    assert len(run_due_reports(seeded, data_dir, SUNDAY_EVENING)) == 2  # PDF and HTML


def test_the_job_loads_no_qt_into_the_service() -> None:
    code = (
        "import sys, app.report.job, app.report.alerts;"
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, text=True)
    assert done.stdout.strip() == "[]"


def test_a_wrong_mail_setting_shows_as_the_emails_error(seeded: Store, data_dir: Path) -> None:
    seeded.set_setting("report.schedule", HTML_ONLY)
    seeded.set_setting(
        "report_email",
        {"enabled": True, "to": "mama@qorgan.test", "smtp_host": "smtp.qorgan.test"}
        | {"security": "none", "sender": SMTP_USER},
    )
    run_due_reports(seeded, data_dir, INSTALLED)
    run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    [waiting] = deliveries(seeded)
    assert waiting.kind is DeliveryKind.REPORT and waiting.attempts == 1
    assert "would send children's data in the clear" in waiting.last_error


def test_an_untrusted_server_certificate_is_refused(
    seeded: Store, data_dir: Path, starttls_server: MailServer, memory_keyring: MemoryKeyring
) -> None:
    seeded.set_setting("report.schedule", HTML_ONLY)
    setting = starttls_server.setting()
    del setting["ca_file"]  # the system's CAs do not know the test server's certificate
    seeded.set_setting("report_email", setting)
    save_password(SMTP_USER, SMTP_PASSWORD)
    run_due_reports(seeded, data_dir, INSTALLED)
    run_due_reports(seeded, data_dir, SUNDAY_EVENING)
    assert "CERTIFICATE_VERIFY_FAILED" in deliveries(seeded)[0].last_error
    assert starttls_server.inbox.messages == []
    seeded.set_setting("report_email", starttls_server.setting(ca_file="/nonexistent/ca.pem"))
    run_due_reports(seeded, data_dir, SUNDAY_EVENING + RETRY_AFTER[0])
    assert "No such file" in deliveries(seeded)[0].last_error
