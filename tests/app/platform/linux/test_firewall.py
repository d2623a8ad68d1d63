"""The firewall plan in both backends' forms, and both applied for real in a network namespace.

The same behaviour is asserted of nftables and of iptables: each namespace test runs once
per backend.
"""

import os
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from app.platform.linux.backends import Backend, ChosenFirewall, choose_firewall
from app.platform.linux.firewall import (
    Firewall,
    FirewallError,
    FirewallPlan,
    FirewallState,
    NftFirewall,
    loopback_mark,
    ruleset,
)
from app.platform.linux.iptables import IPV4, IPV6, IptablesFirewall, restore_script, rules
from rules.ports import OpenPort, OpenPortError, PortProblem, Protocol4, open_ports

NOBODY = 65534  # plays the child: an account that exists on every Linux
SYSTEM_PYTHON = "/usr/bin/python3"  # runnable by any account (a pyenv under /root is not)
SITE = "10.88.0.1"
OPENED = open_ports(["5555/tcp", "6000-6010/udp"])
PLAN = FirewallPlan(
    proxy_uid=999, dns_port=47100, child_ports={NOBODY: 47101, 4242: 47102}, open_ports=OPENED
)


def test_the_ruleset_redirects_each_child_and_refuses_the_rest() -> None:
    text = ruleset(PLAN)
    assert text.startswith("table inet qorgan\ndelete table inet qorgan\ntable inet qorgan {")
    assert "meta skuid 65534 tcp dport { 80, 443 } redirect to :47101" in text
    assert "meta skuid 4242 tcp dport { 80, 443 } redirect to :47102" in text
    assert "meta skuid 65534 meta l4proto { tcp, udp } th dport 53 redirect to :47100" in text
    # DNS is redirected before loopback is let alone: a loopback resolver goes to the stub too.
    assert text.index("th dport 53 redirect") < text.index("ip daddr 127.0.0.0/8 return")
    assert "meta skuid 999 return" in text and "meta skuid 999 accept" in text
    assert "tcp dport { 47101, 47102 } ct status & dnat == 0 reject" in text
    assert 'udp dport 443 counter drop comment "QUIC"' in text
    assert "th dport 853 counter drop" in text
    assert text.count("jump child_output") == 2
    assert 'ct direction original tcp dport { 5555 } accept comment "opened by a parent"' in text
    assert (
        'ct direction original udp dport { 6000-6010 } accept comment "opened by a parent"' in text
    )
    assert "meta skuid 65534 ct state new ct mark set 0x5100fffe" in text
    assert "ct mark 0x5100fffe meta skuid 65534 accept" in text


def test_the_iptables_rules_say_the_same_for_each_family() -> None:
    for family, loopback in ((IPV4, "127.0.0.0/8"), (IPV6, "::1/128")):
        tables = {
            name: [" ".join(rule) for rule in found] for name, found in rules(PLAN, family).items()
        }
        nat, filters = tables["nat"], tables["filter"]
        assert nat[0] == "QORGAN-OUT -m owner --uid-owner 999 -j RETURN"
        redirect = "-m owner --uid-owner 65534 -j REDIRECT --to-ports"
        assert f"QORGAN-OUT -p udp --dport 53 {redirect} 47100" in nat
        assert f"QORGAN-OUT -p tcp --dport 53 {redirect} 47100" in nat
        assert nat.index(f"QORGAN-OUT -d {loopback} -j RETURN") > nat.index(
            f"QORGAN-OUT -p tcp --dport 53 {redirect} 47100"
        )
        assert f"QORGAN-OUT -p tcp -m multiport --dports 80,443 {redirect} 47101" in nat
        assert filters[0] == "QORGAN-OUT -m owner --uid-owner 999 -j ACCEPT"
        assert "QORGAN-OUT -m owner --uid-owner 4242 -j QORGAN-CHILD" in filters
        for port in (47101, 47102):
            assert (
                f"QORGAN-CHILD -p tcp --dport {port} -m conntrack ! --ctstate DNAT "
                "-j REJECT --reject-with tcp-reset"
            ) in filters
        opened = "-m conntrack --ctdir ORIGINAL -j ACCEPT"
        assert f"QORGAN-CHILD -p tcp --dport 5555 {opened}" in filters
        assert f"QORGAN-CHILD -p udp --dport 6000:6010 {opened}" in filters
        assert "QORGAN-CHILD -p udp --dport 443 -j DROP" in filters
        assert {
            "QORGAN-CHILD -p tcp --dport 853 -j DROP",
            "QORGAN-CHILD -p udp --dport 853 -j DROP",
        } <= set(filters)
        assert filters.index(f"QORGAN-CHILD -p tcp --dport 5555 {opened}") < filters.index(
            f"QORGAN-CHILD -d {loopback} -j QORGAN-LOOPBACK"
        )
        assert filters[-1] == "QORGAN-REPLY -j DROP"
        assert (
            "QORGAN-REPLY -m connmark --mark 0x5100fffe -m owner --uid-owner 65534 -j ACCEPT"
            in filters
        )
    script = restore_script(PLAN, IPV4, {"nat": True, "filter": False})
    assert script.startswith("*nat\n:QORGAN-OUT - [0:0]\n-I OUTPUT 1 -j QORGAN-OUT\n")
    assert script.count("-I OUTPUT 1") == 1 and script.count("COMMIT") == 2
    assert ":QORGAN-REPLY - [0:0]" in script


