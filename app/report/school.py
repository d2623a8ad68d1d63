"""A school group's week as JSON or CSV: aggregate, with pupils' lines only when the admin asks."""

import csv
import io
import json
from datetime import datetime
from enum import StrEnum

from app.report.data import week_records
from app.store import Store
from rules.categories import Category
from rules.report_advice import ALERT_NAMES
from rules.report_school import GroupSummary, build_group_summary
from rules.report_text import UNCATEGORISED
from rules.report_week import IsoWeek
from rules.report_words import weekday
from rules.text import Language

CSV_HEADER = ("section", "item", "label", "minutes", "count")


class SummaryFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def group_summary(
    store: Store, name: str, week: IsoWeek, now: datetime, pupils: bool = False
) -> GroupSummary:
    """The group's week as it stands at `now`; LookupError if there is no such group."""
    for group in store.policy().groups:
        if group.name.casefold() == name.casefold():
            records = week_records(store, None, week, now)
            return build_group_summary(group, week, now, records, pupils)
    raise LookupError(name)


def _name(category: Category | None, language: Language) -> str:
    return (UNCATEGORISED if category is None else category.name_text).get(language)


def _id(category: Category | None) -> str | None:
    return None if category is None else category.value


def summary_to_dict(summary: GroupSummary, language: Language) -> dict[str, object]:
    """Plain data for JSON: ids for programs, names in `language` for people, whole minutes."""
    data: dict[str, object] = {
        "group": summary.group,
        "profile": summary.profile,
        "week": str(summary.week),
        "first_day": summary.week.monday.isoformat(),
        "last_day": summary.week.sunday.isoformat(),
        "until": summary.until.isoformat(),
        "language": language.value,
        "total_minutes": summary.seconds // 60,
        "blocked_total": summary.blocked_total,
        "days": [
            {"day": d.day.isoformat(), "minutes": d.seconds // 60, "pupils": d.pupils}
            for d in summary.days
        ],
        "top_categories": [
            {
                "category": _id(c.category),
                "name": _name(c.category, language),
                "minutes": c.amount // 60,
            }
            for c in summary.categories
        ],
        "blocked_by_category": [
            {"category": _id(c.category), "name": _name(c.category, language), "attempts": c.amount}
            for c in summary.blocked
        ],
        "incidents": [
            {
                "kind": i.kind.value,
                "name": ALERT_NAMES[i.kind].get(language),
                "count": i.count,
                "days": [d.isoformat() for d in i.days],
            }
            for i in summary.incidents
        ],
    }
    if summary.pupils is not None:
        data["pupils"] = [
            {
                "name": p.name,
                "minutes": p.seconds // 60,
                "blocked": p.blocked,
                "sites": list(p.sites),
            }
            for p in summary.pupils
        ]
    return data


def summary_rows(summary: GroupSummary, language: Language) -> list[tuple[str, ...]]:
    """One table for a spreadsheet: a row per day, category, blocked category and incident."""
    rows: list[tuple[str, ...]] = [
        (
            "total",
            str(summary.week),
            summary.group,
            str(summary.seconds // 60),
            str(summary.blocked_total),
        )
    ]
    for d in summary.days:
        label = weekday(d.day, language)
        rows.append(("day", d.day.isoformat(), label, str(d.seconds // 60), str(d.pupils)))
    for c in summary.categories:
        rows.append(
            (
                "category_time",
                _id(c.category) or "",
                _name(c.category, language),
                str(c.amount // 60),
                "",
            )
        )
    for c in summary.blocked:
        rows.append(
            ("blocked", _id(c.category) or "", _name(c.category, language), "", str(c.amount))
        )
    for i in summary.incidents:
        rows.append(("incident", i.kind.value, ALERT_NAMES[i.kind].get(language), "", str(i.count)))
    for p in summary.pupils or ():
        rows.append(("pupil", p.name, " ".join(p.sites), str(p.seconds // 60), str(p.blocked)))
    return rows


def summary_bytes(
    summary: GroupSummary, summary_format: SummaryFormat, language: Language
) -> bytes:
    """JSON in UTF-8, or CSV with a byte-order mark so that spreadsheets read Cyrillic."""
    if summary_format is SummaryFormat.JSON:
        text = json.dumps(summary_to_dict(summary, language), ensure_ascii=False, indent=2)
        return (text + "\n").encode("utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(summary_rows(summary, language))
    return buffer.getvalue().encode("utf-8-sig")
