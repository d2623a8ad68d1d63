"""The pages a child sees instead of a site: why it is closed, and where to find help."""

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from proxy import pagetext
from rules.ageclass import AgeClass
from rules.categories import Category
from rules.decision import Decision, Step
from rules.national import LEGAL_BASIS
from rules.text import Language, Text

# Qorgan's own pages live on a name that can never be a real site (RFC 6761 reserves .invalid).
QORGAN_HOST = "qorgan.invalid"
QORGAN_URL = f"https://{QORGAN_HOST}"

TITLE = Text(
    kk="Бұл бет сен үшін жабық",
    ru="Эта страница для тебя закрыта",
    en="This page is closed for you",
)
SITE = Text(kk="Сайт", ru="Сайт", en="Site")
NOT_YOUR_FAULT = Text(
    kk="Бұл сенің кінәң емес. Интернетте бір нәрсе сені мазасыздандырса, "
    "өзің сенетін ересек адаммен сөйлес.",
    ru="Это не твоя вина. Если что-то в интернете тебя встревожило, "
    "поговори со взрослым, которому ты доверяешь.",
    en="It's not your fault. If something online worried you, talk to an adult you trust.",
)
ASK_A_PARENT = Text(
    kk="Бұл бет саған керек болса, ата-анаңнан ашып беруін сұра.",
    ru="Если эта страница тебе нужна, попроси родителя открыть её.",
    en="If you need this page, ask a parent to open it.",
)
SAME_FOR_EVERYONE = Text(
    kk="Бұл ереже барлығына бірдей, оны ата-ана да өзгерте алмайды.",
    ru="Это правило одинаково для всех, его не могут изменить даже родители.",
    en="This rule is the same for everyone; parents cannot change it.",
)
WHY = {
    Step.NATIONAL_LIST: Text(
        kk="Қолжетімділік {law} бойынша шектелген.",
        ru="Доступ ограничен согласно: {law}.",
        en="Access restricted under {law}.",
    ),
    Step.PROTECTED_LIST: Text(
        kk="Бұл сайт «{category}» тобына жатады, ол барлығына жабық.",
        ru="Этот сайт относится к группе «{category}», она закрыта для всех.",
        en="This site is in the group “{category}”, which is closed for everyone.",
    ),
    Step.CATEGORY: Text(
        kk="Бұл сайт «{category}» тобына жатады, ол {age_class} үшін жабық.",
        ru="Этот сайт относится к группе «{category}», она закрыта для {age_class}.",
        en="This site is in the group “{category}”, which is closed for {age_class}.",
    ),
    Step.BYPASS: Text(
        kk="Бұл сайт сүзгіні айналып өтуге арналған («{category}»), сондықтан жабық.",
        ru="Этот сайт помогает обойти фильтр («{category}»), поэтому он закрыт.",
        en="This site is a way around the filter (“{category}”), so it is closed.",
    ),
    Step.DENY_LIST: Text(
        kk="Бұл сайтты ата-анаң жапқан.",
        ru="Этот сайт закрыл родитель.",
        en="A parent closed this site.",
    ),
    Step.SCHEDULE: Text(
        kk="Қазір интернет уақыты емес.",
        ru="Сейчас не время для интернета.",
        en="It is not internet time right now.",
    ),
    Step.BUDGET: Text(
        kk="Бүгінге берілген уақыт таусылды.",
        ru="Время на сегодня закончилось.",
        en="The time for today is used up.",
    ),
    Step.WHITELIST_ONLY: Text(
        kk="Қазір тек тізіміңдегі сайттар ашық.",
        ru="Сейчас открыты только сайты из твоего списка.",
        en="Right now only the sites on your list are open.",
    ),
    Step.CONTENT: Text(
        kk="Бұл бетте сенің жасыңа арналмаған сөздер бар.",
        ru="На этой странице есть слова не для твоего возраста.",
        en="This page has words that are not for your age.",
    ),
}
CLOSED_NOW = Text(
    kk="Бұл бет қазір жабық.",
    ru="Эта страница сейчас закрыта.",
    en="This page is closed right now.",
)
HELP = Text(kk="Көмек әрқашан бар:", ru="Помощь всегда рядом:", en="Help is always there:")

