"""`qorgan lists` as an admin types it: import every format, refuse what cannot be trusted."""

import base64
import hashlib
import shutil
from pathlib import Path

import pytest

from app.cli import main
from app.listcompile import current_compiled
from app.paths import assets_dir
from app.store import Store
from tests.app.test_listupdate import ut1_tree

LISTS = assets_dir() / "lists"
SAMPLE_KEY = (LISTS / "national-sample.pub").read_text().strip()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


def qorgan(data_dir: Path, *args: str, lang: str = "en") -> int:
    return main(["--data-dir", str(data_dir), "--lang", lang, *args])


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_each_format_imports_and_the_decision_uses_it(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = [
        (write(tmp_path / "games.txt", "# games\nroblox.example\nbad host\n"), "domains", "games"),
        (write(tmp_path / "hosts", "0.0.0.0 malware.example\n"), "hosts", "malware"),
        (write(tmp_path / "ads.txt", "||ads.example^\n@@||ok.ads.example^\n"), "adblock", "chat"),
    ]
    for path, kind, category in files:
        assert qorgan(data_dir, "lists", "import", str(path), "--kind", kind,
                      "--category", category) == 0  # fmt: skip
    assert qorgan(data_dir, "lists", "import", str(ut1_tree(tmp_path)), "--kind", "ut1") == 0
    output = capsys.readouterr().out
    assert "games: 1 accepted, 0 duplicate, 1 invalid, 0 not used; not verified" in output
    assert "  line 3: 'bad host' is not a valid host name" in output
    assert "  categories used: adult+porn=pornography drogue=drugs gambling=gambling" in output
    assert qorgan(data_dir, "child", "add", "Aruzhan", "--age-class", "12+") == 0
    capsys.readouterr()
    assert qorgan(data_dir, "check", "http://www.xxx.example/", "--child", "Aruzhan") == 1
    assert "List: blacklists" in capsys.readouterr().out
    assert qorgan(data_dir, "check", "http://ok.ads.example/", "--child", "Aruzhan") == 0
    assert qorgan(data_dir, "lists", "status") == 0
    status = capsys.readouterr().out
    assert "games\tdomains\t1 entries\tupdated " in status
    assert "Compiled lists: " in status


@pytest.mark.parametrize("sample", ["national-sample.json", "national-sample.csv"])
def test_the_signed_sample_national_list_imports(
    data_dir: Path, sample: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = qorgan(
        data_dir, "lists", "import", str(LISTS / sample), "--kind", "national",
        "--public-key", SAMPLE_KEY,
    )  # fmt: skip
    assert code == 0
    assert "national: 3 accepted, 0 duplicate, 0 invalid, 0 not used; signature verified" in (
        capsys.readouterr().out
    )
    qorgan(data_dir, "child", "add", "Aruzhan", "--age-class", "18+")
    assert qorgan(data_dir, "check", "http://casino-sample.test/", "--child", "Aruzhan") == 1
    assert qorgan(data_dir, "check", "http://192.0.2.66/", "--child", "Aruzhan") == 1


def test_an_unsigned_national_list_is_refused_and_nothing_is_written(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "national.json"
    shutil.copy(LISTS / "national-sample.json", copy)
    assert qorgan(data_dir, "lists", "import", str(copy), "--kind", "national") == 2
    error = capsys.readouterr().err
    assert "national: refused, the list in force is unchanged" in error
    assert "a national list must be signed" in error
    assert qorgan(data_dir, "lists", "import", str(copy), "--kind", "national",
                  "--public-key", SAMPLE_KEY) == 2  # fmt: skip
    assert "the list is not signed (no .sig file beside it)" in capsys.readouterr().err
    assert Store.open(data_dir / "qorgan.db").list_sources() == []
    assert current_compiled(data_dir / "lists") is None


def test_a_tampered_national_list_is_refused_and_the_old_one_stays(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sample = LISTS / "national-sample.json"
    assert qorgan(data_dir, "lists", "import", str(sample), "--kind", "national",
                  "--public-key", SAMPLE_KEY) == 0  # fmt: skip
    tampered = tmp_path / "national.json"
    tampered.write_text(sample.read_text().replace("casino-sample.test", "casino-other.test"))
    shutil.copy(LISTS / "national-sample.json.sig", tmp_path / "national.json.sig")
    capsys.readouterr()
    assert qorgan(data_dir, "--lang", "ru", "lists", "import", str(tampered), "--kind",
                  "national") == 2  # fmt: skip
    error = capsys.readouterr().err
    assert "отклонён, действующий список не изменён" in error
    assert "the signature does not match" in error
    qorgan(data_dir, "child", "add", "Aruzhan", "--age-class", "18+")
    assert qorgan(data_dir, "check", "http://casino-sample.test/", "--child", "Aruzhan") == 1
    assert qorgan(data_dir, "check", "http://casino-other.test/", "--child", "Aruzhan") == 0


MALFORMED = [
    ("national", "bad.json", '{"qorgan_national_list": 1,\n "entries": [\n {"reference": 1}\n]}',
     "line 3: entries[0].authority: missing"),
    ("national", "bad.json", '{"qorgan_national_list": 1,\n "entries": [\n }',
     "line 3: not valid JSON"),
    ("national", "bad.csv", "reference,violation_type,legal_norm,target_kind,target_value,issued,"
     "authority\nK-1,V,N,domain,bad host,2026-11-01,A\n", "line 2: target_value: 'bad host'"),
    ("registry_csv", "dump.csv", ";;;A;R-1;2026-11-01\n", "line 1: the line names no IP address"),
    ("domains", "list.txt", "<html>\n<body>\n", "line 1: '<html>' is not a valid host name"),
    ("hosts", "hosts", "ads.example\nnot hosts\n", "line 1: 'ads.example' is not an IP address"),
    ("adblock", "ads.txt", "||a b^\n||c d^\n", "line 1: 'a b' is not a valid host name"),
]  # fmt: skip


@pytest.mark.parametrize("case", MALFORMED)
def test_malformed_files_are_refused_with_the_line(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], case: tuple[str, ...]
) -> None:
    kind, name, text, message = case
    path = write(tmp_path / name, text)
    options = ["--category", "games"] if kind in {"domains", "hosts", "adblock"} else []
    options += ["--sha256", hashlib.sha256(text.encode()).hexdigest()]
    assert qorgan(data_dir, "lists", "import", str(path), "--kind", kind, *options) == 2
    error = capsys.readouterr().err
    assert str(path) in error and message in error
    assert Store.open(data_dir / "qorgan.db").list_sources() == []


def test_sources_are_added_then_updated_when_due(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "vpn.txt", "vpn.example\n")
    assert qorgan(data_dir, "lists", "add", "vpn", "--kind", "domains", "--path", str(path),
                  "--category", "vpn", "--schedule-hours", "12") == 0  # fmt: skip
    assert "vpn saved" in capsys.readouterr().out
    assert qorgan(data_dir, "lists", "update") == 0
    assert "vpn: 1 accepted" in capsys.readouterr().out
    assert qorgan(data_dir, "lists", "update") == 0
    assert "No list source is due" in capsys.readouterr().out
    assert qorgan(data_dir, "lists", "update", "vpn") == 0
    assert "vpn: unchanged since the last update" in capsys.readouterr().out
    assert qorgan(data_dir, "lists", "update", "nope") == 2
    assert "no list source called nope (known: vpn)" in capsys.readouterr().err
    assert qorgan(data_dir, "lists", "import", str(path), "--kind", "domains", "--name", "o") == 2
    assert "a domains list needs --category" in capsys.readouterr().err
    assert qorgan(data_dir, "lists", "import", str(path), "--kind", "ut1", "--name", "v",
                  "--map", "adult=porn") == 2  # fmt: skip
    assert "'porn' is not a category" in capsys.readouterr().err


def test_keygen_and_sign_make_a_list_that_imports(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "key.pem"
    assert qorgan(data_dir, "lists", "keygen", str(key), lang="kk") == 0
    printed = capsys.readouterr().out
    assert "Жабық кілт" in printed
    public = printed.rsplit(" ", 1)[1].strip()
    assert len(base64.b64decode(public)) == 32
    assert key.stat().st_mode & 0o077 == 0
    assert qorgan(data_dir, "lists", "keygen", str(key)) == 2
    listed = write(tmp_path / "dump.csv", ";casino.test;;Authority;R-1;2026-11-01\n")
    assert qorgan(data_dir, "lists", "sign", str(listed), "--key", str(key)) == 0
    assert qorgan(data_dir, "lists", "sign", str(listed), "--key", str(listed)) == 2
    assert qorgan(data_dir, "lists", "import", str(listed), "--kind", "registry_csv",
                  "--public-key", public) == 0  # fmt: skip
    assert qorgan(data_dir, "lists", "status", lang="ru") == 0
    assert "подпись проверена (Ed25519)" in capsys.readouterr().out


def test_status_before_any_list(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert qorgan(data_dir, "lists", "status") == 0
    output = capsys.readouterr().out
    assert "No list sources yet" in output and "No compiled lists yet." in output


def test_the_proxy_worker_loads_the_compiled_lists(data_dir: Path, tmp_path: Path) -> None:
    from app.service.snapshot import write_snapshot
    from proxy.snapshot import load_snapshot
    from rules.ageclass import AgeClass
    from rules.policy import ChildProfile, Policy
    from rules.urls import normalize_url

    games = write(tmp_path / "games.txt", "roblox.example\n")
    assert qorgan(data_dir, "lists", "import", str(games), "--kind", "domains",
                  "--category", "games") == 0  # fmt: skip
    assert qorgan(data_dir, "lists", "import", str(LISTS / "national-sample.json"),
                  "--kind", "national", "--public-key", SAMPLE_KEY) == 0  # fmt: skip
    policy = Policy(children=(ChildProfile("Aruzhan", AgeClass.TWELVE),))
    national = data_dir / "lists" / "national.json"
    snapshot = load_snapshot(write_snapshot(data_dir / "run", policy, national, "Aruzhan"))
    assert [hit.list_name for hit in snapshot.lists.category_hits("www.roblox.example")] == [
        "games"
    ]
    assert [hit.list_name for hit in snapshot.lists.category_hits("dns.google")] == ["starter"]
    hit = snapshot.lists.national_hit(normalize_url("http://casino-sample.test/"), None)
    assert hit is not None and hit.entry.reference == "SAMPLE-2026-0001"
    assert snapshot.national_url_sites == {"forum.example"}
