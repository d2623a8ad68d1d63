"""`decide_request`: DESIGN.md's decision order for one web request, step by step."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from rules.agetable import (
    CategoryAction,
    SafeSearchLevel,
    content_threshold,
    default_action,
    default_safe_search,
)
from rules.categories import Category
from rules.decision import ContentScore, Decision, Reason, Step, Verdict
from rules.hosts import domain_matches
from rules.lists import NATIONAL_LIST_NAME, ListHit, Lists
from rules.policy import ChildProfile
from rules.schedule import Closed, closed_reason
from rules.sitelist import SiteList
from rules.urls import Url


@dataclass(frozen=True, slots=True)
class WebRequest:
    """What the proxy knows of a request: its URL and, when known, the server's address."""

    url: Url
    server_ip: str | None = None


@dataclass(frozen=True, slots=True)
class RequestContext:
    """What the moment adds: local time, spent budgets, and the page's score if it was scored."""

    now: datetime
    day_used_up: bool = False
    used_up_categories: frozenset[Category] = frozenset()
    content: ContentScore | None = None


class ChildFilter:
    """A child's profile with the allow and deny lists compiled once for every request."""

    def __init__(self, child: ChildProfile) -> None:
        self.child = child
        self.allow = SiteList(child.rules.allow)
        self.deny = SiteList(child.rules.deny)
        chosen = child.rules.safe_search
        self.safe_search: SafeSearchLevel = (
            chosen if chosen is not None else default_safe_search(child.age_class)
        )
        self._actions: dict[Category, tuple[CategoryAction, str]] = {}
        # The schedule's answer for the last minute asked: it changes only from minute to minute.
        self._closed_at: tuple[int, int, int, int, int] | None = None
        self._closed: Closed | None = None

    def action(self, category: Category) -> tuple[CategoryAction, str]:
        """The child's action for a category and the rule that gives it."""
        found = self._actions.get(category)
        if found is None:
            found = self._actions[category] = self._action(category)
        return found

    def _action(self, category: Category) -> tuple[CategoryAction, str]:
        age_class = self.child.age_class
        override = self.child.rules.category_overrides.get(category)
        if override is not None and not category.is_protected:
            return override, f"override:{category}"
        return default_action(category, age_class), f"category:{category}@{age_class}"

    def closed(self, now: datetime) -> Closed | None:
        """Why the schedule closes the web at `now` (local time), or None."""
        minute = (now.year, now.month, now.day, now.hour, now.minute)
        if minute != self._closed_at:
            self._closed = closed_reason(self.child.rules.week, now)
            self._closed_at = minute
        return self._closed


@dataclass(frozen=True, slots=True)
class HostPart:
    """What the lists say of a host for a child, which holds whatever the time or the page.

    `protected` is the block of a child-abuse, malware or phishing list; `rest` is the
    decision of the steps after the budgets (bypass tools, categories, whitelist-only mode,
    the default), for a page that was not scored.
    """

    hits: Sequence[ListHit]
    protected: Decision | None
    rest: Decision


def host_part(host: str, child: ChildFilter, lists: Lists) -> HostPart:
    """The host's list hits and the decisions that follow from them alone."""
    hits = lists.category_hits(host)
    safe_search = child.safe_search
    for hit in hits:
        if hit.category.is_protected:
            reason = _list_reason(Step.PROTECTED_LIST, f"list:{hit.list_name}", hit)
            protected = Decision(Verdict.BLOCK, reason, safe_search)
            return HostPart(hits, protected, protected)
    blocked = _first_blocked(child, [hit for hit in hits if hit.category.is_bypass])
    if blocked is not None:
        rest = Decision(Verdict.BLOCK, _list_reason(Step.BYPASS, *blocked), safe_search)
        return HostPart(hits, None, rest)
    blocked = _first_blocked(child, [hit for hit in hits if not hit.category.is_bypass])
    if blocked is not None:
        rest = Decision(Verdict.BLOCK, _list_reason(Step.CATEGORY, *blocked), safe_search)
    elif child.child.rules.whitelist_only:
        rest = Decision(Verdict.BLOCK, Reason(Step.WHITELIST_ONLY, "whitelist_only"), safe_search)
    elif hits:
        reason = _list_reason(Step.DEFAULT, child.action(hits[0].category)[1], hits[0])
        rest = Decision(Verdict.ALLOW, reason, safe_search)
    else:
        rest = Decision(Verdict.ALLOW, Reason(Step.DEFAULT, "default"), safe_search)
    return HostPart(hits, None, rest)


