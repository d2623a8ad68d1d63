"""The weekly report's sections beyond time per day: alerts, blocks, apps, sites, requests, help."""

from app.report import charts
from app.report.document import Block, Callout, Chart, Paragraph, Table, Tone
from rules import report_text as t
from rules.categories import Category
from rules.records import ChildRequest
from rules.report_advice import ADVICE, ALERT_NAMES, HELP_CONTACTS
from rules.report_model import WeeklyReport
from rules.report_words import day_and_time, duration
from rules.text import Language

TOP_APPS = 10
ALERTS_LISTED = 6


def category_name(category: Category | None, say: Language) -> str:
    return (t.UNCATEGORISED if category is None else category.name_text).get(say)


def apps(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    if not report.apps:
        return (Paragraph(t.NO_USAGE.get(say), Tone.MUTED),)
    shown, rest = report.apps[:TOP_APPS], report.apps[TOP_APPS:]
    rows = [(a.app, category_name(a.category, say), duration(a.seconds, say)) for a in shown]
    if rest:
        other = t.OTHER_APPS.format(count=len(rest)).get(say)
        rows.append((other, "", duration(sum(a.seconds for a in rest), say)))
    header = (t.APP.get(say), t.CATEGORY.get(say), t.TIME.get(say))
    return (Table(header, tuple(rows), numeric=frozenset({2})),)


def categories(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    if not report.categories:
        return (Paragraph(t.NO_USAGE.get(say), Tone.MUTED),)
    items = [
        (category_name(c.category, say), c.seconds, duration(c.seconds, say))
        for c in report.categories
    ]
    svg = charts.bar_list(items, t.H_CATEGORIES.get(say))
    description = "; ".join(f"{label}: {shown}" for label, _, shown in items)
    return (Chart("categories", svg, charts.WIDTH, 24 * len(items) + 12, description),)


def sites(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    if not report.sites:
        return (Paragraph(t.NO_SITES.get(say), Tone.MUTED),)
    rows = tuple(
        (
            s.site,
            "" if s.category is None else category_name(s.category, say),
            str(s.requests),
            str(s.days),
        )
        for s in report.sites
    )
    header = (
        t.SITE.get(say),
        t.CATEGORY.get(say),
        t.REQUESTS_COLUMN.get(say),
        t.DAYS_COLUMN.get(say),
    )
    return Table(header, rows, numeric=frozenset({2, 3})), Paragraph(
        t.SITES_NOTE.get(say), Tone.MUTED
    )


def blocked(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    if not report.blocked:
        return (Paragraph(t.NO_BLOCKED.get(say), Tone.MUTED),)
    rows = tuple(
        (
            t.block_reason(g.step, g.category, report.age_class, say),
            str(g.attempts),
            ", ".join(g.sites),
        )
        for g in report.blocked
    )
    header = (t.REASON.get(say), t.ATTEMPTS.get(say), t.SITES.get(say))
    return (Table(header, rows, numeric=frozenset({1})),)


def alerts(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    if not report.alerts:
        return (Paragraph(t.NO_ALERTS.get(say), Tone.MUTED),)
    rows = []
    for group in report.alerts:
        moments = [
            day_and_time(a.at, say) + (f" · {a.detail}" if a.detail else "")
            for a in group.alerts[:ALERTS_LISTED]
        ]
        if len(group.alerts) > ALERTS_LISTED:
            moments.append(t.AND_MORE.format(count=len(group.alerts) - ALERTS_LISTED).get(say))
        rows.append((ALERT_NAMES[group.kind].get(say), str(len(group.alerts)), "; ".join(moments)))
    header = (t.KIND.get(say), t.TIMES.get(say), t.WHEN.get(say))
    advice = tuple(
        Callout(ALERT_NAMES[g.kind].get(say), ADVICE[g.kind].get(say), Tone.WARNING)
        for g in report.alerts
    )
    return (Table(header, tuple(rows), numeric=frozenset({1})), *advice)


def request_text(request: ChildRequest, say: Language) -> str:
    minutes = "?" if request.minutes is None else request.minutes
    text = t.REQUEST_KINDS[request.kind].format(minutes=minutes, host=request.host or "?")
    return text.get(say) + (f" «{request.message}»" if request.message else "")


def requests(report: WeeklyReport, say: Language) -> tuple[Block, ...]:
    if not report.requests:
        return (Paragraph(t.NO_REQUESTS.get(say), Tone.MUTED),)
    rows = []
    for request in report.requests:
        status = t.REQUEST_STATUSES[request.status].get(say)
        if request.decided_at is not None:
            status = t.DECIDED_AT.format(
                status=status, moment=day_and_time(request.decided_at, say)
            ).get(say)
        rows.append((day_and_time(request.created_at, say), request_text(request, say), status))
    header = (t.WHEN.get(say), t.REQUEST.get(say), t.DECISION.get(say))
    return (Table(header, tuple(rows)),)


def help_contacts(say: Language) -> Table:
    rows = tuple((c.contact, c.what.get(say)) for c in HELP_CONTACTS)
    return Table((t.CONTACT.get(say), t.WHAT_FOR.get(say)), rows)
