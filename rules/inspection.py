"""Which HTTPS connections the proxy opens up, decided on the host alone at the TLS ClientHello.

Opening a connection (interception) costs time and breaks apps that pin certificates,
so it is done only where Qorgan has something to do inside: show a block page, apply
a rule on a page's URL, force SafeSearch, or score a page that no list categorises.
Everything else passes through untouched.
"""

from collections.abc import Iterable
from enum import StrEnum

from rules.ageclass import AgeClass
from rules.agetable import content_threshold
from rules.decide import ChildFilter, content_reason
from rules.decision import ContentScore, Decision, Step, Verdict
from rules.national import NationalEntry, TargetKind
from rules.sitelist import classify_entry
from rules.urls import normalize_url


class TlsAction(StrEnum):
    PASS_THROUGH = "pass_through"
    INTERCEPT = "intercept"
    REFUSE = "refuse"


def url_rule_sites(
    national: Iterable[NationalEntry], deny_entries: Iterable[str]
) -> frozenset[str]:
    """The sites (host without `www.`) where a national URL target or a parent's deny entry
    closes some pages and not others: they can be told apart only inside the connection.
    """
    sites: set[str] = set()
    for entry in national:
        for target in entry.targets:
            if target.kind is TargetKind.URL:
                sites.add(normalize_url(target.value).host.removeprefix("www."))
    for text in deny_entries:
        kind, key = classify_entry(text)
        if kind == "url":
            sites.add(normalize_url(key).host.removeprefix("www."))
    return frozenset(sites)


def needs_content_check(decision: Decision, age_class: AgeClass) -> bool:
    """An allowed host that no list categorises is scored, unless the class has no limit."""
    reason = decision.reason
    return (
        not decision.blocked
        and reason.step is Step.DEFAULT
        and reason.list_name is None
        and content_threshold(age_class) is not None
    )


def scored_decision(decision: Decision, child: ChildFilter, score: ContentScore) -> Decision:
    """A page's decision once its text is scored, completed from its host's decision.

    It is what `decide_request` answers with the score, without deciding again: only an
    allowed host that no list categorises reaches the content step, last in the order, so
    any other decision stands.
    """
    reason = decision.reason
    if decision.blocked or reason.step is not Step.DEFAULT or reason.list_name is not None:
        return decision
    scored = content_reason(child, score)
    return decision if scored is None else Decision(Verdict.BLOCK, scored, decision.safe_search)


def tls_action(
    decision: Decision,
    *,
    url_rules: bool,
    safe_search: bool,
    content_check: bool,
    interceptable: bool = True,
) -> TlsAction:
    """Intercept, pass through, or refuse a TLS connection, from the host's decision.

    A blocked host is intercepted so the child sees a block page instead of an error, and
    an allowed one only for page rules, SafeSearch or a content check. A host that needs
    any of these but cannot be intercepted (its client refused Qorgan's certificate) is
    refused at the handshake: passing it through would let the child skip the rule by
    making one handshake fail (fail closed). A parent's allow list lets a pinned app through.
    """
    if not (decision.blocked or url_rules or safe_search or content_check):
        return TlsAction.PASS_THROUGH
    return TlsAction.INTERCEPT if interceptable else TlsAction.REFUSE
