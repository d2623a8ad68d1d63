"""The six age classes of Law of RK No. 169-VI and a child's default class."""

from datetime import date
from enum import StrEnum

from rules.text import Text


class AgeClass(StrEnum):
    """Information-product classes of Law 169-VI, article by article (not Russia's scheme)."""

    ZERO = "0+"
    SIX = "6+"
    TWELVE = "12+"
    FOURTEEN = "14+"
    SIXTEEN = "16+"
    EIGHTEEN = "18+"

    @property
    def min_age(self) -> int:
        """The youngest age the class is meant for."""
        return int(self.value.rstrip("+"))

    @property
    def label(self) -> Text:
        """The class's wording in the law, in kk, ru and en."""
        return AGE_CLASS_LABELS[self]

    @property
    def is_child(self) -> bool:
        """Every class below 18+ is a child's."""
        return self is not AgeClass.EIGHTEEN


AGE_CLASS_LABELS: dict[AgeClass, Text] = {
    AgeClass.ZERO: Text(
        kk="алты жасқа толмаған балаларға арналған",
        ru="для детей, не достигших шести лет",
        en="for children under six",
    ),
    AgeClass.SIX: Text(
        kk="алты жасқа толған балаларға",
        ru="для детей, достигших шести лет",
        en="for children aged six and over",
    ),
    AgeClass.TWELVE: Text(
        kk="он екі жасқа толған балаларға",
        ru="для детей, достигших двенадцати лет",
        en="for children aged twelve and over",
    ),
    AgeClass.FOURTEEN: Text(
        kk="он төрт жасқа толған балаларға",
        ru="для детей, достигших четырнадцати лет",
        en="for children aged fourteen and over",
    ),
    AgeClass.SIXTEEN: Text(
        kk="он алты жасқа толған балаларға",
        ru="для детей, достигших шестнадцати лет",
        en="for children aged sixteen and over",
    ),
    AgeClass.EIGHTEEN: Text(
        kk="балаларға тыйым салынған (18 жастан)",
        ru="запрещено для детей (с 18 лет)",
        en="prohibited for children (18 and over)",
    ),
}


def age_on(birth_year: int, today: date) -> int:
    """The age a child surely has: with only a birth year, the birthday may not have come yet.

    Taking the younger of the two possible ages means the default class is never looser
    than the law allows; on 31 December every birthday of the year has passed.
    """
    years = today.year - birth_year
    if (today.month, today.day) != (12, 31):
        years -= 1
    return max(years, 0)


def age_class_for_age(age: int) -> AgeClass:
    """The oldest class whose minimum age the child has reached."""
    chosen = AgeClass.ZERO
    for age_class in AgeClass:
        if age >= age_class.min_age:
            chosen = age_class
    return chosen


def default_age_class(birth_year: int, today: date) -> AgeClass:
    """The class a child born in `birth_year` gets unless a parent picks another."""
    return age_class_for_age(age_on(birth_year, today))
