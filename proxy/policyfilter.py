"""The filter addon: decides each request for the child and answers blocked ones with a page.

It also holds what the other addons decide with (the snapshot, the child's compiled rules,
the event spool), so that they ask one place and every decision is recorded the same way.
"""

import asyncio
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from mitmproxy import addonmanager, ctx, exceptions, http
from mitmproxy.utils import asyncio_utils

from proxy.blockpage import BlockActions, render_block_page, render_starting_page
from proxy.budgets import BudgetWatcher
from proxy.childmap import current_child
from proxy.hotpath import pretty_host_and_url
from proxy.snapshot import EventSpool, Snapshot, SnapshotError, SnapshotWatcher
from rules.categories import Category
from rules.decide import ChildFilter, ListedHosts, RequestContext, WebRequest, decide_request
from rules.decision import ContentScore, Decision, Reason, Step, Verdict
from rules.hosts import parse_ip
from rules.inspection import needs_content_check, url_rule_sites
from rules.records import DecisionEvent
from rules.text import Language
from rules.urls import Url, normalize_url

DECISION_KEY = "qorgan_decision"
# A page whose score decides: its event is recorded once the body has been scored.
SCORE_PENDING_KEY = "qorgan_score_pending"
# Qorgan's own pages (the reserved host): no other addon touches these flows.
OWN_PAGE_KEY = "qorgan_own_page"
# Steps a parent chose: an address the parent allowed may be reached without a name.
PARENT_ALLOWED = frozenset({Step.ALLOW_LIST, Step.GRANT})

logger = logging.getLogger(__name__)


def handled(flow: http.HTTPFlow) -> bool:
    """A flow another hook has answered, that failed, that is not live, or that is Qorgan's own."""
    return bool(flow.response or flow.error or not flow.live or flow.metadata.get(OWN_PAGE_KEY))


def host_url(host: str) -> str:
    """The address of a host's front page, which stands for the host in a decision."""
    return f"https://[{host}]/" if ":" in host else f"https://{host}/"


def bracketed(url: str, host: str) -> str:
    """`url` with an IPv6 `host` in brackets: mitmproxy's `pretty_url` leaves them out."""
    if ":" not in host or f"//{host}" not in url:
        return url
    return url.replace(f"//{host}", f"//[{host}]", 1)


def bypass_decision(rule_id: str, category: Category | None = None) -> Decision:
    """A way around the filter that was tried and refused (DOMAIN.md §8), for its event."""
    return Decision(Verdict.BLOCK, Reason(Step.BYPASS, rule_id, category=category))


@dataclass(frozen=True)
class Active:
    """The snapshot in force and the child it filters for, compiled once per snapshot."""

    snapshot: Snapshot
    child: ChildFilter
    url_sites: frozenset[str]
    hosts: ListedHosts  # what the snapshot's lists say of each host, for this child

    @property
    def is_child(self) -> bool:
        return self.child.child.age_class.is_child


