"""`make bench-lists`: import, compile, cold start, memory and lookups of the compiled lists.

Synthetic lists of 1M and 5M domains (and a real UT1 tree when QORGAN_UT1_DIR names
one) go through the real pipeline (`ListUpdater`: parse, compile, write), each step in
its own process so that its memory is its own. Prints a markdown table.
"""

import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZES = [1_000_000, 5_000_000]
LOOKUPS = 100_000
TLDS = ["com", "net", "org", "ru", "kz", "info", "xyz", "io", "online", "site"]
WORDS = ["casino", "bet", "porn", "cams", "vpn", "proxy", "game", "video", "chat", "shop",
         "slots", "poker", "tube", "hot", "free", "best", "top", "club", "win", "star"]  # fmt: skip
TARGETS = {"lookup p99 (µs)": 5.0, "cold start (s)": 3.0, "lists RSS (MB)": 150.0,
           "compile (s)": 60.0}  # fmt: skip


def synthetic_domain(rng: random.Random, number: int) -> str:
    name = f"{rng.choice(WORDS)}{number:x}{rng.choice(WORDS)}.{rng.choice(TLDS)}"
    return f"{rng.choice(['www', 'm', 'cdn', 'mirror1'])}.{name}" if number % 7 == 0 else name


def write_list(path: Path, count: int) -> None:
    rng = random.Random(count)
    with path.open("w", encoding="utf-8") as file:
        for start in range(0, count, 100_000):
            batch = (synthetic_domain(rng, n) for n in range(start, min(count, start + 100_000)))
            file.write("\n".join(batch) + "\n")


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def child_import(data: str, kind: str, location: str) -> None:
    """In a fresh process: import one source through the real pipeline."""
    from app.listsources import Fetcher
    from app.listupdate import ListUpdater, SourceOptions
    from app.paths import assets_dir
    from app.store import Store
    from rules.categories import Category
    from rules.records import ListKind, ListSource

    store = Store.open(Path(data) / "qorgan.db")
    category = None if kind == "ut1" else Category.PORNOGRAPHY
    source = ListSource("bench", ListKind(kind), location, category)
    started = time.perf_counter()
    starter = assets_dir() / "lists" / "starter"
    updater = ListUpdater(store, Path(data) / "lists", Fetcher(), datetime(2026, 11, 22), starter)
    [result] = updater.update([source], {"bench": SourceOptions({})})
    seconds = time.perf_counter() - started
    if result.error or result.report is None:
        raise SystemExit(f"import failed: {result.error}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "accepted": result.report.accepted}))


def lookup_hosts(listed_file: str) -> tuple[list[str], list[str]]:
    """Distinct hosts to ask about: listed ones (some under subdomains), and unlisted ones."""
    from rules.compiled import is_ip
    from rules.listfile import read_domain

    rng = random.Random(7)
    with open(listed_file, encoding="utf-8") as file:
        lines = [line.strip() for line, _ in zip(file, range(2_000_000), strict=False)]
    listed = []
    for line in lines:
        try:
            listed.append(read_domain(line))
        except ValueError:
            continue  # a real list's invalid lines are not hosts to ask about
    # An address (real lists hold some) is asked as itself: it has no subdomains.
    listed_hosts = [
        ("" if is_ip(host) else rng.choice(["", "www.", "a.b."])) + host
        for host in (rng.choice(listed) for _ in range(LOOKUPS))
    ]
    unlisted = [
        ".".join(rng.choice(WORDS) + str(rng.randrange(10**6)) for _ in range(rng.randrange(1, 4)))
        + "." + rng.choice(TLDS)
        for _ in range(LOOKUPS)
    ]  # fmt: skip
    return listed_hosts, unlisted


def child_load(data: str, listed_file: str, started_ns: str) -> None:
    """In a fresh process, as the proxy worker starts: load every list, then look hosts up."""
    import gc

    from app.lists import load_lists
    from app.paths import assets_dir
    from rules.urls import normalize_url

    before = rss_mb()
    lists_dir = Path(data) / "lists"
    loaded = load_lists(assets_dir(), lists_dir / "national.json", lists_dir)
    lists = loaded.lists
    lists.category_hits("warm.example.com")
    cold = (time.time_ns() - int(started_ns)) / 1e9
    after_load = rss_mb() - before
    listed_hosts, unlisted = lookup_hosts(listed_file)
    gc.collect()
    gc.freeze()
    before_lookups = rss_mb()
    results = {"cold_s": cold, "rss_load_mb": after_load, "keys": loaded.compiled_keys}
    clock = time.perf_counter_ns
    for label, hosts in (("listed", listed_hosts), ("unlisted", unlisted)):
        times = []
        misses = 0
        for host in hosts:
            start = clock()
            hits = lists.category_hits(host)
            times.append(clock() - start)
            misses += not hits
        times.sort()
        results[f"{label}_p50"] = times[len(times) // 2]
        results[f"{label}_p99"] = times[int(len(times) * 0.99)]
        results[f"{label}_misses"] = misses
    urls = [normalize_url(f"https://{host}/") for host in unlisted[:20_000] + listed_hosts[:20_000]]
    random.Random(3).shuffle(urls)
    times = []
    for url in urls:
        start = clock()
        lists.national_hit(url, None)
        lists.category_hits(url.host)
        times.append(clock() - start)
    times.sort()
    results["decide_p50"] = times[len(times) // 2]
    results["decide_p99"] = times[int(len(times) * 0.99)]
    results["rss_after_mb"] = after_load + rss_mb() - before_lookups
    print(json.dumps(results))


def run_child(*args: str) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"bench step {args[0]} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(name: str, kind: str, location: Path, listed: Path, work: Path) -> dict[str, object]:
    data = work / name
    imported = run_child("_import", str(data), kind, str(location))
    loaded = run_child("_load", str(data), str(listed), str(time.time_ns()))
    compiled = next((data / "lists" / "compiled").glob("*.qlc"))
    return {"name": name, **imported, **loaded, "file_mb": compiled.stat().st_size / 2**20}


def ut1_domains(root: Path, target: Path) -> None:
    with target.open("w", encoding="utf-8") as out:
        for domains in sorted(root.rglob("domains")):
            out.write(domains.read_text(encoding="utf-8", errors="replace"))


def table(rows: list[dict[str, object]]) -> str:
    lines = [
        "| list | entries | import + compile (s) | compile peak RSS (MB) | file (MB) "
        "| cold start (s) | lists RSS at start / after lookups (MB) "
        "| lookup listed p50 / p99 (µs) | lookup unlisted p50 / p99 (µs) "
        "| national + categories p50 / p99 (µs) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:

        def us(key: str, r: dict[str, object] = r) -> str:
            return f"{float(r[key]) / 1000:.1f}"  # type: ignore[arg-type]

        lines.append(
            f"| {r['name']} | {int(r['accepted']):,} | {float(r['seconds']):.1f} "
            f"| {float(r['peak_mb']):.0f} | {float(r['file_mb']):.0f} | {float(r['cold_s']):.2f} "
            f"| {float(r['rss_load_mb']):.0f} / {float(r['rss_after_mb']):.0f} "
            f"| {us('listed_p50')} / {us('listed_p99')} "
            f"| {us('unlisted_p50')} / {us('unlisted_p99')} "
            f"| {us('decide_p50')} / {us('decide_p99')} |"
        )
    return "\n".join(lines)


def main() -> None:
    rows = []
    chosen = os.environ.get("QORGAN_BENCH_SIZES")  # e.g. "1000000", or "0" for UT1 only
    sizes = SIZES if chosen is None else [int(n) for n in chosen.split(",") if int(n) > 0]
    with tempfile.TemporaryDirectory(prefix="qorgan-bench-") as temporary:
        work = Path(temporary)
        for size in sizes:
            listed = work / f"synthetic-{size}.txt"
            write_list(listed, size)
            rows.append(measure(f"synthetic {size // 1_000_000}M", "domains", listed, listed, work))
            print(f"  done: {size:,} domains", file=sys.stderr)
        ut1 = os.environ.get("QORGAN_UT1_DIR")
        if ut1:
            listed = work / "ut1-domains.txt"
            ut1_domains(Path(ut1), listed)
            rows.append(measure("UT1 " + Path(ut1).name, "ut1", Path(ut1), listed, work))
    started = time.perf_counter()
    for _ in range(10_000_000):
        pass
    loop = time.perf_counter() - started
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs; an empty 10M-step loop "
          f"takes {loop:.2f} s here (to compare machines); "
          f"{LOOKUPS:,} distinct hosts per lookup column\n")  # fmt: skip
    print(table(rows))
    print("\nTargets at 5M domains: " + ", ".join(f"{k} < {v:g}" for k, v in TARGETS.items()))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "_import":
        child_import(*sys.argv[2:5])
    elif len(sys.argv) > 1 and sys.argv[1] == "_load":
        child_load(*sys.argv[2:5])
    else:
        main()
