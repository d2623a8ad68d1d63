"""What to do about each kind of alert, whom to call (DOMAIN.md §4), and what Qorgan records."""

from dataclasses import dataclass

from rules.records import AlertKind
from rules.text import Text

ALERT_NAMES: dict[AlertKind, Text] = {
    AlertKind.SELF_HARM: Text(
        kk="Суицид және өзіне зиян келтіру",
        ru="Суицид и самоповреждение",
        en="Suicide and self-harm",
    ),
    AlertKind.SEXUAL_CONTENT: Text(
        kk="Жыныстық мазмұн", ru="Сексуальный контент", en="Sexual content"
    ),
    AlertKind.CONTACT_RISK: Text(
        kk="Бейтаныс адамдармен байланыс қаупі",
        ru="Риск опасных знакомств",
        en="Contact with strangers",
    ),
    AlertKind.BYPASS_ATTEMPT: Text(
        kk="Сүзгіні айналып өту әрекеті",
        ru="Попытка обойти фильтр",
        en="Attempt to get around the filter",
    ),
    AlertKind.CLOCK_CHANGE: Text(
        kk="Компьютер сағаты өзгертілді",
        ru="Изменены часы компьютера",
        en="The PC's clock was changed",
    ),
    AlertKind.PROTECTION_OFF: Text(
        kk="Қорғаныс өшірулі болды", ru="Защита была выключена", en="Protection was off"
    ),
}

