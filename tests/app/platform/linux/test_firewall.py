"""The nftables firewall, read as text and applied for real inside a network namespace."""

import os
import socket
import subprocess
import threading
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from app.platform.linux.firewall import (
    FirewallError,
    FirewallPlan,
    FirewallState,
    NftFirewall,
    ruleset,
)

NOBODY = 65534  # plays the child: an account that exists on every Linux
SITE = "10.88.0.1"
PLAN = FirewallPlan(proxy_uid=999, dns_port=47100, child_ports={NOBODY: 47101, 4242: 47102})


def test_the_ruleset_redirects_each_child_and_refuses_the_rest() -> None:
    text = ruleset(PLAN)
    assert text.startswith("table inet qorgan\ndelete table inet qorgan\ntable inet qorgan {")
    assert "meta skuid 65534 tcp dport { 80, 443 } redirect to :47101" in text
    assert "meta skuid 4242 tcp dport { 80, 443 } redirect to :47102" in text
    assert "meta skuid 65534 meta l4proto { tcp, udp } th dport 53 redirect to :47100" in text
    assert "meta skuid 999 return" in text and "meta skuid 999 accept" in text
    assert "tcp dport { 47101, 47102 } ct status & dnat == 0 reject" in text
    assert 'udp dport 443 counter drop comment "QUIC"' in text
    assert "th dport 853 counter drop" in text
    assert text.count("jump child_output") == 2


def test_the_digest_follows_the_plan() -> None:
    other = FirewallPlan(999, 47100, {NOBODY: 47101})
    assert PLAN.digest() != other.digest()
    assert PLAN.digest() == FirewallPlan(999, 47100, {4242: 47102, NOBODY: 47101}).digest()


def test_no_children_means_no_redirects_but_a_valid_table() -> None:
    text = ruleset(FirewallPlan(999, 47100))
    assert "redirect" not in text and "ct status" not in text
    assert "chain child_output" in text


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=20)


@dataclass
class Namespace:
    name: str

    def nft(self, arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["ip", "netns", "exec", self.name, "nft", *arguments],
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


def test_applied_for_real_it_fails_closed_and_excludes_other_accounts(namespace: Namespace) -> None:
    firewall = NftFirewall(namespace.nft)
    firewall.apply(PLAN)
    site, quic = Listener(namespace, SITE, 80), Listener(namespace, SITE, 443, udp=True)
    other_port = Listener(namespace, SITE, 8080)
    try:
        # No proxy listens: the child's web connection is refused (curl: couldn't connect).
        assert curl(namespace, NOBODY, f"http://{SITE}/") == 7
        assert curl(namespace, NOBODY, f"http://{SITE}:8080/") == 7
        namespace.as_uid(NOBODY, "bash", "-c", f"echo x > /dev/udp/{SITE}/443")
        assert (site.count, other_port.count, quic.count) == (0, 0, 0)
        # Another account (root here) is not touched.
        assert curl(namespace, 0, f"http://{SITE}:8080/") != 7
        namespace.as_uid(0, "bash", "-c", f"echo x > /dev/udp/{SITE}/443")
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
    assert quic.count == 1  # root's datagram only


def test_its_state_is_checked_and_it_is_removed_cleanly(namespace: Namespace) -> None:
    firewall = NftFirewall(namespace.nft)
    assert firewall.state() is FirewallState.MISSING
    firewall.apply(PLAN)
    firewall.apply(PLAN)  # applying again replaces the table in one transaction
    assert firewall.state() is FirewallState.APPLIED
    listing = namespace.nft(["list", "table", "inet", "qorgan"], None).stdout
    assert f"qorgan {PLAN.digest()}" in listing
    namespace.nft(["flush", "chain", "inet", "qorgan", "filter_output"], None)
    assert firewall.state() is FirewallState.CHANGED
    firewall.apply(PLAN)
    assert firewall.state() is FirewallState.APPLIED
    firewall.remove()
    firewall.remove()
    assert firewall.state() is FirewallState.MISSING
    assert namespace.nft(["list", "tables"], None).stdout.strip() == ""


def test_a_ruleset_nft_refuses_is_an_error() -> None:
    def refuse(arguments: Sequence[str], script: str | None) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(["nft"], 1, "", "Error: no such table")

    with pytest.raises(FirewallError, match="no such table"):
        NftFirewall(refuse).apply(PLAN)
