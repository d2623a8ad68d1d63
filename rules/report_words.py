"""Days, dates, durations and changes as a parent reads them in kk, ru or en."""

from datetime import date, datetime

from rules.text import Language, Text

WEEKDAYS = (
    Text(kk="Дүйсенбі", ru="Понедельник", en="Monday"),
    Text(kk="Сейсенбі", ru="Вторник", en="Tuesday"),
    Text(kk="Сәрсенбі", ru="Среда", en="Wednesday"),
    Text(kk="Бейсенбі", ru="Четверг", en="Thursday"),
    Text(kk="Жұма", ru="Пятница", en="Friday"),
    Text(kk="Сенбі", ru="Суббота", en="Saturday"),
    Text(kk="Жексенбі", ru="Воскресенье", en="Sunday"),
)
WEEKDAYS_SHORT = (
    Text(kk="Дс", ru="Пн", en="Mon"),
    Text(kk="Сс", ru="Вт", en="Tue"),
    Text(kk="Ср", ru="Ср", en="Wed"),
    Text(kk="Бс", ru="Чт", en="Thu"),
    Text(kk="Жм", ru="Пт", en="Fri"),
    Text(kk="Сб", ru="Сб", en="Sat"),
    Text(kk="Жс", ru="Вс", en="Sun"),
)
# Russian months in the genitive, as a date says them ("23 ноября").
MONTHS = (
    Text(kk="қаңтар", ru="января", en="January"),
    Text(kk="ақпан", ru="февраля", en="February"),
    Text(kk="наурыз", ru="марта", en="March"),
    Text(kk="сәуір", ru="апреля", en="April"),
    Text(kk="мамыр", ru="мая", en="May"),
    Text(kk="маусым", ru="июня", en="June"),
    Text(kk="шілде", ru="июля", en="July"),
    Text(kk="тамыз", ru="августа", en="August"),
    Text(kk="қыркүйек", ru="сентября", en="September"),
    Text(kk="қазан", ru="октября", en="October"),
    Text(kk="қараша", ru="ноября", en="November"),
    Text(kk="желтоқсан", ru="декабря", en="December"),
)
YEAR = Text(kk="{year} ж.", ru="{year} г.", en="{year}")
HOURS_MINUTES = Text(
    kk="{hours} сағ {minutes} мин", ru="{hours} ч {minutes} мин", en="{hours} h {minutes} min"
)
HOURS = Text(kk="{hours} сағ", ru="{hours} ч", en="{hours} h")
MINUTES = Text(kk="{minutes} мин", ru="{minutes} мин", en="{minutes} min")
NO_CHANGE = Text(kk="өзгеріс жоқ", ru="без изменений", en="no change")
MINUS = "\u2212"


def weekday(day: date, language: Language, short: bool = False) -> str:
    return (WEEKDAYS_SHORT if short else WEEKDAYS)[day.weekday()].get(language)


def day_month(day: date, language: Language) -> str:
    """'23 November', '23 ноября', '23 қараша'."""
    return f"{day.day} {MONTHS[day.month - 1].get(language)}"


def long_date(day: date, language: Language) -> str:
    """'23 November 2026', '23 ноября 2026 г.', '23 қараша 2026 ж.'."""
    return f"{day_month(day, language)} {YEAR.format(year=day.year).get(language)}"


def date_range(first: date, last: date, language: Language) -> str:
    """'23–29 November 2026'; the month and year are written once when they are shared."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}\u2013{long_date(last, language)}"
    if first.year == last.year:
        return f"{day_month(first, language)} \u2013 {long_date(last, language)}"
    return f"{long_date(first, language)} \u2013 {long_date(last, language)}"


def day_and_time(moment: datetime, language: Language) -> str:
    """'Mon 23 November, 21:05'."""
    day = moment.date()
    return f"{weekday(day, language, short=True)} {day_month(day, language)}, {moment:%H:%M}"


def duration(seconds: int, language: Language) -> str:
    """Whole minutes, rounded down: '2 h 05 min', '45 min', '3 h'."""
    minutes = max(seconds, 0) // 60
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return HOURS_MINUTES.format(hours=hours, minutes=f"{rest:02d}").get(language)
    if hours:
        return HOURS.format(hours=hours).get(language)
    return MINUTES.format(minutes=rest).get(language)


def duration_change(seconds: int, language: Language) -> str:
    """'+1 h 20 min', '−15 min', or 'no change' when it is less than a minute either way."""
    if abs(seconds) < 60:
        return NO_CHANGE.get(language)
    sign = "+" if seconds > 0 else MINUS
    return sign + duration(abs(seconds), language)


def count_change(count: int, language: Language) -> str:
    """'+3', '−2', or 'no change'."""
    if count == 0:
        return NO_CHANGE.get(language)
    return f"+{count}" if count > 0 else f"{MINUS}{-count}"
