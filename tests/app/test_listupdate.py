"""List updates over HTTPS (a local test server): verify, compile, swap, keep the last good."""

import base64
import hashlib
import io
import json
import tarfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.listcompile import current_compiled, open_compiled
from app.lists import load_lists
from app.listsources import Fetcher, ListSourceError, SourceOptions, is_due, source_options
from app.listupdate import ListUpdater
from app.paths import assets_dir
from app.store import Store
from rules.categories import Category
from rules.records import ListKind, ListSource
from rules.urls import normalize_url
from tests.app.listserver import https_server

NOW = datetime(2026, 11, 22, 10, 0)
SAMPLE = assets_dir() / "lists" / "national-sample.json"
NO_OPTIONS = SourceOptions({})


@pytest.fixture
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def public(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def sign(key: Ed25519PrivateKey, path: Path) -> None:
    signature = base64.b64encode(key.sign(path.read_bytes())).decode()
    path.with_name(path.name + ".sig").write_text(signature + "\n")


@pytest.fixture
def served(tmp_path: Path):  # type: ignore[no-untyped-def]
    root = tmp_path / "www"
    root.mkdir()
    (tmp_path / "certs").mkdir()
    with https_server(root, tmp_path / "certs") as (base, fetcher):
        yield root, base, fetcher


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "data" / "qorgan.db")


def updater(store: Store, tmp_path: Path, fetcher: Fetcher, now: datetime = NOW) -> ListUpdater:
    return ListUpdater(store, tmp_path / "data" / "lists", fetcher, now)


def national(base: str, key: Ed25519PrivateKey) -> ListSource:
    return ListSource(
        "national", ListKind.NATIONAL, f"{base}/national.json", public_key=public(key)
    )


