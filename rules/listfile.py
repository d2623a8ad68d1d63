"""Plain list files: one domain a line, and the report every import gives."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rules.hosts import HostError, normalize_host

SHOWN_INVALID = 5
# An import keeps this many invalid lines to show; past them it only counts.
KEPT_INVALID = 100


@dataclass(frozen=True, slots=True)
class InvalidLine:
    number: int
    text: str
    problem: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import took: accepted, duplicate and invalid entries (invalid with line numbers).

    `unsupported` counts lines that are valid in their format but name nothing Qorgan
    filters on (cosmetic AdBlock rules, a hosts line pointing a name at a real address);
    `more_invalid` counts invalid lines past the ones kept in `invalid`.
    """

    source: str
    accepted: int
    duplicates: int
    invalid: tuple[InvalidLine, ...]
    unsupported: int = 0
    more_invalid: int = 0

    @property
    def invalid_count(self) -> int:
        return len(self.invalid) + self.more_invalid

    def summary(self) -> str:
        """One line for a parent or an admin, with the first few invalid lines."""
        text = (
            f"{self.source}: {self.accepted} accepted, {self.duplicates} duplicate, "
            f"{self.invalid_count} invalid"
        )
        if self.unsupported:
            text += f", {self.unsupported} not used"
        shown = "; ".join(f"line {i.number}: {i.problem}" for i in self.invalid[:SHOWN_INVALID])
        return f"{text} ({shown})" if shown else text


class Tally:
    """The counts of an import as its lines stream past; `report()` freezes them."""

    __slots__ = ("_invalid", "_more_invalid", "accepted", "duplicates", "source", "unsupported")

    def __init__(self, source: str) -> None:
        self.source = source
        self.accepted = 0
        self.duplicates = 0
        self.unsupported = 0
        self._invalid: list[InvalidLine] = []
        self._more_invalid = 0

    def invalid(self, number: int, text: str, problem: str) -> None:
        if len(self._invalid) < KEPT_INVALID:
            self._invalid.append(InvalidLine(number, text[:200], problem))
        else:
            self._more_invalid += 1

    @property
    def invalid_count(self) -> int:
        return len(self._invalid) + self._more_invalid

    def absorb(self, report: ImportReport, prefix: str) -> None:
        """Add a part's report (one file of a folder), its problems prefixed with the part."""
        self.accepted += report.accepted
        self.duplicates += report.duplicates
        self.unsupported += report.unsupported
        for line in report.invalid:
            self.invalid(line.number, line.text, f"{prefix}: {line.problem}")
        self._more_invalid += report.more_invalid

    def report(self) -> ImportReport:
        return ImportReport(
            self.source,
            self.accepted,
            self.duplicates,
            tuple(self._invalid),
            self.unsupported,
            self._more_invalid,
        )


def read_domain(text: str) -> str:
    """A list's domain in its one spelling; '*.example.com' and '.example.com' mean example.com."""
    return normalize_host(text.removeprefix("*.").removeprefix("."))


def stream_domains(lines: Iterable[str], tally: Tally) -> Iterator[tuple[int, str]]:
    """(line number, domain) of a list file; `#` starts a comment, blank lines are skipped.

    Invalid lines go to the tally; duplicates are left for the caller to count.
    """
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            yield number, read_domain(text)
        except HostError as error:
            tally.invalid(number, text, str(error))


def parse_domain_list(source: str, lines: Iterable[str]) -> tuple[list[str], ImportReport]:
    """Domains from a list file: `#` starts a comment, blank lines are skipped, case is ignored."""
    tally = Tally(source)
    domains = unique(stream_domains(lines, tally), tally)
    return domains, tally.report()


def unique(entries: Iterable[tuple[int, str]], tally: Tally) -> list[str]:
    """The entries each once, in order, counted as accepted or duplicate in the tally."""
    seen: set[str] = set()
    kept: list[str] = []
    for _, entry in entries:
        if entry in seen:
            tally.duplicates += 1
            continue
        seen.add(entry)
        kept.append(entry)
    tally.accepted += len(kept)
    return kept
