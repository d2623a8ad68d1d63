"""A report document as one self-contained HTML page, or as the HTML subset Qt prints to PDF."""

from html import escape

from app.report.document import Block, Callout, Document, Paragraph, Table, Tone

FONTS = '"DejaVu Sans", "Noto Sans", "Segoe UI", Arial, sans-serif'
# Nothing outside the file may load: no scripts, fonts, images or styles from elsewhere.
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
STYLE = f"""
body {{ font-family: {FONTS}; color: #222; margin: 0; background: #f4f5f7; line-height: 1.45; }}
main {{ max-width: 780px; margin: 0 auto; padding: 28px; background: #fff; }}
h1 {{ font-size: 1.6em; margin: 0 0 6px; }}
h2 {{ font-size: 1.2em; border-bottom: 2px solid #2f6fb0; padding-bottom: 4px; margin: 0 0 10px; }}
h3 {{ font-size: 1em; margin: 0 0 4px; }}
section {{ margin-top: 28px; }}
.sub {{ color: #555; margin: 2px 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.95em; }}
th, td {{ text-align: left; padding: 6px 8px; vertical-align: top; }}
th, td {{ border-bottom: 1px solid #e3e3e3; }}
th {{ background: #f0f3f7; }}
.num {{ text-align: right; white-space: nowrap; }}
tr.hl td {{ background: #fff1e0; }}
.note, .warning {{ padding: 8px 12px; margin: 10px 0; border-left: 4px solid #2f6fb0; }}
.note {{ background: #eef4fb; }}
.warning {{ background: #fff4e5; border-left-color: #d9822b; }}
.muted {{ color: #666; font-size: 0.9em; }}
figure {{ margin: 12px 0; }}
figure svg {{ width: 100%; height: auto; }}
@media print {{ body {{ background: #fff; }} main {{ padding: 0; }} }}
"""


def _table(table: Table) -> str:
    def cell(tag: str, index: int, text: str) -> str:
        numeric = ' class="num"' if index in table.numeric else ""
        return f"<{tag}{numeric}>{escape(text)}</{tag}>"

    head = "".join(cell("th", i, text) for i, text in enumerate(table.header))
    body = "".join(
        ('<tr class="hl">' if r in table.highlighted else "<tr>")
        + "".join(cell("td", i, text) for i, text in enumerate(row))
        + "</tr>"
        for r, row in enumerate(table.rows)
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        tone = "" if block.tone is Tone.NORMAL else f' class="{block.tone}"'
        return f"<p{tone}>{escape(block.text)}</p>"
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Callout):
        return (
            f'<div class="{block.tone}"><h3>{escape(block.title)}</h3>'
            f"<p>{escape(block.text)}</p></div>"
        )
    # The SVG is ours (charts.py escapes every text in it); the description is its words.
    return f'<figure aria-label="{escape(block.description)}">{block.svg}</figure>'


def to_html(document: Document) -> str:
    """A page that opens in any browser, offline, with its charts inline."""
    language = escape(str(document.language))
    subtitle = "".join(f'<p class="sub">{escape(line)}</p>' for line in document.subtitle)
    notes = "".join(_block(note) for note in document.notes)
    sections = "".join(
        f"<section><h2>{escape(s.title)}</h2>{''.join(_block(b) for b in s.blocks)}</section>"
        for s in document.sections
    )
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(document.title)}</title><style>{STYLE}</style></head>"
        f"<body><main><header><h1>{escape(document.title)}</h1>{subtitle}</header>"
        f"{notes}{sections}</main></body></html>\n"
    )


# Qt's rich text knows HTML 4 tables and a little CSS: colours go in attributes.
_QT_TONES = {Tone.NOTE: "#eef4fb", Tone.WARNING: "#fff4e5"}
_QT_CELL = 'style="border-bottom: 1px solid #dddddd"'


def _qt_table(table: Table) -> str:
    def cell(tag: str, index: int, text: str, colour: str) -> str:
        align = "right" if index in table.numeric else "left"
        fill = f' bgcolor="{colour}"' if colour else ""
        return f'<{tag} align="{align}" valign="top"{fill} {_QT_CELL}>{escape(text)}</{tag}>'

    head = "".join(cell("th", i, text, "#e8edf3") for i, text in enumerate(table.header))
    body = "".join(
        "<tr>"
        + "".join(
            cell("td", i, text, "#fde7cf" if r in table.highlighted else "")
            for i, text in enumerate(row)
        )
        + "</tr>"
        for r, row in enumerate(table.rows)
    )
    return (
        '<table width="100%" cellspacing="0" cellpadding="4" border="0"'
        f' style="border-collapse: collapse"><thead><tr>{head}</tr></thead>{body}</table>'
    )


def _qt_box(colour: str, inner: str) -> str:
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" border="0"><tr>'
        f'<td bgcolor="{colour}">{inner}</td></tr></table><p></p>'
    )


def _qt_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        if block.tone in _QT_TONES:
            return _qt_box(_QT_TONES[block.tone], escape(block.text))
        colour = ' style="color: #555555"' if block.tone is Tone.MUTED else ""
        return f"<p{colour}>{escape(block.text)}</p>"
    if isinstance(block, Table):
        return _qt_table(block) + "<p></p>"
    if isinstance(block, Callout):
        inner = f"<b>{escape(block.title)}</b><br>{escape(block.text)}"
        return _qt_box(_QT_TONES.get(block.tone, "#eef4fb"), inner)
    return f'<p><img src="chart:{block.name}" width="{block.width}" height="{block.height}"></p>'


def to_qt_html(document: Document) -> tuple[str, dict[str, str]]:
    """The HTML Qt's QTextDocument prints, and the charts it names (as SVG) by their names."""
    subtitle = "".join(
        f'<p style="color: #555555">{escape(line)}</p>' for line in document.subtitle
    )
    parts = [f"<h1>{escape(document.title)}</h1>{subtitle}"]
    parts.extend(_qt_block(note) for note in document.notes)
    for section in document.sections:
        parts.append(f'<h2 style="color: #2f6fb0; margin-top: 12px">{escape(section.title)}</h2>')
        parts.extend(_qt_block(block) for block in section.blocks)
    images = {f"chart:{chart.name}": chart.svg for chart in document.charts()}
    return f"<html><body>{''.join(parts)}</body></html>", images
