"""The DNS guard addon: the proxy's DNS stub answers what a browser needs and no tunnel.

The root service sends every supervised account's DNS to the stub (mitmproxy's DNS mode),
which otherwise forwards any question upstream, so data could leave in the names asked
and come back in TXT or NULL answers (iodine, dnscat2). For those accounts the stub:

- passes A, AAAA and CNAME questions on;
- answers HTTPS and SVCB with an empty NOERROR, so browsers take no ECH or QUIC hint
  and stay on TCP where the proxy sees them;
- refuses every other type (TXT, NULL, MX, SRV, ANY, …) with REFUSED;
- refuses a name longer than 150 characters or with a label longer than 50: names that
  long carry data, not a site; an answer naming one (a CNAME carrying data back) is
  replaced by REFUSED;
- refuses new names under a domain once it had 100 different ones in a minute:
  a tunnel in A questions needs a new name for every piece of data, a site a few names.

Each refusal is a bypass event naming the name's last two labels (never the data before
them), at most once a minute for the same rule and domain.
"""

import logging
import time
from collections.abc import Callable

from mitmproxy import dns
from mitmproxy.net.dns import response_codes, types

from proxy.policyfilter import PolicyFilter, bypass_decision

PASSED = frozenset({types.A, types.AAAA, types.CNAME})
EMPTY = frozenset({types.HTTPS, types.SVCB})
MAX_NAME, MAX_LABEL = 150, 50
TYPE_RULE, LONG_NAME_RULE = "bypass:dns-type", "bypass:dns-long-name"
BURST_RULE = "bypass:dns-burst"
RECORD_EVERY = 60.0
NAMES_PER_MINUTE = 100  # different names under one domain; more is a tunnel's pace

logger = logging.getLogger(__name__)


def too_long(name: str) -> bool:
    """A name that carries data: over 150 characters, or a label over 50."""
    name = name.rstrip(".")
    return len(name) > MAX_NAME or any(len(label) > MAX_LABEL for label in name.split("."))


def refusal(question: dns.Question) -> str | None:
    """The rule a question breaks, or None when it may be asked upstream."""
    if too_long(question.name):
        return LONG_NAME_RULE
    if question.type in PASSED or question.type in EMPTY:
        return None
    return TYPE_RULE


def domain_of(name: str) -> str:
    """The name's last two labels: what the event keeps of it."""
    return ".".join(name.rstrip(".").lower().split(".")[-2:])


class DnsGuard:
    """Answers the stub's questions that could carry a tunnel before they go upstream."""

    def __init__(self, policy: PolicyFilter, clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self._clock = clock
        self._recorded: dict[tuple[str, str], float] = {}
        self._minute = 0.0
        self._names: dict[str, set[str]] = {}  # domain -> names asked this minute

    def dns_request(self, flow: dns.DNSFlow) -> None:
        if flow.response or flow.error or not flow.live:
            return
        questions = flow.request.questions
        for question in questions:
            rule = refusal(question) or self._burst(question.name)
            if rule is not None:
                self._record(domain_of(question.name), rule, types.to_str(question.type))
                flow.response = flow.request.fail(response_codes.REFUSED)
                return
        if questions and all(question.type in EMPTY for question in questions):
            flow.response = flow.request.succeed([])

    def dns_response(self, flow: dns.DNSFlow) -> None:
        """An answer that carries data back in a long name is not passed on."""
        if flow.response is None or flow.error or not flow.live:
            return
        for answer in flow.response.answers:
            target = answer.domain_name if answer.type == types.CNAME else ""
            if too_long(answer.name) or too_long(target):
                self._record(domain_of(answer.name), LONG_NAME_RULE, "answer")
                flow.response = flow.request.fail(response_codes.REFUSED)
                return

    def _burst(self, name: str) -> str | None:
        """BURST_RULE for a new name under a domain that had too many different ones."""
        now = self._clock()
        if now - self._minute >= 60:
            self._minute, self._names = now, {}
        names = self._names.setdefault(domain_of(name), set())
        key = name.rstrip(".").lower()
        if key in names:
            return None
        if len(names) >= NAMES_PER_MINUTE:
            return BURST_RULE
        names.add(key)
        return None

    def _record(self, domain: str, rule: str, kind: str) -> None:
        now = self._clock()
        last = self._recorded.get((rule, domain))
        if last is not None and now - last < RECORD_EVERY:
            return
        if len(self._recorded) > 4096:  # a tunnel through many domains: keep memory bounded
            self._recorded.clear()
        self._recorded[rule, domain] = now
        self.policy.record(domain, bypass_decision(rule))
        logger.info("DNS question refused: %s %s (%s)", kind, domain, rule)
