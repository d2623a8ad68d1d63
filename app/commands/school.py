"""`qorgan school`: silent lab setup with a signed policy, signing, the exam switch, updates."""

import argparse
import socket
from datetime import datetime
from pathlib import Path

from app.listsources import Fetcher
from app.paths import database_path
from app.school import central
from app.school.signing import SIGNATURE_SUFFIX, generate_key, load_private_key, sign
from app.school.summaries import write_summaries
from app.store import Store
from rules.school import ExamSwitch, SchoolError
from rules.text import Language


def add_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = commands.add_parser("school", help="set up a school lab PC and its exam mode")
    sub = parser.add_subparsers(dest="school_command", required=True)
    install = sub.add_parser("install", help="silent setup: pin the school's key, import a policy")
    install.add_argument("--policy", type=Path, required=True, help="school.json (and .sig)")
    install.add_argument("--public-key", required=True, help="base64 Ed25519 key or a PEM file")
    install.add_argument("--url", default=None, help="https:// address of the central policy")
    keygen = sub.add_parser("keygen", help="make the school's signing key (keep it off lab PCs)")
    keygen.add_argument("private_key", type=Path)
    signer = sub.add_parser("sign", help="sign school.json, writing school.json.sig")
    signer.add_argument("file", type=Path)
    signer.add_argument("--private-key", type=Path, required=True)
    exam = sub.add_parser("exam", help="hold exam mode on or off, or follow the timetable")
    exam.add_argument("switch", choices=[s.value for s in ExamSwitch])
    update = sub.add_parser("update", help="fetch the central policy now")
    status = sub.add_parser("status", help="the school policy in force and the last update")
    summaries = sub.add_parser("summaries", help="write this week's lab summaries to the share")
    summaries.add_argument("--share", type=Path, default=None, help="instead of the policy's")
    for timed in (install, exam, update, status, summaries):
        timed.add_argument("--at", type=datetime.fromisoformat, default=None, help="as if now")
    parser.set_defaults(handler=handle)


def handle(args: argparse.Namespace, data_dir: Path, language: Language) -> int:
    now: datetime = getattr(args, "at", None) or datetime.now()
    match args.school_command:
        case "keygen":
            print(generate_key(args.private_key))
            return 0
        case "sign":
            data = _read(args.file)
            target = args.file.with_name(args.file.name + SIGNATURE_SUFFIX)
            target.write_bytes(sign(data, load_private_key(args.private_key)))
            print(f"signed {args.file}: {target}")
            return 0
    with Store.open(database_path(data_dir)) as store:
        return _with_store(args, store, now)


def _with_store(args: argparse.Namespace, store: Store, now: datetime) -> int:
    match args.school_command:
        case "install":
            installed = central.install(store, args.policy, args.public_key, now, args.url)
            print(
                f"school policy {installed.serial} in force; every non-admin account is "
                f"a pupil of {installed.lab_profile!r}"
            )
        case "exam":
            central.set_exam(store, ExamSwitch(args.switch), now)
            print(f"exam mode: {args.switch}")
        case "update":
            changed = central.update(store, Fetcher(), now)
            in_force = central.document(store)
            serial = None if in_force is None else in_force.serial
            print(f"school policy {serial} in force" + ("" if changed else " (unchanged)"))
        case "status":
            _status(store, now)
        case _:
            document = central.document(store)
            share = args.share or (document.summary_share if document else None)
            if share is None:
                raise SchoolError("no share folder: give --share or summary_share in the policy")
            for path in write_summaries(store, Path(share), socket.gethostname(), now):
                print(path)
    return 0


def _status(store: Store, now: datetime) -> None:
    document = central.document(store)
    if document is None:
        print("not a school PC")
        return
    state = central.status(store)
    switch = central.exam_switch(store)
    print(f"serial\t{document.serial}")
    print(f"lab profile\t{document.lab_profile}")
    print(f"central URL\t{store.setting(central.URL) or '-'}")
    print(f"exam switch\t{switch}")
    print(f"exam now\t{'yes' if central.exam_now(store, now) else 'no'}")
    print(f"last check\t{state.checked_at.isoformat() if state.checked_at else '-'}")
    print(f"last error\t{state.error or '-'}")


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise SchoolError(f"{path}: cannot be read ({error.strerror})") from None
