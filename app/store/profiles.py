"""Children with their accounts and grants, and school groups: the policy as tables and back."""

import json
from dataclasses import replace

from sqlite_utils import Database

from app.store import grants
from app.store.errors import StoreError
from app.store.rows import Row, inserted_id
from app.store.settings import read_setting, write_setting
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, ChildRules, Mode, Policy, SchoolGroup, SiteGrant, TimeGrant
from rules.policy_io import child_rules_from_dict, child_rules_to_dict
from rules.text import Language


def _rules_json(child: ChildProfile) -> str:
    """The rules without grants (they have tables), checked to read back: else the child is lost."""
    data = child_rules_to_dict(replace(child.rules, site_grants=(), time_grants=()))
    text = json.dumps(data, ensure_ascii=False)
    child_rules_from_dict(json.loads(text), f"{child.name}.rules")
    return text


def _child_id(db: Database, name: str) -> int | None:
    row = db.execute("SELECT id FROM children WHERE name_key = ?", [name.casefold()]).fetchone()
    return None if row is None else int(row[0])


def _existing_child_id(db: Database, name: str) -> int:
    child_id = _child_id(db, name)
    if child_id is None:
        raise LookupError(f"no child called {name!r}")
    return child_id


def _check_accounts(db: Database, child: ChildProfile, own_id: int | None) -> None:
    if len(set(child.accounts)) != len(child.accounts):
        raise StoreError(f"{child.name} has the same account listed twice")
    for account in child.accounts:
        row = db.execute(
            "SELECT children.name FROM accounts JOIN children ON children.id = accounts.child_id"
            " WHERE accounts.account = ? AND accounts.child_id IS NOT ?",
            [account, own_id],
        ).fetchone()
        if row is not None:
            raise StoreError(f"the account {account!r} already belongs to {row[0]}")


def _write_accounts(db: Database, child_id: int, accounts: tuple[str, ...]) -> None:
    db.execute("DELETE FROM accounts WHERE child_id = ?", [child_id])
    for account in accounts:
        db.execute("INSERT INTO accounts (account, child_id) VALUES (?, ?)", [account, child_id])


def add_child(db: Database, child: ChildProfile) -> None:
    """A new child with their accounts and any grants their rules carry."""
    if not child.name.strip():
        raise StoreError("a child needs a name")
    with db.atomic():
        if _child_id(db, child.name) is not None:
            raise StoreError(f"there is already a child called {child.name}")
        _check_accounts(db, child, None)
        cursor = db.execute(
            "INSERT INTO children (name, name_key, age_class, language, birth_year, rules_json)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [
                child.name,
                child.name.casefold(),
                str(child.age_class),
                str(child.language),
                child.birth_year,
                _rules_json(child),
            ],
        )
        child_id = inserted_id(cursor)
        _write_accounts(db, child_id, child.accounts)
        for site_grant in child.rules.site_grants:
            grants.add_site_grant(db, child_id, site_grant)
        for time_grant in child.rules.time_grants:
            grants.add_time_grant(db, child_id, time_grant)


def update_child(db: Database, child: ChildProfile) -> None:
    """Everything but the grants, which change only by being given or by expiring.

    So a profile the console read a minute ago cannot take back a grant given since.
    """
    with db.atomic():
        child_id = _existing_child_id(db, child.name)
        _check_accounts(db, child, child_id)
        db.execute(
            "UPDATE children SET name = ?, age_class = ?, language = ?, birth_year = ?,"
            " rules_json = ? WHERE id = ?",
            [
                child.name,
                str(child.age_class),
                str(child.language),
                child.birth_year,
                _rules_json(child),
                child_id,
            ],
        )
        _write_accounts(db, child_id, child.accounts)


def _group_rows(db: Database) -> list[Row]:
    return list(db.query('SELECT name, profile, accounts_json FROM "groups" ORDER BY id'))


