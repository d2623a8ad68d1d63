"""decide_request, step by step through DESIGN.md's decision order.

For every step there are cases where the step settles a request, and cases where the step
before it speaks first.
"""

from datetime import timedelta
from typing import Any

import pytest

from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, SafeSearchLevel
from rules.categories import BYPASS_CATEGORIES, PROTECTED_CATEGORIES, Category
from rules.decide import ChildFilter, ListedHosts
from rules.decision import ContentScore, Decision, Reason, Step, Verdict
from rules.lists import NATIONAL_LIST_NAME
from rules.national import NationalEntry
from rules.policy import SiteGrant
from rules.sitelist import SiteEntryError
from tests.rules.factories import (
    ADDRESS_ENTRY,
    CASINO_ENTRY,
    HOST_OF,
    LEGAL_NORM,
    MONDAY_NOON,
    at,
    child,
    child_filter,
    day_rules,
    decide,
    list_name,
    memory_lists,
    url,
    week,
)

ALLOW = CategoryAction.ALLOW
BLOCK = CategoryAction.BLOCK
CHILD_CLASSES = [age_class for age_class in AgeClass if age_class.is_child]

CASINO = HOST_OF[Category.GAMBLING]
GAMES = HOST_OF[Category.GAMES]
VPN = HOST_OF[Category.VPN]
MALWARE = HOST_OF[Category.MALWARE]
CHAT = HOST_OF[Category.CHAT]
EDUCATION = HOST_OF[Category.EDUCATION]
PLAIN = "plain.test"  # in no list

BEDTIME_WEEK = week(day_rules(bed="21:00-07:00"))
SCHOOL_HOURS_WEEK = week(day_rules(allowed=["15:00-20:00"]))


def grant(host: str, hours_left: float = 1) -> SiteGrant:
    return SiteGrant(
        host,
        until=MONDAY_NOON + timedelta(hours=hours_left),
        granted_at=MONDAY_NOON - timedelta(minutes=5),
    )


def expect(decision: Decision, verdict: Verdict, step: Step, rule_id: str | None = None) -> None:
    assert (decision.verdict, decision.reason.step) == (verdict, step), decision
    if rule_id is not None:
        assert decision.reason.rule_id == rule_id


# 1. The national blocklist ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "server_ip", "entry", "matched"),
    [
        pytest.param("http://casino.kz/", None, CASINO_ENTRY, "casino.kz", id="domain"),
        pytest.param("https://www.casino.kz/x", None, CASINO_ENTRY, "casino.kz", id="subdomain"),
        pytest.param("https://CASINO.kz./", None, CASINO_ENTRY, "casino.kz", id="spelling"),
        pytest.param("http://news.kz/banned", None, CASINO_ENTRY, "news.kz/banned", id="url"),
        pytest.param(
            "https://news.kz/banned/p?q=1", None, CASINO_ENTRY, "news.kz/banned", id="page"
        ),
        pytest.param("http://203.0.113.7/", None, ADDRESS_ENTRY, "203.0.113.7", id="ip-literal"),
        pytest.param("http://198.51.100.80/", None, ADDRESS_ENTRY, "198.51.100.0/24", id="cidr"),
        pytest.param("https://ok.test/", "203.0.113.7", ADDRESS_ENTRY, "203.0.113.7", id="srv-ip"),
        pytest.param(
            "https://ok.test/", "198.51.100.9", ADDRESS_ENTRY, "198.51.100.0/24", id="srv-cidr"
        ),
    ],
)
def test_national_list_blocks_with_its_legal_basis(
    address: str, server_ip: str | None, entry: NationalEntry, matched: str
) -> None:
    decision = decide(address, server_ip=server_ip)
    assert decision.blocked
    assert decision.reason == Reason(
        Step.NATIONAL_LIST,
        f"national:{entry.reference}",
        list_name=NATIONAL_LIST_NAME,
        matched=matched,
        legal_basis=entry.legal_norm,
        violation=entry.violation_type,
    )
    assert not decision.overridable


def test_national_reason_names_the_entry_norm_and_violation() -> None:
    reason = decide("http://casino.kz/").reason
    assert reason.legal_basis == LEGAL_NORM
    assert reason.violation == "illegal online casino"
    assert reason.rule_id == "national:KZ-409-0001"


