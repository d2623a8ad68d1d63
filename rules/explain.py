"""A decision's reason in words a parent reads, in kk, ru or en."""

from rules.ageclass import AgeClass
from rules.decision import Decision, Reason, Step, Verdict
from rules.national import LEGAL_BASIS
from rules.text import Language, Text

VERDICT = {
    Verdict.ALLOW: Text(kk="РҰҚСАТ ЕТІЛДІ", ru="РАЗРЕШЕНО", en="ALLOWED"),
    Verdict.BLOCK: Text(kk="БҰҒАТТАЛДЫ", ru="ЗАБЛОКИРОВАНО", en="BLOCKED"),
}

STEP = {
    Step.NATIONAL_LIST: Text(
        kk="Қолжетімділік {law} бойынша шектелген.",
        ru="Доступ ограничен согласно: {law}.",
        en="Access restricted under {law}.",
    ),
    Step.PROTECTED_LIST: Text(
        kk="«{category}» санаты барлығы үшін әрқашан бұғатталады.",
        ru="Категория «{category}» всегда блокируется для всех.",
        en="The category “{category}” is always blocked for everyone.",
    ),
    Step.DENY_LIST: Text(
        kk="Ата-ананың тыйым тізімінде: {matched}.",
        ru="В списке запретов родителя: {matched}.",
        en="On the parent's deny list: {matched}.",
    ),
    Step.ALLOW_LIST: Text(
        kk="Ата-ананың рұқсат тізімінде: {matched}.",
        ru="В списке разрешений родителя: {matched}.",
        en="On the parent's allow list: {matched}.",
    ),
    Step.GRANT: Text(
        kk="Ата-ана бұл сайтқа уақытша рұқсат берді: {matched}.",
        ru="Родитель временно разрешил этот сайт: {matched}.",
        en="A parent allowed this site for a while: {matched}.",
    ),
    Step.SCHEDULE: Text(
        kk="Қазір интернетке рұқсат етілген уақыт емес.",
        ru="Сейчас не разрешённое время для интернета.",
        en="The internet is not allowed at this time.",
    ),
    Step.BUDGET: Text(
        kk="Бүгінгі уақыт лимиті таусылды.",
        ru="Лимит времени на сегодня исчерпан.",
        en="Today's time allowance is used up.",
    ),
    Step.BYPASS: Text(
        kk="Сүзгіні айналып өту құралы («{category}») балаларға бұғатталады.",
        ru="Средство обхода фильтра («{category}») блокируется для детей.",
        en="A tool for getting around the filter (“{category}”) is blocked for children.",
    ),
    Step.CATEGORY: Text(
        kk="«{category}» санаты {age_class} сыныбы үшін бұғатталған.",
        ru="Категория «{category}» заблокирована для класса {age_class}.",
        en="The category “{category}” is blocked for class {age_class}.",
    ),
    Step.WHITELIST_ONLY: Text(
        kk="Тек рұқсат етілген сайттар режимі қосулы, бұл сайт тізімде жоқ.",
        ru="Включён режим «только разрешённые сайты», этого сайта нет в списке.",
        en="Whitelist-only mode is on and this site is not on the list.",
    ),
    Step.CONTENT: Text(
        kk="Беттің мазмұны {score} ұпай жинады (шегі {threshold}).",
        ru="Содержимое страницы набрало {score} баллов (порог {threshold}).",
        en="The page's content scored {score} (limit {threshold}).",
    ),
    Step.DEFAULT: Text(
        kk="Ешбір ереже бұғаттамайды.",
        ru="Ни одно правило не блокирует.",
        en="No rule blocks it.",
    ),
}

DETAILS = {
    "category": Text(kk="Санат", ru="Категория", en="Category"),
    "list_name": Text(kk="Тізім", ru="Список", en="List"),
    "matched": Text(kk="Сәйкестік", ru="Совпадение", en="Matched"),
    "violation": Text(kk="Бұзушылық түрі", ru="Вид нарушения", en="Violation"),
    "legal_basis": Text(kk="Бұзылған норма", ru="Нарушенная норма", en="Norm violated"),
    "phrases": Text(kk="Сөз тіркестері", ru="Фразы", en="Phrases"),
    "rule_id": Text(kk="Ереже", ru="Правило", en="Rule"),
}


def explain(decision: Decision, age_class: AgeClass, language: Language) -> list[str]:
    """The verdict, the reason in a sentence, then the reason's details one per line."""
    reason = decision.reason
    category = "" if reason.category is None else reason.category.name_text.get(language)
    sentence = (
        STEP[reason.step]
        .get(language)
        .format(
            law=LEGAL_BASIS.get(language),
            category=category,
            matched=reason.matched or "",
            age_class=age_class,
            score=reason.score,
            threshold=reason.threshold,
        )
    )
    lines = [f"{VERDICT[decision.verdict].get(language)}: {sentence}"]
    for field, label in DETAILS.items():
        value = _detail(reason, field, category)
        if value:
            lines.append(f"  {label.get(language)}: {value}")
    return lines


def _detail(reason: Reason, field: str, category: str) -> str:
    if field == "category":
        return category
    if field == "phrases":
        return ", ".join(reason.phrases)
    value = getattr(reason, field)
    return "" if value is None else str(value)