def remove_child(db: Database, name: str) -> None:
    """The child with their accounts and grants; refused while a group or the default uses them."""
    with db.atomic():
        child_id = _existing_child_id(db, name)
        for group in _group_rows(db):
            if group["profile"].casefold() == name.casefold():
                raise StoreError(f"the group {group['name']} still uses {name}'s rules")
        default = read_setting(db, "default_profile")
        if isinstance(default, str) and default.casefold() == name.casefold():
            raise StoreError(f"{name}'s rules are the default for other accounts")
        db.execute("DELETE FROM children WHERE id = ?", [child_id])


def _child_from_row(db: Database, row: Row) -> ChildProfile:
    child_id = row["id"]
    accounts = db.execute("SELECT account FROM accounts WHERE child_id = ? ORDER BY id", [child_id])
    rules: ChildRules = child_rules_from_dict(json.loads(row["rules_json"]), f"{row['name']}.rules")
    return ChildProfile(
        name=row["name"],
        age_class=AgeClass(row["age_class"]),
        accounts=tuple(str(account) for (account,) in accounts),
        language=Language(row["language"]),
        birth_year=row["birth_year"],
        rules=replace(
            rules,
            site_grants=grants.site_grants(db, child_id),
            time_grants=grants.time_grants(db, child_id),
        ),
    )


def child(db: Database, name: str) -> ChildProfile:
    """The child called `name` (any case), grants included; LookupError if there is none."""
    rows = list(db.query("SELECT * FROM children WHERE name_key = ?", [name.casefold()]))
    if not rows:
        raise LookupError(f"no child called {name!r}")
    return _child_from_row(db, rows[0])


def children(db: Database) -> list[ChildProfile]:
    """Every child, in the order they were added."""
    return [
        _child_from_row(db, row) for row in list(db.query("SELECT * FROM children ORDER BY id"))
    ]


def policy(db: Database) -> Policy:
    """Children, groups, mode and default profile, read in one snapshot."""
    with db.atomic():
        mode = read_setting(db, "mode", str(Mode.HOME))
        default = read_setting(db, "default_profile")
        groups = tuple(
            SchoolGroup(row["name"], row["profile"], tuple(json.loads(row["accounts_json"])))
            for row in _group_rows(db)
        )
        return Policy(
            mode=Mode(str(mode)),
            children=tuple(children(db)),
            groups=groups,
            default_profile=default if isinstance(default, str) else None,
        )


def replace_policy(db: Database, new: Policy) -> None:
    """Put `new` in place of the whole policy, grants included: all of it or, on error, nothing."""
    with db.atomic():
        db.execute("DELETE FROM children")  # accounts and grants go with them
        db.execute('DELETE FROM "groups"')
        for profile in new.children:
            add_child(db, profile)
        names: set[str] = set()
        for group in new.groups:
            if group.name in names:
                raise StoreError(f"there are two groups called {group.name}")
            names.add(group.name)
            if _child_id(db, group.profile) is None:
                raise StoreError(f"the group {group.name} uses {group.profile}, who is not there")
            db.execute(
                'INSERT INTO "groups" (name, profile, accounts_json) VALUES (?, ?, ?)',
                [group.name, group.profile, json.dumps(list(group.accounts), ensure_ascii=False)],
            )
        if new.default_profile is not None and _child_id(db, new.default_profile) is None:
            raise StoreError(f"the default profile {new.default_profile} is not there")
        write_setting(db, "mode", str(new.mode))
        write_setting(db, "default_profile", new.default_profile)


def add_site_grant(db: Database, name: str, grant: SiteGrant) -> None:
    """LookupError if there is no child called `name`."""
    grants.add_site_grant(db, _existing_child_id(db, name), grant)


def add_time_grant(db: Database, name: str, grant: TimeGrant) -> None:
    """LookupError if there is no child called `name`."""
    grants.add_time_grant(db, _existing_child_id(db, name), grant)