@pytest.mark.parametrize(
    ("address", "server_ip"),
    [
        ("http://notcasino.kz/", None),  # ends like the domain, is not it
        ("http://casino.kz.test/", None),
        ("http://news.kz/bannedx", None),  # a URL prefix matches whole path segments
        ("http://news.kz/", None),
        ("http://203.0.113.8/", None),
        ("https://ok.test/", "198.51.101.1"),
        ("https://ok.test/", None),
    ],
)
def test_national_list_does_not_catch_neighbours(address: str, server_ip: str | None) -> None:
    assert decide(address, server_ip=server_ip).reason.step is not Step.NATIONAL_LIST


@pytest.mark.parametrize(
    "who",
    [
        pytest.param(child_filter(allow=("casino.kz", "203.0.113.0/24")), id="allow-list"),
        pytest.param(child_filter(allow=("https://casino.kz/",)), id="allow-list-url"),
        pytest.param(child_filter(site_grants=(grant("casino.kz"), grant("x.test"))), id="grant"),
        pytest.param(child_filter(AgeClass.EIGHTEEN), id="18+"),
        pytest.param(
            child_filter(AgeClass.EIGHTEEN, category_overrides={Category.GAMBLING: ALLOW}),
            id="override",
        ),
        pytest.param(child_filter(deny=("casino.kz", "x.test")), id="deny-list-comes-later"),
    ],
)
@pytest.mark.parametrize(
    ("address", "server_ip"), [("https://casino.kz/", None), ("https://x.test/", "203.0.113.7")]
)
def test_national_list_beats_everything_a_parent_sets(
    who: ChildFilter, address: str, server_ip: str | None
) -> None:
    decision = decide(address, who, server_ip=server_ip)
    expect(decision, Verdict.BLOCK, Step.NATIONAL_LIST)
    assert not decision.overridable


def test_national_list_beats_the_protected_list() -> None:
    lists = memory_lists({"casino.kz": Category.MALWARE}, national=[CASINO_ENTRY])
    expect(decide("http://casino.kz/", lists=lists), Verdict.BLOCK, Step.NATIONAL_LIST)


# 2. Child abuse, malware and phishing -----------------------------------------------------


@pytest.mark.parametrize("category", sorted(PROTECTED_CATEGORIES))
@pytest.mark.parametrize("age_class", list(AgeClass))
def test_protected_categories_block_for_every_class(
    category: Category, age_class: AgeClass
) -> None:
    host = HOST_OF[category]
    decision = decide(f"https://sub.{host}/page", child_filter(age_class))
    assert decision.blocked
    assert decision.reason == Reason(
        Step.PROTECTED_LIST,
        f"list:{list_name(category)}",
        list_name=list_name(category),
        category=category,
        matched=host,
    )
    assert not decision.overridable


@pytest.mark.parametrize(
    "rule_fields",
    [
        pytest.param({"allow": (MALWARE,)}, id="allow-list"),
        pytest.param({"allow": (f"https://{MALWARE}/",)}, id="allow-list-url"),
        pytest.param({"category_overrides": {Category.MALWARE: ALLOW}}, id="override"),
        pytest.param({"site_grants": (grant(MALWARE),)}, id="grant"),
        pytest.param({"deny": (MALWARE,)}, id="deny-list-comes-later"),
        pytest.param({"whitelist_only": True}, id="whitelist-only"),
    ],
)
@pytest.mark.parametrize("age_class", [AgeClass.ZERO, AgeClass.EIGHTEEN])
def test_protected_list_beats_the_parents_lists_and_overrides(
    rule_fields: dict[str, Any], age_class: AgeClass
) -> None:
    decision = decide(f"https://{MALWARE}/x", child_filter(age_class, **rule_fields))
    expect(decision, Verdict.BLOCK, Step.PROTECTED_LIST, f"list:{list_name(Category.MALWARE)}")
    assert not decision.overridable


def test_protected_hit_wins_over_an_allowed_category_of_the_same_host() -> None:
    lists = memory_lists({"games.test": Category.GAMES, "bad.games.test": Category.PHISHING})
    decision = decide("https://bad.games.test/", child_filter(AgeClass.EIGHTEEN), lists)
    expect(decision, Verdict.BLOCK, Step.PROTECTED_LIST)
    assert decision.reason.category is Category.PHISHING
    assert decision.reason.matched == "bad.games.test"


