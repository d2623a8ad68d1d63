"""What `decide_request` answers: a verdict and the reason for it, never one without the other."""

from dataclasses import dataclass
from enum import StrEnum

from rules.agetable import SafeSearchLevel
from rules.categories import Category


class Verdict(StrEnum):
    ALLOW = "allow"
    BLOCK = "block"


class Step(StrEnum):
    """The step of the decision order (DESIGN.md) that settled a request, in that order."""

    NATIONAL_LIST = "national_list"
    PROTECTED_LIST = "protected_list"
    DENY_LIST = "deny_list"
    ALLOW_LIST = "allow_list"
    GRANT = "grant"
    SCHEDULE = "schedule"
    BUDGET = "budget"
    BYPASS = "bypass"
    CATEGORY = "category"
    WHITELIST_ONLY = "whitelist_only"
    CONTENT = "content"
    DEFAULT = "default"


NOT_OVERRIDABLE = frozenset({Step.NATIONAL_LIST, Step.PROTECTED_LIST})


@dataclass(frozen=True, slots=True)
class ContentScore:
    """A page's weighted-phrase score, for hosts no list categorises."""

    total: int
    category: Category | None = None
    top_phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reason:
    """Why: the rule, the list or category it came from, the legal basis, the score."""

    step: Step
    rule_id: str
    list_name: str | None = None
    category: Category | None = None
    matched: str | None = None
    legal_basis: str | None = None
    violation: str | None = None
    score: int | None = None
    threshold: int | None = None
    phrases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer for one request, with the SafeSearch level to apply when it is allowed."""

    verdict: Verdict
    reason: Reason
    safe_search: SafeSearchLevel = SafeSearchLevel.OFF

    @property
    def blocked(self) -> bool:
        return self.verdict is Verdict.BLOCK

    @property
    def overridable(self) -> bool:
        """A parent may allow it: never for the national list, child abuse, malware, phishing."""
        return self.reason.step not in NOT_OVERRIDABLE
