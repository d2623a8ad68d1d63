"""The local IPC protocol: one JSON object a line, with a version, an id and a method.

A request is `{"v": 1, "id": 7, "method": "children.list", "params": {}, "token": "…"}`;
its reply is `{"v": 1, "id": 7, "result": …}` or `{"v": 1, "id": 7, "error": {…}}`.
"""

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

PROTOCOL_VERSION = 1
MAX_LINE_BYTES = 1 << 20

type JsonValue = bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None


class Role(StrEnum):
    """Who may call a method: anyone on the PC, the proxy worker, or a parent after the PIN."""

    ANYONE = "anyone"
    PROXY = "proxy"
    PARENT = "parent"


class ErrorCode(StrEnum):
    BAD_REQUEST = "bad_request"
    VERSION = "version"
    UNKNOWN_METHOD = "unknown_method"
    UNAUTHORIZED = "unauthorized"
    LOCKED = "locked"
    INVALID = "invalid"
    NOT_FOUND = "not_found"
    INTERNAL = "internal"


class IpcError(ValueError):
    """A failed call, as the caller sees it: a code to act on and a message to show."""

    def __init__(self, code: ErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True, slots=True)
class Request:
    id: int
    method: str
    params: Mapping[str, JsonValue] = field(default_factory=lambda: MappingProxyType({}))
    token: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    id: int
    result: JsonValue = None
    error: IpcError | None = None


def _line(data: dict[str, JsonValue]) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


def _object(line: bytes) -> tuple[int, dict[str, JsonValue]]:
    if len(line) > MAX_LINE_BYTES:
        raise IpcError(ErrorCode.BAD_REQUEST, f"a message longer than {MAX_LINE_BYTES} bytes")
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError) as error:
        raise IpcError(ErrorCode.BAD_REQUEST, f"not a JSON line: {error}") from None
    if not isinstance(data, dict):
        raise IpcError(ErrorCode.BAD_REQUEST, "a message must be a JSON object")
    if data.get("v") != PROTOCOL_VERSION:
        raise IpcError(
            ErrorCode.VERSION, f"protocol version {data.get('v')!r} is not {PROTOCOL_VERSION}"
        )
    number = data.get("id")
    if type(number) is not int:
        raise IpcError(ErrorCode.BAD_REQUEST, "a message needs a whole-number id")
    return number, data


def encode_request(request: Request) -> bytes:
    data: dict[str, JsonValue] = {
        "v": PROTOCOL_VERSION,
        "id": request.id,
        "method": request.method,
        "params": dict(request.params),
    }
    if request.token is not None:
        data["token"] = request.token
    return _line(data)


def decode_request(line: bytes) -> Request:
    """The request of one line; IpcError(BAD_REQUEST or VERSION) if it is not one."""
    number, data = _object(line)
    method, params, token = data.get("method"), data.get("params", {}), data.get("token")
    if not isinstance(method, str) or not method:
        raise IpcError(ErrorCode.BAD_REQUEST, "a request needs a method name")
    if not isinstance(params, dict):
        raise IpcError(ErrorCode.BAD_REQUEST, "params must be an object")
    if token is not None and not isinstance(token, str):
        raise IpcError(ErrorCode.BAD_REQUEST, "a token must be text")
    return Request(number, method, MappingProxyType(params), token)


def encode_reply(reply: Reply) -> bytes:
    data: dict[str, JsonValue] = {"v": PROTOCOL_VERSION, "id": reply.id}
    if reply.error is None:
        data["result"] = reply.result
    else:
        data["error"] = {"code": str(reply.error.code), "message": reply.error.message}
    return _line(data)


def decode_reply(line: bytes) -> Reply:
    """The reply of one line; an error reply carries its IpcError, not raised."""
    number, data = _object(line)
    error = data.get("error")
    if error is None:
        return Reply(number, data.get("result"))
    message = error.get("message") if isinstance(error, dict) else None
    if not isinstance(error, dict) or not isinstance(message, str):
        raise IpcError(ErrorCode.BAD_REQUEST, "an error needs a code and a message")
    code = error.get("code")
    known = code if isinstance(code, str) and code in set(ErrorCode) else ErrorCode.INTERNAL
    return Reply(number, error=IpcError(ErrorCode(known), message))
