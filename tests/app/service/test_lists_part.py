"""The parent's list methods over a real socket, and the list part that runs what they queue."""

import pwd
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.listcompile import current_compiled, open_compiled
from app.listsources import Fetcher, SourceOptions, save_source
from app.paths import assets_dir, database_path
from app.service import api_core, api_lists
from app.service.api import Api
from app.service.api_lists import copy_in
from app.service.lists_part import LAST_RUN, REQUESTS, RETRY_AFTER, ListUpdates
from app.store import Store
from rules.categories import Category
from rules.ipc import ErrorCode, IpcError
from rules.records import ListKind, ListSource

NOW = datetime(2026, 11, 23, 18, 0)
PIN = "2468"
SAMPLE = assets_dir() / "lists" / "national-sample.json"
SAMPLE_KEY = (assets_dir() / "lists" / "national-sample.pub").read_text().strip()


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def wait_until(what: str, check: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:g} s")
        time.sleep(0.02)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    with Store.open(database_path(folder)) as store:
        store.set_pin(PIN)
    return folder


@pytest.fixture
def store(data: Path) -> Iterator[Store]:
    with Store.open(database_path(data)) as opened:
        yield opened


@pytest.fixture
def ipc(data: Path) -> Iterator[IpcClient]:
    api = Api(partial(Store.open, database_path(data)), lambda: NOW, proxy_uids=frozenset())
    api_core.register(api, mode="demo")
    api_lists.register(api)
    server = IpcServer(data / "run" / "qorgan.sock", api.dispatch)
    server.start()
    with IpcClient(server.path) as client:
        yield client
    server.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def part(store: Store, data: Path, clock: Clock) -> Iterator[ListUpdates]:
    updates = ListUpdates(
        store,
        partial(Store.open, database_path(data)),
        data / "lists",
        clock=clock,
        now=lambda: NOW,
    )
    updates.start()
    yield updates
    updates.stop()


def run_next(part: ListUpdates) -> dict[str, object]:
    """Tick once as the service loop does; the run's outcome once the thread is done."""
    runs = part.runs
    part.tick()
    wait_until("the list run", lambda: part.runs > runs)
    last = part.store.setting(LAST_RUN)
    assert isinstance(last, dict)
    return last


def test_the_methods_are_the_parents(ipc: IpcClient) -> None:
    for method in ("lists.status", "lists.update", "lists.import"):
        with pytest.raises(IpcError) as refused:
            ipc.call(method)
        assert refused.value.code is ErrorCode.UNAUTHORIZED


def test_an_imported_domain_list_is_compiled_and_shown_in_the_status(
    ipc: IpcClient, part: ListUpdates, tmp_path: Path, data: Path
) -> None:
    ipc.login(PIN)
    assert ipc.call("lists.status") == {
        "sources": [],
        "compiled": None,
        "waiting": [],
        "last_run": None,
    }
    listed = tmp_path / "Casino Sites.txt"
    listed.write_text("casino-one.test\nnot a domain\ncasino-two.test\n")
    with pytest.raises(IpcError, match=r"kind: say what kind of list Casino Sites\.txt is"):
        ipc.call("lists.import", path=str(listed))
    with pytest.raises(IpcError, match="category: a domains list needs a category"):
        ipc.call("lists.import", path=str(listed), kind="domains")
    queued = ipc.call("lists.import", path=str(listed), kind="domains", category="gambling")
    assert queued == {
        "queued": True,
        "name": "casino-sites",
        "kind": "domains",
        "category": "gambling",
    }
    status = ipc.call("lists.status")
    assert isinstance(status, dict) and len(status["waiting"]) == 1  # type: ignore[arg-type]
    listed.unlink()  # a USB stick taken out: the copy the service took is what counts
    last = run_next(part)
    assert (last["action"], last["state"], last["error"]) == ("import", "done", None)
    [result] = last["results"]  # type: ignore[misc]
    assert (result["name"], result["accepted"], result["invalid"]) == ("casino-sites", 2, 1)
    status = ipc.call("lists.status")
    assert isinstance(status, dict)
    [source] = status["sources"]  # type: ignore[misc]
    assert (source["name"], source["kind"], source["category"], source["entries"]) == (
        "casino-sites",
        "domains",
        "gambling",
        2,
    )
    assert source["location"] == str(data / "lists" / "imports" / "casino-sites" / listed.name)
    assert status["compiled"]["sources"] == ["casino-sites"]  # type: ignore[index]
    assert status["waiting"] == []
    compiled = open_compiled(current_compiled(data / "lists"))  # type: ignore[arg-type]
    assert [h.category for h in compiled.category_hits("casino-two.test")] == [Category.GAMBLING]


