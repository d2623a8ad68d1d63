"""What the console knows of the service: connection, session, policy, pending requests."""

from collections.abc import Callable, Mapping

from PySide6.QtCore import QObject, Signal

from app.gui.qtipc import PendingCall, ServiceClient
from app.gui.texts import error_text
from rules.ipc import IpcError, JsonValue
from rules.policy import ChildProfile, Mode, Policy
from rules.policy_io import child_from_dict, child_to_dict, policy_from_dict
from rules.validation import PolicyError

type OnResult = Callable[[JsonValue], object]
type OnError = Callable[[IpcError], object]


class ConsoleState(QObject):
    """The console's model: views read it, and change the service only through its calls.

    `writable` is true while the service is reachable and a parent is signed in; views
    show what they last loaded read-only otherwise.
    """

    connection_changed = Signal(bool)
    hello_received = Signal(object)
    unlocked_changed = Signal(bool)
    writable_changed = Signal(bool)
    policy_changed = Signal()
    requests_changed = Signal()
    failed = Signal(str)

    def __init__(self, client: ServiceClient, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.hello: Mapping[str, JsonValue] | None = None
        self.policy = Policy()
        self.pending_requests: list[dict[str, JsonValue]] = []
        self.unlocked = False
        client.connection_changed.connect(self._on_connection)
        client.session_lost.connect(self.lock)

    @property
    def connected(self) -> bool:
        return self.client.connected

    @property
    def writable(self) -> bool:
        return self.connected and self.unlocked

    @property
    def demo(self) -> bool:
        return self.hello is not None and self.hello.get("mode") == "demo"

    def call(
        self,
        method: str,
        params: Mapping[str, JsonValue] | None = None,
        on_result: OnResult | None = None,
        on_error: OnError | None = None,
    ) -> PendingCall:
        """Call the service; a failure goes to `on_error`, else to the `failed` signal."""
        pending = self.client.call(method, params)
        if on_result is not None:
            pending.succeeded.connect(on_result)
        pending.failed.connect(on_error if on_error is not None else self.report)
        return pending

    def report(self, error: IpcError) -> None:
        self.failed.emit(error_text(error))

    def _on_connection(self, up: bool) -> None:
        self.connection_changed.emit(up)
        self.writable_changed.emit(self.writable)
        if up:
            self.call("hello", on_result=self._on_hello)
            if self.unlocked:
                self.refresh()

    def _on_hello(self, result: JsonValue) -> None:
        if isinstance(result, dict):
            self.hello = result
            self.hello_received.emit(result)

    def unlock(self, token: str) -> None:
        """A parent entered the PIN: the session's token is used from now on."""
        self.client.token = token
        self.unlocked = True
        self.unlocked_changed.emit(True)
        self.writable_changed.emit(self.writable)
        self.refresh()

    def lock(self) -> None:
        """End the parent's session; what was loaded is forgotten until the next PIN."""
        if self.client.token is not None and self.connected:
            self.call("auth.logout", on_error=lambda error: None)
        self.client.token = None
        was_unlocked, self.unlocked = self.unlocked, False
        self.policy = Policy()
        self.pending_requests = []
        if was_unlocked:
            self.unlocked_changed.emit(False)
            self.writable_changed.emit(False)
            self.policy_changed.emit()
            self.requests_changed.emit()

    def refresh(self) -> None:
        self.call("policy.get", on_result=self._on_policy)
        self.refresh_requests()

    def refresh_requests(self) -> None:
        self.call("requests.list", {"status": "pending"}, on_result=self._on_requests)

    def _on_policy(self, result: JsonValue) -> None:
        try:
            self.policy = policy_from_dict(result)
        except PolicyError as error:
            self.failed.emit(str(error))
            return
        self.policy_changed.emit()

    def _on_requests(self, result: JsonValue) -> None:
        if isinstance(result, list):
            self.pending_requests = [item for item in result if isinstance(item, dict)]
            self.requests_changed.emit()

    def child(self, name: str) -> ChildProfile | None:
        try:
            return self.policy.child(name)
        except LookupError:
            return None

    def save_child(
        self,
        child: ChildProfile,
        on_saved: Callable[[ChildProfile], object] | None = None,
        on_error: OnError | None = None,
    ) -> PendingCall:
        """Add or change a child; the policy is updated with what the service stored."""

        def saved(result: JsonValue) -> None:
            stored = child_from_dict(result)
            others = [
                c for c in self.policy.children if c.name.casefold() != stored.name.casefold()
            ]
            if len(others) == len(self.policy.children):
                children = (*self.policy.children, stored)
            else:
                children = tuple(
                    stored if c.name.casefold() == stored.name.casefold() else c
                    for c in self.policy.children
                )
            self.policy = Policy(
                self.policy.mode, children, self.policy.groups, self.policy.default_profile
            )
            self.policy_changed.emit()
            if on_saved is not None:
                on_saved(stored)

        return self.call("child.save", {"child": _json(child_to_dict(child))}, saved, on_error)

    def set_mode(self, mode: Mode, on_done: OnResult | None = None) -> PendingCall:
        """Home or school; the policy is read again once the service has it."""

        def done(result: JsonValue) -> None:
            self.refresh()
            if on_done is not None:
                on_done(result)

        return self.call("policy.set_mode", {"mode": str(mode)}, on_result=done)


def _json(data: object) -> JsonValue:
    """`child_to_dict` gives JSON-ready data; this only tells the type checker so."""
    return data  # type: ignore[return-value]
