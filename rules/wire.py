"""Records as the JSON lines that Qorgan's processes pass to each other."""

import json
from collections.abc import Callable, Mapping
from datetime import datetime

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.ipc import JsonValue
from rules.records import DecisionEvent

# A JSON string as json.dumps writes it with ensure_ascii=False.
_text: Callable[[str], str] = json.encoder.encode_basestring

SNAPSHOT_VERSION = 1  # the policy snapshot file the service writes for the proxy worker


class WireError(ValueError):
    """A line that is not the record it claims to be."""


def event_to_dict(event: DecisionEvent) -> dict[str, JsonValue]:
    """A decision with its host, never a path or a query, as JSON-ready data."""
    return {
        "at": event.at.isoformat(),
        "child": event.child,
        "host": event.host,
        "verdict": str(event.verdict),
        "step": str(event.step),
        "rule_id": event.rule_id,
        "category": None if event.category is None else str(event.category),
        "list_name": event.list_name,
        "score": event.score,
    }


def event_to_json(event: DecisionEvent) -> str:
    """One line (no newline) for the event spool: `json.dumps(event_to_dict(event),
    ensure_ascii=False)`, written field by field (the spool gets one per request)."""
    category, list_name, score = event.category, event.list_name, event.score
    return (
        f'{{"at": "{event.at.isoformat()}", "child": {_text(event.child)}, '
        f'"host": {_text(event.host)}, "verdict": {_text(event.verdict)}, '
        f'"step": {_text(event.step)}, "rule_id": {_text(event.rule_id)}, '
        f'"category": {"null" if category is None else _text(category)}, '
        f'"list_name": {"null" if list_name is None else _text(list_name)}, '
        f'"score": {"null" if score is None else score}}}'
    )


def event_from_json(line: str) -> DecisionEvent:
    """The event of one line; WireError says what is wrong with it."""
    try:
        data = json.loads(line)
        if not isinstance(data, Mapping):
            raise WireError("an event must be a JSON object")
        category = data.get("category")
        score = data.get("score")
        list_name = data.get("list_name")
        return DecisionEvent(
            at=datetime.fromisoformat(data["at"]),
            child=str(data["child"]),
            host=str(data["host"]),
            verdict=Verdict(data["verdict"]),
            step=Step(data["step"]),
            rule_id=str(data["rule_id"]),
            category=None if category is None else Category(category),
            list_name=None if list_name is None else str(list_name),
            score=None if score is None else int(score),
        )
    except KeyError as error:
        raise WireError(f"an event needs the field {error}") from None
    except (TypeError, ValueError) as error:
        raise WireError(f"not an event: {error}") from None
