"""The adversarial suite: a child on a real Linux PC tries to get around Qorgan, and cannot.

Real, as root: the suite builds a "PC" (its own network, mount and pid namespaces, with
a copy of /etc, so its accounts, trust store and firewall never touch this machine) and
an "internet" namespace behind a veth pair. In the PC it runs the root service
(`python -m app.service.main`), which starts the proxy as `qorgan-proxy`, applies the
nftables table and installs the CA. A child account and a parent (admin) account try
things; every server counts what reached it. The table of bypasses tried and stopped
is printed at the end. Killing the PC's pid namespace ends every process in it, even
if this test process dies; the namespaces and the folder are removed after the suite.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.paths import database_path, national_list_path
from app.store import Store
from rules.ageclass import AgeClass
from rules.ipc import ErrorCode
from rules.policy import ChildProfile, ChildRules
from rules.records import AlertKind
from rules.text import Language
from tests.e2e.test_enforcement_internet import (
    ISP_RESOLVER,
    OTHER_ANSWER,
    OTHER_RESOLVER,
    SITES,
    Internet,
)
from tests.e2e.test_enforcement_pc import (
    PIN,
    PREFIX,
    REPO,
    Pc,
    Result,
    inner_pid,
    remove_stale,
    wait_for,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(170)]

CHILD, PARENT, NEW_KID = "qchild", "qparent", "qnewkid"
ATTEMPTS: list[tuple[str, bool]] = []  # (bypass tried, stopped), for the table
MEASURED: list[str] = []  # figures printed under it


def national_list() -> dict[str, object]:
    def entry(reference: str, targets: list[dict[str, str]]) -> dict[str, object]:
        return {
            "reference": reference,
            "violation_type": "Online casino without a licence (test)",
            "legal_norm": "Law of RK on gambling, art. 8 (test)",
            "targets": targets,
            "protocol": "any",
            "issued": "2026-11-01",
            "authority": "Qorgan e2e suite",
        }

    casino4, casino6 = SITES["casino.test"]
    return {
        "qorgan_national_list": 1,
        "version": "e2e",
        "entries": [
            entry(
                "E2E-1",
                [
                    {"kind": "domain", "value": "casino.test"},
                    {"kind": "ip", "value": casino4},
                    {"kind": "ip", "value": casino6},
                ],
            ),
            entry("E2E-2", [{"kind": "url", "value": "https://allowed.test/banned/"}]),
            entry("E2E-3", [{"kind": "domain", "value": "казино.test"}]),
        ],
    }


def prepare_store(data: Path) -> None:
    with Store.open(database_path(data)) as store:
        store.add_child(
            ChildProfile(
                "Aruzhan",
                AgeClass.TWELVE,
                accounts=(CHILD,),
                language=Language.KK,
                rules=ChildRules(deny=("blocked.test",)),
            )
        )
        store.set_pin(PIN)
    national = national_list_path(data)
    national.parent.mkdir(parents=True, exist_ok=True)
    national.write_text(json.dumps(national_list(), ensure_ascii=False), encoding="utf-8")


def build_pc(request: pytest.FixtureRequest, without_nft: bool = False) -> Iterator[Pc]:
    """The PC with its service protecting a child and a parent, torn down after the module."""
    remove_stale()
    root = Path(tempfile.mkdtemp(prefix=PREFIX))
    machine = Pc(root, f"{PREFIX}{uuid.uuid4().hex[:6]}-", without_nft=without_nft)
    internet: Internet | None = None
    first_attempt = len(ATTEMPTS)
    try:
        machine.build_network()
        internet = Internet(machine.internet_ns, root)
        machine.build_files(internet.ca)
        for account in (CHILD, PARENT):
            done = machine.as_root("useradd", "--create-home", "--shell", "/bin/sh", account)
            assert done.code == 0, done.err
        assert machine.as_root("usermod", "-aG", "sudo", PARENT).code == 0  # the parent is admin
        prepare_store(machine.data)
        machine.start_service()

        def protected() -> dict[str, object] | None:
            status = machine.status()
            return status if status.get("healthy") else None

        wait_for("the service protecting the PC", protected, 40, machine)
        machine.internet = internet  # type: ignore[attr-defined]
        yield machine
    finally:
        backend = "iptables (nft failing)" if without_nft else "nftables"
        print_table(request, ATTEMPTS[first_attempt:], backend)
        machine.destroy()
        if internet is not None:
            internet.close()
        if not os.environ.get("QORGAN_E2E_KEEP"):  # keep the logs to read after a failure
            shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(scope="module")
def pc(request: pytest.FixtureRequest) -> Iterator[Pc]:
    yield from build_pc(request)


def print_table(
    request: pytest.FixtureRequest, attempts: list[tuple[str, bool]], backend: str
) -> None:
    """The bypasses tried and stopped, on the terminal whatever pytest captures."""
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None or not attempts:
        return
    width = max(len(what) for what, _ in attempts)
    stopped_count = sum(stopped for _, stopped in attempts)
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(
            f"{'bypass tried by the child (firewall: ' + backend + ')':<{width}}  stopped"
        )
        for what, stopped in attempts:
            reporter.write_line(f"{what:<{width}}  {'yes' if stopped else 'NO'}")
        reporter.write_line(f"{len(attempts)} bypasses tried, {stopped_count} stopped")
        for line in MEASURED:
            reporter.write_line(line)
        MEASURED.clear()


def hits(pc: Pc) -> dict[str, int]:
    return dict(pc.internet.hits)  # type: ignore[attr-defined]


def tried(what: str, stopped: bool) -> None:
    ATTEMPTS.append((what, stopped))
    assert stopped, f"not stopped: {what}"


def body_and_status(result: Result) -> tuple[int, str]:
    body, _, status = result.out.rpartition("\n")
    return int(status or 0), body


def is_block_page(result: Result) -> bool:
    status, body = body_and_status(result)
    return result.code == 0 and status == 403 and "<html" in body and "hello from" not in body


def test_an_allowed_site_works_through_the_proxy(pc: Pc) -> None:
    for url, options in [
        ("http://allowed.test/", ()),
        ("https://allowed.test/", ()),
        ("http://allowed.test/", ("--resolve", "allowed.test:80:[fd77::10]")),
        ("https://allowed.test/", ("--resolve", "allowed.test:443:[fd77::10]")),
    ]:
        result = pc.curl(CHILD, url, *options)
        assert body_and_status(result) == (200, "hello from allowed.test"), (url, options, result)
    # The names were resolved through the proxy's DNS stub (the child's DNS is redirected).
    assert hits(pc).get("isp-dns", 0) > 0


IDN = ("--resolve", f"xn--80aodfsg.test:443:{SITES['xn--80aodfsg.test'][0]}")
BLOCKED = [
    ("a blocked domain (parent's deny list), http", "http://blocked.test/", ()),
    ("a blocked domain (parent's deny list), https", "https://blocked.test/", ()),
    ("a national-list domain, https", "https://casino.test/", ()),
    ("the same site in upper case", "https://CASINO.TEST/", ()),
    ("the same site with a trailing dot", "https://casino.test./", ()),
    ("the same site by IPv4 literal, http", "http://10.77.0.11/", ()),
    ("the same site by IPv4 literal, https", "https://10.77.0.11/", ("-k",)),
    (
        "the same site over IPv6",
        "https://casino.test/",
        ("--resolve", "casino.test:443:[fd77::11]"),
    ),
    ("the same site by IPv6 literal, http", "http://[fd77::11]/", ()),
    ("the same site by IPv6 literal, https", "https://[fd77::11]/", ("-k",)),
    ("the national name by IP with a Host header", "http://10.77.0.11/", ("-H", "Host: x.test")),
    ("a national IDN site by punycode", "https://xn--80aodfsg.test/", IDN),
    ("a national IDN site by its Cyrillic name", "https://казино.test/", IDN),
    ("a national-list URL on an allowed host", "https://allowed.test/banned/page?x=1", ()),
    (
        "an allowed name sent to the national IP",
        "https://allowed.test/",
        ("--resolve", "allowed.test:443:10.77.0.11"),
    ),
]


@pytest.mark.parametrize(("what", "url", "options"), BLOCKED, ids=[b[0] for b in BLOCKED])
def test_blocked_sites_show_the_block_page_in_every_spelling(
    pc: Pc, what: str, url: str, options: tuple[str, ...]
) -> None:
    before = hits(pc)
    result = pc.curl(CHILD, url, *options)
    reached = {k: v - before.get(k, 0) for k, v in hits(pc).items() if v != before.get(k, 0)}
    sites_reached = [k for k in reached if k.startswith("http")]
    # TLS to a bare national IP is refused at the handshake (no name to show a page for).
    shown = is_block_page(result) or ("literal, https" in what and result.code == 35)
    stopped = shown and not sites_reached and "hello from" not in result.out
    tried(what, stopped) if stopped else tried(f"{what}: {result} reached {reached}", stopped)


def test_doh_dot_quic_other_ports_and_resolvers_fail_for_the_child(pc: Pc) -> None:
    before = hits(pc)
    doh = pc.curl(CHILD, "https://allowed.test/", "--doh-url", "https://dns.google/dns-query")
    tried(
        "DNS-over-HTTPS (curl --doh-url)",
        doh.refused and hits(pc).get("doh", 0) == before.get("doh", 0),
    )
    probe = (
        "import socket, sys\n"
        "family = socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET\n"
        "kind = socket.SOCK_DGRAM if sys.argv[3] == 'udp' else socket.SOCK_STREAM\n"
        "s = socket.socket(family, kind); s.settimeout(3)\n"
        "try:\n"
        "    s.connect((sys.argv[1], int(sys.argv[2]))); s.send(b'x' * 1200)\n"
        "    print('sent')\n"
        "except OSError as e:\n"
        "    print('refused', e)\n"
    )
    site4, site6 = SITES["allowed.test"]
    for what, address, port, kind, counter in [
        ("QUIC (UDP 443), IPv4", site4, 443, "udp", "quic"),
        ("QUIC (UDP 443), IPv6", site6, 443, "udp", "quic"),
        ("DNS-over-TLS (TCP 853)", site4, 853, "tcp", "dot-tcp"),
        ("DNS-over-TLS (UDP 853)", site4, 853, "udp", "dot-udp"),
    ]:
        before = hits(pc).get(counter, 0)
        pc.as_user(CHILD, sys.executable, "-c", probe, address, str(port), kind)
        time.sleep(0.3)
        tried(what, hits(pc).get(counter, 0) == before)
    before = hits(pc)
    other = pc.curl(CHILD, f"http://{site4}:8080/")
    tried("a web server on another port (8080)", other.refused and hits(pc) == before)
    answer = pc.as_user(CHILD, "getent", "ahostsv4", "allowed.test")
    assert SITES["allowed.test"][0] in answer.out, answer
    # Firefox turns its DoH on only if its canary resolves: through the stub it does not.
    canary = pc.as_user(CHILD, "getent", "ahostsv4", "use-application-dns.net")
    assert pc.as_user(PARENT, "getent", "ahostsv4", "use-application-dns.net").code == 0
    tried("Firefox's DoH canary (use-application-dns.net)", canary.code != 0)
    query = (
        "import socket, sys\n"
        "q = bytes.fromhex('abcd01000001000000000000')\n"
        "q += b'\\x07allowed\\x04test\\x00\\x00\\x01\\x00\\x01'\n"
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(5)\n"
        "s.sendto(q, (sys.argv[1], 53)); print(s.recv(512)[-4:].hex())\n"
    )
    before = hits(pc).get("other-dns", 0)
    dns = pc.as_user(CHILD, sys.executable, "-c", query, OTHER_RESOLVER)
    marker = bytes(map(int, OTHER_ANSWER.split("."))).hex()
    tried(
        "another DNS resolver (UDP 53 to 10.77.0.88)",
        hits(pc).get("other-dns", 0) == before and marker not in dns.out,
    )


DNS_QUERY = """
import socket, sys
name, kind = sys.argv[2], int(sys.argv[3])
q = bytes.fromhex("abcd01000001000000000000")
q += b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\\x00"
q += kind.to_bytes(2, "big") + b"\\x00\\x01"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(5)
s.sendto(q, (sys.argv[1], 53)); answer = s.recv(4096)
print(answer[3] & 15, int.from_bytes(answer[6:8], "big"))
"""


def dns_query(pc: Pc, account: str, name: str, kind: int) -> tuple[int, int]:
    """(response code, answers) for a question sent as `account` to the PC's resolver."""
    result = pc.as_user(account, sys.executable, "-c", DNS_QUERY, ISP_RESOLVER, name, str(kind))
    assert result.code == 0, result
    code, answers = result.out.split()
    return int(code), int(answers)


