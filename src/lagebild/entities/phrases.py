"""Actor phrases: the words around a known form that together name one actor.

"Der nordkoreanische Staatschef Kim Jong-un", "die Regierung in Bamako", "Frankreichs
Außenminister", "US-Präsident Barack Obama", "die Führer Nordkoreas": a phrase grows from
lexicon matches (countries, adjectives, roles, organisations, people) over articles and
adjectives to the left, names and a genitive country to the right, and "in <capital>" after a
body of government. The phrase is then coded as a whole by `lexicon.code_actor`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

from wordfreq import zipf_frequency

from lagebild.document import Token
from lagebild.entities.lexicon import ActorEntry, ActorLexicon, compound_entries, load_actor_lexicon
from lagebild.entities.words import load_phrase_words
from lagebild.lang import DEFAULT_LANGUAGE, Language, load_language

GOVERNMENT_KINDS = {"name", "capital", "seat"}
MAX_NAME_TOKENS = 4  # unknown name parts after a role: "Jean-Yves Le Drian"
# wordfreq's Zipf scale: 1.0 is about one in 100 million words (a name German text hardly has), 3.0 one in a
# million (names in the news like "Kagame" lie below it, nouns that could follow a name above it)
RARE_WORD_ZIPF = 1.0
SURNAME_ZIPF = 3.0


@dataclass
class Phrase:
    first: int  # token index
    last: int  # inclusive
    kinds: set[str]  # kinds of the lexicon entries inside
    canonical: dict[int, str] = field(default_factory=dict)  # token index -> word as listed ("Vereinigte")
    name_first: int | None = None  # first token of a name the lexicon does not know ("Präsident Ali Bongo")
    role_sectors: frozenset[str] = frozenset()  # sectors of the role nouns inside ("Polizisten": GOV)

    def words(self, tokens: list[Token], stop: int | None = None) -> list[str]:
        """The phrase's words (before token `stop`, if given) as the lexicon lists them; a compound may stand
        for two ('Bundeswehr Soldaten')."""
        last = self.last if stop is None else stop - 1
        return [word for i in range(self.first, last + 1) for word in self.canonical.get(i, tokens[i].text).split()]


class FormMatcher:
    """Longest-match of lexicon forms over tokens, indexed by first token."""

    def __init__(self, lexicon: ActorLexicon, language: Language) -> None:
        self.lexicon = lexicon
        self.language = language  # the grammar words phrases are extended with
        self.by_first: dict[str, list[tuple[tuple[str, ...], tuple[ActorEntry, ...], tuple[str, ...]]]] = {}
        for form, entries in lexicon.match_forms():
            variants = inflected_names(form)
            if any(entry.kind == "person" for entry in entries):
                variants += genitive_name(form)
            for variant in variants:
                self.by_first.setdefault(variant[0], []).append((variant, entries, form))
        for candidates in self.by_first.values():
            candidates.sort(key=lambda candidate: -len(candidate[0]))

    def match(
        self, tokens: list[Token], start: int, end: int
    ) -> tuple[int, tuple[ActorEntry, ...], tuple[str, ...] | None]:
        """(length, entries, words as listed) of the longest form at `start`; (0, (), None) if none."""
        for form, entries, listed in self.by_first.get(tokens[start].text, ()):
            if start + len(form) <= end and all(tokens[start + k].text == part for k, part in enumerate(form)):
                return len(form), entries, listed
        word = tokens[start].text
        if word[:1].isupper() and tokens[start].pos in ("NN", "NNA", "NE", "ADJA", "ADJD", "FM", "XY"):
            found = single_word_entries(word)
            if found:
                reading = compound_reading(word)
                return 1, found, (reading,) if reading else None
        return 0, (), None


def inflected_names(form: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name opening with adjectives also stands inflected: "Vereinigte Staaten" -> "den Vereinigten Staaten",
    "Europäische Union" -> "der Europäischen Union", "Vereinigte Arabische Emirate" -> "der Vereinigten Arabischen
    Emirate" (every adjective before the noun)."""
    first = form[0]
    if len(form) < 2 or not first[:1].isupper():
        return [form]
    if first.endswith("e"):
        adjectives = next((n for n, word in enumerate(form[:-1]) if not word.endswith("e")), len(form) - 1)
        return [form, tuple(word + "n" if n < adjectives else word for n, word in enumerate(form))]
    if first.endswith(("es", "er")):  # "Islamischer Staat" -> "der Islamische Staat", "des Islamischen Staates"
        return [form, (first[:-2] + "e", *form[1:]), (first[:-2] + "en", *form[1:])]
    return [form]


