"""Qorgan's own pages on the reserved host `qorgan.invalid`: block-page actions and the about page.

`https://qorgan.invalid/` tells the child what Qorgan does; `/ask` files a request for
a site with the service; `/allow` sends the parent's PIN to the service, which checks it
(with its lockout) and allows the site for an hour or always. The proxy never sees the
PIN's hash and never writes the database: the service does, through IPC.
"""

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any, Protocol

from mitmproxy import addonmanager, ctx, http

from app.ipc.client import IpcClient
from proxy import pagetext
from proxy.blockpage import HELP, HELPLINE, QORGAN_HOST, page
from proxy.hotpath import pretty_host
from proxy.policyfilter import OWN_PAGE_KEY, PolicyFilter, host_url
from rules.hosts import HostError, normalize_host
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.text import Language, Text

HTML = {"Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"}

logger = logging.getLogger(__name__)


class Caller(Protocol):
    def call(self, method: str, **params: JsonValue) -> JsonValue: ...

    def close(self) -> None: ...


def _is_own(host: str) -> bool:
    return host.lower().rstrip(".") == QORGAN_HOST


class QorganPages:
    """Serves the reserved host inside the proxy; nothing for it ever goes upstream."""

    def __init__(self, policy: PolicyFilter, connect: Callable[[Path], Caller] = IpcClient) -> None:
        self.policy = policy
        self._connect = connect

    def load(self, loader: addonmanager.Loader) -> None:
        loader.add_option(
            "qorgan_ipc", str, "", "The service's IPC socket, for the block page's actions."
        )

    def http_connect(self, flow: http.HTTPFlow) -> None:
        if _is_own(flow.request.host) and not flow.response:
            flow.metadata[OWN_PAGE_KEY] = True
            flow.response = http.Response.make(200, b"", {})  # no server to connect to

    def requestheaders(self, flow: http.HTTPFlow) -> None:
        if _is_own(pretty_host(flow.request)) and not flow.response:
            flow.metadata[OWN_PAGE_KEY] = True

    def request(self, flow: http.HTTPFlow) -> Coroutine[Any, Any, None] | None:
        """Qorgan's own pages are answered (mitmproxy awaits what this returns); for every
        other request this is one check, with no coroutine made and awaited for nothing."""
        if not flow.metadata.get(OWN_PAGE_KEY) or flow.response or not flow.live:
            return None
        return self._answer(flow)

    async def _answer(self, flow: http.HTTPFlow) -> None:
        request = flow.request
        language = self._language()
        path = request.path.partition("?")[0]
        if request.method == "POST" and path in {"/ask", "/allow"}:
            title, body = await self._act(path, request, language)
        elif request.method in {"GET", "HEAD"} and path == "/":
            title, body = _about(language)
        else:
            title, body = pagetext.NOT_FOUND_TITLE.get(language), []
            flow.response = http.Response.make(404, page(language, escape(title), body), HTML)
            return
        flow.response = http.Response.make(200, page(language, escape(title), body), HTML)

    def _language(self) -> Language:
        try:
            active = self.policy.active()
        except LookupError:
            active = None
        return self.policy.language if active is None else active.child.child.language

    async def _act(
        self, path: str, request: http.Request, language: Language
    ) -> tuple[str, list[str]]:
        form = request.urlencoded_form
        problem = pagetext.NOT_DONE_TITLE.get(language)
        try:
            host = normalize_host(form.get("host", ""))
        except HostError:
            return problem, [_para(pagetext.STALE, language)]
        active = self.policy.active()
        if active is None or not self.policy.token_valid(host, form.get("token", "")):
            return problem, [_para(pagetext.STALE, language)]
        _, decision = self.policy.decide(active, [host_url(host)])
        if not decision.overridable:
            return problem, [_para(pagetext.STALE, language)]
        child = active.child.child.name
        try:
            if path == "/ask":
                await self._call("blockpage.ask", child=child, host=host)
                return pagetext.ASKED_TITLE.get(language), [
                    _para(pagetext.ASKED.format(host=host), language)
                ]
            duration = "always" if form.get("duration") == "always" else "hour"
            result = await self._call(
                "blockpage.allow",
                child=child,
                host=host,
                pin=form.get("pin", ""),
                duration=duration,
            )
        except IpcError as error:
            logger.warning("the service did not take the block page's %s: %s", path, error)
            text = pagetext.NO_PIN if error.code is ErrorCode.NOT_FOUND else pagetext.UNAVAILABLE
            return problem, [_para(text, language)]
        return _allow_answer(result, host, language)

    async def _call(self, method: str, **params: JsonValue) -> JsonValue:
        socket = str(ctx.options.qorgan_ipc)
        if not socket:
            raise IpcError(ErrorCode.INTERNAL, "no qorgan_ipc socket is configured")

        def call() -> JsonValue:
            client = self._connect(Path(socket))
            try:
                return client.call(method, **params)
            finally:
                client.close()

        return await asyncio.to_thread(call)


def _para(text: Text, language: Language) -> str:
    return f"<p>{escape(text.get(language))}</p>"


def _allow_answer(result: JsonValue, host: str, language: Language) -> tuple[str, list[str]]:
    problem = pagetext.NOT_DONE_TITLE.get(language)
    if not isinstance(result, dict):
        return problem, [_para(pagetext.UNAVAILABLE, language)]
    if result.get("allowed") is True:
        always = result.get("duration") == "always"
        text = pagetext.ALLOWED_ALWAYS if always else pagetext.ALLOWED_HOUR
        link = f'<p><a href="https://{escape(host)}/">{escape(pagetext.OPEN_SITE.get(language))}</a></p>'
        return pagetext.ALLOWED_TITLE.get(language), [_para(text.format(host=host), language), link]
    locked = result.get("locked_until")
    if isinstance(locked, str):
        time = datetime.fromisoformat(locked).strftime("%H:%M")
        return problem, [_para(pagetext.LOCKED.format(time=time), language)]
    return problem, [_para(pagetext.WRONG_PIN, language)]


def _about(language: Language) -> tuple[str, list[str]]:
    def say(text: Text) -> str:
        return escape(text.get(language))

    body = [f"<p>{say(pagetext.ABOUT_INTRO)}</p>"]
    for title, text in (
        (pagetext.ABOUT_RECORDED_TITLE, pagetext.ABOUT_RECORDED),
        (pagetext.ABOUT_NEVER_TITLE, pagetext.ABOUT_NEVER),
        (pagetext.ABOUT_WHO_TITLE, pagetext.ABOUT_WHO),
    ):
        body.append(f"<h2>{say(title)}</h2><p>{say(text)}</p>")
    body.append(f"<p>{say(pagetext.ABOUT_TALK)}</p>")
    number, words = HELPLINE
    body.append(
        f'<section class="help"><h2>{say(HELP)}</h2><ul><li><span class="number">{number}</span> '
        f"{say(words)}</li></ul></section>"
    )
    return pagetext.ABOUT_TITLE.get(language), body