ADVICE: dict[AlertKind, Text] = {
    AlertKind.SELF_HARM: Text(
        kk="Qorgan суицид пен өзіне зиян келтіруді насихаттайтын беттерді бұғаттады. "
        "Баламен сабырлы, айыптамай сөйлесіңіз: көңіл-күйін сұрап, көбірек тыңдаңыз, жазаламаңыз. "
        "Алаңдасаңыз, балалар мен жастарға арналған 150 сенім телефонына (тегін, тәулік бойы) "
        "немесе onlinehealth.kz сайтына жүгініңіз; қауіп төнсе, 102-ге қоңырау шалыңыз.",
        ru="Qorgan заблокировал страницы, пропагандирующие суицид или самоповреждение. "
        "Поговорите с ребёнком спокойно и без упрёков: спросите, как он себя чувствует, "
        "больше слушайте, не наказывайте. Если вы тревожитесь, позвоните на телефон доверия "
        "для детей и молодёжи 150 (бесплатно, круглосуточно) или обратитесь на onlinehealth.kz; "
        "при угрозе жизни звоните 102.",
        en="Qorgan blocked pages that promote suicide or self-harm. Talk with your child calmly "
        "and without blame: ask how they feel, listen more than you speak, and do not punish. "
        "If you are worried, call the national helpline for children and youth, 150 (free, "
        "24/7), or use onlinehealth.kz; if a life is in danger, call 102.",
    ),
    AlertKind.SEXUAL_CONTENT: Text(
        kk="Qorgan жыныстық мазмұнды бұғаттады. Байыппен сөйлесіңіз: балалар мұндай беттерге "
        "көбіне кездейсоқ не қызығушылықтан түседі. Бұл сайттардың неге балаларға арналмағанын "
        "түсіндіріп, алаңдатқан нәрсені сізге айта алатынын айтыңыз. Егер біреу балаға "
        "осындай материал жіберсе не сурет сұраса, 150 және полиция 102-ге хабарласыңыз.",
        ru="Qorgan заблокировал сексуальный контент. Сохраняйте спокойствие: дети часто "
        "попадают на такие страницы случайно или из любопытства. Объясните, почему эти сайты "
        "не для детей, и скажите, что с любым тревожащим случаем можно прийти к вам. Если "
        "кто-то присылал ребёнку такие материалы или просил фото, звоните 150 и в полицию 102.",
        en="Qorgan blocked sexual content. Stay calm: children often land on such pages by "
        "accident or out of curiosity. Explain why these sites are not for children, and that "
        "they can always come to you with anything upsetting. If someone sent your child such "
        "material or asked for photos, call 150 and the police on 102.",
    ),
    AlertKind.CONTACT_RISK: Text(
        kk="Qorgan чаттарды, танысу сайттарын не анонимді мессенджерлерді бұғаттады. "
        "Бала желіде кіммен сөйлесетінін сұрап, ережелер келісіңіз: суретін, мекенжайын, "
        "мектебін айтпау, желідегі таныспен жалғыз кездеспеу. Ересек адам балаға қысым "
        "жасаса не қорқытса, бұл баланың кінәсі емес: хаттарды сақтап, 102 және 150-ге "
        "хабарласыңыз, @BALA_QORGAU_BOT арқылы жасырын хабарлауға да болады.",
        ru="Qorgan заблокировал чаты, сайты знакомств или анонимные мессенджеры. Спросите, с "
        "кем ребёнок общается в сети, и договоритесь о правилах: не отправлять фото, адрес и "
        "номер школы, не встречаться с интернет-знакомыми одному. Если взрослый давит на "
        "ребёнка или угрожает, это не вина ребёнка: сохраните переписку и звоните 102 и 150; "
        "анонимно сообщить можно через @BALA_QORGAU_BOT.",
        en="Qorgan blocked chats, dating sites or anonymous messengers. Ask whom your child "
        "talks to online and agree on rules: no photos, home address or school, and never "
        "meeting an online friend alone. If an adult pressures or threatens your child, it is "
        "not the child's fault: keep the messages and call 102 and 150; you can also report "
        "anonymously through @BALA_QORGAU_BOT.",
    ),
    AlertKind.BYPASS_ATTEMPT: Text(
        kk="Бала сүзгіні айналып өту үшін VPN, прокси не басқа құралды қолданып көрді. Бұл жиі "
        "кездеседі және көбіне бір ереже тым қатаң не қажетті сайт жабық екенін білдіреді: "
        "оның не ашқысы келгенін сұраңыз, қажет сайтқа рұқсат беруді қарастырыңыз. Ережелер "
        "аңду үшін емес, қауіпсіздік үшін екенін түсіндіріңіз.",
        ru="Ребёнок пробовал VPN, прокси или другое средство обхода фильтра. Так бывает часто "
        "и обычно значит, что какое-то правило кажется слишком строгим или закрыт нужный сайт: "
        "спросите, что он хотел открыть, и подумайте, не разрешить ли нужный сайт. Объясните, "
        "что правила нужны для безопасности, а не для слежки.",
        en="Your child tried a VPN, a proxy or another tool to get around the filter. This is "
        "common and usually means a rule feels too strict or a site they need is blocked: ask "
        "what they wanted to open, and consider allowing that site. Explain that the rules are "
        "there to keep them safe, not to spy on them.",
    ),
    AlertKind.CLOCK_CHANGE: Text(
        kk="Компьютердің сағаты не уақыт белдеуі өзгертілді. Qorgan уақытты өз сағатымен "
        "санайды, сондықтан лимиттер сақталады. Бұл туралы баламен сөйлесіңіз: сағатты "
        "өзгерту көбіне қосымша уақыт алу әрекеті; күндік уақытты бірге келісіп алыңыз.",
        ru="Часы или часовой пояс компьютера были изменены. Qorgan считает время по своим "
        "часам, поэтому лимиты продолжают действовать. Поговорите об этом с ребёнком: смена "
        "часов часто означает попытку получить больше времени; договоритесь о дневном времени "
        "вместе.",
        en="The PC's clock or time zone was changed. Qorgan counts time on its own clock, so "
        "the limits still hold. Talk with your child about it: changing the clock is often an "
        "attempt to get more time; agree on a fair daily allowance together.",
    ),
    AlertKind.PROTECTION_OFF: Text(
        kk="Біраз уақыт қорғаныс жұмыс істемеді: Qorgan қызметі тоқтатылды не компьютер онсыз "
        "іске қосылды. Баланың есептік жазбасы әкімші емес екенін және ата-ана PIN-кодын "
        "басқа ешкім білмейтінін тексеріңіз. Қайталанса, BIOS пен жүктеуге құпиясөз қойыңыз.",
        ru="Какое-то время защита не работала: служба Qorgan была остановлена или компьютер "
        "запускали без неё. Проверьте, что учётная запись ребёнка не администраторская и "
        "родительский PIN-код никто больше не знает. Если повторится, поставьте пароль на "
        "BIOS и загрузку.",
        en="Protection was off for a while: Qorgan's service was stopped or the PC was started "
        "without it. Check that your child's account is not an administrator and that nobody "
        "else knows the parent PIN. If it happens again, set a BIOS and boot password.",
    ),
}


