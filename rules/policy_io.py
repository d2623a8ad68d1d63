"""The policy as JSON-ready data and back, validated with errors that name the field."""

from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType

from rules.ageclass import AgeClass
from rules.agetable import CategoryAction, SafeSearchLevel
from rules.categories import Category
from rules.hosts import HostError, normalize_host
from rules.policy import (
    ChildProfile,
    ChildRules,
    DayRules,
    Mode,
    Policy,
    SchoolGroup,
    SiteGrant,
    TimeGrant,
    Weekday,
)
from rules.sitelist import SiteEntryError, SiteList
from rules.text import Language
from rules.validation import (
    PolicyError,
    clock_text,
    join,
    read_bedtime,
    read_choice,
    read_datetime,
    read_fields,
    read_interval,
    read_minutes,
    read_strings,
    read_typed,
)

FORMAT_KEY = "qorgan_policy"
FORMAT_VERSION = 1
DAY_KEYS = {day: day.name.lower() for day in Weekday}
WEEK_GROUPS = {
    "every_day": tuple(Weekday),
    "weekdays": tuple(Weekday)[:5],
    "weekend": (Weekday.SAT, Weekday.SUN),
}


def _day_rules(data: object, where: str, base: DayRules) -> DayRules:
    known = {"allowed", "allowance_minutes", "bedtime", "free"}
    fields = read_fields(data, where, known, set())
    allowed, allowance, bedtime, free = (
        base.allowed,
        base.allowance_minutes,
        base.bedtime,
        base.free_intervals,
    )
    if "allowed" in fields:
        items = read_typed(fields["allowed"], list, join(where, "allowed"), "a list of time spans")
        allowed = tuple(
            read_interval(v, join(join(where, "allowed"), i)) for i, v in enumerate(items)
        )
    if "allowance_minutes" in fields:
        value = fields["allowance_minutes"]
        allowance = None if value is None else read_minutes(value, join(where, "allowance_minutes"))
    if "bedtime" in fields:
        value = fields["bedtime"]
        bedtime = None if value is None else read_bedtime(value, join(where, "bedtime"))
    if "free" in fields:
        items = read_typed(fields["free"], list, join(where, "free"), "a list of time spans")
        free = tuple(read_interval(v, join(join(where, "free"), i)) for i, v in enumerate(items))
    return DayRules(allowed, allowance, bedtime, free)


def _week(data: object, where: str) -> Mapping[Weekday, DayRules]:
    order = [*WEEK_GROUPS, *DAY_KEYS.values()]
    fields = read_fields(data, where, set(order), set())
    week = {day: DayRules() for day in Weekday}
    for key in order:
        if key in fields:
            days = WEEK_GROUPS.get(key) or (Weekday[key.upper()],)
            for day in days:
                week[day] = _day_rules(fields[key], join(where, key), week[day])
    return MappingProxyType(week)


def _mapping[K, V](
    data: object,
    where: str,
    key: Callable[[object, str], K],
    value: Callable[[object, str], V],
) -> Mapping[K, V]:
    fields = read_fields(data, where, set(data) if isinstance(data, Mapping) else set(), set())
    return MappingProxyType(
        {key(k, join(where, k)): value(v, join(where, k)) for k, v in fields.items()}
    )


def _site_entries(value: object, where: str) -> tuple[str, ...]:
    entries = read_strings(value, where)
    for i, entry in enumerate(entries):
        try:
            SiteList([entry])
        except SiteEntryError as error:
            raise PolicyError(join(where, i), str(error)) from None
    return entries


RULE_FIELDS = {
    "allow", "deny", "categories", "whitelist_only", "safe_search", "week", "category_budgets",
    "app_budgets", "blocked_apps", "free_apps", "site_grants", "time_grants",
}  # fmt: skip


def _category_key(value: object, where: str) -> Category:
    return read_choice(value, Category, where)


def _category_action(value: object, where: str) -> CategoryAction:
    return read_choice(value, CategoryAction, where)


def _app_key(value: object, where: str) -> str:
    return str(value)


def _items[T](data: object, where: str, read: Callable[[object, str], T]) -> tuple[T, ...]:
    items = read_typed(data, list, where, "a list")
    return tuple(read(item, join(where, i)) for i, item in enumerate(items))


