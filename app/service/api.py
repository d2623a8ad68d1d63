"""The service's IPC methods: who may call each one, and the dispatch of a request to it."""

import logging
import pwd
import secrets
import sys
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from app.ipc.server import Peer
from app.store import Store
from rules.ipc import ErrorCode, IpcError, JsonValue, Reply, Role, decode_request

logger = logging.getLogger(__name__)

SESSION = timedelta(minutes=15)


@dataclass(frozen=True, slots=True)
class Call:
    """One request as a method sees it: its parameters, the caller, the store, the time."""

    params: Mapping[str, JsonValue]
    peer: Peer
    account: str | None
    store: Store
    now: datetime
    token: str | None = None

    def text(self, name: str, default: str | None = None) -> str:
        value = self.params.get(name, default)
        if not isinstance(value, str):
            raise IpcError(ErrorCode.INVALID, f"{name}: expected text")
        return value

    def integer(self, name: str, default: int | None = None) -> int:
        value = self.params.get(name, default)
        if type(value) is not int:
            raise IpcError(ErrorCode.INVALID, f"{name}: expected a whole number")
        return value

    def mapping(self, name: str) -> Mapping[str, JsonValue]:
        value = self.params.get(name)
        if not isinstance(value, dict):
            raise IpcError(ErrorCode.INVALID, f"{name}: expected an object")
        return value


type Handler = Callable[[Call], JsonValue]


def account_of(peer: Peer) -> str | None:
    """The caller's OS account name: Windows names it with the pipe's client; else its uid's."""
    if peer.account is not None:
        return peer.account
    if peer.uid is None or sys.platform == "win32":
        return None
    try:
        return pwd.getpwuid(peer.uid).pw_name
    except KeyError:
        return None


class Api:
    """Methods by name; a parent's methods need a session token from `auth.login`."""

    def __init__(
        self,
        open_store: Callable[[], Store],
        clock: Callable[[], datetime],
        proxy_uids: frozenset[int],
        proxy_sids: frozenset[str] = frozenset(),
    ) -> None:
        self._open_store = open_store
        self._clock = clock
        self._proxy_uids = proxy_uids
        self._proxy_sids = proxy_sids  # Windows: the proxy worker runs as the service (SYSTEM)
        self._methods: dict[str, tuple[Role, Handler]] = {}
        self._sessions: dict[str, datetime] = {}
        self._lock = threading.Lock()
        self._local = threading.local()

    def add(self, name: str, role: Role, handler: Handler) -> None:
        if name in self._methods:
            raise ValueError(f"IPC method {name!r} is already defined")
        self._methods[name] = (role, handler)

    def open_session(self) -> str:
        token = secrets.token_hex(32)
        with self._lock:
            self._sessions[token] = self._clock() + SESSION
        return token

    def close_session(self, token: str | None) -> None:
        with self._lock:
            self._sessions.pop(token or "", None)

    def session_valid(self, token: str | None) -> bool:
        now = self._clock()
        with self._lock:
            expiry = self._sessions.get(token or "")
            if expiry is None or expiry <= now:
                self._sessions.pop(token or "", None)
                return False
            self._sessions[token or ""] = now + SESSION  # a session lasts while it is used
            return True

    def _store(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = self._open_store()
            self._local.store = store
        return store

    def dispatch(self, line: bytes, peer: Peer) -> Reply:
        """The reply to one request line; never raises."""
        try:
            request = decode_request(line)
        except IpcError as error:
            return Reply(0, error=error)
        try:
            entry = self._methods.get(request.method)
            if entry is None:
                raise IpcError(ErrorCode.UNKNOWN_METHOD, f"no method {request.method!r}")
            role, handler = entry
            self._authorise(role, request.token, peer)
            account = account_of(peer)
            now = self._clock()
            call = Call(request.params, peer, account, self._store(), now, request.token)
            return Reply(request.id, handler(call))
        except IpcError as error:
            return Reply(request.id, error=error)
        except LookupError as error:
            return Reply(request.id, error=IpcError(ErrorCode.NOT_FOUND, _message(error)))
        except ValueError as error:
            return Reply(request.id, error=IpcError(ErrorCode.INVALID, str(error)))
        except Exception:
            logger.exception("IPC method %s failed", request.method)
            failure = IpcError(ErrorCode.INTERNAL, "the service could not do this; see its log")
            return Reply(request.id, error=failure)

    def _authorise(self, role: Role, token: str | None, peer: Peer) -> None:
        if role is Role.PROXY and not self._is_proxy(peer):
            raise IpcError(ErrorCode.UNAUTHORIZED, "only Qorgan's proxy may call this")
        if role is Role.PARENT and not self.session_valid(token):
            raise IpcError(ErrorCode.UNAUTHORIZED, "enter the parent PIN first")

    def _is_proxy(self, peer: Peer) -> bool:
        if peer.sid is not None:
            return peer.sid in self._proxy_sids
        return peer.uid is not None and peer.uid in self._proxy_uids


def _message(error: LookupError) -> str:
    return str(error.args[0]) if error.args else str(error)
