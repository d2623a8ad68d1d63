"""The national blocklist record, as the notification form of Order No. 409 defines it.

Article 41-1 of the Law of RK "On Communications": the authorised body orders access to a
resource restricted; each notification names the type of violation, the norm violated,
the identified targets (IP address, domain name, page URL) and the protocol used.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rules.text import Text

LEGAL_BASIS = Text(
    kk="«Байланыс туралы» Қазақстан Республикасы Заңының 41-1-бабы",
    ru="Статья 41-1 Закона Республики Казахстан «О связи»",
    en="Article 41-1 of the Law of the Republic of Kazakhstan “On Communications”",
)


class TargetKind(StrEnum):
    """What a notification identifies: a domain name, a page URL, or an address."""

    DOMAIN = "domain"
    URL = "url"
    IP = "ip"
    CIDR = "cidr"


class Protocol(StrEnum):
    """The protocol the restricted resource uses, as the form records it."""

    HTTP = "http"
    HTTPS = "https"
    ANY = "any"


@dataclass(frozen=True, slots=True)
class Target:
    """One identified fact of a notification."""

    kind: TargetKind
    value: str


@dataclass(frozen=True, slots=True)
class NationalEntry:
    """One notification of the authorised body: why, under which norm, and what to restrict."""

    reference: str
    violation_type: str
    legal_norm: str
    targets: tuple[Target, ...]
    protocol: Protocol
    issued: date
    authority: str
