"""The TLS decision at the ClientHello: pass through, intercept or refuse, on the host alone."""

from datetime import date

import pytest

from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import ContentScore, Decision, Reason, Step, Verdict
from rules.inspection import (
    TlsAction,
    needs_content_check,
    scored_decision,
    tls_action,
    url_rule_sites,
)
from rules.national import NationalEntry, Protocol, Target, TargetKind
from tests.rules.factories import HOST_OF, child_filter, decide

ALLOWED = Decision(Verdict.ALLOW, Reason(Step.DEFAULT, "default"))
CATEGORISED = Decision(
    Verdict.ALLOW,
    Reason(Step.DEFAULT, "category:games@12+", list_name="starter", category=Category.GAMES),
)
ALLOW_LISTED = Decision(Verdict.ALLOW, Reason(Step.ALLOW_LIST, "allow:x", matched="x"))
BLOCKED = Decision(Verdict.BLOCK, Reason(Step.CATEGORY, "category:vpn@12+", category=Category.VPN))

IN, PASS, REFUSE = TlsAction.INTERCEPT, TlsAction.PASS_THROUGH, TlsAction.REFUSE


@pytest.mark.parametrize(
    ("decision", "flags", "action"),
    [
        (BLOCKED, (False, False, False, True), IN),  # the child sees the block page
        (BLOCKED, (False, False, False, False), REFUSE),  # an app that refused our certificate
        (CATEGORISED, (False, False, False, True), PASS),  # allowed and known: untouched
        (ALLOW_LISTED, (False, False, False, True), PASS),
        (ALLOWED, (False, False, True, True), IN),  # uncategorised: the page is scored
        (ALLOWED, (False, False, True, False), REFUSE),
        (CATEGORISED, (False, True, False, True), IN),  # SafeSearch
        (CATEGORISED, (False, True, False, False), REFUSE),  # no way around SafeSearch
        (ALLOW_LISTED, (False, False, False, False), PASS),  # a pinned app the parent allowed
        (CATEGORISED, (True, False, False, True), IN),  # some pages of the host are closed
        (CATEGORISED, (True, False, False, False), REFUSE),
    ],
)
def test_tls_action(
    decision: Decision, flags: tuple[bool, bool, bool, bool], action: TlsAction
) -> None:
    url_rules, safe_search, content, interceptable = flags
    assert (
        tls_action(
            decision,
            url_rules=url_rules,
            safe_search=safe_search,
            content_check=content,
            interceptable=interceptable,
        )
        is action
    )


@pytest.mark.parametrize(
    ("decision", "age_class", "checked"),
    [
        (ALLOWED, AgeClass.TWELVE, True),
        (ALLOWED, AgeClass.SIXTEEN, True),
        (ALLOWED, AgeClass.EIGHTEEN, False),  # no threshold for 18+
        (CATEGORISED, AgeClass.TWELVE, False),
        (ALLOW_LISTED, AgeClass.SIX, False),
        (BLOCKED, AgeClass.SIX, False),
    ],
)
def test_only_uncategorised_allowed_hosts_are_scored(
    decision: Decision, age_class: AgeClass, checked: bool
) -> None:
    assert needs_content_check(decision, age_class) is checked


SCORES = [
    ContentScore(0),
    ContentScore(40, Category.GAMBLING, ("казино",)),
    ContentScore(101, Category.GAMBLING, ("казино", "ставки")),
    ContentScore(5000, Category.PORNOGRAPHY, ("porn",)),
]


@pytest.mark.parametrize("score", SCORES)
@pytest.mark.parametrize(
    ("address", "age_class", "rules"),
    [
        ("https://page.test/", AgeClass.SIX, {}),  # no list knows it: the score decides
        ("https://page.test/a?b", AgeClass.TWELVE, {}),
        ("https://page.test/", AgeClass.SIXTEEN, {}),
        ("https://page.test/", AgeClass.EIGHTEEN, {}),  # no threshold
        (f"https://{HOST_OF[Category.GAMES]}/", AgeClass.TWELVE, {}),  # categorised
        (f"https://{HOST_OF[Category.GAMBLING]}/", AgeClass.TWELVE, {}),  # blocked first
        ("https://page.test/", AgeClass.SIX, {"allow": ("page.test",)}),
        ("https://page.test/", AgeClass.TWELVE, {"whitelist_only": True}),
        ("https://casino.kz/", AgeClass.EIGHTEEN, {}),  # the national list
    ],
)
def test_a_scored_page_is_decided_as_decide_request_decides_it_with_the_score(
    address: str, age_class: AgeClass, rules: dict[str, object], score: ContentScore
) -> None:
    who = child_filter(age_class, **rules)
    completed = scored_decision(decide(address, who), who, score)
    assert completed == decide(address, who, content=score)


def test_url_rule_sites_come_from_national_urls_and_deny_url_entries() -> None:
    entry = NationalEntry(
        "R-1",
        "violation",
        "norm",
        (
            Target(TargetKind.URL, "https://www.Forum.example/threads/bad"),
            Target(TargetKind.DOMAIN, "whole.example"),
            Target(TargetKind.IP, "192.0.2.1"),
        ),
        Protocol.HTTPS,
        date(2026, 11, 1),
        "authority",
    )
    deny = ("games.example/chat", "vk.com", "https://news.example/", "10.0.0.0/8")
    assert url_rule_sites([entry], deny) == frozenset({"forum.example", "games.example"})
