"""A report's HTML and SVG charts printed to an A4 PDF with Qt; only `app.report.render` runs it."""

from collections.abc import Mapping
from pathlib import Path
from typing import override

from PySide6.QtCore import QByteArray, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtSvg import QSvgRenderer

# Fonts with Kazakh and Russian Cyrillic: DejaVu or Noto on Linux, Segoe UI or Arial on Windows.
FAMILIES = ["DejaVu Sans", "Noto Sans", "Segoe UI", "Arial"]
CHART_SCALE = 3  # charts are drawn at three times their size so that print stays sharp
LAYOUT_DPI = 96  # the document is laid out in pixels of this size, then scaled to the PDF's
PAGE_MM = (210.0, 297.0)
MARGIN_MM = 18.0
MAX_LAYOUTS = 12


class _ReportDocument(QTextDocument):
    """A document that shows only the charts it was given and never reads a file or the network."""

    def __init__(self, images: Mapping[str, QImage]) -> None:
        super().__init__()
        self._images = dict(images)

    @override
    def loadResource(self, kind: int, name: QUrl | str) -> object:
        return self._images.get(name.toString() if isinstance(name, QUrl) else name)


def svg_image(svg: str) -> QImage:
    """The SVG drawn on white at CHART_SCALE times its own size."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    if not renderer.isValid():
        raise ValueError("a chart is not valid SVG")
    image = QImage(renderer.defaultSize() * CHART_SCALE, QImage.Format.Format_RGB32)
    image.fill(0xFFFFFF)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        renderer.render(painter)
    finally:
        painter.end()
    return image


def _pixels(mm: float) -> float:
    return mm / 25.4 * LAYOUT_DPI


def _page(document: QTextDocument, block: QTextBlock) -> int:
    top = document.documentLayout().blockBoundingRect(block).top()
    return int(top // document.pageSize().height())


def _first_content(block: QTextBlock) -> QTextBlock:
    """The block after a heading that must share its page: a table's first row below its header."""
    following = block.next()
    table = QTextCursor(following).currentTable()
    if table is None or table.rows() < 2:
        return following
    return table.cellAt(1, 0).firstCursorPosition().block()


def _headings(document: QTextDocument) -> list[QTextBlock]:
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel() and block.next().isValid():
            found.append(block)
        block = block.next()
    return found


def _finish_layout(document: QTextDocument) -> None:
    """Lay out every block now (Qt otherwise lays long documents out lazily)."""
    block = document.begin()
    while block.isValid():
        document.documentLayout().blockBoundingRect(block)
        block = block.next()


def _layout(
    html: str, images: Mapping[str, QImage], font: QFont, breaks: frozenset[int]
) -> QTextDocument:
    """The document laid out on A4 pages, with a page break before the headings in `breaks`."""
    document = _ReportDocument(images)
    document.setDefaultFont(font)
    document.setHtml(html)
    for index, block in enumerate(_headings(document)):
        if index in breaks:
            fmt = QTextBlockFormat(block.blockFormat())
            fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(block).setBlockFormat(fmt)
    document.setPageSize(QSizeF(_pixels(PAGE_MM[0]), _pixels(PAGE_MM[1])))
    document.setDocumentMargin(_pixels(MARGIN_MM))
    _finish_layout(document)
    return document


def _paginate(html: str, images: Mapping[str, QImage], font: QFont) -> QTextDocument:
    """A heading left at the foot of a page moves to the next, with what it heads."""
    breaks: set[int] = set()
    for _ in range(MAX_LAYOUTS):
        document = _layout(html, images, font, frozenset(breaks))
        orphans = [
            index
            for index, block in enumerate(_headings(document))
            if index not in breaks
            and _page(document, block) != _page(document, _first_content(block))
        ]
        if not orphans:
            break
        breaks.add(orphans[0])  # a move shifts every later heading: look again
    return document


def render_pdf(html: str, charts: Mapping[str, str], output: Path, title: str) -> None:
    """Print `html` (Qt's rich-text subset) with its named SVG charts to an A4 `output`.

    Each page has a footer with the title and "page of pages".
    """
    _application = QGuiApplication.instance() or QGuiApplication([])
    font = QFont()
    font.setFamilies(FAMILIES)
    font.setPointSizeF(9.5)
    images = {name: svg_image(svg) for name, svg in charts.items()}
    document = _paginate(html, images, font)
    page = document.pageSize()

    writer = QPdfWriter(str(output))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator("Qorgan")
    painter = QPainter(writer)
    try:
        scale = writer.resolution() / LAYOUT_DPI
        painter.scale(scale, scale)
        pages = document.pageCount()
        footer_font = QFont(font)
        footer_font.setPixelSize(10)
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * page.height())
            document.drawContents(
                painter, QRectF(0, number * page.height(), page.width(), page.height())
            )
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(QColor("#777777"))
            margin = _pixels(MARGIN_MM)
            footer = QRectF(
                margin, page.height() - margin * 0.75, page.width() - 2 * margin, margin / 2
            )
            painter.drawText(footer, Qt.AlignmentFlag.AlignLeft, f"Qorgan · {title}")
            painter.drawText(footer, Qt.AlignmentFlag.AlignRight, f"{number + 1} / {pages}")
    finally:
        painter.end()
