"""What the child reads about screen time and closed apps, in kk, ru and en: warm and simple."""

from rules.apps import StopReason
from rules.categories import Category
from rules.screentime import TimeUp
from rules.text import Language, Text

TITLE = Text(kk="Qorgan", ru="Qorgan", en="Qorgan")

WARNING = Text(
    kk="Бүгінгі экран уақытынан {minutes} минут қалды. Жұмысыңды сақтап қоюға жақсы сәт.",
    ru="Экранного времени на сегодня осталось {minutes} мин. Самое время сохранить свою работу.",
    en="{minutes} min of screen time left for today. A good moment to save your work.",
)

TIME_UP: dict[TimeUp, Text] = {
    TimeUp.ALLOWANCE: Text(
        kk="Бүгінгі экран уақыты бітті, компьютер қазір құлыпталады. "
        "Тағы уақыт керек болса, ата-анаңнан сұрай аласың.",
        ru="Экранное время на сегодня закончилось, компьютер сейчас заблокируется. "
        "Если нужно ещё время, можно попросить у родителей.",
        en="Screen time is over for today, so the computer will lock now. "
        "If you need more time, you can ask a parent.",
    ),
    TimeUp.BEDTIME: Text(
        kk="Ұйқы уақыты келді, компьютер қазір құлыпталады. Жақсы демал, тыныш түн!",
        ru="Пора спать, компьютер сейчас заблокируется. Отдыхай, спокойной ночи!",
        en="It's bedtime, so the computer will lock now. Rest well, good night!",
    ),
    TimeUp.OUTSIDE_HOURS: Text(
        kk="Қазір компьютер уақыты емес, ол құлыпталады. Кейінірек қайта келе ғой!",
        ru="Сейчас не время для компьютера, он заблокируется. Возвращайся попозже!",
        en="It isn't computer time right now, so the computer will lock. See you later!",
    ),
}

STOPPED: dict[StopReason, Text] = {
    StopReason.BLOCKED: Text(
        kk="{app} жабылды: ата-анаң бұл бағдарламаны осы компьютерде өшіріп қойған. "
        "Керек болса, ата-анаңмен сөйлесіп көр.",
        ru="Программа {app} закрыта: родители отключили её на этом компьютере. "
        "Если она нужна, поговори с ними.",
        en="{app} was closed: a parent turned it off on this computer. "
        "If you need it, have a word with them.",
    ),
    StopReason.BYPASS: Text(
        kk="{app} жабылды: сүзгіні айналып өтетін бағдарламалар (VPN, Tor) балаларға арналмаған. "
        "Бірдеңе ашылмаса, ата-анаңнан көмек сұра.",
        ru="Программа {app} закрыта: программы для обхода фильтра (VPN, Tor) не для детей. "
        "Если что-то не открывается, попроси родителей помочь.",
        en="{app} was closed: tools that get around the filter (VPN, Tor) are not for children. "
        "If something won't open, ask a parent for help.",
    ),
    StopReason.APP_BUDGET: Text(
        kk="{app} үшін бүгінгі уақыт бітті, сондықтан ол жабылды. Ертең қайта ашуға болады!",
        ru="Время для программы {app} на сегодня закончилось, поэтому она закрыта. "
        "Завтра можно снова!",
        en="Time for {app} is over for today, so it was closed. You can open it again tomorrow!",
    ),
    StopReason.CATEGORY_BUDGET: Text(
        kk="Бүгінгі «{category}» уақыты бітті, сондықтан {app} жабылды. Ертең қайта ашуға болады!",
        ru="Время на «{category}» на сегодня закончилось, поэтому программа {app} закрыта. "
        "Завтра можно снова!",
        en="Today's time for {category} is over, so {app} was closed. "
        "You can open it again tomorrow!",
    ),
}

GRANTED = Text(
    kk="Ата-анаң саған тағы {minutes} минут берді. Уақытың жақсы өтсін!",
    ru="Родители дали тебе ещё {minutes} мин. Хорошо тебе провести время!",
    en="A parent gave you {minutes} more minutes. Enjoy them!",
)

ASKED = Text(
    kk="Өтінішің ата-анаңа жіберілді. Олар жауап бергенде көресің.",
    ru="Твоя просьба отправлена родителям. Ты увидишь, когда они ответят.",
    en="Your request went to a parent. You'll see when they answer.",
)

ALREADY_ASKED = Text(
    kk="Сен уақыт сұрадың, ата-анаң әлі жауап берген жоқ. Сәл күте тұр.",
    ru="Ты уже попросил(а) времени, родители ещё не ответили. Подожди немного.",
    en="You already asked for time and a parent hasn't answered yet. Hang on a little.",
)


def stopped_notice(reason: StopReason, app: str, category: Category | None) -> Text:
    """The child's notice for a closed app, with the category's name in each language."""
    template = STOPPED[reason]
    if category is None:
        return template.format(app=app, category="")
    names = category.name_text
    return Text(
        kk=template.kk.format(app=app, category=names.get(Language.KK)),
        ru=template.ru.format(app=app, category=names.get(Language.RU)),
        en=template.en.format(app=app, category=names.get(Language.EN)),
    )
