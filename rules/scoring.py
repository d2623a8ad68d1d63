"""A page's content score: its text against weighted phrases, in one pass of one compiled pattern.

The phrases are folded into a character trie and written as a single regular expression,
so the text is scanned once whatever the number of phrases. Each category sums the
weights of its phrases found (every occurrence counts, as in e2guardian); negative
context phrases lower their category only. The page's score is its highest category's.
"""

import re
from collections import Counter
from collections.abc import Iterable
from html import unescape

from rules.categories import Category
from rules.decision import ContentScore
from rules.phrases import WeightedPhrase

TOP_PHRASES = 3
# Scripts and styles are not text a child reads; the text is what lies between tags.
_CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)")

type _Trie = dict[str, "_Trie"]


def page_text(html: str) -> str:
    """The words of an HTML page, casefolded: the text between its tags, without code."""
    text = " ".join(_TEXT.findall(">" + _CODE.sub(" ", html)))
    if "&" in text:
        text = unescape(text)
    return text.casefold()


def _pattern(node: _Trie) -> str:
    """The trie below `node` as a regular expression that prefers the longest phrase."""
    branches = [_char(char) + _pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def _char(char: str) -> str:
    """A space in a phrase stands for any run of space in the page (line breaks included)."""
    return r"\s+" if char == " " else re.escape(char)


def _one_space(matched: str) -> tuple[str, list[int]]:
    """The match with each run of space as one space, and where each of its letters ends."""
    chars: list[str] = []
    ends: list[int] = []
    for index, char in enumerate(matched, start=1):
        if char.isspace() and chars[-1] == " ":
            ends[-1] = index
            continue
        chars.append(" " if char.isspace() else char)
        ends.append(index)
    return "".join(chars), ends


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class PhraseScorer:
    """Weighted phrases compiled once; `score` rates a page's text (from `page_text`)."""

    def __init__(self, phrases: Iterable[WeightedPhrase]) -> None:
        # Kazakh and Russian lists share loanwords (казино, онлайн казино): one phrase counts once.
        unique: dict[tuple[str, bool, Category], WeightedPhrase] = {}
        for phrase in phrases:
            unique.setdefault(phrase.key, phrase)
        self.by_text: dict[str, list[WeightedPhrase]] = {}
        for phrase in unique.values():
            self.by_text.setdefault(phrase.text, []).append(phrase)
        trie: _Trie = {}
        for text in self.by_text:
            node = trie
            for char in text:
                node = node.setdefault(char, {})
            node[""] = {}
        # A match is the longest phrase starting there; the shorter phrases it begins with
        # are found in the same place, so they are listed with it once, here.
        self._within = {
            text: [text[:end] for end in range(1, len(text) + 1) if text[:end] in self.by_text]
            for text in self.by_text
        }
        # Phrases start words, so only a word's first letter can start a match: the check
        # for it lets the scan skip every other position quickly.
        firsts = re.escape("".join(sorted(trie)))
        self._regex = re.compile(rf"\b(?=[{firsts}])" + _pattern(trie)) if trie else None

    def __len__(self) -> int:
        return sum(len(found) for found in self.by_text.values())

    def score(self, text: str) -> ContentScore:
        """The page's score, its category and its heaviest phrases; 0 when nothing counts."""
        if self._regex is None:
            return ContentScore(0)
        sums: Counter[Category] = Counter()
        weights: dict[Category, Counter[str]] = {}
        size = len(text)
        search = self._regex.search
        found = search(text)
        while found is not None:
            start, matched = found.start(), found[0]
            # The next word may start another phrase, even inside this one.
            found = search(text, start + 1)
            ends = None
            if matched not in self._within:  # a phrase found across a line break
                matched, ends = _one_space(matched)
            for candidate in self._within[matched]:
                end = start + (len(candidate) if ends is None else ends[len(candidate) - 1])
                ends_word = end == size or not _is_word(text[end])
                for phrase in self.by_text[candidate]:
                    if phrase.word_end and not ends_word:
                        continue
                    sums[phrase.category] += phrase.weight
                    weights.setdefault(phrase.category, Counter())[phrase.text] += phrase.weight
        if not sums:
            return ContentScore(0)
        category, total = max(sums.items(), key=lambda item: (item[1], item[0]))
        if total <= 0:
            return ContentScore(0)
        heaviest = [text for text, weight in weights[category].most_common() if weight > 0]
        return ContentScore(total, category, tuple(heaviest[:TOP_PHRASES]))
