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
from rules.schedule import closed_reason
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

    def action(self, category: Category) -> tuple[CategoryAction, str]:
        """The child's action for a category and the rule that gives it."""
        age_class = self.child.age_class
        override = self.child.rules.category_overrides.get(category)
        if override is not None and not category.is_protected:
            return override, f"override:{category}"
        return default_action(category, age_class), f"category:{category}@{age_class}"

    @property
    def safe_search(self) -> SafeSearchLevel:
        chosen = self.child.rules.safe_search
        return chosen if chosen is not None else default_safe_search(self.child.age_class)


def decide_request(
    request: WebRequest, child: ChildFilter, lists: Lists, context: RequestContext
) -> Decision:
    """Decide a request in DESIGN.md's order; the first step that speaks settles it.

    National list, then child abuse / malware / phishing (no one can override either),
    the parent's deny list, allow list, grants, schedule and budgets, bypass tools,
    categories against the age class, whitelist-only mode, the content score, and allow.
    The allow list is the parent's "always allowed": it also holds outside allowed hours.
    """
    url, rules = request.url, child.child.rules
    safe_search = child.safe_search

    def block(reason: Reason) -> Decision:
        return Decision(Verdict.BLOCK, reason, safe_search)

    def allow(reason: Reason) -> Decision:
        return Decision(Verdict.ALLOW, reason, safe_search)

    national = lists.national_hit(url, request.server_ip)
    if national is not None:
        entry = national.entry
        return block(
            Reason(
                Step.NATIONAL_LIST,
                f"national:{entry.reference}",
                list_name=NATIONAL_LIST_NAME,
                matched=national.target.value,
                legal_basis=entry.legal_norm,
                violation=entry.violation_type,
            )
        )
    hits = lists.category_hits(url.host)
    for hit in hits:
        if hit.category.is_protected:
            return block(_list_reason(Step.PROTECTED_LIST, f"list:{hit.list_name}", hit))
    denied = child.deny.match(url, request.server_ip)
    if denied is not None:
        return block(Reason(Step.DENY_LIST, f"deny:{denied}", matched=denied))
    allowed = child.allow.match(url, request.server_ip)
    if allowed is not None:
        return allow(Reason(Step.ALLOW_LIST, f"allow:{allowed}", matched=allowed))
    for grant in rules.site_grants:
        if context.now < grant.until and domain_matches(url.host, grant.host):
            return allow(Reason(Step.GRANT, f"grant:{grant.host}", matched=grant.host))
    closed = closed_reason(rules.week, context.now)
    if closed is not None:
        return block(Reason(Step.SCHEDULE, f"schedule:{closed}"))
    if context.day_used_up:
        return block(Reason(Step.BUDGET, "budget:day"))
    for hit in hits:
        if hit.category in context.used_up_categories:
            return block(_list_reason(Step.BUDGET, f"budget:{hit.category}", hit))
    blocked = _first_blocked(child, [hit for hit in hits if hit.category.is_bypass])
    if blocked is not None:
        return block(_list_reason(Step.BYPASS, *blocked))
    blocked = _first_blocked(child, [hit for hit in hits if not hit.category.is_bypass])
    if blocked is not None:
        return block(_list_reason(Step.CATEGORY, *blocked))
    if rules.whitelist_only:
        return block(Reason(Step.WHITELIST_ONLY, "whitelist_only"))
    if not hits and context.content is not None:
        scored = content_reason(child, context.content)
        if scored is not None:
            return block(scored)
    if hits:
        return allow(_list_reason(Step.DEFAULT, child.action(hits[0].category)[1], hits[0]))
    return allow(Reason(Step.DEFAULT, "default"))


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
