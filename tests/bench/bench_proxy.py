"""Proxy benchmark (`make bench-proxy`): direct, plain mitmdump and Qorgan's proxy side by side.

One run, on loopback, against the same local upstream (a small asyncio server started
here): a 1 KB page at concurrency 1, 10 and 50; HTTPS intercepted; HTTPS passed through
(10 MB); new connections per second; 100 KB HTML with content scoring; CPU per request
and resident memory of the proxy. Qorgan's proxy runs the full addon chain with
1,000,000 extra domains loaded into its in-memory lists (tests/bench/biglists.py).
Bounded: about three minutes. Prints a Markdown table.
"""

import asyncio
import os
import ssl
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import psutil

from app.service.snapshot import write_snapshot
from rules.ageclass import AgeClass
from rules.policy import ChildProfile, Policy
from tests.proxy.harness import Mitmdump, UpstreamCa

SECONDS = float(os.environ.get("BENCH_SECONDS", "4"))
HOSTS = ["news.test", "bilimland.kz", "page.test"]
SMALL = b"x" * 1024
BIG = b"y" * (10 * 1024 * 1024)
WORDS = ["сегодня", "в", "городе", "погода", "новости", "спорт", "школа", "дети", "урок"]


def html_100k() -> bytes:
    para = " ".join(WORDS[i % len(WORDS)] for i in range(60))
    parts = []
    while sum(map(len, parts)) < 100_000:
        parts.append(f'<div class="card"><a href="/a/{len(parts)}">{para}</a><p>{para}</p></div>\n')
    return ("<html><body>" + "".join(parts) + "</body></html>").encode()[:100_000]


PAGES = {"/1k": (SMALL, "text/plain"), "/10m": (BIG, "application/octet-stream")}
PAGES["/100k"] = (html_100k(), "text/html; charset=utf-8")


async def upstream_handler(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            path = head.split(b" ", 2)[1].decode()
            body, kind = PAGES.get(path.split("?")[0], (SMALL, "text/plain"))
            close = b"connection: close" in head.lower()
            writer.write(
                f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
                f"{'Connection: close' if close else ''}\r\n\r\n".encode()
                + body
            )
            await writer.drain()
            if close:
                break
    except (asyncio.IncompleteReadError, ConnectionError):
        pass
    writer.close()


def run_upstream(port: int, tls_port: int, cert: tuple[Path, Path]) -> None:
    async def main() -> None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*cert)
        await asyncio.start_server(upstream_handler, "127.0.0.1", port)
        await asyncio.start_server(upstream_handler, "127.0.0.1", tls_port, ssl=context)
        await asyncio.Event().wait()

    asyncio.run(main())


async def _open(proxy: int | None, host: str, port: int, tls: ssl.SSLContext | None):
    if proxy is None:
        reader, writer = await asyncio.open_connection(
            "127.0.0.1", port, ssl=tls, server_hostname=host if tls else None
        )
        return reader, writer
    reader, writer = await asyncio.open_connection("127.0.0.1", proxy)
    if tls is not None:
        writer.write(f"CONNECT {host}:443 HTTP/1.1\r\nHost: {host}:443\r\n\r\n".encode())
        await reader.readuntil(b"\r\n\r\n")
        await writer.start_tls(tls, server_hostname=host)
    return reader, writer


async def _one(reader, writer, target: str, host: str, close: bool) -> int:
    extra = "Connection: close\r\n" if close else ""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\n{extra}\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    await reader.readexactly(length)
    return int(head.split(b" ")[1])


async def load(proxy, host, port, path, *, concurrency, seconds, tls=None, new_connections=False):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    deadline = time.perf_counter() + seconds
    plain = proxy is not None and tls is None
    target = f"http://{host}:{port}{path}" if plain else path

    async def worker() -> None:
        reader = writer = None
        while time.perf_counter() < deadline:
            if reader is None:
                reader, writer = await _open(proxy, host, port, tls)
            started = time.perf_counter()
            status = await _one(reader, writer, target, host, new_connections)
            latencies.append(time.perf_counter() - started)
            statuses[status] = statuses.get(status, 0) + 1
            if new_connections:
                writer.close()
                reader = writer = None
        if writer is not None:
            writer.close()

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies) * 1000,
        "p99": latencies[int(len(latencies) * 0.99)] * 1000,
        "n": len(latencies),
        "mbps": len(latencies) * len(PAGES.get(path, (SMALL,))[0]) / elapsed / 1e6,
        "statuses": statuses,
    }


