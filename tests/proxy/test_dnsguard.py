"""The DNS guard passes what browsers ask, answers HTTPS/SVCB empty, refuses tunnel questions."""

from ipaddress import IPv4Address
from pathlib import Path

import pytest
from mitmproxy import dns
from mitmproxy.net.dns import response_codes, types
from mitmproxy.test import taddons, tflow

from proxy.dnsguard import NAMES_PER_MINUTE, DnsGuard
from proxy.policyfilter import PolicyFilter
from proxy.snapshot import EventSpool
from rules.decision import Step, Verdict
from rules.records import DecisionEvent
from rules.wire import event_from_json

TUNNEL_LABEL = "a" * 51
LONG_NAME = ".".join(["abcdefghij" * 4] * 4) + ".t.example"  # 40-letter labels, 174 long


class Clock:
    now = 1000.0

    def __call__(self) -> float:
        return self.now


def spooled(tmp_path: Path, clock: Clock) -> PolicyFilter:
    """A policy filter whose events go to a spool file the test reads."""
    policy = PolicyFilter(clock=clock)
    policy.spool = EventSpool(tmp_path / "events.jsonl", clock)
    return policy


def recorded(policy: PolicyFilter) -> list[DecisionEvent]:
    policy.spool.flush()
    assert policy.spool.path is not None
    if not policy.spool.path.exists():
        return []
    return [event_from_json(line) for line in policy.spool.path.read_text().splitlines()]


def query(name: str, kind: int) -> dns.DNSFlow:
    flow = tflow.tdnsflow()
    flow.request.questions = [dns.Question(name, kind, 1)]
    return flow


@pytest.mark.parametrize(
    ("name", "kind", "answer", "rule"),
    [
        ("bilimland.kz", types.A, None, None),
        ("bilimland.kz.", types.AAAA, None, None),
        ("www.bilimland.kz", types.CNAME, None, None),
        ("bilimland.kz", types.HTTPS, response_codes.NOERROR, None),
        ("_dns.resolver.arpa", types.SVCB, response_codes.NOERROR, None),
        ("t.example.com", types.TXT, response_codes.REFUSED, "bypass:dns-type"),
        ("t.example.com", types.NULL, response_codes.REFUSED, "bypass:dns-type"),
        ("example.com", types.MX, response_codes.REFUSED, "bypass:dns-type"),
        ("example.com", types.ANY, response_codes.REFUSED, "bypass:dns-type"),
        (f"{TUNNEL_LABEL}.t.example.com", types.A, response_codes.REFUSED, "bypass:dns-long-name"),
        (LONG_NAME, types.A, response_codes.REFUSED, "bypass:dns-long-name"),
        ("a" * 50 + ".example.com", types.A, None, None),  # a long CDN label is still a name
    ],
)
def test_each_question_is_passed_answered_or_refused(
    tmp_path: Path, name: str, kind: int, answer: int | None, rule: str | None
) -> None:
    clock = Clock()
    policy = spooled(tmp_path, clock)
    guard = DnsGuard(policy, clock)
    flow = query(name, kind)
    with taddons.context(guard):
        guard.dns_request(flow)
    if answer is None:
        assert flow.response is None
    else:
        assert flow.response is not None and flow.response.response_code == answer
        assert flow.response.answers == []
    events = recorded(policy)
    assert [e.rule_id for e in events] == ([rule] if rule else [])
    if rule:
        (event,) = events
        assert (event.verdict, event.step) == (Verdict.BLOCK, Step.BYPASS)
        assert event.host == ".".join(name.rstrip(".").split(".")[-2:])
        assert TUNNEL_LABEL not in event.host  # the tunnelled data is never kept


def test_a_tunnel_is_recorded_once_a_minute_not_once_a_question(tmp_path: Path) -> None:
    clock = Clock()
    policy = spooled(tmp_path, clock)
    guard = DnsGuard(policy, clock)
    for number in range(100):
        flow = query(f"chunk{number}.t.example.com", types.TXT)
        guard.dns_request(flow)
        assert flow.response is not None
    assert [e.host for e in recorded(policy)] == ["example.com"]
    clock.now += 61
    guard.dns_request(query("again.t.example.com", types.TXT))
    assert len(recorded(policy)) == 2


def test_answered_failed_or_dead_flows_are_left_alone() -> None:
    guard = DnsGuard(PolicyFilter(), Clock())
    answered = query("t.example.com", types.TXT)
    answered.response = answered.request.succeed([])
    failed = tflow.tdnsflow(err=True)
    failed.request.questions = [dns.Question("t.example.com", types.TXT, 1)]
    dead = query("t.example.com", types.TXT)
    dead.live = False
    for flow in (answered, failed, dead):
        before = flow.response
        guard.dns_request(flow)
        assert flow.response is before


def test_a_query_with_a_refused_and_a_passed_question_is_refused() -> None:
    flow = tflow.tdnsflow()
    flow.request.questions = [
        dns.Question("example.com", types.A, 1),
        dns.Question("t.example.com", types.TXT, 1),
    ]
    DnsGuard(PolicyFilter(), Clock()).dns_request(flow)
    assert flow.response is not None and flow.response.response_code == response_codes.REFUSED


def test_a_burst_of_new_names_under_one_domain_is_refused(tmp_path: Path) -> None:
    clock = Clock()
    policy = spooled(tmp_path, clock)
    guard = DnsGuard(policy, clock)

    def answered(name: str) -> bool:
        flow = query(name, types.A)
        guard.dns_request(flow)
        return flow.response is None

    assert all(answered(f"d{number}.t.example.com") for number in range(NAMES_PER_MINUTE))
    assert not answered("one-more.t.example.com")  # a tunnel's pace: refused
    assert answered("D0.t.example.com.")  # a name already asked still resolves
    assert answered("www.bilimland.kz")  # other domains are not held up
    assert [(e.host, e.rule_id) for e in recorded(policy)] == [("example.com", "bypass:dns-burst")]
    clock.now += 60
    assert answered("one-more.t.example.com")  # a new minute


def reply(name: str, *answers: dns.ResourceRecord) -> dns.DNSFlow:
    flow = query(name, types.A)
    flow.response = flow.request.succeed(list(answers))
    return flow


def test_an_answer_carrying_data_in_a_long_name_is_refused(tmp_path: Path) -> None:
    clock = Clock()
    policy = spooled(tmp_path, clock)
    guard = DnsGuard(policy, clock)
    data = reply("x.t.example.com", dns.ResourceRecord.CNAME("x.t.example.com", LONG_NAME))
    cdn = reply(
        "www.bilimland.kz",
        dns.ResourceRecord.CNAME("www.bilimland.kz", "edge.cdn.example"),
        dns.ResourceRecord.A("edge.cdn.example", IPv4Address("198.51.100.7")),
    )
    failed = reply("x.t.example.com", dns.ResourceRecord.CNAME("x.t.example.com", LONG_NAME))
    failed.error = tflow.terr()
    for flow in (data, cdn, failed):
        guard.dns_response(flow)
    assert data.response is not None and data.response.response_code == response_codes.REFUSED
    assert data.response.answers == []
    assert cdn.response is not None and len(cdn.response.answers) == 2
    assert failed.response is not None and len(failed.response.answers) == 1
    assert [(e.host, e.rule_id) for e in recorded(policy)] == [
        ("example.com", "bypass:dns-long-name")
    ]
    guard.dns_response(query("x.t.example.com", types.A))  # no answer yet: nothing to judge