# DOMAIN.md §4: the numbers, and which to give first for each kind of harm.
HELPLINE = (
    "150",
    Text(
        kk="балалар мен жастарға арналған сенім телефоны, тегін, тәулік бойы",
        ru="телефон доверия для детей и молодёжи, бесплатно, круглосуточно",
        en="helpline for children and young people, free, day and night",
    ),
)
HELPLINE_WARM = (
    "150",
    Text(
        kk="Егер саған қиын болса, сен жалғыз емессің. Қоңырау шал: тегін, тәулік бойы, "
        "сені тыңдайды.",
        ru="Если тебе плохо, рядом есть те, кто поможет. Позвони: бесплатно, днём и ночью, "
        "тебя выслушают.",
        en="If you feel bad, you are not alone. Call: it is free, day and night, "
        "and someone will listen.",
    ),
)
POLICE = (
    "102",
    Text(
        kk="полиция, егер біреу сені қорқытса немесе сенен сурет сұраса",
        ru="полиция, если тебе угрожают или просят у тебя фото",
        en="police, if someone threatens you or asks you for photos",
    ),
)
CERT = (
    "1400",
    Text(
        kk="KZ-CERT: алаяқтық және ұрланған аккаунттар. Мұнда құпия сөзіңді ешқашан "
        "енгізбе, ата-анаңа айт.",
        ru="KZ-CERT: мошенничество и украденные аккаунты. Никогда не вводи здесь свои "
        "пароли, расскажи родителю.",
        en="KZ-CERT: fraud and stolen accounts. Never type your passwords here; tell a parent.",
    ),
)
type Help = tuple[str, Text]
HELP_FOR: dict[Category, Sequence[Help]] = {
    Category.SELF_HARM: (HELPLINE_WARM,),
    Category.PORNOGRAPHY: (HELPLINE, POLICE),
    Category.CSAM: (HELPLINE, POLICE),
    Category.DATING: (HELPLINE, POLICE),
    Category.PHISHING: (CERT, HELPLINE),
    Category.MALWARE: (CERT, HELPLINE),
}

STARTING_TITLE = Text(
    kk="Qorgan іске қосылып жатыр", ru="Qorgan запускается", en="Qorgan is starting"
)
STARTING = Text(
    kk="Қорғаныс әлі дайын емес, сондықтан беттер әзірге ашылмайды. Бір минуттан кейін "
    "қайталап көр. Бұл бет кетпесе, ересек адамға айт: қорғаныста ақау болуы мүмкін.",
    ru="Защита ещё не готова, поэтому страницы пока не открываются. Попробуй ещё раз через "
    "минуту. Если эта страница не исчезает, скажи взрослому: возможно, с защитой что-то не так.",
    en="Protection is not ready yet, so pages wait for a moment. Try again in a minute. "
    "If you keep seeing this page, tell an adult: there may be a problem with protection.",
)

STYLE = (
    "body{margin:0;background:#f7f2e8;color:#1c2630;"
    "font:1.3rem/1.6 system-ui,'Segoe UI',Roboto,'Noto Sans',sans-serif}"
    "main{max-width:38rem;margin:0 auto;padding:2.5rem 1.5rem}"
    ".brand{margin:0;color:#1d5c4a;font-weight:700;letter-spacing:.05em}"
    "h1{font-size:2.1rem;line-height:1.25;color:#183a5a;margin:.4em 0 .8em}"
    "h2{font-size:1.3rem;margin:0 0 .4em}"
    ".host{font-size:1.2rem;overflow-wrap:anywhere}"
    ".help{background:#fff;border-radius:1rem;padding:1rem 1.25rem;margin-top:1.5rem}"
    ".help ul{list-style:none;margin:0;padding:0}.help li{margin:.5em 0}"
    ".number{font-size:1.6rem;font-weight:700;color:#1d5c4a;margin-right:.4em}"
    "form{margin:1.5rem 0}"
    "fieldset{border:2px solid #c9bfae;border-radius:1rem;padding:1rem 1.25rem}"
    "legend{padding:0 .4em;font-weight:600}label{display:block;margin:.2em 0 .3em}"
    "button,input{font:inherit;font-size:1.2rem;border-radius:.6rem}"
    "input{border:2px solid #5b6670;padding:.45em .6em;width:9em;background:#fff;color:#1c2630}"
    "button{border:0;padding:.6em 1.1em;margin:.4em .6em .2em 0;cursor:pointer;"
    "background:#1d5c4a;color:#fff;font-weight:600}"
    "button.quiet{background:#fff;color:#183a5a;border:2px solid #183a5a}"
    "a{color:#183a5a}button:focus,input:focus,a:focus{outline:3px solid #d97a00;outline-offset:2px}"
    ".about{margin-top:2rem;font-size:1.1rem}"
)


