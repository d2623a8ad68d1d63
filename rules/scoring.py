"""A page's content score: its text against weighted phrases, every place found in one scan.

The phrases go into one Aho-Corasick automaton (`ahocorasick_rs`, compiled code) that
reports each place any phrase occurs in a single pass over the text, whatever the number
of phrases; a place counts only where the phrase starts a word. A space in a phrase stands
for any run of space in the page: the automaton holds each phrase with single spaces, and,
for each word boundary of a phrase, that phrase's start followed by any other space, which
sends the rare place where the page spaces it otherwise to a regular expression to check.
Each category sums the weights of its phrases found (every occurrence counts, as in
e2guardian); negative context phrases lower their category only. The page's score is its
highest category's.
"""

import re
from collections import Counter
from collections.abc import Iterable
from html import unescape
from itertools import chain

from ahocorasick_rs import AhoCorasick, Implementation

from rules.categories import Category
from rules.decision import ContentScore
from rules.phrases import WeightedPhrase

TOP_PHRASES = 3
# Every character that is space to str.isspace() and to re's \s (tests check the list).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Scripts and styles are not text a child reads; the text is what lies between tags.
_CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)")


def page_text(html: str) -> str:
    """The words of an HTML page, casefolded: the text between its tags, without code."""
    text = " ".join(_TEXT.findall(">" + _CODE.sub(" ", html)))
    if "&" in text:
        text = unescape(text)
    return text.casefold()


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


# What follows a phrase's start where the page spaces it otherwise than with one ' '.
_OTHER_SPACES = tuple(space for space in SPACES if space != " ") + tuple(" " + s for s in SPACES)


def _starts(text: str) -> Iterable[str]:
    """The starts of a phrase text up to each of its spaces."""
    words = text.split(" ")
    return (" ".join(words[:end]) for end in range(1, len(words)))


# Per phrase text, the places it was found: [how many, the first one's start].
type _Found = dict[int, list[int]]


def _note(found: _Found, index: int, start: int) -> None:
    seen = found.get(index)
    if seen is None:
        found[index] = [1, start]
    else:
        seen[0] += 1
        seen[1] = min(seen[1], start)


class PhraseScorer:
    """Weighted phrases compiled once; `score` rates a page's text (from `page_text`)."""

    def __init__(self, phrases: Iterable[WeightedPhrase]) -> None:
        # Kazakh and Russian lists share loanwords (казино, онлайн казино): one phrase counts once.
        unique: dict[tuple[str, bool, Category], WeightedPhrase] = {}
        for phrase in phrases:
            unique.setdefault(phrase.key, phrase)
        by_text: dict[str, list[WeightedPhrase]] = {}
        for phrase in unique.values():
            by_text.setdefault(phrase.text, []).append(phrase)
        self._texts = list(by_text)
        self._phrases = [tuple(found) for found in by_text.values()]
        # Automaton pattern i < len(texts) is text i; then, for each start of some texts up
        # to a space, that start followed by each of _OTHER_SPACES, all sent to the
        # expressions that check those texts (the patterns are not kept: they add up).
        checks: dict[str, list[tuple[int, re.Pattern[str]]]] = {}
        for index, text in enumerate(self._texts):
            if " " in text:
                spaced = re.compile(r"\s+".join(map(re.escape, text.split(" "))))
                for start in _starts(text):
                    checks.setdefault(start, []).append((index, spaced))
        self._checks = list(checks.values())
        patterns = chain(self._texts, (s + o for s in checks for o in _OTHER_SPACES))
        # The contiguous NFA stays small (about 1.4 MB for the shipped lists, where a DFA
        # takes 10 MB) and is only a little slower.
        self._automaton = (
            AhoCorasick(patterns, store_patterns=False, implementation=Implementation.ContiguousNFA)
            if self._texts
            else None
        )

    def __len__(self) -> int:
        return sum(len(found) for found in self._phrases)

    def score(self, text: str) -> ContentScore:
        """The page's score, its category and its heaviest phrases; 0 when nothing counts."""
        if self._automaton is None:
            return ContentScore(0)
        whole, part = self._find(text)
        sums: dict[Category, int] = {}
        for found, stems_only in ((whole, False), (part, True)):
            for index, (count, _) in found.items():
                for phrase in self._phrases[index]:
                    if not (stems_only and phrase.word_end):
                        sums[phrase.category] = sums.get(phrase.category, 0) + phrase.weight * count
        if not sums:
            return ContentScore(0)
        category, total = max(sums.items(), key=lambda item: (item[1], item[0]))
        if total <= 0:
            return ContentScore(0)
        return ContentScore(total, category, self._heaviest(category, whole, part))

    def _find(self, text: str) -> tuple[_Found, _Found]:
        """Where each phrase text starts a word: the places that end a word, and the others."""
        assert self._automaton is not None
        size = len(text)
        texts = len(self._texts)
        whole: _Found = {}
        part: _Found = {}
        for index, start, end in self._automaton.find_matches_as_indexes(text, overlapping=True):
            # _is_word inlined, with the usual space first: this loop runs for every place.
            if start and (before := text[start - 1]) != " " and (before.isalnum() or before == "_"):
                continue
            if index >= texts:  # a phrase's start followed by uncommon space
                for target, spaced in self._checks[(index - texts) // len(_OTHER_SPACES)]:
                    found = spaced.match(text, start)
                    if found is not None:
                        last = found.end()
                        ends = last == size or not _is_word(text[last])
                        _note(whole if ends else part, target, start)
                continue
            if end == size or (after := text[end]) == " " or not (after.isalnum() or after == "_"):
                seen = whole.get(index)
                if seen is None:
                    whole[index] = [1, start]
                    continue
            else:
                seen = part.get(index)
                if seen is None:
                    part[index] = [1, start]
                    continue
            # The automaton reports places by where they end; a text with single spaces has
            # one length, so its first place reported is its first in the page.
            seen[0] += 1
        return whole, part

    def _heaviest(self, category: Category, whole: _Found, part: _Found) -> tuple[str, ...]:
        """The category's heaviest phrases; of equal weights, the one found first in the page
        (and of two found at the same place, the shorter) comes first."""
        weights: dict[str, int] = {}
        first: dict[str, int] = {}
        for found, stems_only in ((whole, False), (part, True)):
            for index, (count, start) in found.items():
                for phrase in self._phrases[index]:
                    if phrase.category is category and not (stems_only and phrase.word_end):
                        weights[phrase.text] = weights.get(phrase.text, 0) + phrase.weight * count
                        first[phrase.text] = min(first.get(phrase.text, start), start)
        ordered = Counter(
            {text: weights[text] for text in sorted(first, key=lambda t: (first[t], len(t)))}
        )
        heaviest = [text for text, weight in ordered.most_common() if weight > 0]
        return tuple(heaviest[:TOP_PHRASES])
