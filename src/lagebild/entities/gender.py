"""The grammatical gender a mention shows, for the pronouns and possessives that may refer to it: read by
coreference in the entity stage and by the event stage's pronoun subjects."""

from __future__ import annotations

from lagebild.document import Entity
from lagebild.lang import Language


def owner_gender(entity: Entity, language: Language) -> str | None:
    """Which possessive a mention can own: "masculine" ('sein', a masculine or neuter singular), "feminine"
    ('ihr', a feminine singular or a plural), None when the text does not tell ('der', a bare name)."""
    words = entity.text.split()
    first = words[0].lower()
    if first in language.feminine_or_plural_articles or any(w.endswith(language.feminine_role_endings) for w in words):
        return "feminine"  # "die Ukraine", "die USA", "Außenministerin Baerbock"
    if first in language.masculine_or_neuter_articles:
        return "masculine"
    if entity.label == "PER" and first in language.masculine_person_articles:
        return "masculine"  # "den ukrainischen Präsidenten Selenskyj"
    if len(words) == 1 and entity.label == "LOC":
        return "masculine"  # a country or city without article is neuter: "Frankreich", "Moskau"
    return None


def is_neuter(entity: Entity, language: Language) -> bool:
    """A thing "es" may refer to: a neuter noun ("das Land", "das Regime") or a country or city without article
    ("Nordkorea"); never a person."""
    words = entity.text.split()
    if entity.label == "PER":
        return False
    return words[0].lower() in language.neuter_articles or (len(words) == 1 and entity.label == "LOC")
