"""The event lexicons: trigger words (data/<language>/triggers.tsv) and modality/attribution cues
(data/<language>/cues.yaml), loaded once, validated, and indexed for the event stage.

Lemmas are compared through `lemma_key`: case-folded, ß = ss, a final -e dropped, because HanTa
returns pre-1996 spelling for some inflected forms ("Beschusses" -> "Beschuß") and drops the -e
of some nouns ("Haubitzen" -> "Haubitz").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import product

from lagebild.lang import DEFAULT_LANGUAGE, load_language, parse_yaml
from lagebild.plover import MODES
from lagebild.plover import PLOVER_TYPES as ORDERED_TYPES

PLOVER_TYPES = frozenset(ORDERED_TYPES)
PARTS_OF_SPEECH = frozenset({"V", "N", "LVC"})
# PLOVER context codes (PLOVER manual, "General contexts") plus `technology` from our spec.
CONTEXTS = frozenset(
    {"political", "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource",
     "culture", "disease", "enviro_disaster", "migration", "humanitarian", "legal", "human_rights",
     "rights_freedoms", "gender", "lgbt", "terrorism", "human_security", "religion_ethnicity",
     "government", "election", "legislative", "cbrn", "cyber", "political_institutions",
     "corruption", "crime", "technology"}
)  # fmt: skip
# "speaker": who says it, in a reporting clause ("..., sagte X") or a "für" phrase ("Für X kommt ... nicht infrage")
SPEAKER = "speaker"
# "home": when no other target is named, the source's own country: what a state does to its own parliament, parties,
# laws or people ("Die Junta löste die Parteien auf", "Die Regierung hob den Ausnahmezustand auf")
HOME = "home"
FIXED_ROLES = frozenset({"subj", "obj", "dat", "gen", "adj", "none", "obj.gen", "subj.gen", SPEAKER, HOME})
TRIGGER_COLUMNS = (
    "lemma", "pos", "particle", "verb", "type", "mode", "context", "requires", "excludes",
    "target", "source", "symmetric", "note",
)  # fmt: skip
MIN_HEAD_MATCH = 4  # a requires/excludes lemma this long also matches as the end of a compound
# A compound ends in a word of its own kind: a noun in a noun ('Artilleriebeschuss'), a verb in a verb ('abschießen').
# Ending keys carry the kind, so that the noun 'Leiche' is no end of the adverb 'zugleich' nor the verb 'brechen' of
# the noun 'Verbrechen'; whole lemmas still match whatever their case ('Brechen' is 'brechen').
NOUN_MARK, WORD_MARK = "\x01", "\x02"
MIN_COMPOUND_MODIFIER = 3  # 'Ost-', 'Not-', 'Uno-': shorter parts are no words of their own
# Prefixes of verbs whose nouns only look like compounds: 'Ausübung' (ausüben) is no 'Übung', 'Eingriff' no 'Griff',
# 'Vereinigung' (vereinigen) no 'Einigung', 'Entwarnung' no 'Warnung', 'Missbilligung' no 'Billigung'
VERB_PREFIXES = frozenset(
    {"auf", "aus", "bei", "durch", "ein", "mit", "nach", "über", "unter", "vor", "ver", "zer", "ent", "emp", "miss"}
)  # 3+ letters, separable and inseparable
NEGATING_PREFIXES = frozenset({"nicht", "nicht-"})  # "Nichtanerkennung" names no recognition, it refuses one
MIN_COMPOUND_HEAD = 4  # shortest noun that may head a compound ("Hilfe" in "Militärhilfe")
COMPOUND_CACHE_SIZE = 100_000  # noun lemmas taken apart per process
ENDINGS_CACHE_SIZE = 64  # clause key sets whose endings are kept (one clause asks a few)
CUE_CATEGORIES = ("planned", "possible", "negated", "attribution", "reference", "content")
CUE_GROUP_KEYS = frozenset({"name", "lemmas", "forms", "sequences", "note"})
SEQUENCE_GAP = "*"
ALL_OF = "+"  # in requires/excludes: words that must all occur ("Ausreise+Diplomat")
WORD = re.compile(r"^[A-Za-zÄÖÜäöüßéè][\w\-]*$")


class LexiconError(ValueError):
    """A lexicon file that does not follow its schema; the message names file, line and column."""


@lru_cache(maxsize=100_000)
def lemma_key(lemma: str) -> str:
    """The form lemmas are compared in: 'Beschuß', 'Beschuss', 'beschuss' are one key."""
    key = lemma.casefold().replace("ß", "ss")
    return key[:-1] if len(key) > 3 and key.endswith("e") else key


@lru_cache(maxsize=100_000)
def ending_key(lemma: str) -> str:
    """The key a lemma is matched in as the end of a compound: its `lemma_key` marked with its kind (a capitalised
    lemma is a noun or name, any other a verb, adjective or adverb)."""
    return (NOUN_MARK if lemma[:1].isupper() else WORD_MARK) + lemma_key(lemma)


# ---------------------------------------------------------------- triggers


@dataclass(frozen=True)
class TriggerEntry:
    """One sense of one trigger word: a row of triggers.tsv."""

    lemma: str
    pos: str  # V, N or LVC
    particles: tuple[str, ...]  # separable particle of the verb (V) or of the support verbs (LVC)
    verbs: tuple[str, ...]  # LVC support verbs
    type: str
    mode: str | None
    context: tuple[str, ...]
    requires: tuple[str, ...]
    excludes: tuple[str, ...]
    target: tuple[str, ...]  # role specs, in order of preference
    source: tuple[str, ...]
    symmetric: bool
    note: str
    line: int  # line number in the file, for messages
    # requires/excludes as the keys of their parts, cut once: they are tested for every trigger candidate
    requires_keys: WordSet = field(init=False, repr=False, compare=False)
    excludes_keys: WordSet = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "requires_keys", WordSet.of(self.requires))
        object.__setattr__(self, "excludes_keys", WordSet.of(self.excludes))

    def fits(self, clause_lemmas: Iterable[str]) -> bool:
        """Whether this sense's requires/excludes hold for a clause with these lemmas."""
        return self.fits_keys(clause_keys(clause_lemmas))

    def fits_keys(self, keys: frozenset[str]) -> bool:
        """`fits`, for lemmas already turned into keys once per clause (`clause_keys`)."""
        if self.requires_keys and not self.requires_keys.any_mentioned(keys):
            return False
        return not self.excludes_keys.any_mentioned(keys)

    def particle_of(self, verb: str) -> str | None:
        """The separable particle of `verb` (the lemma itself or one of the support verbs)."""
        matching = [p for p in self.particles if verb.startswith(p) and len(verb) > len(p)]
        return max(matching, key=len) if matching else None


