"""The weekly report's headings, labels and notes, and each block reason in a few words."""

from rules.categories import Category
from rules.decision import Step
from rules.national import LEGAL_BASIS
from rules.records import RequestKind, RequestStatus
from rules.text import Language, Text

TITLE = Text(kk="Апталық есеп: {child}", ru="Недельный отчёт: {child}", en="Weekly report: {child}")
PERIOD = Text(
    kk="{dates} · {week} апта · жас сыныбы {age_class}",
    ru="{dates} · неделя {week} · возрастной класс {age_class}",
    en="{dates} · week {week} · age class {age_class}",
)
SO_FAR = Text(
    kk="Апта әлі аяқталған жоқ: деректер {moment} дейін.",
    ru="Неделя ещё идёт: данные по {moment}.",
    en="The week is not over yet: records up to {moment}.",
)
MADE = Text(
    kk="Qorgan жасаған: {moment}", ru="Составлено Qorgan: {moment}", en="Made by Qorgan: {moment}"
)

H_SUMMARY = Text(kk="Апта қысқаша", ru="Неделя вкратце", en="The week in brief")
H_DAYS = Text(kk="Күн сайынғы уақыт", ru="Время по дням", en="Time per day")
H_APPS = Text(kk="Қолданбалар бойынша уақыт", ru="Время по приложениям", en="Time by app")
H_CATEGORIES = Text(kk="Санаттар бойынша уақыт", ru="Время по категориям", en="Time by category")
H_SITES = Text(kk="Жиі ашылған сайттар", ru="Самые посещаемые сайты", en="Most visited sites")
H_BLOCKED = Text(kk="Бұғатталған әрекеттер", ru="Заблокированные попытки", en="Blocked attempts")
H_ALERTS = Text(kk="Ескертулер мен кеңестер", ru="Оповещения и советы", en="Alerts and advice")
H_REQUESTS = Text(kk="Өтініштер мен шешімдер", ru="Просьбы и решения", en="Requests and decisions")
H_HELP = Text(
    kk="Көмекті қайдан алуға болады", ru="Куда обратиться за помощью", en="Where to get help"
)
H_PRIVACY = Text(kk="Qorgan не жазады", ru="Что записывает Qorgan", en="What Qorgan records")

THIS_WEEK = Text(kk="Осы апта", ru="Эта неделя", en="This week")
WEEK_BEFORE = Text(kk="Алдыңғы апта", ru="Прошлая неделя", en="Week before")
CHANGE = Text(kk="Өзгеріс", ru="Изменение", en="Change")
TIME_AT_PC = Text(kk="Компьютердегі уақыт", ru="Время за компьютером", en="Time at the PC")
COUNTED = Text(kk="Лимитке есептелгені", ru="Засчитано в лимит", en="Counted against the limit")
DAYS_OVER = Text(kk="Лимиттен асқан күндер", ru="Дней сверх лимита", en="Days over the limit")
BLOCKED = Text(kk="Бұғатталған сұраулар", ru="Заблокированные запросы", en="Blocked requests")
ALERTS = Text(kk="Ескертулер", ru="Оповещения", en="Alerts")
REQUESTS = Text(kk="Баланың өтініштері", ru="Просьбы ребёнка", en="Requests from your child")
DAYS_RECORDED = Text(kk="Деректі күндер", ru="Дней с данными", en="Days with records")

DAY = Text(kk="Күн", ru="День", en="Day")
USED = Text(kk="Пайдаланды", ru="Использовано", en="Used")
FREE = Text(
    kk="Есепке кірмейтін қолданбалар", ru="Незасчитываемые приложения", en="Apps that do not count"
)
LIMIT = Text(kk="Лимит", ru="Лимит", en="Limit")
NO_LIMIT = Text(kk="шектеусіз", ru="без лимита", en="no limit")
OVER_LIMIT = Text(kk="лимиттен асты", ru="сверх лимита", en="over the limit")
NO_DATA = Text(kk="дерек жоқ", ru="нет данных", en="no data")
NOT_YET = Text(kk="әлі келмеді", ru="ещё не наступил", en="not yet")
COUNTED_TIME = Text(kk="Есептелген уақыт", ru="Засчитанное время", en="Counted time")

