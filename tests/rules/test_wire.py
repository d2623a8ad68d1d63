"""Records as JSON lines between processes."""

import json
from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import DecisionEvent
from rules.wire import WireError, event_from_json, event_to_dict, event_to_json

EVENT = DecisionEvent(
    at=datetime(2026, 11, 22, 18, 5, 1, 250),
    child="Аружан",
    host="dns.google",
    verdict=Verdict.BLOCK,
    step=Step.BYPASS,
    rule_id="category:doh@12+",
    category=Category.DOH,
    list_name="starter",
    score=7,
)


@pytest.mark.parametrize(
    "event", [EVENT, DecisionEvent(EVENT.at, "A", "a.kz", Verdict.ALLOW, Step.DEFAULT, "default")]
)
def test_an_event_survives_the_line(event: DecisionEvent) -> None:
    line = event_to_json(event)
    assert "\n" not in line
    assert event_from_json(line) == event


def test_a_line_holds_the_host_and_never_more() -> None:
    assert set(json.loads(event_to_json(EVENT))) == {
        "at", "child", "host", "verdict", "step", "rule_id", "category", "list_name", "score",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[1, 2]", "must be a JSON object"),
        ("{", "not an event"),
        ('{"at": "2026-11-22T10:00"}', "needs the field 'child'"),
        (event_to_json(EVENT).replace('"block"', '"maybe"'), "not an event"),
        (event_to_json(EVENT).replace('"2026-11-22T18:05:01.000250"', "5"), "not an event"),
    ],
)
def test_a_broken_line_says_what_is_wrong(line: str, message: str) -> None:
    with pytest.raises(WireError, match=message):
        event_from_json(line)


@given(
    at=st.datetimes(timezones=st.none() | st.timezones()),
    texts=st.lists(st.text(), min_size=4, max_size=4),
    verdict=st.sampled_from(Verdict),
    step=st.sampled_from(Step),
    category=st.none() | st.sampled_from(Category),
    list_name=st.none() | st.text(),
    score=st.none() | st.integers(-(2**70), 2**70),
)
def test_a_line_is_exactly_what_json_writes(
    *,
    at: datetime,
    texts: list[str],
    verdict: Verdict,
    step: Step,
    category: Category | None,
    list_name: str | None,
    score: int | None,
) -> None:
    child, host, rule_id, _ = texts
    event = DecisionEvent(at, child, host, verdict, step, rule_id, category, list_name, score)
    line = event_to_json(event)
    assert line == json.dumps(event_to_dict(event), ensure_ascii=False)
    assert json.loads(line) == json.loads(json.dumps(event_to_dict(event)))
