"""Report files: where they are kept, how they are named and listed, and the PDF's own process."""

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.report.document import Document
from app.report.html import to_html, to_qt_html

REPORTS_DIR = "reports"
RENDER_SECONDS = 120
_CHILD_FILE = re.compile(
    r"(?P<week>[0-9]{4}-W[0-9]{2})-(?P<subject>\w+)-(?P<language>kk|ru|en)\.(?P<format>pdf|html)"
)
_GROUP_FILE = re.compile(
    r"(?P<week>[0-9]{4}-W[0-9]{2})-group-(?P<subject>\w+)\.(?P<format>csv|json)"
)


class RenderError(RuntimeError):
    """The PDF could not be made; the message carries what the renderer said."""


@dataclass(frozen=True, slots=True)
class ReportFile:
    """A report kept on this PC, as the console lists it."""

    path: Path
    week: str
    subject: str
    is_group: bool
    language: str | None
    format: str
    size: int
    modified: datetime


def reports_dir(data_dir: Path) -> Path:
    return data_dir / REPORTS_DIR


def safe_name(name: str) -> str:
    """A child's or group's name as part of a file name: letters and digits kept, others '_'."""
    return "".join(c if c.isalnum() else "_" for c in name) or "_"


def report_path(data_dir: Path, week: str, child: str, language: str, extension: str) -> Path:
    return reports_dir(data_dir) / f"{week}-{safe_name(child)}-{language}.{extension}"


def summary_path(data_dir: Path, week: str, group: str, extension: str) -> Path:
    return reports_dir(data_dir) / f"{week}-group-{safe_name(group)}.{extension}"


def write_private(path: Path, data: bytes) -> None:
    """Write `data` readable by its owner only, replacing any file there in one step."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    temporary.replace(path)


def write_html(document: Document, path: Path) -> Path:
    write_private(path, to_html(document).encode("utf-8"))
    return path


def renderer_command(
    executable: str = sys.executable, frozen: bool = getattr(sys, "frozen", False)
) -> list[str]:
    """The PDF renderer's argv: `python -m app.report.render`, or frozen, the bundled renderer.

    A frozen service is `<prefix>/service/qorgan-service` (installed) or
    `dist/qorgan-service/qorgan-service` (built); `qorgan-render` is in the GUI bundle
    beside it, `<prefix>/gui/` or `dist/qorgan-gui/`.
    """
    if not frozen:
        return [executable, "-m", "app.report.render"]
    program = Path(executable)
    name = "qorgan-render" + (".exe" if program.suffix.lower() == ".exe" else "")
    candidates = [program.parent.parent / folder / name for folder in ("gui", "qorgan-gui")]
    for candidate in candidates:
        if candidate.is_file():
            return [str(candidate)]
    raise RenderError(f"the PDF renderer is missing: none of {', '.join(map(str, candidates))}")


def write_pdf(document: Document, path: Path) -> Path:
    """Print the document to PDF in a separate process (`app.report.render`), which loads Qt."""
    html, charts = to_qt_html(document)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    job = {"html": html, "charts": charts, "title": document.title, "output": str(temporary)}
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    try:
        done = subprocess.run(
            renderer_command(),
            input=json.dumps(job).encode("utf-8"),
            capture_output=True,
            timeout=RENDER_SECONDS,
            env=environment,
            check=False,
        )
    except subprocess.TimeoutExpired:
        temporary.unlink(missing_ok=True)
        raise RenderError(f"the PDF renderer took over {RENDER_SECONDS} s") from None
    if done.returncode != 0 or not temporary.exists():
        temporary.unlink(missing_ok=True)
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RenderError(f"the PDF renderer failed ({done.returncode}): {' | '.join(said)}")
    temporary.chmod(0o600)
    temporary.replace(path)
    return path


def list_reports(data_dir: Path) -> list[ReportFile]:
    """Every report kept on this PC, newest week first."""
    found = []
    folder = reports_dir(data_dir)
    for path in folder.iterdir() if folder.is_dir() else ():
        match = _CHILD_FILE.fullmatch(path.name) or _GROUP_FILE.fullmatch(path.name)
        if match is None or not path.is_file():
            continue
        stat = path.stat()
        found.append(
            ReportFile(
                path=path,
                week=match["week"],
                subject=match["subject"],
                is_group=match.re is _GROUP_FILE,
                language=match.groupdict().get("language"),
                format=match["format"],
                size=stat.st_size,
                modified=datetime.fromtimestamp(stat.st_mtime),
            )
        )
    return sorted(found, key=lambda f: (f.week, f.subject, f.format), reverse=True)
