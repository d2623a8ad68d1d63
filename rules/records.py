"""What Qorgan records about a child: domains, categories and times, never page contents."""

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from rules.categories import Category
from rules.decision import Step, Verdict


@dataclass(frozen=True, slots=True)
class DecisionEvent:
    """A request the proxy decided: the host only (never the path or the page), and why."""

    at: datetime
    child: str
    host: str
    verdict: Verdict
    step: Step
    rule_id: str
    category: Category | None = None
    list_name: str | None = None
    score: int | None = None


@dataclass(frozen=True, slots=True)
class Usage:
    """Seconds a child spent in one app on one day; `category` from the app catalogue."""

    child: str
    day: date
    app: str
    seconds: int
    category: Category | None = None


class RequestKind(StrEnum):
    TIME = "time"
    SITE = "site"


class RequestStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    DECLINED = "declined"


@dataclass(frozen=True, slots=True)
class ChildRequest:
    """A child asked for more time or for a site; a parent approves or declines."""

    child: str
    kind: RequestKind
    created_at: datetime
    minutes: int | None = None
    host: str | None = None
    message: str = ""
    status: RequestStatus = RequestStatus.PENDING
    decided_at: datetime | None = None
    id: int | None = None


class AlertKind(StrEnum):
    """Events a parent hears about at once, not only in the weekly report."""

    SELF_HARM = "self_harm"
    SEXUAL_CONTENT = "sexual_content"
    CONTACT_RISK = "contact_risk"
    BYPASS_ATTEMPT = "bypass_attempt"
    CLOCK_CHANGE = "clock_change"
    PROTECTION_OFF = "protection_off"


@dataclass(frozen=True, slots=True)
class Alert:
    at: datetime
    child: str | None
    kind: AlertKind
    detail: str = ""
    id: int | None = None


class ListKind(StrEnum):
    NATIONAL = "national"
    DOMAINS = "domains"
    HOSTS = "hosts"
    ADBLOCK = "adblock"
    UT1 = "ut1"
    REGISTRY_CSV = "registry_csv"
    PHRASES = "phrases"


@dataclass(frozen=True, slots=True)
class ListSource:
    """Where a list comes from and how it is trusted (a pinned SHA-256 or an Ed25519 key)."""

    name: str
    kind: ListKind
    location: str
    category: Category | None = None
    schedule_hours: int = 24
    sha256: str | None = None
    public_key: str | None = None
    entries: int = 0
    updated_at: datetime | None = None
    signature_status: str = "unverified"
