"""UT1 / squidGuard category folders: which UT1 category is which of Qorgan's categories.

A UT1 tree has one folder per category holding `domains` (one host a line), `urls`
(host/path, one a line) and `usage` (`black` or `white`, then keywords); some names are
links to other folders (porn -> adult). Qorgan keeps whole hosts only, so `urls` lines
are counted but not used. White categories (sites for children, exceptions) are skipped
unless a source maps them on purpose; categories this mapping does not know are
reported as not used, never as errors.
"""

from collections.abc import Iterable, Mapping, Sequence

from rules.categories import Category

C = Category
# Every category of the UT1 tree (2025-2026), by folder name. docs/lists.md explains each
# choice; a list source can override any of them. None: not a category of harm here, a
# white list, or a list for another use; such folders are reported as not used.
UT1_CATEGORIES: Mapping[str, Category | None] = {
    "adult": C.PORNOGRAPHY, "mixed_adult": C.PORNOGRAPHY, "agressif": C.VIOLENCE,
    "dangerous_material": C.VIOLENCE, "drogue": C.DRUGS, "gambling": C.GAMBLING,
    "arjel": C.GAMBLING, "dating": C.DATING, "chat": C.CHAT, "games": C.GAMES,
    "educational_games": C.EDUCATION, "social_networks": C.SOCIAL_NETWORKS, "vpn": C.VPN,
    "redirector": C.WEB_PROXY, "strict_redirector": C.WEB_PROXY,
    "strong_redirector": C.WEB_PROXY, "residential-proxies": C.WEB_PROXY,
    "residential_proxies": C.WEB_PROXY, "doh": C.DOH, "phishing": C.PHISHING,
    "malware": C.MALWARE, "cryptojacking": C.MALWARE, "stalkerware": C.MALWARE,
    "ddos": C.MALWARE, "dialer": C.MALWARE, "fakenews": C.FALSE_INFORMATION,
    "audio-video": C.VIDEO,
    # English names UT1 keeps as links to French folders (a folder is read once).
    "porn": C.PORNOGRAPHY, "aggressive": C.VIOLENCE, "violence": C.VIOLENCE,
    "drugs": C.DRUGS, "proxy": C.WEB_PROXY, "ads": None, "mail": None,
    # Not used by default.
    "ai": None, "associations_religieuses": None, "astrology": None, "bank": None,
    "bitcoin": None, "blog": None, "celebrity": None, "child": None, "cleaning": None,
    "cooking": None, "download": None, "dynamic-dns": None, "examen_pix": None,
    "exceptions_liste_bu": None, "filehosting": None, "financial": None, "forums": None,
    "hacking": None, "jobsearch": None, "lingerie": None, "liste_blanche": None,
    "liste_bu": None, "manga": None, "marketingware": None, "mobile-phone": None,
    "press": None, "publicite": None, "radio": None, "reaffected": None,
    "remote-control": None, "sect": None, "sexual_education": None, "shopping": None,
    "shortener": None, "special": None, "sports": None, "translation": None,
    "tricheur": None, "tricheur_pix": None, "update": None, "warez": None,
    "webhosting": None, "webmail": None,
}  # fmt: skip
SKIP = "-"


class CategoryMapError(ValueError):
    """A category mapping a source was given that names an unknown Qorgan category."""


def ut1_usage(lines: Iterable[str]) -> str | None:
    """'black' or 'white' as a category's `usage` file says, or None when it says neither.

    A folder whose usage names both (chat, arjel) can serve as a block list: 'black'.
    """
    words = {word.lower() for line in lines for word in line.split()}
    for usage in ("black", "white"):
        if usage in words:
            return usage
    return None


def ut1_category(
    name: str,
    usage: str | None,
    overrides: Mapping[str, Category | None],
    aliases: Sequence[str] = (),
) -> Category | None:
    """The Qorgan category a UT1 category folder is imported as, or None to skip it.

    `aliases` are the other names linked to the folder (porn -> adult): an override of
    any of its names counts, the folder's own name first.
    """
    names = (name, *aliases)
    for each in names:
        if each in overrides:
            return overrides[each]
    if usage == "white":
        return None
    return next((c for c in map(UT1_CATEGORIES.get, names) if c is not None), None)


def parse_category_map(items: Iterable[str]) -> dict[str, Category | None]:
    """Overrides written `ut1name=category` (or `ut1name=-` to skip the folder)."""
    mapping: dict[str, Category | None] = {}
    for item in items:
        name, equals, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not equals or not name:
            raise CategoryMapError(
                f"{item!r}: write a mapping as name=category, e.g. adult=pornography"
            )
        if value == SKIP:
            mapping[name] = None
            continue
        try:
            mapping[name] = Category(value)
        except ValueError:
            choices = ", ".join(c.value for c in Category)
            raise CategoryMapError(f"{item!r}: {value!r} is not a category ({choices})") from None
    return mapping


def category_map_text(mapping: Mapping[str, Category | None]) -> list[str]:
    """The overrides as `parse_category_map` reads them."""
    return [f"{name}={SKIP if c is None else c.value}" for name, c in sorted(mapping.items())]
