"""`qorgan lists`: import a list file, add, update and remove sources, sign lists, show status."""

import argparse
import base64
import os
import re
import sys
from datetime import datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.commands import lists_text as say
from app.listcompile import DOMAIN_KINDS, ListCompileError, compiled_meta
from app.listsources import (
    NATIONAL_KINDS,
    SIGNATURE_SUFFIX,
    Fetcher,
    SourceOptions,
    is_due,
    read_public_key,
    read_sha256,
    save_source,
    source_options,
)
from app.listupdate import ListUpdater, SourceResult
from app.paths import assets_dir, database_path, national_list_path
from app.store import Store
from rules.categories import Category
from rules.listfile import SHOWN_INVALID
from rules.records import ListKind, ListSource
from rules.text import Language
from rules.ut1 import parse_category_map

KINDS = [kind.value for kind in ListKind if kind is not ListKind.PHRASES]
_NAME = re.compile(r"[^a-z0-9_.-]+")


def add_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    lists = commands.add_parser("lists", help="import, update and inspect block and category lists")
    lists.set_defaults(handler=handle)
    actions = lists.add_subparsers(dest="lists_command", required=True)
    actions.add_parser("status", help="list sources, their provenance and the compiled lists")

    imported = actions.add_parser("import", help="import a list file or a UT1 folder now")
    imported.add_argument("file", type=Path)
    _source_options(imported)
    imported.add_argument("--name", help="the source's name (default: from the file)")

    added = actions.add_parser("add", help="add or change a source fetched by `lists update`")
    added.add_argument("name")
    where = added.add_mutually_exclusive_group(required=True)
    where.add_argument("--url", help="an https:// address")
    where.add_argument("--path", type=Path, help="a file or UT1 folder on this PC")
    added.add_argument("--schedule-hours", type=int, default=24)
    _source_options(added)

    removed = actions.add_parser(
        "remove", help="remove a list source; its entries leave the compiled lists now"
    )
    removed.add_argument("name")

    update = actions.add_parser("update", help="fetch, verify and compile sources that are due")
    update.add_argument("names", nargs="*", help="only these sources (default: those due)")
    update.add_argument("--all", action="store_true", help="every source, due or not")

    keygen = actions.add_parser("keygen", help="make an Ed25519 key pair for signing lists")
    keygen.add_argument("key", type=Path, help="where to write the private key (PEM)")
    sign = actions.add_parser("sign", help="write FILE.sig, an Ed25519 signature of FILE")
    sign.add_argument("file", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="the private key (PEM)")


def _source_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", required=True, choices=KINDS)
    parser.add_argument("--category", choices=[c.value for c in Category])
    parser.add_argument(
        "--map", action="append", default=[], metavar="UT1NAME=CATEGORY", help="UT1 mapping"
    )
    parser.add_argument("--public-key", help="Ed25519 public key (base64 or a PEM file)")
    parser.add_argument("--sha256", help="pin the file's SHA-256")
    parser.add_argument("--signature", help="where the signature is (default: FILE.sig)")


def handle(args: argparse.Namespace, data_dir: Path, language: Language) -> int:
    lists_dir = national_list_path(data_dir).parent
    match args.lists_command:
        case "keygen":
            return _keygen(args.key, language)
        case "sign":
            return _sign(args.file, args.key, language)
    with Store.open(database_path(data_dir)) as store:
        match args.lists_command:
            case "status":
                return _status(store, lists_dir, language)
            case "add":
                source, options = _configured(
                    store, args, args.name, args.url or str(args.path.resolve()), language
                )
                save_source(store, source, options)
                print(say.SOURCE_SAVED.format(name=source.name).get(language))
                return 0
            case "import":
                location = str(args.file.resolve())
                name = args.name or _default_name(args.kind, args.file)
                source, options = _configured(store, args, name, location, language)
                return _run(store, lists_dir, [source], {name: options}, language)
            case "remove":
                return _remove(store, lists_dir, args.name, language)
            case _:
                return _update(store, lists_dir, args.names, args.all, language)


def _default_name(kind: str, file: Path) -> str:
    if kind == ListKind.NATIONAL:
        return ListKind.NATIONAL.value
    return _NAME.sub("-", file.name.lower().split(".")[0]).strip("-") or kind


def _configured(
    store: Store, args: argparse.Namespace, name: str, location: str, language: Language
) -> tuple[ListSource, SourceOptions]:
    """The source as given on the command line, keeping what the store knows of it already."""
    kind = ListKind(args.kind)
    known = {source.name: source for source in store.list_sources()}.get(name)
    category = Category(args.category) if args.category else None
    if category is None and known is not None and known.kind is kind:
        category = known.category
    if kind in DOMAIN_KINDS and category is None:
        raise ValueError(say.NEEDS_CATEGORY.format(kind=kind).get(language))
    public_key = read_public_key(args.public_key) if args.public_key else None
    sha256 = read_sha256(args.sha256) if args.sha256 else None
    if known is not None and public_key is None and sha256 is None:
        public_key, sha256 = known.public_key, known.sha256
    previous = source_options(store, name)
    mapping = {**previous.category_map, **parse_category_map(args.map)}
    source = ListSource(
        name=name,
        kind=kind,
        location=location,
        category=category,
        schedule_hours=getattr(args, "schedule_hours", None)
        or (known.schedule_hours if known else 24),
        sha256=sha256,
        public_key=public_key,
        entries=known.entries if known else 0,
        updated_at=known.updated_at if known else None,
        signature_status=known.signature_status if known else "unverified",
    )
    return source, SourceOptions(mapping, args.signature or previous.signature)


