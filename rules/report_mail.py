"""The parent's e-mail settings (the password is in the OS keyring), and what the e-mails say."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from rules.text import Text

DEFAULT_ALERT_INTERVAL_MINUTES = 15
# The console's fields (app.service.api_console), then ones only a file or a test sets.
_FIELDS = frozenset(
    {"enabled", "to", "sender", "smtp_host", "smtp_port", "security", "username"}
    | {"reports", "alerts", "alert_interval_minutes", "ca_file"}
)
LOOPBACK = frozenset({"127.0.0.1", "::1", "localhost"})


class Security(StrEnum):
    """STARTTLS or TLS from the start; plain SMTP only to a relay on this very PC."""

    STARTTLS = "starttls"
    SSL = "ssl"
    NONE = "none"


class MailSettingsError(ValueError):
    """An e-mail setting a parent has to correct; the message names the field."""


@dataclass(frozen=True, slots=True)
class MailSettings:
    """Where the reports and alerts go; `ca_file` trusts a school's own mail server certificate."""

    host: str
    port: int
    security: Security
    sender: str
    recipients: tuple[str, ...]
    username: str | None = None
    reports: bool = True
    alerts: bool = True
    alert_interval_minutes: int = DEFAULT_ALERT_INTERVAL_MINUTES
    ca_file: str | None = None


def _text(value: Mapping[str, object], field: str) -> str:
    found = value.get(field, "")
    if not isinstance(found, str):
        raise MailSettingsError(f"report_email.{field}: text")
    return found.strip()


def _address(text: str, field: str) -> str:
    local, at, domain = text.rpartition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in text):
        raise MailSettingsError(f"report_email.{field}: {text!r} is not an e-mail address")
    return text


def _flag(value: Mapping[str, object], field: str) -> bool:
    found = value.get(field, True)
    if not isinstance(found, bool):
        raise MailSettingsError(f"report_email.{field}: true or false")
    return found


def _whole(value: Mapping[str, object], field: str, default: int, high: int) -> int:
    found = value.get(field, default)
    if isinstance(found, bool) or not isinstance(found, int) or not 1 <= found <= high:
        raise MailSettingsError(f"report_email.{field}: a whole number from 1 to {high}")
    return found


def mail_settings_from_setting(value: object) -> MailSettings | None:
    """The console's `report_email` setting; None while e-mail is off or not set up.

    For example {"enabled": true, "to": "mama@mail.kz", "sender": "pc@mail.kz",
    "smtp_host": "smtp.mail.kz", "smtp_port": 587, "security": "starttls",
    "username": "pc@mail.kz"}; `to` may hold several addresses, separated by commas.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise MailSettingsError("report_email must be an object with to, sender and smtp_host")
    unknown = sorted(set(value) - _FIELDS)
    if unknown:
        raise MailSettingsError(f"report_email.{unknown[0]}: unknown field")
    if value.get("enabled", False) is not True:
        return None
    try:
        security = Security(_text(value, "security").lower() or "starttls")
    except ValueError:
        raise MailSettingsError("report_email.security: starttls, ssl or none") from None
    host = _text(value, "smtp_host")
    if not host:
        raise MailSettingsError("report_email.smtp_host: the mail server is needed")
    if security is Security.NONE and host.lower() not in LOOPBACK:
        raise MailSettingsError(
            "report_email.security: none would send children's data in the clear;"
            " use starttls or ssl (none is only for a relay on this PC)"
        )
    recipients = [r for r in _text(value, "to").replace(";", ",").split(",") if r.strip()]
    if not recipients:
        raise MailSettingsError("report_email.to: at least one e-mail address")
    username = _text(value, "username") or None
    sender = _text(value, "sender") or username or ""
    ca_file = _text(value, "ca_file") or None
    return MailSettings(
        host=host,
        port=_whole(value, "smtp_port", 465 if security is Security.SSL else 587, 65535),
        security=security,
        sender=_address(sender, "sender"),
        recipients=tuple(_address(r.strip(), "to") for r in recipients),
        username=username,
        reports=_flag(value, "reports"),
        alerts=_flag(value, "alerts"),
        alert_interval_minutes=_whole(
            value, "alert_interval_minutes", DEFAULT_ALERT_INTERVAL_MINUTES, 24 * 60
        ),
        ca_file=ca_file,
    )


REPORT_SUBJECT = Text(
    kk="Qorgan: {child} туралы апталық есеп, {dates}",
    ru="Qorgan: недельный отчёт о ребёнке {child}, {dates}",
    en="Qorgan: weekly report for {child}, {dates}",
)
REPORT_BODY = Text(
    kk="Сәлеметсіз бе!\n\nQorgan-ның {child} туралы апталық есебі ({dates}) қосымшада: оқуға "
    "не басып шығаруға PDF және сол есеп веб-бет ретінде.\n\nҚысқаша: компьютердегі уақыт "
    "{time}, бұғатталған сұраулар {blocked}, ескертулер {alerts}.",
    ru="Здравствуйте!\n\nВо вложении недельный отчёт Qorgan о ребёнке {child} ({dates}): PDF "
    "для чтения или печати и тот же отчёт в виде веб-страницы.\n\nВкратце: время за "
    "компьютером {time}, заблокированных запросов {blocked}, оповещений {alerts}.",
    en="Hello!\n\nQorgan's weekly report for {child} ({dates}) is attached: a PDF to read or "
    "print, and the same report as a web page.\n\nIn brief: time at the PC {time}, blocked "
    "requests {blocked}, alerts {alerts}.",
)
ALERTS_SUBJECT = Text(
    kk="Qorgan: жаңа ескертулер ({count})",
    ru="Qorgan: новые оповещения ({count})",
    en="Qorgan: new alerts ({count})",
)
ALERTS_INTRO = Text(
    kk="Сәлеметсіз бе! Qorgan мынаны байқады. Әр түрінен кейін қысқа кеңес берілген.",
    ru="Здравствуйте! Qorgan заметил следующее. После каждого вида есть короткий совет.",
    en="Hello! Qorgan noticed the following. Each kind comes with a short piece of advice.",
)
WHOLE_PC = Text(kk="бүкіл компьютер", ru="весь компьютер", en="the whole PC")
SIGNATURE = Text(
    kk="Бұл хатты осы компьютердегі Qorgan жіберді.",
    ru="Это письмо отправил Qorgan с этого компьютера.",
    en="This e-mail was sent by Qorgan on this PC.",
)
