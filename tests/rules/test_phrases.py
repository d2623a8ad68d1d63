"""Weighted phrase list files: the line format, word edges, and the import report."""

from pathlib import Path

import pytest

from app.paths import assets_dir
from rules.categories import Category
from rules.phrases import PhraseError, WeightedPhrase, parse_phrase, parse_phrase_list


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<Казино><40>", WeightedPhrase("казино", 40, Category.GAMBLING)),
        (
            "< sex  Education ><-40>  # context",
            WeightedPhrase("sex education", -40, Category.GAMBLING, word_end=True),
        ),
        ("<  free spins><+35>", WeightedPhrase("free spins", 35, Category.GAMBLING)),
        ("<bonus ><10>", WeightedPhrase("bonus", 10, Category.GAMBLING, word_end=True)),
        ("< 1xbet ><1000>", WeightedPhrase("1xbet", 1000, Category.GAMBLING, word_end=True)),
        ("<a> < -1 >", WeightedPhrase("a", -1, Category.GAMBLING)),
        ("   # only a comment", None),
        ("", None),
    ],
)
def test_a_line_gives_its_phrase(line: str, expected: WeightedPhrase | None) -> None:
    assert parse_phrase(line, Category.GAMBLING) == expected


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("casino 40", "expected <phrase><weight>"),
        ("<casino><forty>", "expected <phrase><weight>"),
        ("<casino>", "expected <phrase><weight>"),
        ("<   ><10>", "the phrase is empty"),
        ("<+18><10>", "starts with a letter or a digit"),
        (f"<{'x' * 101}><10>", "longer than 100"),
        ("<casino><0>", "not 0"),
        ("<casino><1001>", "from -1000 to 1000"),
        ("<casino><-1001>", "from -1000 to 1000"),
    ],
)
def test_a_bad_line_says_what_is_wrong(line: str, problem: str) -> None:
    with pytest.raises(PhraseError, match=problem):
        parse_phrase(line, Category.GAMBLING)


def test_a_list_reports_accepted_duplicate_and_invalid_lines_with_numbers() -> None:
    lines = iter(
        [
            "# gambling",
            "<casino><30>",
            "<CASINO><25>",  # the same phrase again, whatever its weight
            "< casino ><30>",  # the whole word only: another phrase
            "< casino><30>",  # a space after < changes nothing: the same phrase
            "casino",
            "",
            "<bet><0>",
            "< problem gambling ><-40>",
        ]
    )
    phrases, report = parse_phrase_list("en/gambling.txt", lines, Category.GAMBLING)
    assert [(p.text, p.weight, p.word_end) for p in phrases] == [
        ("casino", 30, False),
        ("casino", 30, True),
        ("problem gambling", -40, True),
    ]
    assert (report.accepted, report.duplicates) == (3, 2)
    assert [(line.number, line.text) for line in report.invalid] == [(6, "casino"), (8, "<bet><0>")]
    assert report.summary().startswith("en/gambling.txt: 3 accepted, 2 duplicate, 2 invalid")


def shipped_files() -> list[Path]:
    return sorted((assets_dir() / "phrases").glob("*/*.txt"))


def test_the_shipped_lists_cover_three_languages_and_five_categories() -> None:
    found = {(path.parent.name, path.stem) for path in shipped_files()}
    for language in ("kk", "ru", "en"):
        for category in ("pornography", "self_harm", "drugs", "gambling", "violence"):
            assert (language, category) in found


@pytest.mark.parametrize(
    "path", shipped_files(), ids=lambda path: f"{path.parent.name}/{path.name}"
)
def test_every_shipped_list_reads_cleanly_and_has_context_words(path: Path) -> None:
    with path.open(encoding="utf-8") as lines:
        phrases, report = parse_phrase_list(path.name, lines, Category(path.stem))
    assert report.invalid == ()
    assert report.duplicates == 0
    assert any(p.weight > 0 for p in phrases)
    assert any(p.weight < 0 for p in phrases), "negative context weights are missing"
    assert path.read_text(encoding="utf-8").splitlines()[0].startswith("#")
    assert "Provenance" in path.read_text(encoding="utf-8").splitlines()[0]
