"""The `qorgan` command: set up, add children, check a URL, move policies, run the demo."""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from app import messages
from app.commands import firewall as firewall_command
from app.commands import lists as lists_command
from app.commands import report as report_command
from app.commands import school as school_command
from app.jsonfile import read_json
from app.lists import ListFileError, load_lists
from app.paths import assets_dir, database_path, default_data_dir, national_list_path
from app.service.budgets import current_flags
from app.service.demo import run_demo, seed_demo
from app.service.screentime_store import RUN_DIR
from app.store import Store, StoreError
from rules.ageclass import AgeClass
from rules.decide import ChildFilter, RequestContext, WebRequest, decide_request
from rules.explain import explain
from rules.policy import ChildProfile
from rules.policy_io import policy_from_dict, policy_to_dict
from rules.screentime_state import STATE_NAME
from rules.text import Language
from rules.urls import normalize_url


class CommandError(Exception):
    """A problem to report in one line, with nothing written."""


type CommandHandler = Callable[[argparse.Namespace, Path, Language], int]


class CommandModule(Protocol):
    """A module that adds a command: its parser sets `handler` with `set_defaults`.

    The handler raises a ValueError (or CommandError) whose text is the one line to show.
    """

    def add_parser(self, commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
        """Add the command's parser to `commands`."""
        ...


# Commands that live in their own modules: each adds its parser and handler.
COMMAND_MODULES: list[CommandModule] = [
    firewall_command,
    lists_command,
    report_command,
    school_command,
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="qorgan", description="Qorgan parental control")
    parser.add_argument("--data-dir", type=Path, default=None, help="where Qorgan keeps its data")
    parser.add_argument("--lang", choices=[lang.value for lang in Language], default=None)
    commands = parser.add_subparsers(dest="command", required=True)

    init = commands.add_parser("init", help="create the data folder and the database")
    init.add_argument("--demo", action="store_true", help="also add a sample 12+ child")

    child = commands.add_parser("child", help="manage children").add_subparsers(
        dest="child_command", required=True
    )
    add = child.add_parser("add", help="add a child")
    add.add_argument("name")
    add.add_argument("--age-class", required=True, choices=[c.value for c in AgeClass])
    add.add_argument("--account", action="append", default=[], help="the child's OS account")
    add.add_argument("--language", choices=[lang.value for lang in Language], default="kk")
    add.add_argument("--birth-year", type=int, default=None)
    child.add_parser("list", help="list children")

    check = commands.add_parser("check", help="explain what happens to a URL for a child")
    check.add_argument("url")
    check.add_argument("--child", required=True)
    check.add_argument("--at", type=datetime.fromisoformat, default=None, help="local time")

    policy = commands.add_parser("policy", help="export or import the policy").add_subparsers(
        dest="policy_command", required=True
    )
    policy.add_parser("export").add_argument("file", help="a JSON file, or - for the screen")
    policy.add_parser("import").add_argument("file", help="a JSON file written by export")

    run = commands.add_parser("run", help="run Qorgan's service and proxy")
    run.add_argument("--demo", action="store_true", help="as the current user, on 127.0.0.1")
    run.add_argument("--port", type=int, default=8080)
    run.add_argument("--no-console", action="store_true")
    for module in COMMAND_MODULES:
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    language = Language(args.lang) if args.lang else messages.language_from_environment()
    data_dir: Path = args.data_dir or default_data_dir()
    try:
        return _dispatch(args, data_dir, language)
    except (CommandError, StoreError, ListFileError, ValueError) as error:
        print(f"qorgan: {messages.ERROR.get(language)}: {error}", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace, data_dir: Path, language: Language) -> int:
    handler: CommandHandler | None = getattr(args, "handler", None)
    if handler is not None:
        return handler(args, data_dir, language)
    match args.command:
        case "init":
            store = Store.open(database_path(data_dir))
            if args.demo:
                seed_demo(store, data_dir)
            print(messages.INITIALISED.format(path=data_dir).get(language))
        case "child" if args.child_command == "add":
            profile = ChildProfile(
                name=args.name.strip(),
                age_class=AgeClass(args.age_class),
                accounts=tuple(args.account),
                language=Language(args.language),
                birth_year=args.birth_year,
            )
            Store.open(database_path(data_dir)).add_child(profile)
            accounts = ", ".join(profile.accounts) or messages.NO_ACCOUNTS.get(language)
            text = messages.CHILD_ADDED.format(
                name=profile.name, age_class=profile.age_class, accounts=accounts
            )
            print(text.get(language))
        case "child":
            children = Store.open(database_path(data_dir)).children()
            for child in children:
                print(f"{child.name}\t{child.age_class}\t{','.join(child.accounts)}")
            if not children:
                print(messages.NO_CHILDREN.get(language))
        case "check":
            return check(args.url, args.child, args.at, data_dir, language)
        case "policy" if args.policy_command == "export":
            export_policy(Store.open(database_path(data_dir)), args.file, language)
        case "policy":
            import_policy(Store.open(database_path(data_dir)), Path(args.file), language)
        case "run":
            if not args.demo:
                raise CommandError(messages.SERVICE_NEEDS_INSTALL.get(language))
            return run_demo(data_dir, language, port=args.port, console=not args.no_console)
    return 0


def check(url_text: str, name: str, at: datetime | None, data_dir: Path, language: Language) -> int:
    """Print the decision for a URL and its reason; exit 0 allowed, 1 blocked.

    Asked about now (no `at`), spent screen-time budgets count as they do in the proxy.
    """
    store = Store.open(database_path(data_dir))
    policy = store.policy()
    try:
        child = policy.child(name)
    except LookupError:
        known = ", ".join(c.name for c in policy.children) or "-"
        text = messages.UNKNOWN_CHILD.format(name=name, known=known)
        raise CommandError(text.get(language)) from None
    url = normalize_url(url_text)
    loaded = load_lists(assets_dir(), national_list_path(data_dir))
    if at is None:
        flags = current_flags(data_dir / RUN_DIR / STATE_NAME, child.name)
        context = RequestContext(
            now=datetime.now(),
            day_used_up=flags.day_used_up,
            used_up_categories=flags.used_up_categories,
        )
    else:
        context = RequestContext(now=at)
    decision = decide_request(WebRequest(url), ChildFilter(child), loaded.lists, context)
    header = messages.CHECKED_FOR.format(url=url, name=child.name, age_class=child.age_class)
    print(header.get(language))
    for line in explain(decision, child.age_class, language):
        print(line)
    return 1 if decision.blocked else 0


def export_policy(store: Store, file: str, language: Language) -> None:
    text = json.dumps(policy_to_dict(store.policy()), ensure_ascii=False, indent=2) + "\n"
    if file == "-":
        sys.stdout.write(text)
        return
    path = Path(file)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    print(messages.POLICY_EXPORTED.format(path=path).get(language))


def import_policy(store: Store, path: Path, language: Language) -> None:
    data = read_json(path)  # a JsonFileError is a ValueError: main shows its one line
    try:
        policy = policy_from_dict(data)
    except ValueError as error:
        raise CommandError(f"{path}: {error}") from None
    store.replace_policy(policy)
    text = messages.POLICY_IMPORTED.format(children=len(policy.children), groups=len(policy.groups))
    print(text.get(language))
