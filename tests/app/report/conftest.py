"""Fixtures for the report tests: a seeded store, an in-memory keyring, a local SMTP server."""

import datetime as dt
import ipaddress
import socket
import ssl
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import keyring
import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from keyring.backend import KeyringBackend

from app.store import Store
from tests.app.report.seed import seed

SMTP_USER = "pc@qorgan.test"
SMTP_PASSWORD = "korgan-smtp-пароль"


class MemoryKeyring(KeyringBackend):
    """A keyring in memory, so that no test touches the OS keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    with Store.open(data_dir / "qorgan.db") as opened:
        yield opened


@pytest.fixture
def seeded(store: Store) -> Store:
    seed(store)
    return store


@pytest.fixture(scope="session")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1: the CA file the mailer is told to trust."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Inbox:
    """What the SMTP server received: each message's envelope, after a proper login."""

    messages: list[Envelope] = field(default_factory=list)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.messages.append(envelope)
        return "250 OK"


def _check_login(
    server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: object
) -> AuthResult:
    ok = (
        isinstance(data, LoginPassword)
        and data.login.decode() == SMTP_USER
        and data.password.decode() == SMTP_PASSWORD
    )
    return AuthResult(success=ok, handled=False)  # not handled: aiosmtpd answers 535


@dataclass
class MailServer:
    host: str
    port: int
    security: str
    ca_file: Path
    inbox: Inbox
    controller: Controller

    def setting(self, **extra: object) -> dict[str, object]:
        """The console's `report_email` setting for this server."""
        return {
            "enabled": True,
            "to": "mama@qorgan.test, papa@qorgan.test",
            "sender": SMTP_USER,
            "smtp_host": self.host,
            "smtp_port": self.port,
            "security": self.security,
            "username": SMTP_USER,
            "ca_file": str(self.ca_file),
            **extra,
        }


def start_server(security: str, certificate: tuple[Path, Path]) -> MailServer:
    """An aiosmtpd server on 127.0.0.1 (never another address) that requires TLS and a login."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*certificate)
    inbox = Inbox()
    if security == "ssl":
        # aiosmtpd offers AUTH only after its own STARTTLS; this connection is TLS from the start.
        tls: dict[str, object] = {"ssl_context": context, "auth_require_tls": False}
    else:
        tls = {"tls_context": context, "require_starttls": True}
    controller = Controller(
        inbox,
        hostname="127.0.0.1",
        port=free_port(),
        authenticator=_check_login,
        auth_required=True,
        **tls,  # type: ignore[arg-type]
    )
    controller.start()
    return MailServer("127.0.0.1", controller.port, security, certificate[0], inbox, controller)


@pytest.fixture(params=["starttls", "ssl"])
def mail_server(
    request: pytest.FixtureRequest, certificate: tuple[Path, Path]
) -> Iterator[MailServer]:
    server = start_server(request.param, certificate)
    try:
        yield server
    finally:
        server.controller.stop()


@pytest.fixture
def starttls_server(certificate: tuple[Path, Path]) -> Iterator[MailServer]:
    server = start_server("starttls", certificate)
    try:
        yield server
    finally:
        server.controller.stop()
