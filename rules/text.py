"""Languages a person can read Qorgan in, and text given in all of them."""

from dataclasses import dataclass
from enum import StrEnum


class Language(StrEnum):
    """Kazakh and Russian are first-class; English is for IT staff."""

    KK = "kk"
    RU = "ru"
    EN = "en"


@dataclass(frozen=True, slots=True)
class Text:
    """One message in every language Qorgan speaks; none may be left out."""

    kk: str
    ru: str
    en: str

    def get(self, language: Language) -> str:
        """The message in `language`."""
        match language:
            case Language.KK:
                return self.kk
            case Language.RU:
                return self.ru
            case Language.EN:
                return self.en
            case _:
                raise ValueError(f"Qorgan does not speak {language!r}")

    def format(self, **values: object) -> "Text":
        """The same message with `{name}` placeholders filled in every language."""
        return Text(
            kk=self.kk.format(**values),
            ru=self.ru.format(**values),
            en=self.en.format(**values),
        )
