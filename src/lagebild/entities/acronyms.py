"""Acronyms an article defines: 'die Präsidialgarde (RSP) ... die RSP'.

An acronym in parentheses right after an actor phrase stands for that actor wherever the article
repeats it.
"""

from __future__ import annotations

import re

from lagebild.document import Actor, Article, Entity, Token

ACRONYM = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,5}")  # two to six capitals or digits, opened by a capital


def acronym_entities(article: Article, entities: list[Entity]) -> list[Entity]:
    """Entities for the later mentions of acronyms an actor phrase defined in parentheses."""
    tokens = article.tokens
    defined: dict[str, Actor] = {}
    by_end = {e.end: e for e in entities if e.actor is not None}
    found = []
    for index, token in enumerate(tokens):
        if token.text == "(" and 0 < index < len(tokens) - 2 and tokens[index + 2].text == ")":
            owner = by_end.get(tokens[index - 1].end)
            acronym = tokens[index + 1].text
            if owner is not None and ACRONYM.fullmatch(acronym):
                defined[acronym] = owner.actor
                continue
        actor = defined.get(token.text)
        if actor is not None and not covered(entities, token):
            found.append(Entity(token.start, token.end, token.text, "ORG", actor=actor))
    return found


def covered(entities: list[Entity], token: Token) -> bool:
    return any(e.start < token.end and token.start < e.end for e in entities)