def child_rules_from_dict(data: object, where: str = "rules") -> ChildRules:
    """A child's rules from JSON-ready data; PolicyError names the first bad field."""
    f = read_fields(data, where, RULE_FIELDS, set())

    def at(key: str) -> str:
        return join(where, key)

    overrides = _mapping(f.get("categories", {}), at("categories"), _category_key, _category_action)
    for category in overrides:
        if category.is_protected:
            raise PolicyError(join(at("categories"), category), "this category is always blocked")
    safe = f.get("safe_search")
    return ChildRules(
        allow=_site_entries(f.get("allow", []), at("allow")),
        deny=_site_entries(f.get("deny", []), at("deny")),
        category_overrides=overrides,
        whitelist_only=read_typed(
            f.get("whitelist_only", False), bool, at("whitelist_only"), "true or false"
        ),
        safe_search=None if safe is None else read_choice(safe, SafeSearchLevel, at("safe_search")),
        week=_week(f.get("week", {}), at("week")),
        category_budgets=_mapping(
            f.get("category_budgets", {}), at("category_budgets"), _category_key, read_minutes
        ),
        app_budgets=_mapping(f.get("app_budgets", {}), at("app_budgets"), _app_key, read_minutes),
        blocked_apps=read_strings(f.get("blocked_apps", []), at("blocked_apps")),
        free_apps=read_strings(f.get("free_apps", []), at("free_apps")),
        site_grants=_items(f.get("site_grants", []), at("site_grants"), _site_grant),
        time_grants=_items(f.get("time_grants", []), at("time_grants"), _time_grant),
    )


def _site_grant(data: object, where: str) -> SiteGrant:
    f = read_fields(data, where, {"host", "until", "granted_at"}, {"host", "until", "granted_at"})
    host_where = join(where, "host")
    text = read_typed(f["host"], str, host_where, "text")
    try:
        host = normalize_host(text.strip().removeprefix("*.").removeprefix("."))
    except HostError as error:
        raise PolicyError(host_where, str(error)) from None
    return SiteGrant(
        host,
        read_datetime(f["until"], join(where, "until")),
        read_datetime(f["granted_at"], join(where, "granted_at")),
    )


def _time_grant(data: object, where: str) -> TimeGrant:
    f = read_fields(data, where, {"day", "minutes", "granted_at"}, {"day", "minutes", "granted_at"})
    day_text = read_typed(f["day"], str, join(where, "day"), "a date like 2026-11-22")
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        raise PolicyError(
            join(where, "day"), f"{day_text!r} is not a date like 2026-11-22"
        ) from None
    minutes = read_minutes(f["minutes"], join(where, "minutes"))
    return TimeGrant(day, minutes, read_datetime(f["granted_at"], join(where, "granted_at")))


def child_from_dict(data: object, where: str = "child") -> ChildProfile:
    """A child profile from JSON-ready data."""
    known = {"name", "age_class", "accounts", "language", "birth_year", "rules"}
    f = read_fields(data, where, known, {"name", "age_class"})
    name = read_typed(f["name"], str, join(where, "name"), "text").strip()
    if not name:
        raise PolicyError(join(where, "name"), "a child needs a name")
    birth_year = f.get("birth_year")
    if birth_year is not None:
        birth_year = read_typed(birth_year, int, join(where, "birth_year"), "a year like 2014")
        if not 1900 <= birth_year <= 2200:
            raise PolicyError(
                join(where, "birth_year"), f"{birth_year} is not a plausible birth year"
            )
    return ChildProfile(
        name=name,
        age_class=read_choice(f["age_class"], AgeClass, join(where, "age_class")),
        accounts=read_strings(f.get("accounts", []), join(where, "accounts")),
        language=read_choice(f.get("language", "kk"), Language, join(where, "language")),
        birth_year=birth_year,
        rules=child_rules_from_dict(f.get("rules", {}), join(where, "rules")),
    )


