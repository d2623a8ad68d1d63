"""E-mail to the parent over SMTP with STARTTLS or TLS; the password is kept in the OS keyring."""

import base64
import mimetypes
import smtplib
import ssl
from collections.abc import Iterable, Sequence
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path
from typing import Protocol

import keyring
from keyring.errors import KeyringError

from app.store import Store
from rules.records import Alert, AlertKind
from rules.report_advice import ADVICE, ALERT_NAMES
from rules.report_mail import (
    ALERTS_INTRO,
    ALERTS_SUBJECT,
    SIGNATURE,
    WHOLE_PC,
    MailSettings,
    MailSettingsError,
    Security,
    mail_settings_from_setting,
)
from rules.report_words import day_and_time
from rules.text import Language

KEYRING_SERVICE = "qorgan-smtp"
MAIL_SETTING = "report_email"  # set by the console (app.service.api_console)
SMTP_SECONDS = 30


class MailError(Exception):
    """An e-mail did not go; the message says why, for the parent to read."""


class Mailer(Protocol):
    def send(self, message: EmailMessage) -> None:
        """Send `message` or raise MailError."""
        ...


class SmtpMailer:
    """Sends through the parent's mail server: never in the clear, its certificate checked."""

    def __init__(self, settings: MailSettings, password: str | None) -> None:
        self.settings = settings
        self._password = password

    def send(self, message: EmailMessage) -> None:
        settings = self.settings
        try:
            context = ssl.create_default_context(cafile=settings.ca_file)
            server: smtplib.SMTP
            if settings.security is Security.SSL:
                server = smtplib.SMTP_SSL(
                    settings.host, settings.port, timeout=SMTP_SECONDS, context=context
                )
            else:  # STARTTLS, or plain SMTP to a relay on this PC (the settings allow no other)
                server = smtplib.SMTP(settings.host, settings.port, timeout=SMTP_SECONDS)
            with server:
                server.ehlo()
                if settings.security is Security.STARTTLS:
                    server.starttls(context=context)
                if settings.username is not None:
                    if self._password is None:
                        raise MailError(f"no password in the keyring for {settings.username}")
                    _login(server, settings.username, self._password)
                server.send_message(message, settings.sender, list(settings.recipients))
        except (smtplib.SMTPException, OSError, UnicodeError) as error:
            raise MailError(f"{settings.host}:{settings.port}: {error}") from error


def _login(server: smtplib.SMTP, username: str, password: str) -> None:
    """AUTH PLAIN in UTF-8 (RFC 4616), which smtplib cannot: a password may be in Kazakh."""
    server.ehlo_or_helo_if_needed()
    if "PLAIN" not in server.esmtp_features.get("auth", "").upper().split():
        server.login(username, password)  # the server's other mechanisms: ASCII only
        return
    token = base64.b64encode(b"\0" + username.encode() + b"\0" + password.encode()).decode()
    code, answer = server.docmd("AUTH", f"PLAIN {token}")
    if code not in {235, 503}:  # 503: already authenticated
        raise smtplib.SMTPAuthenticationError(code, answer)


def save_password(username: str, password: str) -> None:
    """Keep the mail password in the OS keyring (never in Qorgan's database)."""
    keyring.set_password(KEYRING_SERVICE, username, password)


def mail_settings(store: Store) -> MailSettings | None:
    """The `report_email` setting; MailSettingsError if a parent has to correct it."""
    return mail_settings_from_setting(store.setting(MAIL_SETTING))


def mailer_from_store(store: Store) -> SmtpMailer | None:
    """A mailer for the configured server, or None when e-mail is off or set up wrong.

    A wrong setting is not raised here: the e-mails wait in the queue, and their error,
    which the parent sees, names the field. A keyring that cannot be read leaves the
    password out: the send then fails the same visible way, and is retried.
    """
    try:
        settings = mail_settings(store)
    except MailSettingsError:
        return None
    if settings is None:
        return None
    password = None
    if settings.username is not None:
        try:
            password = keyring.get_password(KEYRING_SERVICE, settings.username)
        except KeyringError:
            password = None
    return SmtpMailer(settings, password)


def _message(settings: MailSettings, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.sender
    message["To"] = ", ".join(settings.recipients)
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="qorgan.invalid")
    message.set_content(body)
    return message


def report_message(
    settings: MailSettings, subject: str, body: str, files: Iterable[Path]
) -> EmailMessage:
    """The report e-mail with its files (PDF and HTML) attached; MailError if one is gone."""
    message = _message(settings, subject, body)
    for path in files:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise MailError(f"the report file {path.name} cannot be read: {error}") from error
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        maintype, subtype = kind.split("/", 1)
        if maintype == "text":  # our HTML is UTF-8: say so, or mail readers guess
            text = data.decode("utf-8")
            message.add_attachment(text, subtype=subtype, charset="utf-8", filename=path.name)
        else:
            message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    return message


def alerts_message(
    settings: MailSettings, alerts: Sequence[Alert], language: Language
) -> EmailMessage:
    """One e-mail for a group of alerts: by kind, each with when and where, then the advice."""
    lines = [ALERTS_INTRO.get(language), ""]
    for kind in AlertKind:
        group = [a for a in alerts if a.kind is kind]
        if not group:
            continue
        lines.append(f"{ALERT_NAMES[kind].get(language)} ({len(group)})")
        for alert in group:
            who = alert.child or WHOLE_PC.get(language)
            detail = f" · {alert.detail}" if alert.detail else ""
            lines.append(f"  - {day_and_time(alert.at, language)} · {who}{detail}")
        lines.extend(("", ADVICE[kind].get(language), ""))
    lines.append(SIGNATURE.get(language))
    subject = ALERTS_SUBJECT.format(count=len(alerts)).get(language)
    return _message(settings, subject, "\n".join(lines))
