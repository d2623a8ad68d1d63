"""The PDF, printed by Qt in its own process, rendered back to PNG pages with poppler's pdftoppm."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from app.report.build import make_reports
from app.report.content import report_document
from app.report.data import weekly_report
from app.report.document import Chart, Document, Section
from app.report.files import RenderError, write_pdf
from app.report.html import to_qt_html
from app.store import Store
from rules.report_schedule import ReportFormat
from rules.report_week import IsoWeek
from rules.text import Language
from tests.app.report import seed

WEEK = IsoWeek.parse(seed.WEEK)


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[Language, Path]:
    """The seeded week's report in Kazakh and Russian, made once for this module."""
    data_dir = tmp_path_factory.mktemp("pdf") / "data"
    made = {}
    with Store.open(data_dir / "qorgan.db") as store:
        seed.seed(store)
        child = store.child(seed.CHILD)
        for language in (Language.KK, Language.RU):
            _, paths = make_reports(
                store,
                data_dir,
                child,
                WEEK,
                now=seed.MADE_AT,
                language=language,
                formats=[ReportFormat.PDF],
            )
            made[language] = paths[0]
    return made


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def png_pages(path: Path, folder: Path) -> list[Path]:
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", str(path), str(folder / "page")], check=True, timeout=60
    )
    return sorted(folder.glob("page-*.png"))


def pixels_near(image: QImage, colour: str, step: int = 2) -> int:
    """How many sampled pixels are (nearly) the colour: a chart's bars are there or not."""
    target = QColor(colour)
    found = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixelColor(x, y)
            if (
                abs(pixel.red() - target.red()) < 12
                and abs(pixel.green() - target.green()) < 12
                and abs(pixel.blue() - target.blue()) < 12
            ):
                found += 1
    return found


@pytest.mark.parametrize(
    ("language", "phrases"),
    [
        (
            Language.KK,
            [
                "Апталық есеп: Аружан",
                "9 сағ 56 мин",
                "Сәрсенбі 18",
                "Ескертулер мен кеңестер",
                "Қорғаныс өшірулі болды",
                "Qorgan не жазады",
                "Жексенбі 22",
            ],
        ),
        (
            Language.RU,
            [
                "Недельный отчёт: Аружан",
                "9 ч 56 мин",
                "Среда 18",
                "Оповещения и советы",
                "Защита была выключена",
                "Что записывает Qorgan",
                "Воскресенье 22",
            ],
        ),
    ],
)
def test_the_pdf_has_the_report_in_cyrillic_on_numbered_a4_pages(
    pdfs: dict[Language, Path], language: Language, phrases: list[str], tmp_path: Path
) -> None:
    path = pdfs[language]
    assert path.read_bytes().startswith(b"%PDF-")
    assert path.stat().st_mode & 0o077 == 0
    text = pdf_text(path)
    for phrase in phrases:
        assert phrase in text  # every section, down to the last one, was drawn
    pages = png_pages(path, tmp_path)
    assert 2 <= len(pages) <= 4
    numbers = re.findall(r"^Qorgan · .* ([0-9]+) ?/ ?([0-9]+)$", text, flags=re.M)
    assert numbers == [(str(n), str(len(pages))) for n in range(1, len(pages) + 1)]
    first = QImage(str(pages[0]))
    assert (first.width(), first.height()) == (496, 702)  # A4 at 60 dpi
    assert pixels_near(first, "#d9822b") > 40  # Tuesday went over the limit: an orange bar
    assert pixels_near(first, "#2f6fb0") > 200  # the other days' blue bars and the headings
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True).stdout.decode()
    embedded = [line for line in fonts.splitlines()[2:] if line.split()[-5] == "yes"]
    assert embedded and len(embedded) == len(fonts.splitlines()[2:])


def test_the_renderer_says_nothing_when_all_is_well(seeded: Store, tmp_path: Path) -> None:
    """No Qt warning (a missing font, a bad image) is printed while a report is printed."""
    report = weekly_report(seeded, seeded.child(seed.CHILD), WEEK, seed.MADE_AT)
    html, charts = to_qt_html(report_document(report, Language.KK, seed.MADE_AT, 90))
    output = tmp_path / "report.pdf"
    job = {"html": html, "charts": charts, "title": "t", "output": str(output)}
    done = subprocess.run(
        [sys.executable, "-m", "app.report.render"],
        input=json.dumps(job).encode(),
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
        timeout=60,
    )
    assert (done.returncode, done.stderr.decode()) == (0, "")
    assert output.stat().st_size > 10_000


def test_a_renderer_failure_is_an_error_that_says_why(tmp_path: Path) -> None:
    broken = Chart("days", "<svg", 640, 200, "a chart that is not SVG")
    document = Document(Language.EN, "Weekly report", (), sections=(Section("Time", (broken,)),))
    output = tmp_path / "report.pdf"
    with pytest.raises(RenderError, match=r"the PDF renderer failed .*not valid SVG"):
        write_pdf(document, output)
    assert list(tmp_path.iterdir()) == []  # no half-written file is left