def genitive_name(form: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A person's name of several words in the genitive: "Kim Jong-uns", "Suu Kyis" (one word: see `lookup`)."""
    last = form[-1]
    if len(form) < 2 or last.endswith(("s", "ß", "x", "z")):
        return []
    return [(*form[:-1], last + "s")]


@cache
def single_word_entries(word: str) -> tuple[ActorEntry, ...]:
    """Genitive and inflected forms ('Russlands', 'Schoigus') and compounds ('US-Präsident', 'Kremlsprecher')."""
    lexicon = load_actor_lexicon()
    direct = lexicon.lookup(word)
    if direct:
        return tuple(direct)
    return tuple(entry for entry in compound_entries(lexicon, word) if not verb_prefixed(word, entry.form))


@cache
def compound_reading(word: str) -> str | None:
    """'Bundeswehrsoldaten' read as 'Bundeswehr Soldaten': a known body or country before a role noun."""
    if "-" in word:
        return None
    lexicon = load_actor_lexicon()
    for split in range(len(word) - 4, 2, -1):
        tail = word[split:].capitalize()
        if not any(entry.kind == "role" for entry in lexicon.lookup(tail)):
            continue
        prefix = word[:split]
        for candidate in (prefix, prefix[:-1] if prefix.endswith("s") else None):
            if candidate and any(e.kind in ("organisation", "name") for e in lexicon.lookup(candidate)):
                return f"{candidate} {tail}"
    return None


def verb_prefixed(word: str, head: str) -> bool:
    return (
        "-" not in word
        and word.lower().endswith(head.lower())
        and word[: -len(head)].lower() in load_phrase_words().verb_prefixes
    )


@cache
def form_matcher(language: str = DEFAULT_LANGUAGE) -> FormMatcher:
    return FormMatcher(load_actor_lexicon(language), load_language(language))


def find_phrases(tokens: list[Token], start: int, end: int, matcher: FormMatcher) -> list[Phrase]:
    """Actor phrases among tokens[start:end] (one sentence), in order, not overlapping."""
    seeds: list[Phrase] = []
    index = start
    while index < end:
        length, entries, listed = matcher.match(tokens, index, end)
        if length and is_first_name(tokens, index, length, entries, end, matcher):
            length = 0  # "Michel Kafando" is not Charles Michel
        if length:
            canonical = {index + k: word for k, word in enumerate(listed or ()) if word != tokens[index + k].text}
            sectors = frozenset(entry.sector for entry in entries if entry.kind == "role" and entry.sector)
            seeds.append(Phrase(index, index + length - 1, {entry.kind for entry in entries}, canonical, None, sectors))
            index += length
        else:
            index += 1
    seeds = [seed for seed in seeds if not counts_things(seed, seeds, tokens, end, matcher.language)]
    phrases = [extend(phrase, tokens, start, end, matcher) for phrase in join_adjacent(seeds, tokens, matcher.language)]
    return join_memberships(phrases, tokens, matcher.language)


def counts_things(seed: Phrase, seeds: list[Phrase], tokens: list[Token], end: int, language: Language) -> bool:
    """'Dutzende Angriffe', 'Hunderte Raketen': a count before a noun no actor opens counts things, no crowd
    ("Tausende" alone is one, and "Tausende Demonstranten" are the protesters)."""
    following = seed.last + 1
    if seed.first != seed.last or tokens[seed.first].text.lower() not in language.mention_openers or following >= end:
        return False
    return tokens[following].pos in language.noun_tags and not any(s.first == following for s in seeds)


def join_memberships(phrases: list[Phrase], tokens: list[Token], grammar: Language) -> list[Phrase]:
    """'eine Abordnung aus zwölf chilenischen Offizieren': the group is of the members' country."""
    joined: list[Phrase] = []
    for phrase in phrases:
        previous = joined[-1] if joined else None
        if previous is not None and tokens[previous.last].text in load_phrase_words(grammar.code).group_nouns:
            gap = tokens[previous.last + 1 : phrase.first]
            members = grammar.membership_prepositions
            if gap and gap[0].text in members and all(t.pos in grammar.membership_gap_tags for t in gap[1:]):
                previous.last = phrase.last
                previous.kinds |= phrase.kinds
                previous.canonical.update(phrase.canonical)
                continue
        joined.append(phrase)
    return joined


def join_adjacent(seeds: list[Phrase], tokens: list[Token], language: Language) -> list[Phrase]:
    """'nordkoreanische' + 'Staatschef' + 'Kim Jong-un' directly after each other form one phrase."""
    joined: list[Phrase] = []
    for seed in seeds:
        left = joined[-1] if joined else None
        if (
            left
            and seed.first == left.last + 1
            and not opens_phrase(left, seed, tokens, language)
            and can_join(left, seed)
        ):
            left.last = seed.last
            left.kinds |= seed.kinds
            left.canonical.update(seed.canonical)
            left.role_sectors |= seed.role_sectors
        else:
            joined.append(seed)
    return joined


def opens_phrase(left: Phrase, seed: Phrase, tokens: list[Token], language: Language) -> bool:
    """A count opens a new actor ('nahm die Polizei Dutzende Demonstranten fest'), and so does a group of
    another sector ('nahmen Polizisten Demonstranten fest') or a country not in the genitive after a role; a title
    stack ('Armeechef General') shares its sector, and a count runs on into what it counts ('Hunderte Soldaten')."""
    if tokens[seed.first].text.lower() in language.mention_openers:
        return True
    if "role" in left.kinds and is_bare_state(seed.kinds, tokens[seed.last].text) and is_lone_name(seed.last, tokens):
        return is_one_person(left.first, tokens, language)
    if tokens[left.last].text.lower() in language.mention_openers:
        return False
    return bool(left.role_sectors and seed.role_sectors and not left.role_sectors & seed.role_sectors)


def is_bare_state(kinds: set[str], word: str) -> bool:
    """A country or capital not in the genitive: after a role it is no owner but an actor of its own ("warf der
    Außenminister Russland ... vor"; the owner is "Russlands")."""
    return bool(kinds) and kinds <= GOVERNMENT_KINDS and not word.endswith("s")


def is_lone_name(index: int, tokens: list[Token]) -> bool:
    """A name not followed by another ("der Sender China Central Television" names a medium)."""
    return index + 1 >= len(tokens) or tokens[index + 1].pos != "NE"


def is_one_person(first: int, tokens: list[Token], language: Language) -> bool:
    """A role after an article of one man ("der Außenminister"), not a plural ("die Nato-Staaten Polen und
    Litauen" names the members)."""
    return any(tokens[i].text.lower() in language.masculine_person_articles for i in (first - 1, first) if i >= 0)


def kinds_at(tokens: list[Token], index: int, end: int, matcher: FormMatcher) -> set[str]:
    length, entries, _ = matcher.match(tokens, index, end) if index < end else (0, (), None)
    return {entry.kind for entry in entries} if length else set()


def can_join(left: Phrase, right: Phrase) -> bool:
    """Two bare countries in a row are two actors; an adjective or role runs on into what follows."""
    if left.kinds <= GOVERNMENT_KINDS and right.kinds <= GOVERNMENT_KINDS:
        return False
    return bool(left.kinds & {"adjective", "role", "person", "organisation", "name", "inhabitant"})


def extend(phrase: Phrase, tokens: list[Token], start: int, end: int, matcher: FormMatcher) -> Phrase:
    bare_name = phrase.kinds <= GOVERNMENT_KINDS  # "gewährte Pakistan": a verb HanTa took for an adjective
    language = matcher.language
    while phrase.first > start and is_left_modifier(tokens[phrase.first - 1], language):
        after_comma = phrase.first - 2 >= start and tokens[phrase.first - 2].text == ","
        if after_comma and tokens[phrase.first - 1].text.lower() not in language.possessives:
            break  # ", den Israel und die Hamas vereinbart hatten": a relative pronoun, not an article
        if bare_name and tokens[phrase.first - 1].pos == "ADJA":
            break
        phrase.first -= 1
    following = phrase.last + 1
    named_state = (
        following < end
        and is_bare_state(kinds_at(tokens, following, end, matcher), tokens[following].text)
        and is_lone_name(following, tokens)
        and is_one_person(phrase.first, tokens, language)
    )
    if phrase.kinds & {"role", "person"} and not is_body_noun(tokens[phrase.last].text, language) and not named_state:
        last = absorb_names(tokens, phrase.last, end, language)
        if last > phrase.last and "person" not in phrase.kinds:
            phrase.name_first = phrase.last + 1
        phrase.last = last
    if phrase.kinds & {"role", "organisation"}:
        phrase.last = absorb_portfolio(tokens, phrase.last, end)
    if "role" in phrase.kinds:
        phrase.last = absorb_genitive_country(tokens, phrase.last, end, matcher)
        if is_seated_body(tokens[phrase.last].text, language):
            phrase.last = absorb_seat(tokens, phrase.last, end, matcher)
        elif tokens[phrase.first].text.lower() not in language.possessives:
            phrase.last = absorb_origin(tokens, phrase.last, end, matcher)
    return phrase


def is_left_modifier(token: Token, grammar: Language) -> bool:
    """Articles, adjectives, numbers before an actor ('mehrere hundert', 'die russische'), not a year;
    a sentence-initial 'Das' is an article and 'sein' before a noun a possessive ('sein Verteidigungsminister'),
    whatever the tagger guessed."""
    year = token.pos == "CARD" and len(token.text) == 4 and token.text.isdigit()
    word = token.text.lower()
    determiner = word in grammar.article_words or word in grammar.possessives
    return (token.pos in grammar.left_modifier_tags or determiner) and not year


HEAD_CACHE_SIZE = 100_000  # words tested against a list of heads, per process


def is_body_noun(word: str, language: Language) -> bool:
    """'Polizei', 'Regierungstruppen': a body or crowd, which no person's name follows."""
    return ends_with_any(word, load_phrase_words(language.code).body_nouns)


def is_seated_body(word: str, language: Language) -> bool:
    """'Regierung', 'Verteidigungsministerium': a body that 'in Peking' places."""
    return ends_with_any(word, load_phrase_words(language.code).seated_bodies)


@lru_cache(maxsize=HEAD_CACHE_SIZE)  # asked for every role phrase; a pure function of a word and a fixed list
def ends_with_any(word: str, heads: frozenset[str]) -> bool:
    """The word is one of `heads` or a compound ending in one ('Bundespolizei' in 'Polizei')."""
    return any(word == head or (word.endswith(head.lower()) and len(word) > len(head)) for head in heads)


def absorb_names(tokens: list[Token], last: int, end: int, language: Language) -> int:
    """Unknown name parts after a role or a first name: 'Außenminister Jean-Yves Le Drian'."""
    taken = 0
    while last + 1 < end and taken < MAX_NAME_TOKENS and is_name_part(tokens[last + 1], language, taken > 0):
        last += 1
        taken += 1
    if taken == 0 and last + 2 < end and opens_full_name(tokens[last + 1], tokens[last + 2], language):
        return absorb_names(tokens, last + 1, end, language)
    return last


def opens_full_name(first: Token, second: Token, language: Language) -> bool:
    """A first name the tagger took for a noun, with the surname after it: 'Regierungschef Albin Kurti',
    'Außenminister Péter Szijjártó'. A noun German uses little, then a name part, is a name after a title."""
    rare = first.pos == "NN" and first.text[:1].isupper() and word_frequency(first.text) < SURNAME_ZIPF
    return rare and second.pos != "NN" and is_name_part(second, language, after_name=True)


def is_name_part(token: Token, language: Language, after_name: bool = False) -> bool:
    """A name after a title: capitalised words the tagger did not know as nouns ('Vorsitzender Überall'),
    or took for nouns while German hardly has them ('Handelsbeauftragter Robert Lighthizer'); after a
    first name, a noun German uses little is the surname ('Paul Kagame')."""
    particles = load_phrase_words(language.code).name_particles
    particle, hyphen, rest = token.text.partition("-")
    if token.text in particles or (hyphen and particle in particles and rest[:1].isupper()):
        return True  # "bin", "al-Gaddafi"
    if not token.text[:1].isupper():
        return False
    if token.pos in ("NE", "FM", "ADV", "ADJD"):
        return True
    if after_name and token.pos == "PTKVZ":
        return True  # "Außenminister Ishaq Dar": inside a sentence no particle is written with a capital
    return token.pos == "NN" and word_frequency(token.text) < (SURNAME_ZIPF if after_name else RARE_WORD_ZIPF)


def is_first_name(
    tokens: list[Token], index: int, length: int, entries: tuple[ActorEntry, ...], end: int, matcher: FormMatcher
) -> bool:
    """A surname listed alone ('Michel') opening an unknown full name ('Michel Kafando') is a first name there."""
    if length != 1 or index + 1 >= end or not all(entry.kind == "person" for entry in entries):
        return False
    following = tokens[index + 1]
    return (
        following.pos in ("NE", "FM") and following.text[:1].isupper() and not matcher.match(tokens, index + 1, end)[0]
    )


@cache
def word_frequency(word: str) -> float:
    return zipf_frequency(word, "de")


def absorb_portfolio(tokens: list[Token], last: int, end: int) -> int:
    """'Kommissarin für Gesundheit und Lebensmittelsicherheit': the portfolio belongs to the title."""
    if last + 2 >= end or tokens[last + 1].text != "für":
        return last
    cursor = last + 2
    while cursor < end and tokens[cursor].pos == "ADJA":
        cursor += 1
    if cursor >= end or tokens[cursor].pos != "NN":
        return last
    if cursor + 2 < end and tokens[cursor + 1].text == "und" and tokens[cursor + 2].pos == "NN":
        cursor += 2
    return cursor


def absorb_genitive_country(tokens: list[Token], last: int, end: int, matcher: FormMatcher) -> int:
    """'die Führer Nordkoreas': a country in the genitive right after the role noun."""
    if last + 1 >= end or not tokens[last + 1].text.endswith("s"):
        return last
    length, entries, _ = matcher.match(tokens, last + 1, end)
    if length == 1 and any(entry.kind == "name" for entry in entries):
        return last + 1
    return last


def absorb_seat(tokens: list[Token], last: int, end: int, matcher: FormMatcher) -> int:
    """'die Regierung in Bamako', 'die Botschaft in Berlin': a body placed by its capital or country."""
    return absorb_place_after(tokens, last, end, matcher, "in", GOVERNMENT_KINDS)


def absorb_place_after(
    tokens: list[Token], last: int, end: int, matcher: FormMatcher, preposition: str, kinds: set[str]
) -> int:
    """The phrase up to a place of one of `kinds` right after `preposition` ("in Bamako", "aus Deutschland")."""
    if last + 2 >= end or tokens[last + 1].text != preposition:
        return last
    length, entries, _ = matcher.match(tokens, last + 2, end)
    if length and any(entry.kind in kinds for entry in entries):
        return last + 1 + length
    return last


def absorb_origin(tokens: list[Token], last: int, end: int, matcher: FormMatcher) -> int:
    """'350 Soldaten aus Deutschland': a group from a country is of it. Not from a city, which may be a post
    ('zog den Botschafter aus Bogotá ab'), nor after a possessive ('seinen Botschafter aus Kolumbien'),
    whose owner decides."""
    return absorb_place_after(tokens, last, end, matcher, "aus", {"name"})