@dataclass(frozen=True, slots=True)
class HelpContact:
    """A number or address a parent can turn to; kept as data so it can be corrected."""

    contact: str
    what: Text


HELP_CONTACTS = (
    HelpContact(
        "150",
        Text(
            kk="Балалар мен жастарға арналған ұлттық сенім телефоны (тегін, тәулік бойы)",
            ru="Национальный телефон доверия для детей и молодёжи (бесплатно, круглосуточно)",
            en="National helpline for children and youth (free, 24/7)",
        ),
    ),
    HelpContact(
        "111",
        Text(
            kk="Қиын жағдайдағы отбасылар мен балаларға арналған байланыс орталығы",
            ru="Контакт-центр для семей и детей в трудной ситуации",
            en="Contact centre for families and children in difficulty",
        ),
    ),
    HelpContact("102", Text(kk="Полиция", ru="Полиция", en="Police")),
    HelpContact(
        "1400",
        Text(
            kk="KZ-CERT: киберинциденттер, фишинг",
            ru="KZ-CERT: киберинциденты, фишинг",
            en="KZ-CERT: cyber incidents, phishing",
        ),
    ),
    HelpContact(
        "@BALA_QORGAU_BOT",
        Text(
            kk="Telegram: Бала құқықтарын қорғау комитетіне жасырын хабарлау",
            ru="Telegram: анонимные сообщения в Комитет по охране прав детей",
            en="Telegram: anonymous reports to the Committee for the Protection of "
            "Children's Rights",
        ),
    ),
    HelpContact(
        "onlinehealth.kz",
        Text(
            kk="Онлайн психологиялық көмек",
            ru="Онлайн-психологическая помощь",
            en="Online psychological help",
        ),
    ),
)

PRIVACY_NOTE = Text(
    kk="Qorgan тек сайт атауларын (беттің мекенжайын, іздеу сөздерін не мазмұнын емес), "
    "қолданбалардағы уақытты, бұғатталған әрекеттер мен олардың себебін және баланың "
    "өтініштерін жазады. Хаттар, пернелер мен скриншоттар жазылмайды. Барлығы осы компьютерде "
    "қалады және {days} күннен кейін өшіріледі. Бала Qorgan қосулы екенін әрқашан көреді: "
    "ережелерді онымен бірге талқылаңыз.",
    ru="Qorgan записывает только названия сайтов (не адреса страниц, не поисковые запросы и "
    "не содержимое), время в приложениях, заблокированные попытки с причинами и просьбы "
    "ребёнка. Переписка, нажатия клавиш и снимки экрана не записываются. Всё остаётся на этом "
    "компьютере и удаляется через {days} дней. Ребёнок всегда видит, что Qorgan включён: "
    "обсудите правила вместе с ним.",
    en="Qorgan records only the names of sites (never page addresses, searches or contents), "
    "time in apps, blocked attempts with their reasons, and your child's requests. Messages, "
    "keystrokes and screenshots are never recorded. Everything stays on this PC and is "
    "deleted after {days} days. Your child can always see that Qorgan is on: talk the rules "
    "over together.",
)