def test_the_digest_follows_the_plan() -> None:
    other = FirewallPlan(999, 47100, {NOBODY: 47101})
    assert PLAN.digest() != other.digest()
    assert PLAN.digest() == FirewallPlan(999, 47100, {4242: 47102, NOBODY: 47101}, OPENED).digest()
    assert PLAN.digest() != FirewallPlan(999, 47100, {4242: 47102, NOBODY: 47101}).digest()


def test_no_children_means_no_redirects_but_a_valid_table() -> None:
    text = ruleset(FirewallPlan(999, 47100))
    assert "redirect" not in text and "ct status & dnat == 0" not in text
    assert "chain child_output" in text
    assert not [r for r in rules(FirewallPlan(999, 47100), IPV4)["nat"] if "REDIRECT" in r]


@pytest.mark.parametrize(
    ("text", "parsed"),
    [
        ("25565/tcp", OpenPort(25565, 25565, Protocol4.TCP)),
        (" 27015-27030/UDP ", OpenPort(27015, 27030, Protocol4.UDP)),
        ("22/tcp", OpenPort(22, 22, Protocol4.TCP)),
        ("80/udp", OpenPort(80, 80, Protocol4.UDP)),  # only TCP 80 is the proxy's
    ],
)
def test_an_open_port_is_read_from_what_a_parent_writes(text: str, parsed: OpenPort) -> None:
    assert OpenPort.parse(text) == parsed
    assert OpenPort.parse(str(parsed)) == parsed


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("25565", PortProblem.FORM),
        ("25565/icmp", PortProblem.FORM),
        ("tcp/25565", PortProblem.FORM),
        ("", PortProblem.FORM),
        ("0/tcp", PortProblem.RANGE),
        ("70000/udp", PortProblem.RANGE),
        ("3000-2000/tcp", PortProblem.RANGE),
        ("443/tcp", PortProblem.KEPT),
        ("443/udp", PortProblem.KEPT),  # QUIC
        ("50-60/udp", PortProblem.KEPT),  # covers DNS
        ("800-900/tcp", PortProblem.KEPT),  # covers DNS-over-TLS
    ],
)
def test_a_port_that_cannot_be_opened_is_named_with_why(text: str, problem: PortProblem) -> None:
    with pytest.raises(OpenPortError) as raised:
        OpenPort.parse(text)
    assert raised.value.problem is problem
    assert repr(text) in str(raised.value) and "\n" not in str(raised.value)


def test_open_ports_are_kept_once_and_in_order() -> None:
    assert open_ports(["6000/udp", "22/tcp", "22/TCP"]) == (
        OpenPort(22, 22, Protocol4.TCP),
        OpenPort(6000, 6000, Protocol4.UDP),
    )
    assert loopback_mark(NOBODY) == 0x5100FFFE


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=20)