def clause_keys(clause_lemmas: Iterable[str]) -> frozenset[str]:
    """Keys of the clause's lemmas and of each part of a hyphenated one ('Patriot-Systeme' names Patriots), each also
    as its `ending_key`, which `compound_endings` cuts."""
    lemmas = [lemma for lemma in clause_lemmas if lemma]
    lemmas += [part for lemma in lemmas if "-" in lemma for part in lemma.split("-") if part]
    return frozenset([*map(lemma_key, lemmas), *map(ending_key, lemmas)])  # map: built for every clause


@dataclass(frozen=True)
class WordSet:
    """Requires/excludes words as keys, grouped so that a clause is asked about all of them in a few set operations
    instead of one `mentions` call per word (some senses list a dozen words, and every candidate sense is tested)."""

    exact: frozenset[str]  # one-part keys shorter than MIN_HEAD_MATCH: mentioned only as a lemma of their own
    whole: frozenset[str]  # one-part keys of MIN_HEAD_MATCH+ letters: as a lemma ...
    endings: frozenset[str]  # ... or, as their `ending_key`, the end of a compound of their kind
    several: tuple[tuple[tuple[str, str], ...], ...]  # words of several parts ('Grenze+zu'), asked by `mentions`

    @classmethod
    def of(cls, words: Iterable[str]) -> WordSet:
        keyed = [word_keys(word) for word in words]
        single = [parts[0] for parts in keyed if len(parts) == 1]
        return cls(
            frozenset(key for key, _ in single if len(key) < MIN_HEAD_MATCH),
            frozenset(key for key, _ in single if len(key) >= MIN_HEAD_MATCH),
            frozenset(ending for key, ending in single if len(key) >= MIN_HEAD_MATCH),
            tuple(parts for parts in keyed if len(parts) > 1),
        )

    def __bool__(self) -> bool:
        return bool(self.exact or self.whole or self.several)

    def any_mentioned(self, clause_keys: frozenset[str]) -> bool:
        """Whether the clause `mentions` any of the words. The lemmas are asked first, so endings are cut only if
        needed."""
        if not self.exact.isdisjoint(clause_keys) or not self.whole.isdisjoint(clause_keys):
            return True
        if self.endings and not self.endings.isdisjoint(compound_endings(clause_keys)):
            return True
        return any(mentions(clause_keys, parts) for parts in self.several)


def word_keys(word: str) -> tuple[tuple[str, str], ...]:
    """The `lemma_key` and `ending_key` of a requires/excludes word's parts: 'Grenze+zu' -> (('grenz', NOUN_MARK +
    'grenz'), ('zu', WORD_MARK + 'zu'))."""
    return tuple((lemma_key(part), ending_key(part)) for part in word.split(ALL_OF))


