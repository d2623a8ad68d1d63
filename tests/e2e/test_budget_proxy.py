"""Screen-time budgets end to end: the screen-time state file, the service's upkeep, a real
mitmdump with Qorgan's addons, and requests to local upstreams."""

import json
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.service.budgets import BUDGETS_NAME
from app.service.screentime_store import write_state
from app.service.service_loop import Upkeep
from app.store import Store
from rules.ageclass import AgeClass
from rules.decision import Step, Verdict
from rules.ipc import JsonValue
from rules.policy import ChildProfile
from rules.screentime_state import STATE_NAME
from rules.text import Language
from tests.proxy.harness import Answer, Mitmdump, Upstream, UpstreamCa, fetch

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(90)]

HOSTS = ["news.test", "bilimland.kz"]
USED_UP = "The time for today is used up."


def wait_for[T](what: str, check: Callable[[], T | None], timeout: float = 10.0) -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value is not None:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:g} s")
        time.sleep(0.1)


@dataclass
class Pc:
    """The service's side (store, upkeep, screen-time state) and the proxy's."""

    store: Store
    upkeep: Upkeep
    state_dir: Path
    proxy: Mitmdump
    plain: Upstream
    https: Upstream
    ca: UpstreamCa

    def screen_time(self, day_used_up: bool) -> None:
        """What the screen-time part writes every poll, then the loop's second of upkeep."""
        entry: dict[str, JsonValue] = {
            "day": "2026-11-23",
            "accounts": ["aruzhan"],
            "used_seconds": 3600,
            "allowance_seconds": 3600,
            "day_used_up": day_used_up,
            "used_up_categories": [],
        }
        write_state(self.state_dir, datetime.now(), {"Aruzhan": entry})
        self.upkeep.tick()

    def get(self, url: str) -> Answer:
        cafile = self.ca.cert_path if "bilimland" in url else self.proxy.ca_path
        return fetch(self.proxy.port, url, cafile=cafile)


@pytest.fixture
def pc(tmp_path: Path) -> Iterator[Pc]:
    data, published = tmp_path / "data", tmp_path / "proxy"
    store = Store.open(data / "qorgan.db")
    store.add_child(ChildProfile("Aruzhan", AgeClass.TWELVE, language=Language.EN))
    upkeep = Upkeep(
        store,
        published,
        published / "events.jsonl",
        data / "lists" / "national.json",
        copy_national=True,
        screentime_state=data / "run" / STATE_NAME,
    )
    upkeep.publish_policy(store.policy(), demo_child="Aruzhan")
    ca = UpstreamCa(tmp_path)
    https, plain = Upstream(ca.issue(HOSTS)), Upstream()
    mapping = [f"{h}={https.port}:443" for h in HOSTS] + [f"{h}={plain.port}:80" for h in HOSTS]
    proxy = Mitmdump(
        tmp_path / "mitmproxy",
        {
            "qorgan_snapshot": str(published / "policy-snapshot.json"),
            "qorgan_events": str(published / "events.jsonl"),
            "ssl_verify_upstream_trusted_ca": str(ca.cert_path),
            "test_hosts": ",".join(mapping),
            "connection_strategy": "lazy",
        },
        tmp_path / "mitmdump.log",
    )
    yield Pc(store, upkeep, data / "run", proxy, plain, https, ca)
    proxy.stop()
    https.stop()
    plain.stop()
    store.close()


def test_a_used_up_day_closes_allowed_sites_until_more_time_or_stale_news(pc: Pc) -> None:
    pc.screen_time(day_used_up=False)
    assert pc.get("http://news.test/").status == 200
    assert pc.get("https://bilimland.kz/").status == 200  # passed through, not decrypted

    pc.screen_time(day_used_up=True)  # the allowance ran out

    def blocked() -> Answer | None:
        answer = pc.get("http://news.test/")
        return answer if answer.status == 403 else None

    page = wait_for("the used-up day reaching the proxy", blocked, timeout=5)
    assert USED_UP in page.body
    hits = pc.plain.hits("news.test")
    secure = fetch(pc.proxy.port, "https://bilimland.kz/", cafile=pc.proxy.ca_path)
    assert secure.status == 403 and USED_UP in secure.body  # intercepted to show why
    assert pc.plain.hits("news.test") == hits

    # The proxy's events say why, and the service stores them with the rest.
    def stored_budget_block() -> bool | None:
        pc.upkeep.ingest()
        since = datetime.now() - timedelta(minutes=5)
        events = pc.store.events("Aruzhan", since, datetime.now() + timedelta(minutes=1))
        found = [(e.host, e.verdict, e.step, e.rule_id) for e in events]
        return ("news.test", Verdict.BLOCK, Step.BUDGET, "budget:day") in found or None

    wait_for("the budget block's event reaching the store", stored_budget_block)

    pc.screen_time(day_used_up=False)  # a parent gave more time

    def allowed() -> bool | None:
        return pc.get("http://news.test/").status == 200 or None

    wait_for("the granted time reaching the proxy", allowed, timeout=5)

    # The screen-time part stops: after 30 s its last word no longer counts (fail safe).
    pc.screen_time(day_used_up=True)
    wait_for("the used-up day reaching the proxy again", blocked, timeout=5)
    budgets = pc.upkeep.snapshot_dir / BUDGETS_NAME
    old = time.time() - 60
    os.utime(budgets, (old, old))
    wait_for("the stale budgets being ignored", allowed, timeout=5)
    assert "screen-time budgets not applied" in pc.proxy.log.read_text()
    assert json.loads(budgets.read_text())["children"]["aruzhan"]["day_used_up"] is True