# 3. The parent's deny list ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "address", "server_ip"),
    [
        ("tiktok.com", "https://tiktok.com/", None),
        ("tiktok.com", "https://m.tiktok.com/@x", None),
        ("*.tiktok.com", "https://tiktok.com/", None),
        ("youtube.com/shorts", "https://www.youtube.com/shorts/abc", None),
        ("192.0.2.5", "http://192.0.2.5/", None),
        ("192.0.2.0/24", "https://anything.test/", "192.0.2.77"),
    ],
)
def test_deny_list_blocks_domains_urls_and_addresses(
    entry: str, address: str, server_ip: str | None
) -> None:
    decision = decide(address, child_filter(deny=(entry,)), server_ip=server_ip)
    assert decision.blocked
    assert decision.reason == Reason(Step.DENY_LIST, f"deny:{entry}", matched=entry)
    assert decision.overridable


@pytest.mark.parametrize(
    ("entry", "address"),
    [("tiktok.com", "https://nottiktok.com/"), ("youtube.com/shorts", "https://youtube.com/")],
)
def test_deny_list_does_not_catch_neighbours(entry: str, address: str) -> None:
    expect(decide(address, child_filter(deny=(entry,))), Verdict.ALLOW, Step.DEFAULT)


@pytest.mark.parametrize(
    ("deny", "allow", "address"),
    [
        ("games.test", "games.test", "https://games.test/"),
        ("youtube.com/shorts", "youtube.com", "https://youtube.com/shorts/x"),
        ("play.games.test", "games.test", "https://play.games.test/"),
        ("games.test", "play.games.test", "https://play.games.test/"),
    ],
)
def test_deny_list_beats_allow_list(deny: str, allow: str, address: str) -> None:
    decision = decide(address, child_filter(deny=(deny,), allow=(allow,)))
    expect(decision, Verdict.BLOCK, Step.DENY_LIST, f"deny:{deny}")


def test_deny_list_beats_a_grant() -> None:
    who = child_filter(deny=("games.test",), site_grants=(grant("games.test"),))
    expect(decide("https://games.test/", who), Verdict.BLOCK, Step.DENY_LIST)


def test_deny_list_beats_an_adult_class() -> None:
    who = child_filter(AgeClass.EIGHTEEN, deny=(EDUCATION,))
    expect(decide(f"https://{EDUCATION}/", who), Verdict.BLOCK, Step.DENY_LIST)


def test_child_filter_refuses_junk_list_entries() -> None:
    with pytest.raises(SiteEntryError, match="not a valid host"):
        child_filter(allow=("not a host",))
    with pytest.raises(SiteEntryError, match=r"did you mean 10\.0\.0\.0/8"):
        child_filter(deny=("10.0.0.1/8",))


# 4. The parent's allow list: beats everything below it ------------------------------------

ALLOWED_BELOW: list[Any] = [
    pytest.param(CASINO, {}, {}, id="category"),
    pytest.param(VPN, {}, {}, id="bypass"),
    pytest.param(PLAIN, {"whitelist_only": True}, {}, id="whitelist-only"),
    pytest.param(PLAIN, {"week": SCHOOL_HOURS_WEEK}, {}, id="outside-hours"),
    pytest.param(PLAIN, {"week": BEDTIME_WEEK}, {"now": at(0, 23)}, id="bedtime"),
    pytest.param(PLAIN, {}, {"day_used_up": True}, id="day-budget"),
    pytest.param(GAMES, {}, {"used_up_categories": frozenset({Category.GAMES})}, id="budget"),
    pytest.param(PLAIN, {}, {"content": ContentScore(10_000)}, id="content"),
    pytest.param(CHAT, {"category_overrides": {Category.CHAT: BLOCK}}, {}, id="override"),
    pytest.param(GAMES, {"site_grants": (grant(GAMES),)}, {}, id="grant"),
]


@pytest.mark.parametrize(("host", "rule_fields", "context"), ALLOWED_BELOW)
@pytest.mark.parametrize("age_class", CHILD_CLASSES)
def test_allow_list_beats_every_later_step(
    host: str, rule_fields: dict[str, Any], context: dict[str, Any], age_class: AgeClass
) -> None:
    who = child_filter(age_class, allow=(host,), **rule_fields)
    decision = decide(f"https://www.{host}/page", who, **context)
    assert decision.verdict is Verdict.ALLOW
    assert decision.reason == Reason(Step.ALLOW_LIST, f"allow:{host}", matched=host)


