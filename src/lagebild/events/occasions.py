"""When and where an event happened when its own clause does not say it: one speaker's statements in a
paragraph share their occasion, an undated event takes the time and place named before it, and
coordinated times split one mention into one per time."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from lagebild.document import (
    ActorRef,
    Article,
    BlockKind,
    Clause,
    Event,
    Place,
    PlaceRef,
    TimeExpression,
)
from lagebild.entities.lexicon import best_place, country_labels, country_place
from lagebild.events.lexicon import Cues
from lagebild.events.mentions import (
    EVENT_BLOCKS,
    VISIT,
    EventMention,
    is_destination,
    is_located,
    is_origin,
)
from lagebild.events.timing import (
    block_of,
    day_heading,
    in_background,
    is_ahead,
    lead_report,
    names_no_time,
    news_day,
    planned_time,
    present_report,
    sentence_at,
    told_as_earlier,
    told_next,
)
from lagebild.lang import Language
from lagebild.temporal.tense import in_pluperfect


@dataclass
class Occasion:
    """When and where an actor acted or spoke, in one block of the article."""

    block: int
    actor: ActorRef
    time: TimeExpression | None
    place: PlaceRef | None


def share_occasion(
    events: list[Event], statements: list[Occasion], article: Article, times: list[TimeExpression], language: Language
) -> list[Event]:
    """Statements of one actor in one paragraph share their occasion: 'verurteilte die Tat. ...,
    forderte Guterres am Dienstag in New York' dates and places both. A country acts through its
    government: 'Russland stoppt die Einfuhr ..., sagte Ministerpräsident Medwedew am Donnerstag'.
    A named speaker's only dated statement in the article dates its undated words elsewhere
    ('hatte am Freitag gesagt'). A stretch up to the report ('Seit Anfang Jahr hat die Schweiz Vermögen
    gesperrt') is how long one act lasts, not an occasion another act shares, and a day still to come is
    no occasion of an act that happened."""
    occasions = statements + [
        Occasion(block_of(article, e.evidence[0].start), e.source, occasion_time(e.time, language), e.location)
        for e in events
        if e.source
    ]
    for event in events:
        if event.source is None or (event.time and event.location):
            continue
        blocks = {block_of(article, evidence.start) for evidence in event.evidence}
        mine = [o for o in occasions if speaks_for(o.actor, event.source) and (o.time or o.place)]
        if not told_in_pluperfect(event, article, language):
            start = event.evidence[0].start
            mine = [replace(o, time=None) if background_after(o.time, start, article, language) else o for o in mine]
        nearby = [o for o in mine if o.block in blocks]
        named = [o for o in statements if event.source.actor.name and same_speaker(event.source, o.actor)]
        for occasion in nearby or (named if len(named) == 1 else []):
            shared = occasion.time if names_no_time(event, article, times, language) else None
            event.time = event.time or (None if is_coming(shared, event, article) else shared)
            event.location = event.location or occasion.place
    return events


def told_in_pluperfect(event: Event, article: Article, language: Language) -> bool:
    """Whether the event's sentence tells an act in the pluperfect ("Beide hatten die Gespräche abgebrochen"): the
    background, before the time the report narrates."""
    sentence = sentence_at(article, event.evidence[0].start)
    return sentence is not None and any(
        token.pos.endswith("FIN") and in_pluperfect(article, sentence, token.start, language)
        for token in article.sentence_tokens(sentence)
    )


def background_after(time: TimeExpression | None, start: int, article: Article, language: Language) -> bool:
    """A time told in the pluperfect after the event ("Beide haben die Gespräche wieder aufgenommen. Sie hatten sie
    vor drei Jahren abgebrochen") opens the background, before the time the report narrates: no occasion of an act
    told before it in the perfect or preterite. (Any time in the pluperfect, even one named before the event, was
    tried too: a report goes on in the preterite about the past it opened in the pluperfect, and own-blind7 lost a
    time.)"""
    return time is not None and time.start > start and in_background(article, time, language)


def is_coming(time: TimeExpression | None, event: Event, article: Article) -> bool:
    """A day after the report dates what the speaker plans ('Beide Seiten wollen sich am Samstag erneut treffen'),
    not an act that happened."""
    day = article.reference_date
    return time is not None and event.modality == "asserted" and day is not None and time.first_day > day


def occasion_time(time: TimeExpression | None, language: Language) -> TimeExpression | None:
    """The time of an event as an occasion: none for a stretch opened by 'seit'."""
    opener = time.text.split(maxsplit=1)[0].lower() if time is not None and time.text else ""
    return None if opener in language.since_prepositions else time


def same_speaker(a, b) -> bool:
    if a.actor.name or b.actor.name:
        return a.actor.name == b.actor.name
    return a.text.lower() == b.text.lower()


def speaks_for(speaker: ActorRef, actor: ActorRef) -> bool:
    """The same speaker, or a government voice of a country named bare ('Russland', 'Peking')."""
    if same_speaker(speaker, actor):
        return True
    bare = actor.actor.name is None and actor.actor.sector in (None, "GOV")
    return bare and speaker.actor.sector == "GOV" and speaker.actor.country == actor.actor.country is not None


def reached_places(events: list[Event], article: Article, language: Language) -> list[Event]:
    """An attack or a visit that names no place of its own happens at the place it strikes or visits:
    "Russland griff Charkiw an", "Israel hat den Iran angegriffen", "besuchte Moskau" (the target named
    as a place in the event's own passage)."""
    for event in events:
        if event.location is not None or event.target is None:
            continue
        if event.type not in REACHING_TYPES and event.mode not in REACHING_MODES:
            continue
        event.location = place_named_as(event.target, event, article, language)
    return events


def place_named_as(target: ActorRef, event: Event, article: Article, language: Language) -> PlaceRef | None:
    """The place the target names in the event's passages: a place entity, or a country named with its
    article ("den Iran"), which the entity stage codes as an actor only."""
    for evidence in event.evidence:
        for index in article.entities_within(evidence.start, evidence.end):
            entity = article.entities[index]
            if article.text[entity.start : entity.end] != target.text:
                continue
            place = entity.place or place_of_country(target, language)
            if place is not None:
                return PlaceRef(text=target.text, place=place)
    return None


def place_of_country(target: ActorRef, language: Language) -> Place | None:
    words = target.text.split()
    while len(words) > 1 and words[0].islower():
        words = words[1:]  # "den Iran" -> "Iran"
    found = best_place(" ".join(words), language=language.code)
    return found.place() if found and found.kind == "country" else None


REACHING_TYPES = {"ASSAULT"}  # happen at the place they strike
REACHING_MODES = {VISIT}  # happen at the place visited


def borrow_time_and_place(
    events: list[Event],
    article: Article,
    times: list[TimeExpression],
    cues: Cues,
    language: Language,
    since: list[TimeExpression],
) -> list[Event]:
    """An undated asserted event takes the last time named before it in its paragraph, an unplaced one
    the last place named there after a locative preposition: a report's sentences go on about the day
    and place its first sentence names (learning part of corpus/train: time_exact of matched events
    0.52 -> 0.56). With no time before it, an event told in the present tense happens on the day of
    the report, any other on the day of the news (`news_day`: 0.75 -> 0.82). A time ahead of the report
    or a deadline dates no event that happened (`is_ahead`). A plan takes the first time its paragraph names
    from it on that reaches past the report ('Angepeilt wird das erste Quartal', `planned_time`), one dated by
    the day of its promise the first after its sentence, but none that dates another event; possible events
    borrow nothing, nor does an act told as earlier than what was just named ('Die Miliz hatte zuvor
    Raketen abgefeuert').
    Before the day of the report, the day of a chronology's heading above it ('Mittwoch, 15. Mai ¶ Paris verhängt
    ...', `day_heading`), and a day the next sentence names for it ('Das hat der Bundesrat am Mittwoch
    entschieden', `told_next`). A headline's present tense is its way of telling the news ('EU verhängt
    Sanktionen gegen Iran'): it takes the day of the news first, the day of the report only without one.
    Before all these, a stretch since an act its sentence names and the article dates elsewhere ("Seit dem
    Putsch gab es landesweit Proteste", `since_acts`); such a stretch is borrowed like a time named."""
    for event in events:
        if event.modality == "planned":
            others = [e.time for e in events if e is not event and e.time is not None]
            event.time = (
                planned_time(event, article, [t for t in times if t not in others], cues, language) or event.time
            )
        if event.modality != "asserted":
            continue
        start = event.evidence[0].start
        block = article.blocks[block_of(article, start)]
        if (
            event.time is None
            and names_no_time(event, article, times, language)
            and not told_as_earlier(event, article, cues)
        ):
            borrowable = sorted(times + since, key=lambda t: t.start) if since else times
            earlier = [t for t in borrowable if block.start <= t.start < start and not is_ahead(t, article, cues)]
            event.time = since_in_sentence(event, article, since) or (
                earlier[-1]
                if earlier
                else day_heading(event, article)
                or told_next(event, article, times)
                or (None if in_headline(event, article) else present_report(event, article, language))
                or news_day(article, times, EVENT_BLOCKS, language)
                or present_report(event, article, language)
                or lead_report(event, article, cues, language)
            )
        if event.location is None:
            pointed = points_back(event, article, language)
            place = last_place_before(article, block.start, start, language, destinations=pointed)
            event.location = place if place is not None and (pointed or is_own_scene(event, place)) else None
        event.location = event.location or scene_of(event, article, block.start, language)
    return events


def scene_of(event: Event, article: Article, block_start: int, language: Language) -> PlaceRef | None:
    """Where an event happens when its paragraph names no place: a report keeps its scene. The last place named
    in an earlier paragraph or the headline ("Proteste in Kiew ... Dabei flogen Steine"), else the place the report
    was filed from ("PEKING (Reuters) – China verhängte ..."), each only in a country of the event's parties;
    else, for an event inside one country ("Das Militär löste die Regierung auf"), that country. A sea or a region
    of no country named paragraphs before is no later event's scene. Validation part, location country of
    matched events 0.79 -> 0.92; own-blind 0.58 -> 0.84."""
    earlier = last_place_before(article, 0, block_start, language)
    if earlier is not None and earlier.place.country is not None and in_parties_country(event, earlier):
        return earlier
    filed_from = dateline_place(article)
    if filed_from is not None and in_parties_country(event, filed_from):
        return filed_from
    return home_country(event, language)


def in_parties_country(event: Event, place: PlaceRef) -> bool:
    """A scene named away from the event is its place only in a country of its parties, or for parties of no
    country (the UN) or talks, which are held abroad."""
    countries = party_countries(event) - {None}
    return event.type in MEETING_TYPES or not countries or place.place.country in countries


def party_countries(event: Event) -> set[str | None]:
    """The countries of the event's named parties (None for a party of no country)."""
    return {ref.actor.country for ref in (event.source, event.target) if ref is not None}


def dateline_place(article: Article) -> PlaceRef | None:
    """The place of the dateline ("KAIRO (dpa) –"), as the entity stage found it."""
    if article.dateline is None:
        return None
    dateline = article.dateline
    found = (article.entities[i] for i in article.entities_within(dateline.start, dateline.end))
    entity = next((e for e in found if e.place is not None), None)
    return PlaceRef(text=article.text[entity.start : entity.end], place=entity.place) if entity else None


def home_country(event: Event, language: Language) -> PlaceRef | None:
    """The one country both parties of an event belong to, as its place ("Das Militär setzte die Regierung ab");
    a protest or a crackdown with no target named needs only its doer's. Not for talks and agreements, often held
    abroad, nor for deployments and weapons tests, which happen where forces go or missiles fall."""
    if event.source is None or (event.target is None and event.type not in HOME_TYPES):
        return None
    countries = party_countries(event)
    if len(countries) != 1 or None in countries or event.type in MEETING_TYPES | SELF_DIRECTED_TYPES:
        return None
    (iso3,) = countries
    found = country_place(iso3)
    return PlaceRef(text=country_labels(language.code).get(iso3, iso3), place=found.place()) if found else None


def since_in_sentence(event: Event, article: Article, since: list[TimeExpression]) -> TimeExpression | None:
    """A stretch since an act dated elsewhere that the event's sentence names ("Seit dem Putsch gab es
    landesweit Proteste", `since_acts`), before or after the event's words."""
    index = article.sentence_index(event.evidence[0].start)
    return next((t for t in since if article.sentence_index(t.start) == index), None) if index >= 0 else None


def in_headline(event: Event, article: Article) -> bool:
    return article.blocks[block_of(article, event.evidence[0].start)].kind == BlockKind.HEADLINE


def points_back(event: Event, article: Article, language: Language) -> bool:
    """'Dort sollen Sanktionen beraten werden', 'an die USA ausgeliefert und dort verurteilt': the event's own
    words say it happens at the place named last, wherever something went there."""
    evidence = event.evidence[0]
    words = article.text[evidence.start : evidence.end].lower().split()
    return any(word.strip(",.;:") in language.place_anaphors for word in words)


def is_own_scene(event: Event, place: PlaceRef) -> bool:
    """A place named before an event is its scene only in a country of its parties, or when its parties
    have none: "In Minsk ... Die Polizei nahm ... fest", not "trafen sich in Brüssel. Nordkorea feuerte ...".
    Talks and agreements are held abroad ("in Genf"), and a place of no country (a sea) is any event's scene."""
    unnamed_target = event.target is None and event.type not in SELF_DIRECTED_TYPES  # "griff die Hauptstadt an"
    return unnamed_target or place.place.country is None or in_parties_country(event, place)


MEETING_TYPES = {"CONSULT", "AGREE"}  # held where the parties meet, often in a third country
SELF_DIRECTED_TYPES = {"MOBILIZE"}  # need no target: a deployment, a weapons test
HOME_TYPES = {"PROTEST", "COERCE"}  # with no target named, still acts at home: a strike, a state of emergency


def last_place_before(
    article: Article, start: int, end: int, language: Language, destinations: bool = False
) -> PlaceRef | None:
    """The last place named in [start, end) after a preposition of place; where something went only when
    `destinations` ("nach Kiew. Dort ..."), never where someone came from. Read backwards: the first found is
    the last named."""
    for index in reversed(article.entities_within(start, end)):
        entity = article.entities[index]
        if (
            entity.place is not None
            and is_located(article, entity.start, language)
            and (destinations or not is_destination(article, entity, language))
            and not is_origin(article, entity, language)
        ):
            return PlaceRef(text=article.text[entity.start : entity.end], place=entity.place)
    return None


def split_by_times(
    found: list[EventMention], clause: Clause, article: Article, language: Language
) -> list[EventMention]:
    """'Ende Mai und im August ... geschossen': two launches, one per coordinated time."""
    start, end = article.tokens[clause.first].start, article.tokens[clause.last].end
    times = [t for t in article.times if start <= t.start < end]
    if len(times) < 2 or not all(
        article.text[a.end : b.start].strip() in language.time_coordinators for a, b in pairwise(times)
    ):
        return found
    return [replace(mention, time=time) for mention in found for time in times]
