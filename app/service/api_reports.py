"""The parent's report methods: the reports kept on this PC, and one report's content."""

from app.report.files import ReportFile, list_reports
from app.service.api import Api, Call
from app.service.api_console import data_dir_of
from rules.ipc import ErrorCode, IpcError, JsonValue, Role


def register(api: Api) -> None:
    """Add `reports.list` and `reports.get` for the reports in the service's data folder."""
    api.add("reports.list", Role.PARENT, _listed)
    api.add("reports.get", Role.PARENT, _content)


def _listed(call: Call) -> JsonValue:
    return [_entry(report) for report in list_reports(data_dir_of(call.store))]


def _content(call: Call) -> JsonValue:
    """A report's text; only a file the listing names can be read, never a path."""
    name = call.text("id")
    reports = list_reports(data_dir_of(call.store))
    report = next((r for r in reports if r.path.name == name), None)
    if report is None:
        raise IpcError(ErrorCode.NOT_FOUND, f"no report called {name!r}")
    if report.format == "pdf":
        return {"text": str(report.path), "path": str(report.path)}
    text = report.path.read_text(encoding="utf-8")
    return {"html": text} if report.format == "html" else {"text": text}


def _entry(report: ReportFile) -> JsonValue:
    return {
        "id": report.path.name,
        "week": report.week,
        "subject": report.subject,
        "language": report.language,
        "format": report.format,
        "size": report.size,
        "modified": report.modified.isoformat(timespec="minutes"),
    }
