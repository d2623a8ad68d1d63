"""The categories of harm Qorgan knows (DOMAIN.md §2), with their names in kk, ru and en."""

from enum import StrEnum

from rules.text import Text


class Category(StrEnum):
    """What a site or app is about, as far as a child's safety is concerned."""

    CSAM = "csam"
    MALWARE = "malware"
    PHISHING = "phishing"
    PORNOGRAPHY = "pornography"
    SELF_HARM = "self_harm"
    VIOLENCE = "violence"
    DRUGS = "drugs"
    ALCOHOL_TOBACCO = "alcohol_tobacco"
    GAMBLING = "gambling"
    EXTREMISM = "extremism"
    FALSE_INFORMATION = "false_information"
    DATING = "dating"
    CHAT = "chat"
    GAMES = "games"
    VIDEO = "video"
    SOCIAL_NETWORKS = "social_networks"
    VPN = "vpn"
    WEB_PROXY = "web_proxy"
    DOH = "doh"
    TOR = "tor"
    UNSAFE_SEARCH = "unsafe_search"
    EDUCATION = "education"

    @property
    def name_text(self) -> Text:
        """The category's name in kk, ru and en."""
        return CATEGORY_NAMES[self]

    @property
    def is_protected(self) -> bool:
        """Child abuse, malware and phishing are blocked for everyone; no parent can allow them."""
        return self in PROTECTED_CATEGORIES

    @property
    def is_bypass(self) -> bool:
        """Tools that step around the filter: VPNs, web proxies, DNS-over-HTTPS, Tor."""
        return self in BYPASS_CATEGORIES


PROTECTED_CATEGORIES = frozenset({Category.CSAM, Category.MALWARE, Category.PHISHING})
BYPASS_CATEGORIES = frozenset({Category.VPN, Category.WEB_PROXY, Category.DOH, Category.TOR})

CATEGORY_NAMES: dict[Category, Text] = {
    Category.CSAM: Text(
        kk="Балаларға қатысты жыныстық зорлық-зомбылық материалдары",
        ru="Материалы сексуального насилия над детьми",
        en="Child sexual abuse material",
    ),
    Category.MALWARE: Text(kk="Зиянды бағдарламалар", ru="Вредоносные программы", en="Malware"),
    Category.PHISHING: Text(
        kk="Алаяқтық және фишинг", ru="Мошенничество и фишинг", en="Fraud and phishing"
    ),
    Category.PORNOGRAPHY: Text(
        kk="Порнография және жыныстық мазмұн",
        ru="Порнография и сексуальный контент",
        en="Pornography and sexual content",
    ),
    Category.SELF_HARM: Text(
        kk="Суицид пен өзіне зиян келтіруді насихаттау",
        ru="Пропаганда суицида и самоповреждения",
        en="Suicide and self-harm promotion",
    ),
    Category.VIOLENCE: Text(
        kk="Қатыгездік пен зорлық-зомбылық",
        ru="Жестокость и насилие",
        en="Cruelty and violence",
    ),
    Category.DRUGS: Text(
        kk="Есірткі және психотроптық заттар",
        ru="Наркотики и психотропные вещества",
        en="Drugs and psychotropic substances",
    ),
    Category.ALCOHOL_TOBACCO: Text(
        kk="Алкоголь, темекі және вейп",
        ru="Алкоголь, табак и вейпы",
        en="Alcohol, tobacco and vaping",
    ),
    Category.GAMBLING: Text(kk="Құмар ойындар", ru="Азартные игры", en="Gambling"),
    Category.EXTREMISM: Text(
        kk="Терроризм және экстремизм",
        ru="Терроризм и экстремизм",
        en="Terrorism and extremism",
    ),
    Category.FALSE_INFORMATION: Text(
        kk="Жалған ақпарат", ru="Ложная информация", en="False information"
    ),
    Category.DATING: Text(kk="Танысу сайттары", ru="Сайты знакомств", en="Dating"),
    Category.CHAT: Text(
        kk="Чаттар мен анонимді мессенджерлер",
        ru="Чаты и анонимные мессенджеры",
        en="Chats and anonymous messengers",
    ),
    Category.GAMES: Text(kk="Ойындар", ru="Игры", en="Games"),
    Category.VIDEO: Text(kk="Бейне", ru="Видео", en="Video"),
    Category.SOCIAL_NETWORKS: Text(
        kk="Әлеуметтік желілер", ru="Социальные сети", en="Social networks"
    ),
    Category.VPN: Text(kk="VPN қызметтері", ru="VPN-сервисы", en="VPN services"),
    Category.WEB_PROXY: Text(
        kk="Веб-прокси және анонимайзерлер",
        ru="Веб-прокси и анонимайзеры",
        en="Web proxies and anonymizers",
    ),
    Category.DOH: Text(
        kk="DNS-over-HTTPS серверлері",
        ru="Серверы DNS-over-HTTPS",
        en="DNS-over-HTTPS resolvers",
    ),
    Category.TOR: Text(kk="Tor желісі", ru="Сеть Tor", en="Tor network"),
    Category.UNSAFE_SEARCH: Text(
        kk="Қауіпсіз іздеуді қоспайтын іздеу жүйелері",
        ru="Поисковики без безопасного поиска",
        en="Search engines without SafeSearch",
    ),
    Category.EDUCATION: Text(kk="Білім беру", ru="Образование", en="Education"),
}