APP = Text(kk="Қолданба", ru="Приложение", en="App")
CATEGORY = Text(kk="Санат", ru="Категория", en="Category")
TIME = Text(kk="Уақыт", ru="Время", en="Time")
OTHER_APPS = Text(
    kk="Басқа қолданбалар ({count})", ru="Другие приложения ({count})", en="Other apps ({count})"
)
UNCATEGORISED = Text(kk="Санатсыз", ru="Без категории", en="Uncategorised")
SITE = Text(kk="Сайт", ru="Сайт", en="Site")
REQUESTS_COLUMN = Text(kk="Сұраулар", ru="Запросы", en="Requests")
DAYS_COLUMN = Text(kk="Күндер", ru="Дни", en="Days")
REASON = Text(kk="Себебі", ru="Причина", en="Reason")
ATTEMPTS = Text(kk="Әрекеттер", ru="Попытки", en="Attempts")
SITES = Text(kk="Сайттар", ru="Сайты", en="Sites")
KIND = Text(kk="Түрі", ru="Вид", en="Kind")
TIMES = Text(kk="Саны", ru="Сколько раз", en="Times")
WHEN = Text(kk="Қашан", ru="Когда", en="When")
REQUEST = Text(kk="Өтініш", ru="Просьба", en="Request")
DECISION = Text(kk="Шешім", ru="Решение", en="Decision")
CONTACT = Text(kk="Байланыс", ru="Контакт", en="Contact")
WHAT_FOR = Text(kk="Не үшін", ru="По какому вопросу", en="What for")
AND_MORE = Text(kk="тағы {count}", ru="и ещё {count}", en="and {count} more")

SITES_NOTE = Text(
    kk="Бір бет бірнеше сұрау жасайды, сондықтан сандар сайттың қаншалықты жиі ашылғанын "
    "көрсетеді, онда қанша уақыт өткенін емес.",
    ru="Одна страница делает несколько запросов, поэтому числа показывают, как часто "
    "открывался сайт, а не сколько времени на нём провели.",
    en="A page makes several requests, so the numbers show how often a site was used, "
    "not for how long.",
)
NOTHING_RECORDED = Text(
    kk="{dates} аралығында Qorgan ештеңе жазбады: не компьютер қолданылмады, не Qorgan "
    "жұмыс істемеді. Бала осы аптада компьютерді қолданса, Qorgan қызметінің қосулы екенін "
    "тексеріңіз.",
    ru="С {dates} Qorgan ничего не записал: либо компьютером не пользовались, либо Qorgan не "
    "работал. Если ребёнок пользовался компьютером на этой неделе, проверьте, что служба "
    "Qorgan включена.",
    en="Qorgan recorded nothing for {dates}: either the PC was not used, or Qorgan was not "
    "running. If your child used the PC this week, check that Qorgan's service is on.",
)
MISSING_DAYS = Text(
    kk="Мына күндерде дерек жоқ: {days}. Компьютер өшірулі болды не Qorgan жұмыс істемеді.",
    ru="Нет данных за: {days}. Компьютер был выключен или Qorgan не работал.",
    en="No records for {days}: the PC was off or Qorgan was not running.",
)
BEYOND_RETENTION = Text(
    kk="Qorgan тарихты {days} күн сақтайды, сондықтан бұл аптаның деректері толық болмауы мүмкін.",
    ru="Qorgan хранит историю {days} дней, поэтому данные за эту неделю могут быть неполными.",
    en="Qorgan keeps history for {days} days, so this week's records may be incomplete.",
)
LIMITS_NOTE = Text(
    kk="Лимиттер баланың қазіргі ережелерінен алынды.",
    ru="Лимиты взяты из текущих правил ребёнка.",
    en="Limits are taken from your child's current rules.",
)
NO_USAGE = Text(
    kk="Осы аптада қолданбаларда уақыт жазылмады.",
    ru="На этой неделе время в приложениях не записано.",
    en="No time in apps was recorded this week.",
)
NO_SITES = Text(
    kk="Осы аптада Qorgan арқылы сайт ашылмады.",
    ru="На этой неделе через Qorgan не открывали сайтов.",
    en="No sites were opened through Qorgan this week.",
)
NO_BLOCKED = Text(
    kk="Осы аптада ештеңе бұғатталмады.",
    ru="На этой неделе ничего не блокировалось.",
    en="Nothing was blocked this week.",
)
NO_ALERTS = Text(
    kk="Осы аптада ескертулер болған жоқ.",
    ru="На этой неделе оповещений не было.",
    en="There were no alerts this week.",
)
NO_REQUESTS = Text(
    kk="Осы аптада бала ештеңе сұраған жоқ.",
    ru="На этой неделе ребёнок ни о чём не просил.",
    en="Your child asked for nothing this week.",
)

