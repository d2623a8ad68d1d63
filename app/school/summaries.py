"""Lab summaries on the school's share: each PC writes its groups' week as CSV and JSON.

Files go to `<share>/<pc name>/<group>-<week>.csv` (and `.json`), rewritten in place as the
week goes on, so thirty lab PCs writing to one share never touch each other's files.
Aggregates only: no pupil's lines (the admin asks for those with `qorgan report --pupils`).
"""

import os
import re
from datetime import datetime
from pathlib import Path

from app.report.data import week_records
from app.report.school import SummaryFormat, summary_bytes
from app.store import Store
from rules.policy import SchoolGroup
from rules.report_school import build_group_summary
from rules.report_week import IsoWeek
from rules.text import Language

LAB_GROUP = "lab"


def safe_name(text: str) -> str:
    """A file or folder name any share accepts (SMB forbids \\ / : * ? " < > |)."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", text).strip(" .")
    return cleaned or "_"


def lab_groups(store: Store) -> list[SchoolGroup]:
    """The policy's groups; a lab with none is one group of every pupil of its profile."""
    policy = store.policy()
    if policy.groups:
        return list(policy.groups)
    if policy.default_profile is None:
        return []
    return [SchoolGroup(LAB_GROUP, policy.default_profile)]


def write_summaries(
    store: Store, share: Path, pc_name: str, now: datetime, language: Language = Language.KK
) -> list[Path]:
    """Write this week's summary of each group; the files written."""
    week = IsoWeek.containing(now.date())
    records = week_records(store, None, week, now)
    folder = share / safe_name(pc_name)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for group in lab_groups(store):
        summary = build_group_summary(group, week, now, records, pupils=False)
        for summary_format in SummaryFormat:
            path = folder / f"{safe_name(group.name)}-{week}.{summary_format.value}"
            _write(path, summary_bytes(summary, summary_format, language))
            written.append(path)
    return written


def _write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    temporary.replace(path)
