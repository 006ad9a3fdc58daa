"""Definite descriptions of a person or body the text has named: "Der 66-Jährige", "die Politikerin", "dem
Politiker", "das Bündnis", "die Partei". Like "er", such a phrase names no one new; it repeats the last person of
its gender, or the last body of its kind, named shortly before ("Milorad Dodik sprach in Banja Luka. Der Politiker
drohte ...")."""

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
    first = article_before_adjectives(tokens, index, language.description_articles)
    if first is None:
        return None
    gender = description_gender(tokens[first].text.lower(), head, age, language)
    return Description(first, index, gender) if gender else None


NAME_TAGS = ("NE",)


@dataclass(frozen=True)
class BodyDescription:
    first: int  # token index of the article
    last: int  # token index of the head noun
    sectors: frozenset[str | None]  # the sectors of the bodies it may repeat (None: a body without one)


def body_description(tokens: list[Token], index: int, language: Language) -> BodyDescription | None:
    """The description of a body whose head is token `index`: a definite article, adjectives, then a noun for a
    kind of body ("das Bündnis", "die prokurdische Partei"); not before a name, a noun or a genitive that says
    which body it is ("die Partei Erdogans", "das Bündnis der Sahelstaaten")."""
    kinds = language.body_descriptions.get(tokens[index].text)
    if kinds is None:
        return None
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if following is not None and (following.pos in (*NAME_TAGS, *NOUN_TAGS) or following.pos in ARTICLE_TAGS):
        return None
    first = article_before_adjectives(tokens, index, language.body_articles)
    if first is None:
        return None
    sectors = frozenset(None if kind == NO_SECTOR else kind for kind in kinds.split())
    return BodyDescription(first, index, sectors)


def article_before_adjectives(tokens: list[Token], head: int, articles: frozenset[str]) -> int | None:
    """The token index of the article that opens the phrase of `head` across its adjectives ("die prokurdische
    Partei"), if it is one of `articles`."""
    first = head - 1
    while first >= 0 and tokens[first].pos == "ADJA":
        first -= 1
    return first if first >= 0 and tokens[first].text.lower() in articles else None


NOUN_TAGS = ("NN",)
ARTICLE_TAGS = ("ART",)
NO_SECTOR = "none"


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