def test_a_national_list_is_imported_only_when_signed(
    ipc: IpcClient, part: ListUpdates, tmp_path: Path
) -> None:
    ipc.login(PIN)
    folder = tmp_path / "usb"
    folder.mkdir()
    shutil.copyfile(SAMPLE, folder / "national-2026-11.json")
    assert ipc.call("lists.import", path=str(folder / "national-2026-11.json"))["kind"] == (  # type: ignore[index]
        "national"
    )
    last = run_next(part)
    [refused] = last["results"]  # type: ignore[misc]
    assert "must be signed" in refused["error"]
    # With the publisher's key; the signature beside the file is copied in with it.
    shutil.copyfile(SAMPLE.with_name(SAMPLE.name + ".sig"), folder / "national-2026-11.json.sig")
    ipc.call("lists.import", path=str(folder / "national-2026-11.json"), public_key=SAMPLE_KEY)
    last = run_next(part)
    [taken] = last["results"]  # type: ignore[misc]
    assert (taken["error"], taken["signature_status"], taken["accepted"]) == (
        None,
        "verified-ed25519",
        3,
    )


def test_bad_imports_are_refused_at_once(ipc: IpcClient, tmp_path: Path) -> None:
    ipc.login(PIN)
    with pytest.raises(IpcError, match="give the whole path") as refused:
        ipc.call("lists.import", path="lists/national.json")
    assert refused.value.code is ErrorCode.INVALID
    with pytest.raises(IpcError, match="no such file") as missing:
        ipc.call("lists.import", path=str(tmp_path / "gone.json"))
    assert missing.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(IpcError, match="/dev/zero: not a file or a folder"):
        ipc.call("lists.import", path="/dev/zero", kind="hosts", category="malware")
    (tmp_path / "list.txt").write_text("a.test\n")
    with pytest.raises(IpcError, match="category: no category 'casinos'"):
        ipc.call(
            "lists.import", path=str(tmp_path / "list.txt"), kind="domains", category="casinos"
        )
    with pytest.raises(IpcError, match="name: small letters"):
        ipc.call("lists.import", path=str(tmp_path / "list.txt"), kind="ut1", name="../up")


def test_update_queues_every_source_once_and_the_part_runs_them(
    ipc: IpcClient, part: ListUpdates, store: Store, tmp_path: Path
) -> None:
    ipc.login(PIN)
    assert ipc.call("lists.update") == {"queued": False, "sources": []}
    listed = tmp_path / "games.txt"
    listed.write_text("roblox.example\n")
    source = ListSource("games", ListKind.DOMAINS, str(listed), Category.GAMES)
    save_source(store, source, SourceOptions({}))
    with pytest.raises(IpcError, match="no list source 'chess'") as unknown:
        ipc.call("lists.update", names=["chess"])
    assert unknown.value.code is ErrorCode.NOT_FOUND
    assert ipc.call("lists.update") == {"queued": True, "sources": ["games"]}
    ipc.call("lists.update")  # pressed twice: still one job
    assert len(store.setting(REQUESTS)) == 1  # type: ignore[arg-type]
    last = run_next(part)
    assert (last["action"], last["sources"], last["state"]) == ("update", ["games"], "done")
    assert store.setting(REQUESTS) == []
    [games] = store.list_sources()
    assert (games.entries, games.updated_at) == (1, NOW)


def test_sources_due_are_updated_on_schedule_and_failures_wait(
    part: ListUpdates, store: Store, clock: Clock, tmp_path: Path
) -> None:
    listed = tmp_path / "games.txt"
    save_source(
        store, ListSource("games", ListKind.DOMAINS, str(listed), Category.GAMES), SourceOptions({})
    )
    last = run_next(part)  # the first look at the schedule: never updated, so due
    assert last["action"] == "scheduled"
    [failed] = last["results"]  # type: ignore[misc]
    assert "not found" in failed["error"]
    listed.write_text("roblox.example\n")
    clock.now += 60
    runs = part.runs
    part.tick()
    wait_until("the minute's look", lambda: part.runs > runs)
    assert store.list_sources()[0].updated_at is None  # a failed source waits, not a minute
    clock.now += RETRY_AFTER
    last = run_next(part)
    assert last["state"] == "done" and store.list_sources()[0].updated_at == NOW
    clock.now += 60
    runs = part.runs
    part.tick()
    wait_until("the minute's look", lambda: part.runs > runs)
    assert part.store.setting(LAST_RUN) == last  # nothing was due: no run recorded


