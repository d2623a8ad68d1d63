"""Benchmark-only mitmproxy script: 1,000,000 more domains in the Qorgan proxy's lists.

Loaded after proxy/worker.py; adds synthetic domains (a mix of categories) to the
in-memory lists of the snapshot in force, then freezes them out of the collector's
way as the snapshot loader does.
"""

import gc
import logging

from mitmproxy import ctx

from rules.categories import Category

COUNT = 1_000_000
CATEGORIES = [Category.GAMBLING, Category.PORNOGRAPHY, Category.GAMES, Category.VIDEO]


class BigLists:
    def running(self) -> None:
        policy = ctx.master.addons.get("policyfilter")
        active = policy.active()
        lists = active.snapshot.lists
        for number in range(COUNT):
            lists.add_domain(
                f"site{number}.bench{number % 977}.test", CATEGORIES[number % 4], "bench"
            )
        gc.collect()
        gc.freeze()
        logging.getLogger(__name__).warning("%d domains loaded", COUNT)


addons = [BigLists()]
