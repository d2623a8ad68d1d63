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


SERVICE_NEEDS_INSTALL = Text(
    kk="Қызмет режимі орнатылған Qorgan-ды қажет етеді; көрсетілім үшін: qorgan run --demo",
    ru="Режим службы требует установленного Qorgan; для демонстрации: qorgan run --demo",
    en="Service mode needs an installed Qorgan; for the demo: qorgan run --demo",
)
DEMO_RUNNING = Text(
    kk="Qorgan көрсетілім режимінде жұмыс істейді: ағымдағы пайдаланушы атынан, "
    "брандмауэр ережелері өзгертілмеді.",
    ru="Qorgan работает в демо-режиме: от имени текущего пользователя, "
    "правила брандмауэра не менялись.",
    en="Qorgan is running in demo mode: as the current user, no firewall rules changed.",
)
DEMO_DATA = Text(kk="Деректер: {path}", ru="Данные: {path}", en="Data: {path}")
DEMO_FILTERING = Text(
    kk="Сүзгі кім үшін: {child}", ru="Фильтр для: {child}", en="Filtering for: {child}"
)
DEMO_NOBODY = Text(
    kk="ешкім (бала қосыңыз: qorgan child add)",
    ru="никого (добавьте ребёнка: qorgan child add)",
    en="nobody (add a child: qorgan child add)",
)
DEMO_LISTENING = Text(
    kk="Прокси тыңдайды: {url}", ru="Прокси слушает на {url}", en="Proxy listening on {url}"
)
DEMO_TRY = Text(kk="Байқап көріңіз:", ru="Попробуйте:", en="Try it:")
DEMO_HTTPS = Text(
    kk="HTTPS үшін Qorgan-ның демо CA сертификатына сеніңіз:",
    ru="для HTTPS доверьтесь демо-сертификату CA Qorgan:",
    en="for HTTPS, trust Qorgan's demo CA:",
)
CONSOLE_NO_DISPLAY = Text(
    kk="Консоль: дисплей табылмады, ол дисплей болғанда ашылады.",
    ru="Консоль: дисплей не найден; она откроется, когда дисплей будет.",
    en="Console: starts when a display is available (none found).",
)
CONSOLE_MISSING = Text(
    kk="Консоль: бұл нұсқада әлі жоқ.",
    ru="Консоль: в этой версии пока нет.",
    en="Console: not available yet in this version.",
)
CONSOLE_STARTING = Text(kk="Консоль: ашылуда.", ru="Консоль: запускается.", en="Console: starting.")
CONSOLE_OFF = Text(
    kk="Консоль: іске қосылмады (--no-console).",
    ru="Консоль: не запущена (--no-console).",
    en="Console: not started (--no-console).",
)
PRESS_CTRL_C = Text(
    kk="Тоқтату үшін Ctrl+C басыңыз.",
    ru="Нажмите Ctrl+C, чтобы остановить.",
    en="Press Ctrl+C to stop.",
)
STOPPED = Text(kk="Qorgan тоқтатылды.", ru="Qorgan остановлен.", en="Qorgan stopped.")
PROXY_CANNOT_START = Text(
    kk="прокси іске қосылмайды: {error}",
    ru="прокси не запускается: {error}",
    en="the proxy cannot start: {error}",
)
