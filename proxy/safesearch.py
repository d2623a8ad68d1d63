"""The SafeSearch addon: search engines and YouTube get the child's level forced on every request.

Only allowed requests are rewritten; the level comes with the decision (the age class's
default, or the parent's choice). Search engines that cannot be forced are blocked by
the `unsafe_search` list before they get here.
"""

from mitmproxy import http

from proxy.hotpath import pretty_host
from proxy.policyfilter import DECISION_KEY, handled
from rules.decision import Decision
from rules.safesearch import forced_query, forcing_for


class SafeSearch:
    """Adds the engine's safe-search parameter or YouTube's Restricted Mode header."""

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if handled(flow):
            return
        decision = flow.metadata.get(DECISION_KEY)
        if not isinstance(decision, Decision) or decision.blocked:
            return
        forcing = forcing_for(pretty_host(flow.request).lower().rstrip("."), decision.safe_search)
        if forcing is None:
            return
        if forcing.params:
            path, _, query = flow.request.path.partition("?")
            flow.request.path = f"{path}?{forced_query(query, forcing.params)}"
        for name, value in forcing.headers:
            flow.request.headers[name] = value
