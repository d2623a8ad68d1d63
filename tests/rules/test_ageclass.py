"""Age classes of Law 169-VI and the class a child gets from a birth year."""

from datetime import date

import pytest

from rules.ageclass import AgeClass, age_class_for_age, age_on, default_age_class
from rules.text import Language


@pytest.mark.parametrize(
    ("birth_year", "today", "age"),
    [
        (2014, date(2026, 1, 1), 11),  # the birthday may still be ahead: the younger age
        (2014, date(2026, 6, 15), 11),
        (2014, date(2026, 12, 30), 11),
        (2014, date(2026, 12, 31), 12),  # on 31 December every birthday has passed
        (2014, date(2027, 1, 1), 12),
        (2020, date(2020, 5, 1), 0),
        (2020, date(2020, 12, 31), 0),
        (2019, date(2020, 12, 31), 1),
        (2030, date(2026, 5, 1), 0),  # a birth year in the future is not a negative age
        (2026, date(2026, 12, 31), 0),
        (1990, date(2026, 3, 8), 35),
        (2016, date(2024, 2, 29), 7),
    ],
)
def test_age_on_takes_the_younger_possible_age(birth_year: int, today: date, age: int) -> None:
    assert age_on(birth_year, today) == age


@pytest.mark.parametrize(
    ("age", "age_class"),
    [
        (0, AgeClass.ZERO),
        (5, AgeClass.ZERO),
        (6, AgeClass.SIX),
        (11, AgeClass.SIX),
        (12, AgeClass.TWELVE),
        (13, AgeClass.TWELVE),
        (14, AgeClass.FOURTEEN),
        (15, AgeClass.FOURTEEN),
        (16, AgeClass.SIXTEEN),
        (17, AgeClass.SIXTEEN),
        (18, AgeClass.EIGHTEEN),
        (45, AgeClass.EIGHTEEN),
    ],
)
def test_age_class_for_age_is_the_oldest_class_reached(age: int, age_class: AgeClass) -> None:
    assert age_class_for_age(age) is age_class


@pytest.mark.parametrize(
    ("birth_year", "today", "age_class"),
    [
        (2020, date(2026, 9, 1), AgeClass.ZERO),  # five or six: still 0+
        (2020, date(2026, 12, 31), AgeClass.SIX),
        (2014, date(2026, 9, 1), AgeClass.SIX),  # eleven or twelve: 6+
        (2014, date(2026, 12, 31), AgeClass.TWELVE),
        (2014, date(2027, 1, 1), AgeClass.TWELVE),
        (2012, date(2026, 9, 1), AgeClass.TWELVE),  # thirteen or fourteen: 12+
        (2012, date(2026, 12, 31), AgeClass.FOURTEEN),
        (2010, date(2026, 9, 1), AgeClass.FOURTEEN),
        (2010, date(2026, 12, 31), AgeClass.SIXTEEN),
        (2008, date(2026, 9, 1), AgeClass.SIXTEEN),  # seventeen or eighteen: still a child
        (2008, date(2026, 12, 31), AgeClass.EIGHTEEN),
        (1980, date(2026, 1, 1), AgeClass.EIGHTEEN),
        (2031, date(2026, 9, 1), AgeClass.ZERO),  # a future birth year
        (2026, date(2026, 1, 1), AgeClass.ZERO),
    ],
)
def test_default_age_class_from_birth_year(
    birth_year: int, today: date, age_class: AgeClass
) -> None:
    assert default_age_class(birth_year, today) is age_class


@pytest.mark.parametrize(
    ("age_class", "min_age", "is_child"),
    [
        (AgeClass.ZERO, 0, True),
        (AgeClass.SIX, 6, True),
        (AgeClass.TWELVE, 12, True),
        (AgeClass.FOURTEEN, 14, True),
        (AgeClass.SIXTEEN, 16, True),
        (AgeClass.EIGHTEEN, 18, False),
    ],
)
def test_min_age_and_is_child(age_class: AgeClass, min_age: int, is_child: bool) -> None:
    assert age_class.min_age == min_age
    assert age_class.is_child is is_child
    assert age_class_for_age(min_age) is age_class


def test_the_six_classes_of_the_law_in_order() -> None:
    assert [str(c) for c in AgeClass] == ["0+", "6+", "12+", "14+", "16+", "18+"]


@pytest.mark.parametrize("age_class", list(AgeClass))
def test_labels_are_written_in_every_language(age_class: AgeClass) -> None:
    texts = [age_class.label.get(language) for language in Language]
    assert all(text.strip() for text in texts)
    assert len(set(texts)) == len(texts)


def test_labels_differ_between_classes() -> None:
    for language in Language:
        labels = {age_class.label.get(language) for age_class in AgeClass}
        assert len(labels) == len(AgeClass)


@pytest.mark.parametrize(
    ("age_class", "ru_fragment", "kk_fragment"),
    [
        (AgeClass.ZERO, "не достигших шести", "алты жасқа толмаған"),
        (AgeClass.FOURTEEN, "четырнадцати", "он төрт"),
        (AgeClass.EIGHTEEN, "запрещено для детей", "тыйым салынған"),
    ],
)
def test_labels_keep_the_wording_of_the_law(
    age_class: AgeClass, ru_fragment: str, kk_fragment: str
) -> None:
    assert ru_fragment in age_class.label.ru
    assert kk_fragment in age_class.label.kk
