"""Benchmark-only: a data folder whose lists hold 1,000,000 extra domains, compiled for the proxy.

The domains go through Qorgan's real list pipeline (`ListUpdater`, as `qorgan lists update`
does): four plain domain lists of a quarter each (gambling, pornography, games, video),
the signed sample national list, and the shipped starter lists, compiled into one
memory-mapped file in `<data>/lists/compiled/`. A policy snapshot that names
`<data>/lists/national.json` makes the proxy worker map that file when it loads the snapshot,
exactly as in the demo. `BENCH_DOMAINS` sets another count.
"""

import os
import time
from datetime import datetime
from pathlib import Path

from app.listsources import Fetcher, SourceOptions
from app.listupdate import NATIONAL_FILE, ListUpdater
from app.paths import assets_dir
from app.store import Store
from rules.categories import Category
from rules.records import ListKind, ListSource

COUNT = int(os.environ.get("BENCH_DOMAINS", "1000000"))
CATEGORIES = [Category.GAMBLING, Category.PORNOGRAPHY, Category.GAMES, Category.VIDEO]


def domain(number: int) -> str:
    """The synthetic domain with this number; its category is CATEGORIES[number % 4]."""
    return f"site{number}.bench{number % 977}.test"


def compile_lists(data: Path, count: int = COUNT) -> tuple[Path, dict[str, float]]:
    """Compile `count` synthetic domains, the sample national list and the starter lists.

    Returns the national list file to name in the snapshot (its folder holds the compiled
    file) and what the compile took: seconds, the file's size in MB and its keys.
    """
    lists_dir = data / "lists"
    raw = data / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    sources = []
    for index, category in enumerate(CATEGORIES):
        path = raw / f"bench-{category}.txt"
        with path.open("w", encoding="ascii") as file:
            for start in range(index, count, 400_000):
                stop = min(count, start + 400_000)
                file.write("".join(domain(n) + "\n" for n in range(start, stop, len(CATEGORIES))))
        sources.append(ListSource(f"bench-{category}", ListKind.DOMAINS, str(path), category))
    lists_assets = assets_dir() / "lists"
    sources.append(
        ListSource(
            "national",
            ListKind.NATIONAL,
            str(lists_assets / "national-sample.json"),
            public_key=(lists_assets / "national-sample.pub").read_text(encoding="ascii").strip(),
        )
    )
    started = time.perf_counter()
    with Store.open(data / "qorgan.db") as store:
        updater = ListUpdater(store, lists_dir, Fetcher(), datetime.now(), lists_assets / "starter")
        results = updater.update(sources, {source.name: SourceOptions({}) for source in sources})
    seconds = time.perf_counter() - started
    failed = [f"{r.source.name}: {r.error}" for r in results if r.error]
    if failed:
        raise SystemExit("the benchmark's lists did not compile: " + "; ".join(failed))
    compiled = next((lists_dir / "compiled").glob("lists-*.qlc"))
    accepted = sum(r.report.accepted for r in results if r.report and r.source.name != "national")
    if accepted != count:
        raise SystemExit(f"the benchmark's lists took {accepted} domains, not {count}")
    for path in raw.iterdir():
        path.unlink()
    raw.rmdir()
    return lists_dir / NATIONAL_FILE, {
        "seconds": seconds,
        "file_mb": compiled.stat().st_size / 2**20,
        "domains": accepted,
    }