@pytest.mark.parametrize(("host", "rule_fields", "context"), ALLOWED_BELOW)
def test_without_the_allow_list_those_requests_are_blocked_or_granted(
    host: str, rule_fields: dict[str, Any], context: dict[str, Any]
) -> None:
    decision = decide(f"https://www.{host}/page", child_filter(**rule_fields), **context)
    assert decision.blocked or decision.reason.step is Step.GRANT


@pytest.mark.parametrize(
    ("entry", "address", "server_ip"),
    [
        ("bilimland.kz/lessons", "https://bilimland.kz/lessons/7", None),
        ("192.0.2.5", "http://192.0.2.5/", None),
        ("192.0.2.0/24", "https://school.test/", "192.0.2.10"),
    ],
)
def test_allow_list_matches_urls_and_addresses(
    entry: str, address: str, server_ip: str | None
) -> None:
    who = child_filter(allow=(entry,), whitelist_only=True)
    decision = decide(address, who, server_ip=server_ip)
    expect(decision, Verdict.ALLOW, Step.ALLOW_LIST, f"allow:{entry}")
    assert decide("https://bilimland.kz/other", who).blocked


# 5. Grants ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_fields", "context"),
    [
        pytest.param({}, {}, id="category"),
        pytest.param({"week": SCHOOL_HOURS_WEEK}, {}, id="outside-hours"),
        pytest.param({}, {"day_used_up": True}, id="day-budget"),
        pytest.param({"whitelist_only": True}, {}, id="whitelist-only"),
    ],
)
def test_active_grant_allows_what_later_steps_would_block(
    rule_fields: dict[str, Any], context: dict[str, Any]
) -> None:
    who = child_filter(site_grants=(grant(CASINO),), **rule_fields)
    decision = decide(f"https://m.{CASINO}/", who, **context)
    assert decision.verdict is Verdict.ALLOW
    assert decision.reason == Reason(Step.GRANT, f"grant:{CASINO}", matched=CASINO)
    assert decide(f"https://m.{CASINO}/", child_filter(**rule_fields), **context).blocked


@pytest.mark.parametrize(
    ("now", "step"),
    [
        (MONDAY_NOON, Step.GRANT),
        (MONDAY_NOON + timedelta(minutes=59, seconds=59), Step.GRANT),
        (MONDAY_NOON + timedelta(hours=1), Step.CATEGORY),  # `until` itself is over
        (MONDAY_NOON + timedelta(days=1), Step.CATEGORY),
    ],
)
def test_grant_expires_at_until(now: Any, step: Step) -> None:
    who = child_filter(site_grants=(grant(CASINO, hours_left=1),))
    assert decide(f"https://{CASINO}/", who, now=now).reason.step is step


def test_grant_covers_only_its_host_and_subdomains() -> None:
    who = child_filter(site_grants=(grant("play.games.test"), grant(CHAT)))
    lists = memory_lists({"games.test": Category.GAMBLING, CHAT: Category.CHAT})
    assert decide("https://games.test/", who, lists).reason.step is Step.CATEGORY
    assert decide("https://notplay.games.test/", who, lists).reason.step is Step.CATEGORY
    assert (
        decide("https://a.play.games.test/", who, lists).reason.rule_id == "grant:play.games.test"
    )
    assert decide(f"https://{CHAT}/", who, lists).reason.rule_id == f"grant:{CHAT}"


# 6. Schedule and budgets -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schedule", "now", "rule_id"),
    [
        pytest.param(SCHOOL_HOURS_WEEK, at(0, 12), "schedule:outside_hours", id="before-hours"),
        pytest.param(SCHOOL_HOURS_WEEK, at(0, 20), "schedule:outside_hours", id="end-excluded"),
        pytest.param(BEDTIME_WEEK, at(0, 21), "schedule:bedtime", id="bedtime-starts"),
        pytest.param(BEDTIME_WEEK, at(0, 23, 59), "schedule:bedtime", id="bedtime-late"),
        pytest.param(BEDTIME_WEEK, at(1, 6, 59), "schedule:bedtime", id="last-night"),
        pytest.param(
            week(sun=day_rules(bed="22:00-06:00")), at(0, 5), "schedule:bedtime", id="sunday-night"
        ),
    ],
)
def test_schedule_blocks_outside_hours_and_at_bedtime(
    schedule: Any, now: Any, rule_id: str
) -> None:
    decision = decide(f"https://{EDUCATION}/", child_filter(week=schedule), now=now)
    assert decision.blocked
    assert decision.reason == Reason(Step.SCHEDULE, rule_id)
    assert decision.overridable


