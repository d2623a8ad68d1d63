"""Protection health: the service records it, the console reads it (`protection.health`).

The service writes one setting, `protection.status`, every few seconds and at once when
something changes: its heartbeat, the proxy worker (running, restarts, last exit) and the
firewall (state, backend, supervised accounts, times it was put back) and, where the service
installs it, the CA's trust (Linux; on Windows the installer does). Each proxy restart and
each firewall repair is also an alert of kind `protection_off` for the parent's report.
"""

import time
from collections.abc import Callable
from datetime import datetime
from typing import Protocol

from app.service.api import Api, Call
from app.store import Store
from rules.ipc import JsonValue, Role
from rules.records import Alert, AlertKind

STATUS_KEY = "protection.status"
BEAT_EVERY = 5.0
# A heartbeat older than this means the service loop is stuck (the IPC thread still answers).
STALE_AFTER = 30.0


class Worker(Protocol):
    """What the recorder reads from the proxy supervisor."""

    @property
    def restarts(self) -> int: ...

    @property
    def last_exit_code(self) -> int | None: ...

    @property
    def pid(self) -> int | None: ...

    @property
    def running(self) -> bool: ...


class ProtectionRecord:
    """Keeps `protection.status` current and turns each restart and repair into an alert."""

    def __init__(
        self,
        store: Store,
        worker: Worker,
        *,
        now: Callable[[], datetime] = datetime.now,
        clock: Callable[[], float] = time.monotonic,
        tracks_trust: bool = True,
    ) -> None:
        self.store = store
        self.worker = worker
        self._now, self._clock = now, clock
        self._restarts = worker.restarts
        self._down_since: float | None = None
        self._beaten: float | None = None
        self.status: dict[str, JsonValue] = {
            "mode": "service",
            "started_at": now().isoformat(timespec="seconds"),
            "heartbeat": None,
            "proxy": {
                "running": False,
                "pid": None,
                "restarts": 0,
                "last_restart": None,
                "last_exit_code": None,
                "last_down_seconds": None,
                "error": None,
            },
            "firewall": {
                "state": "missing",
                "checked_at": None,
                "accounts": 0,
                "repairs": 0,
                "error": None,
            },
        }
        if tracks_trust:
            self.status["trust"] = {"state": "pending", "error": None}

    def _part(self, name: str) -> dict[str, JsonValue]:
        part = self.status[name]
        assert isinstance(part, dict)
        return part

    def watch(self) -> None:
        """After each look at the proxy: note when it went down, record when it came back."""
        proxy = self._part("proxy")
        running = self.worker.running
        if not running and self._down_since is None:
            self._down_since = self._clock()
        if self.worker.restarts > self._restarts:
            self._restarts = self.worker.restarts
            down = None if self._down_since is None else self._clock() - self._down_since
            code = self.worker.last_exit_code
            proxy["restarts"] = self._restarts
            proxy["last_restart"] = self._now().isoformat(timespec="seconds")
            proxy["last_exit_code"] = code
            proxy["last_down_seconds"] = None if down is None else round(down, 2)
            seconds = "?" if down is None else f"{down:.1f}"
            self.alert(f"the proxy stopped (exit code {code}) and was restarted after {seconds} s")
        if running:
            self._down_since = None
        changed = proxy["running"] != running or proxy["pid"] != self.worker.pid
        proxy["running"], proxy["pid"] = running, self.worker.pid
        self.beat(force=changed)

    def proxy_failed(self, error: str | None) -> None:
        self._part("proxy")["error"] = error
        self.beat(force=True)

    def firewall(
        self, state: str, accounts: int, error: str | None = None, backend: str | None = None
    ) -> None:
        part = self._part("firewall")
        changed = (part["state"], part["accounts"], part["error"]) != (state, accounts, error)
        part.update(
            state=state,
            accounts=accounts,
            error=error,
            checked_at=self._now().isoformat(timespec="seconds"),
        )
        if backend is not None:  # which tool holds the rules: nftables, iptables, windows-firewall
            changed = changed or part.get("backend") != backend
            part["backend"] = backend
        self.beat(force=changed)

    def firewall_repaired(self, what: str) -> None:
        part = self._part("firewall")
        repairs = part["repairs"]
        part["repairs"] = (repairs if isinstance(repairs, int) else 0) + 1
        self.alert(f"the firewall table was {what}; Qorgan put it back")

    def trust(self, state: str, error: str | None = None) -> None:
        self.status["trust"] = {"state": state, "error": error}
        self.beat(force=True)

    def alert(self, detail: str) -> None:
        self.store.add_alert(Alert(self._now(), None, AlertKind.PROTECTION_OFF, detail))
        self.beat(force=True)

    def beat(self, force: bool = False) -> None:
        """Write the status with a new heartbeat, at most every few seconds unless forced."""
        now = self._clock()
        if not force and self._beaten is not None and now - self._beaten < BEAT_EVERY:
            return
        self._beaten = now
        self.status["heartbeat"] = self._now().isoformat(timespec="seconds")
        self.store.set_setting(STATUS_KEY, self.status)


def health(store: Store, mode: str, now: datetime) -> dict[str, JsonValue]:
    """The recorded status with the heartbeat's age and one verdict, `healthy`.

    Healthy means the service loop beat within `STALE_AFTER` seconds, the proxy runs and
    the firewall table is as applied. The demo touches no firewall: it is never healthy.
    """
    stored = store.setting(STATUS_KEY)
    if not isinstance(stored, dict) or mode != "service":
        return {"mode": mode, "healthy": False, "heartbeat": None, "heartbeat_age_seconds": None}
    result = dict(stored)
    age = _age(stored.get("heartbeat"), now)
    proxy, firewall = stored.get("proxy"), stored.get("firewall")
    result["heartbeat_age_seconds"] = age
    result["healthy"] = (
        age is not None
        and age < STALE_AFTER
        and isinstance(proxy, dict)
        and proxy.get("running") is True
        and isinstance(firewall, dict)
        and firewall.get("state") == "applied"
    )
    return result


def register(api: Api, mode: str) -> None:
    """`protection.health`: the parent's view of whether protection is on, and since when."""

    def protection_health(call: Call) -> JsonValue:
        return health(call.store, mode, call.now)

    api.add("protection.health", Role.PARENT, protection_health)


def _age(heartbeat: JsonValue, now: datetime) -> float | None:
    if not isinstance(heartbeat, str):
        return None
    try:
        return round((now - datetime.fromisoformat(heartbeat)).total_seconds(), 1)
    except ValueError:
        return None
