"""Benchmark-only mitmproxy script: cProfile of the proxy's event loop while it runs.

`--set bench_profile=FILE` starts the profiler when the proxy is running and writes its
stats to FILE when it stops (`BENCH_PROFILE=FILE` in tests/bench/bench_proxy.py adds this
script to Qorgan's mitmdump). Read them with `python -m pstats FILE`. Never loaded by Qorgan.
"""

import cProfile

from mitmproxy import addonmanager, ctx


class Profile:
    def __init__(self) -> None:
        self.profiler: cProfile.Profile | None = None

    def load(self, loader: addonmanager.Loader) -> None:
        loader.add_option("bench_profile", str, "", "Write cProfile stats here on exit.")

    def running(self) -> None:
        if ctx.options.bench_profile:
            self.profiler = cProfile.Profile()
            self.profiler.enable()

    def done(self) -> None:
        if self.profiler is not None:
            self.profiler.disable()
            self.profiler.dump_stats(ctx.options.bench_profile)


addons = [Profile()]