def mentions(clause_keys: frozenset[str], parts: tuple[tuple[str, str], ...]) -> bool:
    """A clause mentions a word (its `word_keys`) when it has the lemma, or a compound of the word's kind ending in
    it (4+ letters); 'Grenze+zu' is mentioned when every part is ("die Grenze zu Kolumbien schließen")."""
    for key, ending in parts:
        if key not in clause_keys and (len(key) < MIN_HEAD_MATCH or ending not in compound_endings(clause_keys)):
            return False
    return True


# A clause's keys are asked for many required words (of every sense of every trigger candidate): their endings are
# cut once. Safe to cache: a frozenset never changes, and the few recent ones are those of the clause at hand.
@lru_cache(maxsize=ENDINGS_CACHE_SIZE)
def compound_endings(clause_keys: frozenset[str]) -> frozenset[str]:
    """Every ending of MIN_HEAD_MATCH or more letters of the `ending_key`s among the keys, with the key's mark: a
    word's `ending_key` ends a lemma of its kind exactly when it is among these."""
    return frozenset(
        key[0] + key[cut:]
        for key in clause_keys
        if key[:1] in (NOUN_MARK, WORD_MARK)
        for cut in range(1, len(key) - MIN_HEAD_MATCH + 1)
    )


def compound_ending(lemma: str, known: Callable[[str], object]) -> str:
    """The longest ending of the compound that `known` accepts as a noun ('' if none). What stands before it is a
    word, not two letters ('Trübung') nor a verb's prefix ('Ausübung' is no 'Übung', 'Einbeziehung' no 'Beziehung'),
    nor a negation of the noun after it ('Nichtteilnahme' is no 'Teilnahme'; a later head still heads the compound)."""
    for cut in range(MIN_COMPOUND_MODIFIER, len(lemma) - MIN_COMPOUND_HEAD + 1):
        if lemma[:cut].lower() in VERB_PREFIXES or lemma[:cut].lower() in NEGATING_PREFIXES:
            continue
        head = lemma[cut:]
        candidate = head[0].upper() + head[1:]
        if known(candidate):
            return candidate
    return ""


@dataclass(frozen=True)
class TriggerLexicon:
    entries: tuple[TriggerEntry, ...]
    by_verb: dict[str, tuple[TriggerEntry, ...]] = field(repr=False, compare=False)
    by_noun: dict[str, tuple[TriggerEntry, ...]] = field(repr=False, compare=False)
    by_light_verb: dict[tuple[str, str], tuple[TriggerEntry, ...]] = field(repr=False, compare=False)
    particles: frozenset[str] = field(init=False, repr=False, compare=False)  # computed once, asked per clause
    support_verb_lemmas: frozenset[str] = field(init=False, repr=False, compare=False)
    support_verb_keys: dict[str, str] = field(init=False, repr=False, compare=False)  # lemma_key -> support verb
    light_verb_nouns: frozenset[str] = field(init=False, repr=False, compare=False)  # lemma_keys of LVC nouns
    compound_head: Callable[[str], str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "particles", frozenset(p for entry in self.entries for p in entry.particles))
        object.__setattr__(self, "support_verb_lemmas", frozenset(v for entry in self.entries for v in entry.verbs))
        object.__setattr__(self, "support_verb_keys", {lemma_key(v): v for v in self.support_verb_lemmas})
        object.__setattr__(self, "light_verb_nouns", frozenset(noun for noun, _ in self.by_light_verb))
        # the same compounds recur in every article: each is taken apart once
        object.__setattr__(self, "compound_head", lru_cache(maxsize=COMPOUND_CACHE_SIZE)(self.find_compound_head))

    def find_compound_head(self, lemma: str) -> str:
        """The longest event noun that ends the compound: 'Waffenlieferung' -> 'Lieferung' ('' if none)."""
        return compound_ending(lemma, self.nouns)

    def verbs(self, lemma: str) -> tuple[TriggerEntry, ...]:
        """Senses of a verb, by its lemma with any separable particle joined ('festnehmen')."""
        return self.by_verb.get(lemma_key(lemma), ())

    def nouns(self, lemma: str) -> tuple[TriggerEntry, ...]:
        """Senses of an event noun ('Festnahme')."""
        return self.by_noun.get(lemma_key(lemma), ())

    def light_verbs(self, noun_lemma: str, verb_lemma: str) -> tuple[TriggerEntry, ...]:
        """Senses of a noun + support verb construction ('Sanktion' + 'verhängen')."""
        return self.by_light_verb.get((lemma_key(noun_lemma), lemma_key(verb_lemma)), ())

    def has_light_verbs(self, noun_lemma: str) -> bool:
        """Whether the noun opens any light-verb construction (most nouns open none)."""
        return lemma_key(noun_lemma) in self.light_verb_nouns

    def separable_particles(self) -> frozenset[str]:
        """Every particle that a verb of the lexicon leaves at the end of a main clause ('fest', 'ab')."""
        return self.particles

    def verbs_from_participle(self, adjective_lemma: str) -> tuple[TriggerEntry, ...]:
        """Verb senses for a participle HanTa took for an adjective ('verletzt' -> verletzen).

        HanTa lemmatises weak preterites of verbs without ge- participle as adjectives
        ('verletzte' -> 'verletzt', 'vereinbarten' -> 'vereinbart').
        """
        for candidate in participle_infinitives(adjective_lemma):
            found = self.verbs(candidate)
            if found:
                return found
        return ()

    def support_verb_from_participle(self, adjective_lemma: str) -> str | None:
        """The support verb of a light-verb construction behind such a participle ('überquert' -> überqueren)."""
        keys = self.support_verb_keys
        return next((keys[k] for k in map(lemma_key, participle_infinitives(adjective_lemma)) if k in keys), None)

    def support_verbs(self) -> frozenset[str]:
        """All support verb lemmas of the LVC rows."""
        return self.support_verb_lemmas