def test_a_signed_national_list_is_downloaded_verified_compiled_and_recorded(
    served, store: Store, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    root, base, fetcher = served
    (root / "national.json").write_bytes(SAMPLE.read_bytes())
    sign(key, root / "national.json")
    [result] = updater(store, tmp_path, fetcher).update(
        [national(base, key)], {"national": NO_OPTIONS}
    )
    assert result.error is None and result.report is not None
    assert result.report.accepted == 3
    [recorded] = store.list_sources()
    assert (recorded.entries, recorded.updated_at, recorded.signature_status) == (
        3,
        NOW,
        "verified-ed25519",
    )
    lists_dir = tmp_path / "data" / "lists"
    loaded = load_lists(assets_dir(), lists_dir / "national.json")
    assert loaded.national_entries == 3 and loaded.compiled_keys > 0
    assert loaded.national_url_sites == {"forum.example"}
    hit = loaded.lists.national_hit(normalize_url("https://casino-sample.test/"), None)
    assert hit is not None and hit.entry.reference == "SAMPLE-2026-0001"
    assert (lists_dir / "sources" / "national" / "current.sig").exists()
    written = json.loads((lists_dir / "national.json").read_text())
    assert (written["qorgan_national_list"], written["version"]) == (1, "2026-11-20.1")


def test_a_tampered_or_unsigned_update_is_refused_and_the_old_list_stays(
    served, store: Store, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    root, base, fetcher = served
    (root / "national.json").write_bytes(SAMPLE.read_bytes())
    sign(key, root / "national.json")
    source = national(base, key)
    updater(store, tmp_path, fetcher).update([source], {"national": NO_OPTIONS})
    lists_dir = tmp_path / "data" / "lists"
    compiled_before = current_compiled(lists_dir)
    national_before = (lists_dir / "national.json").read_bytes()

    (root / "national.json").write_text(SAMPLE.read_text().replace("casino-sample", "innocent"))
    later = updater(store, tmp_path, fetcher, NOW + timedelta(days=1))
    [tampered] = later.update([source], {"national": NO_OPTIONS})
    assert tampered.error is not None and "the signature does not match" in tampered.error
    (root / "national.json.sig").unlink()
    [unsigned] = later.update([source], {"national": NO_OPTIONS})
    assert unsigned.error is not None and "the list is not signed" in unsigned.error
    other_key = Ed25519PrivateKey.generate()
    sign(other_key, root / "national.json")
    [forged] = later.update([source], {"national": NO_OPTIONS})
    assert forged.error is not None and "signed with another key" in forged.error

    assert current_compiled(lists_dir) == compiled_before
    assert (lists_dir / "national.json").read_bytes() == national_before
    assert store.list_sources()[0].updated_at == NOW
    assert not (lists_dir / "sources" / "national" / "incoming").exists()
    loaded = load_lists(assets_dir(), lists_dir / "national.json")
    assert loaded.lists.national_hit(normalize_url("http://casino-sample.test/"), None)


def test_a_national_source_without_any_trust_is_refused(
    served, store: Store, tmp_path: Path
) -> None:
    root, base, fetcher = served
    (root / "national.json").write_bytes(SAMPLE.read_bytes())
    source = ListSource("national", ListKind.NATIONAL, f"{base}/national.json")
    [result] = updater(store, tmp_path, fetcher).update([source], {"national": NO_OPTIONS})
    assert result.error is not None and "a national list must be signed" in result.error
    assert store.list_sources() == []
    assert current_compiled(tmp_path / "data" / "lists") is None


def test_a_pinned_sha256_trusts_exactly_that_file(served, store: Store, tmp_path: Path) -> None:
    root, base, fetcher = served
    dump = "Updated: 2026-11-20\n;casino.test;;Authority;R-1;2026-11-01\n"
    (root / "dump.csv").write_text(dump, encoding="cp1251")
    digest = hashlib.sha256(dump.encode()).hexdigest()
    source = ListSource("registry", ListKind.REGISTRY_CSV, f"{base}/dump.csv", sha256=digest)
    [result] = updater(store, tmp_path, fetcher).update([source], {"registry": NO_OPTIONS})
    assert result.error is None and result.source.signature_status == "verified-sha256"
    (root / "dump.csv").write_text(dump + ";more.test;;A;R-2;2026-11-02\n")
    [changed] = updater(store, tmp_path, fetcher).update([source], {"registry": NO_OPTIONS})
    assert changed.error is not None and f"not the pinned {digest}" in changed.error


def test_category_lists_update_unchanged_and_last_good(
    served, store: Store, tmp_path: Path
) -> None:
    root, base, fetcher = served
    (root / "games.txt").write_text("roblox.example\nminecraft.example\n")
    source = ListSource("games", ListKind.DOMAINS, f"{base}/games.txt", Category.GAMES)
    run = updater(store, tmp_path, fetcher)
    [first] = run.update([source], {"games": NO_OPTIONS})
    assert first.changed and first.report is not None and first.report.accepted == 2
    [same] = run.update([source], {"games": NO_OPTIONS})
    assert not same.changed and same.report is None and same.error is None
    (root / "games.txt").write_text("roblox.example\nsteam.example\nsteam.example\n")
    [second] = run.update([source], {"games": NO_OPTIONS})
    assert second.report is not None
    assert (second.report.accepted, second.report.duplicates) == (2, 1)
    folder = tmp_path / "data" / "lists" / "sources" / "games"
    assert "minecraft.example" in (folder / "previous").read_text()
    compiled = open_compiled(current_compiled(tmp_path / "data" / "lists"))  # type: ignore[arg-type]
    assert [h.category for h in compiled.category_hits("www.steam.example")] == [Category.GAMES]
    assert compiled.category_hits("minecraft.example") == []
    # An HTML error page where a list was expected is not a list: the old one stays.
    (root / "games.txt").write_text("<html>\n<body>Service unavailable</body>\n</html>\n")
    [page] = run.update([source], {"games": NO_OPTIONS})
    assert page.error is not None and "is this a domains list?" in page.error
    assert open_compiled(current_compiled(tmp_path / "data" / "lists")).category_hits(  # type: ignore[arg-type]
        "steam.example"
    )


@pytest.mark.parametrize(
    ("location", "message"),
    [
        ("http://127.0.0.1:9/list.txt", "only over https://"),
        ("{base}/missing.txt", "not found"),
        ("{base}/redirect-to-http", "which is not HTTPS"),
        ("ftp://127.0.0.1/list.txt", "only over https://"),
    ],
)
def test_fetching_refuses_what_it_cannot_trust(
    served, store: Store, tmp_path: Path, location: str, message: str
) -> None:
    _, base, fetcher = served
    source = ListSource("x", ListKind.DOMAINS, location.format(base=base), Category.GAMES)
    [result] = updater(store, tmp_path, fetcher).update([source], {"x": NO_OPTIONS})
    assert result.error is not None and message in result.error


def test_a_server_the_ca_does_not_vouch_for_is_refused(
    served, store: Store, tmp_path: Path
) -> None:
    root, base, _ = served
    (root / "games.txt").write_text("roblox.example\n")
    source = ListSource("games", ListKind.DOMAINS, f"{base}/games.txt", Category.GAMES)
    [result] = updater(store, tmp_path, Fetcher()).update([source], {"games": NO_OPTIONS})
    assert result.error is not None and "certificate verify failed" in result.error


def ut1_tree(root: Path) -> Path:
    """A small tree shaped like UT1's blacklists.tar.gz."""
    tree = root / "blacklists"
    files = {
        "adult/domains": "porn-sample.test\nxxx.example\n1.2.3.4\n",
        "adult/urls": "blog.example/adult-section\nother.example/x\n",
        "adult/usage": "black\nadult\n",
        "gambling/domains": "casino.example\nbet.example\ncasino.example\n",
        "gambling/usage": "black\n",
        "drogue/domains": "drugs.example\nbad line here\n",
        "shopping/domains": "shop.example\n",
        "liste_blanche/domains": "kids.example\n",
        "liste_blanche/usage": "white\n",
    }
    for name, text in files.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text)
    (tree / "porn").symlink_to("adult", target_is_directory=True)  # as UT1 ships it
    return tree


def test_a_ut1_archive_is_imported_with_the_category_mapping(
    served, store: Store, tmp_path: Path
) -> None:
    root, base, fetcher = served
    tree = ut1_tree(tmp_path / "ut1")
    with tarfile.open(root / "blacklists.tar.gz", "w:gz") as archive:
        archive.add(tree, arcname="blacklists")
    source = ListSource("ut1", ListKind.UT1, f"{base}/blacklists.tar.gz")
    options = {"ut1": SourceOptions({"shopping": Category.GAMES})}
    [result] = updater(store, tmp_path, fetcher).update([source], options)
    assert result.error is None and result.report is not None
    report = result.report
    assert (report.accepted, report.duplicates, report.unsupported) == (7, 1, 2)
    assert [(i.number, i.problem.split(":")[0]) for i in report.invalid] == [(2, "drogue/domains")]
    used, skipped = result.notes
    assert used.split() == [
        "adult+porn=pornography",
        "drogue=drugs",
        "gambling=gambling",
        "shopping=games",
    ]
    assert skipped.split() == ["liste_blanche"]
    compiled = open_compiled(current_compiled(tmp_path / "data" / "lists"))  # type: ignore[arg-type]
    assert [h.category for h in compiled.category_hits("www.casino.example")] == [Category.GAMBLING]
    assert [h.category for h in compiled.category_hits("1.2.3.4")] == [Category.PORNOGRAPHY]
    assert compiled.category_hits("kids.example") == []
    assert source_options(store, "ut1").category_map == {"shopping": Category.GAMES}


def test_is_due_follows_the_schedule() -> None:
    source = ListSource("a", ListKind.DOMAINS, "x", schedule_hours=24)
    assert is_due(source, NOW)
    assert not is_due(
        ListSource("a", ListKind.DOMAINS, "x", updated_at=NOW), NOW + timedelta(hours=23)
    )
    assert is_due(ListSource("a", ListKind.DOMAINS, "x", updated_at=NOW), NOW + timedelta(hours=24))


def test_a_national_file_newer_than_the_compiled_one_wins(
    served, store: Store, tmp_path: Path, key: Ed25519PrivateKey
) -> None:
    root, base, fetcher = served
    (root / "national.json").write_bytes(SAMPLE.read_bytes())
    sign(key, root / "national.json")
    updater(store, tmp_path, fetcher).update([national(base, key)], {"national": NO_OPTIONS})
    national_file = tmp_path / "data" / "lists" / "national.json"
    data = json.loads(SAMPLE.read_text())
    data["entries"] = data["entries"][:1]
    data["entries"][0]["targets"] = [{"kind": "domain", "value": "hand-placed.test"}]
    national_file.write_text(json.dumps(data))
    loaded = load_lists(assets_dir(), national_file)
    assert loaded.national_entries == 1 and loaded.national_url_sites == frozenset()
    assert loaded.lists.national_hit(normalize_url("http://hand-placed.test/"), None)
    assert loaded.lists.national_hit(normalize_url("http://casino-sample.test/"), None) is None


def test_public_keys_and_pins_are_checked_when_given(tmp_path: Path) -> None:
    from app.listsources import read_public_key, read_sha256, read_signature

    key = Ed25519PrivateKey.generate()
    from cryptography.hazmat.primitives.serialization import PublicFormat as F

    pem = tmp_path / "key.pub"
    pem.write_bytes(key.public_key().public_bytes(Encoding.PEM, F.SubjectPublicKeyInfo))
    assert read_public_key(str(pem)) == public(key)
    assert read_public_key(public(key)) == public(key)
    for bad in ("c2hvcnQ=", "not base64!"):
        with pytest.raises(ListSourceError, match="32 bytes in base64"):
            read_public_key(bad)
    assert read_sha256("AB" * 32) == "ab" * 32
    with pytest.raises(ListSourceError, match="64 hexadecimal digits"):
        read_sha256("abc")
    assert read_signature(b"\x01" * 64, "x.sig") == b"\x01" * 64
    with pytest.raises(ListSourceError, match="not an Ed25519 signature"):
        read_signature(io.BytesIO(b"junk").read(), "x.sig")


def test_an_unchanged_source_keeps_its_previous_file_when_others_change(
    served, store: Store, tmp_path: Path
) -> None:
    root, base, fetcher = served
    games = ListSource("games", ListKind.DOMAINS, f"{base}/games.txt", Category.GAMES)
    chat = ListSource("chat", ListKind.DOMAINS, f"{base}/chat.txt", Category.CHAT)
    options = {"games": NO_OPTIONS, "chat": NO_OPTIONS}
    run = updater(store, tmp_path, fetcher)
    (root / "games.txt").write_text("first.example\n")
    run.update([games], options)
    (root / "games.txt").write_text("second.example\n")
    run.update([games], options)
    (root / "chat.txt").write_text("chat.example\n")
    same, new = run.update([games, chat], options)
    assert (same.changed, same.report, new.changed) == (False, None, True)
    folder = tmp_path / "data" / "lists" / "sources" / "games"
    assert (folder / "previous").read_text() == "first.example\n"
    assert {s.name: s.entries for s in store.list_sources()} == {"chat": 1, "games": 1}
    compiled = open_compiled(current_compiled(tmp_path / "data" / "lists"))  # type: ignore[arg-type]
    assert compiled.category_hits("second.example") and compiled.category_hits("chat.example")
