"""A real UT1 tree (tests/fixtures/ut1, a small subset) imported through `qorgan lists import`."""

import gzip
import tarfile
from pathlib import Path

import pytest

from app.cli import main
from app.lists import load_lists
from app.paths import assets_dir
from rules.categories import Category

TREE = Path(__file__).resolve().parents[1] / "fixtures" / "ut1" / "blacklists"
USED = (
    "  categories used: adult+porn=pornography agressif+aggressive+violence=violence chat=chat "
    "drogue+drugs=drugs gambling=gambling mixed_adult=pornography phishing=phishing "
    "redirector+proxy=web_proxy strict_redirector=web_proxy"
)
SKIPPED = "  categories skipped: publicite+ads educational_games forums+mail liste_blanche shopping"


def qorgan(data_dir: Path, *args: str) -> int:
    return main(["--data-dir", str(data_dir), "--lang", "en", *args])


def first_line(path: Path) -> str:
    return path.read_text(encoding="utf-8").splitlines()[0]


def categories(data_dir: Path, host: str) -> list[Category]:
    lists_dir = data_dir / "lists"
    loaded = load_lists(assets_dir(), lists_dir / "national.json", lists_dir)
    return [hit.category for hit in loaded.lists.category_hits(host)]


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """The tree as UT1 publishes it: blacklists.tar.gz, top folder `blacklists/`, links kept."""
    path = tmp_path / "blacklists.tar.gz"
    with tarfile.open(path, "w:gz") as packed:
        packed.add(TREE, arcname="blacklists")
    return path


@pytest.mark.parametrize("form", ["folder", "archive"])
def test_the_real_tree_imports_with_every_file_it_holds(
    form: str, archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    location = TREE if form == "folder" else archive
    assert qorgan(data_dir, "lists", "import", str(location), "--kind", "ut1") == 0
    output = capsys.readouterr().out.splitlines()
    # 300 lines each of agressif, drogue, gambling (in two parts), phishing (gzipped) and
    # redirector, 251 of chat, 150 of mixed_adult; strict_redirector repeats redirector's
    # 300; a link (porn, violence, drugs, proxy) is read once, under its folder.
    assert output == [
        "blacklists: 1901 accepted, 300 duplicate, 0 invalid, 486 not used; not verified",
        USED,
        SKIPPED,
    ]
    # The line `split` cut across domains.0 and domains.1 is one name again.
    assert categories(data_dir, "www.1420joycasino.com") == [Category.GAMBLING]
    with gzip.open(TREE / "phishing" / "domains.gz", "rt", encoding="utf-8") as file:
        assert categories(data_dir, file.readline().strip()) == [Category.PHISHING]
    assert categories(data_dir, first_line(TREE / "agressif" / "domains")) == [Category.VIOLENCE]
    assert categories(data_dir, first_line(TREE / "shopping" / "domains")) == []
    assert categories(data_dir, first_line(TREE / "liste_blanche" / "domains")) == []


def test_a_mapping_given_for_a_link_applies_to_its_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = tmp_path / "data"
    args = ["--map", "violence=-", "--map", "mail=chat"]
    assert qorgan(data_dir, "lists", "import", str(TREE), "--kind", "ut1", *args) == 0
    output = capsys.readouterr().out
    assert " forums+mail=chat " in output and "agressif+aggressive+violence " in output
    assert categories(data_dir, first_line(TREE / "agressif" / "domains")) == []
    assert categories(data_dir, first_line(TREE / "forums" / "domains")) == [Category.CHAT]


def test_a_link_out_of_the_tree_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "elsewhere"
    secret.mkdir()
    (secret / "domains").write_text("private.example\n", encoding="utf-8")
    tree = tmp_path / "blacklists"
    (tree / "gambling").mkdir(parents=True)
    (tree / "gambling" / "domains").write_bytes(b"\xef\xbb\xbfcasino.example\r\nbet.example")
    (tree / "adult").symlink_to(secret, target_is_directory=True)
    data_dir = tmp_path / "data"
    assert qorgan(data_dir, "lists", "import", str(tree), "--kind", "ut1") == 0
    output = capsys.readouterr().out
    assert "2 accepted, 0 duplicate, 0 invalid" in output
    assert "categories skipped: adult(link-out-of-the-tree)" in output
    assert categories(data_dir, "casino.example") == [Category.GAMBLING]
    assert categories(data_dir, "private.example") == []


def test_a_damaged_gzip_is_refused_and_the_lists_stay(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = tmp_path / "blacklists"
    (tree / "phishing").mkdir(parents=True)
    (tree / "phishing" / "domains.gz").write_bytes(gzip.compress(b"phish.example\n" * 500)[:60])
    data_dir = tmp_path / "data"
    assert qorgan(data_dir, "lists", "import", str(tree), "--kind", "ut1") == 2
    error = capsys.readouterr().err
    assert "blacklists: refused, the list in force is unchanged: " in error
    assert "cannot be read" in error