def test_a_waiting_job_is_not_taken_while_a_run_goes_on(
    store: Store, data: Path, clock: Clock
) -> None:
    release = threading.Event()

    class SlowFetcher(Fetcher):
        def fetch(self, location: str, target: Path) -> str:
            release.wait(10)
            return super().fetch(location, target)

    listed = data.parent / "games.txt"
    listed.write_text("roblox.example\n")
    save_source(
        store, ListSource("games", ListKind.DOMAINS, str(listed), Category.GAMES), SourceOptions({})
    )
    part = ListUpdates(
        store,
        partial(Store.open, database_path(data)),
        data / "lists",
        fetcher=SlowFetcher(),
        clock=clock,
        now=lambda: NOW,
    )
    part.start()
    try:
        part.tick()
        wait_until("the run starting", lambda: part.busy)
        store.set_setting(REQUESTS, [{"action": "update", "names": None}])
        part.tick()
        assert store.setting(REQUESTS) == [{"action": "update", "names": None}]
        release.set()
        wait_until("the run ending", lambda: not part.busy)
        part.tick()
        wait_until("the waiting job", lambda: part.runs == 2)
        assert store.setting(REQUESTS) == []
    finally:
        release.set()
        part.stop()


def test_a_job_that_cannot_run_is_shown_as_failed(part: ListUpdates, store: Store) -> None:
    store.set_setting(REQUESTS, [{"action": "import", "source": {"kind": "domains"}}])
    last = run_next(part)
    assert (last["state"], last["error"]) == ("failed", "this job cannot run ('name')")


def test_a_run_the_service_stopped_in_is_shown_as_interrupted(
    store: Store, data: Path, clock: Clock
) -> None:
    store.set_setting(LAST_RUN, {"action": "update", "state": "running"})
    part = ListUpdates(store, partial(Store.open, database_path(data)), data / "lists")
    part.start()
    part.stop()
    assert store.setting(LAST_RUN) == {"action": "update", "state": "interrupted"}


@pytest.fixture
def shared() -> Iterator[Path]:
    """A folder other accounts can reach (pytest's own temporary folders are closed)."""
    folder = Path(tempfile.mkdtemp(prefix="qorgan-lists-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder)


def test_a_file_is_copied_in_with_the_callers_rights(shared: Path, tmp_path: Path) -> None:
    nobody = pwd.getpwnam("nobody").pw_uid
    readable = shared / "hosts.txt"
    readable.write_text("0.0.0.0 ads.test\n")
    readable.chmod(0o644)
    copy = copy_in(readable, tmp_path / "in", nobody)
    assert copy.read_text() == "0.0.0.0 ads.test\n"
    assert not copy.with_name(copy.name + ".sig").exists()
    secret = shared / "secret.txt"
    secret.write_text("root's own\n")
    secret.chmod(0o600)
    with pytest.raises(IpcError, match="nobody cannot read it") as refused:
        copy_in(secret, tmp_path / "in", nobody)
    assert refused.value.code is ErrorCode.INVALID
    tree = shared / "blacklists" / "gambling"
    tree.mkdir(parents=True)
    (tree / "domains").write_text("casino.test\n")
    for path in (shared / "blacklists", tree, tree / "domains"):
        path.chmod(0o755 if path.is_dir() else 0o644)
    archive = copy_in(shared / "blacklists", tmp_path / "in", nobody)
    assert archive.name == "blacklists.tar" and archive.stat().st_size > 0


def test_the_time_of_a_run_is_the_parts_clock(
    part: ListUpdates, store: Store, tmp_path: Path
) -> None:
    listed = tmp_path / "games.txt"
    listed.write_text("roblox.example\n")
    when = NOW - timedelta(days=2)
    save_source(
        store,
        ListSource("games", ListKind.DOMAINS, str(listed), Category.GAMES, updated_at=when),
        SourceOptions({}),
    )
    last = run_next(part)
    assert (last["started_at"], last["finished_at"]) == ("2026-11-23T18:00:00",) * 2
