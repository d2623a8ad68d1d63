"""Which decisions a parent hears about at once, and how repeats are folded into one alert."""

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from rules.categories import Category
from rules.decision import Step, Verdict
from rules.records import Alert, AlertKind, DecisionEvent
from rules.report import site_of

# A page loads many times and a child retries: the same alert for the same site within
# this stretch is one alert.
REPEAT_WINDOW = timedelta(minutes=30)

ALERT_CATEGORIES = {
    Category.SELF_HARM: AlertKind.SELF_HARM,
    Category.PORNOGRAPHY: AlertKind.SEXUAL_CONTENT,
    Category.CSAM: AlertKind.SEXUAL_CONTENT,
    Category.DATING: AlertKind.CONTACT_RISK,
    Category.CHAT: AlertKind.CONTACT_RISK,
}


def alert_kind(event: DecisionEvent) -> AlertKind | None:
    """A blocked self-harm, sexual, contact or bypass request is an alert; the rest are not.

    Allowed requests never are: a parent allowed them.
    """
    if event.verdict is not Verdict.BLOCK:
        return None
    if event.step is Step.BYPASS or (event.category is not None and event.category.is_bypass):
        return AlertKind.BYPASS_ATTEMPT
    if event.category is None:
        return None
    return ALERT_CATEGORIES.get(event.category)


def _key(child: str | None, kind: AlertKind, detail: str) -> tuple[str, AlertKind, str]:
    return ((child or "").casefold(), kind, detail)


def alerts_for_events(
    events: Iterable[DecisionEvent], recent: Sequence[Alert], window: timedelta = REPEAT_WINDOW
) -> list[Alert]:
    """New alerts for `events`: one per child, kind and site, unless one came within `window`.

    `recent` are the alerts already stored; an alert's detail is the site, never a path.
    """
    last_seen: dict[tuple[str, AlertKind, str], datetime] = {}
    for alert in recent:
        key = _key(alert.child, alert.kind, alert.detail)
        last_seen[key] = max(alert.at, last_seen.get(key, alert.at))
    found = []
    for event in sorted(events, key=lambda e: e.at):
        kind = alert_kind(event)
        if kind is None:
            continue
        site = site_of(event.host)
        key = _key(event.child, kind, site)
        previous = last_seen.get(key)
        if previous is not None and previous <= event.at < previous + window:
            continue
        last_seen[key] = event.at
        found.append(Alert(at=event.at, child=event.child, kind=kind, detail=site))
    return found
