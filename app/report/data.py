"""A week's records read from the store, for one child or for everyone, and the report settings."""

import logging
from datetime import datetime

from app.store import Store, StoreError
from app.store.records import DEFAULT_RETENTION_DAYS, retention_days
from rules.policy import ChildProfile
from rules.report import build_weekly_report
from rules.report_model import WeeklyReport, WeekRecords
from rules.report_uptime import spans_from_json
from rules.report_week import IsoWeek
from rules.text import Language

LANGUAGE = "language"  # the parent's language: the report's and the e-mails'
RUNNING = "report.running"  # when the service was on, from the report job's beat

logger = logging.getLogger(__name__)


def parent_language(store: Store) -> Language:
    """The `language` setting; Kazakh when it is missing or not one Qorgan speaks."""
    value = store.setting(LANGUAGE, Language.KK.value)
    try:
        return Language(str(value))
    except ValueError:
        logger.warning("the language setting %r is not kk, ru or en; using kk", value)
        return Language.KK


def history_days(store: Store) -> int:
    try:
        return retention_days(store.db)
    except StoreError:
        return DEFAULT_RETENTION_DAYS


def week_records(store: Store, child: str | None, week: IsoWeek, until: datetime) -> WeekRecords:
    """The store's records of `week` up to `until`, of one child or (None) of everyone."""
    end = min(week.end, until)
    if child is None:
        usage = store.usage_of_everyone(week.monday, week.sunday)
    else:
        usage = store.usage(child, week.monday, week.sunday)
    return WeekRecords(
        events=store.events(child, week.start, end),
        usage=usage,
        requests=[r for r in store.requests() if week.start <= r.created_at < end],
        alerts=[a for a in store.alerts(week.start) if a.at < end],
        running=spans_from_json(store.setting(RUNNING)),
    )


def weekly_report(store: Store, child: ChildProfile, week: IsoWeek, now: datetime) -> WeeklyReport:
    """The child's report for `week` as it stands at `now`, with the week before's totals."""
    return build_weekly_report(
        child,
        week,
        now,
        week_records(store, child.name, week, now),
        week_records(store, child.name, week.previous, now),
    )
