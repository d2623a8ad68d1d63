"""A report as plain blocks (headings, paragraphs, tables, charts) that HTML and PDF both show."""

from dataclasses import dataclass, field
from enum import StrEnum

from rules.text import Language


class Tone(StrEnum):
    NORMAL = "normal"
    MUTED = "muted"
    NOTE = "note"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    tone: Tone = Tone.NORMAL


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of text; `numeric` columns align right, `highlighted` rows stand out."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[int] = frozenset()
    highlighted: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class Chart:
    """An SVG drawing; `description` says in words what it shows."""

    name: str
    svg: str
    width: int
    height: int
    description: str


@dataclass(frozen=True, slots=True)
class Callout:
    """A boxed piece of advice."""

    title: str
    text: str
    tone: Tone = Tone.NOTE


type Block = Paragraph | Table | Chart | Callout


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Document:
    language: Language
    title: str
    subtitle: tuple[str, ...]
    notes: tuple[Paragraph, ...] = ()
    sections: tuple[Section, ...] = field(default=())

    def charts(self) -> list[Chart]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Chart)]

    def text(self) -> str:
        """Every word of the document, one block a line (for the e-mail body and for tests)."""
        lines = [self.title, *self.subtitle, *(note.text for note in self.notes)]
        for section in self.sections:
            lines.append(section.title)
            for block in section.blocks:
                if isinstance(block, Paragraph):
                    lines.append(block.text)
                elif isinstance(block, Table):
                    lines.extend("\t".join(row) for row in (block.header, *block.rows))
                elif isinstance(block, Callout):
                    lines.extend((block.title, block.text))
                else:
                    lines.append(block.description)
        return "\n".join(lines)
