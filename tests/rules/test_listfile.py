"""Plain domain list files and the report of what an import took."""

from rules.listfile import ImportReport, InvalidLine, parse_domain_list


def test_domains_comments_duplicates_and_invalid_lines_are_counted() -> None:
    lines = [
        "# a comment",
        "",
        "Example.COM",
        "example.com.",
        "*.games.example  # wildcard means the domain and below",
        "bad domain",
        ".dot.example",
        "тест.қаз",
    ]
    domains, report = parse_domain_list("sample.txt", lines)
    assert domains == ["example.com", "games.example", "dot.example", "xn--e1aybc.xn--80ao21a"]
    assert (report.accepted, report.duplicates) == (4, 1)
    assert [line.number for line in report.invalid] == [6]
    assert report.invalid[0].text == "bad domain"


def test_summary_shows_counts_and_the_first_invalid_lines() -> None:
    invalid = tuple(InvalidLine(n, "x y", "not a host") for n in range(1, 9))
    summary = ImportReport("list.txt", 10, 2, invalid).summary()
    assert summary.startswith("list.txt: 10 accepted, 2 duplicate, 8 invalid (line 1: not a host")
    assert "line 5:" in summary
    assert "line 6:" not in summary


def test_summary_of_a_clean_import_has_no_parenthesis() -> None:
    assert ImportReport("a.txt", 3, 0, ()).summary() == "a.txt: 3 accepted, 0 duplicate, 0 invalid"