@pytest.mark.parametrize(
    ("schedule", "now"),
    [
        (SCHOOL_HOURS_WEEK, at(0, 15)),
        (SCHOOL_HOURS_WEEK, at(0, 19, 59)),
        (BEDTIME_WEEK, at(1, 7)),
        (BEDTIME_WEEK, at(0, 20, 59)),
        (week(sun=day_rules(bed="22:00-06:00")), at(1, 5)),  # Monday's night is not Sunday's
    ],
)
def test_schedule_lets_requests_through_when_open(schedule: Any, now: Any) -> None:
    decision = decide(f"https://{EDUCATION}/", child_filter(week=schedule), now=now)
    expect(decision, Verdict.ALLOW, Step.DEFAULT)


def test_one_child_filter_follows_the_schedule_from_minute_to_minute() -> None:
    who = child_filter(week=week(day_rules(allowed=["15:30-20:15"])))
    moments = [at(0, 15, 29), at(0, 15, 30), at(0, 15, 30), at(0, 20, 14), at(0, 20, 15)]
    moments += [at(1, 20, 15), at(1, 20, 14)]
    steps = [decide(f"https://{PLAIN}/", who, now=now).reason.step for now in moments]
    closed, open_ = Step.SCHEDULE, Step.DEFAULT
    assert steps == [closed, open_, open_, open_, closed, closed, open_]


def test_what_the_lists_say_of_a_host_is_kept_per_host() -> None:
    who = child_filter()
    hosts = ListedHosts(who, memory_lists({CASINO: Category.GAMBLING}), limit=2)
    first = hosts.part(CASINO)
    assert hosts.part(CASINO) is first
    assert first.rest.reason.step is Step.CATEGORY
    assert hosts.part(PLAIN).rest.reason.step is Step.DEFAULT
    assert hosts.part(GAMES).hits == []  # a third host: the kept ones are forgotten
    assert hosts.part(CASINO) == first


def test_schedule_beats_budgets_bypass_and_categories() -> None:
    who = child_filter(week=BEDTIME_WEEK)
    for host in (CASINO, VPN, GAMES):
        decision = decide(
            f"https://{host}/",
            who,
            now=at(2, 22),
            day_used_up=True,
            used_up_categories=frozenset({Category.GAMES}),
        )
        expect(decision, Verdict.BLOCK, Step.SCHEDULE, "schedule:bedtime")


def test_day_budget_used_up_blocks_every_site() -> None:
    for host in (EDUCATION, PLAIN, CASINO):
        decision = decide(f"https://{host}/", day_used_up=True)
        assert decision.reason == Reason(Step.BUDGET, "budget:day")
        assert decision.blocked


def test_category_budget_used_up_blocks_that_category_only() -> None:
    used_up = frozenset({Category.GAMES})
    decision = decide(f"https://{GAMES}/", used_up_categories=used_up)
    assert decision.blocked
    assert decision.reason == Reason(
        Step.BUDGET,
        "budget:games",
        list_name=list_name(Category.GAMES),
        category=Category.GAMES,
        matched=GAMES,
    )
    expect(decide(f"https://{EDUCATION}/", used_up_categories=used_up), Verdict.ALLOW, Step.DEFAULT)
    expect(decide(f"https://{PLAIN}/", used_up_categories=used_up), Verdict.ALLOW, Step.DEFAULT)


def test_category_budget_applies_to_any_category_of_the_host() -> None:
    lists = memory_lists({"school.test": Category.EDUCATION, "play.school.test": Category.GAMES})
    used_up = frozenset({Category.GAMES})
    decision = decide("https://play.school.test/", lists=lists, used_up_categories=used_up)
    expect(decision, Verdict.BLOCK, Step.BUDGET, "budget:games")