def policy_from_dict(data: object) -> Policy:
    """A whole policy from JSON-ready data, checked for consistency between its parts."""
    known = {FORMAT_KEY, "mode", "children", "groups", "default_profile"}
    f = read_fields(data, "", known, {FORMAT_KEY})
    if type(f[FORMAT_KEY]) is not int or f[FORMAT_KEY] != FORMAT_VERSION:
        raise PolicyError(
            FORMAT_KEY,
            f"unsupported version {f[FORMAT_KEY]!r} (expected {FORMAT_VERSION})",
        )
    items = read_typed(f.get("children", []), list, "children", "a list of children")
    children = tuple(child_from_dict(c, join("children", i)) for i, c in enumerate(items))
    names = [child.name.casefold() for child in children]
    seen_accounts: set[str] = set()
    for i, child in enumerate(children):
        if names.index(child.name.casefold()) != i:
            raise PolicyError(join(join("children", i), "name"), f"{child.name!r} appears twice")
        for account in child.accounts:
            if account in seen_accounts:
                raise PolicyError(
                    join(join("children", i), "accounts"),
                    f"{account!r} belongs to two children",
                )
            seen_accounts.add(account)
    group_items = read_typed(f.get("groups", []), list, "groups", "a list of groups")
    groups = tuple(_group(g, join("groups", i), names) for i, g in enumerate(group_items))
    default = f.get("default_profile")
    if default is not None:
        default = read_typed(default, str, "default_profile", "the name of a child profile")
    if default is not None and default.casefold() not in names:
        raise PolicyError("default_profile", f"no child profile called {default!r}")
    return Policy(
        mode=read_choice(f.get("mode", "home"), Mode, "mode"),
        children=children,
        groups=groups,
        default_profile=default,
    )


def _group(data: object, where: str, profiles: list[str]) -> SchoolGroup:
    f = read_fields(data, where, {"name", "profile", "accounts"}, {"name", "profile"})
    profile = read_typed(f["profile"], str, join(where, "profile"), "text")
    if profile.casefold() not in profiles:
        raise PolicyError(join(where, "profile"), f"no child profile called {profile!r}")
    name = read_typed(f["name"], str, join(where, "name"), "text")
    return SchoolGroup(name, profile, read_strings(f.get("accounts", []), join(where, "accounts")))


def _day_to_dict(rules: DayRules) -> dict[str, object]:
    return {
        "allowed": [f"{clock_text(i.start)}-{clock_text(i.end)}" for i in rules.allowed],
        "allowance_minutes": rules.allowance_minutes,
        "bedtime": None
        if rules.bedtime is None
        else f"{clock_text(rules.bedtime.start)}-{clock_text(rules.bedtime.wake)}",
        "free": [f"{clock_text(i.start)}-{clock_text(i.end)}" for i in rules.free_intervals],
    }


def child_rules_to_dict(rules: ChildRules) -> dict[str, object]:
    """A child's rules as JSON-ready data that `child_rules_from_dict` reads back unchanged."""
    days = {day: _day_to_dict(rules.week[day]) for day in Weekday}
    same = all(d == days[Weekday.MON] for d in days.values())
    week = {"every_day": days[Weekday.MON]} if same else {DAY_KEYS[d]: v for d, v in days.items()}
    return {
        "allow": list(rules.allow),
        "deny": list(rules.deny),
        "categories": {str(k): str(v) for k, v in rules.category_overrides.items()},
        "whitelist_only": rules.whitelist_only,
        "safe_search": None if rules.safe_search is None else str(rules.safe_search),
        "week": week,
        "category_budgets": {str(k): v for k, v in rules.category_budgets.items()},
        "app_budgets": dict(rules.app_budgets),
        "blocked_apps": list(rules.blocked_apps),
        "free_apps": list(rules.free_apps),
        "site_grants": [
            {
                "host": g.host,
                "until": g.until.isoformat(),
                "granted_at": g.granted_at.isoformat(),
            }
            for g in rules.site_grants
        ],
        "time_grants": [
            {
                "day": g.day.isoformat(),
                "minutes": g.minutes,
                "granted_at": g.granted_at.isoformat(),
            }
            for g in rules.time_grants
        ],
    }


def child_to_dict(child: ChildProfile) -> dict[str, object]:
    return {
        "name": child.name,
        "age_class": str(child.age_class),
        "accounts": list(child.accounts),
        "language": str(child.language),
        "birth_year": child.birth_year,
        "rules": child_rules_to_dict(child.rules),
    }


def policy_to_dict(policy: Policy) -> dict[str, object]:
    """The whole policy as JSON-ready data, the format of `qorgan policy export`."""
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "mode": str(policy.mode),
        "default_profile": policy.default_profile,
        "children": [child_to_dict(child) for child in policy.children],
        "groups": [
            {"name": g.name, "profile": g.profile, "accounts": list(g.accounts)}
            for g in policy.groups
        ],
    }
