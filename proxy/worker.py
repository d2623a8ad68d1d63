"""The script mitmdump loads (`-s proxy/worker.py`): the addons of Qorgan's proxy worker.

Their order is the order of each hook: Qorgan's own pages first (nothing else touches
them), then the refused ways around the filter, the policy decision, SafeSearch on what
was allowed, content scoring of responses, and the TLS decision at each ClientHello.
mitmproxy sees them as one addon that calls each in this order (proxy/chain.py).
"""

from proxy.antibypass import AntiBypass
from proxy.chain import AddonChain
from proxy.childmap import ChildMap
from proxy.contentfilter import ContentFilter
from proxy.dnsguard import DnsGuard
from proxy.policyfilter import PolicyFilter
from proxy.qorganpages import QorganPages
from proxy.resolved import ResolvedNames
from proxy.safesearch import SafeSearch
from proxy.tlsdecision import TlsDecision

policy = PolicyFilter()
resolved = ResolvedNames()  # what the DNS stub answered: TLS and bare addresses are judged by it
parts = [
    ChildMap(),  # first: it tells the others whose connection each hook is for
    QorganPages(policy),
    AntiBypass(policy, resolved),
    DnsGuard(policy),  # the DNS stub: no TXT/NULL tunnels, no ECH/QUIC hints
    resolved,
    policy,
    SafeSearch(),
    ContentFilter(policy),
    TlsDecision(policy, resolved=resolved),
]
# One addon for mitmproxy to walk per event instead of seven (proxy/chain.py).
addons = [AddonChain(parts)]
