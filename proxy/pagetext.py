"""The words of Qorgan's own pages besides the block page: its forms, answers and about page."""

from rules.text import Text

ASK_BUTTON = Text(kk="Ата-анамнан сұрау", ru="Попросить родителя", en="Ask a parent")
ASK_HINT = Text(
    kk="Ата-анаң сұрауыңды көреді және сайтты ашып бере алады.",
    ru="Родитель увидит твою просьбу и сможет открыть сайт.",
    en="A parent will see your request and can open the site.",
)
PARENT_LEGEND = Text(
    kk="Ата-анаға: 1 сағатқа немесе әрқашан рұқсат беру үшін PIN-кодты енгізіңіз",
    ru="Для родителя: введите PIN, чтобы разрешить на 1 час или всегда",
    en="Parent: enter your PIN to allow for 1 hour or always",
)
PIN_LABEL = Text(kk="Ата-ананың PIN-коды", ru="PIN-код родителя", en="Parent's PIN")
ALLOW_HOUR = Text(kk="1 сағатқа рұқсат ету", ru="Разрешить на 1 час", en="Allow for 1 hour")
ALLOW_ALWAYS = Text(kk="Әрқашан рұқсат ету", ru="Разрешить всегда", en="Always allow")
ABOUT_LINK = Text(kk="Qorgan не істейді?", ru="Что делает Qorgan?", en="What does Qorgan do?")

ASKED_TITLE = Text(kk="Сұрауың жіберілді", ru="Просьба отправлена", en="Your request was sent")
ASKED = Text(
    kk="Ата-анаң {host} сайтына сұрауыңды Qorgan-да көреді. Рұқсат берсе, сайт ашылады.",
    ru="Родитель увидит в Qorgan твою просьбу открыть {host}. Если он разрешит, сайт откроется.",
    en="A parent will see your request for {host} in Qorgan. If they allow it, the site opens.",
)
ALLOWED_TITLE = Text(kk="Рұқсат етілді", ru="Разрешено", en="Allowed")
ALLOWED_HOUR = Text(
    kk="{host} сайты 1 сағатқа ашық.",
    ru="Сайт {host} открыт на 1 час.",
    en="{host} is open for 1 hour.",
)
ALLOWED_ALWAYS = Text(
    kk="{host} сайты енді әрқашан ашық.",
    ru="Сайт {host} теперь открыт всегда.",
    en="{host} is now always open.",
)
OPEN_SITE = Text(kk="Сайтты ашу", ru="Открыть сайт", en="Open the site")
NOT_DONE_TITLE = Text(kk="Орындалмады", ru="Не получилось", en="That did not work")
WRONG_PIN = Text(
    kk="PIN-код қате. Артқа қайтып, қайта көріңіз.",
    ru="Неверный PIN-код. Вернитесь назад и попробуйте ещё раз.",
    en="The PIN is wrong. Go back and try again.",
)
LOCKED = Text(
    kk="Қате әрекеттер тым көп. PIN-кодты {time} кейін қайта енгізіңіз.",
    ru="Слишком много неверных попыток. Введите PIN снова после {time}.",
    en="Too many wrong tries. Enter the PIN again after {time}.",
)
NO_PIN = Text(
    kk="PIN-код әлі орнатылмаған: оны ата-ана Qorgan консолінде орнатады.",
    ru="PIN-код ещё не задан: родитель задаёт его в консоли Qorgan.",
    en="No PIN has been set yet: a parent sets it in the Qorgan console.",
)
UNAVAILABLE = Text(
    kk="Qorgan қызметі қазір жауап бермейді. Біраздан кейін қайталап көр.",
    ru="Служба Qorgan сейчас не отвечает. Попробуй ещё раз чуть позже.",
    en="The Qorgan service is not answering right now. Try again in a little while.",
)
STALE = Text(
    kk="Бұл бет ескірген. Сайтты қайта ашып көр.",
    ru="Эта страница устарела. Открой сайт ещё раз.",
    en="This page is out of date. Open the site again.",
)
NOT_FOUND_TITLE = Text(kk="Бет табылмады", ru="Страница не найдена", en="Page not found")

ABOUT_TITLE = Text(kk="Qorgan не істейді", ru="Что делает Qorgan", en="What Qorgan does")
ABOUT_INTRO = Text(
    kk="Qorgan — осы компьютердегі қорғаныс. Ол сайттарды сенің жасыңа қарай тексереді, "
    "зиянды беттерді жабады және компьютерде өткізген уақытыңды санайды.",
    ru="Qorgan — это защита на этом компьютере. Он проверяет сайты по твоему возрасту, "
    "закрывает вредные страницы и считает время за компьютером.",
    en="Qorgan protects this computer. It checks sites against your age, closes harmful "
    "pages and counts your time at the computer.",
)
ABOUT_RECORDED_TITLE = Text(kk="Не жазылады", ru="Что записывается", en="What is recorded")
ABOUT_RECORDED = Text(
    kk="Сайттың аты ғана (мысалы, example.com), ол ашылды ма, жабылды ма және неге; "
    "қолданбаларда өткізген уақытың; сенің сұрауларың.",
    ru="Только имя сайта (например, example.com), открылся он или был закрыт и почему; "
    "время в программах; твои просьбы.",
    en="Only a site's name (for example, example.com), whether it opened or was closed and "
    "why; time spent in apps; your requests.",
)
ABOUT_NEVER_TITLE = Text(
    kk="Ешқашан жазылмайды", ru="Никогда не записывается", en="What is never recorded"
)
ABOUT_NEVER = Text(
    kk="Беттердің мазмұны, іздеу сөздерің, хаттарың, пернелер мен скриншоттар.",
    ru="Содержимое страниц, твои поисковые запросы, сообщения, нажатия клавиш и снимки экрана.",
    en="What pages say, your searches, your messages, your keystrokes or screenshots.",
)
ABOUT_WHO_TITLE = Text(kk="Кім көреді", ru="Кто это видит", en="Who sees it")
ABOUT_WHO = Text(
    kk="Тек ата-анаң, осы компьютерде, PIN-кодпен. Ештеңе интернетке жіберілмейді, "
    "ал жазбалар 90 күннен кейін өшіріледі.",
    ru="Только твои родители, на этом компьютере, по PIN-коду. Ничего не отправляется "
    "в интернет, а записи удаляются через 90 дней.",
    en="Only your parents, on this computer, with their PIN. Nothing is sent to the "
    "internet, and records are deleted after 90 days.",
)
ABOUT_TALK = Text(
    kk="Бір нәрсе түсініксіз болса немесе ереже әділетсіз көрінсе, ата-анаңмен сөйлес.",
    ru="Если что-то непонятно или правило кажется несправедливым, поговори с родителями.",
    en="If something is unclear or a rule seems unfair, talk to your parents about it.",
)
