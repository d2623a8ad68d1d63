"""A page's content score: its text against weighted phrases, every place found in one scan.

The phrases go into an Aho-Corasick automaton (`ahocorasick_rs`, compiled code) over the
page's UTF-8 that reports each place any phrase occurs in a single pass over the text,
whatever the number of phrases; a place counts only where the phrase starts a word. A
space in a phrase stands for any run of space in the page: the automaton holds each phrase
with single spaces, and, for each word boundary of a phrase, that phrase's start followed
by the first byte of any other space, which sends the rare place where the page spaces it
otherwise to a regular expression to check. Each category sums the weights of its phrases
found (every occurrence counts, as in e2guardian); negative context phrases lower their
category only. The page's score is its highest category's.
"""

import re
from collections import Counter
from collections.abc import Iterable
from html import unescape

from ahocorasick_rs import BytesAhoCorasick, Implementation

from rules.categories import Category
from rules.decision import ContentScore
from rules.phrases import WeightedPhrase

TOP_PHRASES = 3
# A DFA scans a page about a third faster than the contiguous NFA but takes about 100 bytes
# of memory per byte of its patterns (the shipped lists: 9 MB against 1 MB; e2guardian's
# stock lists: 130 MB against 15 MB). Larger lists get the NFA.
DFA_MAX_PATTERN_BYTES = 64 * 1024
# Every character that is space to str.isspace() and to re's \s (tests check the list).
SPACES = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Scripts and styles are not text a child reads; the text is what lies between tags.
_CODE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_TEXT = re.compile(r">([^<]+)")


def page_text(html: str) -> str:
    """The words of an HTML page in lower case: the text between its tags, without code.

    Lower case is the phrases' case folding but for the few characters in UNFOLDED (ß, ς,
    µ, ﬁ, ...), and faster to make: `PhraseScorer.score` folds a text that has one.
    """
    text = " ".join(_TEXT.findall(">" + _CODE.sub(" ", html)))
    if "&" in text:
        text = unescape(text)
    return text.lower()


# The characters that lower case keeps and case folding changes, all below U+10000 (tests
# check): a text in lower case without them is casefolded already.
UNFOLDED = "".join(c for c in map(chr, range(0x10000)) if c.lower() == c and c.casefold() != c)

# What follows a phrase's start where the page spaces it otherwise than with one ' ': the
# first byte (in UTF-8) of any other space, alone or after a ' '. The expressions check the
# places found this way (a first byte of three may start some other character).
_SPACE_BYTES = tuple(space.encode() for space in SPACES)
_FIRST_BYTES = tuple(sorted({space[:1] for space in _SPACE_BYTES} - {b" "}))
_OTHER_SPACES = _FIRST_BYTES + tuple(b" " + first for first in (b" ", *_FIRST_BYTES))
_ANY_SPACE = b"(?:" + b"|".join(map(re.escape, _SPACE_BYTES)) + b")+"
# Per byte of UTF-8: 1 an ASCII word character, 0 any other ASCII, 2 part of a longer character.
_KIND = bytes(int(chr(b).isalnum() or b == 0x5F) for b in range(128)) + b"\x02" * 128
# The word characters of two bytes (Cyrillic, Kazakh, accented Latin, ...): looked up, not decoded.
_WORD_PAIRS = frozenset(chr(c).encode() for c in range(0x80, 0x800) if chr(c).isalnum())


def _word_char_ends(data: bytes, at: int) -> bool:
    """Whether the character of more than one byte that ends at `at` is a word character."""
    start = at - 2
    while data[start] & 0xC0 == 0x80:  # a continuation byte: the character starts earlier
        start -= 1
    return data[start:at].decode("utf-8", "surrogatepass").isalnum()


def _word_char_starts(data: bytes, at: int) -> bool:
    """Whether the character of more than one byte that starts at `at` is a word character."""
    lead = data[at]
    size = 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
    return data[at : at + size].decode("utf-8", "surrogatepass").isalnum()


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


