"""Real traffic through a real mitmdump with Qorgan's addons, to local HTTP and HTTPS upstreams."""

import json
import os
import re
import socket
import ssl
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import pytest

from app.ipc.server import IpcServer
from app.paths import assets_dir
from app.service import api_blockpage, api_core
from app.service.api import Api
from app.service.snapshot import write_snapshot
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile
from rules.records import RequestKind
from rules.text import Language
from tests.proxy.harness import Mitmdump, Upstream, UpstreamCa, fetch

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]

HOSTS = [
    "vk.com",
    "bilimland.kz",
    "www.google.kz",
    "www.youtube.com",
    "forum.example",
    "casino-words.test",
    "news.test",
    "dns.google",
]
PIN = "2468"


@dataclass
class Setup:
    proxy: Mitmdump
    https: Upstream
    plain: Upstream
    ca: UpstreamCa
    store: Store
    data: Path

    def get(self, url: str, **options: object) -> object:
        cafile = options.pop("cafile", self.proxy.ca_path)
        return fetch(self.proxy.port, url, cafile=cafile, **options)  # type: ignore[arg-type]

    def publish(self) -> None:
        """What the service does when the policy changes: a new snapshot for the proxy."""
        national = assets_dir() / "lists" / "national-sample.json"
        write_snapshot(self.data, self.store.policy(), national, "Aruzhan")


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setup]:
    data = tmp_path_factory.mktemp("proxy")
    ca = UpstreamCa(data)
    https, plain = Upstream(ca.issue(HOSTS)), Upstream()
    store = Store.open(data / "qorgan.db")
    store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, language=Language.RU))
    store.set_pin(PIN)
    api = Api(lambda: Store.open(data / "qorgan.db"), datetime.now, frozenset({os.getuid()}))
    api_core.register(api, "demo")
    api_blockpage.register(api)
    ipc = IpcServer(data / "run" / "qorgan.sock", api.dispatch)
    ipc.start()
    national = assets_dir() / "lists" / "national-sample.json"
    snapshot = write_snapshot(data, store.policy(), national, "Aruzhan")
    mapping = [f"{h}={https.port}:443" for h in HOSTS] + [f"{h}={plain.port}:80" for h in HOSTS]
    proxy = Mitmdump(
        data / "mitmproxy",
        {
            "qorgan_snapshot": str(snapshot),
            "qorgan_events": str(data / "events.jsonl"),
            "qorgan_ipc": str(data / "run" / "qorgan.sock"),
            "ssl_verify_upstream_trusted_ca": str(ca.cert_path),
            "test_hosts": ",".join(mapping),
            # Test names reach local servers when a request needs them (tests/proxy/hostmap.py).
            "connection_strategy": "lazy",
        },
        data / "mitmdump.log",
    )
    yield Setup(proxy, https, plain, ca, store, data)
    proxy.stop()
    ipc.stop()
    https.stop()
    plain.stop()
    store.close()


def test_an_allowed_host_gets_the_upstream_page_over_http_and_https(setup: Setup) -> None:
    for url in ("http://news.test/", "https://news.test/"):
        answer = setup.get(url)
        assert answer.status == 200
        assert "hello from news.test" in answer.body
    assert "alt-svc" not in answer.headers  # browsers stay off QUIC


def test_a_blocked_host_gets_the_block_page_and_never_reaches_upstream(setup: Setup) -> None:
    before = setup.https.hits("vk.com") + setup.plain.hits("vk.com")
    for url in ("https://vk.com/feed", "http://vk.com/"):
        answer = setup.get(url)
        assert answer.status == 403
        assert '<html lang="ru">' in answer.body
        assert "Социальные сети" in answer.body
        assert "/feed" not in answer.body
    assert setup.https.hits("vk.com") + setup.plain.hits("vk.com") == before


def test_a_categorised_allowed_host_passes_through_undecrypted(setup: Setup) -> None:
    answer = setup.get("https://bilimland.kz/", cafile=setup.ca.cert_path)
    assert answer.status == 200
    assert answer.issuer == "commonName=Qorgan test upstream CA"  # the upstream's own certificate
    with pytest.raises(ssl.SSLCertVerificationError):
        setup.get("https://bilimland.kz/")  # Qorgan's CA did not sign what the client got


def test_an_intercepted_host_gets_qorgans_certificate(setup: Setup) -> None:
    assert (
        setup.get("https://news.test/").issuer == "commonName=mitmproxy, organizationName=mitmproxy"
    )


def test_safe_search_parameters_and_restricted_mode_arrive_upstream(setup: Setup) -> None:
    assert setup.get("https://www.google.kz/search?q=cats&safe=off").status == 200
    assert setup.get("https://www.youtube.com/watch?v=1").status == 200
    paths = {seen.host: seen for seen in setup.https.seen}
    assert paths["www.google.kz"].path == "/search?q=cats&safe=active"
    assert paths["www.youtube.com"].headers["YouTube-Restrict"] == "Strict"  # 12+: strict


def test_dns_over_https_is_refused_by_host_and_by_content_type(setup: Setup) -> None:
    before = len(setup.https.seen)
    assert (
        setup.get("https://dns.google/dns-query?dns=AAABAAABAAAAAAAAB2V4YW1wbGUDY29tAAABAAE").status
        == 403
    )
    query = (
        b"\x00\x00\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00\x07example\x03com\x00\x00\x01\x00\x01"
    )
    headers = {"Content-Type": "application/dns-message", "Accept": "application/dns-message"}
    answer = setup.get("https://news.test/dns-query", method="POST", body=query, headers=headers)
    assert answer.status == 403
    assert len(setup.https.seen) == before


