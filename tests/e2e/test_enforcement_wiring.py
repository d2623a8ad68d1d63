"""The root service's wiring, as root in namespaces (the PC of test_enforcement.py): a list a
parent imports and a used-up day reach the proxy, which runs as `qorgan-proxy` and cannot
read the service's data folder."""

import time
from collections.abc import Callable

import pytest

from app.ipc.client import IpcClient
from tests.e2e.test_enforcement import (
    CHILD,
    body_and_status,
    is_block_page,
    pc,  # noqa: F401 - the PC fixture, built once for this module
)
from tests.e2e.test_enforcement_internet import SITES
from tests.e2e.test_enforcement_pc import PIN, Pc

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

USED_UP_KK = "Бүгінге берілген уақыт таусылды."
LISTED = "wiring-list.test"  # reaches allowed.test's server, which answers any name
TO_ALLOWED = ("--resolve", f"{LISTED}:80:{SITES['allowed.test'][0]}")


def wait(what: str, check: Callable[[], bool], machine: Pc, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not happen within {timeout:g} s; log:\n{machine.log()}")
        time.sleep(0.3)


def test_a_list_the_parent_imports_reaches_the_proxys_user(pc: Pc) -> None:  # noqa: F811 - the fixture
    assert body_and_status(pc.curl(CHILD, f"http://{LISTED}/", *TO_ALLOWED)) == (
        200,
        f"hello from {LISTED}",
    )
    listed = pc.root / "casinos.txt"
    listed.write_text(f"{LISTED}\n")
    with IpcClient(pc.socket) as client:
        client.login(PIN)
        client.call("lists.import", path=str(listed), kind="domains", category="gambling")
        wait(
            "the imported list blocking the site",
            lambda: is_block_page(pc.curl(CHILD, f"http://{LISTED}/", *TO_ALLOWED)),
            pc,
        )
        status = client.call("lists.status")
    assert isinstance(status, dict)
    assert status["compiled"]["sources"] == ["casinos"]  # type: ignore[index, call-overload]


def test_a_used_up_day_closes_the_web_until_a_parent_gives_time(pc: Pc) -> None:  # noqa: F811 - the fixture
    assert body_and_status(pc.curl(CHILD, "https://allowed.test/"))[0] == 200
    day = {"allowed": ["00:00-24:00"], "allowance_minutes": 0, "bedtime": None, "free": []}
    with IpcClient(pc.socket) as client:
        client.login(PIN)
        policy = client.call("policy.get")
        assert isinstance(policy, dict)
        [child] = policy["children"]  # type: ignore[misc]
        rules = child["rules"]
        client.call("child.save", child={**child, "rules": {**rules, "week": {"every_day": day}}})

        def used_up() -> bool:
            result = pc.curl(CHILD, "https://allowed.test/")
            return is_block_page(result) and USED_UP_KK in result.out

        wait("the used-up day closing the web", used_up, pc)
        client.call("child.save", child=child)  # more time than the day needs again
        wait(
            "the web open again",
            lambda: body_and_status(pc.curl(CHILD, "https://allowed.test/"))[0] == 200,
            pc,
        )
