"""Titles several German-speaking states share: "der Bundeskanzler" is Germany's in a German article and
Austria's in one set in Austria. The lexicon codes such a word for its usual state; where the article is
set in another state that has the office (its dateline, else the country whose places it names most),
the bare title names that state's office and its holder of the day."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from lagebild.document import Article, Entity
from lagebild.entities.lexicon import (
    code_actor_of,
    dateline_place_name,
    evidence_of,
    load_places,
    read_tsv,
    strip_leading_articles,
)


@cache
def shared_titles(language: str) -> dict[str, frozenset[str]]:
    """Role word -> the other states that have the office (data/<language>/shared_titles.tsv)."""
    return {row["form"]: frozenset(row["countries"].split("|")) for row in read_tsv("shared_titles.tsv", language)}


def home_country(article: Article, language: str) -> str | None:
    """Where the article is set: the country of its dateline's place, else its main country."""
    dateline = article.dateline
    if dateline is not None and dateline.place:
        place = load_places(language).best_place(dateline_place_name(dateline.place))
        if place is not None and place.country:
            return place.country
    return article.main_country


def resolve_shared_titles(article: Article, entities: list[Entity], language: str) -> None:
    """Re-code each bare shared title ("Der Bundeskanzler", not "der deutsche Bundeskanzler" nor one with a
    name) for the state the article is set in, or the state of the place named right after it ("der
    Bundesrat in Bern"), when that state has the office."""
    article_home = home_country(article, language)
    titles = shared_titles(language)
    for entity in entities:
        words = strip_leading_articles(entity.text.split(), language)
        states = title_states(words[0], titles) if entity.actor is not None and len(words) == 1 else frozenset()
        home = (seat_after(entity, entities, article) or article_home) if states else None
        if home not in states:
            continue
        evidence = evidence_of(tuple(words), language)
        if evidence.person is not None:
            continue
        holder = code_actor_of(words, home, article.reference_date, language) if evidence.role else None
        if holder is not None and holder.country == home:
            entity.actor = holder  # "der Bundeskanzler" in Vienna: Austria's chancellor of the day
            entity.label = "PER" if holder.name else entity.label
        else:
            entity.actor = replace(entity.actor, country=home)  # "der Bundesrat" in Bern: the Swiss government


def seat_after(title: Entity, entities: list[Entity], article: Article) -> str | None:
    """The country of a place right after the title ("der Bundesrat in Bern"): the office sits there."""
    following = next((e for e in entities if e.start > title.end and e.place is not None), None)
    if following is None or article.text[title.end : following.start].strip() != "in":
        return None
    return following.place.country


def title_states(word: str, titles: dict[str, frozenset[str]]) -> frozenset[str]:
    """The other states of a title, also in the genitive ("des Bundeskanzlers")."""
    return titles.get(word) or titles.get(word.removesuffix("s")) or frozenset()
