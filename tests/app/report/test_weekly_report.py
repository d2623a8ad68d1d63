"""The weekly report built from a seeded SQLite store: the totals, and what the HTML says."""

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from app.report.build import mail_text, make_reports
from app.report.content import report_document
from app.report.data import history_days, parent_language, weekly_report
from app.report.html import to_html, to_qt_html
from app.store import Store
from rules.decision import Step
from rules.records import AlertKind, ChildRequest, RequestKind, RequestStatus, Usage
from rules.report_schedule import ReportFormat
from rules.report_week import IsoWeek
from rules.text import Language
from tests.app.report import seed

WEEK = IsoWeek.parse(seed.WEEK)


def test_totals_match_the_records_in_the_database(seeded: Store) -> None:
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, seed.MADE_AT)
    totals = report.totals
    assert totals.seconds == seed.TOTAL_SECONDS == 35800
    assert totals.counted_seconds == seed.COUNTED_SECONDS
    assert totals.days_over_limit == seed.DAYS_OVER
    assert totals.blocked == seed.BLOCKED_TOTAL
    assert totals.alerts == seed.ALERTS_TOTAL
    assert totals.requests == len(seed.REQUESTS)
    assert totals.recorded_days == 6
    assert report.missing_days == (seed.MONDAY + timedelta(days=2),)
    # Checked against SQL over the same table, not only against the seed's arithmetic:
    rows = seeded.db.execute(
        "SELECT sum(seconds) FROM usage WHERE child = ? AND day BETWEEN ? AND ?",
        [seed.CHILD, WEEK.monday.isoformat(), WEEK.sunday.isoformat()],
    ).fetchone()
    assert rows[0] == totals.seconds
    blocked = seeded.db.execute(
        "SELECT count(*) FROM decision_events WHERE verdict = 'block' AND at >= ? AND at < ?",
        [WEEK.start.isoformat(), WEEK.end.isoformat()],
    ).fetchone()
    assert blocked[0] == totals.blocked
    assert sum(s.requests for s in report.sites) == seed.ALLOWED_TOTAL
    assert [(d.day.day, d.counted_seconds // 60, d.limit_minutes) for d in report.days] == [
        (16, 90, 120),
        (17, 140, 120),
        (18, 0, 120),
        (19, 40, 120),
        (20, 76, 120),
        (21, 180, 210),  # Saturday: 180 and a 30-minute bonus
        (22, 20, 180),
    ]


def test_the_week_before_is_compared(seeded: Store) -> None:
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, seed.MADE_AT)
    previous = report.previous
    assert previous.seconds == seed.PREVIOUS_SECONDS
    assert (previous.blocked, previous.alerts, previous.requests) == (seed.PREVIOUS_BLOCKED, 1, 1)


def test_blocks_alerts_and_requests_are_listed(seeded: Store) -> None:
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, seed.MADE_AT)
    assert [(g.step, g.attempts) for g in report.blocked][:2] == [
        (Step.CATEGORY, 3),
        (Step.NATIONAL_LIST, 2),
    ]
    assert [g.kind for g in report.alerts] == [
        AlertKind.SELF_HARM,
        AlertKind.BYPASS_ATTEMPT,
        AlertKind.CLOCK_CHANGE,
        AlertKind.PROTECTION_OFF,
    ]
    assert [r.status for r in report.requests] == [
        RequestStatus.APPROVED,
        RequestStatus.DECLINED,
        RequestStatus.PENDING,
    ]


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            Language.KK,
            ["Апталық есеп: Аружан", "9 сағ 56 мин", "+1 сағ 36 мин", "Сәрсенбі 18", "150"],
        ),
        (
            Language.RU,
            ["Недельный отчёт: Аружан", "9 ч 56 мин", "+1 ч 36 мин", "Среда 18", "150"],
        ),
        (Language.EN, ["Weekly report: Аружан", "9 h 56 min", "+1 h 36 min", "Wednesday 18"]),
    ],
)
def test_the_document_says_the_totals_in_the_parents_language(
    seeded: Store, language: Language, phrases: list[str]
) -> None:
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, seed.MADE_AT)
    text = report_document(report, language, seed.MADE_AT, 90).text()
    for phrase in phrases:
        assert phrase in text
    assert "youtube.com\t" in text and "\t8\t2" in text  # 5 + 3 requests on two days


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.links += [v or "" for k, v in attrs if k in {"src", "href", "xlink:href"}]


def test_the_html_is_one_self_contained_file(seeded: Store, data_dir: Path) -> None:
    child = seeded.child(seed.CHILD)
    _, paths = make_reports(
        seeded,
        data_dir,
        child,
        WEEK,
        now=seed.MADE_AT,
        language=Language.RU,
        formats=[ReportFormat.HTML],
    )
    assert [p.name for p in paths] == ["2026-W47-Аружан-ru.html"]
    assert paths[0].stat().st_mode & 0o077 == 0  # only the owner may read what a child did
    html = paths[0].read_text(encoding="utf-8")
    page = _Page()
    page.feed(html)
    assert page.links == []
    assert not page.tags & {"script", "link", "iframe", "img", "object"}
    assert "Content-Security-Policy" in html and '<html lang="ru">' in html
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    charts = re.findall(r"<svg.*?</svg>", html, flags=re.S)
    assert len(charts) == 2
    for chart in charts:
        ET.fromstring(chart)  # well-formed
    assert "9 ч 56 мин" in html


def test_text_from_the_child_is_escaped(seeded: Store) -> None:
    child = seeded.child(seed.CHILD)
    seeded.add_usage(Usage(seed.CHILD, seed.MONDAY, "<script>alert(1)</script>", 60))
    seeded.add_request(
        ChildRequest(seed.CHILD, RequestKind.SITE, seed.day(2, 9), host="a.kz", message="<b>&</b>")
    )
    report = weekly_report(seeded, child, WEEK, seed.MADE_AT)
    document = report_document(report, Language.EN, seed.MADE_AT, 90)
    for html in (to_html(document), to_qt_html(document)[0]):
        assert "<script>" not in html and "<b>&</b>" not in html
        assert "&lt;script&gt;" in html and "&lt;b&gt;&amp;&lt;/b&gt;" in html


def test_the_parents_language_comes_from_the_setting(store: Store) -> None:
    assert parent_language(store) is Language.KK
    store.set_setting("language", "ru")
    assert parent_language(store) is Language.RU
    store.set_setting("language", "fr")
    assert parent_language(store) is Language.KK
    store.set_setting("retention_days", "forever")
    assert history_days(store) == 90


def test_the_mail_text_in_the_parents_language(seeded: Store) -> None:
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, seed.MADE_AT)
    subject, body = mail_text(report, Language.RU)
    assert subject == "Qorgan: недельный отчёт о ребёнке Аружан, 16–22 ноября 2026 г."
    assert "9 ч 56 мин" in body and "заблокированных запросов 10" in body


def test_an_old_week_says_history_may_be_missing(seeded: Store) -> None:
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, datetime(2027, 6, 1))
    text = report_document(report, Language.EN, datetime(2027, 6, 1), 90).text()
    assert "Qorgan keeps history for 90 days" in text
