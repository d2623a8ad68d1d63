"""What `qorgan lists` says to a person, in kk, ru and en."""

from rules.text import Text

REPORT = Text(
    kk="{name}: қабылданды {accepted}, қайталанған {duplicates}, қате {invalid}, "
    "қолданылмады {unsupported}; {signature}",
    ru="{name}: принято {accepted}, повторов {duplicates}, ошибочных {invalid}, "
    "не использовано {unsupported}; {signature}",
    en="{name}: {accepted} accepted, {duplicates} duplicate, {invalid} invalid, "
    "{unsupported} not used; {signature}",
)
INVALID_LINE = Text(
    kk="  {line}-жол: {problem}", ru="  строка {line}: {problem}", en="  line {line}: {problem}"
)
MORE_INVALID = Text(
    kk="  … тағы {count} қате жол",
    ru="  … и ещё ошибочных строк: {count}",
    en="  … {count} more invalid lines",
)
SIGNATURES = {
    "verified-ed25519": Text(
        kk="қолтаңба тексерілді (Ed25519)",
        ru="подпись проверена (Ed25519)",
        en="signature verified (Ed25519)",
    ),
    "verified-sha256": Text(
        kk="SHA-256 бекітілгенмен сәйкес",
        ru="SHA-256 совпадает с закреплённым",
        en="SHA-256 matches the pinned one",
    ),
    "unverified": Text(kk="тексерілмеген", ru="не проверен", en="not verified"),
}
REFUSED = Text(
    kk="{name}: қабылданбады, қолданыстағы тізім өзгермеді: {error}",
    ru="{name}: отклонён, действующий список не изменён: {error}",
    en="{name}: refused, the list in force is unchanged: {error}",
)
UNCHANGED = Text(
    kk="{name}: соңғы жаңартудан бері өзгермеген",
    ru="{name}: не изменился с прошлого обновления",
    en="{name}: unchanged since the last update",
)
NOTHING_DUE = Text(
    kk="Жаңартуды күтіп тұрған тізім көзі жоқ (барлығын жаңарту: --all).",
    ru="Нет источников списков, которым пора обновиться (обновить все: --all).",
    en="No list source is due for an update (update all: --all).",
)
NO_SOURCES = Text(
    kk="Әзірге тізім көзі жоқ. Жүктеу: qorgan lists import ФАЙЛ --kind domains --category games",
    ru="Пока нет источников списков. Загрузите: "
    "qorgan lists import ФАЙЛ --kind domains --category games",
    en="No list sources yet. Import one: qorgan lists import FILE --kind domains --category games",
)
STATUS_LINE = Text(
    kk="{name}\t{kind}\tжазба {entries}\tжаңартылды {updated}\t{signature}\t{location}",
    ru="{name}\t{kind}\tзаписей {entries}\tобновлён {updated}\t{signature}\t{location}",
    en="{name}\t{kind}\t{entries} entries\tupdated {updated}\t{signature}\t{location}",
)
NEVER = Text(kk="ешқашан", ru="никогда", en="never")
COMPILED = Text(
    kk="Жинақталған тізімдер: {keys} кілт, ұлттық хабарламалар {entries}, жасалған уақыты {built}",
    ru="Скомпилированные списки: ключей {keys}, национальных уведомлений {entries}, "
    "собраны {built}",
    en="Compiled lists: {keys} keys, {entries} national notifications, built {built}",
)
NOT_COMPILED = Text(
    kk="Жинақталған тізімдер әлі жоқ.",
    ru="Скомпилированных списков пока нет.",
    en="No compiled lists yet.",
)
UT1_USED = Text(
    kk="  қолданылған санаттар: {names}",
    ru="  использованы категории: {names}",
    en="  categories used: {names}",
)
UT1_SKIPPED = Text(
    kk="  өткізілген санаттар: {names}",
    ru="  пропущены категории: {names}",
    en="  categories skipped: {names}",
)
SOURCE_SAVED = Text(
    kk="{name} сақталды; ол келесі «qorgan lists update» кезінде жүктеледі.",
    ru="{name} сохранён; он будет загружен при следующем «qorgan lists update».",
    en="{name} saved; it is fetched on the next `qorgan lists update`.",
)
NEEDS_CATEGORY = Text(
    kk="{kind} тізіміне --category керек",
    ru="для списка {kind} нужен --category",
    en="a {kind} list needs --category",
)
UNKNOWN_SOURCE = Text(
    kk="{name} деген тізім көзі жоқ (бар: {known})",
    ru="нет источника списков {name} (есть: {known})",
    en="no list source called {name} (known: {known})",
)
KEY_WRITTEN = Text(
    kk="Жабық кілт {path} файлына жазылды (оны құпия сақтаңыз). Ашық кілт: {key}",
    ru="Закрытый ключ записан в {path} (храните его в тайне). Открытый ключ: {key}",
    en="Private key written to {path} (keep it secret). Public key: {key}",
)
SIGNED = Text(
    kk="Қолтаңба жазылды: {path}", ru="Подпись записана: {path}", en="Signature written to {path}"
)
FILE_EXISTS = Text(
    kk="{path} бар, үстінен жазылмайды",
    ru="{path} уже есть, не перезаписываю",
    en="{path} exists; not overwritten",
)
NOT_A_KEY = Text(
    kk="{path}: Ed25519 жабық кілті емес (PEM)",
    ru="{path}: не закрытый ключ Ed25519 (PEM)",
    en="{path}: not an Ed25519 private key (PEM)",
)
REMOVED = Text(
    kk="{name} алынып тасталды ({entries} жазба); жинақталған тізімдерде енді {keys} кілт.",
    ru="{name} удалён (записей: {entries}); в скомпилированных списках теперь ключей: {keys}.",
    en="{name} removed ({entries} entries); the compiled lists now hold {keys} keys.",
)
NATIONAL_NOT_REMOVABLE = Text(
    kk="{name}: ұлттық тізімді алып тастауға болмайды: онда «Байланыс туралы» Заңның 41-1-бабы "
    "бойынша шектеулер бар, оларды ата-ана да алып тастай алмайды. Оны жаңарақ қол қойылған "
    "тізіммен ауыстырыңыз: qorgan lists import ФАЙЛ --kind national",
    ru="{name}: национальный список удалить нельзя: в нём ограничения по статье 41-1 Закона "
    "«О связи», которые не снимает и родитель. Замените его более новым подписанным списком: "
    "qorgan lists import ФАЙЛ --kind national",
    en="{name}: the national list cannot be removed: it holds restrictions under Article 41-1 "
    "of the Law on Communications, which no parent can lift. Replace it with a newer signed "
    "list: qorgan lists import FILE --kind national",
)
