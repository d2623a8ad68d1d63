"""Qorgan's addons handed to mitmproxy as one addon that calls each of them in turn.

mitmproxy, for every event, walks every addon object it knows and, for each one that has
the hook, builds the hook's arguments again and calls it; with seven addons of Qorgan's
that bookkeeping cost more per request than most of what the addons do. `AddonChain`
makes the same calls in the same order with the same arguments, so each addon behaves as
it did when mitmproxy called it, as one of the script's addons: an exception in one hook
stops the later addons for that event (mitmproxy logs it, as before), and a hook that
returns an awaitable is awaited before the next addon's hook runs.
"""

import inspect
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

# Every hook mitmproxy can call is registered once the modules that define them are loaded.
import mitmproxy.addonmanager
import mitmproxy.log
import mitmproxy.proxy.layers
import mitmproxy.proxy.server_hooks  # noqa: F401
from mitmproxy import hooks

type Hook = Callable[..., Any]


def _dispatcher(calls: Sequence[Hook]) -> Hook:
    """One hook that calls `calls` in order, awaiting what they return as mitmproxy would.

    It is a coroutine function exactly when one of `calls` is (mitmproxy refuses those
    where it needs a hook to finish at once, and so it still does).
    """
    if any(inspect.iscoroutinefunction(call) for call in calls):

        async def dispatch_async(*args: Any) -> None:
            await _finish(None, calls, args)

        return dispatch_async

    def dispatch(*args: Any) -> Awaitable[None] | None:
        for call in calls:
            result = call(*args)
            if result is not None and inspect.isawaitable(result):
                return _finish(result, calls[calls.index(call) + 1 :], args)
        return None

    return dispatch


async def _finish(
    pending: Awaitable[Any] | None, rest: Sequence[Hook], args: tuple[Any, ...]
) -> None:
    if pending is not None:
        await pending
    for call in rest:
        result = call(*args)
        if result is not None and inspect.isawaitable(result):
            await result


class AddonChain:
    """The given addons as one mitmproxy addon, each hook calling theirs in list order."""

    def __init__(self, parts: Sequence[object]) -> None:
        # Not `addons`: mitmproxy would walk that attribute and call each part itself.
        self.parts = tuple(parts)
        for name in hooks.all_hooks:
            calls = [getattr(part, name) for part in self.parts if hasattr(part, name)]
            calls = [call for call in calls if callable(call)]
            if calls:
                setattr(self, name, _dispatcher(calls))
