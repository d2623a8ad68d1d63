"""Removing a list source (`qorgan lists remove`, `lists.remove`), and recompiling old files."""

from pathlib import Path

import pytest

from app.cli import main
from app.ipc.client import IpcClient
from app.listcompile import ListCompileError, current_compiled, open_compiled
from app.lists import load_lists
from app.paths import assets_dir, database_path
from app.service.lists_part import LAST_RUN, ListUpdates
from app.store import Store
from rules.categories import Category
from rules.ipc import ErrorCode, IpcError
from tests.app.service.test_lists_part import (  # noqa: F401 (fixtures)
    PIN,
    clock,
    data,
    ipc,
    part,
    run_next,
    store,
)

LISTS = assets_dir() / "lists"
SAMPLE_KEY = (LISTS / "national-sample.pub").read_text().strip()


def qorgan(data_dir: Path, *args: str, lang: str = "en") -> int:
    return main(["--data-dir", str(data_dir), "--lang", lang, *args])


def categories(data_dir: Path, host: str) -> list[Category]:
    lists_dir = data_dir / "lists"
    loaded = load_lists(assets_dir(), lists_dir / "national.json", lists_dir)
    return [hit.category for hit in loaded.lists.category_hits(host)]


def national_reference(data_dir: Path, host: str) -> str | None:
    from rules.urls import normalize_url

    lists_dir = data_dir / "lists"
    loaded = load_lists(assets_dir(), lists_dir / "national.json", lists_dir)
    hit = loaded.lists.national_hit(normalize_url(f"http://{host}/"), None)
    return None if hit is None else hit.entry.reference


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    """A data folder with two domain lists and the signed sample national list."""
    data_dir = tmp_path / "data"
    for name, category, text in [
        ("games", "games", "roblox.example\nminecraft.example\n"),
        ("casinos", "gambling", "casino.example\n"),
    ]:
        path = tmp_path / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        assert qorgan(data_dir, "lists", "import", str(path), "--kind", "domains",
                      "--category", category) == 0  # fmt: skip
    assert qorgan(data_dir, "lists", "import", str(LISTS / "national-sample.json"),
                  "--kind", "national", "--public-key", SAMPLE_KEY) == 0  # fmt: skip
    return data_dir


def test_a_removed_source_leaves_the_compiled_lists(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert categories(imported, "www.roblox.example") == [Category.GAMES]
    capsys.readouterr()
    assert qorgan(imported, "lists", "remove", "games") == 0
    output = capsys.readouterr().out
    assert output.startswith("games removed (2 entries); the compiled lists now hold ")
    assert categories(imported, "www.roblox.example") == []
    assert categories(imported, "casino.example") == [Category.GAMBLING]
    assert national_reference(imported, "casino-sample.test") == "SAMPLE-2026-0001"
    assert not (imported / "lists" / "sources" / "games").exists()
    assert qorgan(imported, "lists", "status") == 0
    status = capsys.readouterr().out
    assert "games\t" not in status and "casinos\tdomains\t1 entries" in status


@pytest.mark.parametrize(
    ("lang", "fragment"),
    [
        ("en", "national: the national list cannot be removed: it holds restrictions under"),
        ("ru", "national: национальный список удалить нельзя"),
        ("kk", "national: ұлттық тізімді алып тастауға болмайды"),
    ],
)
def test_the_national_list_is_never_removed(
    imported: Path, lang: str, fragment: str, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert qorgan(imported, "lists", "remove", "national", lang=lang) == 2
    assert fragment in capsys.readouterr().err
    assert national_reference(imported, "casino-sample.test") == "SAMPLE-2026-0001"


def test_an_unknown_source_is_named_with_the_known_ones(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert qorgan(imported, "lists", "remove", "gmaes") == 2
    assert (
        "no list source called gmaes (known: casinos, games, national)" in capsys.readouterr().err
    )


def test_a_removal_that_cannot_compile_changes_nothing(
    imported: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    current = imported / "lists" / "sources" / "casinos" / "current"
    current.unlink()
    current.mkdir()  # the file in force of another source can no longer be read
    compiled = current_compiled(imported / "lists")
    capsys.readouterr()
    assert qorgan(imported, "lists", "remove", "games") == 2
    assert "casinos: the list in force: " in capsys.readouterr().err
    assert current_compiled(imported / "lists") == compiled
    assert categories(imported, "roblox.example") == [Category.GAMES]
    with Store.open(database_path(imported)) as opened:
        assert [s.name for s in opened.list_sources()] == ["casinos", "games", "national"]


def test_lists_remove_is_the_parents_and_runs_in_the_list_part(
    ipc: IpcClient,  # noqa: F811 (the fixture)
    part: ListUpdates,  # noqa: F811
    data: Path,  # noqa: F811
    tmp_path: Path,
) -> None:
    with pytest.raises(IpcError) as refused:
        ipc.call("lists.remove", name="games")
    assert refused.value.code is ErrorCode.UNAUTHORIZED
    ipc.login(PIN)
    listed = tmp_path / "games.txt"
    listed.write_text("roblox.example\n", encoding="utf-8")
    ipc.call("lists.import", path=str(listed), kind="domains", category="games")
    ipc.call("lists.import", path=str(LISTS / "national-sample.json"), kind="national",
             public_key=SAMPLE_KEY)  # fmt: skip
    run_next(part)
    run_next(part)
    assert categories(data, "roblox.example") == [Category.GAMES]
    with pytest.raises(IpcError, match="national: the national list cannot be removed"):
        ipc.call("lists.remove", name="national")
    with pytest.raises(IpcError, match=r"no list source 'chess' \(known: games, national\)"):
        ipc.call("lists.remove", name="chess")
    assert ipc.call("lists.remove", name="games") == {"queued": True, "name": "games"}
    last = run_next(part)
    assert (last["action"], last["state"], last["sources"]) == ("remove", "done", ["games"])
    assert categories(data, "roblox.example") == []
    assert national_reference(data, "casino-sample.test") == "SAMPLE-2026-0001"


def test_a_file_compiled_by_an_older_qorgan_is_refused_then_compiled_again(
    imported: Path,
) -> None:
    compiled = current_compiled(imported / "lists")
    assert compiled is not None
    older = bytearray(compiled.read_bytes())
    older[12:16] = (1).to_bytes(4, "little")  # format 1: the same header, another layout
    compiled.write_bytes(bytes(older))
    with pytest.raises(ListCompileError, match="compiled lists format 1, this Qorgan reads 2"):
        open_compiled(compiled)
    with Store.open(database_path(imported)) as opened:
        updates = ListUpdates(opened, lambda: Store.open(database_path(imported)),
                              imported / "lists")  # fmt: skip
        updates.start()
        try:
            last = run_next(updates)
        finally:
            updates.stop()
        assert (last["action"], last["state"]) == ("recompile", "done")
        assert opened.setting(LAST_RUN) == last
    assert open_compiled(current_compiled(imported / "lists")).meta["keys"] > 0  # type: ignore[arg-type]
    assert categories(imported, "roblox.example") == [Category.GAMES]
