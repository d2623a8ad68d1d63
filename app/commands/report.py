"""`qorgan report`: a child's weekly report (PDF, HTML) or a school group's summary (CSV, JSON)."""

import argparse
import sys
from datetime import datetime
from pathlib import Path

from app import messages as common
from app.paths import database_path
from app.report import messages
from app.report.build import write_report
from app.report.content import report_document
from app.report.data import history_days, parent_language, weekly_report
from app.report.delivery import deliveries
from app.report.files import RenderError, list_reports, report_path, summary_path, write_private
from app.report.school import SummaryFormat, group_summary, summary_bytes
from app.store import Store
from rules.report_delivery import DeliveryKind, DeliveryStatus
from rules.report_schedule import ReportFormat
from rules.report_week import IsoWeek, WeekError
from rules.text import Language


class ReportCommandError(ValueError):
    """One line for the person at the keyboard."""


def add_parser(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    parser = commands.add_parser(
        "report", help="make a child's weekly report or a school group's summary"
    )
    subject = parser.add_mutually_exclusive_group(required=True)
    subject.add_argument("--child", help="the child whose week to report")
    subject.add_argument("--group", help="the school group whose week to sum up")
    subject.add_argument("--list", action="store_true", help="list kept reports and unsent e-mail")
    parser.add_argument("--week", default=None, help="an ISO week such as 2026-W47 (default: now)")
    parser.add_argument("--format", choices=["pdf", "html", "csv", "json"], default=None)
    parser.add_argument("--output", default=None, help="a file (or - for csv and json)")
    parser.add_argument("--pupils", action="store_true", help="a group's summary per pupil too")
    parser.add_argument("--at", type=datetime.fromisoformat, default=None, help="as if now")
    parser.set_defaults(handler=handle)


def _week(text: str | None, now: datetime, language: Language) -> IsoWeek:
    try:
        week = IsoWeek.containing(now.date()) if text is None else IsoWeek.parse(text)
    except WeekError:
        raise ReportCommandError(messages.BAD_WEEK.format(text=text).get(language)) from None
    if week.start > now:
        raise ReportCommandError(messages.NOT_BEGUN.format(week=week).get(language))
    return week


def handle(args: argparse.Namespace, data_dir: Path, language: Language) -> int:
    now: datetime = args.at or datetime.now()
    with Store.open(database_path(data_dir)) as store:
        if args.list:
            return _list(store, data_dir, language)
        # The report speaks the parent's language unless --lang asks for another.
        speak = Language(args.lang) if args.lang else parent_language(store)
        week = _week(args.week, now, language)
        if args.group is not None:
            return _group(store, data_dir, args, week, now=now, speak=speak, language=language)
        if args.pupils:
            raise ReportCommandError(messages.PUPILS_FOR_GROUPS.get(language))
        if args.format not in {None, "pdf", "html"}:
            raise ReportCommandError(messages.CHILD_FORMATS.get(language))
        report_format = ReportFormat(args.format or "pdf")
        try:
            child = store.child(args.child)
        except LookupError:
            known = ", ".join(c.name for c in store.children()) or "-"
            text = common.UNKNOWN_CHILD.format(name=args.child, known=known)
            raise ReportCommandError(text.get(language)) from None
        report = weekly_report(store, child, week, now)
        document = report_document(report, speak, now, history_days(store))
        path = (
            Path(args.output)
            if args.output
            else report_path(data_dir, str(week), child.name, speak.value, report_format.value)
        )
        try:
            write_report(document, report_format, path)
        except RenderError as error:
            raise ReportCommandError(
                messages.PDF_FAILED.format(error=error).get(language)
            ) from None
    print(messages.WRITTEN.format(path=path).get(language))
    return 0


def _group(
    store: Store,
    data_dir: Path,
    args: argparse.Namespace,
    week: IsoWeek,
    *,
    now: datetime,
    speak: Language,
    language: Language,
) -> int:
    if args.format not in {"csv", "json"}:
        raise ReportCommandError(messages.GROUP_FORMATS.get(language))
    summary_format = SummaryFormat(args.format)
    try:
        summary = group_summary(store, args.group, week, now, pupils=args.pupils)
    except LookupError:
        known = ", ".join(g.name for g in store.policy().groups) or "-"
        text = messages.UNKNOWN_GROUP.format(name=args.group, known=known)
        raise ReportCommandError(text.get(language)) from None
    data = summary_bytes(summary, summary_format, speak)
    if args.output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return 0
    path = (
        Path(args.output)
        if args.output
        else summary_path(data_dir, str(week), summary.group, summary_format.value)
    )
    write_private(path, data)
    print(messages.WRITTEN.format(path=path).get(language))
    return 0


def _list(store: Store, data_dir: Path, language: Language) -> int:
    files = list_reports(data_dir)
    for item in files:
        print(f"{item.week}\t{item.subject}\t{item.language or '-'}\t{item.format}\t{item.path}")
    if not files:
        print(messages.NO_REPORTS.get(language))
    for delivery in deliveries(store):
        what = (
            messages.ALERTS_MAIL.get(language)
            if delivery.kind is DeliveryKind.ALERTS
            else f"{delivery.week} {delivery.child}"
        )
        line = (
            messages.FAILED_MAIL
            if delivery.status is DeliveryStatus.FAILED
            else messages.WAITING_MAIL
        )
        text = line.format(
            id=delivery.id, what=what, tries=delivery.attempts, error=delivery.last_error or "-"
        )
        print(text.get(language))
    return 0
