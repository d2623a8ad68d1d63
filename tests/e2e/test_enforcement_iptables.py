"""The adversarial suite's core on a PC without a working `nft`: the service falls back to
iptables, and the same bypasses are stopped by the same plan in the other backend.

The PC is test_enforcement.py's, with `/usr/sbin/nft` replaced by `/bin/false` in its
mount namespace, so nft "fails to load the table" as on a PC without nftables. The checks
imported below run again here against this PC (pytest gives each module its own `pc`).
"""

import sys
from collections.abc import Iterator

import pytest

from tests.e2e.test_enforcement import (  # noqa: F401 - collected again, against this PC
    CHILD,
    body_and_status,
    build_pc,
    is_block_page,
    test_a_parent_account_is_not_filtered,
    test_a_port_the_parent_opens_reaches_its_server_until_it_is_closed,
    test_an_allowed_site_works_through_the_proxy,
    test_another_accounts_loopback_service_does_not_answer_the_child,
    test_blocked_sites_show_the_block_page_in_every_spelling,
    test_dns_tunnels_through_the_stub_are_refused_and_names_still_resolve,
    test_doh_dot_quic_other_ports_and_resolvers_fail_for_the_child,
    test_other_loopback_services_over_udp_ipv6_and_0000_do_not_answer_the_child,
    test_other_ports_protocols_and_raw_sockets_fail_for_the_child,
    test_with_the_proxy_killed_the_child_is_refused_until_it_is_restarted,
    tried,
)
from tests.e2e.test_enforcement_pc import Pc, wait_for

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(170)]


@pytest.fixture(scope="module")
def pc(request: pytest.FixtureRequest) -> Iterator[Pc]:
    yield from build_pc(request, without_nft=True)


def saved(pc: Pc, tool: str = "iptables") -> str:
    return pc.as_root(f"{tool}-save").out


def test_the_service_fell_back_to_iptables_for_both_families(pc: Pc) -> None:
    assert pc.as_root("nft", "list", "ruleset").code != 0  # nft does not work on this PC
    firewall = pc.status()["firewall"]
    assert isinstance(firewall, dict)
    assert (firewall["backend"], firewall["state"]) == ("iptables", "applied")
    uid = pc.uid(CHILD)
    for tool in ("iptables", "ip6tables"):
        rules = saved(pc, tool)
        assert "-A OUTPUT -j QORGAN-OUT" in rules
        assert f"--uid-owner {uid} -j REDIRECT --to-ports 47101" in rules


def test_the_child_cannot_flush_the_chains_and_a_flushed_chain_is_put_back(pc: Pc) -> None:
    flush = pc.as_user(CHILD, "iptables", "-t", "nat", "-F", "QORGAN-OUT")
    tried("flush the iptables chains", flush.refused and "REDIRECT" in saved(pc))
    assert pc.as_root("iptables", "-t", "nat", "-F", "QORGAN-OUT").code == 0
    assert pc.as_root("ip6tables", "-D", "OUTPUT", "-j", "QORGAN-OUT").code == 0
    wait_for(
        "the chains put back",
        lambda: (
            ("REDIRECT" in saved(pc) and "-A OUTPUT -j QORGAN-OUT" in saved(pc, "ip6tables"))
            or None
        ),
        10,
        pc,
    )
    assert is_block_page(pc.curl(CHILD, "https://casino.test/"))


def test_uninstall_removes_the_chains(pc: Pc) -> None:
    service = pc.service_process()
    service.terminate()
    service.wait(20)
    done = pc.as_root(
        *(sys.executable, "-m", "app.service.main", "--uninstall"),
        *("--data-dir", str(pc.data), "--proxy-home", str(pc.proxy_home)),
    )
    assert done.code == 0, done.err
    assert "QORGAN" not in saved(pc) and "QORGAN" not in saved(pc, "ip6tables")
    assert body_and_status(pc.curl(CHILD, "http://allowed.test:8080/")) == (
        200,
        "hello from allowed.test",
    )
