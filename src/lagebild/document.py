"""The core data model: one `Article` that every pipeline stage reads and extends.

Every annotation points into `Article.text` by character offsets (`start` inclusive,
`end` exclusive), so evidence and highlights always hold against the text as given.
Stages add to the article; none rewrites what an earlier stage assigned.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lagebild.lang import Language


class BlockKind(StrEnum):
    """What a block of the article is: its role decides which events it may carry."""

    HEADLINE = "headline"
    DATE = "date"  # a line that gives only the publication date
    PARAGRAPH = "paragraph"
    CAPTION = "caption"  # photo caption: text of the article, dated by its own date
    RIGHTS = "rights"  # "Keine Weiterverbreitung", "Nur zur Verwendung in ..."
    BOILERPLATE = "boilerplate"  # "Quelle: ...", "Foto: AFP", archive headers


@dataclass
class Block:
    """A paragraph-level piece of the article (separated by blank lines or line breaks)."""

    kind: BlockKind
    start: int
    end: int
    duplicate_of: int | None = None  # index of an earlier block with the same text


@dataclass
class Dateline:
    """'WASHINGTON, 4. September (Yonhap) –': where and when the report was filed, by whom."""

    start: int
    end: int
    place: str | None
    date: date | None
    agency: str | None


# Tokens, sentences, clauses and entities are read millions of times per corpus: slots make reading a field faster.
@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""  # STTS-style tag from HanTa, e.g. "VVFIN", "NN", "NE", "ADJA"
    space_after: bool = True
    verb: str = ""  # for a participle used as an adjective ("die festgenommenen"), its verb ("festnehmen")


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    first_token: int  # index into Article.tokens
    last_token: int  # exclusive
    block: int  # index into Article.blocks


class ClauseKind(StrEnum):
    MAIN = "main"
    SUBORDINATE = "subordinate"  # introduced by a subordinator: "dass", "weil", "nachdem"
    RELATIVE = "relative"  # "..., bei der er ... besprochen haben soll"
    INFINITIVE = "infinitive"  # "um ... zu treffen", "..., Journalisten besser zu schützen"
    VERB_FIRST = "verb_first"  # "..., sagte der Minister", "..., heißt es in dem Bericht"


@dataclass(eq=False, slots=True, weakref_slot=True)  # weakly referenced by the event stage's per-clause readings
class Clause:
    """One clause of a sentence, cut by the clause stage (lagebild.clauses). Compared and hashed by
    identity: the event stage remembers what it found in a clause (events/arguments.py)."""

    kind: ClauseKind
    tokens: list[int]  # article-level token indices, in order (may skip an interrupting clause)
    opener: str | None = None  # lowercased subordinator, relative pronoun or infinitive opener
    parent: int | None = None  # index of the governing clause in the sentence's clause list
    coordinated: bool = False  # opened by "und"/"oder" + finite verb: shares the previous subject
    grammar: Language = field(kw_only=True, repr=False)  # the language it was cut with

    @property
    def first(self) -> int:
        return self.tokens[0]

    @property
    def last(self) -> int:
        return self.tokens[-1]


@dataclass
class SentenceClauses:
    """The clause layer of one sentence, at two grains: its clauses (which the event stage reads;
    a dateline opening the sentence is in none), and the punctuation marks that cut the whole
    sentence into stretches (in which the temporal stage reads a tense: temporal/tense.py)."""

    clauses: list[Clause]
    breaks: list[int]  # article-level token indices of the marks, in order


@dataclass(frozen=True)
class Actor:
    """Who acts: the spec's ACTOR without its surface text (frozen: coded once, shared by mentions)."""

    name: str | None
    country: str | None  # ISO 3166-1 alpha-3
    sector: str | None  # GOV, MIL, MED, BUS, CVL, IGO, REB


@dataclass
class Place:
    """Where: the spec's PLACE without its surface text."""

    name: str  # English exonym (GeoNames name)
    country: str | None  # ISO 3166-1 alpha-3
    kind: str | None = None  # "country", "city", or a kind of places.tsv (sea, region, base, ...)


@dataclass(slots=True)
class Entity:
    """A recognised name or description in the text."""

    start: int
    end: int
    text: str
    label: str  # PER, LOC, ORG, LOCderiv
    actor: Actor | None = None
    place: Place | None = None
    refers_to: int | None = None  # index of the entity this one corefers with


@dataclass
class Timex:
    """A TIMEX3 (TimeML): span without a leading preposition (an article of its noun phrase stays), type,
    value, and the day interval its value denotes when it has one."""

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # "2023-09-11", "2023-W37", "P3D", "XXXX-WXX-1", "PRESENT_REF", "2023-09-11TEV"
    mod: str | None = None  # START, MID, END
    first_day: date | None = None
    last_day: date | None = None


