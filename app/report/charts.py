"""The report's charts as small SVG drawings: time per day against the limit, and ranked bars."""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

FONT = "DejaVu Sans, Noto Sans, Segoe UI, Arial, sans-serif"
BLUE = "#2f6fb0"
ORANGE = "#d9822b"
GREEN = "#8cc48c"
GREY = "#eeeeee"
INK = "#333333"
MUTED = "#777777"
WIDTH = 640
DAY_CHART_HEIGHT = 262
_CHAR = 0.6  # a character's width in ems, near enough for label layout


@dataclass(frozen=True, slots=True)
class DayBar:
    """One day on the chart; minutes are None on a day with no records (or still to come)."""

    label: str
    counted: int | None
    free: int
    limit: int | None
    over: bool
    state: str = ""  # "" normal, "missing" (no records), "future" (not yet)


@dataclass(frozen=True, slots=True)
class Legend:
    counted: str
    over: str
    free: str
    limit: str
    missing: str


def _text(x: float, y: float, text: str, size: int = 11, fill: str = INK, **attrs: str) -> str:
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-family="{FONT}" font-size="{size}"'
        f' fill="{fill}"{extra}>{escape(text)}</text>'
    )


def _svg(width: int, height: int, title: str, parts: Sequence[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"'
        f' viewBox="0 0 {width} {height}" role="img">'
        f"<title>{escape(title)}</title>"
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
        + "".join(parts)
        + "</svg>"
    )


def clock_text(minutes: int) -> str:
    """'2:05': hours and minutes, the same in every language."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def _fit(text: str, width: float, size: int) -> str:
    most = max(int(width / (size * _CHAR)), 4)
    return text if len(text) <= most else text[: most - 1] + "…"


def _step(top: int) -> int:
    for step in (30, 60, 120, 180, 240):
        if top <= step * 6:
            return step
    return 360


def day_chart(days: Sequence[DayBar], legend: Legend, hour_label: str, title: str) -> str:
    """Bars of counted time (orange over the limit), free time on top, the limit as a dash."""
    height, left, right, top = DAY_CHART_HEIGHT, 46, WIDTH - 10, 14
    base = 176
    values = [d.counted + d.free for d in days if d.counted is not None]
    values += [d.limit for d in days if d.limit is not None]
    step = _step(max([60, *values]))
    ceiling = step * -(-max([60, *values]) // step)
    scale = (base - top) / ceiling

    def y(minutes: int) -> float:
        return base - minutes * scale

    parts = []
    for mark in range(0, ceiling + 1, step):
        parts.append(
            f'<line x1="{left}" y1="{y(mark):.1f}" x2="{right}" y2="{y(mark):.1f}"'
            f' stroke="{"#999999" if mark == 0 else "#dddddd"}" stroke-width="1"/>'
        )
        label = hour_label.format(hours=mark // 60) if mark % 60 == 0 else clock_text(mark)
        parts.append(_text(left - 6, y(mark) + 4, label, 10, fill=MUTED, text_anchor="end"))
    slot = (right - left) / max(len(days), 1)
    for index, day in enumerate(days):
        x = left + index * slot
        bar_x, bar_w = x + slot * 0.25, slot * 0.5
        middle = x + slot / 2
        colour = MUTED if day.state == "future" else INK
        parts.append(_text(middle, base + 16, day.label, 11, fill=colour, text_anchor="middle"))
        if day.state == "missing":
            parts.append(
                f'<rect x="{bar_x:.1f}" y="{top}" width="{bar_w:.1f}" height="{base - top}"'
                f' fill="{GREY}"/>'
            )
            parts.append(
                _text(middle, (top + base) / 2 + 4, "—", 14, fill=MUTED, text_anchor="middle")
            )
            continue
        if day.counted is None:
            continue
        fill = ORANGE if day.over else BLUE
        counted_top = y(day.counted)
        parts.append(
            f'<rect x="{bar_x:.1f}" y="{counted_top:.1f}" width="{bar_w:.1f}"'
            f' height="{base - counted_top:.1f}" fill="{fill}"/>'
        )
        free_top = y(day.counted + day.free)
        if day.free:
            parts.append(
                f'<rect x="{bar_x:.1f}" y="{free_top:.1f}" width="{bar_w:.1f}"'
                f' height="{counted_top - free_top:.1f}" fill="{GREEN}"/>'
            )
        if day.limit is not None:
            parts.append(
                f'<line x1="{x + 6:.1f}" y1="{y(day.limit):.1f}" x2="{x + slot - 6:.1f}"'
                f' y2="{y(day.limit):.1f}" stroke="{INK}" stroke-width="2"'
                ' stroke-dasharray="5 3"/>'
            )
        total = clock_text(day.counted + day.free)
        parts.append(_text(middle, base + 31, total, 11, font_weight="bold", text_anchor="middle"))
    parts.extend(_legend(legend, base + 52, left))
    return _svg(WIDTH, height, title, parts)


def _legend(legend: Legend, y: float, left: float) -> list[str]:
    items = [
        (f'<rect width="12" height="12" fill="{BLUE}"/>', legend.counted),
        (f'<rect width="12" height="12" fill="{ORANGE}"/>', legend.over),
        (f'<rect width="12" height="12" fill="{GREEN}"/>', legend.free),
        (
            f'<line x1="0" y1="6" x2="14" y2="6" stroke="{INK}" stroke-width="2"'
            ' stroke-dasharray="5 3"/>',
            legend.limit,
        ),
        (f'<rect width="12" height="12" fill="{GREY}" stroke="#cccccc"/>', legend.missing),
    ]
    parts, x = [], left
    for swatch, label in items:
        width = 20 + len(label) * 10 * _CHAR + 16
        if x + width > WIDTH - 10:
            x, y = left, y + 18
        parts.append(f'<g transform="translate({x:.1f},{y - 10:.1f})">{swatch}</g>')
        parts.append(_text(x + 20, y, label, 10))
        x += width
    return parts


def bar_list(items: Sequence[tuple[str, int, str]], title: str, colour: str = BLUE) -> str:
    """Horizontal bars, longest first: (label, amount, amount as text) per row."""
    row, label_width, bar_left, bar_right = 24, 230, 240, WIDTH - 110
    height = row * len(items) + 12
    most = max([amount for _, amount, _ in items] + [1])
    parts = []
    for index, (label, amount, shown) in enumerate(items):
        y = 8 + index * row
        width = max((bar_right - bar_left) * amount / most, 1)
        parts.append(_text(8, y + 13, _fit(label, label_width, 11), 11))
        parts.append(
            f'<rect x="{bar_left}" y="{y + 2}" width="{width:.1f}" height="{row - 8}"'
            f' fill="{colour}"/>'
        )
        parts.append(_text(bar_left + width + 6, y + 13, shown, 11))
    return _svg(WIDTH, height, title, parts)
