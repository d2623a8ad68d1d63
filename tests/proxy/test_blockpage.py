"""The block page and the starting page, as a child reads them in kk, ru and en."""

import re
from html import unescape

import pytest

from proxy.blockpage import (
    ASK_A_PARENT,
    NOT_YOUR_FAULT,
    SAME_FOR_EVERYONE,
    TITLE,
    WHY,
    render_block_page,
    render_starting_page,
)
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Decision, Reason, Step, Verdict
from rules.national import LEGAL_BASIS
from rules.text import Language

NATIONAL = Decision(
    Verdict.BLOCK,
    Reason(
        Step.NATIONAL_LIST,
        "national:SAMPLE-2026-0001",
        list_name="national",
        matched="casino-sample.test",
        legal_basis="Law of RK on Gambling Business, art. 8",
    ),
)


def blocked(step: Step, category: Category | None = None) -> Decision:
    return Decision(Verdict.BLOCK, Reason(step, f"{step}:test", category=category))


def page(decision: Decision, language: Language = Language.EN, host: str = "site.test") -> str:
    return render_block_page(decision, host, AgeClass.TWELVE, language).decode("utf-8")


def text_of(html: str) -> str:
    """The words a child reads: tags removed, entities decoded, spaces joined."""
    return " ".join(unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", html, flags=re.S)).split())


def help_numbers(html: str) -> list[str]:
    return re.findall(r'<span class="number">(\d+)</span>', html)


@pytest.mark.parametrize("language", list(Language))
def test_the_page_speaks_the_childs_language_and_names_the_category(language: Language) -> None:
    html = page(blocked(Step.CATEGORY, Category.SOCIAL_NETWORKS), language, host="vk.com")
    words = text_of(html)
    assert f'<html lang="{language.value}">' in html
    assert TITLE.get(language) in words
    assert "vk.com" in words
    assert Category.SOCIAL_NETWORKS.name_text.get(language) in words
    assert "12+" in words
    assert NOT_YOUR_FAULT.get(language) in words
    assert ASK_A_PARENT.get(language) in words


def test_the_english_page_says_it_is_not_the_childs_fault() -> None:
    words = text_of(page(blocked(Step.CATEGORY, Category.GAMBLING)))
    assert "This page is closed for you" in words
    assert "It's not your fault. If something online worried you, talk to an adult you trust." in (
        words
    )


@pytest.mark.parametrize("language", list(Language))
def test_a_national_list_hit_names_the_law_and_offers_no_ask_a_parent(language: Language) -> None:
    words = text_of(page(NATIONAL, language, host="casino-sample.test"))
    assert LEGAL_BASIS.get(language) in words
    assert "41-1" in words
    assert SAME_FOR_EVERYONE.get(language) in words
    assert ASK_A_PARENT.get(language) not in words


def test_the_english_national_page_reads_as_domain_md_says() -> None:
    words = text_of(page(NATIONAL))
    assert "Access restricted under Article 41-1 of the Law" in words
    assert "On Communications" in words
    assert "ask a parent" not in words.lower()


def test_a_protected_category_is_closed_for_everyone_without_ask_a_parent() -> None:
    words = text_of(page(blocked(Step.PROTECTED_LIST, Category.PHISHING)))
    assert "Fraud and phishing" in words
    assert "ask a parent" not in words.lower()


@pytest.mark.parametrize(
    ("category", "numbers"),
    [
        (Category.SELF_HARM, ["150"]),
        (Category.PORNOGRAPHY, ["150", "102"]),
        (Category.CSAM, ["150", "102"]),
        (Category.PHISHING, ["1400", "150"]),
        (Category.MALWARE, ["1400", "150"]),
        (Category.GAMBLING, ["150"]),
        (None, ["150"]),
    ],
)
def test_help_numbers_fit_the_harm(category: Category | None, numbers: list[str]) -> None:
    step = Step.CATEGORY if category is not None else Step.SCHEDULE
    assert help_numbers(page(blocked(step, category))) == numbers


def test_self_harm_help_is_warm() -> None:
    words = text_of(page(blocked(Step.CATEGORY, Category.SELF_HARM)))
    assert "you are not alone" in words


def test_phishing_help_says_never_to_type_passwords() -> None:
    assert "Never type your passwords here" in text_of(
        page(blocked(Step.CATEGORY, Category.PHISHING))
    )


@pytest.mark.parametrize(
    "host",
    ['<script>alert("x")</script>.example', "a&b.test", '"><img src=x onerror=alert(1)>'],
)
def test_the_host_is_escaped(host: str) -> None:
    html = page(blocked(Step.DENY_LIST), host=host)
    assert "<script" not in html
    assert "<img" not in html
    assert host in text_of(html)


@pytest.mark.parametrize("step", sorted(set(Step) - {Step.ALLOW_LIST, Step.GRANT, Step.DEFAULT}))
@pytest.mark.parametrize("language", list(Language))
def test_every_blocking_step_has_a_reason_in_every_language(step: Step, language: Language) -> None:
    assert step in WHY
    category = Category.VPN if "{category}" in WHY[step].en else None
    words = text_of(page(blocked(step, category), language))
    assert "{" not in words


def test_a_category_step_without_a_category_still_reads_well() -> None:
    assert "This page is closed right now." in text_of(page(blocked(Step.CATEGORY)))


@pytest.mark.parametrize(
    "html",
    [
        page(blocked(Step.CATEGORY, Category.VIDEO)),
        page(NATIONAL, Language.KK),
        render_starting_page(Language.RU).decode("utf-8"),
    ],
)
def test_pages_are_self_contained(html: str) -> None:
    assert html.startswith("<!doctype html>")
    assert '<meta charset="utf-8">' in html
    for outside in ("<script", "src=", "url(", "@import", "http://"):
        assert outside not in html
    # The only links and forms lead to Qorgan's own pages, served inside the proxy.
    targets = re.findall(r'(?:href|action)="([^"]*)"', html)
    assert all(target.startswith("https://qorgan.invalid/") for target in targets)
    assert html.count("https://") == len(targets)


@pytest.mark.parametrize(
    ("language", "title"),
    [
        (Language.KK, "Qorgan іске қосылып жатыр"),
        (Language.RU, "Qorgan запускается"),
        (Language.EN, "Qorgan is starting"),
    ],
)
def test_the_starting_page(language: Language, title: str) -> None:
    html = render_starting_page(language).decode("utf-8")
    assert f'<html lang="{language.value}">' in html
    assert f"<h1>{title}</h1>" in html
    assert "tell an adult" in text_of(render_starting_page(Language.EN).decode())