def test_budgets_beat_bypass_and_category() -> None:
    lists = memory_lists({"vpn.test": [Category.VIDEO, Category.VPN]})
    used_up = frozenset({Category.VIDEO})
    decision = decide("https://vpn.test/", lists=lists, used_up_categories=used_up)
    expect(decision, Verdict.BLOCK, Step.BUDGET, "budget:video")
    expect(decide(f"https://{CASINO}/", day_used_up=True), Verdict.BLOCK, Step.BUDGET)


# 7. Bypass tools ---------------------------------------------------------------------------


@pytest.mark.parametrize("category", sorted(BYPASS_CATEGORIES))
@pytest.mark.parametrize("age_class", CHILD_CLASSES)
def test_bypass_tools_are_blocked_for_children(category: Category, age_class: AgeClass) -> None:
    host = HOST_OF[category]
    decision = decide(f"https://{host}/", child_filter(age_class))
    assert decision.blocked
    assert decision.reason == Reason(
        Step.BYPASS,
        f"category:{category}@{age_class}",
        list_name=list_name(category),
        category=category,
        matched=host,
    )
    assert decision.overridable


@pytest.mark.parametrize("category", sorted(BYPASS_CATEGORIES))
def test_bypass_tools_are_allowed_for_adults(category: Category) -> None:
    decision = decide(f"https://{HOST_OF[category]}/", child_filter(AgeClass.EIGHTEEN))
    expect(decision, Verdict.ALLOW, Step.DEFAULT, f"category:{category}@18+")


def test_bypass_beats_category() -> None:
    lists = memory_lists({"both.test": [Category.GAMBLING, Category.TOR]})
    decision = decide("https://both.test/", lists=lists)
    expect(decision, Verdict.BLOCK, Step.BYPASS, "category:tor@12+")
    assert decision.reason.category is Category.TOR


def test_bypass_follows_a_parent_override() -> None:
    who = child_filter(AgeClass.SIXTEEN, category_overrides={Category.DOH: ALLOW})
    expect(decide(f"https://{HOST_OF[Category.DOH]}/", who), Verdict.ALLOW, Step.DEFAULT)


# 8. Categories against the age class -------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "age_class", "verdict"),
    [
        (Category.PORNOGRAPHY, AgeClass.SIXTEEN, Verdict.BLOCK),
        (Category.PORNOGRAPHY, AgeClass.EIGHTEEN, Verdict.ALLOW),
        (Category.GAMBLING, AgeClass.ZERO, Verdict.BLOCK),
        (Category.GAMBLING, AgeClass.EIGHTEEN, Verdict.ALLOW),
        (Category.SELF_HARM, AgeClass.EIGHTEEN, Verdict.BLOCK),
        (Category.DRUGS, AgeClass.EIGHTEEN, Verdict.BLOCK),
        (Category.EXTREMISM, AgeClass.EIGHTEEN, Verdict.BLOCK),
        (Category.CHAT, AgeClass.TWELVE, Verdict.BLOCK),
        (Category.CHAT, AgeClass.FOURTEEN, Verdict.ALLOW),
        (Category.SOCIAL_NETWORKS, AgeClass.TWELVE, Verdict.BLOCK),
        (Category.SOCIAL_NETWORKS, AgeClass.FOURTEEN, Verdict.ALLOW),
        (Category.FALSE_INFORMATION, AgeClass.FOURTEEN, Verdict.BLOCK),
        (Category.FALSE_INFORMATION, AgeClass.SIXTEEN, Verdict.ALLOW),
        (Category.GAMES, AgeClass.ZERO, Verdict.ALLOW),
        (Category.VIDEO, AgeClass.SIX, Verdict.ALLOW),
        (Category.EDUCATION, AgeClass.ZERO, Verdict.ALLOW),
        (Category.UNSAFE_SEARCH, AgeClass.SIXTEEN, Verdict.BLOCK),
    ],
)
def test_category_follows_the_age_table(
    category: Category, age_class: AgeClass, verdict: Verdict
) -> None:
    host = HOST_OF[category]
    decision = decide(f"https://www.{host}/", child_filter(age_class))
    assert decision.verdict is verdict
    assert decision.reason == Reason(
        Step.CATEGORY if verdict is Verdict.BLOCK else Step.DEFAULT,
        f"category:{category}@{age_class}",
        list_name=list_name(category),
        category=category,
        matched=host,
    )


