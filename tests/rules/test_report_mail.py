"""The console's `report_email` setting read for sending: what is required, what is refused."""

import pytest

from rules.report_mail import MailSettings, MailSettingsError, Security, mail_settings_from_setting

CONSOLE = {
    "enabled": True,
    "to": "mama@mail.kz",
    "sender": "pc@mail.kz",
    "smtp_host": "smtp.mail.kz",
    "smtp_port": 587,
    "security": "starttls",
    "username": "pc@mail.kz",
}


def test_the_consoles_setting() -> None:
    assert mail_settings_from_setting(CONSOLE) == MailSettings(
        host="smtp.mail.kz",
        port=587,
        security=Security.STARTTLS,
        sender="pc@mail.kz",
        recipients=("mama@mail.kz",),
        username="pc@mail.kz",
    )


def test_off_or_missing_means_no_mail() -> None:
    assert mail_settings_from_setting(None) is None
    assert mail_settings_from_setting({**CONSOLE, "enabled": False}) is None
    assert mail_settings_from_setting({"enabled": False}) is None


def test_several_recipients_ssl_default_port_and_the_sender_from_the_username() -> None:
    settings = mail_settings_from_setting(
        {**CONSOLE, "to": "mama@mail.kz; papa@mail.kz,", "security": "SSL", "sender": ""}
        | {"smtp_port": 465, "ca_file": "/etc/school-ca.pem", "alerts": False}
    )
    assert settings is not None
    assert settings.recipients == ("mama@mail.kz", "papa@mail.kz")
    assert (settings.security, settings.port, settings.sender) == (Security.SSL, 465, "pc@mail.kz")
    assert (settings.ca_file, settings.alerts, settings.reports) == (
        "/etc/school-ca.pem",
        False,
        True,
    )
    without_port = {k: v for k, v in CONSOLE.items() if k != "smtp_port"}
    assert mail_settings_from_setting(without_port | {"security": "ssl"}).port == 465  # type: ignore[union-attr]
    assert mail_settings_from_setting(without_port).port == 587  # type: ignore[union-attr]
    no_login = mail_settings_from_setting({**CONSOLE, "username": ""})
    assert no_login is not None and no_login.username is None


def test_plain_smtp_only_to_a_relay_on_this_pc() -> None:
    local = mail_settings_from_setting({**CONSOLE, "security": "none", "smtp_host": "127.0.0.1"})
    assert local is not None and local.security is Security.NONE
    with pytest.raises(MailSettingsError, match="in the clear"):
        mail_settings_from_setting({**CONSOLE, "security": "none"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"smtp_host": " "}, r"report_email.smtp_host: the mail server is needed"),
        ({"to": ""}, r"report_email.to: at least one"),
        ({"to": "mama"}, r"report_email.to: 'mama' is not an e-mail address"),
        ({"to": "mama@localhost"}, r"is not an e-mail address"),
        ({"sender": "", "username": ""}, r"report_email.sender"),
        ({"security": "tls13"}, r"report_email.security: starttls, ssl or none"),
        ({"smtp_port": 0}, r"report_email.smtp_port: a whole number from 1 to 65535"),
        ({"smtp_port": True}, r"report_email.smtp_port"),
        ({"smtp_host": 7}, r"report_email.smtp_host: text"),
        ({"alerts": "yes"}, r"report_email.alerts: true or false"),
        ({"alert_interval_minutes": 0}, r"report_email.alert_interval_minutes"),
        ({"smtp_hots": "x"}, r"report_email.smtp_hots: unknown field"),
    ],
)
def test_a_wrong_setting_names_its_field(change: dict[str, object], message: str) -> None:
    with pytest.raises(MailSettingsError, match=message):
        mail_settings_from_setting({**CONSOLE, **change})


def test_not_an_object() -> None:
    with pytest.raises(MailSettingsError, match="must be an object"):
        mail_settings_from_setting("smtp.mail.kz")