def test_dns_tunnels_through_the_stub_are_refused_and_names_still_resolve(pc: Pc) -> None:
    assert dns_query(pc, CHILD, "allowed.test", 1) == (0, 1)  # A: answered
    refused = 5
    for what, name, kind in [
        ("a DNS tunnel by TXT questions (iodine, dnscat2)", "t.allowed.test", 16),
        ("a DNS tunnel by NULL questions (iodine)", "t.allowed.test", 10),
        ("a DNS tunnel in a long name (data in the labels)", "a" * 60 + ".allowed.test", 1),
    ]:
        before = hits(pc).get("isp-dns", 0)
        code, _ = dns_query(pc, CHILD, name, kind)
        tried(what, code == refused and hits(pc).get("isp-dns", 0) == before)
    # HTTPS records: an empty answer, so browsers take no ECH or QUIC hint.
    assert dns_query(pc, CHILD, "allowed.test", 65) == (0, 0)
    assert dns_query(pc, PARENT, "t.allowed.test", 16)[0] == 0  # a parent's DNS is not touched


def test_a_port_the_parent_opens_reaches_its_server_until_it_is_closed(pc: Pc) -> None:
    site = "http://allowed.test:8080/"
    assert pc.curl(CHILD, site).refused
    opened = pc.qorgan("firewall", "open", "8080/tcp")
    assert opened.code == 0 and "Opened 8080/tcp" in opened.out, opened
    assert pc.qorgan("firewall", "list").out.split() == ["8080/tcp"]
    wait_for(
        "the opened port reaching its server",
        lambda: body_and_status(pc.curl(CHILD, site)) == (200, "hello from allowed.test") or None,
        15,
        pc,
    )
    assert pc.qorgan("firewall", "open", "443/udp").code == 2  # QUIC stays the proxy's
    assert pc.qorgan("firewall", "close", "8080/tcp").code == 0
    wait_for("the closed port refused", lambda: pc.curl(CHILD, site).refused or None, 15, pc)
    tried("a port the parent opened and closed again (8080)", pc.curl(CHILD, site).refused)


