"""The report job the service runs once a minute: the beat, the weekly reports, the e-mail queue.

`run_due_reports` imports no Qt: a PDF is printed by `python -m app.report.render` in a
process of its own (see `files.write_pdf`), so the service's process stays free of Qt.
"""

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast

from app.report.build import mail_text, make_reports
from app.report.data import RUNNING, history_days, parent_language
from app.report.delivery import deliveries, queue_report, send_due, wants_mail
from app.report.files import summary_path, write_private
from app.report.mail import Mailer, mailer_from_store
from app.report.school import SummaryFormat, group_summary, summary_bytes
from app.store import JsonValue, Store
from rules.policy import Mode
from rules.report_delivery import DeliveryKind, due
from rules.report_schedule import ReportSchedule, ScheduleError, due_week, schedule_from_setting
from rules.report_uptime import extend_running, spans_from_json, spans_to_json
from rules.report_week import IsoWeek, WeekError

SCHEDULE = "report.schedule"
STATE = "report.state"  # {"since": when reports began, "done": {"child:aruzhan": "2026-W47"}}

logger = logging.getLogger(__name__)


def record_beat(store: Store, now: datetime) -> None:
    """Note that the service is running now, so a report can tell a quiet day from a day off."""
    spans = spans_from_json(store.setting(RUNNING))
    keep_after = now - timedelta(days=history_days(store))
    store.set_setting(
        RUNNING, cast("JsonValue", spans_to_json(extend_running(spans, now, keep_after)))
    )


def report_schedule(store: Store) -> ReportSchedule:
    """The `report.schedule` setting; a wrong one is logged and the default used."""
    try:
        return schedule_from_setting(store.setting(SCHEDULE))
    except ScheduleError as error:
        logger.error("%s; using Sunday 19:00", error)
        return ReportSchedule()


def _state(store: Store, now: datetime) -> tuple[datetime, dict[str, IsoWeek]]:
    value = store.setting(STATE)
    state = value if isinstance(value, dict) else {}
    try:
        since = datetime.fromisoformat(str(state["since"]))
    except (KeyError, ValueError):
        since = now
    done: dict[str, IsoWeek] = {}
    recorded = state.get("done")
    for key, week in (recorded if isinstance(recorded, dict) else {}).items():
        try:
            done[key] = IsoWeek.parse(str(week))
        except WeekError:
            logger.warning("report state: %r is not a week", week)
    return since, done


def _save_state(store: Store, since: datetime, done: dict[str, IsoWeek]) -> None:
    weeks: dict[str, JsonValue] = {key: str(week) for key, week in done.items()}
    store.set_setting(STATE, {"since": since.isoformat(), "done": weeks})


def run_due_reports(
    store: Store,
    data_dir: Path,
    now: datetime,
    mailer_for: Callable[[Store], Mailer | None] = mailer_from_store,
) -> list[Path]:
    """Beat, make the reports that are due, send the e-mails that are due; the files made.

    Each child's report (and, in school mode, each group's summary) is made once per week,
    at the scheduled time or, if the PC was off then, as soon as it is on again.
    """
    record_beat(store, now)
    schedule = report_schedule(store)
    since, done = _state(store, now)
    policy = store.policy()
    language = parent_language(store)
    mail_reports = wants_mail(store, DeliveryKind.REPORT)
    made: list[Path] = []
    for child in policy.children:
        key = f"child:{child.name.casefold()}"
        week = due_week(schedule, now, since, done.get(key))
        if week is None:
            continue
        report, paths = make_reports(
            store, data_dir, child, week, now=now, language=language, formats=schedule.formats
        )
        made += paths
        done[key] = week
        if mail_reports and paths:
            subject, body = mail_text(report, language)
            queue_report(
                store, paths, now, child=child.name, week=str(week), subject=subject, body=body
            )
    for group in policy.groups if policy.mode is Mode.SCHOOL else ():
        key = f"group:{group.name.casefold()}"
        week = due_week(schedule, now, since, done.get(key))
        if week is None:
            continue
        summary = group_summary(store, group.name, week, now)
        for summary_format in SummaryFormat:
            path = summary_path(data_dir, str(week), group.name, summary_format.value)
            write_private(path, summary_bytes(summary, summary_format, language))
            made.append(path)
        done[key] = week
    _save_state(store, since, done)
    if due(deliveries(store), now):
        send_due(store, mailer_for(store), now)  # a wrong setting becomes the e-mail's error
    return made
