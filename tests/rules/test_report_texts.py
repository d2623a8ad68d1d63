"""Every report text is complete in kk, ru and en, with the same placeholders in each."""

import string
from types import ModuleType

import pytest

from rules import report_advice, report_mail, report_text, report_words
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Step
from rules.records import AlertKind, RequestKind, RequestStatus
from rules.text import Language, Text


def _texts(module: ModuleType) -> list[tuple[str, Text]]:
    found = []
    for name, value in vars(module).items():
        if isinstance(value, Text):
            found.append((name, value))
        elif isinstance(value, (tuple, list)):
            found += [(f"{name}[{i}]", v) for i, v in enumerate(value) if isinstance(v, Text)]
            found += [(f"{name}[{i}]", v.what) for i, v in enumerate(value) if hasattr(v, "what")]
        elif isinstance(value, dict):
            found += [(f"{name}[{k}]", v) for k, v in value.items() if isinstance(v, Text)]
    return found


ALL = [
    pytest.param(text, id=f"{module.__name__}.{name}")
    for module in (report_text, report_advice, report_mail, report_words)
    for name, text in _texts(module)
]


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("text", ALL)
def test_every_language_is_written_with_the_same_placeholders(text: Text) -> None:
    values = [text.get(language) for language in Language]
    assert all(value.strip() for value in values)
    assert _fields(text.kk) == _fields(text.ru) == _fields(text.en)


def test_the_tables_cover_every_kind() -> None:
    assert set(report_advice.ADVICE) == set(AlertKind) == set(report_advice.ALERT_NAMES)
    assert set(report_text.BLOCK_REASONS) == set(Step)
    assert set(report_text.REQUEST_KINDS) == set(RequestKind)
    assert set(report_text.REQUEST_STATUSES) == set(RequestStatus)
    assert len(report_words.WEEKDAYS) == len(report_words.WEEKDAYS_SHORT) == 7
    assert len(report_words.MONTHS) == 12


@pytest.mark.parametrize("language", list(Language))
def test_advice_says_whom_to_call(language: Language) -> None:
    advice = {kind: text.get(language) for kind, text in report_advice.ADVICE.items()}
    assert "150" in advice[AlertKind.SELF_HARM]
    assert "150" in advice[AlertKind.SEXUAL_CONTENT] and "102" in advice[AlertKind.SEXUAL_CONTENT]
    assert "@BALA_QORGAU_BOT" in advice[AlertKind.CONTACT_RISK]
    for text in advice.values():
        assert 2 <= text.count(". ") + 1 <= 4  # two or three sentences, a short paragraph


def test_help_contacts_hold_the_national_numbers() -> None:
    numbers = [c.contact for c in report_advice.HELP_CONTACTS]
    assert numbers[:4] == ["150", "111", "102", "1400"]


@pytest.mark.parametrize(
    ("step", "category", "language", "expected"),
    [
        (Step.CATEGORY, Category.GAMBLING, Language.EN, "“Gambling” is blocked for class 12+"),
        (
            Step.CATEGORY,
            Category.GAMBLING,
            Language.RU,
            "Категория «Азартные игры» закрыта для класса 12+",
        ),
        (Step.BYPASS, None, Language.EN, "A tool for getting around the filter: “Uncategorised”"),
        (
            Step.NATIONAL_LIST,
            None,
            Language.KK,
            "Ұлттық тізім: «Байланыс туралы» Қазақстан Республикасы Заңының 41-1-бабы",
        ),
        (Step.DEFAULT, None, Language.EN, "Another rule"),
    ],
)
def test_block_reason(
    step: Step, category: Category | None, language: Language, expected: str
) -> None:
    assert report_text.block_reason(step, category, AgeClass.TWELVE, language) == expected
