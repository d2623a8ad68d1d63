"""Properties of decide_request that hold whatever the parent configures."""

from datetime import datetime, timedelta
from types import MappingProxyType
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, default_action
from rules.categories import PROTECTED_CATEGORIES, Category
from rules.decide import ListedHosts
from rules.decision import ContentScore, Step, Verdict
from rules.national import TargetKind
from rules.policy import Bedtime, DayRules, Interval, SiteGrant, Weekday
from tests.rules.factories import (
    HOST_OF,
    LISTS,
    MONDAY_NOON,
    at,
    child_filter,
    decide,
    list_name,
    memory_lists,
    national_entry,
)

EXAMPLES = settings(max_examples=60, deadline=None)

LABELS = st.from_regex(r"[a-z][a-z0-9]{0,9}", fullmatch=True)
DOMAINS = st.lists(LABELS, min_size=2, max_size=3).map(".".join)
SUBDOMAIN_LABELS = st.lists(LABELS, min_size=1, max_size=3)
AGE_CLASSES = st.sampled_from(AgeClass)
CHILD_CLASSES = st.sampled_from([age_class for age_class in AgeClass if age_class.is_child])
ORDINARY_CATEGORIES = st.sampled_from(sorted(set(Category) - PROTECTED_CATEGORIES))
ACTIONS = st.sampled_from(CategoryAction)
MINUTES = st.integers(0, 24 * 60 - 1)
MOMENTS = st.builds(
    lambda day, minute: at(day, 0) + timedelta(minutes=minute), st.integers(0, 6), MINUTES
)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    start = draw(st.integers(0, 24 * 60 - 1))
    return Interval(start, draw(st.integers(start + 1, 24 * 60)))


DAY_RULES = st.builds(
    DayRules,
    allowed=st.lists(intervals(), max_size=3).map(tuple),
    allowance_minutes=st.none() | st.integers(0, 600),
    bedtime=st.none()
    | st.builds(Bedtime, MINUTES, MINUTES).filter(lambda bed: bed.start != bed.wake),
)
WEEKS = st.dictionaries(st.sampled_from(Weekday), DAY_RULES, min_size=7, max_size=7).map(
    MappingProxyType
)
OVERRIDES = st.dictionaries(st.sampled_from(Category), ACTIONS, max_size=6)


def grants_for(host: str) -> st.SearchStrategy[tuple[SiteGrant, ...]]:
    grant = st.builds(
        SiteGrant,
        host=st.just(host),
        until=st.just(MONDAY_NOON + timedelta(days=30)),
        granted_at=st.just(MONDAY_NOON),
    )
    return st.lists(grant, max_size=1).map(tuple)


@st.composite
def parent_settings(draw: st.DrawFn, host: str) -> dict[str, Any]:
    """Everything a parent can set that might let `host` through."""
    return {
        "allow": (host,) if draw(st.booleans()) else (),
        "category_overrides": draw(OVERRIDES),
        "site_grants": draw(grants_for(host)),
        "whitelist_only": draw(st.booleans()),
        "week": draw(WEEKS),
    }


@st.composite
def contexts(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "now": draw(MOMENTS),
        "day_used_up": draw(st.booleans()),
        "used_up_categories": frozenset(draw(st.sets(st.sampled_from(Category), max_size=3))),
        "content": draw(st.none() | st.builds(ContentScore, st.integers(0, 500))),
    }


@EXAMPLES
@given(
    domain=DOMAINS,
    sub=SUBDOMAIN_LABELS,
    category=ORDINARY_CATEGORIES,
    age_class=AGE_CLASSES,
    now=MOMENTS,
)
def test_subdomain_of_a_category_blocked_domain_is_blocked(
    *, domain: str, sub: list[str], category: Category, age_class: AgeClass, now: datetime
) -> None:
    lists = memory_lists({domain: category})
    host = ".".join([*sub, domain])
    decision = decide(f"https://{host}/page", child_filter(age_class), lists, now=now)
    assert decision.blocked is (default_action(category, age_class) is CategoryAction.BLOCK)
    if decision.blocked:
        assert decision.reason.step in {Step.BYPASS, Step.CATEGORY}
        assert decision.reason.matched == domain
        assert decision.reason.list_name == list_name(category)


@EXAMPLES
@given(domain=DOMAINS, sub=SUBDOMAIN_LABELS, age_class=AGE_CLASSES, context=contexts())
def test_subdomain_of_a_denied_domain_is_blocked(
    domain: str, sub: list[str], age_class: AgeClass, context: dict[str, Any]
) -> None:
    who = child_filter(age_class, deny=(domain,), allow=(".".join([*sub[-1:], domain]),))
    decision = decide(f"https://{'.'.join([*sub, domain])}/", who, memory_lists(), **context)
    assert decision.blocked
    assert decision.reason.step is Step.DENY_LIST
    assert decision.reason.matched == domain