@dataclass(frozen=True, slots=True)
class BlockActions:
    """What the block page's forms send back to Qorgan's own pages: the host and its token."""

    host: str
    token: str


def _hidden(actions: BlockActions) -> str:
    return (
        f'<input type="hidden" name="host" value="{escape(actions.host)}">'
        f'<input type="hidden" name="token" value="{escape(actions.token)}">'
    )


def action_forms(actions: BlockActions, language: Language) -> list[str]:
    """ "Ask a parent", and the parent's PIN form to allow for an hour or always (no script)."""

    def say(text: Text) -> str:
        return escape(text.get(language))

    return [
        f'<form method="post" action="{QORGAN_URL}/ask">{_hidden(actions)}'
        f"<p>{say(pagetext.ASK_HINT)}</p>"
        f'<button type="submit">{say(pagetext.ASK_BUTTON)}</button></form>',
        f'<form method="post" action="{QORGAN_URL}/allow">{_hidden(actions)}'
        f"<fieldset><legend>{say(pagetext.PARENT_LEGEND)}</legend>"
        f'<label for="pin">{say(pagetext.PIN_LABEL)}</label>'
        '<input id="pin" name="pin" type="password" inputmode="numeric" '
        'autocomplete="off" required minlength="4">'
        f'<div><button type="submit" name="duration" value="hour">{say(pagetext.ALLOW_HOUR)}'
        '</button><button type="submit" class="quiet" name="duration" value="always">'
        f"{say(pagetext.ALLOW_ALWAYS)}</button></div></fieldset></form>",
    ]


def about_link(language: Language) -> str:
    return (
        f'<p class="about"><a href="{QORGAN_URL}/">'
        f"{escape(pagetext.ABOUT_LINK.get(language))}</a></p>"
    )


def page(language: Language, title: str, body: Sequence[str]) -> bytes:
    """A whole page from already escaped parts; no scripts, no outside resources."""
    return "".join(
        [
            f'<!doctype html>\n<html lang="{language.value}">\n<head>\n<meta charset="utf-8">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n",
            '<p class="brand">Qorgan</p>\n',
            f"<h1>{title}</h1>\n",
            *(f"{part}\n" for part in body),
            "</main>\n</body>\n</html>\n",
        ]
    ).encode("utf-8")


def _why(decision: Decision, age_class: AgeClass, language: Language) -> str:
    reason = decision.reason
    category = "" if reason.category is None else reason.category.name_text.get(language)
    template = WHY.get(reason.step, CLOSED_NOW)
    if "{category}" in template.en and not category:
        template = CLOSED_NOW
    return escape(template.get(language)).format(
        law=escape(LEGAL_BASIS.get(language)),
        category=escape(category),
        age_class=escape(str(age_class)),
    )


def render_block_page(
    decision: Decision,
    host: str,
    age_class: AgeClass,
    language: Language,
    actions: BlockActions | None = None,
) -> bytes:
    """The block page in the child's language: the site, why, help numbers, and what to do.

    A national-list hit names the law; nothing the parent cannot override offers
    to ask a parent or a PIN. Only the host is shown, never the page's path.
    """

    def say(text: Text) -> str:
        return escape(text.get(language))

    category = decision.reason.category
    helps = HELP_FOR.get(category, (HELPLINE,)) if category is not None else (HELPLINE,)
    items = "".join(
        f'<li><span class="number">{number}</span> {say(text)}</li>' for number, text in helps
    )
    body = [
        f'<p class="host">{say(SITE)}: <strong>{escape(host)}</strong></p>',
        f"<p>{_why(decision, age_class, language)}</p>",
        f"<p>{say(ASK_A_PARENT if decision.overridable else SAME_FOR_EVERYONE)}</p>",
        f"<p>{say(NOT_YOUR_FAULT)}</p>",
        f'<section class="help"><h2>{say(HELP)}</h2><ul>{items}</ul></section>',
    ]
    if actions is not None and decision.overridable:
        body += action_forms(actions, language)
    body.append(about_link(language))
    return page(language, say(TITLE), body)


def render_starting_page(language: Language) -> bytes:
    """The page while no policy is loaded or deciding failed: the internet waits (fail closed)."""
    body = [f"<p>{escape(STARTING.get(language))}</p>"]
    return page(language, escape(STARTING_TITLE.get(language)), body)
