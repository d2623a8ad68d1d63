"""Words the GUI shows for the service's data: times, errors, categories, reasons."""

import json
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime

from app.gui.i18n import current_language
from app.gui.qtipc import is_unreachable
from rules.ageclass import AgeClass
from rules.agetable import content_threshold
from rules.categories import Category
from rules.decision import Decision, Reason
from rules.explain import explain
from rules.ipc import ErrorCode, IpcError, JsonValue
from rules.records import DecisionEvent
from rules.wire import WireError, event_from_json

translate = QCoreApplication.translate


def minutes_text(minutes: int) -> str:
    """`1 h 20 min`, `45 min`, `2 h`: short forms that need no plural rules."""
    sign = "−" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    if hours and rest:
        text = translate("Texts", "{hours} h {minutes} min").format(hours=hours, minutes=rest)
    elif hours:
        text = translate("Texts", "{hours} h").format(hours=hours)
    else:
        text = translate("Texts", "{minutes} min").format(minutes=rest)
    return sign + text


def moment_text(moment: datetime) -> str:
    """A local date and time in the GUI's language."""
    qt = QDateTime(moment.year, moment.month, moment.day, moment.hour, moment.minute, 0)
    return str(qt.toString(translate("Texts", "dd.MM.yyyy HH:mm")))


def age_class_text(age_class: AgeClass) -> str:
    """`12+ — for children aged twelve and over`, in the GUI's language."""
    return f"{age_class} — {age_class.label.get(current_language())}"


def category_name(category: Category) -> str:
    return category.name_text.get(current_language())


def error_text(error: IpcError) -> str:
    """What a parent reads when a call failed; the service's own words follow as detail."""
    if is_unreachable(error):
        return translate(
            "Texts", "The Qorgan service is not reachable. Nothing can be saved until it is back."
        )
    match error.code:
        case ErrorCode.UNKNOWN_METHOD:
            return translate("Texts", "This Qorgan service cannot do this yet.")
        case ErrorCode.UNAUTHORIZED:
            return translate("Texts", "Enter the parent PIN again.")
        case ErrorCode.LOCKED:
            return translate("Texts", "The PIN is locked for now after too many wrong tries.")
        case ErrorCode.INVALID | ErrorCode.NOT_FOUND:
            return translate("Texts", "The service refused this: {detail}").format(
                detail=error.message
            )
        case _:
            return translate("Texts", "Something went wrong: {detail}").format(detail=error.message)


def event_of(data: JsonValue) -> DecisionEvent | None:
    """A decision event from `events.recent`, or None for one this GUI cannot read."""
    try:
        return event_from_json(json.dumps(data))
    except WireError:
        return None


def why_lines(event: DecisionEvent, age_class: AgeClass) -> list[str]:
    """The verdict and reason of an event, as `rules.explain` words them for the parent."""
    reason = Reason(
        step=event.step,
        rule_id=event.rule_id,
        list_name=event.list_name,
        category=event.category,
        matched=event.host,
        score=event.score,
        threshold=content_threshold(age_class),
    )
    return explain(Decision(event.verdict, reason), age_class, current_language())


def overridable(event: DecisionEvent) -> bool:
    """Whether a parent may allow what this event blocked (never the national list or abuse)."""
    return Decision(event.verdict, Reason(event.step, event.rule_id)).overridable
