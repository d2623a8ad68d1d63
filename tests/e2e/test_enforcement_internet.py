"""The enforcement suite's "internet": web, DoH, QUIC, DoT and DNS servers in a network namespace.

Every server counts what reaches it, so a test can prove that a child's attempt never
arrived (and that the same attempt by a non-child does). The addresses exist only inside
the namespaces the suite creates. No test functions live here.
"""

import datetime
import ipaddress
import os
import socket
import ssl
import struct
import subprocess
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from mitmproxy import dns

# The "internet" side of the veth pair, and the sites on it.
NET4, NET6 = "10.77.0.1", "fd77::1"
PC4, PC6 = "10.77.0.2", "fd77::2"
SITES = {
    "allowed.test": ("10.77.0.10", "fd77::10"),
    "casino.test": ("10.77.0.11", "fd77::11"),  # on the national list, by name and by address
    "blocked.test": ("10.77.0.12", "fd77::12"),  # on the parent's deny list
    "xn--80aodfsg.test": ("10.77.0.13", "fd77::13"),  # казино.test, on the national list
    "school.test": ("10.77.0.14", "fd77::14"),  # on the parent's allow list: passed through
    "dns.google": ("10.77.0.20", "fd77::20"),  # a DoH resolver
}
# Servers a child might run out there to tunnel through port 80 or 443.
TUNNEL_TLS = "10.77.0.30"  # TLS on 443 with its own certificate (not for any site's name)
TUNNEL_SSH = "10.77.0.31"  # an SSH-like server that speaks first, on 80 and 443
# Other ports a child might try: TCP counted on accept, UDP on each datagram.
OTHER_TCP = {22: "ssh", 1080: "socks", 3128: "web-proxy", 9001: "tor"}
OTHER_UDP = {51820: "wireguard", 1194: "openvpn"}
ISP_RESOLVER = "10.77.0.53"  # the PC's configured resolver
OTHER_RESOLVER = "10.77.0.88"  # a resolver a child might pick instead
OTHER_ANSWER = "10.77.0.99"  # what only the other resolver answers
BODY = "hello from {host}"


@contextmanager
def in_netns(name: str) -> Iterator[None]:
    """This thread inside network namespace `name` (sockets made now stay there)."""
    home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
    target = os.open(f"/run/netns/{name}", os.O_RDONLY)
    try:
        os.setns(target, os.CLONE_NEWNET)
        yield
    finally:
        os.setns(home, os.CLONE_NEWNET)
        os.close(target)
        os.close(home)


def make_ca(directory: Path) -> tuple[Path, Path, Path]:
    """A test CA and one server certificate for every site name and address: (ca, cert, key)."""
    now = datetime.datetime.now(datetime.UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Qorgan e2e internet CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(False, False, False, False, False, True, True, False, False), True
        )
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    names: list[x509.GeneralName] = [x509.DNSName(name) for name in SITES]
    names += [
        x509.IPAddress(ipaddress.ip_address(address)) for pair in SITES.values() for address in pair
    ]
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "allowed.test")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256())
    )
    paths = directory / "internet-ca.crt", directory / "server.crt", directory / "server.key"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def self_signed(directory: Path, name: str) -> tuple[Path, Path]:
    """A self-signed certificate for `name` and its key: (cert, key)."""
    now = datetime.datetime.now(datetime.UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .sign(key, hashes.SHA256())
    )
    paths = directory / f"{name}.crt", directory / f"{name}.key"
    paths[0].write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return paths


def dns_answer(query: bytes, table: dict[str, str], fallback: str | None) -> bytes:
    """An answer to a DNS query: A records from `table` (or `fallback`), nothing for others."""
    message = dns.DNSMessage.unpack(query)
    question = message.question
    if question is None:
        return message.fail(dns.response_codes.FORMERR).packed
    name = question.name.rstrip(".").lower()
    address = table.get(name, fallback)
    if question.type != dns.types.A or address is None:
        if address is None and question.type == dns.types.A:
            return message.fail(dns.response_codes.NXDOMAIN).packed
        return message.succeed([]).packed
    answer = dns.ResourceRecord.A(question.name, ipaddress.IPv4Address(address))
    return message.succeed([answer]).packed


