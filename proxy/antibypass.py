"""The anti-bypass addon: the ways around a filter that DOMAIN.md §8 lists, refused and recorded.

- DNS-over-HTTPS by content type (`application/dns-message`) on any host; known DoH
  hosts are already blocked by their list;
- Firefox's canary domain `use-application-dns.net` answered NXDOMAIN (in DNS mode) or
  refused (over HTTP), so Firefox turns its own DoH off; a routine browser check, not an
  attempt, so it is not recorded;
- CONNECT to a bare IP address, for a child, unless the parent allowed that address;
- anything but HTTP or TLS through the proxy: mitmproxy's raw TCP mode stays off, so a
  tunnel on port 80 or 443 (SSH, a VPN, a SOCKS server) gets a protocol error and not a
  byte passes between it and its server; a request to port 443 in plain HTTP is killed;
- a request to a bare address, for a child, judged as well by the names the DNS stub gave
  that address (`proxy/resolved.py`): a deny-listed site by its IP gets the block page;
- `Alt-Svc` headers removed, so browsers stay on TCP where the proxy sees them (QUIC's
  UDP 443 is dropped by the firewall).

Every refused attempt is recorded as a bypass event with the host only (a raw tunnel,
which never becomes a flow, is only refused).
"""

import logging

from mitmproxy import ctx, dns, http
from mitmproxy.net.dns import response_codes

from proxy.hotpath import pretty_host
from proxy.policyfilter import (
    DECISION_KEY,
    PARENT_ALLOWED,
    PolicyFilter,
    bypass_decision,
    handled,
    host_url,
)
from proxy.resolved import ResolvedNames
from rules.categories import Category
from rules.hosts import HostError, domain_matches, normalize_host, parse_ip

CANARY_DOMAIN = "use-application-dns.net"
DOH_TYPES = ("application/dns-message", "application/dns-json")
DOH_RULE, BARE_IP_RULE, PLAIN_443_RULE = "bypass:doh-content", "bypass:bare-ip", "bypass:plain-443"
TLS_PORT = 443
_DOH_HEADERS = (b"content-type", b"accept")
_DOH_BYTES = tuple(kind.encode() for kind in DOH_TYPES)
_DOH_PREFIX = b"application/dns-"

logger = logging.getLogger(__name__)


def _is_doh(request: http.Request) -> bool:
    """A DNS query in HTTP: by its content type, or GET /dns-query?dns=… (RFC 8484)."""
    fields = request.headers.fields
    # Both types start so: when no header value says it, no header needs a closer look.
    if _DOH_PREFIX in b"\n".join([value for _, value in fields]).lower():
        for name, value in fields:
            if name.lower() in _DOH_HEADERS and any(kind in value.lower() for kind in _DOH_BYTES):
                return True
    return request.path.startswith("/dns-query?") and "dns" in request.query


class AntiBypass:
    """Refuses the ways around the filter before the policy filter decides the request."""

    def __init__(self, policy: PolicyFilter, resolved: ResolvedNames | None = None) -> None:
        self.policy = policy
        self.resolved = resolved

    def configure(self, updated: set[str]) -> None:
        # Raw TCP would relay any protocol on 80 or 443 to its server unseen (a killed
        # TCP flow is still relayed); without it, what is not TLS is taken for HTTP.
        if "rawtcp" in updated and ctx.options.rawtcp:
            ctx.options.rawtcp = False

    def _refuse(self, host: str, rule: str, category: Category | None = None) -> None:
        self.policy.record(host, bypass_decision(rule, category))
        logger.info("bypass attempt refused: %s (%s)", host, rule)

    def http_connect(self, flow: http.HTTPFlow) -> None:
        """A tunnel to a bare address, for a child, unless the parent allowed that address."""
        if handled(flow):
            return
        host = flow.request.host
        try:
            address = normalize_host(host)
        except HostError:
            return  # the policy filter fails closed on it
        if parse_ip(address) is None:
            return
        active = self.policy.active()
        if active is None or not active.is_child:
            return
        _, decision = self.policy.decide(active, [host_url(address)])
        if decision.reason.step in PARENT_ALLOWED:
            return
        self._refuse(address, BARE_IP_RULE)
        flow.response = http.Response.make(403, b"", {})

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if handled(flow):
            return
        request = flow.request
        host = pretty_host(request)
        if request.port == TLS_PORT and request.scheme == "http":
            self._refuse(host, PLAIN_443_RULE)
            flow.kill()  # type: ignore[no-untyped-call]
            return
        if domain_matches(host.lower().rstrip("."), CANARY_DOMAIN):
            flow.response = http.Response.make(404, b"", {"Cache-Control": "no-store"})
            return
        if _is_doh(request):
            self._refuse(host, DOH_RULE, Category.DOH)
            flow.response = http.Response.make(403, b"", {"Cache-Control": "no-store"})
            return
        self._judge_bare_address(flow, host)

    def _judge_bare_address(self, flow: http.HTTPFlow, host: str) -> None:
        """A request to a bare address (no Host, or an IP in it) is blocked when a name the
        DNS stub gave that address for is blocked for the child."""
        names = [] if self.resolved is None else self.resolved.names(host.strip("[]"))
        if not names:
            return
        try:
            active = self.policy.active()
            if active is None or not active.is_child:
                return  # the policy filter answers with its "starting" page, or filters nothing
            url, decision = self.policy.decide(active, [host_url(name) for name in names])
        except Exception:
            # Raised on, it would stop the policy filter's hook too and let the request go out.
            logger.exception("judging %s by its names failed; answering with the 503 page", host)
            self.policy.answer_starting(flow)
            return
        if decision.blocked:
            flow.metadata[DECISION_KEY] = decision
            self.policy.answer_blocked(flow, active, url.host, decision)
            self.policy.record(url.host, decision)

    def responseheaders(self, flow: http.HTTPFlow) -> None:
        if flow.error or not flow.live or flow.response is None:
            return
        headers = flow.response.headers
        fields = headers.fields
        alt_svc = doh = False
        # Most responses have neither: one look at all names and all values tells it, and only
        # then is each header looked at (a pop and a get would each walk them all).
        names = b"\n".join([b"", *[name for name, _ in fields], b""]).lower()
        if b"\nalt-svc\n" in names or (
            b"\ncontent-type\n" in names
            and _DOH_PREFIX in b"\n".join([value for _, value in fields]).lower()
        ):
            for name, value in fields:
                lowered = name.lower()
                if lowered == b"alt-svc":
                    alt_svc = True
                elif lowered == b"content-type" and not doh:
                    doh = any(kind in value.lower() for kind in _DOH_BYTES)
        if alt_svc:
            del headers["Alt-Svc"]
        if doh:
            self._refuse(pretty_host(flow.request), DOH_RULE, Category.DOH)
            flow.kill()  # type: ignore[no-untyped-call]

    def dns_request(self, flow: dns.DNSFlow) -> None:
        """Firefox asks for the canary before it turns DoH on; "no such name" keeps it off."""
        if flow.response or flow.error or not flow.live:
            return
        if any(
            domain_matches(question.name.lower().rstrip("."), CANARY_DOMAIN)
            for question in flow.request.questions
        ):
            flow.response = flow.request.fail(response_codes.NXDOMAIN)
