"""What `qorgan report` says to a person, in kk, ru and en."""

from rules.text import Text

WRITTEN = Text(kk="Есеп сақталды: {path}", ru="Отчёт сохранён: {path}", en="Report written: {path}")
CHILD_FORMATS = Text(
    kk="баланың есебі үшін --format: pdf не html",
    ru="для отчёта о ребёнке --format: pdf или html",
    en="--format for a child's report: pdf or html",
)
GROUP_FORMATS = Text(
    kk="топтың жиынтығы үшін --format: csv не json",
    ru="для сводки по группе --format: csv или json",
    en="--format for a group's summary: csv or json",
)
PUPILS_FOR_GROUPS = Text(
    kk="--pupils тек топтың жиынтығы үшін",
    ru="--pupils только для сводки по группе",
    en="--pupils is only for a group's summary",
)
UNKNOWN_GROUP = Text(
    kk="{name} деген топ жоқ (бар: {known})",
    ru="нет группы {name} (есть: {known})",
    en="no group called {name} (known: {known})",
)
BAD_WEEK = Text(
    kk="{text} апта емес; былай жазыңыз: 2026-W47",
    ru="{text} — не неделя; пишите так: 2026-W47",
    en="{text} is not a week; write it like 2026-W47",
)
NOT_BEGUN = Text(
    kk="{week} аптасы әлі басталған жоқ",
    ru="неделя {week} ещё не началась",
    en="the week {week} has not begun yet",
)
PDF_FAILED = Text(
    kk="PDF жасалмады: {error}",
    ru="не удалось сделать PDF: {error}",
    en="the PDF could not be made: {error}",
)
NO_REPORTS = Text(kk="Әзірге есеп жоқ.", ru="Отчётов пока нет.", en="No reports yet.")
WAITING_MAIL = Text(
    kk="Жіберілмеген хат №{id} ({what}): {tries} әрекет; соңғы қате: {error}",
    ru="Неотправленное письмо №{id} ({what}): попыток {tries}; последняя ошибка: {error}",
    en="E-mail #{id} not sent ({what}): {tries} tries; last error: {error}",
)
FAILED_MAIL = Text(
    kk="Хат №{id} ({what}) жіберілмеді, қайта әрекет тоқтатылды: {error}",
    ru="Письмо №{id} ({what}) не отправлено, повторы остановлены: {error}",
    en="E-mail #{id} ({what}) failed and is no longer retried: {error}",
)
ALERTS_MAIL = Text(kk="ескертулер", ru="оповещения", en="alerts")
