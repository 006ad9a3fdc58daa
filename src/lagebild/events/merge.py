"""One record per real-world event per article, with every mention as evidence.

A mention joins the event it fits best. It fits an event of the same type whose times do not
contradict its own ("Ende Mai" and "im August" are two launches), whose country pair is its
own (in either order for symmetric types) or agrees on the side it knows, and whose actors are
not other actors of the same country ("die AfD" and "die Union" both accuse: two events; actors of no
known country told by other nouns are other actors too; a mention's actor of no country and no name, "die
Regierungschefs der beiden Nachbarn", may be any country's, see `stands_in`), and
whose acts are not other acts of their own (closing a border and stopping visas: two sanctions;
see own_act in data/plover.tsv). A plan told anew ("eine Offensive") is not an act dated before the
article's day, and a mention without a time of its own is not an act of weeks or years ago told
paragraphs away (see `plan_and_deed`, `background`). A noun counted as one more of its kind ("bei einem
zweiten Anschlag", "weitere Strafmaßnahmen") is not the act told before it in its paragraph, and two ordinals
("die erste Runde", "die zweite Runde") are two acts (see `counted_apart`); an act told as one more of its kind
("griff erneut an") is not one told as done before it ("Bereits am Samstag hatte ...", see `retold_apart`).
Among fitting events it prefers the one that shares named actors with it, then the one with
its modality ("the planned meeting with Merkel" is not "the visit at Gauck's"). A mention that
knows one side only and shares no actor with an event prefers one in a nearby paragraph; if it
fits only such far events, it retells the nearest of them (a passage paragraphs on that names one side of an
event told before) and joins it as evidence rather than open a record of its own. A mention without any
actor joins only an event of its type that is the single one to fit; otherwise it is dropped.
The most explicit mention (most fields known, earliest on ties; not one whose actor only stands in for a country)
speaks for the record; the
record's time is the most precise of its mentions' times (of those told as done, for an act done; of those told by
a verb, in the paragraphs where a verb tells it as done with a time).
An act begun long before the article told paragraphs away from the undated news of the headline or lead
neither speaks for the record nor dates it (`earlier_acts`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from lagebild.document import Actor, ActorRef, Article, BlockKind, Event, Evidence, TimeExpression
from lagebild.events.mentions import SYMMETRIC_TYPES, EventMention
from lagebild.lang import Language
from lagebild.plover import OWN_ACT_MODES
from lagebild.temporal.vocabulary import alternation


def country(ref: ActorRef | None) -> str | None:
    return ref.actor.country if ref is not None else None


def orientations(
    a: EventMention, source: ActorRef | None, target: ActorRef | None
) -> list[list[tuple[ActorRef | None, ActorRef | None]]]:
    """How a's actors may line up with another mention's: as they are, and crosswise for symmetric types."""
    straight = [(a.source, source), (a.target, target)]
    crossed = [(a.source, target), (a.target, source)]
    return [straight, crossed] if a.type in SYMMETRIC_TYPES else [straight]


CROWD_TYPES = {"PROTEST"}  # crowds are described many ways ("Demonstranten", "Islamisten", "Anhänger")
# one attack, one record (spec): the people it killed and the places it hit are its evidence, whatever their sector
VICTIM_TYPES = {"ASSAULT"}


def alignment(
    pairs: list[tuple[ActorRef | None, ActorRef | None]], crowd: bool = False, victims: bool = False
) -> int | None:
    """Shared names of an alignment of a mention's actors (x) with an event's (y); None if a side has another
    country or is another actor. `victims`: the target side names who an attack hit, of any sector ("griff Kiew an.
    Dabei wurden drei Menschen getötet")."""
    shared = 0
    for side, (x, y) in enumerate(pairs):
        if x is None or y is None:
            continue
        if x.actor.country != y.actor.country:
            if stands_in(x.actor):
                continue
            return None
        any_sector = crowd or (victims and side == 1)
        if x.actor.name and y.actor.name:
            if x.actor.name != y.actor.name:
                return None
            shared += 1
        elif different_sides(x.actor, y.actor, any_sector) or (not any_sector and different_strangers(x, y)):
            return None
    return shared


BODIES_OF_THEIR_OWN = frozenset({"IGO", "REB"})  # a world body, an armed group: no stand-in for a state


def stands_in(actor: Actor) -> bool:
    """A mention's actor of no country and no name may be any country's: "Die Regierungschefs der beiden Nachbarn
    einigten sich" or "beide Seiten" retell the agreement of the two states named before, "die Forderungen der
    anderen Staaten" those of the state that made them. Only the mention's: a country's mention does not join an
    event told by such nouns ("zahlreiche Staats- und Regierungschefs reisten nach Kiew" is not Trudeau's visit);
    nor does a world body or an armed group of no country stand in ("Bewaffnete griffen an": not the army). Kept
    for civilians too: limited to state sectors, own-blind2 and own-blind8 lost 0.002 each."""
    return actor.country is None and actor.name is None and actor.sector not in BODIES_OF_THEIR_OWN


def different_strangers(x: ActorRef, y: ActorRef) -> bool:
    """Two actors of no known country told by other nouns are other actors: with no country to share, the noun
    is all that ties them ("Menschenrechtler kritisierten ...", "Der Oppositionsführer verurteilte ...")."""
    if x.actor.country is not None or y.actor.country is not None:
        return False
    return head_stem(x.text) != head_stem(y.text)


def head_stem(text: str) -> str:
    """The last word of an actor's text without the endings of case and number ("den Rebellen" = "die Rebellen")."""
    word = text.lower().split()[-1] if text.strip() else ""
    return re.sub(r"(?:en|n|es|s|e)$", "", word)


def different_sides(x: Actor, y: Actor, any_sector: bool) -> bool:
    """Two unnamed actors of one country and different sectors are different actors, unless any sector will do."""
    return bool(x.sector and y.sector) and not any_sector and not same_side(x.sector, y.sector)


STATE_SECTORS = frozenset({"GOV", "MIL"})  # "Türkei greift an" and "die türkische Luftwaffe bombardierte": one side


def same_side(sector: str, other: str) -> bool:
    return sector == other or {sector, other} <= STATE_SECTORS


@dataclass(frozen=True)
class Telling:
    """What merging reads of the whole article, once for all its events."""

    today: date | None = None  # the article's reference date: what lies before it has happened
    plans: frozenset[int] = frozenset()  # ids of the article's plans told anew (see `new_plans`)
    news: frozenset[int] = frozenset()  # the blocks that tell the news: headlines and the first paragraph
    counts: dict[int, Count] = field(default_factory=dict)  # the article's counted mentions by id (see `counts`)
    # the article's mentions told as one more (True) or as done before (False), by id (see `retellings`)
    retellings: dict[int, bool] = field(default_factory=dict)


class Group:
    """The mentions of one event, with what `affinity` reads of them indexed: members that agree
    in time and actors count once per kind, so a long article's big events cost what their kinds cost."""

    def __init__(self, first: EventMention, telling: Telling) -> None:
        self.telling = telling
        self.counted: list[EventMention] = []  # the members with a count
        self.retold: set[bool] = set()  # how the members are told so
        self.done = False  # a member states the act as done before the article's day
        self.planned = False  # a member is a plan told anew
        self.dated: set[bool] = set()  # of the dated members: whether each lies long before the article
        self.members: list[EventMention] = []
        self.kinds: dict[tuple, int] = {}  # (time, source actor, target actor) -> how many members
        self.refs: dict[tuple, tuple[ActorRef | None, ActorRef | None]] = {}  # the first member's refs of a kind
        self.texts: set[str] = set()  # lower-cased surface texts of the members' actors
        self.blocks: set[int] = set()
        self.modalities: set[str] = set()
        self.modes: set[str | None] = set()
        self.cities: set[str] = set()  # names of the cities where members happen
        self.parties: dict[int, set[frozenset[str | None]]] = {}  # trigger position -> the members' actor texts there
        self.acts: dict[int, set[tuple[int, bool]]] = {}  # sentence -> (trigger position, own act?) of verb members
        self.judged: set[str] = set()  # the kinds of act the members condemn or praise ("verurteilte den Angriff")
        self.type = first.type
        self.add(first)

    def add(self, mention: EventMention) -> None:
        self.members.append(mention)
        if id(mention) in self.telling.counts:
            self.counted.append(mention)
        if id(mention) in self.telling.retellings:
            self.retold.add(self.telling.retellings[id(mention)])
        key = (time_key(mention), actor_of(mention.source), actor_of(mention.target))
        self.kinds[key] = self.kinds.get(key, 0) + 1
        self.refs.setdefault(key, (mention.source, mention.target))
        self.texts.update(ref.text.lower() for ref in (mention.source, mention.target) if ref is not None)
        self.blocks.add(mention.block)
        self.modalities.add(mention.modality)
        self.modes.add(mention.mode)
        self.done = self.done or done_before(mention, self.telling.today)
        self.planned = self.planned or id(mention) in self.telling.plans
        if mention.time is not None:
            self.dated.add(long_before(mention.time, self.telling.today))
        self.parties.setdefault(mention.order, set()).add(parties_of(mention))
        city = city_of(mention)
        if city is not None:
            self.cities.add(city)
        if mention.object_event:
            self.judged.add(mention.object_event[0])
        if mention.verbal and mention.mode is not None:
            self.acts.setdefault(mention.evidence.start, set()).add((mention.order, is_own_act(mention)))


def time_key(mention: EventMention) -> tuple[date, date] | None:
    return (mention.time.first_day, mention.time.last_day) if mention.time is not None else None


def actor_of(ref: ActorRef | None) -> Actor | None:
    return ref.actor if ref is not None else None  # alignment reads nothing else of a ref


def affinity(mention: EventMention, group: Group) -> float | None:
    """How well a mention fits an event (None: it does not)."""
    if mention.type != group.type or not all(times_overlap(mention, kind[0]) for kind in group.kinds):
        return None
    if any(
        apart(mention, group)
        for apart in (
            elsewhere,
            another_act,
            coordinated_act,
            listed_apart,
            plan_and_deed,
            background,
            counted_apart,
            retold_apart,
            judged_apart,
        )
    ):
        return None
    score = 0.0
    crowd = mention.type in CROWD_TYPES
    # "Dabei wurden drei Menschen getötet": the victims of an attack told in the same paragraph
    victims = mention.type in VICTIM_TYPES and mention.source is None and mention.block in group.blocks
    for key, count in group.kinds.items():
        source, target = group.refs[key]
        aligned = (alignment(p, crowd, victims) for p in orientations(mention, source, target))
        fits = [a for a in aligned if a is not None]
        if not fits:
            return None
        score += max(fits) * count
    if known_sides(mention) == 1 and score == 0 and not near(mention, group):
        return FAR  # a half-known mention far away: same event or another one we cannot tell apart
    return score + 0.5 * (mention.modality in group.modalities)


def done_before(mention: EventMention, today: date | None) -> bool:
    return (
        mention.modality == "asserted"
        and mention.time is not None
        and today is not None
        and mention.time.last_day < today
    )


BACKGROUND_DAYS = 14  # an act ended this long before the article is background, not the news


def long_before(time: TimeExpression, today: date | None) -> bool:
    return today is not None and (today - time.last_day).days > BACKGROUND_DAYS


def begun_long_before(time: TimeExpression, today: date | None) -> bool:
    """An act that began long before the article: over, or a stretch still going on ("seit 2020")."""
    return today is not None and (today - time.first_day).days > BACKGROUND_DAYS


def background(mention: EventMention, group: Group) -> bool:
    """A mention without a time of its own tells the article's news, not an act of the past told paragraphs
    away ("Damals nahm die Polizei Tausende fest" is not the raid of the headline); beside it, it goes on
    telling that act."""
    return mention.time is None and group.dated == {True} and not near_block(mention, group)


def plan_and_deed(mention: EventMention, group: Group) -> bool:
    """A plan told anew is not an act dated before the article's day: "kündigte eine Offensive an" beside
    "bombardierte am Donnerstag" are two events, the announced one still to come."""
    if id(mention) in group.telling.plans:
        return group.done
    return group.planned and done_before(mention, group.telling.today)


NEW_REFERENT_REACH = 2  # attributes between the opener and the trigger noun ("eine neue große Offensive")


@cache
def new_referent(openers: frozenset[str]) -> re.Pattern[str]:
    """An opener of a new referent right before the end of the text searched, past at most NEW_REFERENT_REACH
    attributes."""
    words = alternation(openers)
    return re.compile(rf"\b(?:{words})\s+(?:\w+\s+){{0,{NEW_REFERENT_REACH}}}$", re.IGNORECASE)


def new_plans(mentions: list[EventMention], text: str, language: Language) -> set[int]:
    """The planned mentions whose noun brings in a new referent ("eine Offensive", "weitere Strafmaßnahmen"),
    unlike one that points back ("rief zu den Protesten auf"): ids of the mentions."""
    pattern = new_referent(language.new_referent_openers)
    return {id(m) for m in mentions if m.modality == "planned" and not m.verbal and pattern.search(text, 0, m.order)}


@dataclass(frozen=True)
class Count:
    """How a mention's noun counts its act among others of its kind."""

    stem: str  # the ordinal's or further word's stem ("zweit", "weiter")
    ordinal: bool
    new: bool  # one more than the acts told before: "weitere Angriffe", "einem zweiten Anschlag"


@cache
def count_pattern(articles: frozenset[str], stems: frozenset[str], endings: tuple[str, ...]) -> re.Pattern[str]:
    """A counting word with its ending, maybe after an indefinite article, right before the end of the text
    searched, past at most NEW_REFERENT_REACH attributes."""
    article, stem, ending = alternation(articles), alternation(stems), alternation(endings)
    return re.compile(
        rf"(?:\b(?P<article>{article})\s+)?\b(?P<stem>{stem})(?:{ending})\s+(?:\w+\s+){{0,{NEW_REFERENT_REACH}}}$",
        re.IGNORECASE,
    )


COUNT_WINDOW = 80  # characters before a trigger noun searched for its count


def counts(mentions: list[EventMention], text: str, language: Language) -> dict[int, Count]:
    """The noun mentions counted among others of their kind, by id."""
    pattern = count_pattern(
        language.indefinite_articles, language.ordinal_stems | language.further_stems, language.attribute_endings
    )
    found = {}
    for mention in mentions:
        match = None if mention.verbal else pattern.search(text, max(0, mention.order - COUNT_WINDOW), mention.order)
        if match is not None:
            stem = match["stem"].lower()
            ordinal = stem in language.ordinal_stems
            new = stem in language.further_stems and (not ordinal or match["article"] is not None)
            found[id(mention)] = Count(stem, ordinal, new)
    return found


def counted_apart(mention: EventMention, group: Group) -> bool:
    """Two ordinals tell two acts ("im Mai bei einer ersten Runde", "bei ihrer zweiten Runde"), and a noun
    counted as one more tells another act than one told in an earlier sentence of its paragraph ("Ein Attentäter
    sprengte sich in Kabul in die Luft. Bei einem zweiten Anschlag in Ghor ...")."""
    own = group.telling.counts.get(id(mention))
    if own is not None and own.new and any(one_more(mention, own, member, group) for member in group.members):
        return True
    for member in group.counted:
        count = group.telling.counts[id(member)]
        if own is not None and own.ordinal and count.ordinal and count.stem != own.stem:
            return True
        if count.new and one_more(member, count, mention, group):
            return True
    return False


def one_more(later: EventMention, count: Count, earlier: EventMention, group: Group) -> bool:
    """Whether `later`, counted as one more, comes after `earlier` told otherwise in its paragraph."""
    return (
        earlier.block == later.block
        and earlier.evidence.end <= later.evidence.start
        and group.telling.counts.get(id(earlier)) != count
    )


@cache
def words_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Any of the words or phrases, as whole words."""
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


def retellings(mentions: list[EventMention], text: str, language: Language) -> dict[int, bool]:
    """The mentions whose passage tells their act as one more of its kind ("erneut", "zwei weitere Diplomaten":
    True) or as done before another ("bereits", "schon": False), by id; a passage saying both says neither."""
    again, before = words_pattern(language.repetition_adverbs), words_pattern(language.earlier_adverbs)
    found = {}
    for mention in mentions:
        span = (mention.evidence.start, mention.evidence.end)
        repeated, earlier = again.search(text, *span) is not None, before.search(text, *span) is not None
        if repeated != earlier:
            found[id(mention)] = repeated
    return found


def retold_apart(mention: EventMention, group: Group) -> bool:
    """An act told as one more of its kind is not the act told as done before it: "Russland griff Charkiw in der
    Nacht erneut an" and "Bereits am Samstag hatte ein russischer Angriff zwölf Menschen getötet" are two attacks,
    whatever their days."""
    own = group.telling.retellings.get(id(mention))
    return own is not None and (not own) in group.retold


def judged_apart(mention: EventMention, group: Group) -> bool:
    """A condemnation of an arrest and one of an attack are two judgements, though by one side of no one named."""
    return bool(mention.object_event) and bool(group.judged) and mention.object_event[0] not in group.judged


def elsewhere(mention: EventMention, group: Group) -> bool:
    """Two cities are two events: a protest in Peking and one in Schanghai ("in China" fits both). Not so for an
    attack, whose cities hit are its evidence (spec: one attack, one record); separate strikes are told apart by
    their times, acts or counts ("bei einem zweiten Anschlag")."""
    city = city_of(mention)
    return mention.type not in VICTIM_TYPES and city is not None and any(other != city for other in group.cities)


def another_act(mention: EventMention, group: Group) -> bool:
    """A mention whose mode is an act of its own is not an event whose members do another such act."""
    own_acts = OWN_ACT_MODES[mention.type]
    return mention.mode in own_acts and any(mode in own_acts and mode != mention.mode for mode in group.modes)


def is_own_act(mention: EventMention) -> bool:
    return mention.mode in OWN_ACT_MODES[mention.type]


def coordinated_act(mention: EventMention, group: Group) -> bool:
    """Another verb of the same sentence tells another act when either names an act of its own: "setzte
    Tränengas ein und nahm 50 Menschen fest", "schloss die Grenze und kündigte das Abkommen auf". A noun
    beside a verb may restate it ("nahm ihn fest; die Festnahme ..."), and a verb without a mode may be the
    whole of which the other is a part ("stürzte den Präsidenten und hält ihn fest": a coup)."""
    if not mention.verbal or mention.mode is None:
        return False
    own = is_own_act(mention)
    verbs = group.acts.get(mention.evidence.start, ())
    return any(order != mention.order and (own or other_own) for order, other_own in verbs)


def parties_of(mention: EventMention) -> frozenset[str | None]:
    return frozenset(country(ref) for ref in (mention.source, mention.target) if ref is not None)


def listed_apart(mention: EventMention, group: Group) -> bool:
    """One trigger read as several mentions with actors of other countries ("Chile, Peru und Kolumbien
    wurden eingeladen": one invitation each) tells several events; only the same parties (both ways of
    a mutual act, two names of one side) are one."""
    own = group.parties.get(mention.order)
    return own is not None and parties_of(mention) not in own


def city_of(mention: EventMention) -> str | None:
    place = mention.location.place if mention.location else None
    return place.name if place is not None and place.kind == "city" else None


def times_overlap(mention: EventMention, days: tuple[date, date] | None) -> bool:
    if mention.time is None or days is None:
        return True
    return mention.time.first_day <= days[1] and days[0] <= mention.time.last_day


FAR = -1.0  # affinity of a half-known mention that fits an event only by country, paragraphs away
MAX_BLOCK_DISTANCE = 1  # paragraphs apart that a mention naming no shared actor may still join


def near(mention: EventMention, group: Group) -> bool:
    if any(ref is not None and ref.text.lower() in group.texts for ref in (mention.source, mention.target)):
        return True
    return near_block(mention, group)


def near_block(mention: EventMention, group: Group) -> bool:
    return any(mention.block + step in group.blocks for step in range(-MAX_BLOCK_DISTANCE, MAX_BLOCK_DISTANCE + 1))


def distance(mention: EventMention, group: Group) -> int:
    """How far in the text a mention stands from the nearest member of an event."""
    return min(abs(mention.order - member.order) for member in group.members)


def known_sides(mention: EventMention) -> int:
    return (mention.source is not None) + (mention.target is not None)


def merge_mentions(
    mentions: list[EventMention], article: Article | None = None, language: Language | None = None
) -> list[Event]:
    telling = Telling()
    if article is not None and language is not None:
        telling = Telling(
            article.reference_date,
            frozenset(new_plans(mentions, article.text, language)),
            news_blocks(article),
            counts(mentions, article.text, language),
            retellings(mentions, article.text, language),
        )
    mentions = aimed_abroad(mentions)
    groups: list[Group] = []
    by_type: dict[str, list[int]] = {}  # indices of the groups of each type: no other type can fit
    for mention in sorted(mentions, key=lambda m: (-known_sides(m), m.order)):
        candidates = by_type.setdefault(mention.type, [])
        scored = [(affinity(mention, groups[index]), index) for index in candidates]
        fitting = [(score, index) for score, index in scored if score is not None]
        if known_sides(mention) == 0:
            if len(fitting) == 1:
                groups[fitting[0][1]].add(mention)
            continue
        close = [pair for pair in fitting if pair[0] != FAR]
        if close:
            groups[max(close, key=lambda pair: (pair[0], -pair[1]))[1]].add(mention)
        elif fitting:  # only far, country-level fits: a retelling of the nearest, not a record of its own
            groups[min(fitting, key=lambda pair: distance(mention, groups[pair[1]]))[1]].add(mention)
        else:
            candidates.append(len(groups))
            groups.append(Group(mention, telling))
    events = [record(group) for group in groups]
    return sorted(events, key=lambda e: (e.evidence[0].start, e.time.first_day if e.time else date.min))


BETWEEN_STATES = {"SANCTION": frozenset({"expel", "withdraw", "sever", "sanction", "embargo", "tariff"})}


def aimed_abroad(mentions: list[EventMention]) -> list[EventMention]:
    """Sanctions, expulsions and broken ties are aimed at another state: a target of the doer's own country is its
    own envoy or a name in apposition ("zog seinen Botschafter aus Lima ab"), not whom the act is aimed at, where
    the same trigger names a state abroad."""
    abroad = {(m.order, m.type) for m in mentions if m.target and country(m.target) != country(m.source)}
    return [m for m in mentions if not (aimed_home(m) and (m.order, m.type) in abroad)]


def aimed_home(mention: EventMention) -> bool:
    modes = BETWEEN_STATES.get(mention.type, frozenset())
    return mention.mode in modes and mention.source is not None and country(mention.source) == country(mention.target)


def news_blocks(article: Article) -> frozenset[int]:
    """The headlines and the first paragraph: where a report tells its news."""
    headlines = {i for i, block in enumerate(article.blocks) if block.kind == BlockKind.HEADLINE}
    lead = article.lead_block()
    return frozenset(headlines if lead is None else headlines | {lead})


def record(group: Group) -> Event:
    past = earlier_acts(group)
    best = max(group.members, key=lambda m: (id(m) not in past, not standing_in(m), m.completeness, -m.order))
    ordered = [best, *sorted((m for m in group.members if m is not best), key=lambda m: m.order)]
    return Event(
        type=best.type,
        modality=best.modality,
        mode=best.mode,
        context=list(best.context),
        source=best.source or next((m.source for m in ordered if m.source), None),
        target=best.target or next((m.target for m in ordered if m.target), None),
        location=best.location or next((m.location for m in ordered if m.location), None),
        time=narrowest_time([m for m in dating_mentions(best, ordered) if id(m) not in past]),
        attribution=attribution_of(best, ordered),
        evidence=unique_evidence(ordered),
    )


def standing_in(mention: EventMention) -> bool:
    """Whether an actor of the mention stands in for a country's (see `stands_in`): told with more fields, it still
    does not speak for the record of the country it joined ("die Behörden" for "die Regierung in Kiew")."""
    return any(ref is not None and stands_in(ref.actor) for ref in (mention.source, mention.target))


def dating_mentions(best: EventMention, mentions: list[EventMention]) -> list[EventMention]:
    """The mentions whose times may date the record: an act that happened is not dated by a mention of it as
    planned or possible ("Die Polizei nahm Demonstranten fest. Die Regierung will im Mai weitere festnehmen
    lassen"), whose time is when the plan is to come true."""
    return [m for m in mentions if m.modality == "asserted"] if best.modality == "asserted" else mentions


def earlier_acts(group: Group) -> set[int]:
    """Ids of the members that tell an act begun long before the article, more than a paragraph away from
    the undated mentions of the headline or the lead, which tell the news ("Polizei nimmt Dutzende fest ... ¶
    ... Damals wurden Tausende festgenommen", "Seit der Wahl 2020 gehen die Behörden gegen Kritiker vor"):
    they neither speak for the record nor date it."""
    news = [m for m in group.members if m.time is None and m.block in group.telling.news]
    return {
        id(m)
        for m in group.members
        if news
        and m.time is not None
        and begun_long_before(m.time, group.telling.today)
        and all(abs(m.block - other.block) > MAX_BLOCK_DISTANCE for other in news)
    }


def narrowest_time(mentions: list[EventMention]) -> TimeExpression | None:
    """The most precise of the mentions' times: they overlap (see `affinity`), so the event lies in the
    narrowest ("am Sonntagabend" rather than "in der Nacht", "am 21. und 22. Januar" rather than
    "nächste Woche"); on ties the most explicit mention's. When the dated mentions stand in paragraphs where a verb
    tells the act as done with a time, only such verbs' times count: a noun takes the time of its clause, whose
    verb tells another act ("Seit Donnerstag demonstrieren Tausende. Bei den Protesten wurden am Wochenende zwölf
    Menschen getötet" is a protest since Thursday); a plan's noun may carry its own date ("Geplant ist ein
    Treffen am 21. Januar")."""
    dated = [m for m in mentions if m.time is not None]
    verbal = [m for m in dated if m.verbal and m.modality == "asserted"]
    told = verbal if verbal and all(m.block in {v.block for v in verbal} for m in dated) else dated
    times = [m.time for m in told]
    return min(times, key=lambda t: t.last_day - t.first_day) if times else None


def attribution_of(best: EventMention, mentions: list[EventMention]) -> list:
    """No claimant once the article states the event in its own voice anywhere; else the best chain."""
    if any(not m.attribution for m in mentions if m.source is not None or m.target is not None):
        return []
    return best.attribution


def unique_evidence(mentions: list[EventMention]) -> list[Evidence]:
    """Each passage once, with the chain of its first mention (the best one's for its own passage)."""
    seen: set[tuple[int, int]] = set()
    unique = []
    for mention in mentions:
        span = (mention.evidence.start, mention.evidence.end)
        if span not in seen:
            seen.add(span)
            unique.append(Evidence(*span, attribution=list(mention.attribution)))
    return unique
