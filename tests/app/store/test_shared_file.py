"""Several connections on one database file, across processes, see each other's writes."""

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from app.store import Store
from rules.ageclass import AgeClass
from rules.policy import ChildProfile

WRITER = """
import sys
from dataclasses import replace
from app.store import Store
with Store.open(__import__("pathlib").Path(sys.argv[1])) as store:
    store.replace_policy(replace(store.policy(), default_profile="Dana"))
"""


def test_a_write_by_another_process_is_seen_after_a_second_open(tmp_path: Path) -> None:
    # Opening the file again in the service's process must not drop SQLite's locks: if it
    # did, the other process would remove the WAL and the service would read stale data.
    database = tmp_path / "qorgan.db"
    service = Store.open(database)
    service.add_child(ChildProfile("Dana", AgeClass.SIX))
    assert service.policy().default_profile is None
    second = Store.open(database)
    second.policy()
    service.set_setting("heartbeat", 1)
    subprocess.run([sys.executable, "-c", WRITER, str(database)], check=True, timeout=60)
    assert service.policy().default_profile == "Dana"
    assert replace(second.policy()).default_profile == "Dana"
    second.close()
    service.close()


def test_stores_opened_by_many_threads_leave_the_umask_as_it_was(tmp_path: Path) -> None:
    import os
    import threading

    before = os.umask(0o022)
    try:

        def open_close(n: int) -> None:
            for i in range(20):
                Store.open(tmp_path / f"db{n}-{i % 2}.db").close()

        threads = [threading.Thread(target=open_close, args=(n,)) for n in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert os.umask(0o022) == 0o022
    finally:
        os.umask(before)
