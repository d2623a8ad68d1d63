"""Weeks with nothing in them: an unused PC, a stopped service, a week still going on."""

import subprocess
from datetime import datetime, timedelta
from pathlib import Path

from app.report.build import make_reports
from app.report.content import report_document
from app.report.data import RUNNING, weekly_report
from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile
from rules.records import Alert, AlertKind
from rules.report_schedule import ReportFormat
from rules.report_uptime import Span, spans_to_json
from rules.report_week import IsoWeek
from rules.text import Language

WEEK = IsoWeek(2026, 47)
SUNDAY_EVENING = datetime(2026, 11, 22, 19, 0)


def add_child(store: Store) -> ChildProfile:
    child = ChildProfile("Timur", AgeClass.SIX)
    store.add_child(child)
    return child


def test_a_week_with_no_records_says_so_instead_of_showing_zeros(
    store: Store, data_dir: Path
) -> None:
    child = add_child(store)
    report = weekly_report(store, child, WEEK, SUNDAY_EVENING)
    assert report.totals.seconds == report.totals.blocked == report.totals.recorded_days == 0
    assert len(report.missing_days) == 7
    text = report_document(report, Language.EN, SUNDAY_EVENING, 90).text()
    assert "Qorgan recorded nothing for 16–22 November 2026: either the PC was not used" in text
    assert "There were no alerts this week." in text
    assert "Nothing was blocked this week." in text
    assert "Your child asked for nothing this week." in text
    assert "Time at the PC\t0 min\tno data\t" in text  # no comparison with an unknown week
    _, paths = make_reports(
        store,
        data_dir,
        child,
        WEEK,
        now=SUNDAY_EVENING,
        language=Language.RU,
        formats=[ReportFormat.PDF, ReportFormat.HTML],
    )
    pdf = next(p for p in paths if p.suffix == ".pdf")
    said = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    assert "Qorgan ничего не записал" in " ".join(said.split())


def test_a_week_with_the_service_down_names_the_missing_days_and_the_alert(
    store: Store,
) -> None:
    child = add_child(store)
    running = [Span(datetime(2026, 11, 16, 8), datetime(2026, 11, 17, 20))]
    running.append(Span(datetime(2026, 11, 21, 9), SUNDAY_EVENING))
    store.set_setting(RUNNING, spans_to_json(running))
    store.add_alert(
        Alert(datetime(2026, 11, 17, 20, 1), None, AlertKind.PROTECTION_OFF, "service stopped")
    )
    report = weekly_report(store, child, WEEK, SUNDAY_EVENING)
    assert [d.day.day for d in report.days if d.recorded] == [16, 17, 21, 22]
    assert report.totals.seconds == 0 and report.totals.alerts == 1
    text = report_document(report, Language.KK, SUNDAY_EVENING, 90).text()
    assert "Мына күндерде дерек жоқ: Сәрсенбі 18, Бейсенбі 19, Жұма 20." in text
    assert "Қорғаныс өшірулі болды" in text and "service stopped" in text
    assert "BIOS" in text  # the advice for protection that was off
    assert "Дүйсенбі 16\t0 мин" in text  # a day the service ran and nobody used the PC


def test_a_week_still_going_on_leaves_the_days_to_come_blank(store: Store) -> None:
    child = add_child(store)
    wednesday = datetime(2026, 11, 18, 12, 0)
    store.set_setting(RUNNING, spans_to_json([Span(wednesday - timedelta(days=2), wednesday)]))
    report = weekly_report(store, child, WEEK, wednesday)
    assert report.missing_days == ()
    text = report_document(report, Language.EN, wednesday, 90).text()
    assert "The week is not over yet: records up to Wed 18 November, 12:00." in text
    assert "Thursday 19\t—\t—\t" in text and "not yet" in text