def participle_infinitives(adjective_lemma: str) -> tuple[str, ...]:
    """Infinitives a weak participle may come from: 'verletzt' -> verletzen, 'gewährt' -> gewähren."""
    if not adjective_lemma.endswith("t"):
        return ()
    stem = adjective_lemma[:-1]
    return (stem + "en", stem + "n", stem.removeprefix("ge") + "en")


@cache
def load_triggers(language: str = DEFAULT_LANGUAGE) -> TriggerLexicon:
    path = f"data/{language}/triggers.tsv"
    text = resources.files("lagebild").joinpath(path).read_text("utf-8")
    cues = load_cues(language)
    word_lists = {
        "praise_words": cues.praise_words,
        "blame_words": cues.blame_words,
        "claim_nouns": cues.claim_nouns,
        "dismissal_words": cues.dismissal_words,
    }
    return parse_triggers(text, path, word_lists)


WORD_LIST_MARK = "@"  # "@blame_words" in a requires cell: every word of that cue list (cues.yaml, content)


def parse_triggers(
    text: str, source_name: str = "triggers.tsv", word_lists: Mapping[str, frozenset[str]] | None = None
) -> TriggerLexicon:
    """Read and validate the TSV text; raise LexiconError naming the first bad cell. `word_lists`: the
    cue lists a requires cell may name ("@blame_words")."""
    entries: list[TriggerEntry] = []
    header: list[str] | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = check_header(cells, source_name, number)
            continue
        if len(cells) != len(header):
            raise LexiconError(f"{source_name}:{number}: {len(cells)} cells, expected {len(header)}")
        row = dict(zip(header, cells, strict=True))
        entries.append(parse_entry(row, f"{source_name}:{number}", number, word_lists or {}))
    if header is None:
        raise LexiconError(f"{source_name}: no header line")
    return index_entries(tuple(entries))


def check_header(cells: list[str], source_name: str, number: int) -> list[str]:
    missing = [c for c in TRIGGER_COLUMNS if c not in cells]
    unknown = [c for c in cells if c not in TRIGGER_COLUMNS]
    if missing or unknown:
        raise LexiconError(f"{source_name}:{number}: header lacks {missing} or has unknown columns {unknown}")
    return cells


