"""The IPC protocol's lines: requests and replies, and lines that are neither."""

import json

import pytest

from rules.ipc import (
    MAX_LINE_BYTES,
    ErrorCode,
    IpcError,
    Reply,
    Request,
    decode_reply,
    decode_request,
    encode_reply,
    encode_request,
)


@pytest.mark.parametrize(
    "request_",
    [
        Request(1, "hello"),
        Request(2, "child.save", {"child": {"name": "Аружан", "age_class": "12+"}}, "t0k"),
    ],
)
def test_a_request_survives_its_line(request_: Request) -> None:
    line = encode_request(request_)
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    decoded = decode_request(line)
    assert (decoded.id, decoded.method, dict(decoded.params), decoded.token) == (
        request_.id, request_.method, dict(request_.params), request_.token,
    )  # fmt: skip


@pytest.mark.parametrize(
    "reply",
    [Reply(3, {"a": [1, None, "ә"]}), Reply(4, error=IpcError(ErrorCode.LOCKED, "locked"))],
)
def test_a_reply_survives_its_line(reply: Reply) -> None:
    decoded = decode_reply(encode_reply(reply))
    assert (decoded.id, decoded.result) == (reply.id, reply.result)
    if reply.error is None:
        assert decoded.error is None
    else:
        assert decoded.error is not None
        assert (decoded.error.code, decoded.error.message) == (reply.error.code, "locked")


def line(**data: object) -> bytes:
    return json.dumps(data).encode() + b"\n"


@pytest.mark.parametrize(
    ("raw", "code", "fragment"),
    [
        (b"not json\n", ErrorCode.BAD_REQUEST, "not a JSON line"),
        (b"\xff\xfe\n", ErrorCode.BAD_REQUEST, "not a JSON line"),
        (b"[1]\n", ErrorCode.BAD_REQUEST, "JSON object"),
        (line(v=2, id=1, method="hello"), ErrorCode.VERSION, "version 2"),
        (line(v=1, id="1", method="hello"), ErrorCode.BAD_REQUEST, "whole-number id"),
        (line(v=1, id=True, method="hello"), ErrorCode.BAD_REQUEST, "whole-number id"),
        (line(v=1, id=1), ErrorCode.BAD_REQUEST, "method name"),
        (line(v=1, id=1, method="x", params=[]), ErrorCode.BAD_REQUEST, "params"),
        (line(v=1, id=1, method="x", token=5), ErrorCode.BAD_REQUEST, "token"),
        (b" " * (MAX_LINE_BYTES + 1), ErrorCode.BAD_REQUEST, "longer than"),
    ],
)
def test_bad_request_lines_are_refused_with_a_code(raw: bytes, code: ErrorCode, fragment: str):
    with pytest.raises(IpcError) as caught:
        decode_request(raw)
    assert caught.value.code is code
    assert fragment in caught.value.message


def test_a_reply_error_with_an_unknown_code_is_internal() -> None:
    reply = decode_reply(line(v=1, id=9, error={"code": "new-thing", "message": "m"}))
    assert reply.error is not None
    assert (reply.error.code, reply.error.message) == (ErrorCode.INTERNAL, "m")


@pytest.mark.parametrize("error", [{"code": "locked"}, "text"])
def test_a_reply_error_needs_a_message(error: object) -> None:
    with pytest.raises(IpcError, match="code and a message"):
        decode_reply(line(v=1, id=9, error=error))