def cpu(process: psutil.Process | None) -> float:
    if process is None:
        return 0.0
    times = process.cpu_times()
    return times.user + times.system


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="qorgan-bench-"))
    ca = UpstreamCa(work)
    cert = ca.issue(HOSTS)
    port, tls_port = 18080, 18443
    import multiprocessing

    server = multiprocessing.Process(target=run_upstream, args=(port, tls_port, cert), daemon=True)
    server.start()
    time.sleep(0.5)
    child = ChildProfile("Aruzhan", AgeClass.TWELVE)
    snapshot = write_snapshot(work, Policy(children=(child,)), None, "Aruzhan")
    mapping = ",".join(
        [f"{h}={tls_port}:443" for h in HOSTS] + [f"{h}={port}:{port}" for h in HOSTS]
    )
    common = {
        "ssl_verify_upstream_trusted_ca": str(ca.cert_path),
        "test_hosts": mapping,
        "stream_large_bodies": "2m",
        "termlog_verbosity": "warn",
        "flow_detail": "0",
    }
    plain = Mitmdump(work / "plain", common, work / "plain.log", scripts=False)
    qorgan = Mitmdump(
        work / "qorgan",
        {**common, "qorgan_snapshot": str(snapshot)},
        work / "qorgan.log",
        extra_scripts=[Path(__file__).with_name("biglists.py")],
    )
    time.sleep(1)
    wait_for_lists(qorgan)
    proxies = {"direct": None, "mitmdump": plain, "qorgan": qorgan}
    both = work / "both.pem"
    both.write_bytes(
        ca.cert_path.read_bytes() + plain.ca_path.read_bytes() + qorgan.ca_path.read_bytes()
    )
    tls = ssl.create_default_context(cafile=str(both))
    rows = []
    idle = {name: rss(p) for name, p in proxies.items()}

    def measure(label, host, path, concurrency, *, use_tls=False, new=False, seconds=SECONDS):
        row = [label]
        for name, proxy in proxies.items():
            process = None if proxy is None else psutil.Process(proxy.process.pid)
            before = cpu(process)
            target_port = tls_port if (use_tls and proxy is None) else (443 if use_tls else port)
            result = asyncio.run(
                load(
                    None if proxy is None else proxy.port,
                    host,
                    target_port,
                    path,
                    concurrency=concurrency,
                    seconds=seconds,
                    tls=tls if use_tls else None,
                    new_connections=new,
                )
            )
            used = cpu(process) - before
            per = used / max(result["n"], 1) * 1e6
            row.append((result, per))
            print(
                f"  {label} {name}: {result['rps']:.0f}/s p50 {result['p50']:.2f} ms "
                f"p99 {result['p99']:.2f} ms {result['mbps']:.0f} MB/s cpu {per:.0f} µs "
                f"{result['statuses']}",
                flush=True,
            )
        rows.append(row)

    for concurrency in (1, 10, 50):
        measure(f"1 KB, c={concurrency} (categorised host)", "bilimland.kz", "/1k", concurrency)
    measure("1 KB HTTPS intercepted, c=10", "page.test", "/1k", 10, use_tls=True)
    measure("1 KB HTTPS passthrough, c=10", "bilimland.kz", "/1k", 10, use_tls=True)
    measure("10 MB HTTPS passthrough, c=1", "bilimland.kz", "/10m", 1, use_tls=True)
    measure("new connections, c=10", "bilimland.kz", "/1k", 10, new=True)
    measure("100 KB HTML scored, c=10", "page.test", "/100k", 10)
    peak = {name: rss(p) for name, p in proxies.items()}
    print_table(rows, idle, peak)
    plain.stop()
    qorgan.stop()
    server.terminate()


def wait_for_lists(proxy: Mitmdump) -> None:
    deadline = time.monotonic() + 120
    while "1000000 domains loaded" not in proxy.log.read_text(errors="replace"):
        if time.monotonic() > deadline:
            raise SystemExit("the 1,000,000 domains did not load within 120 s")
        time.sleep(0.5)


def rss(proxy: Mitmdump | None) -> float:
    return 0.0 if proxy is None else psutil.Process(proxy.process.pid).memory_info().rss / 2**20


def print_table(rows, idle, peak) -> None:
    print(
        "\n| test | direct | plain mitmdump | Qorgan (full chain, 1M domains) | Qorgan / mitmdump |"
    )
    print("|---|---|---|---|---|")

    def cell(label, value):
        result, per = value
        text = f"{result['rps']:.0f}/s, p50 {result['p50']:.1f} ms, p99 {result['p99']:.1f} ms"
        if "10 MB" in label:
            text = f"{result['mbps']:.0f} MB/s, p50 {result['p50']:.0f} ms"
        return text + (f", {per:.0f} µs CPU/req" if per else "")

    for label, direct, plain, qorgan in rows:
        ratio = qorgan[0]["rps"] / max(plain[0]["rps"], 1e-9)
        cells = " | ".join(cell(label, value) for value in (direct, plain, qorgan))
        print(f"| {label} | {cells} | {ratio:.2f}× req/s |")
    print(
        f"| resident memory idle / after | – | {idle['mitmdump']:.0f} / {peak['mitmdump']:.0f} MB "
        f"| {idle['qorgan']:.0f} / {peak['qorgan']:.0f} MB | |"
    )


if __name__ == "__main__":
    main()
