"""What the `qorgan` command says to a person, in kk, ru and en."""

import os

from rules.text import Language, Text

CHILD_ADDED = Text(
    kk="{name} қосылды: жас сыныбы {age_class}, есептік жазбалар: {accounts}.",
    ru="Добавлен(а) {name}: возрастной класс {age_class}, учётные записи: {accounts}.",
    en="Added {name}: age class {age_class}, accounts: {accounts}.",
)
NO_ACCOUNTS = Text(kk="жоқ", ru="нет", en="none")
INITIALISED = Text(
    kk="Qorgan деректері дайын: {path}",
    ru="Данные Qorgan готовы: {path}",
    en="Qorgan's data is ready: {path}",
)
NO_CHILDREN = Text(
    kk="Әзірге бала қосылмаған. Қосу: qorgan child add АТЫ --age-class 12+",
    ru="Пока нет детей. Добавьте: qorgan child add ИМЯ --age-class 12+",
    en="No children yet. Add one: qorgan child add NAME --age-class 12+",
)
POLICY_EXPORTED = Text(
    kk="Саясат сақталды: {path}",
    ru="Политика сохранена: {path}",
    en="Policy written to {path}",
)
POLICY_IMPORTED = Text(
    kk="Саясат жүктелді: {children} бала, {groups} топ.",
    ru="Политика загружена: детей {children}, групп {groups}.",
    en="Policy imported: {children} children, {groups} groups.",
)
ERROR = Text(kk="қате", ru="ошибка", en="error")
UNKNOWN_CHILD = Text(
    kk="{name} есімді бала жоқ (бар: {known})",
    ru="нет ребёнка с именем {name} (есть: {known})",
    en="no child called {name} (known: {known})",
)
CHECKED_FOR = Text(
    kk="{url} — {name} үшін ({age_class})",
    ru="{url} — для {name} ({age_class})",
    en="{url} for {name} ({age_class})",
)


def language_from_environment() -> Language:
    """$QORGAN_LANG, else the locale's language when Qorgan speaks it, else English."""
    for variable in ("QORGAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        code = os.environ.get(variable, "")[:2].lower()
        if code in {language.value for language in Language}:
            return Language(code)
    return Language.EN