@pytest.mark.parametrize(
    ("category", "age_class", "action", "verdict", "step"),
    [
        (Category.CHAT, AgeClass.TWELVE, ALLOW, Verdict.ALLOW, Step.DEFAULT),
        (Category.GAMES, AgeClass.TWELVE, BLOCK, Verdict.BLOCK, Step.CATEGORY),
        (Category.VIDEO, AgeClass.EIGHTEEN, BLOCK, Verdict.BLOCK, Step.CATEGORY),
        (Category.GAMBLING, AgeClass.EIGHTEEN, ALLOW, Verdict.ALLOW, Step.DEFAULT),
        (Category.VPN, AgeClass.EIGHTEEN, BLOCK, Verdict.BLOCK, Step.BYPASS),
        (Category.SOCIAL_NETWORKS, AgeClass.SIX, ALLOW, Verdict.ALLOW, Step.DEFAULT),
    ],
)
def test_parent_override_changes_the_table_for_the_child(
    category: Category, age_class: AgeClass, action: CategoryAction, verdict: Verdict, step: Step
) -> None:
    who = child_filter(age_class, category_overrides={category: action})
    decision = decide(f"https://{HOST_OF[category]}/", who)
    expect(decision, verdict, step, f"override:{category}")
    assert decision.reason.category is category


@pytest.mark.parametrize("category", sorted(PROTECTED_CATEGORIES))
def test_child_filter_ignores_an_override_of_a_protected_category(category: Category) -> None:
    who = child_filter(AgeClass.EIGHTEEN, category_overrides={category: ALLOW})
    assert who.action(category) == (BLOCK, f"category:{category}@18+")


def test_one_blocked_category_of_a_host_is_enough() -> None:
    lists = memory_lists({"games.test": Category.GAMES, "bet.games.test": Category.GAMBLING})
    decision = decide("https://bet.games.test/", lists=lists)
    expect(decision, Verdict.BLOCK, Step.CATEGORY, "category:gambling@12+")
    decision = decide("https://play.games.test/", lists=lists)
    expect(decision, Verdict.ALLOW, Step.DEFAULT, "category:games@12+")


def test_category_beats_whitelist_only_and_content() -> None:
    who = child_filter(whitelist_only=True)
    decision = decide(f"https://{CASINO}/", who, content=ContentScore(1000))
    expect(decision, Verdict.BLOCK, Step.CATEGORY, "category:gambling@12+")


# 9. Whitelist-only mode --------------------------------------------------------------------


@pytest.mark.parametrize("host", [PLAIN, EDUCATION, GAMES])
def test_whitelist_only_blocks_everything_not_allowed(host: str) -> None:
    decision = decide(f"https://{host}/", child_filter(AgeClass.SIX, whitelist_only=True))
    assert decision.blocked
    assert decision.reason == Reason(Step.WHITELIST_ONLY, "whitelist_only")


def test_whitelist_only_beats_content_score() -> None:
    decision = decide(
        f"https://{PLAIN}/", child_filter(whitelist_only=True), content=ContentScore(1000)
    )
    expect(decision, Verdict.BLOCK, Step.WHITELIST_ONLY)


# 10. Content score -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("age_class", "score", "verdict"),
    [
        (AgeClass.ZERO, 50, Verdict.ALLOW),
        (AgeClass.ZERO, 51, Verdict.BLOCK),
        (AgeClass.SIX, 51, Verdict.BLOCK),
        (AgeClass.TWELVE, 100, Verdict.ALLOW),
        (AgeClass.TWELVE, 101, Verdict.BLOCK),
        (AgeClass.FOURTEEN, 101, Verdict.BLOCK),
        (AgeClass.SIXTEEN, 160, Verdict.ALLOW),
        (AgeClass.SIXTEEN, 161, Verdict.BLOCK),
        (AgeClass.EIGHTEEN, 1_000_000, Verdict.ALLOW),
    ],
)
def test_content_score_above_the_class_threshold_blocks(
    age_class: AgeClass, score: int, verdict: Verdict
) -> None:
    content = ContentScore(score, Category.PORNOGRAPHY, ("phrase one", "phrase two"))
    decision = decide(f"https://{PLAIN}/", child_filter(age_class), content=content)
    assert decision.verdict is verdict
    if verdict is Verdict.BLOCK:
        assert decision.reason == Reason(
            Step.CONTENT,
            f"content:{age_class}",
            category=Category.PORNOGRAPHY,
            score=score,
            threshold={"0+": 50, "6+": 50, "12+": 100, "14+": 100, "16+": 160}[age_class],
            phrases=("phrase one", "phrase two"),
        )
    else:
        assert decision.reason == Reason(Step.DEFAULT, "default")