@EXAMPLES
@given(
    data=st.data(),
    domain=DOMAINS,
    sub=st.lists(LABELS, max_size=2),
    target=st.sampled_from(["domain", "url", "server_ip"]),
    age_class=AGE_CLASSES,
    context=contexts(),
)
def test_nothing_a_parent_sets_overrides_the_national_list(
    *,
    data: st.DataObject,
    domain: str,
    sub: list[str],
    target: str,
    age_class: AgeClass,
    context: dict[str, Any],
) -> None:
    # A URL prefix names one site, not its subdomains.
    host = domain if target == "url" else ".".join([*sub, domain])
    entry = national_entry(
        {
            "domain": (TargetKind.DOMAIN, domain),
            "url": (TargetKind.URL, f"{domain}/banned"),
            "server_ip": (TargetKind.CIDR, "192.0.2.0/24"),
        }[target]
    )
    lists = memory_lists({domain: Category.EDUCATION}, national=[entry])
    who = child_filter(age_class, **data.draw(parent_settings(domain)))
    decision = decide(f"https://{host}/banned/page", who, lists, server_ip="192.0.2.10", **context)
    assert decision.blocked
    assert decision.reason.step is Step.NATIONAL_LIST
    assert decision.reason.rule_id == f"national:{entry.reference}"
    assert not decision.overridable


@EXAMPLES
@given(
    data=st.data(),
    domain=DOMAINS,
    sub=st.lists(LABELS, max_size=2),
    category=st.sampled_from(sorted(PROTECTED_CATEGORIES)),
    other=ORDINARY_CATEGORIES,
    age_class=AGE_CLASSES,
    context=contexts(),
)
def test_nothing_a_parent_sets_overrides_a_protected_category(
    *,
    data: st.DataObject,
    domain: str,
    sub: list[str],
    category: Category,
    other: Category,
    age_class: AgeClass,
    context: dict[str, Any],
) -> None:
    host = ".".join([*sub, domain])
    lists = memory_lists({host: other, domain: category})
    who = child_filter(age_class, **data.draw(parent_settings(host)))
    decision = decide(f"https://{host}/", who, lists, **context)
    assert decision.blocked
    assert decision.reason.step is Step.PROTECTED_LIST
    assert decision.reason.category is category
    assert not decision.overridable


@EXAMPLES
@given(
    domain=DOMAINS,
    sub=st.lists(LABELS, max_size=2),
    categories=st.lists(ORDINARY_CATEGORIES, min_size=1, max_size=3),
    age_class=AGE_CLASSES,
    overrides=OVERRIDES,
    week=WEEKS,
    whitelist_only=st.booleans(),
    entry_form=st.sampled_from(["{}", "*.{}", "https://{}/", "{}/"]),
    context=contexts(),
)
def test_allow_list_beats_every_category_for_every_class(
    *,
    domain: str,
    sub: list[str],
    categories: list[Category],
    age_class: AgeClass,
    overrides: dict[Category, CategoryAction],
    week: Any,
    whitelist_only: bool,
    entry_form: str,
    context: dict[str, Any],
) -> None:
    host = ".".join([*sub, domain])
    entry = entry_form.format(domain)
    if entry.endswith("/") and sub:  # a URL entry names one site, not its subdomains
        host = domain
    who = child_filter(
        age_class,
        allow=(entry,),
        category_overrides=overrides,
        week=week,
        whitelist_only=whitelist_only,
    )
    decision = decide(f"https://{host}/x", who, memory_lists({domain: categories}), **context)
    assert decision.verdict is Verdict.ALLOW
    assert decision.reason.step is Step.ALLOW_LIST
    assert decision.reason.matched == entry


@EXAMPLES
@given(
    data=st.data(),
    category=st.sampled_from(Category),
    age_class=AGE_CLASSES,
    context=contexts(),
    server_ip=st.none() | st.ip_addresses().map(str),
)
def test_decisions_are_deterministic(
    *,
    data: st.DataObject,
    category: Category,
    age_class: AgeClass,
    context: dict[str, Any],
    server_ip: str | None,
) -> None:
    host = HOST_OF[category]
    rule_fields = data.draw(parent_settings(host))
    who = child_filter(age_class, **rule_fields)
    decisions = [
        decide(f"https://{host}/", who, **context, server_ip=server_ip),
        decide(f"https://{host}/", who, **context, server_ip=server_ip),
        decide(
            f"https://{host}/",
            child_filter(age_class, **rule_fields),
            **context,
            server_ip=server_ip,
        ),
    ]
    assert decisions[0] == decisions[1] == decisions[2]


@EXAMPLES
@given(
    data=st.data(),
    categories=st.lists(st.sampled_from(Category), min_size=1, max_size=4),
    age_class=AGE_CLASSES,
    moments=st.lists(contexts(), min_size=1, max_size=4),
    server_ip=st.none() | st.ip_addresses().map(str),
)
def test_what_is_kept_per_host_and_per_minute_changes_no_decision(
    *,
    data: st.DataObject,
    categories: list[Category],
    age_class: AgeClass,
    moments: list[dict[str, Any]],
    server_ip: str | None,
) -> None:
    rule_fields = data.draw(parent_settings(HOST_OF[categories[0]]))
    who = child_filter(age_class, **rule_fields)
    hosts = ListedHosts(who, LISTS, limit=2)
    for context in moments:
        for category in [*categories, *categories]:
            address = f"https://www.{HOST_OF[category]}/"
            fresh = decide(address, child_filter(age_class, **rule_fields), **context)
            assert decide(address, who, **context, hosts=hosts, server_ip=server_ip) == decide(
                address, child_filter(age_class, **rule_fields), **context, server_ip=server_ip
            )
            assert decide(address, who, **context) == fresh
