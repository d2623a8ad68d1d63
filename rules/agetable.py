"""What each age class gets by default: category actions, content thresholds, SafeSearch.

This is data, meant to be read as a table. A parent may override any row for a child,
except the protected categories, which stay blocked whatever the table or the parent says.
"""

from enum import StrEnum

from rules.ageclass import AgeClass
from rules.categories import Category


class CategoryAction(StrEnum):
    """What happens to a site of a category."""

    ALLOW = "allow"
    BLOCK = "block"


class SafeSearchLevel(StrEnum):
    """How hard search engines and YouTube are pushed towards safe results."""

    OFF = "off"
    MODERATE = "moderate"
    STRICT = "strict"


A = CategoryAction.ALLOW
B = CategoryAction.BLOCK

_CLASSES = tuple(AgeClass)  # column order: 0+ 6+ 12+ 14+ 16+ 18+

# fmt: off
_TABLE: dict[Category, tuple[CategoryAction, ...]] = {
    #                               0+ 6+ 12+ 14+ 16+ 18+
    Category.CSAM:                 (B, B, B,  B,  B,  B),
    Category.MALWARE:              (B, B, B,  B,  B,  B),
    Category.PHISHING:             (B, B, B,  B,  B,  B),
    Category.PORNOGRAPHY:          (B, B, B,  B,  B,  A),
    Category.SELF_HARM:            (B, B, B,  B,  B,  B),  # promotion is unlawful at any age
    Category.VIOLENCE:             (B, B, B,  B,  B,  A),
    Category.DRUGS:                (B, B, B,  B,  B,  B),  # promotion is unlawful at any age
    Category.ALCOHOL_TOBACCO:      (B, B, B,  B,  B,  A),
    Category.GAMBLING:             (B, B, B,  B,  B,  A),
    Category.EXTREMISM:            (B, B, B,  B,  B,  B),  # unlawful at any age
    Category.FALSE_INFORMATION:    (B, B, B,  B,  A,  A),
    Category.DATING:               (B, B, B,  B,  B,  A),
    Category.CHAT:                 (B, B, B,  A,  A,  A),
    Category.GAMES:                (A, A, A,  A,  A,  A),  # a time risk: budgets, not blocks
    Category.VIDEO:                (A, A, A,  A,  A,  A),
    Category.SOCIAL_NETWORKS:      (B, B, B,  A,  A,  A),
    Category.VPN:                  (B, B, B,  B,  B,  A),
    Category.WEB_PROXY:            (B, B, B,  B,  B,  A),
    Category.DOH:                  (B, B, B,  B,  B,  A),
    Category.TOR:                  (B, B, B,  B,  B,  A),
    Category.UNSAFE_SEARCH:        (B, B, B,  B,  B,  A),
    Category.EDUCATION:            (A, A, A,  A,  A,  A),
}

# Weighted-phrase score above which a page with no category is blocked (None: never).
_CONTENT_THRESHOLD: tuple[int | None, ...] = (50, 50, 100, 100, 160, None)

# Search engines and YouTube: strict for the young classes, moderate for teens.
_SAFE_SEARCH: tuple[SafeSearchLevel, ...] = (
    SafeSearchLevel.STRICT, SafeSearchLevel.STRICT, SafeSearchLevel.STRICT,
    SafeSearchLevel.MODERATE, SafeSearchLevel.MODERATE, SafeSearchLevel.OFF,
)
# fmt: on


def default_action(category: Category, age_class: AgeClass) -> CategoryAction:
    """The table's action for a category and an age class."""
    return _TABLE[category][_CLASSES.index(age_class)]


def content_threshold(age_class: AgeClass) -> int | None:
    """The content score above which a page is blocked for the class, or None for no limit."""
    return _CONTENT_THRESHOLD[_CLASSES.index(age_class)]


def default_safe_search(age_class: AgeClass) -> SafeSearchLevel:
    """The SafeSearch / Restricted Mode level a class gets unless a parent picks another."""
    return _SAFE_SEARCH[_CLASSES.index(age_class)]
