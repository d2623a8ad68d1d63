"""Hosts files, AdBlock domain rules and the import tally: what is taken, skipped and refused."""

from rules.listfile import KEPT_INVALID, ImportReport, InvalidLine, Tally, stream_domains, unique
from rules.listformats import stream_adblock, stream_hosts

HOSTS = """\
# StevenBlack-style header
127.0.0.1 localhost
::1 ip6-localhost
0.0.0.0 ads.example  # trailing comment
0.0.0.0 Tracker.Example pixel.example
:: v6-sink.example
192.168.1.10 nas.lan
ads.example
0.0.0.0
0.0.0.0 bad_host!.example
"""


def test_hosts_lines_block_names_sent_to_a_sinkhole() -> None:
    tally = Tally("hosts")
    found = list(stream_hosts(HOSTS.splitlines(), tally))
    assert found == [
        (4, "ads.example"),
        (5, "tracker.example"),
        (5, "pixel.example"),
        (6, "v6-sink.example"),
    ]
    report = tally.report()
    # localhost, ip6-localhost and the LAN mapping name nothing to block
    assert report.unsupported == 3
    assert [(i.number, i.problem.split(" (")[0]) for i in report.invalid] == [
        (8, "'ads.example' is not an IP address"),
        (9, "no host name after the address"),
        (10, "'bad_host!.example' is not a valid host name"),
    ]


ADBLOCK = """\
[Adblock Plus 2.0]
! Title: sample
# a hash comment
||ads.example^
@@||good.ads.example^
||Tracker.Example^$important
||popups.example^$popup,doc
||narrow.example^$third-party
##.banner
example.org#@#.ad
||cdn.example/ads/*
||wild*.example^
/banner[0-9]+/
||^
||bad host.example^
||plain.example
|https://exact.example/
"""


def test_adblock_takes_whole_host_rules_and_exceptions() -> None:
    tally = Tally("adblock")
    found = list(stream_adblock(ADBLOCK.splitlines(), tally))
    assert found == [
        (4, "ads.example", False),
        (5, "good.ads.example", True),
        (6, "tracker.example", False),
        (7, "popups.example", False),
        (16, "plain.example", False),
    ]
    report = tally.report()
    # $third-party, two cosmetic rules, a path, a wildcard, a regex and a |url rule
    assert report.unsupported == 7
    assert [i.number for i in report.invalid] == [14, 15]
    assert report.invalid[0].problem == "the rule names no domain"


def test_domain_lists_stream_and_unique_counts_duplicates() -> None:
    tally = Tally("plain")
    entries = list(stream_domains(["a.example", "A.example.", "b.example", "no good"], tally))
    assert unique(entries, tally) == ["a.example", "b.example"]
    assert (tally.accepted, tally.duplicates, tally.invalid_count) == (2, 1, 1)


def test_a_tally_keeps_the_first_invalid_lines_and_counts_the_rest() -> None:
    tally = Tally("big")
    for number in range(KEPT_INVALID + 7):
        tally.invalid(number, "x" * 500, "bad")
    report = tally.report()
    assert len(report.invalid) == KEPT_INVALID
    assert len(report.invalid[0].text) == 200
    assert report.invalid_count == KEPT_INVALID + 7
    assert "107 invalid" in report.summary()


def test_absorbing_a_part_prefixes_its_problems() -> None:
    whole = Tally("ut1")
    part = ImportReport("adult/domains", 5, 1, (InvalidLine(3, "x y", "bad"),), 2, 4)
    whole.absorb(part, "adult/domains")
    report = whole.report()
    assert (report.accepted, report.duplicates, report.unsupported) == (5, 1, 2)
    assert report.invalid == (InvalidLine(3, "x y", "adult/domains: bad"),)
    assert report.invalid_count == 5


def test_summary_names_the_unused_lines() -> None:
    report = ImportReport("ab.txt", 3, 0, (), unsupported=4)
    assert report.summary() == "ab.txt: 3 accepted, 0 duplicate, 0 invalid, 4 not used"
