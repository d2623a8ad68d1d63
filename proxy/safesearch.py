"""The SafeSearch addon: search engines and YouTube get the child's level forced on every request.

Only allowed requests are rewritten; the level comes with the decision (the age class's
default, or the parent's choice). Search engines that cannot be forced are blocked by
the `unsafe_search` list before they get here.
"""

from mitmproxy import http

from proxy.hotpath import pretty_host
from proxy.policyfilter import DECISION_KEY, handled
from rules.agetable import SafeSearchLevel
from rules.decision import Decision
from rules.safesearch import Forcing, forced_query, forcing_for

MAX_HOSTS = 4096


class SafeSearch:
    """Adds the engine's safe-search parameter or YouTube's Restricted Mode header."""

    def __init__(self) -> None:
        # What each host needs at each level: the engines' host patterns are asked once per host.
        self._forcing: dict[tuple[str, SafeSearchLevel], Forcing | None] = {}

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if handled(flow):
            return
        decision = flow.metadata.get(DECISION_KEY)
        if not isinstance(decision, Decision) or decision.blocked:
            return
        key = (pretty_host(flow.request), decision.safe_search)
        try:
            forcing = self._forcing[key]
        except KeyError:
            if len(self._forcing) >= MAX_HOSTS:
                self._forcing.clear()
            host, level = key
            forcing = self._forcing[key] = forcing_for(host.lower().rstrip("."), level)
        if forcing is None:
            return
        if forcing.params:
            path, _, query = flow.request.path.partition("?")
            flow.request.path = f"{path}?{forced_query(query, forcing.params)}"
        for name, value in forcing.headers:
            flow.request.headers[name] = value