class PolicyFilter:
    """Qorgan's policy, applied to every request that reaches the proxy.

    Without a usable snapshot, or when deciding fails, the answer is a 503 page:
    the filter fails closed and never lets a request through undecided. Requests are
    decided as soon as their headers arrive, before any body is read or sent on.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._clock = clock
        self.now = now
        self.watcher: SnapshotWatcher | None = None
        self.spool = EventSpool(None, clock)
        self.budgets = BudgetWatcher(clock)
        self._active: Active | None = None
        self.language = Language.KK
        self._flusher: asyncio.Task[None] | None = None
        self._secret = secrets.token_bytes(32)

    def load(self, loader: addonmanager.Loader) -> None:
        loader.add_option(
            "qorgan_snapshot", str, "", "The policy snapshot file that Qorgan's service writes."
        )
        loader.add_option(
            "qorgan_events", str, "", "The JSON-lines file that decision events are appended to."
        )

    def configure(self, updated: set[str]) -> None:
        if "qorgan_events" in updated:
            self.spool.flush()
            events = str(ctx.options.qorgan_events)
            self.spool = EventSpool(Path(events) if events else None, self._clock)
        if "qorgan_snapshot" in updated:
            path = str(ctx.options.qorgan_snapshot)
            self.watcher = SnapshotWatcher(Path(path), self._clock) if path else None
            self._active = None
            if self.watcher is not None:
                try:
                    self.watcher.load()
                except SnapshotError as error:
                    # mitmproxy leaves the exception's __init__ untyped.
                    raise exceptions.OptionsError(str(error)) from error  # type: ignore[no-untyped-call]

    async def running(self) -> None:
        self._flusher = asyncio_utils.create_task(
            self._every_interval(), name="qorgan policy filter upkeep", keep_ref=True
        )

    async def _every_interval(self) -> None:
        while True:
            await asyncio.sleep(self.spool.interval)
            self.spool.flush()
            if self.watcher is not None:
                self.watcher.refresh()

    def done(self) -> None:
        if self._flusher is not None:
            self._flusher.cancel()
        self.spool.flush()

    # What the other addons ask.

    def active(self) -> Active | None:
        """The child's rules from the newest snapshot; None while there is none (fail closed).

        LookupError if the snapshot names no child to filter for.
        """
        snapshot = None if self.watcher is None else self.watcher.refresh()
        if snapshot is None:
            return None
        # The root service names each connection's child (proxy/childmap.py); the demo, one.
        name = current_child() or snapshot.demo_child or snapshot.policy.default_profile
        if name is None:
            raise LookupError("the snapshot names no child to filter for")
        if (
            self._active is None
            or self._active.snapshot is not snapshot
            or self._active.child.child.name.casefold() != name.casefold()
        ):
            child = ChildFilter(snapshot.policy.child(name))
            sites = snapshot.national_url_sites | url_rule_sites((), child.child.rules.deny)
            self._active = Active(snapshot, child, sites, ListedHosts(child, snapshot.lists))
        self.language = self._active.child.child.language
        return self._active

    def decide(
        self,
        active: Active,
        urls: list[str],
        server_ip: str | None = None,
        content: ContentScore | None = None,
    ) -> tuple[Url, Decision]:
        """The decision for a request known by one or more URLs: the first block, else allow."""
        budgets = self.budgets.flags(active.snapshot.budgets_file, active.child.child.name)
        context = RequestContext(
            now=self.now(),
            day_used_up=budgets.day_used_up,
            used_up_categories=budgets.used_up_categories,
            content=content,
        )
        child, lists, hosts = active.child, active.snapshot.lists, active.hosts
        decided = []
        for text in urls:
            url = normalize_url(text)
            decision = decide_request(WebRequest(url, server_ip), child, lists, context, hosts)
            decided.append((url, decision))
        return next(((u, d) for u, d in decided if d.blocked), decided[0])

    def record(self, host: str, decision: Decision, rule_prefix: str = "") -> None:
        """Send the decision to the service as an event: the host, never the page."""
        reason = decision.reason
        self.spool.add(
            DecisionEvent(
                at=self.now(),
                child=current_child()
                or ("" if self._active is None else self._active.child.child.name),
                host=host,
                verdict=decision.verdict,
                step=reason.step,
                rule_id=rule_prefix + reason.rule_id,
                category=reason.category,
                list_name=reason.list_name,
                score=reason.score,
            )
        )

    def action_token(self, host: str) -> str:
        """What proves a block page's form came from this proxy, for this host."""
        digest = hmac.new(self._secret, host.encode("utf-8"), hashlib.sha256)
        return digest.hexdigest()[:32]

    def token_valid(self, host: str, token: str) -> bool:
        return hmac.compare_digest(self.action_token(host), token)

    def answer_blocked(
        self, flow: http.HTTPFlow, active: Active, host: str, decision: Decision
    ) -> None:
        profile = active.child.child
        actions = BlockActions(host, self.action_token(host))
        page = render_block_page(decision, host, profile.age_class, profile.language, actions)
        flow.response = http.Response.make(
            403, page, {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}
        )

    def answer_starting(self, flow: http.HTTPFlow) -> None:
        flow.metadata[DECISION_KEY] = None
        flow.response = http.Response.make(
            503,
            render_starting_page(self.language),
            {
                "Content-Type": "text/html; charset=utf-8",
                "Cache-Control": "no-store",
                "Retry-After": "5",
            },
        )

    # Hooks.

    def http_connect(self, flow: http.HTTPFlow) -> None:
        """A tunnel to a blocked host is opened without reaching the host: its page is ours.

        The TLS addon then intercepts it, and the request inside gets the block page.
        """
        if handled(flow):
            return
        host = flow.request.host
        try:
            active = self.active()
            if active is None:
                self.answer_starting(flow)
                return
            _, decision = self.decide(active, [host_url(host)])
        except Exception:
            logger.exception("deciding the tunnel to %s failed; answering with the 503 page", host)
            self.answer_starting(flow)
            return
        if decision.blocked:
            flow.response = http.Response.make(200, b"", {})

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if handled(flow):
            return
        request = flow.request
        host, pretty_url = pretty_host_and_url(request)
        urls, server_ip = [bracketed(pretty_url, host)], None
        # The Host header may name another site than the connection goes to: judge both.
        if request.host.casefold() != host.casefold():
            if parse_ip(request.host) is not None:
                server_ip = request.host
            else:
                urls.append(request.url)
        try:
            active = self.active()
            if active is None:
                self.answer_starting(flow)
                return
            url, decision = self.decide(active, urls, server_ip)
        except Exception:
            logger.exception("deciding %s failed; answering with the 503 page", urls[0])
            self.answer_starting(flow)
            return
        flow.metadata[DECISION_KEY] = decision
        if decision.blocked:
            self.answer_blocked(flow, active, url.host, decision)
        elif needs_content_check(decision, active.child.child.age_class):
            flow.metadata[SCORE_PENDING_KEY] = url.host
            return
        self.record(url.host, decision)