def split_list(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def expand_words(words: tuple[str, ...], word_lists: Mapping[str, frozenset[str]], where: str) -> tuple[str, ...]:
    """A requires cell with the words of the cue lists it names put in; in words joined by + every combination
    ("@claim_nouns+@dismissal_words": a claim noun and a word that dismisses it)."""
    expanded: list[str] = []
    for word in words:
        choices = [list_words(part, word_lists, where) for part in word.split(ALL_OF)]
        expanded.extend(ALL_OF.join(parts) for parts in product(*choices))
    return tuple(dict.fromkeys(expanded))


def list_words(word: str, word_lists: Mapping[str, frozenset[str]], where: str) -> list[str]:
    """The word itself, or the words of the cue list it names ("@blame_words")."""
    if not word.startswith(WORD_LIST_MARK):
        return [word]
    if word[1:] not in word_lists:
        raise LexiconError(f"{where}: unknown word list {word!r}")
    return sorted(word_lists[word[1:]])


def parse_entry(row: dict[str, str], where: str, number: int, word_lists: Mapping[str, frozenset[str]]) -> TriggerEntry:
    pos, lemma, kind = row["pos"].strip(), row["lemma"].strip(), row["type"].strip()
    if pos not in PARTS_OF_SPEECH:
        raise LexiconError(f"{where}: pos {pos!r} is not one of {sorted(PARTS_OF_SPEECH)}")
    if not WORD.match(lemma):
        raise LexiconError(f"{where}: lemma {lemma!r} is not a single word")
    if kind not in PLOVER_TYPES:
        raise LexiconError(f"{where}: unknown PLOVER type {kind!r}")
    verbs = split_list(row["verb"])
    if (pos == "LVC") != bool(verbs):
        raise LexiconError(f"{where}: support verbs are required for LVC rows and only for them")
    entry = TriggerEntry(
        lemma=lemma,
        pos=pos,
        particles=split_list(row["particle"]),
        verbs=verbs,
        type=kind,
        mode=row["mode"].strip() or None,
        context=split_list(row["context"]),
        requires=expand_words(split_list(row["requires"]), word_lists, where),
        excludes=split_list(row["excludes"]),
        target=split_list(row["target"]),
        source=split_list(row["source"]),
        symmetric=parse_flag(row["symmetric"], where),
        note=row["note"].strip(),
        line=number,
    )
    check_entry(entry, where)
    return entry


def parse_flag(cell: str, where: str) -> bool:
    value = cell.strip()
    if value not in ("", "yes"):
        raise LexiconError(f"{where}: symmetric must be 'yes' or empty, not {value!r}")
    return value == "yes"


def check_entry(entry: TriggerEntry, where: str) -> None:
    if entry.mode is not None and entry.mode not in MODES[entry.type]:
        raise LexiconError(f"{where}: mode {entry.mode!r} is not a mode of {entry.type}")
    for context in entry.context:
        if context not in CONTEXTS:
            raise LexiconError(f"{where}: unknown context {context!r}")
    for column, specs in (("target", entry.target), ("source", entry.source)):
        if not specs:
            raise LexiconError(f"{where}: empty {column} (write 'none')")
        for spec in specs:
            if not is_role_spec(spec):
                raise LexiconError(f"{where}: bad {column} spec {spec!r}")
    check_particles(entry, where)
    for word in entry.verbs:
        if not WORD.match(word):
            raise LexiconError(f"{where}: {word!r} in verb is not a single word")
    for word in entry.requires + entry.excludes:
        if not all(WORD.match(part) for part in word.split(ALL_OF)):
            raise LexiconError(f"{where}: {word!r} in requires/excludes is not a word or words joined by {ALL_OF!r}")


def is_role_spec(spec: str) -> bool:
    if spec in FIXED_ROLES:
        return True
    kind, _, preposition = spec.partition(":")
    return kind == "pp" and preposition in load_language().role_prepositions


def check_particles(entry: TriggerEntry, where: str) -> None:
    if entry.pos == "N" and entry.particles:
        raise LexiconError(f"{where}: nouns have no separable particle")
    if entry.pos == "V" and len(entry.particles) > 1:
        raise LexiconError(f"{where}: a verb has at most one separable particle")
    words = (entry.lemma,) if entry.pos == "V" else entry.verbs
    for particle in entry.particles:
        if not any(word.startswith(particle) and len(word) > len(particle) for word in words):
            raise LexiconError(f"{where}: particle {particle!r} begins none of {list(words)}")


def index_entries(entries: tuple[TriggerEntry, ...]) -> TriggerLexicon:
    by_verb: dict[str, list[TriggerEntry]] = {}
    by_noun: dict[str, list[TriggerEntry]] = {}
    by_light_verb: dict[tuple[str, str], list[TriggerEntry]] = {}
    for entry in entries:
        if entry.pos == "V":
            by_verb.setdefault(lemma_key(entry.lemma), []).append(entry)
        elif entry.pos == "N":
            by_noun.setdefault(lemma_key(entry.lemma), []).append(entry)
        else:
            for verb in entry.verbs:
                by_light_verb.setdefault((lemma_key(entry.lemma), lemma_key(verb)), []).append(entry)
    return TriggerLexicon(
        entries=entries,
        by_verb={key: tuple(value) for key, value in by_verb.items()},
        by_noun={key: tuple(value) for key, value in by_noun.items()},
        by_light_verb={key: tuple(value) for key, value in by_light_verb.items()},
    )


# ---------------------------------------------------------------- cues


@dataclass(frozen=True)
class CueGroup:
    """A named group of cues of one category (cues.yaml)."""

    name: str
    lemmas: frozenset[str]  # as written (HanTa lemmas); compare with lemma_key for robustness
    forms: frozenset[str]  # lower-cased surface forms
    sequences: tuple[tuple[str, ...], ...]  # lemmas in order; "*" = a gap
    note: str


@dataclass(frozen=True)
class Cues:
    """All cue groups, by category, plus the flat sets the event stage reads.

    Flat sets hold lemmas as written (`*_verbs`, `*_nouns`), or lower-cased words
    (`*_forms`, `*_adverbs`, `*_adjectives`, `negation_words`, phrase parts).
    """

    groups: dict[str, tuple[CueGroup, ...]] = field(repr=False)
    planned_verbs: frozenset[str]
    promise_verbs: frozenset[str]
    call_verbs: frozenset[str]
    offer_verbs: frozenset[str]
    planned_phrases: tuple[tuple[str, ...], ...]
    planned_adjectives: frozenset[str]
    onset_verbs: frozenset[str]
    expiry_verbs: frozenset[str]
    intention_nouns: frozenset[str]
    intention_links: frozenset[str]
    possible_forms: frozenset[str]
    possible_verbs: frozenset[str]
    condition_openers: frozenset[str]  # a clause opened by one of them is a condition
    possible_adverbs: frozenset[str]
    possible_phrases: tuple[tuple[str, ...], ...]
    possible_adjectives: frozenset[str]
    possible_predicates: frozenset[str]
    predicate_copulas: frozenset[str]
    speculation_nouns: frozenset[str]
    negation_words: frozenset[str]
    not_negations: tuple[tuple[str, ...], ...]
    time_scope_forms: frozenset[str]
    negating_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    denied_report_nouns: frozenset[str]
    report_openers: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_phrases: tuple[tuple[str, ...], ...]
    report_nouns: frozenset[str]
    speaker_nouns: frozenset[str]
    opinion_nouns: frozenset[str]
    attribution_prepositions: frozenset[str]
    subjunctive_forms: frozenset[str]
    deed_nouns: frozenset[str]
    decision_nouns: frozenset[str]
    agreement_nouns: frozenset[str]
    violation_nouns: frozenset[str]
    response_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    response_nouns: frozenset[str]
    pressure_nouns: frozenset[str]
    demand_forms: frozenset[str]
    necessity_words: frozenset[str]
    threat_verbs: frozenset[str]
    threat_conditions: frozenset[str]
    protester_nouns: frozenset[str]
    crowd_counts: frozenset[str]
    exchange_words: frozenset[str]
    praise_words: frozenset[str]
    blame_words: frozenset[str]
    threat_words: frozenset[str]
    future_forms: frozenset[str]
    consequence_verbs: frozenset[str]
    punishment_nouns: frozenset[str]
    crackdown_verbs: frozenset[str]
    viability_words: frozenset[str]
    negotiation_ways: frozenset[str]
    impersonal_topics: frozenset[str]
    own_side_words: frozenset[str]
    urgency_words: frozenset[str]
    wish_words: frozenset[str]
    wish_forms: frozenset[str]
    urged_openers: frozenset[str]
    threat_phrases: tuple[tuple[str, ...], ...]
    blame_phrases: tuple[tuple[str, ...], ...]
    force_words: frozenset[str]
    schedule_modals: frozenset[str]
    schedule_verbs: frozenset[str]
    retaliation_verbs: frozenset[str]
    force_manners: frozenset[str]
    acceptance_words: frozenset[str]
    acceptance_negations: frozenset[str]
    breach_words: frozenset[str]
    norm_words: frozenset[str]
    sports_nouns: frozenset[str]
    dismissal_words: frozenset[str]
    claim_nouns: frozenset[str]
    now_adverbs: frozenset[str]
    since_adverbs: frozenset[str]
    then_adverbs: frozenset[str]
    deadline_words: frozenset[str]
    before_adverbs: frozenset[str]
    after_adverbs: frozenset[str]


@cache
def load_cues(language: str = DEFAULT_LANGUAGE) -> Cues:
    path = f"data/{language}/cues.yaml"
    raw = parse_yaml(resources.files("lagebild").joinpath(path).read_text("utf-8"))
    return parse_cues(raw, path)


def parse_cues(raw: object, source_name: str = "cues.yaml") -> Cues:
    """Validate the YAML structure and build the groups and the flat sets."""
    if not isinstance(raw, dict) or set(raw) != set(CUE_CATEGORIES):
        found = sorted(raw) if isinstance(raw, dict) else type(raw).__name__
        raise LexiconError(f"{source_name}: expected the categories {list(CUE_CATEGORIES)}, found {found}")
    groups = {category: parse_groups(raw[category], f"{source_name}:{category}") for category in CUE_CATEGORIES}
    return flatten_cues(groups)


def parse_groups(raw: object, where: str) -> tuple[CueGroup, ...]:
    if not isinstance(raw, list) or not raw:
        raise LexiconError(f"{where}: expected a non-empty list of groups")
    groups = tuple(parse_group(item, f"{where}[{position}]") for position, item in enumerate(raw))
    names = [group.name for group in groups]
    if len(set(names)) != len(names):
        raise LexiconError(f"{where}: duplicate group names in {names}")
    return groups


def parse_group(raw: object, where: str) -> CueGroup:
    if not isinstance(raw, dict) or "name" not in raw:
        raise LexiconError(f"{where}: a group is a mapping with a name")
    unknown = set(raw) - CUE_GROUP_KEYS
    if unknown:
        raise LexiconError(f"{where}: unknown keys {sorted(unknown)}")
    lemmas, forms = word_list(raw, "lemmas", where), word_list(raw, "forms", where)
    sequences = sequence_list(raw.get("sequences", []), where)
    if not (lemmas or forms or sequences):
        raise LexiconError(f"{where}: group {raw['name']!r} has no lemmas, forms or sequences")
    return CueGroup(
        name=str(raw["name"]),
        lemmas=frozenset(lemmas),
        forms=frozenset(form.lower() for form in forms),
        sequences=sequences,
        note=str(raw.get("note", "")).strip(),
    )


def word_list(raw: dict, key: str, where: str) -> list[str]:
    words = raw.get(key, [])
    if not isinstance(words, list) or not all(isinstance(w, str) and WORD.match(w) for w in words):
        raise LexiconError(f"{where}: {key} must be a list of single words")
    return words


def sequence_list(raw: object, where: str) -> tuple[tuple[str, ...], ...]:
    if not isinstance(raw, list):
        raise LexiconError(f"{where}: sequences must be a list of lists")
    sequences = []
    for item in raw:
        if not isinstance(item, list) or len(item) < 2:
            raise LexiconError(f"{where}: sequence {item!r} needs at least two words")
        if not all(isinstance(w, str) and (w == SEQUENCE_GAP or WORD.match(w)) for w in item):
            raise LexiconError(f"{where}: sequence {item!r} has a non-word")
        if SEQUENCE_GAP in (item[0], item[-1]):
            raise LexiconError(f"{where}: sequence {item!r} may not begin or end with a gap")
        sequences.append(tuple(item))
    return tuple(sequences)


def flatten_cues(groups: dict[str, tuple[CueGroup, ...]]) -> Cues:
    def pick(category: str, *names: str) -> tuple[CueGroup, ...]:
        found = {group.name: group for group in groups[category]}
        missing = [name for name in names if name not in found]
        if missing:
            raise LexiconError(f"cues: category {category} lacks the groups {missing}")
        return tuple(found[name] for name in names)

    def lemmas(*chosen: CueGroup) -> frozenset[str]:
        return frozenset(lemma for group in chosen for lemma in group.lemmas)

    def lowered(*chosen: CueGroup) -> frozenset[str]:
        return frozenset(word.lower() for group in chosen for word in group.lemmas | group.forms)

    def phrases(*chosen: CueGroup) -> tuple[tuple[str, ...], ...]:
        return tuple(
            tuple(w.lower() for w in sequence if w != SEQUENCE_GAP) for group in chosen for sequence in group.sequences
        )

    return Cues(
        groups=groups,
        planned_verbs=lemmas(*pick("planned", "intention_verbs", "call_verbs", "promise_verbs")),
        promise_verbs=lemmas(*pick("planned", "promise_verbs")),
        call_verbs=lemmas(*pick("planned", "call_verbs")),
        offer_verbs=lemmas(*pick("planned", "offer_verbs")),
        planned_phrases=phrases(*pick("planned", "intention_sequences")),
        planned_adjectives=lowered(*pick("planned", "scheduled_adjectives")),
        onset_verbs=lemmas(*pick("planned", "onset_verbs")),
        expiry_verbs=lemmas(*pick("planned", "expiry_verbs")),
        intention_nouns=lemmas(*pick("planned", "intention_nouns")),
        intention_links=lowered(*pick("planned", "intention_links")),
        possible_forms=lowered(*pick("possible", "modal_forms")),
        possible_verbs=lemmas(*pick("possible", "consideration_verbs", "attempt_verbs")),
        condition_openers=lowered(*pick("possible", "conditional_modals", "conditional_subordinators")),
        possible_adverbs=lowered(*pick("possible", "adverbs")),
        possible_phrases=phrases(*pick("possible", "consideration_sequences")),
        possible_adjectives=lowered(*pick("possible", "adjectives")),
        possible_predicates=lowered(*pick("possible", "predicates")),
        predicate_copulas=lowered(*pick("possible", "predicate_copulas")),
        speculation_nouns=lemmas(*pick("possible", "speculation_nouns")),
        negation_words=lowered(*pick("negated", "particles", "determiners")),
        not_negations=phrases(*pick("negated", "not_negations")),
        time_scope_forms=lowered(*pick("negated", "time_scope")),
        negating_verbs=lemmas(*pick("negated", "denial_verbs", "refusal_verbs", "cancellation")),
        denial_verbs=lemmas(*pick("negated", "denial_verbs")),
        denied_report_nouns=frozenset(map(lemma_key, lemmas(*pick("negated", "denied_report_nouns")))),
        report_openers=lowered(*pick("negated", "report_openers")),
        reporting_verbs=lemmas(*pick("attribution", "reporting_verbs")),
        reporting_phrases=phrases(*pick("attribution", "source_sequences")),
        report_nouns=lemmas(*pick("attribution", "report_nouns")),
        speaker_nouns=lemmas(*pick("attribution", "speaker_nouns")),
        opinion_nouns=lemmas(*pick("attribution", "opinion_nouns")),
        attribution_prepositions=lowered(*pick("attribution", "prepositions")),
        subjunctive_forms=lowered(*pick("attribution", "reported_speech")),
        deed_nouns=lemmas(*pick("reference", "deed_nouns")),
        decision_nouns=lemmas(*pick("reference", "decision_nouns")),
        agreement_nouns=lemmas(*pick("reference", "agreement_nouns")),
        violation_nouns=lemmas(*pick("reference", "violation_nouns")),
        response_verbs=lemmas(*pick("reference", "response_verbs")),
        claim_verbs=lemmas(*pick("reference", "claim_verbs")),
        response_nouns=lemmas(*pick("reference", "response_nouns")),
        pressure_nouns=lemmas(*pick("reference", "pressure_nouns")),
        demand_forms=lowered(*pick("content", "demand_forms")),
        necessity_words=lemmas(*pick("content", "necessity_words")),
        threat_verbs=lemmas(*pick("content", "threat_verbs")),
        threat_conditions=lowered(*pick("content", "threat_conditions")),
        protester_nouns=lemmas(*pick("content", "protester_nouns")),
        crowd_counts=lowered(*pick("content", "crowd_counts")),
        exchange_words=lowered(*pick("content", "exchange_words")),
        praise_words=lemmas(*pick("content", "praise_words")),
        blame_words=lemmas(*pick("content", "blame_words")),
        threat_words=lemmas(*pick("content", "threat_words")),
        future_forms=lowered(*pick("content", "future_forms")),
        consequence_verbs=lemmas(*pick("content", "consequence_verbs")),
        punishment_nouns=lemmas(*pick("content", "punishment_nouns")),
        crackdown_verbs=lemmas(*pick("content", "crackdown_verbs")),
        viability_words=lemmas(*pick("content", "viability_words")),
        negotiation_ways=lemmas(*pick("content", "negotiation_ways")),
        impersonal_topics=lemmas(*pick("content", "impersonal_topics")),
        own_side_words=lowered(*pick("content", "own_side_words")),
        urgency_words=lemmas(*pick("content", "urgency_words")),
        wish_words=lemmas(*pick("content", "wish_words")),
        wish_forms=lowered(*pick("content", "wish_forms")),
        urged_openers=lowered(*pick("content", "urged_openers")),
        threat_phrases=phrases(*pick("content", "threat_phrases")),
        blame_phrases=phrases(*pick("content", "blame_phrases")),
        force_words=lemmas(*pick("content", "force_words")),
        schedule_modals=lowered(*pick("content", "schedule_modals")),
        schedule_verbs=lemmas(*pick("content", "schedule_verbs")),
        retaliation_verbs=lemmas(*pick("content", "retaliation_verbs")),
        force_manners=lemmas(*pick("content", "force_manners")),
        acceptance_words=lemmas(*pick("content", "acceptance_words")),
        acceptance_negations=lowered(*pick("content", "acceptance_negations")),
        breach_words=lemmas(*pick("content", "breach_words")),
        norm_words=lemmas(*pick("content", "norm_words")),
        sports_nouns=lemmas(*pick("content", "sports_nouns")),
        dismissal_words=lemmas(*pick("content", "dismissal_words")),
        claim_nouns=lemmas(*pick("content", "claim_nouns")),
        now_adverbs=lowered(*pick("reference", "now_adverbs")),
        since_adverbs=lowered(*pick("reference", "since_adverbs")),
        then_adverbs=lowered(*pick("reference", "then_adverbs")),
        deadline_words=lowered(*pick("reference", "deadline_words")),
        before_adverbs=lowered(*pick("reference", "before_adverbs")),
        after_adverbs=lowered(*pick("reference", "after_adverbs")),
    )