def _update(
    store: Store, lists_dir: Path, names: list[str], every: bool, language: Language
) -> int:
    sources = store.list_sources()
    known = {source.name: source for source in sources}
    for name in names:
        if name not in known:
            text = say.UNKNOWN_SOURCE.format(name=name, known=", ".join(known) or "-")
            raise ValueError(text.get(language))
    now = datetime.now()
    chosen = [known[n] for n in names] if names else [s for s in sources if every or is_due(s, now)]
    if not chosen:
        print(say.NOTHING_DUE.get(language))
        return 0
    options = {source.name: source_options(store, source.name) for source in chosen}
    return _run(store, lists_dir, chosen, options, language)


def _remove(store: Store, lists_dir: Path, name: str, language: Language) -> int:
    known = {source.name: source for source in store.list_sources()}
    source = known.get(name)
    if source is None:
        text = say.UNKNOWN_SOURCE.format(name=name, known=", ".join(known) or "-")
        raise ValueError(text.get(language))
    if source.kind in NATIONAL_KINDS:
        raise ValueError(say.NATIONAL_NOT_REMOVABLE.format(name=name).get(language))
    starter = assets_dir() / "lists" / "starter"
    updater = ListUpdater(store, lists_dir, Fetcher(), datetime.now(), starter)
    updater.remove(name)
    meta = compiled_meta(lists_dir)
    keys = meta["keys"] if meta is not None else 0
    print(say.REMOVED.format(name=name, entries=source.entries, keys=keys).get(language))
    return 0


def _run(
    store: Store,
    lists_dir: Path,
    sources: list[ListSource],
    options: dict[str, SourceOptions],
    language: Language,
) -> int:
    starter = assets_dir() / "lists" / "starter"
    updater = ListUpdater(store, lists_dir, Fetcher(), datetime.now(), starter)
    results = updater.update(sources, options)
    for result in results:
        _show(result, language)
    return 2 if any(result.error for result in results) else 0


def _show(result: SourceResult, language: Language) -> None:
    name = result.source.name
    if result.error is not None:
        text = say.REFUSED.format(name=name, error=result.error).get(language)
        print(f"qorgan: {text}", file=sys.stderr)
        return
    if result.report is None:
        print(say.UNCHANGED.format(name=name).get(language))
        return
    report = result.report
    signature = say.SIGNATURES.get(result.source.signature_status, say.SIGNATURES["unverified"])
    print(
        say.REPORT.format(
            name=name,
            accepted=report.accepted,
            duplicates=report.duplicates,
            invalid=report.invalid_count,
            unsupported=report.unsupported,
            signature=signature.get(language),
        ).get(language)
    )
    for line in report.invalid[:SHOWN_INVALID]:
        print(say.INVALID_LINE.format(line=line.number, problem=line.problem).get(language))
    if report.invalid_count > SHOWN_INVALID:
        more = report.invalid_count - SHOWN_INVALID
        print(say.MORE_INVALID.format(count=more).get(language))
    if len(result.notes) == 2:
        used, skipped = result.notes
        print(say.UT1_USED.format(names=used or "-").get(language))
        print(say.UT1_SKIPPED.format(names=skipped or "-").get(language))


def _status(store: Store, lists_dir: Path, language: Language) -> int:
    sources = store.list_sources()
    if not sources:
        print(say.NO_SOURCES.get(language))
    for source in sources:
        updated = source.updated_at.isoformat(timespec="minutes") if source.updated_at else None
        signature = say.SIGNATURES.get(source.signature_status, say.SIGNATURES["unverified"])
        print(
            say.STATUS_LINE.format(
                name=source.name,
                kind=source.kind,
                entries=source.entries,
                updated=updated or say.NEVER.get(language),
                signature=signature.get(language),
                location=source.location,
            ).get(language)
        )
    try:
        meta = compiled_meta(lists_dir)
    except ListCompileError as error:
        raise ValueError(str(error)) from None
    if meta is None:
        print(say.NOT_COMPILED.get(language))
    else:
        text = say.COMPILED.format(
            keys=meta["keys"], entries=meta["entries"], built=meta["built_at"]
        )
        print(text.get(language))
    return 0


def _keygen(path: Path, language: Language) -> int:
    if path.exists():
        raise ValueError(say.FILE_EXISTS.format(path=path).get(language))
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(pem)
    public = key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    text = say.KEY_WRITTEN.format(path=path, key=base64.b64encode(public).decode())
    print(text.get(language))
    return 0


def _sign(file: Path, key_path: Path, language: Language) -> int:
    try:
        key = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(say.NOT_A_KEY.format(path=key_path).get(language))
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ValueError(f"{file}: cannot be read ({error})") from None
    target = file.with_name(file.name + SIGNATURE_SUFFIX)
    target.write_text(base64.b64encode(key.sign(data)).decode() + "\n", encoding="ascii")
    print(say.SIGNED.format(path=target).get(language))
    return 0