class ListedHosts:
    """`host_part` for one child and one set of lists, kept for the hosts asked lately.

    A proxy asks about the same few hosts again and again; the lists and the child's
    profile do not change under it (a new snapshot makes a new `ListedHosts`).
    """

    def __init__(self, child: ChildFilter, lists: Lists, limit: int = 4096) -> None:
        self.child = child
        self.lists = lists
        self._limit = limit
        self._parts: dict[str, HostPart] = {}

    def part(self, host: str) -> HostPart:
        found = self._parts.get(host)
        if found is None:
            if len(self._parts) >= self._limit:
                self._parts.clear()
            found = self._parts[host] = host_part(host, self.child, self.lists)
        return found


def decide_request(
    request: WebRequest,
    child: ChildFilter,
    lists: Lists,
    context: RequestContext,
    hosts: ListedHosts | None = None,
) -> Decision:
    """Decide a request in DESIGN.md's order; the first step that speaks settles it.

    National list, then child abuse / malware / phishing (no one can override either),
    the parent's deny list, allow list, grants, schedule and budgets, bypass tools,
    categories against the age class, whitelist-only mode, the content score, and allow.
    The allow list is the parent's "always allowed": it also holds outside allowed hours.
    `hosts`, made for the same child and lists, keeps what depends on the host alone.
    """
    url = request.url
    national = lists.national_hit(url, request.server_ip)
    if national is not None:
        entry = national.entry
        reason = Reason(
            Step.NATIONAL_LIST,
            f"national:{entry.reference}",
            list_name=NATIONAL_LIST_NAME,
            matched=national.target.value,
            legal_basis=entry.legal_norm,
            violation=entry.violation_type,
        )
        return Decision(Verdict.BLOCK, reason, child.safe_search)
    part = host_part(url.host, child, lists) if hosts is None else hosts.part(url.host)
    if part.protected is not None:
        return part.protected
    found = _parent_or_time(request, child, context)
    if found is not None:
        return found
    for hit in part.hits:
        if hit.category in context.used_up_categories:
            reason = _list_reason(Step.BUDGET, f"budget:{hit.category}", hit)
            return Decision(Verdict.BLOCK, reason, child.safe_search)
    if not part.hits and context.content is not None and not part.rest.blocked:
        scored = content_reason(child, context.content)
        if scored is not None:
            return Decision(Verdict.BLOCK, scored, child.safe_search)
    return part.rest


def _parent_or_time(
    request: WebRequest, child: ChildFilter, context: RequestContext
) -> Decision | None:
    """The steps between the lists that no one overrides and the budgets' categories:
    the parent's deny and allow lists, grants, the schedule and the day's budget."""
    url, rules, safe_search = request.url, child.child.rules, child.safe_search
    denied = child.deny.match(url, request.server_ip)
    if denied is not None:
        return Decision(
            Verdict.BLOCK, Reason(Step.DENY_LIST, f"deny:{denied}", matched=denied), safe_search
        )
    allowed = child.allow.match(url, request.server_ip)
    if allowed is not None:
        reason = Reason(Step.ALLOW_LIST, f"allow:{allowed}", matched=allowed)
        return Decision(Verdict.ALLOW, reason, safe_search)
    for grant in rules.site_grants:
        if context.now < grant.until and domain_matches(url.host, grant.host):
            reason = Reason(Step.GRANT, f"grant:{grant.host}", matched=grant.host)
            return Decision(Verdict.ALLOW, reason, safe_search)
    closed = child.closed(context.now)
    if closed is not None:
        return Decision(Verdict.BLOCK, Reason(Step.SCHEDULE, f"schedule:{closed}"), safe_search)
    if context.day_used_up:
        return Decision(Verdict.BLOCK, Reason(Step.BUDGET, "budget:day"), safe_search)
    return None


def content_reason(child: ChildFilter, score: ContentScore) -> Reason | None:
    """The content step: a page scored over the child's age-class threshold is blocked."""
    threshold = content_threshold(child.child.age_class)
    if threshold is None or score.total <= threshold:
        return None
    return Reason(
        Step.CONTENT,
        f"content:{child.child.age_class}",
        category=score.category,
        score=score.total,
        threshold=threshold,
        phrases=score.top_phrases,
    )


def _first_blocked(child: ChildFilter, hits: Sequence[ListHit]) -> tuple[str, ListHit] | None:
    for hit in hits:
        action, rule_id = child.action(hit.category)
        if action is CategoryAction.BLOCK:
            return rule_id, hit
    return None


def _list_reason(step: Step, rule_id: str, hit: ListHit) -> Reason:
    return Reason(
        step,
        rule_id,
        list_name=hit.list_name,
        category=hit.category,
        matched=hit.matched,
    )
