"""Making a child's weekly report files: read the week, put it into words, write HTML and PDF."""

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from app.report.content import report_document
from app.report.data import history_days, weekly_report
from app.report.document import Document
from app.report.files import RenderError, report_path, write_html, write_pdf
from app.store import Store
from rules.policy import ChildProfile
from rules.report_mail import REPORT_BODY, REPORT_SUBJECT
from rules.report_model import WeeklyReport
from rules.report_schedule import ReportFormat
from rules.report_week import IsoWeek
from rules.report_words import date_range, duration
from rules.text import Language

logger = logging.getLogger(__name__)


def write_report(document: Document, report_format: ReportFormat, path: Path) -> Path:
    if report_format is ReportFormat.PDF:
        return write_pdf(document, path)
    return write_html(document, path)


def make_reports(
    store: Store,
    data_dir: Path,
    child: ChildProfile,
    week: IsoWeek,
    *,
    now: datetime,
    language: Language,
    formats: Iterable[ReportFormat],
) -> tuple[WeeklyReport, list[Path]]:
    """The report for the child's week as it stands at `now`, and its files in the reports folder.

    A PDF that fails is logged and left out: the HTML needs nothing but Python, so a parent
    gets at least that when Qt cannot print.
    """
    report = weekly_report(store, child, week, now)
    document = report_document(report, language, now, history_days(store))
    written = []
    for report_format in sorted(formats, key=lambda f: f is ReportFormat.PDF):
        path = report_path(data_dir, str(week), child.name, language.value, report_format.value)
        try:
            written.append(write_report(document, report_format, path))
        except (RenderError, OSError) as error:
            logger.error(
                "the %s report for %s, %s failed: %s", report_format, child.name, week, error
            )
    return report, written


def mail_text(report: WeeklyReport, language: Language) -> tuple[str, str]:
    """The report e-mail's subject and body, in the parent's language."""
    dates = date_range(report.week.monday, report.week.sunday, language)
    subject = REPORT_SUBJECT.format(child=report.child, dates=dates).get(language)
    body = REPORT_BODY.format(
        child=report.child,
        dates=dates,
        time=duration(report.totals.seconds, language),
        blocked=report.totals.blocked,
        alerts=report.totals.alerts,
    ).get(language)
    return subject, body