class Internet:
    """The servers, started inside namespace `netns`; `hits` counts what reached each one."""

    def __init__(self, netns: str, workdir: Path) -> None:
        self.hits: Counter[str] = Counter()
        self.netns = netns
        self.ca, cert, key = make_ca(workdir)
        self._lock = threading.Lock()
        self._closers: list[socket.socket | ThreadingHTTPServer] = []
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        table = {name: pair[0] for name, pair in SITES.items()}
        table["use-application-dns.net"] = SITES["allowed.test"][0]  # Firefox's DoH canary
        with in_netns(netns):
            for family, host in ((socket.AF_INET, "0.0.0.0"), (socket.AF_INET6, "::")):
                self._web(family, host, 80, None)
                self._web(family, host, 443, context)
                self._web(family, host, 8080, None)
                self._udp(family, host, 443, "quic")
                self._udp(family, host, 853, "dot-udp")
                self._tcp(family, host, 853, "dot-tcp")
                for port, what in OTHER_TCP.items():
                    self._tcp(family, host, port, what)
                for port, what in OTHER_UDP.items():
                    self._udp(family, host, port, what)
            self._dns(ISP_RESOLVER, "isp-dns", table, None)
            self._dns(OTHER_RESOLVER, "other-dns", {}, OTHER_ANSWER)
            self._tunnels(workdir)

    def count(self, what: str) -> None:
        with self._lock:
            self.hits[what] += 1

    def close(self) -> None:
        for closer in self._closers:
            if isinstance(closer, ThreadingHTTPServer):
                closer.shutdown()
                closer.server_close()
            else:
                closer.close()

    def _thread(self, target: object, *args: object) -> None:
        threading.Thread(target=target, args=args, daemon=True).start()  # type: ignore[arg-type]

    def _web(
        self, family: socket.AddressFamily, host: str, port: int, tls: ssl.SSLContext | None
    ) -> None:
        internet = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                site = (self.headers.get("Host") or "").split(":")[0].lower().rstrip(".")
                scheme = "https" if tls else "http"
                internet.count(f"{scheme}:{site}:{port}")
                internet.count(f"{scheme}:{self.connection.getsockname()[0]}")
                if self.path.startswith("/dns-query"):
                    internet.count("doh")
                    length = int(self.headers.get("Content-Length") or 0)
                    query = self.rfile.read(length)
                    body = dns_answer(query, {"allowed.test": SITES["allowed.test"][0]}, None)
                    kind = "application/dns-message"
                else:
                    body, kind = BODY.format(host=site).encode(), "text/plain"
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = _answer  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            address_family = family
            daemon_threads = True

            def server_bind(self) -> None:
                if family == socket.AF_INET6:
                    self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                super().server_bind()

        server = Server((host, port), Handler)
        if tls is not None:
            server.socket = tls.wrap_socket(
                server.socket, server_side=True, do_handshake_on_connect=False
            )
        self._closers.append(server)
        self._thread(server.serve_forever)

    def _udp(self, family: socket.AddressFamily, host: str, port: int, what: str) -> None:
        sock = socket.socket(family, socket.SOCK_DGRAM)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind((host, port))
        self._closers.append(sock)

        def serve() -> None:
            while True:
                try:
                    sock.recvfrom(4096)
                except OSError:
                    return
                self.count(what)

        self._thread(serve)

    def _tcp(self, family: socket.AddressFamily, host: str, port: int, what: str) -> None:
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind((host, port))
        sock.listen()
        self._closers.append(sock)

        def serve() -> None:
            while True:
                try:
                    connection, _ = sock.accept()
                except OSError:
                    return
                self.count(what)
                connection.close()

        self._thread(serve)

    def _tunnels(self, workdir: Path) -> None:
        """The tunnel servers, behind a DNAT of their ports 80 and 443 (the sites hold those)."""
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(*self_signed(workdir, "tunnel.example"))
        self._tunnel(TUNNEL_TLS, 20443, "tunnel-tls", tls)
        self._tunnel(TUNNEL_SSH, 20080, "tunnel-ssh", None)
        rules = [
            f"ip daddr {TUNNEL_TLS} tcp dport 443 dnat to {TUNNEL_TLS}:20443",
            f"ip daddr {TUNNEL_SSH} tcp dport {{ 80, 443 }} dnat to {TUNNEL_SSH}:20080",
        ]
        script = "table ip tunnels {\n chain pre {\n  type nat hook prerouting priority -100;\n"
        subprocess.run(
            ["ip", "netns", "exec", self.netns, "nft", "-f", "-"],
            input=script + "\n".join(rules) + "\n }\n}\n",
            text=True,
            check=True,
        )

    def _tunnel(self, address: str, port: int, what: str, tls: ssl.SSLContext | None) -> None:
        """Counts connections (`what`) and data that came through (`what-data`), echoing it;
        without TLS it speaks first, as SSH does."""
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((address, port))
        sock.listen()
        self._closers.append(sock)

        def answer(connection: socket.socket) -> None:
            with connection:
                connection.settimeout(5)
                try:
                    if tls is not None:
                        connection = tls.wrap_socket(connection, server_side=True)
                    else:
                        connection.sendall(b"SSH-2.0-tunnel\r\n")
                    data = connection.recv(4096)
                    if data:
                        self.count(f"{what}-data")
                        connection.sendall(b"tunnel echo: " + data)
                except OSError:
                    return

        def serve() -> None:
            while True:
                try:
                    connection, _ = sock.accept()
                except OSError:
                    return
                self.count(what)
                self._thread(answer, connection)

        self._thread(serve)

    def _dns(self, address: str, what: str, table: dict[str, str], fallback: str | None) -> None:
        udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        udp.bind((address, 53))
        tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        tcp.bind((address, 53))
        tcp.listen()
        self._closers += [udp, tcp]

        def serve_udp() -> None:
            while True:
                try:
                    query, peer = udp.recvfrom(4096)
                except OSError:
                    return
                self.count(what)
                try:
                    udp.sendto(dns_answer(query, table, fallback), peer)
                except struct.error:  # not DNS (a VPN tried on port 53): no answer
                    continue

        def serve_tcp() -> None:
            while True:
                try:
                    connection, _ = tcp.accept()
                except OSError:
                    return
                self.count(what)
                with connection:
                    size = int.from_bytes(connection.recv(2), "big")
                    try:
                        answer = dns_answer(connection.recv(size), table, fallback)
                    except struct.error:
                        continue
                    connection.sendall(len(answer).to_bytes(2, "big") + answer)

        self._thread(serve_udp)
        self._thread(serve_tcp)
