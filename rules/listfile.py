"""Plain list files: one domain a line, and the report every import gives."""

from collections.abc import Iterable
from dataclasses import dataclass

from rules.hosts import HostError, normalize_host

SHOWN_INVALID = 5


@dataclass(frozen=True, slots=True)
class InvalidLine:
    number: int
    text: str
    problem: str


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import took: accepted, duplicate and invalid entries (invalid with line numbers)."""

    source: str
    accepted: int
    duplicates: int
    invalid: tuple[InvalidLine, ...]

    def summary(self) -> str:
        """One line for a parent or an admin, with the first few invalid lines."""
        text = (
            f"{self.source}: {self.accepted} accepted, {self.duplicates} duplicate, "
            f"{len(self.invalid)} invalid"
        )
        shown = "; ".join(f"line {i.number}: {i.problem}" for i in self.invalid[:SHOWN_INVALID])
        return f"{text} ({shown})" if shown else text


def parse_domain_list(source: str, lines: Iterable[str]) -> tuple[list[str], ImportReport]:
    """Domains from a list file: `#` starts a comment, blank lines are skipped, case is ignored."""
    domains: list[str] = []
    seen: set[str] = set()
    duplicates = 0
    invalid: list[InvalidLine] = []
    for number, line in enumerate(lines, start=1):
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            domain = normalize_host(text.removeprefix("*.").removeprefix("."))
        except HostError as error:
            invalid.append(InvalidLine(number, text, str(error)))
            continue
        if domain in seen:
            duplicates += 1
            continue
        seen.add(domain)
        domains.append(domain)
    return domains, ImportReport(source, len(domains), duplicates, tuple(invalid))
