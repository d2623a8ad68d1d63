"""The weekly report put into words and charts, in the parent's language."""

from datetime import datetime, timedelta

from app.report import charts, sections
from app.report.document import Block, Chart, Document, Paragraph, Section, Table, Tone
from rules import report_text as t
from rules.report_advice import PRIVACY_NOTE
from rules.report_model import DayTime, WeeklyReport
from rules.report_words import (
    HOURS,
    count_change,
    date_range,
    day_and_time,
    duration,
    duration_change,
    weekday,
)
from rules.text import Language, Text


def report_document(
    report: WeeklyReport, language: Language, made_at: datetime, retention_days: int
) -> Document:
    """Everything the weekly report shows, most important first: the week, then alerts."""
    say = language
    week = report.week
    subtitle = [
        t.PERIOD.format(
            dates=date_range(week.monday, week.sunday, say), week=week, age_class=report.age_class
        ).get(say)
    ]
    if report.until < week.end:
        subtitle.append(t.SO_FAR.format(moment=day_and_time(report.until, say)).get(say))
    subtitle.append(t.MADE.format(moment=day_and_time(made_at, say)).get(say))
    return Document(
        language=language,
        title=t.TITLE.format(child=report.child).get(say),
        subtitle=tuple(subtitle),
        notes=_notes(report, say, made_at, retention_days),
        sections=(
            Section(t.H_SUMMARY.get(say), (_summary(report, say),)),
            Section(t.H_DAYS.get(say), _days(report, say)),
            Section(t.H_ALERTS.get(say), sections.alerts(report, say)),
            Section(t.H_BLOCKED.get(say), sections.blocked(report, say)),
            Section(t.H_APPS.get(say), sections.apps(report, say)),
            Section(t.H_CATEGORIES.get(say), sections.categories(report, say)),
            Section(t.H_SITES.get(say), sections.sites(report, say)),
            Section(t.H_REQUESTS.get(say), sections.requests(report, say)),
            Section(t.H_HELP.get(say), (sections.help_contacts(say),)),
            Section(
                t.H_PRIVACY.get(say),
                (Paragraph(PRIVACY_NOTE.format(days=retention_days).get(say), Tone.MUTED),),
            ),
        ),
    )


def _notes(
    report: WeeklyReport, say: Language, made_at: datetime, retention_days: int
) -> tuple[Paragraph, ...]:
    notes = []
    elapsed = [day for day in report.days if day.elapsed]
    missing = report.missing_days
    if elapsed and len(missing) == len(elapsed):
        dates = date_range(elapsed[0].day, elapsed[-1].day, say)
        notes.append(Paragraph(t.NOTHING_RECORDED.format(dates=dates).get(say), Tone.WARNING))
    elif missing:
        days = ", ".join(f"{weekday(d, say)} {d.day}" for d in missing)
        notes.append(Paragraph(t.MISSING_DAYS.format(days=days).get(say), Tone.WARNING))
    if report.week.start < made_at - timedelta(days=retention_days):
        notes.append(Paragraph(t.BEYOND_RETENTION.format(days=retention_days).get(say), Tone.NOTE))
    return tuple(notes)


def _summary(report: WeeklyReport, say: Language) -> Table:
    now, before = report.totals, report.previous
    known = before.recorded_days > 0
    no_data = t.NO_DATA.get(say)

    def row(label: Text, value: int, old: int, as_time: bool) -> tuple[str, ...]:
        shown = duration(value, say) if as_time else str(value)
        if not known:
            return (label.get(say), shown, no_data, "")
        old_shown = duration(old, say) if as_time else str(old)
        change = duration_change(value - old, say) if as_time else count_change(value - old, say)
        return (label.get(say), shown, old_shown, change)

    return Table(
        header=("", t.THIS_WEEK.get(say), t.WEEK_BEFORE.get(say), t.CHANGE.get(say)),
        rows=(
            row(t.TIME_AT_PC, now.seconds, before.seconds, as_time=True),
            row(t.COUNTED, now.counted_seconds, before.counted_seconds, as_time=True),
            row(t.DAYS_OVER, now.days_over_limit, before.days_over_limit, as_time=False),
            row(t.BLOCKED, now.blocked, before.blocked, as_time=False),
            row(t.ALERTS, now.alerts, before.alerts, as_time=False),
            row(t.REQUESTS, now.requests, before.requests, as_time=False),
            (
                t.DAYS_RECORDED.get(say),
                f"{now.recorded_days} / 7",
                f"{before.recorded_days} / 7" if known else no_data,
                "",
            ),
        ),
        numeric=frozenset({1, 2, 3}),
    )


def _day_state(day: DayTime) -> str:
    if not day.elapsed:
        return "future"
    return "" if day.recorded else "missing"


def _days(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    bars = [
        charts.DayBar(
            label=f"{weekday(d.day, say, short=True)} {d.day.day}",
            counted=d.counted_seconds // 60 if d.recorded else None,
            free=d.free_seconds // 60,
            limit=d.limit_minutes,
            over=d.over_limit,
            state=_day_state(d),
        )
        for d in report.days
    ]
    legend = charts.Legend(
        t.COUNTED_TIME.get(say),
        t.OVER_LIMIT.get(say),
        t.FREE.get(say),
        t.LIMIT.get(say),
        t.NO_DATA.get(say),
    )
    title = t.H_DAYS.get(say)
    svg = charts.day_chart(bars, legend, HOURS.get(say), title)
    rows = []
    for d in report.days:
        status = {"future": t.NOT_YET, "missing": t.NO_DATA}.get(_day_state(d))
        if status is None and d.over_limit:
            status = t.OVER_LIMIT
        limit = (
            t.NO_LIMIT.get(say) if d.limit_minutes is None else duration(d.limit_minutes * 60, say)
        )
        used = duration(d.seconds, say) if d.recorded else "—"
        free = duration(d.free_seconds, say) if d.free_seconds else "—"
        rows.append(
            (
                f"{weekday(d.day, say)} {d.day.day}",
                used,
                free,
                limit,
                status.get(say) if status else "",
            )
        )
    table = Table(
        header=(t.DAY.get(say), t.USED.get(say), t.FREE.get(say), t.LIMIT.get(say), ""),
        rows=tuple(rows),
        numeric=frozenset({1, 2, 3}),
        highlighted=frozenset(i for i, d in enumerate(report.days) if d.over_limit),
    )
    description = "; ".join(f"{row[0]}: {row[1]}" for row in rows)
    chart = Chart("days", svg, charts.WIDTH, charts.DAY_CHART_HEIGHT, description)
    return chart, table, Paragraph(t.LIMITS_NOTE.get(say), Tone.MUTED)
