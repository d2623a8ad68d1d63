"""The filter addon: decides each request for the child and answers blocked ones with a page."""

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from mitmproxy import addonmanager, ctx, exceptions, http
from mitmproxy.utils import asyncio_utils

from proxy.blockpage import render_block_page, render_starting_page
from proxy.snapshot import EventSpool, Snapshot, SnapshotError, SnapshotWatcher
from rules.decide import ChildFilter, RequestContext, WebRequest, decide_request
from rules.hosts import parse_ip
from rules.records import DecisionEvent
from rules.text import Language
from rules.urls import Url, normalize_url

DECISION_KEY = "qorgan_decision"

logger = logging.getLogger(__name__)


class PolicyFilter:
    """Qorgan's policy, applied to every request and CONNECT that reaches the proxy.

    Without a usable snapshot, or when deciding fails, the answer is a 503 page:
    the filter fails closed and never lets a request through undecided.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self._clock = clock
        self._now = now
        self.watcher: SnapshotWatcher | None = None
        self.spool = EventSpool(None, clock)
        self._filter: tuple[Snapshot, ChildFilter] | None = None
        self._language = Language.KK
        self._flusher: asyncio.Task[None] | None = None

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
            self._filter = None
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

    def http_connect(self, flow: http.HTTPFlow) -> None:
        """A tunnel to a blocked host is refused before any connection is made."""
        if flow.response or flow.error or not flow.live:
            return
        host = flow.request.host
        self._decide(flow, [f"https://[{host}]/" if ":" in host else f"https://{host}/"], None)

    def request(self, flow: http.HTTPFlow) -> None:
        if flow.response or flow.error or not flow.live:
            return
        request = flow.request
        urls, server_ip = [request.pretty_url], None
        # The Host header may name another site than the connection goes to: judge both.
        if request.host.casefold() != request.pretty_host.casefold():
            if parse_ip(request.host) is not None:
                server_ip = request.host
            else:
                urls.append(request.url)
        self._decide(flow, urls, server_ip)

    def _decide(self, flow: http.HTTPFlow, urls: list[str], server_ip: str | None) -> None:
        """Decide, record and answer; on any failure answer 503, never let the flow through."""
        snapshot = None if self.watcher is None else self.watcher.refresh()
        if snapshot is None:
            self._answer_starting(flow)
            return
        try:
            self._apply(flow, snapshot, [normalize_url(u) for u in urls], server_ip)
        except Exception:
            logger.exception("deciding %s failed; answering with the protection page", urls[0])
            self._answer_starting(flow)

    def _apply(
        self, flow: http.HTTPFlow, snapshot: Snapshot, urls: list[Url], server_ip: str | None
    ) -> None:
        child = self._child_filter(snapshot)
        context = RequestContext(now=self._now())
        decided = [
            (url, decide_request(WebRequest(url, server_ip), child, snapshot.lists, context))
            for url in urls
        ]
        url, decision = next(((u, d) for u, d in decided if d.blocked), decided[0])
        profile = child.child
        self._language = profile.language
        if decision.blocked:
            page = render_block_page(decision, url.host, profile.age_class, profile.language)
            flow.response = http.Response.make(
                403,
                page,
                {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"},
            )
        flow.metadata[DECISION_KEY] = decision
        self.spool.add(
            DecisionEvent(
                at=context.now,
                child=profile.name,
                host=url.host,
                verdict=decision.verdict,
                step=decision.reason.step,
                rule_id=decision.reason.rule_id,
                category=decision.reason.category,
                list_name=decision.reason.list_name,
                score=decision.reason.score,
            )
        )

    def _child_filter(self, snapshot: Snapshot) -> ChildFilter:
        """The demo child's rules (the explicit proxy serves one child), compiled once."""
        if self._filter is None or self._filter[0] is not snapshot:
            name = snapshot.demo_child or snapshot.policy.default_profile
            if name is None:
                raise LookupError("the snapshot names no child to filter for")
            self._filter = (snapshot, ChildFilter(snapshot.policy.child(name)))
        return self._filter[1]

    def _answer_starting(self, flow: http.HTTPFlow) -> None:
        flow.metadata[DECISION_KEY] = None
        flow.response = http.Response.make(
            503,
            render_starting_page(self._language),
            {
                "Content-Type": "text/html; charset=utf-8",
                "Cache-Control": "no-store",
                "Retry-After": "5",
            },
        )
