"""Weighted phrase lists (e2guardian-style) for scoring pages that no list categorises.

A line is `<phrase><weight>`, for example `<казино><40>` or `< sex education ><-60>`:

- the weight is a whole number from -1000 to 1000, never 0; a negative weight is
  context (medical, educational, news words) that lowers the category's score;
- a phrase always starts at the beginning of a word (so `sex` is never found in
  "Sussex"); a space just before `>` means it must also end a word: `< sex >` is the
  word "sex", while `<порнограф>` is a stem that covers every ending Russian and Kazakh
  put on it. A space just after `<` is accepted, as e2guardian writes it;
- `#` starts a comment; blank lines are skipped; case does not matter.

A file holds one category; its name says which (`assets/phrases/ru/gambling.txt`).
"""

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rules.categories import Category
from rules.listfile import ImportReport, InvalidLine

MAX_WEIGHT = 1000
MAX_PHRASE = 100
_LINE = re.compile(r"<([^<>]*)>\s*<\s*([+-]?[0-9]+)\s*>")
_SPACES = re.compile(r"\s+")


class PhraseError(ValueError):
    """A phrase line that is not `<phrase><weight>`; the message says what is wrong."""


@dataclass(frozen=True, slots=True)
class WeightedPhrase:
    """A casefolded phrase that starts a word, its weight in a category, and whether it must
    end a word too."""

    text: str
    weight: int
    category: Category
    word_end: bool = False

    @property
    def key(self) -> tuple[str, bool, Category]:
        """Two lines with the same key are the same phrase: the second is a duplicate."""
        return (self.text, self.word_end, self.category)


def parse_phrase(line: str, category: Category) -> WeightedPhrase | None:
    """The phrase on one line, None for a blank or comment line; PhraseError if malformed."""
    text = line.split("#", 1)[0].strip()
    if not text:
        return None
    found = _LINE.fullmatch(text)
    if found is None:
        raise PhraseError("expected <phrase><weight>, for example <казино><40>")
    raw, weight = found[1], int(found[2])
    phrase = _SPACES.sub(" ", raw.strip()).casefold()
    if not phrase:
        raise PhraseError("the phrase is empty")
    if not phrase[0].isalnum():
        raise PhraseError("a phrase starts with a letter or a digit")
    if len(phrase) > MAX_PHRASE:
        raise PhraseError(f"the phrase is longer than {MAX_PHRASE} characters")
    if weight == 0 or abs(weight) > MAX_WEIGHT:
        raise PhraseError(f"the weight must be from -{MAX_WEIGHT} to {MAX_WEIGHT}, not 0")
    return WeightedPhrase(phrase, weight, category, word_end=raw[-1:].isspace())


def iter_phrases(
    lines: Iterable[str], category: Category, invalid: list[InvalidLine], duplicates: list[int]
) -> Iterator[WeightedPhrase]:
    """Phrases as the lines stream past; the numbers of bad and repeated lines are noted."""
    seen: set[tuple[str, bool, Category]] = set()
    for number, line in enumerate(lines, start=1):
        try:
            phrase = parse_phrase(line, category)
        except PhraseError as error:
            invalid.append(InvalidLine(number, line.strip()[:200], str(error)))
            continue
        if phrase is None:
            continue
        if phrase.key in seen:
            duplicates.append(number)
            continue
        seen.add(phrase.key)
        yield phrase


def parse_phrase_list(
    source: str, lines: Iterable[str], category: Category
) -> tuple[list[WeightedPhrase], ImportReport]:
    """Phrases of one category from a list file, and the report of what the import took."""
    invalid: list[InvalidLine] = []
    duplicates: list[int] = []
    phrases = list(iter_phrases(lines, category, invalid, duplicates))
    return phrases, ImportReport(source, len(phrases), len(duplicates), tuple(invalid))
