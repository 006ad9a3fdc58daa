"""Definite descriptions of a person the text has named: "Der 66-Jährige", "die Politikerin", "dem
Politiker". Like "er", such a phrase names no one new; it repeats the last person of its gender named
shortly before ("Milorad Dodik sprach in Banja Luka. Der Politiker drohte ...")."""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.document import Token
from lagebild.lang import Language


@dataclass(frozen=True)
class Description:
    first: int  # token index of the article
    last: int  # token index of the head noun
    gender: str  # "masculine" or "feminine"


def person_description(tokens: list[Token], index: int, language: Language) -> Description | None:
    """The description whose head is token `index`: a definite article, adjectives, then an age noun
    ("66-Jährige") or a word for a person that names no office ("Politiker"); not before a name
    ("der Politiker Dodik" is a named person's own phrase)."""
    head = tokens[index].text
    age = is_age_noun(head, language)
    if not (age or head in language.description_nouns):
        return None
    if index + 1 < len(tokens) and tokens[index + 1].pos in NAME_TAGS:
        return None
    first = index - 1
    while first >= 0 and tokens[first].pos == "ADJA":
        first -= 1
    if first < 0 or tokens[first].text.lower() not in language.description_articles:
        return None
    gender = description_gender(tokens[first].text.lower(), head, age, language)
    return Description(first, index, gender) if gender else None


NAME_TAGS = ("NE",)


def is_age_noun(word: str, language: Language) -> bool:
    """'66-Jährige', '70-Jährigen': a nominalised age, spelt with a capital and a number before it."""
    number, _, noun = word.partition("-")
    return number.isdigit() and noun in language.age_nouns


def description_gender(article: str, head: str, age: bool, language: Language) -> str | None:
    """A feminine ending ("die Politikerin", "der Politikerin") and 'die' before a singular age noun ("Die
    70-Jährige") tell a woman, as does 'der' before an oblique one ("der 70-Jährigen"); 'der', 'den', 'dem',
    'des' otherwise a man. 'die' before a masculine or oblique form is a plural ("die Politiker")."""
    plural_article = article in language.feminine_or_plural_articles
    if head.endswith(language.feminine_role_endings):
        return "feminine" if plural_article or article in language.feminine_oblique_articles else None
    if age and head.endswith(language.oblique_age_endings):
        if plural_article:
            return None
        return "feminine" if article in language.feminine_oblique_articles else "masculine"
    if plural_article:
        return "feminine" if age else None
    return "masculine"
