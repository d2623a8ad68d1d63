"""Real processes for the proxy's end-to-end tests and benchmark: a test CA, local upstream
servers that count what reaches them, a real mitmdump with Qorgan's addons, and a client."""

import http.client
import socket
import ssl
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

import proxy

HOSTMAP = Path(__file__).with_name("hostmap.py")
MITMDUMP = Path(sys.executable).with_name("mitmdump")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _name(text: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, text)])


def _pem_key(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


@dataclass
class UpstreamCa:
    """A certificate authority made for one test run: the upstream servers' own CA."""

    directory: Path
    cert_path: Path = field(init=False)

    def __post_init__(self) -> None:
        self.key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        self.cert = (
            x509.CertificateBuilder()
            .subject_name(_name("Qorgan test upstream CA"))
            .issuer_name(_name("Qorgan test upstream CA"))
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=2))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(self.key, hashes.SHA256())
        )
        self.cert_path = self.directory / "upstream-ca.pem"
        self.cert_path.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))

    def issue(self, hosts: list[str]) -> tuple[Path, Path]:
        """A server certificate for `hosts`, signed by this CA: (cert file, key file)."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = datetime.now(UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(_name(hosts[0]))
            .issuer_name(self.cert.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=1))
            .not_valid_after(now + timedelta(days=2))
            .add_extension(
                x509.SubjectAlternativeName([x509.DNSName(host) for host in hosts]),
                critical=False,
            )
            .sign(self.key, hashes.SHA256())
        )
        cert_path, key_path = self.directory / "upstream.pem", self.directory / "upstream.key"
        cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_path.write_bytes(_pem_key(key))
        return cert_path, key_path


@dataclass(frozen=True)
class Seen:
    """One request that reached an upstream server."""

    host: str
    path: str
    headers: dict[str, str]


GAMBLING_PAGE = (
    "<html><body><h1>Онлайн казино</h1><p>Бонус без депозита, фриспины и слоты! "
    "Ставки на спорт, рулетка, джекпот. Онлайн казино для всех.</p></body></html>"
)


class Upstream:
    """A local web server (HTTP, or HTTPS with `certificate`) that records what reaches it."""

    def __init__(self, certificate: tuple[Path, Path] | None = None) -> None:
        self.seen: list[Seen] = []
        upstream = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                host = (self.headers.get("Host") or "").split(":")[0]
                upstream.seen.append(Seen(host, self.path, dict(self.headers.items())))
                if self.path.startswith("/gambling"):
                    body = GAMBLING_PAGE.encode()
                else:
                    body = f"<html><body><p>hello from {host}</p></body></html>".encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Alt-Svc", 'h3=":443"; ma=86400')
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        if certificate is not None:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*certificate)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def hits(self, host: str) -> int:
        return sum(1 for seen in self.seen if seen.host == host)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Mitmdump:
    """A real mitmdump with Qorgan's worker script and the test host map."""

    def __init__(
        self,
        confdir: Path,
        options: dict[str, str],
        log: Path,
        *,
        scripts: bool = True,
        extra_scripts: list[Path] | None = None,
    ) -> None:
        self.port = free_port()
        self.confdir = confdir
        worker = [Path(proxy.__file__).with_name("worker.py")] if scripts else []
        command = [
            str(MITMDUMP),
            *("--listen-host", "127.0.0.1", "--listen-port", str(self.port)),
            *(
                part
                for script in [*worker, HOSTMAP, *(extra_scripts or [])]
                for part in ("-s", str(script))
            ),
            *("--set", f"confdir={confdir}"),
        ]
        for name, value in options.items():
            command += ["--set", f"{name}={value}"]
        self.log = log
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(command, stdout=self._log_file, stderr=self._log_file)
        deadline = time.monotonic() + 30
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"mitmdump exited: {log.read_text()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("mitmdump did not listen within 30 s") from None
                time.sleep(0.1)

    @property
    def ca_path(self) -> Path:
        return self.confdir / "mitmproxy-ca-cert.pem"

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log_file.close()


@dataclass
class Answer:
    status: int
    body: str
    headers: dict[str, str]
    issuer: str | None = None


def fetch(
    proxy_port: int,
    url: str,
    *,
    cafile: Path | None = None,
    method: str = "GET",
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Answer:
    """One request through the proxy: plain HTTP in absolute form, HTTPS through CONNECT."""
    scheme, _, rest = url.partition("://")
    host, slash, path = rest.partition("/")
    path = slash + path
    connection: http.client.HTTPConnection
    if scheme == "https":
        context = ssl.create_default_context(cafile=str(cafile) if cafile else None)
        connection = http.client.HTTPSConnection(
            "127.0.0.1", proxy_port, timeout=10, context=context
        )
        connection.set_tunnel(host, 443)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", proxy_port, timeout=10)
        path = url
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        text = response.read().decode("utf-8", errors="replace")
        issuer = None
        sock = connection.sock
        if isinstance(sock, ssl.SSLSocket):
            peer = sock.getpeercert()
            issuer = ", ".join(f"{k}={v}" for part in peer.get("issuer", ()) for k, v in part)
        return Answer(
            response.status, text, {k.lower(): v for k, v in response.getheaders()}, issuer
        )
    finally:
        connection.close()