@dataclass
class Namespace:
    name: str

    def nft(self, arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return self.tool(["nft", *arguments], script)

    def tool(self, argv: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["ip", "netns", "exec", self.name, *argv],
            input=script,
            capture_output=True,
            text=True,
            check=False,
            timeout=20,
        )

    def as_uid(self, uid: int, *argv: str) -> subprocess.CompletedProcess[str]:
        return run(
            *("ip", "netns", "exec", self.name),
            *("setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", *argv),
        )

    @contextmanager
    def inside(self) -> Iterator[None]:
        """This thread in the namespace: sockets made now listen there."""
        home = os.open("/proc/thread-self/ns/net", os.O_RDONLY)
        target = os.open(f"/run/netns/{self.name}", os.O_RDONLY)
        try:
            os.setns(target, os.CLONE_NEWNET)
            yield
        finally:
            os.setns(home, os.CLONE_NEWNET)
            os.close(target)
            os.close(home)


@pytest.fixture
def namespace() -> Iterator[Namespace]:
    name = f"qorgan-fw-{uuid.uuid4().hex[:8]}"
    assert run("ip", "netns", "add", name).returncode == 0
    try:
        run("ip", "-n", name, "link", "set", "lo", "up")
        # A veth pair kept inside the namespace: the kernel here may have no dummy module.
        run("ip", "-n", name, "link", "add", "site0", "type", "veth", "peer", "name", "site1")
        run("ip", "-n", name, "addr", "add", f"{SITE}/24", "dev", "site0")
        run("ip", "-n", name, "link", "set", "site0", "up")
        run("ip", "-n", name, "link", "set", "site1", "up")
        yield Namespace(name)
    finally:
        run("ip", "netns", "delete", name)


type Maker = Callable[[Namespace], Firewall]
BACKENDS: dict[str, Maker] = {
    "nftables": lambda ns: NftFirewall(ns.nft),
    "iptables": lambda ns: IptablesFirewall(ns.tool, ipv6=True),
}


@pytest.fixture(params=sorted(BACKENDS))
def make(request: pytest.FixtureRequest) -> Maker:
    return BACKENDS[request.param]


class Listener:
    """A TCP or UDP socket in the namespace that counts what reaches it."""

    def __init__(self, namespace: Namespace, host: str, port: int, udp: bool = False) -> None:
        self.count = 0
        with namespace.inside():
            kind = socket.SOCK_DGRAM if udp else socket.SOCK_STREAM
            self.sock = socket.socket(socket.AF_INET, kind)
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self.sock.bind((host, port))
            if not udp:
                self.sock.listen()
        threading.Thread(target=self._serve, args=(udp,), daemon=True).start()

    def _serve(self, udp: bool) -> None:
        while True:
            try:
                if udp:
                    self.sock.recvfrom(2048)
                else:
                    self.sock.accept()[0].close()
            except OSError:
                return
            self.count += 1

    def close(self) -> None:
        self.sock.close()


def curl(namespace: Namespace, uid: int, url: str) -> int:
    return namespace.as_uid(uid, "curl", "-s", "-m", "3", "-o", "/dev/null", url).returncode


def send_udp(namespace: Namespace, uid: int, host: str, port: int) -> None:
    namespace.as_uid(uid, "bash", "-c", f"echo x > /dev/udp/{host}/{port}")


def wait_count(listener: Listener, count: int) -> int:
    """The listener's count once it reached `count`, or after a second (a datagram is async)."""
    deadline = time.monotonic() + 1
    while listener.count < count and time.monotonic() < deadline:
        time.sleep(0.02)
    return listener.count


def test_applied_for_real_it_fails_closed_and_excludes_other_accounts(
    namespace: Namespace, make: Maker
) -> None:
    firewall = make(namespace)
    firewall.apply(PLAN)
    site, quic = Listener(namespace, SITE, 80), Listener(namespace, SITE, 443, udp=True)
    other_port = Listener(namespace, SITE, 8080)
    try:
        # No proxy listens: the child's web connection is refused (curl: couldn't connect).
        assert curl(namespace, NOBODY, f"http://{SITE}/") == 7
        assert curl(namespace, NOBODY, f"http://{SITE}:8080/") == 7
        send_udp(namespace, NOBODY, SITE, 443)
        assert (site.count, other_port.count, quic.count) == (0, 0, 0)
        # Another account (root here) is not touched.
        assert curl(namespace, 0, f"http://{SITE}:8080/") != 7
        send_udp(namespace, 0, SITE, 443)
        assert other_port.count == 1
        # With the proxy listening, the child's connection lands there and not at the site.
        proxy = Listener(namespace, "127.0.0.1", 47101)
        brother = Listener(namespace, "127.0.0.1", 47102)
        try:
            curl(namespace, NOBODY, f"http://{SITE}/")
            assert (proxy.count, site.count) == (1, 0)
            # A brother's port cannot be reached directly (his rules would apply).
            assert curl(namespace, NOBODY, "http://127.0.0.1:47102/") == 7
            assert brother.count == 0
        finally:
            proxy.close()
            brother.close()
    finally:
        for listener in (site, quic, other_port):
            listener.close()
    assert wait_count(quic, 1) == 1  # root's datagram only


def test_ports_a_parent_opened_reach_their_server_and_others_do_not(
    namespace: Namespace, make: Maker
) -> None:
    make(namespace).apply(PLAN)
    game, closed = Listener(namespace, SITE, 5555), Listener(namespace, SITE, 5556)
    voice, other = (
        Listener(namespace, SITE, 6005, udp=True),
        Listener(namespace, SITE, 6011, udp=True),
    )
    try:
        assert curl(namespace, NOBODY, f"http://{SITE}:5555/") != 7
        assert curl(namespace, NOBODY, f"http://{SITE}:5556/") == 7
        send_udp(namespace, NOBODY, SITE, 6005)
        send_udp(namespace, NOBODY, SITE, 6011)
        assert (wait_count(game, 1), closed.count) == (1, 0)
        assert (wait_count(voice, 1), other.count) == (1, 0)
    finally:
        for listener in (game, closed, voice, other):
            listener.close()


ECHO_ONCE = """
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind((sys.argv[1], 7000)); s.settimeout(3)
print("listening", flush=True)
data, peer = s.recvfrom(100)
try:
    s.sendto(b"echo " + data, peer); print("answered")
except OSError as error:
    print("refused", error)
"""


def test_an_opened_port_lets_no_helper_outside_come_in_from_it(
    namespace: Namespace, make: Maker
) -> None:
    """A child's listener answering a helper who sends from an opened port (6005/udp) would
    be a tunnel the other way round: the answer is refused."""
    make(namespace).apply(PLAN)
    child = subprocess.Popen(
        [
            *("ip", "netns", "exec", namespace.name),
            *("setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"),
            *(SYSTEM_PYTHON, "-c", ECHO_ONCE, SITE),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "listening"
        with namespace.inside():
            helper = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        with helper:
            helper.bind((SITE, 6005))
            helper.settimeout(1)
            helper.sendto(b"hi", (SITE, 7000))
            with pytest.raises(TimeoutError):
                helper.recvfrom(100)
        out, _ = child.communicate(timeout=10)
        assert out.startswith("refused"), out
    finally:
        child.kill()
        child.wait(10)


LOOPBACK_PROBE = """
import socket, sys
own = socket.socket(); own.bind(("127.0.0.1", 0)); own.listen()
for name, port in [("own", own.getsockname()[1]), *(a.split("=") for a in sys.argv[1:])]:
    s = socket.socket(); s.settimeout(1.5)
    try:
        s.connect(("127.0.0.1", int(port))); print(name, "connected")
    except ConnectionRefusedError:
        print(name, "refused")
    except OSError:
        print(name, "no answer")
"""


def test_on_loopback_a_child_reaches_its_own_programs_but_not_another_accounts(
    namespace: Namespace, make: Maker
) -> None:
    make(namespace).apply(PLAN)
    # Root's services on loopback, as a system Tor's SOCKS port or a parent's local proxy.
    tor, opened = Listener(namespace, "127.0.0.1", 9050), Listener(namespace, "127.0.0.1", 5555)
    stub = Listener(namespace, "127.0.0.1", 47100, udp=True)
    try:
        probe = namespace.as_uid(
            NOBODY, SYSTEM_PYTHON, "-c", LOOPBACK_PROBE, "tor=9050", "closed=9051", "opened=5555"
        )
        assert probe.stdout.splitlines() == [
            "own connected",  # the child's own program (IDLE, Jupyter) works
            "tor no answer",  # another account's service does not answer the child
            "closed refused",  # nothing there: refused at once, as before
            "opened connected",  # a port the parent opened is open on loopback too
        ], probe.stderr
        # The child's DNS to a loopback resolver (systemd-resolved) goes to the stub too.
        send_udp(namespace, NOBODY, "127.0.0.53", 53)
        assert wait_count(stub, 1) == 1
        # Root is not touched.
        root = namespace.as_uid(0, SYSTEM_PYTHON, "-c", LOOPBACK_PROBE, "tor=9050")
        assert root.stdout.splitlines() == ["own connected", "tor connected"]
    finally:
        for listener in (tor, opened, stub):
            listener.close()


def test_its_state_is_checked_and_it_is_removed_cleanly(namespace: Namespace, make: Maker) -> None:
    firewall = make(namespace)
    assert firewall.state() is FirewallState.MISSING
    firewall.apply(PLAN)
    firewall.apply(PLAN)  # applying again replaces the rules, not adds to them
    assert firewall.state() is FirewallState.APPLIED
    if firewall.name == "nftables":
        listing = namespace.nft(["list", "table", "inet", "qorgan"], None).stdout
        assert f"qorgan {PLAN.digest()}" in listing
        namespace.nft(["flush", "chain", "inet", "qorgan", "filter_output"], None)
    else:
        saved = namespace.tool(["iptables-save", "-t", "filter"], None).stdout
        assert saved.count("-A OUTPUT -j QORGAN-OUT") == 1
        namespace.tool(["ip6tables", "-F", "QORGAN-CHILD"], None)
    assert firewall.state() is FirewallState.CHANGED
    firewall.apply(PLAN)
    assert firewall.state() is FirewallState.APPLIED
    firewall.remove()
    firewall.remove()
    assert firewall.state() is FirewallState.MISSING
    assert namespace.nft(["list", "tables"], None).stdout.strip() == "" or (
        firewall.name == "iptables"
        and "QORGAN" not in namespace.nft(["list", "ruleset"], None).stdout
    )


def test_a_ruleset_nft_refuses_is_an_error() -> None:
    def refuse(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(["nft"], 1, "", "Error: no such table")

    with pytest.raises(FirewallError, match="no such table"):
        NftFirewall(refuse).apply(PLAN)


def test_without_nft_the_chosen_firewall_falls_back_to_iptables(namespace: Namespace) -> None:
    def missing(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        raise FileNotFoundError(2, "No such file or directory", "nft")

    iptables = IptablesFirewall(namespace.tool, ipv6=True)
    chosen = ChosenFirewall([NftFirewall(missing), iptables])
    assert chosen.name == "nftables"
    chosen.apply(PLAN)
    assert (chosen.name, chosen.applied, chosen.state()) == (
        "iptables",
        PLAN,
        FirewallState.APPLIED,
    )
    assert curl(namespace, NOBODY, f"http://{SITE}:8080/") == 7
    chosen.remove()  # nft is not there: nothing to remove from it, and no error
    assert iptables.state() is FirewallState.MISSING

    def failing(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(["nft"], 1, "", "")  # as /bin/false in its place

    broken = ChosenFirewall([NftFirewall(failing), iptables])
    broken.apply(PLAN)
    assert broken.name == "iptables"
    broken.remove()  # an nft that lists nothing holds nothing: not an error
    assert iptables.state() is FirewallState.MISSING


def test_the_backend_in_use_removes_the_other_ones_leftovers(namespace: Namespace) -> None:
    nft, iptables = NftFirewall(namespace.nft), IptablesFirewall(namespace.tool, ipv6=True)
    iptables.apply(PLAN)  # left by an earlier run that fell back
    ChosenFirewall([nft, iptables]).apply(PLAN)
    assert (nft.state(), iptables.state()) == (FirewallState.APPLIED, FirewallState.MISSING)
    chosen = ChosenFirewall([IptablesFirewall(namespace.tool, ipv6=True)], [nft])
    chosen.apply(PLAN)
    assert nft.state() is FirewallState.MISSING


def test_when_every_backend_refuses_the_error_names_the_last() -> None:
    def refuse(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(list(arguments), 2, "", "can't initialize")

    chosen = ChosenFirewall([NftFirewall(refuse), IptablesFirewall(refuse, ipv6=False)])
    with pytest.raises(FirewallError, match=r"iptables: .*can.t initialize"):
        chosen.apply(PLAN)
    assert chosen.applied is None


def test_a_backend_is_chosen_by_name() -> None:
    assert [b.name for b in choose_firewall(Backend.IPTABLES).backends] == ["iptables"]
    assert [b.name for b in choose_firewall(Backend.NFTABLES).backends] == ["nftables"]
    assert [b.name for b in choose_firewall().backends] == ["nftables", "iptables"]
