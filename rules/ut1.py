"""UT1 / squidGuard category folders: which UT1 category is which of Qorgan's categories.

A UT1 tree has one folder per category holding `domains` (one host a line), `urls`
(host/path, one a line) and `usage` (`black` or `white`, then keywords). Qorgan keeps
whole hosts only, so `urls` lines are counted but not used. White categories
(sites for children, exceptions) are skipped unless a source maps them on purpose.
"""

from collections.abc import Iterable, Mapping

from rules.categories import Category

C = Category
# docs/lists.md explains each choice; a list source can override any of them.
UT1_CATEGORIES: Mapping[str, Category | None] = {
    "adult": C.PORNOGRAPHY, "mixed_adult": C.PORNOGRAPHY, "agressif": C.VIOLENCE,
    "dangerous_material": C.VIOLENCE, "drogue": C.DRUGS, "gambling": C.GAMBLING,
    "arjel": C.GAMBLING, "dating": C.DATING, "chat": C.CHAT, "games": C.GAMES,
    "educational_games": C.EDUCATION, "social_networks": C.SOCIAL_NETWORKS, "vpn": C.VPN,
    "redirector": C.WEB_PROXY, "strict_redirector": C.WEB_PROXY,
    "strong_redirector": C.WEB_PROXY, "doh": C.DOH, "phishing": C.PHISHING,
    "malware": C.MALWARE, "cryptojacking": C.MALWARE, "stalkerware": C.MALWARE,
    "ddos": C.MALWARE, "dialer": C.MALWARE, "fakenews": C.FALSE_INFORMATION,
    "audio-video": C.VIDEO, "sect": None, "hacking": None, "warez": None,
    "translation": None, "shortener": None, "remote-control": None, "lingerie": None,
    "sexual_education": None, "child": None, "liste_blanche": None,
    # English names UT1 keeps as links to the French folders (one of each pair is read).
    "porn": C.PORNOGRAPHY, "aggressive": C.VIOLENCE, "drugs": C.DRUGS,
}  # fmt: skip
SKIP = "-"


class CategoryMapError(ValueError):
    """A category mapping a source was given that names an unknown Qorgan category."""


def ut1_usage(lines: Iterable[str]) -> str | None:
    """'black' or 'white' as a category's `usage` file says, or None when it says neither."""
    words = {word.lower() for line in lines for word in line.split()}
    for usage in ("white", "black"):
        if usage in words:
            return usage
    return None


def ut1_category(
    name: str, usage: str | None, overrides: Mapping[str, Category | None]
) -> Category | None:
    """The Qorgan category a UT1 category folder is imported as, or None to skip it."""
    if name in overrides:
        return overrides[name]
    if usage == "white":
        return None
    return UT1_CATEGORIES.get(name)


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