LOOPBACK_SERVER = """
import socket, sys, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(); s.settimeout(1)
print("listening", flush=True)
end = time.monotonic() + 60
while time.monotonic() < end:
    try:
        c, _ = s.accept()
    except OSError:
        continue
    c.sendall(b"socks here\\n"); c.close()
"""
LOOPBACK_CLIENT = """
import socket, sys
own = socket.socket(); own.bind(("127.0.0.1", 0)); own.listen()
for name, port in (("own", own.getsockname()[1]), ("other", int(sys.argv[1]))):
    s = socket.socket(); s.settimeout(2)
    try:
        s.connect(("127.0.0.1", port)); print(name, "connected")
    except OSError:
        print(name, "no answer")
"""


def test_another_accounts_loopback_service_does_not_answer_the_child(pc: Pc) -> None:
    # A SOCKS-like service of the parent's on loopback, as a system Tor's 9050 would be.
    server = subprocess.Popen(
        pc.enter(
            *("setpriv", f"--reuid={PARENT}", f"--regid={PARENT}", "--init-groups", "--"),
            *(sys.executable, "-c", LOOPBACK_SERVER, "9050"),
        ),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stdout.readline().strip() == "listening"
        child = pc.as_user(CHILD, sys.executable, "-c", LOOPBACK_CLIENT, "9050")
        assert child.out.split("\n")[0] == "own connected", child  # the child's own programs
        tried(
            "another account's loopback service (a local Tor or proxy on 127.0.0.1:9050)",
            child.out.splitlines()[1] == "other no answer",
        )
        parent = pc.as_user(PARENT, sys.executable, "-c", LOOPBACK_CLIENT, "9050")
        assert parent.out.splitlines() == ["own connected", "other connected"], parent
    finally:
        server.kill()
        server.wait(10)


def test_a_parent_account_is_not_filtered(pc: Pc) -> None:
    before = hits(pc)
    assert body_and_status(pc.curl(PARENT, "https://casino.test/")) == (
        200,
        "hello from casino.test",
    )
    assert body_and_status(pc.curl(PARENT, "http://allowed.test:8080/")) == (
        200,
        "hello from allowed.test",
    )
    doh = pc.curl(PARENT, "https://allowed.test/", "--doh-url", "https://dns.google/dns-query")
    assert body_and_status(doh) == (200, "hello from allowed.test"), doh
    probe = (
        "import socket\n"
        "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('10.77.0.10', 443))"
    )
    pc.as_user(PARENT, sys.executable, "-c", probe)
    time.sleep(0.3)
    after = hits(pc)
    assert after["doh"] > before.get("doh", 0)
    assert after["quic"] > before.get("quic", 0)


def test_the_child_cannot_stop_kill_read_or_change_anything(pc: Pc) -> None:
    service, worker = pc.service_process(), pc.proxy_process()
    for what, pid in (("kill the service", service), ("kill the proxy", worker)):
        result = pc.as_user(CHILD, "kill", "-9", str(inner_pid(pid)))
        time.sleep(0.2)
        tried(what, result.refused and pid.is_running())
    table = pc.as_user(CHILD, "nft", "delete", "table", "inet", "qorgan")
    userns = pc.as_user(CHILD, "unshare", "--user", "--map-root-user", "nft", "flush", "ruleset")
    still = pc.as_root("nft", "list", "table", "inet", "qorgan")
    tried(
        "delete the firewall table (nft, and nft in a user namespace)",
        table.refused and userns.refused and still.code == 0 and "redirect" in still.out,
    )
    database = database_path(pc.data)
    for what, command in [
        ("read the database", ["cat", str(database)]),
        ("write the database", ["sh", "-c", f"echo x >> {database}"]),
        ("read the proxy's CA key", ["cat", str(pc.proxy_home / "mitmproxy" / "mitmproxy-ca.pem")]),
        ("read the policy snapshot", ["cat", "/run/qorgan/proxy/policy-snapshot.json"]),
        ("replace the national list", ["sh", "-c", f"echo {{}} > {national_list_path(pc.data)}"]),
        ("remove the service's socket", ["rm", "-f", "/run/qorgan/qorgan.sock"]),
        ("set the clock", ["date", "-s", "2030-01-01"]),
    ]:
        tried(what, pc.as_user(CHILD, *command).refused)
    assert pc.socket.exists()
    # The socket is open to all, but a parent's method needs the PIN.
    call = (
        "import sys; from app.ipc.client import IpcClient\n"
        "from rules.ipc import IpcError\n"
        "c = IpcClient(__import__('pathlib').Path('/run/qorgan/qorgan.sock'))\n"
        "print(c.call('hello')['mode'])\n"
        "try:\n"
        "    c.call('protection.health')\n"
        "except IpcError as e:\n"
        "    print(e.code)\n"
        "try:\n"
        "    c.call('policy.replace', policy={})\n"
        "except IpcError as e:\n"
        "    print(e.code)\n"
    )
    answer = pc.as_root(
        "setpriv",
        f"--reuid={CHILD}",
        f"--regid={CHILD}",
        "--init-groups",
        "--",
        "env",
        f"PYTHONPATH={REPO}",
        sys.executable,
        "-c",
        call,
    )
    tried(
        "parent IPC calls without the PIN",
        answer.out.split() == ["service", ErrorCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED],
    )


def test_the_ca_is_trusted_everywhere_and_its_key_is_the_proxys_alone(pc: Pc) -> None:
    key = pc.proxy_home / "mitmproxy" / "mitmproxy-ca.pem"
    info = key.stat()
    assert (info.st_uid, info.st_mode & 0o777) == (pc.uid("qorgan-proxy"), 0o600)
    ca = (pc.proxy_home / "mitmproxy" / "mitmproxy-ca-cert.pem").read_text().strip()
    etc = pc.root / "etc"
    assert ca in (etc / "ssl" / "certs" / "ca-certificates.crt").read_text()
    firefox = json.loads((etc / "firefox" / "policies" / "policies.json").read_text())
    assert firefox["policies"]["DNSOverHTTPS"] == {"Enabled": False, "Locked": True}
    assert firefox["policies"]["Certificates"]["Install"] == [
        "/usr/local/share/ca-certificates/qorgan-ca.crt"
    ]
    chromium = json.loads((etc / "chromium" / "policies" / "managed" / "qorgan.json").read_text())
    assert chromium["DnsOverHttpsMode"] == "off"
    nss = pc.as_user(CHILD, "certutil", "-L", "-d", f"sql:/home/{CHILD}/.pki/nssdb")
    assert "Qorgan CA" in nss.out and "C,," in nss.out, nss
    # The child's own NSS database is the child's: made as the child, not as root.
    assert (pc.root / "home" / CHILD / ".pki" / "nssdb" / "cert9.db").stat().st_uid == pc.uid(CHILD)


def test_with_the_proxy_killed_the_child_is_refused_until_it_is_restarted(pc: Pc) -> None:
    worker = pc.proxy_process()
    restarts = pc.status()["proxy"]["restarts"]  # type: ignore[index]
    before = hits(pc)
    worker.kill()
    killed = time.monotonic()
    outcomes = []
    while time.monotonic() - killed < 20:
        result = pc.curl(CHILD, "http://casino.test/")
        outcomes.append(
            "refused" if result.refused else "blocked" if is_block_page(result) else "other"
        )
        if outcomes[-1] == "blocked" and "refused" in outcomes:
            break
        time.sleep(0.1)
    back = time.monotonic() - killed
    leaked = [k for k, v in hits(pc).items() if k.startswith("http") and v != before.get(k, 0)]
    tried("web while the proxy is down (fail closed)", "other" not in outcomes and not leaked)
    assert outcomes[-1] == "blocked", outcomes
    MEASURED.append(f"with the proxy killed, the child was refused for {back:.1f} s")
    print(f"the child was refused for {back:.1f} s after the proxy was killed: {outcomes}")
    assert back < 10

    def recorded() -> dict[str, object] | None:
        status = pc.status()
        proxy = status["proxy"]
        assert isinstance(proxy, dict)
        return status if proxy["restarts"] > restarts and status["healthy"] else None

    proxy = wait_for("the restart recorded", recorded, 10, pc)["proxy"]
    assert isinstance(proxy, dict) and proxy["last_down_seconds"] is not None


def test_a_deleted_firewall_table_is_put_back(pc: Pc) -> None:
    assert pc.as_root("nft", "delete", "table", "inet", "qorgan").code == 0
    wait_for(
        "the table put back",
        lambda: pc.as_root("nft", "list", "table", "inet", "qorgan").code == 0 or None,
        10,
        pc,
    )
    assert is_block_page(pc.curl(CHILD, "https://casino.test/"))


def test_a_new_account_gets_the_default_child_policy(pc: Pc) -> None:
    # As the console does it: over IPC with the PIN. (The database is the service's alone.)
    with IpcClient(pc.socket) as client:
        client.login(PIN)
        policy = client.call("policy.get")
        assert isinstance(policy, dict)
        client.call("policy.replace", policy={**policy, "default_profile": "Aruzhan"})
    assert pc.as_root("useradd", "--create-home", "--shell", "/bin/sh", NEW_KID).code == 0

    def filtered() -> bool | None:
        return is_block_page(pc.curl(NEW_KID, "https://casino.test/")) or None

    wait_for("the new account filtered", filtered, 15, pc)
    tried("a new OS account", True)
    assert body_and_status(pc.curl(PARENT, "https://casino.test/"))[0] == 200  # admins never


def test_a_stopped_service_leaves_the_child_refused_and_its_records_kept(pc: Pc) -> None:
    service = pc.service_process()
    service.terminate()
    service.wait(20)
    assert pc.service is not None and pc.service.wait(5) == 0, pc.log()
    assert pc.proxy_process_or_none() is None
    # The firewall stays: with no proxy, the child's web is refused, never let through.
    before = hits(pc)
    result = pc.curl(CHILD, "https://allowed.test/")
    tried("web while the service is stopped (fail closed)", result.refused and hits(pc) == before)
    assert body_and_status(pc.curl(PARENT, "https://allowed.test/"))[0] == 200
    with Store.open(database_path(pc.data)) as store:
        alerts = store.alerts(datetime.now() - timedelta(minutes=10))
    details = [a.detail for a in alerts if a.kind is AlertKind.PROTECTION_OFF]
    assert any("restarted after" in d for d in details), details
    assert any("firewall table was missing" in d for d in details), details


def test_uninstall_removes_the_firewall_the_trust_and_the_proxy_account(pc: Pc) -> None:
    ca = (pc.proxy_home / "mitmproxy" / "mitmproxy-ca-cert.pem").read_text()
    done = pc.as_root(
        *(sys.executable, "-m", "app.service.main", "--uninstall"),
        *("--data-dir", str(pc.data), "--proxy-home", str(pc.proxy_home)),
    )
    assert done.code == 0, done.err
    etc = pc.root / "etc"
    assert pc.as_root("nft", "list", "table", "inet", "qorgan").code != 0
    assert ca.strip() not in (etc / "ssl" / "certs" / "ca-certificates.crt").read_text()
    assert not (pc.root / "local-ca" / "qorgan-ca.crt").exists()
    assert not (etc / "firefox" / "policies" / "policies.json").exists()
    assert not (etc / "chromium" / "policies" / "managed" / "qorgan.json").exists()
    nss = pc.as_user(CHILD, "certutil", "-L", "-d", f"sql:/home/{CHILD}/.pki/nssdb")
    assert nss.code == 0 and "Qorgan CA" not in nss.out
    assert "qorgan-proxy:" not in (etc / "passwd").read_text()
    assert not pc.proxy_home.exists()
    # With Qorgan gone, the child's account is an ordinary one again.
    assert body_and_status(pc.curl(CHILD, "http://allowed.test:8080/")) == (
        200,
        "hello from allowed.test",
    )