def test_content_score_does_not_judge_categorised_hosts() -> None:
    decision = decide(f"https://{GAMES}/", child_filter(AgeClass.ZERO), content=ContentScore(999))
    expect(decision, Verdict.ALLOW, Step.DEFAULT, "category:games@0+")


def test_content_block_without_a_category() -> None:
    decision = decide(f"https://{PLAIN}/", content=ContentScore(500))
    expect(decision, Verdict.BLOCK, Step.CONTENT, "content:12+")
    assert decision.reason.category is None
    assert decision.reason.phrases == ()


# 11. Otherwise allow -----------------------------------------------------------------------


def test_uncategorised_host_is_allowed_by_default() -> None:
    decision = decide(f"https://{PLAIN}/", lists=memory_lists())
    assert decision.verdict is Verdict.ALLOW
    assert decision.reason == Reason(Step.DEFAULT, "default")
    assert decision.overridable


def test_default_allow_carries_the_category_rule() -> None:
    decision = decide(f"https://cdn.{EDUCATION}/", child_filter(AgeClass.SIX))
    assert decision.reason == Reason(
        Step.DEFAULT,
        "category:education@6+",
        list_name=list_name(Category.EDUCATION),
        category=Category.EDUCATION,
        matched=EDUCATION,
    )


def test_default_allow_names_the_most_specific_category() -> None:
    lists = memory_lists({"kz.test": Category.EDUCATION, "play.kz.test": Category.GAMES})
    decision = decide("https://play.kz.test/", lists=lists)
    expect(decision, Verdict.ALLOW, Step.DEFAULT, "category:games@12+")
    assert decision.reason.matched == "play.kz.test"


# SafeSearch and overridability --------------------------------------------------------------


@pytest.mark.parametrize(
    ("age_class", "chosen", "expected"),
    [
        (AgeClass.ZERO, None, SafeSearchLevel.STRICT),
        (AgeClass.TWELVE, None, SafeSearchLevel.STRICT),
        (AgeClass.FOURTEEN, None, SafeSearchLevel.MODERATE),
        (AgeClass.SIXTEEN, None, SafeSearchLevel.MODERATE),
        (AgeClass.EIGHTEEN, None, SafeSearchLevel.OFF),
        (AgeClass.TWELVE, SafeSearchLevel.MODERATE, SafeSearchLevel.MODERATE),
        (AgeClass.SIXTEEN, SafeSearchLevel.STRICT, SafeSearchLevel.STRICT),
        (AgeClass.EIGHTEEN, SafeSearchLevel.STRICT, SafeSearchLevel.STRICT),
        (AgeClass.SIX, SafeSearchLevel.OFF, SafeSearchLevel.OFF),
    ],
)
def test_safe_search_is_the_class_default_or_the_childs_choice(
    age_class: AgeClass, chosen: SafeSearchLevel | None, expected: SafeSearchLevel
) -> None:
    who = child_filter(age_class, safe_search=chosen)
    assert who.safe_search is expected
    assert decide("https://www.google.kz/search?q=x", who).safe_search is expected
    assert decide(f"https://{MALWARE}/", who).safe_search is expected


@pytest.mark.parametrize("step", list(Step))
def test_only_national_and_protected_decisions_cannot_be_overridden(step: Step) -> None:
    decision = Decision(Verdict.BLOCK, Reason(step, "rule"))
    assert decision.overridable is (step not in {Step.NATIONAL_LIST, Step.PROTECTED_LIST})
    assert decision.blocked
    assert decision.safe_search is SafeSearchLevel.OFF
    assert not Decision(Verdict.ALLOW, Reason(step, "rule")).blocked


def test_child_filter_keeps_the_profile() -> None:
    profile = child(AgeClass.SIX, name="Dana", allow=("bilimland.kz",))
    who = ChildFilter(profile)
    assert who.child is profile
    assert who.allow.match(url("https://bilimland.kz/")) == "bilimland.kz"
    assert who.deny.match(url("https://bilimland.kz/")) is None
