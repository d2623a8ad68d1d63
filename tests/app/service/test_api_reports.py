"""The parent's report methods over the real socket, with report files on disk."""

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from app.ipc.client import IpcClient
from app.ipc.server import IpcServer
from app.report.files import reports_dir
from app.service import api_reports
from app.service.api import Api
from app.service.api_core import register as register_core
from app.store import Store
from rules.ipc import ErrorCode, IpcError


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = reports_dir(tmp_path)
    folder.mkdir(parents=True)
    (folder / "2026-W47-Aruzhan-kk.html").write_text("<h1>Апта</h1>", encoding="utf-8")
    (folder / "2026-W47-Aruzhan-kk.pdf").write_bytes(b"%PDF-1.4")
    (folder / "2026-W48-group-7A.csv").write_text("group,minutes\n7A,60\n", encoding="utf-8")
    (folder / "notes.txt").write_text("not a report", encoding="utf-8")
    return tmp_path


@pytest.fixture
def ipc(data_dir: Path) -> Iterator[IpcClient]:
    database = data_dir / "qorgan.db"
    with Store.open(database) as store:
        store.set_pin("2468")
    api = Api(lambda: Store.open(database), datetime.now, proxy_uids=frozenset({os.getuid()}))
    register_core(api, "demo")
    api_reports.register(api)
    server = IpcServer(data_dir / "run" / "qorgan.sock", api.dispatch)
    server.start()
    with IpcClient(server.path) as client:
        yield client
    server.stop()


def test_reports_are_listed_for_the_parent_only(ipc: IpcClient) -> None:
    with pytest.raises(IpcError) as caught:
        ipc.call("reports.list")
    assert caught.value.code is ErrorCode.UNAUTHORIZED
    ipc.login("2468")
    listed = ipc.call("reports.list")
    assert isinstance(listed, list)
    assert [(r["id"], r["format"]) for r in listed] == [  # type: ignore[index]
        ("2026-W48-group-7A.csv", "csv"),
        ("2026-W47-Aruzhan-kk.pdf", "pdf"),
        ("2026-W47-Aruzhan-kk.html", "html"),
    ]


def test_a_report_is_opened_by_its_listed_name_only(ipc: IpcClient, data_dir: Path) -> None:
    ipc.login("2468")
    assert ipc.call("reports.get", id="2026-W47-Aruzhan-kk.html") == {"html": "<h1>Апта</h1>"}
    assert ipc.call("reports.get", id="2026-W48-group-7A.csv") == {"text": "group,minutes\n7A,60\n"}
    pdf = ipc.call("reports.get", id="2026-W47-Aruzhan-kk.pdf")
    assert pdf["path"] == str(reports_dir(data_dir) / "2026-W47-Aruzhan-kk.pdf")  # type: ignore[index]
    for name in ("notes.txt", "../qorgan.db", "/etc/passwd"):
        with pytest.raises(IpcError) as caught:
            ipc.call("reports.get", id=name)
        assert caught.value.code is ErrorCode.NOT_FOUND