def test_a_national_url_entry_blocks_one_path_of_an_allowed_host(setup: Setup) -> None:
    blocked = setup.get("https://forum.example/threads/harmful-sample/7")
    assert blocked.status == 403
    assert "41-1" in blocked.body
    other = setup.get("https://forum.example/threads/other")
    assert (other.status, "hello from forum.example" in other.body) == (200, True)
    assert [s.path for s in setup.https.seen if s.host == "forum.example"] == ["/threads/other"]


def test_an_uncategorised_page_about_gambling_is_blocked_by_its_score(setup: Setup) -> None:
    answer = setup.get("https://casino-words.test/gambling")
    assert answer.status == 403
    assert "слова не для твоего возраста" in answer.body
    assert setup.get("https://casino-words.test/").status == 200


def test_a_connect_to_a_bare_address_is_refused(setup: Setup) -> None:
    with socket.create_connection(("127.0.0.1", setup.proxy.port), timeout=5) as sock:
        sock.sendall(b"CONNECT 203.0.113.7:443 HTTP/1.1\r\nHost: 203.0.113.7:443\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 403")


def test_plain_http_on_port_443_is_refused(setup: Setup) -> None:
    with socket.create_connection(("127.0.0.1", setup.proxy.port), timeout=5) as sock:
        sock.sendall(b"CONNECT news.test:443 HTTP/1.1\r\nHost: news.test:443\r\n\r\n")
        assert sock.recv(100).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET / HTTP/1.1\r\nHost: news.test\r\n\r\n")
        assert sock.recv(100) == b""  # closed, nothing answered


def form_of(page: str) -> dict[str, str]:
    return dict(re.findall(r'name="(host|token)" value="([^"]*)"', page))


def test_ask_a_parent_and_the_parent_pin_allow_the_site(setup: Setup) -> None:
    page = setup.get("https://vk.com/").body
    fields = form_of(page)
    assert fields["host"] == "vk.com"
    headers = {"Content-Type": "application/x-www-form-urlencoded"}

    def post(path: str, **extra: str) -> str:
        body = urlencode({**fields, **extra}).encode()
        answer = setup.get(
            f"https://qorgan.invalid{path}", method="POST", body=body, headers=headers
        )
        assert answer.status == 200
        return answer.body

    assert "Просьба отправлена" in post("/ask")
    requests = setup.store.requests()
    assert [(r.child, r.kind, r.host) for r in requests] == [
        ("Aruzhan", RequestKind.SITE, "vk.com")
    ]
    assert "Неверный PIN" in post("/allow", pin="0000", duration="hour")
    forged = urlencode({"host": "vk.com", "token": "0" * 32, "pin": PIN}).encode()
    answer = setup.get("https://qorgan.invalid/allow", method="POST", body=forged, headers=headers)
    assert "устарела" in answer.body  # a form the proxy did not make does nothing
    assert "открыт на 1 час" in post("/allow", pin=PIN, duration="hour")
    assert [g.host for g in setup.store.child("Aruzhan").rules.site_grants] == ["vk.com"]
    setup.publish()
    # Granted, vk.com needs nothing inside its connection: it passes through, undecrypted.
    # The proxy looks at the snapshot once a second, and a connection whose handshake came
    # just before the new snapshot may still be opened up and answered (200, Qorgan's
    # certificate): wait for the pass-through answer itself, not for the first 200.
    upstream = "commonName=Qorgan test upstream CA"
    both = setup.data / "both-cas.pem"
    both.write_bytes(setup.proxy.ca_path.read_bytes() + setup.ca.cert_path.read_bytes())
    deadline = time.monotonic() + 20
    while True:
        hits = setup.https.hits("vk.com")
        answer = setup.get("https://vk.com/", cafile=both)
        if (answer.status, answer.issuer) == (200, upstream) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert (answer.status, answer.issuer) == (200, upstream)
    assert setup.https.hits("vk.com") == hits + 1


def test_the_about_page_is_served_by_the_proxy(setup: Setup) -> None:
    answer = setup.get("https://qorgan.invalid/")
    assert answer.status == 200
    assert "Что делает Qorgan" in answer.body
    assert "Никогда не записывается" in answer.body


def test_events_hold_hosts_only(setup: Setup) -> None:
    setup.get("https://forum.example/threads/harmful-sample?q=private")
    time.sleep(1.5)
    setup.get("http://news.test/")  # a later request flushes the batch
    text = (setup.data / "events.jsonl").read_text(encoding="utf-8")
    events = [json.loads(line) for line in text.splitlines()]
    assert "private" not in text and "/threads" not in text
    kinds = {(e["host"], e["step"], e["rule_id"]) for e in events}
    assert ("bilimland.kz", "default", "category:education@12+") in kinds
    assert ("news.test", "bypass", "bypass:doh-content") in kinds
    assert ("203.0.113.7", "bypass", "bypass:bare-ip") in kinds
    assert ("news.test", "bypass", "bypass:plain-443") in kinds
    assert ("casino-words.test", "content", "content:12+") in kinds