class _Scan:
    """Some phrase texts in one automaton over UTF-8, and the checks for their uncommon spaces.

    Automaton pattern i < len(texts) is texts[i]; then, for each start of some texts up to
    a space, that start followed by each of _OTHER_SPACES, all sent to the expressions that
    check those texts (the patterns are not kept: they add up); then the `unfolded`
    characters, whose place ends the scan.
    """

    def __init__(self, texts: list[tuple[int, str]], unfolded: str = "") -> None:
        self.targets = [index for index, _ in texts]
        checks: dict[bytes, list[tuple[int, re.Pattern[bytes]]]] = {}
        for index, text in texts:
            if " " in text:
                words = (re.escape(word.encode()) for word in text.split(" "))
                spaced = re.compile(_ANY_SPACE.join(words))
                for start in _starts(text):
                    checks.setdefault(start.encode(), []).append((index, spaced))
        self.checks = list(checks.values())
        patterns = [text.encode() for _, text in texts]
        patterns += (s + o for s in checks for o in _OTHER_SPACES)
        self.unfolded_from = len(patterns)
        patterns += (char.encode() for char in unfolded)
        small = sum(map(len, patterns)) <= DFA_MAX_PATTERN_BYTES
        implementation = Implementation.DFA if small else Implementation.ContiguousNFA
        self.automaton = BytesAhoCorasick(patterns, implementation=implementation)

    def find(self, data: bytes, whole: _Found, part: _Found) -> bool:
        """Note where each text starts a word in `data`: in `whole` where it ends one too,
        else in `part` (places are byte offsets). False, with the notes unfinished, when
        `data` has an `unfolded` character."""
        size = len(data)
        targets = self.targets
        texts, unfolded = len(targets), self.unfolded_from
        kind, pairs = _KIND, _WORD_PAIRS
        for index, start, end in self.automaton.find_matches_as_indexes(data, overlapping=True):
            if index >= unfolded:
                return False
            # The word checks inlined, ASCII and two-byte characters first: this loop runs
            # for every place.
            if (
                start
                and (before := kind[data[start - 1]])
                and (
                    before == 1 or data[start - 2 : start] in pairs or _word_char_ends(data, start)
                )
            ):
                continue
            if index >= texts:  # a phrase's start followed by uncommon space
                for target, spaced in self.checks[(index - texts) // len(_OTHER_SPACES)]:
                    found = spaced.match(data, start)
                    if found is not None:
                        last = found.end()
                        ends = last == size or not (
                            kind[data[last]] == 1
                            or (kind[data[last]] == 2 and _word_char_starts(data, last))
                        )
                        _note(whole if ends else part, target, start)
                continue
            target = targets[index]
            if end == size or not (
                (after := kind[data[end]]) == 1
                or (after and (data[end : end + 2] in pairs or _word_char_starts(data, end)))
            ):
                seen = whole.get(target)
                if seen is None:
                    whole[target] = [1, start]
                    continue
            else:
                seen = part.get(target)
                if seen is None:
                    part[target] = [1, start]
                    continue
            # The automaton reports places by where they end; a text with single spaces has
            # one length, so its first place reported is its first in the page.
            seen[0] += 1
        return True


class PhraseScorer:
    """Weighted phrases compiled once; `score` rates a page's text in lower case (`page_text`).

    Only phrases with a positive weight can give a page a score: the page is scanned for
    them first, and for the context phrases (negative weights only) only when some category
    has a positive sum, so an ordinary page costs one scan and no counting of its context.
    """

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
        positive = [any(p.weight > 0 for p in found) for found in self._phrases]
        scans = (
            [(i, text) for i, text in enumerate(self._texts) if positive[i] is wanted]
            for wanted in (True, False)
        )
        positives, context = scans
        self._positive = _Scan(positives, UNFOLDED) if positives else None
        self._context = _Scan(context) if context else None

    def __len__(self) -> int:
        return sum(len(found) for found in self._phrases)

    def score(self, text: str) -> ContentScore:
        """The page's score, its category and its heaviest phrases; 0 when nothing counts."""
        if self._positive is None:
            return ContentScore(0)
        # Surrogates stand for bytes that were not UTF-8 (mitmproxy's lenient decoding).
        data = text.encode("utf-8", "surrogatepass")
        whole: _Found = {}
        part: _Found = {}
        if not self._positive.find(data, whole, part):
            # A character that lower case did not fold (page_text): fold, and scan again.
            data = text.casefold().encode("utf-8", "surrogatepass")
            whole, part = {}, {}
            self._positive.find(data, whole, part)
        if max(self._sums(whole, part).values(), default=0) <= 0:
            return ContentScore(0)  # context only lowers a score
        if self._context is not None:
            self._context.find(data, whole, part)
        category, total = max(self._sums(whole, part).items(), key=lambda i: (i[1], i[0]))
        if total <= 0:
            return ContentScore(0)
        return ContentScore(total, category, self._heaviest(category, whole, part))

    def _sums(self, whole: _Found, part: _Found) -> dict[Category, int]:
        sums: dict[Category, int] = {}
        for found, stems_only in ((whole, False), (part, True)):
            for index, (count, _) in found.items():
                for phrase in self._phrases[index]:
                    if not (stems_only and phrase.word_end):
                        sums[phrase.category] = sums.get(phrase.category, 0) + phrase.weight * count
        return sums

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