@dataclass
class TimeExpression:
    """A temporal expression resolved to a day interval; `text` keeps its preposition ("am Montag")."""

    start: int
    end: int
    text: str
    first_day: date
    last_day: date
    timexes: tuple[Timex, ...] = ()  # the TIMEX3s inside it ("vom 2. bis 4. Juni" holds two)


@dataclass
class ActorRef:
    """An actor as it appears in one event: surface text plus its coding."""

    text: str
    actor: Actor


@dataclass
class PlaceRef:
    text: str
    place: Place


@dataclass
class Claimant:
    """One link of an attribution chain: who says so."""

    text: str
    country: str | None


@dataclass
class Evidence:
    """A passage that mentions an event, with who says it there: the attribution chain of that
    mention, outermost first (empty: the article's own voice). Set when mentions merge into events."""

    start: int
    end: int
    attribution: list[Claimant] = field(default_factory=list)


@dataclass
class Event:
    type: str  # one of the 16 PLOVER types
    modality: str  # asserted, planned, possible, negated
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    source: ActorRef | None = None
    target: ActorRef | None = None
    location: PlaceRef | None = None
    time: TimeExpression | None = None
    attribution: list[Claimant] = field(default_factory=list)  # merged over the mentions (merge.attribution_of)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Article:
    """An article and everything the pipeline has found in it."""

    id: str
    text: str
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    lang: str | None = None
    blocks: list[Block] = field(default_factory=list)
    dateline: Dateline | None = None
    notices: list[Block] = field(default_factory=list)  # rights notices, spans inside blocks
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    clauses: list[SentenceClauses] = field(default_factory=list)  # one per sentence, in the same order
    entities: list[Entity] = field(default_factory=list)
    main_country: str | None = None  # ISO3 of the country the article is mostly about
    times: list[TimeExpression] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)  # every TIMEX3, with or without a day interval
    events: list[Event] = field(default_factory=list)
    extra: dict[str, object] = field(default_factory=dict)  # input fields we keep but do not use
    token_ends: list[int] = field(default_factory=list, repr=False, compare=False)  # index for tokens_before
    entity_starts: list[int] = field(default_factory=list, repr=False, compare=False)  # index for entities_within

    @property
    def reference_date(self) -> date | None:
        """The date relative expressions resolve against: the dateline's, else publication."""
        if self.dateline and self.dateline.date:
            return self.dateline.date
        return self.published

    def in_dateline(self, offset: int) -> bool:
        """Whether character `offset` lies in the dateline ("KAIRO (dpa) –"): where and by whom it was filed."""
        return self.dateline is not None and self.dateline.start <= offset < self.dateline.end

    def lead_block(self) -> int | None:
        """The index of the lead, the first paragraph: where a report tells its news."""
        return next((i for i, block in enumerate(self.blocks) if block.kind == BlockKind.PARAGRAPH), None)

    def tokens_before(self, offset: int, count: int) -> list[Token]:
        """The `count` tokens that end at or before character `offset`."""
        if len(self.token_ends) != len(self.tokens):
            self.token_ends = [token.end for token in self.tokens]
        index = bisect_right(self.token_ends, offset)
        return self.tokens[max(0, index - count) : index]

    def tokens_after(self, offset: int, count: int) -> list[Token]:
        """The `count` tokens that start at or after character `offset`."""
        index = self.token_index(offset)
        if index < len(self.tokens) and self.tokens[index].start < offset:
            index += 1  # the token that holds the offset
        return self.tokens[index : index + count]

    def token_index(self, offset: int) -> int:
        """The index of the token that holds character `offset`, or of the first token after it."""
        if len(self.token_ends) != len(self.tokens):
            self.token_ends = [token.end for token in self.tokens]
        return bisect_right(self.token_ends, offset)

    def entities_within(self, start: int, end: int) -> range:
        """Indices of the entities (sorted by offset) that start inside characters [start, end)."""
        if len(self.entity_starts) != len(self.entities):
            self.entity_starts = [entity.start for entity in self.entities]
        return range(bisect_left(self.entity_starts, start), bisect_left(self.entity_starts, end))

    def sentence_index(self, offset: int) -> int:
        """Index of the last sentence that starts at or before character `offset` (-1 before the first)."""
        return bisect_right(self.sentences, offset, key=lambda s: s.start) - 1

    def clauses_of(self, sentence: Sentence) -> SentenceClauses:
        """The clause layer of one of the article's sentences."""
        return self.clauses[bisect_left(self.sentences, sentence.first_token, key=lambda s: s.first_token)]

    def clause_at(self, offset: int) -> Clause | None:
        """The clause whose tokens hold character `offset` (an interrupting clause, not its host)."""
        index = self.sentence_index(offset)
        if index < 0 or offset >= self.sentences[index].end:
            return None
        token = self.token_index(offset)
        return next((c for c in self.clauses_of(self.sentences[index]).clauses if token in c.tokens), None)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.last_token]