REQUEST_KINDS = {
    RequestKind.TIME: Text(
        kk="Тағы {minutes} минут", ru="Ещё {minutes} мин", en="{minutes} more minutes"
    ),
    RequestKind.SITE: Text(kk="{host} сайты", ru="Сайт {host}", en="The site {host}"),
}
REQUEST_STATUSES = {
    RequestStatus.PENDING: Text(kk="жауап күтуде", ru="ждёт ответа", en="waiting for an answer"),
    RequestStatus.APPROVED: Text(kk="рұқсат етілді", ru="разрешено", en="approved"),
    RequestStatus.DECLINED: Text(kk="бас тартылды", ru="отказано", en="declined"),
}
DECIDED_AT = Text(kk="{status}, {moment}", ru="{status}, {moment}", en="{status}, {moment}")

# Why requests were blocked, in a few words; only the blocking steps ever show.
_OTHER_RULE = Text(kk="Басқа ереже", ru="Другое правило", en="Another rule")
BLOCK_REASONS = {
    Step.NATIONAL_LIST: Text(
        kk="Ұлттық тізім: " + LEGAL_BASIS.kk,
        ru="Национальный список: " + LEGAL_BASIS.ru,
        en="National blocklist: " + LEGAL_BASIS.en,
    ),
    Step.PROTECTED_LIST: Text(
        kk="«{category}»: барлығы үшін әрқашан бұғатталады",
        ru="«{category}»: всегда блокируется для всех",
        en="“{category}”: always blocked for everyone",
    ),
    Step.DENY_LIST: Text(
        kk="Сіздің тыйым тізіміңізде", ru="В вашем списке запретов", en="On your deny list"
    ),
    Step.ALLOW_LIST: _OTHER_RULE,
    Step.GRANT: _OTHER_RULE,
    Step.SCHEDULE: Text(
        kk="Рұқсат етілген уақыттан тыс",
        ru="Вне разрешённого времени",
        en="Outside the allowed hours",
    ),
    Step.BUDGET: Text(
        kk="Уақыт лимиті таусылды", ru="Лимит времени исчерпан", en="Time allowance used up"
    ),
    Step.BYPASS: Text(
        kk="Сүзгіні айналып өту құралы: «{category}»",
        ru="Средство обхода фильтра: «{category}»",
        en="A tool for getting around the filter: “{category}”",
    ),
    Step.CATEGORY: Text(
        kk="«{category}» санаты {age_class} сыныбына жабық",
        ru="Категория «{category}» закрыта для класса {age_class}",
        en="“{category}” is blocked for class {age_class}",
    ),
    Step.WHITELIST_ONLY: Text(
        kk="Рұқсат етілген сайттар тізімінде жоқ",
        ru="Нет в списке разрешённых сайтов",
        en="Not on the list of allowed sites",
    ),
    Step.CONTENT: Text(
        kk="Беттің мазмұны шектен асты",
        ru="Содержимое страницы превысило порог",
        en="The page's content scored over the limit",
    ),
    Step.DEFAULT: _OTHER_RULE,
}


def block_reason(step: Step, category: Category | None, age_class: str, language: Language) -> str:
    """Why a group of requests was blocked, in a few words."""
    name = (UNCATEGORISED if category is None else category.name_text).get(language)
    return BLOCK_REASONS[step].get(language).format(category=name, age_class=age_class)
