"""Registry dumps (ip;domain;url;authority;reference;date) as national notifications."""

from datetime import date

from rules.listfile import Tally
from rules.national import Target, TargetKind
from rules.registry_csv import LEGAL_NORM, NOT_STATED, stream_registry_csv

DUMP = """\
Updated: 2026-11-20 10:00:00 +0500
192.0.2.1 | 192.0.2.2;casino.test;http://casino.test/play | https://casino.test/bet;Authority;R-1;2026-11-01
198.51.100.0/24;;;Authority;R-2;2026-11-02
2001:db8::7;*.forum.example;;;;2026-11-03
;;;Authority;R-4;2026-11-04
not-an-ip;x.test;;A;R-5;2026-11-05
;bad host.test;;A;R-6;2026-11-06
;ok.test;ftp://ok.test/;A;R-7;2026-11-07
;ok.test;;A;R-8;
"""


def test_a_dump_reads_into_notifications_with_every_target() -> None:
    tally = Tally("dump.csv")
    found = list(stream_registry_csv(DUMP.splitlines(), tally))
    assert [(line, entry.reference) for line, entry in found] == [
        (2, "R-1"),
        (3, "R-2"),
        (4, "line 4"),
    ]
    first = found[0][1]
    assert first.targets == (
        Target(TargetKind.IP, "192.0.2.1"),
        Target(TargetKind.IP, "192.0.2.2"),
        Target(TargetKind.DOMAIN, "casino.test"),
        Target(TargetKind.URL, "http://casino.test/play"),
        Target(TargetKind.URL, "https://casino.test/bet"),
    )
    assert (first.issued, first.authority, first.legal_norm) == (
        date(2026, 11, 1),
        "Authority",
        LEGAL_NORM,
    )
    assert found[1][1].targets == (Target(TargetKind.CIDR, "198.51.100.0/24"),)
    assert found[2][1].authority == NOT_STATED
    assert found[2][1].targets[1] == Target(TargetKind.DOMAIN, "forum.example")
    problems = [(i.number, i.problem.split(" (")[0]) for i in tally.report().invalid]
    assert problems == [
        (5, "the line names no IP address, domain or URL"),
        (6, "ip: 'not-an-ip' is not an IP address or network"),
        (7, "domain: 'bad host.test' is not a valid host name"),
        (8, "url: 'ftp://ok.test/' is not a web address"),
        (9, "issued: '' is not a date like 2026-11-01"),
    ]
    assert tally.accepted == 3


def test_a_header_line_sets_the_column_order() -> None:
    lines = ["# exported by an operator", "Number;Date;Domain", "R-9;2026-11-09;casino.test"]
    tally = Tally("dump.csv")
    [(line, entry)] = stream_registry_csv(lines, tally)
    assert (line, entry.reference, entry.issued) == (3, "R-9", date(2026, 11, 9))
    assert entry.targets == (Target(TargetKind.DOMAIN, "casino.test"),)
