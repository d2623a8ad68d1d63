"""A decision's reason as a parent reads it, in each language."""

import pytest

from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Decision, Reason, Step, Verdict
from rules.explain import STEP, VERDICT, explain
from rules.text import Language


def test_every_step_and_verdict_has_a_sentence_in_every_language() -> None:
    for table, keys in ((STEP, list(Step)), (VERDICT, list(Verdict))):
        assert set(table) == set(keys)
        for text in table.values():
            assert all(text.get(language).strip() for language in Language)
            assert len({text.kk, text.ru, text.en}) == 3


def test_a_national_hit_names_the_law_the_norm_and_the_notification() -> None:
    reason = Reason(
        Step.NATIONAL_LIST,
        "national:KZ-1",
        list_name="national",
        matched="casino.test",
        legal_basis="Law on Gambling, art. 8",
        violation="Unlicensed casino",
    )
    lines = explain(Decision(Verdict.BLOCK, reason), AgeClass.TWELVE, Language.EN)
    assert lines[0].startswith("BLOCKED: Access restricted under Article 41-1")
    assert "  Norm violated: Law on Gambling, art. 8" in lines
    assert "  Violation: Unlicensed casino" in lines
    assert "  Rule: national:KZ-1" in lines


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (Language.KK, "«Құмар ойындар» санаты 12+ сыныбы үшін бұғатталған."),
        (Language.RU, "Категория «Азартные игры» заблокирована для класса 12+."),
        (Language.EN, "The category “Gambling” is blocked for class 12+."),
    ],
)
def test_a_category_block_in_each_language(language: Language, expected: str) -> None:
    reason = Reason(Step.CATEGORY, "category:gambling@12+", category=Category.GAMBLING)
    lines = explain(Decision(Verdict.BLOCK, reason), AgeClass.TWELVE, language)
    assert expected in lines[0]
    assert any(Category.GAMBLING.name_text.get(language) in line for line in lines[1:])


def test_a_content_block_shows_score_limit_and_phrases() -> None:
    reason = Reason(
        Step.CONTENT, "content:6+", score=120, threshold=50, phrases=("casino bonus", "bet")
    )
    lines = explain(Decision(Verdict.BLOCK, reason), AgeClass.SIX, Language.EN)
    assert "scored 120 (limit 50)" in lines[0]
    assert "  Phrases: casino bonus, bet" in lines


def test_an_allow_without_details_is_one_line_plus_the_rule() -> None:
    lines = explain(
        Decision(Verdict.ALLOW, Reason(Step.DEFAULT, "default")), AgeClass.ZERO, Language.RU
    )
    assert lines == ["РАЗРЕШЕНО: Ни одно правило не блокирует.", "  Правило: default"]
