"""Grammatical roles of actor mentions inside one clause, from word order, articles and prepositions.

German marks case on the article, not the noun: "dem Botschafter" is dative, "den Angriff"
accusative, "des Militärs" genitive. A mention after a preposition is a prepositional partner
("mit Putin", "gegen Russland"); one directly after a noun in the genitive belongs to that
noun ("die Reise des Ministers", "die Führer Nordkoreas"). Of the remaining mentions the first
is the subject, unless the clause is passive, where "von"/"durch" names the agent.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from weakref import WeakKeyDictionary

from lagebild.clauses import is_finite, is_preposition, opens_phrase, without_punctuation
from lagebild.document import Article, Clause, ClauseKind, Entity, Token
from lagebild.entities.lexicon import names_with_article
from lagebild.events.lexicon import load_triggers
from lagebild.lang import Language

CASE_ROLES = {"core", "subj", "obj", "dat"}


@dataclass(slots=True)  # read for every reading of every clause
class Mention:
    """An actor entity as it stands in a clause, with its role there."""

    entity: int  # index into Article.entities
    first: int  # first token index
    last: int  # last token index (inclusive)
    role: str  # subj, obj, dat, gen, core, pp:<preposition>, attr (zufolge/laut), like (does what the subject does)
    is_place: bool = False  # a place that is no actor ("nach Wladiwostok"): a destination, never a subject
    head_noun: int | None = None  # for gen: the noun it depends on
    group: list[int] = field(default_factory=list)  # coordinated mentions (indices into the mention list)
    in_attribute: bool = False  # inside a participle's phrase before a noun ("die von Russland angegriffene")


# found once per clause, asked many times (roles, attribution, modality); gone with the clause
CLAUSE_MENTIONS: WeakKeyDictionary[Clause, list[Mention]] = WeakKeyDictionary()


def token_span(tokens: list[Token], start: int, end: int, first: int, last: int) -> tuple[int, int] | None:
    """Token indices [a, b] (inclusive) covering characters [start, end) within tokens first..last."""
    if first > last or tokens[first].start >= end or tokens[last].end <= start:
        return None  # outside the tokens' characters (tokens are in text order): most entities, for a clause
    covered = [i for i in range(first, last + 1) if tokens[i].start < end and tokens[i].end > start]
    return (covered[0], covered[-1]) if covered else None


def mentions_in_clause(clause: Clause, article: Article) -> list[Mention]:
    """Actor mentions whose tokens lie in the clause, with their roles, in text order.

    Found once per clause (roles, attribution and modality all ask); callers only read them."""
    mentions = CLAUSE_MENTIONS.get(clause)
    if mentions is None:
        mentions = CLAUSE_MENTIONS[clause] = find_clause_mentions(clause, article)
    return mentions


def find_clause_mentions(clause: Clause, article: Article) -> list[Mention]:
    tokens, entities = article.tokens, article.entities
    inside = set(clause.tokens)
    timed = time_tokens(clause, article)
    mentions = []
    for index in article.entities_within(tokens[clause.tokens[0]].start, tokens[clause.tokens[-1]].end):
        entity = entities[index]
        if entity.actor is None and entity.place is None:
            continue
        span = token_span(tokens, entity.start, entity.end, clause.tokens[0], clause.tokens[-1])
        if span is None or span[0] not in inside:
            continue
        mention = classify_mention(index, span, clause, tokens, timed)
        mention.is_place = entity.actor is None
        mention.in_attribute = inside_attribute(span, tokens, clause.grammar)
        mentions.append(mention)
    mentions.sort(key=lambda m: (m.first, -m.last))
    kept: list[Mention] = []
    for mention in mentions:
        if not (kept and renames(kept[-1], mention, tokens, entities)):
            kept.append(mention)
    share_prepositions(kept, tokens, clause.grammar)
    group_coordinated(kept, tokens, clause.grammar)
    group_members(kept, tokens, clause.grammar)
    return kept


def renames(before: Mention, mention: Mention, tokens: list[Token], entities: list[Entity]) -> bool:
    """A mention that names the actor of the one before it again: a part of it ("Der Außenbeauftragte"
    inside "Der Außenbeauftragte der EU"), a name in brackets ("die Afrikanische Union (AU)"), or a
    person's name set off by commas after a title ("Der Außenbeauftragte der EU, Josep Borrell, sagte")."""
    if before.first <= mention.first and mention.last <= before.last:
        return True
    closing = tokens[mention.last + 1].text if mention.last + 1 < len(tokens) else ""
    opening = tokens[before.last + 1].text if before.last + 2 == mention.first else ""
    if opening == "(" and closing == ")":
        return True
    titled, named = entities[before.entity], entities[mention.entity]
    apposed = opening == "," and closing == "," and titled.label != "PER" and named.label == "PER"
    return apposed and titled.actor is not None and titled.actor.country == named.actor.country


ATTRIBUTE_REACH = 6  # words between a mention and the participle it belongs to


def inside_attribute(span: tuple[int, int], tokens: list[Token], grammar: Language) -> bool:
    """A prepositional mention between a determiner and an attributive participle: 'die [von Russland]
    angegriffene Ukraine' belongs to the participle, not to the clause's verb."""
    first, last = span
    if (
        first < 2
        or not is_preposition(tokens[first - 1])
        or tokens[first - 2].pos not in grammar.attribute_determiner_tags
    ):
        return False
    index = last + 1
    while index < len(tokens) and tokens[index].pos in grammar.attribute_gap_tags and index - last <= ATTRIBUTE_REACH:
        index += 1
    if index + 1 >= len(tokens) or tokens[index].pos not in grammar.attribute_participle_tags:
        return False
    return tokens[index + 1].pos in grammar.noun_tags or tokens[index + 1].pos in ("NE", "ADJA")


def time_tokens(clause: Clause, article: Article) -> set[int]:
    """The clause's tokens inside time expressions ("am Montag")."""
    tokens = article.tokens
    first, last = tokens[clause.tokens[0]].start, tokens[clause.tokens[-1]].end
    spans = [(t.start, t.end) for t in article.times if t.start < last and first < t.end]
    return {i for i in clause.tokens if any(start <= tokens[i].start < end for start, end in spans)} if spans else set()


def classify_mention(
    index: int, span: tuple[int, int], clause: Clause, tokens: list[Token], timed: set[int]
) -> Mention:
    grammar = clause.grammar
    first, last = span
    position = clause.tokens.index(first)
    before = [tokens[i] for i in clause.tokens[:position]]
    # skip articles and adjectives before the mention that the entity span does not include
    cursor = len(before) - 1
    while cursor >= 0 and is_skippable(before, cursor, grammar):
        cursor -= 1
    determiners = [*before[cursor + 1 :], *([] if opens_name(tokens, first, last, grammar) else [tokens[first]])]
    if clause.kind == ClauseKind.RELATIVE and position > 0 and cursor < 0:
        determiners = determiners[1:]  # ", den Israel ... vereinbart hatten": "den" is the relative pronoun
    article = next((t.text.lower() for t in determiners if t.pos == "ART"), None)
    possessive = next((t.text.lower() for t in determiners if t.pos == "PPOSAT"), None)
    quantifier = next((t.text.lower() for t in determiners if t.text.lower() in grammar.genitive_quantifiers), None)
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and after.text.lower() in grammar.source_postpositions:
        return Mention(index, first, last, "attr")
    if position == 0 and after is not None and after.text in grammar.speaker_marks:
        return Mention(index, first, last, "attr")  # "Kiew: Russland greift an": who says what follows
    if any(is_source_insert(tokens, i, after, grammar) for i in clause.tokens[cursor + 1 : position]):
        return Mention(index, first, last, "attr")  # "Russland habe, so Scholz, die Ukraine angegriffen"
    opener = cursor == 0 and clause.opener is not None  # "um" of "um ... zu" is no preposition
    if cursor >= 0 and not opener and is_likened(before, cursor, clause, tokens, grammar):
        return Mention(index, first, last, "like")
    if (
        cursor >= 0 and before[cursor].text.isalpha() and opens_phrase(before[cursor]) and not opener
    ):  # "N." before a headline is no preposition, whatever the tagger says
        preposition = before[cursor].text.lower()
        return Mention(index, first, last, f"pp:{grammar.contractions.get(preposition, preposition)}")
    owned = saxon_genitive(tokens, first, last, after, grammar)
    if owned is not None:
        return Mention(index, first, last, "gen", head_noun=owned)  # "Chinas Souveränität": the owner of the noun
    noun = clause.tokens[cursor] if cursor >= 0 else None
    # "griffen am Montag Homs an": a noun of time closes its phrase and takes no name in the genitive
    after_time = noun in timed and article not in grammar.genitive_articles
    if not after_time and (
        article in grammar.genitive_articles
        or genitive_after_noun(before, cursor, article or possessive or quantifier, tokens[first : last + 1], grammar)
        or genitive_adjective(
            before, cursor, article, tokens[first], tokens[first + 1] if last > first else after, grammar
        )
    ):
        return Mention(index, first, last, "gen", head_noun=noun)
    # the noun must touch the name in the text too: "Einigung im Grenzstreit: Peru und Ecuador ..." (a colon between)
    touching = bool(before) and first > 0 and tokens[first - 1] is before[-1]
    preposition = apposed_preposition(before, cursor, grammar) if touching else None
    if preposition is not None and tokens[first].pos == "NE" and not after_time:
        return Mention(index, first, last, f"pp:{grammar.contractions.get(preposition, preposition)}")
    if article in grammar.dative_articles or (article == "der" and is_feminine(tokens[first : last + 1], grammar)):
        return Mention(index, first, last, "dat")  # "drohte der Regierung": "der" before a feminine noun
    if article in grammar.accusative_articles or (article is None and possessive in grammar.oblique_possessives):
        return Mention(index, first, last, "obj")
    if article in grammar.nominative_articles and first < before_finite_verb(clause, tokens):
        return Mention(index, first, last, "subj")  # after the verb "ein Dorf" (neuter) may be the object
    return Mention(index, first, last, "core")


def opens_name(tokens: list[Token], first: int, last: int, grammar: Language) -> bool:
    """'Den Haag verurteilte ...': an article that is part of a listed name tells no case."""
    return last > first and (tokens[first].text, tokens[first + 1].text) in names_with_article(grammar.code)


LIKENESS_GAP_TAGS = ("ADV", "ADJD")  # "ebenso wie", "genauso wie", "ähnlich wie"


def is_likened(before: list[Token], cursor: int, clause: Clause, tokens: list[Token], grammar: Language) -> bool:
    """'Ebenso wie die USA verurteilte Großbritannien ...', '..., ebenso wie Griechenland', 'Neben Deutschland
    kritisierten auch Frankreich ...': an actor likened to the subject by "wie" after no noun (not "Länder wie
    Polen", not "Russland ebenso wie China", a list), or named after "neben" in a clause with "auch", does what
    the subject does."""
    word = before[cursor].text.lower()
    if word in grammar.additive_prepositions:
        return any(tokens[i].text.lower() in grammar.additive_adverbs for i in clause.tokens)
    if word not in grammar.likeness_conjunctions:
        return False
    index = clause.tokens[cursor] - 1  # in the text: the comma of "..., ebenso wie X" is no token of the clause
    while index >= clause.tokens[0] and tokens[index].pos in LIKENESS_GAP_TAGS:
        index -= 1
    return index < clause.tokens[0] or tokens[index].pos.startswith(("$", "VV", "VA", "VM"))


def share_prepositions(mentions: list[Mention], tokens: list[Token], grammar: Language) -> None:
    """'in Ghor und Kabul', 'nach Hama oder Homs': a bare mention after a name that no mention covers, joined
    to it by a conjunction, stands in that name's prepositional phrase (a place, not a subject)."""
    covered = {i for m in mentions for i in range(m.first, m.last + 1)}
    for mention in mentions:
        first = mention.first
        if mention.role != "core" or first < 3 or tokens[first - 1].pos != "KON":
            continue
        name, opener = tokens[first - 2], tokens[first - 3]
        if name.pos == "NE" and first - 2 not in covered and is_preposition(opener) and opener.text.isalpha():
            preposition = opener.text.lower()
            mention.role = f"pp:{grammar.contractions.get(preposition, preposition)}"


def apposed_preposition(before: list[Token], cursor: int, grammar: Language) -> str | None:
    """'in der Hauptstadt Kiew', 'vom Erzfeind Indien', 'mit dem Nachbarland Polen': a name right after a
    common noun that a preposition opens stands in that preposition's phrase (the preposition, if so); not a
    phrase with an article of its own ("in dem Land die Regierung")."""
    if cursor != len(before) - 1 or cursor < 1 or not is_noun(before[cursor], grammar):
        return None  # the noun must touch the name
    opener = cursor - 1
    while opener >= 0 and before[opener].pos in ("ART", "ADJA", "CARD"):
        opener -= 1
    word = before[opener] if opener >= 0 else None
    if word is None or not word.text.isalpha() or not is_preposition(word):
        return None
    return word.text.lower()


def saxon_genitive(tokens: list[Token], first: int, last: int, after: Token | None, grammar: Language) -> int | None:
    """'Chinas Souveränität', 'Russlands Sicherheitsinteressen': a bare name in -s right before a common noun is
    that noun's genitive (its owner), not a subject or object of its own. The owned noun's index, if so."""
    name = tokens[last]
    if tokens[first].pos == "ART" or name.pos != "NE" or not name.text.endswith("s") or after is None:
        return None
    head = last + 1
    while head < len(tokens) and tokens[head].pos == "ADJA":  # "Chinas territoriale Souveränität"
        head += 1
    return head if head < len(tokens) and is_noun(tokens[head], grammar) else None


def is_source_insert(tokens: list[Token], opener: int, after: Token | None, grammar: Language) -> bool:
    """', so X,': a source set off by commas, opened by a word of `source_inserts` (at `opener`)."""
    return (
        opener >= 1
        and tokens[opener].text.lower() in grammar.source_inserts
        and tokens[opener - 1].text == ","
        and (after is None or after.pos.startswith("$"))
    )


def is_skippable(before: list[Token], cursor: int, grammar: Language) -> bool:
    """Articles, adjectives and numbers before a mention, and the 'als' of 'mehr als 200'."""
    token = before[cursor]
    after_comparative = cursor > 0 and before[cursor - 1].text.lower() in grammar.comparatives
    if after_comparative and token.text.lower() in grammar.comparison_particles:
        return True
    return token.pos in grammar.argument_modifier_tags and token.text.lower() not in grammar.contractions


def is_feminine(words: list[Token], grammar: Language) -> bool:
    """A noun phrase headed by a noun of a feminine ending ("Regierung", "Polizei", "Republik")."""
    nouns = [word.text.lower() for word in words if word.pos == "NN"]
    return bool(nouns) and nouns[-1].endswith(grammar.feminine_endings)


def genitive_after_noun(
    before: list[Token], cursor: int, article: str | None, words: list[Token], grammar: Language
) -> bool:
    """'die Reise des Ministers', 'die Führer Nordkoreas': a mention right after a noun, in the genitive.
    Not after an adverb ("in Minsk auch der Blogger X"), nor after a bare name right after the finite verb (the
    subject of a clause that opens with something else: "drückte Griechenland der Türkei sein Mitgefühl aus",
    "warf Polen der Regierung Russlands vor": a dative), nor "der" with the nominative of a nominalised
    adjective ("der Oppositionelle"; its genitive is "des/der Oppositionellen")."""
    if cursor < 0 or not (is_noun(before[cursor], grammar) or before[cursor].pos == "NE"):
        return False
    if any(t.pos == "ADV" for t in before[cursor + 1 :]):
        return False
    if before[cursor].pos == "NE" and cursor > 0 and is_finite(before[cursor - 1]):
        return False  # "drückte Griechenland der Türkei ... aus": a bare name after the verb takes no genitive
    markers = grammar.genitive_articles | grammar.genitive_possessives | grammar.genitive_quantifiers
    if article == "der":
        return not any(w.pos == "NNA" and w.text.endswith("e") for w in words)
    if article in markers:
        return True
    first = words[0]
    return article is None and first.pos in ("NE", "NN") and first.text.endswith("s") and first.text[:1].isupper()


def genitive_adjective(
    before: list[Token], cursor: int, article: str | None, first: Token, qualified: Token | None, grammar: Language
) -> bool:
    """'der Angriff russischer Drohnen', 'nach Angaben ukrainischer Behörden': a nationality adjective with the
    strong ending of the genitive, no article, between a noun and the noun it qualifies (outside the mention or
    inside it), opens that noun's genitive."""
    if cursor < 0 or article is not None or not is_noun(before[cursor], grammar) or qualified is None:
        return False
    adjective = first.pos == "ADJA" and first.text.endswith(grammar.genitive_adjective_endings)
    return adjective and is_noun(qualified, grammar)


def is_noun(token: Token, grammar: Language) -> bool:
    return token.pos in grammar.noun_tags


def group_coordinated(mentions: list[Mention], tokens: list[Token], grammar: Language) -> None:
    """'Armenien und Aserbaidschan', 'weder A noch B': mentions linked by 'und', ',', 'sowie', 'bzw.' or the
    second half of a paired conjunction share a role group."""
    for a, b in pairwise(mentions):
        if a.role == "attr":
            continue  # a source ("so Scholz,") lists no one with what follows it
        words = tokens[a.last + 1 : b.first]
        # "weder A noch B": 'noch' is no modifier there
        paired = opens_pair(" ".join(t.text.lower() for t in words), tokens, a.first, grammar)
        between = [t.text.lower() for t in words if t.pos not in grammar.argument_modifier_tags]
        if not paired and not (between and all(word in grammar.coordination_links for word in between)):
            continue
        genitive_peer = b.role == "gen" and (ends_in_genitive_name(a, tokens) or a.role.startswith("pp:"))
        if paired or b.role in CASE_ROLES or genitive_peer:
            # the first conjunct shows case or preposition: "von Spanien, Italien und den Niederlanden";
            # "die Regierungen Frankreichs, Italiens und Spaniens": the genitives after the first are its peers;
            # no genitive follows a comma or "und": "gegen Russland, Belarus und Iran" lists three
            b.role = a.role
        elif a.role != b.role:
            continue
        group = sorted({mentions.index(a), mentions.index(b), *a.group})
        for member in group:
            mentions[member].group = group


def group_members(mentions: list[Mention], tokens: list[Token], grammar: Language) -> None:
    """'Mehrere Staaten, darunter Kanada und Japan, verurteilten ...': actors named after a comma and a word of
    inclusion are members of the group named before them; they take its role and act (or are acted on) in its
    stead, one event each as for any list."""
    for n, (group, first) in enumerate(pairwise(mentions)):
        words = tokens[group.last + 1 : first.first]
        if not words or words[0].text != "," or group.role == "attr":
            continue
        opener = " ".join(t.text.lower() for t in words[1:] if t.pos != "ART")  # "darunter die USA"
        if opener not in grammar.inclusion_openers:
            continue
        members = first.group or [n + 1]
        for member in members:
            mentions[member].role, mentions[member].head_noun = group.role, group.head_noun
        group.group = members


PAIR_OPENER_REACH = 3  # words before a paired conjunction's first member that may hold its opener ("weder die")


def opens_pair(link: str, tokens: list[Token], first: int, grammar: Language) -> bool:
    """'noch' after 'weder A': the link is the second half of a pair opened before A."""
    opener = grammar.coordination_pairs.get(link)
    before = tokens[max(0, first - PAIR_OPENER_REACH) : first]
    return opener is not None and any(t.text.lower() == opener for t in before)


def ends_in_genitive_name(mention: Mention, tokens: list[Token]) -> bool:
    """A mention that ends in a name in the genitive: 'die Regierungen Frankreichs'."""
    last = tokens[mention.last]
    return mention.role in CASE_ROLES and mention.last > mention.first and last.pos == "NE" and last.text.endswith("s")


def is_passive(clause: Clause, tokens: list[Token]) -> bool:
    """A form of 'werden' (not future 'wird ... reisen') together with a past participle; or a
    participle with no finite verb at all, the passive of headlines ("Oppositionsführer festgenommen")."""
    words = [tokens[i] for i in clause.tokens]
    has_werden = any(w.lemma == "werden" and w.pos.startswith("VA") for w in words)
    has_participle = any(w.pos == "VVPP" for w in words)
    has_finite = any(is_finite(w) for w in words)
    return has_participle and (
        has_werden or (not has_finite and clause.kind == ClauseKind.MAIN and ends_in_participle(words))
    )


def is_stative(clause: Clause, tokens: list[Token]) -> bool:
    """A finite 'sein' with a past participle and no 'werden': the stative passive of a verb that takes
    an object ("waren festgenommen"), the perfect of one that does not ("sind eingedrungen")."""
    words = [tokens[i] for i in clause.tokens]
    has_sein = any(w.lemma == "sein" and is_finite(w) for w in words)
    has_werden = any(w.lemma == "werden" and w.pos.startswith("VA") for w in words)
    return has_sein and not has_werden and any(w.pos == "VVPP" for w in words)


def ends_in_participle(words: list[Token]) -> bool:
    """A headline's passive closes on its participle ("Oppositionsführer in Minsk festgenommen"); a
    participle form with an object after it is a preterite ("Separatisten beschossen die Stadt")."""
    content = without_punctuation(words)
    return bool(content) and content[-1].pos == "VVPP"


# asked by the clause's roles and by its speakers, quoted speaker and own account; gone with the clause
SUBJECTS_AND_OBJECTS: WeakKeyDictionary[Clause, tuple[list[int], list[int]]] = WeakKeyDictionary()


def clause_subject_and_objects(clause: Clause, article: Article) -> tuple[list[int], list[int]]:
    """`subject_and_objects` of the clause's mentions, found once per clause; callers only read them."""
    found = SUBJECTS_AND_OBJECTS.get(clause)
    if found is None:
        mentions = mentions_in_clause(clause, article)
        found = SUBJECTS_AND_OBJECTS[clause] = subject_and_objects(mentions, clause, article.tokens)
    return found


def subject_and_objects(mentions: list[Mention], clause: Clause, tokens: list[Token]) -> tuple[list[int], list[int]]:
    """Indices (into `mentions`) of the subject group and of the accusative/ambiguous objects."""
    core = [i for i, m in enumerate(mentions) if m.role in ("subj", "core", "obj")]
    if has_bare_pronoun_subject(mentions, clause, tokens):
        return [], core  # "man verurteile das Verhalten Roms": the subject is no named actor
    actors = [i for i in core if not mentions[i].is_place]
    explicit = [i for i in actors if mentions[i].role == "subj"]
    if not explicit and has_nameless_opening_subject(mentions, clause, tokens):
        return [], core  # "Ein Sprecher kritisierte Russland": the subject stands first and is no actor
    subject = explicit[0] if explicit else next((i for i in actors if mentions[i].role != "obj"), None)
    fronted = fronted_genitive(mentions, clause, tokens)
    if fronted is not None and (subject is None or before_finite_verb(clause, tokens) <= mentions[subject].first):
        return [fronted], core  # "Ein Schiff der chinesischen Küstenwache hat ... beschossen"
    if subject is None:
        return [], core
    group = mentions[subject].group or owners_listed(mentions, subject, tokens, clause.grammar) or [subject]
    objects = [i for i in core if i not in group and i != subject]  # a place can be attacked: "griff Odessa an"
    return group, objects


def owners_listed(mentions: list[Mention], subject: int, tokens: list[Token], grammar: Language) -> list[int]:
    """'Die Regierungen der VAE, Äthiopiens und Saudi-Arabiens begrüßten ...', 'Die Armeen von Russland und
    Belarus begannen ...': the coordinated genitives or 'von' phrases of the subject's noun are its owners,
    and each acts."""
    head = mentions[subject].last
    following = next((m for m in mentions[subject + 1 :] if m.role == "gen" and m.head_noun == head), None)
    if following is None and subject + 1 < len(mentions):
        after = mentions[subject + 1]  # "von" right after the noun: the noun's own phrase
        owned = after.role == "pp:von" and after.first == head + 2 and tokens[head + 1].text.lower() == "von"
        following = after if owned and is_noun(tokens[head], grammar) else None
    return following.group if following is not None and len(following.group) >= 2 else []


def has_bare_pronoun_subject(mentions: list[Mention], clause: Clause, tokens: list[Token]) -> bool:
    """A nominative pronoun right before or after the finite verb that is no actor mention of its own; "sie"
    and "es" where the word order makes them the subject (`is_ambiguous_subject`)."""
    finite = before_finite_verb(clause, tokens)
    grammar = clause.grammar
    for index in (finite - 1, finite + 1):
        if index not in clause.tokens:
            continue
        nominative = tokens[index].text.lower() in grammar.nominative_pronouns
        if not nominative and not is_ambiguous_subject(index, finite, clause, tokens):
            continue
        if index == finite - 1 and index != clause.tokens[0]:
            continue  # "..., dass man": only the first word of the clause stands before a verb-second finite
        return not any(m.first <= index <= m.last for m in mentions)
    return False


def is_ambiguous_subject(index: int, finite: int, clause: Clause, tokens: list[Token]) -> bool:
    """'Sie kritisierte Russland', 'Es drohte den USA': a pronoun that may be the object too is the subject first in
    the clause, before the verb (the rare object there is stressed: "Sie kritisierte der Präsident"). Right after
    the verb it is as often the object ("Zuvor hatte sie die Polizei festgenommen"); an expletive "es" takes a
    plural verb ("Es protestierten Tausende")."""
    grammar, token = clause.grammar, tokens[index]
    word = token.text.lower()
    if token.pos != "PPER" or word not in grammar.ambiguous_subject_pronouns or index != finite - 1:
        return False
    return word not in grammar.expletive_pronouns or not is_plural_finite(tokens[finite], grammar)


def is_plural_finite(token: Token, grammar: Language) -> bool:
    word = token.text.lower()
    return word.endswith(grammar.plural_finite_endings) or word in grammar.plural_finite_forms


# asked by the subject, the pronoun subject and the fronted genitive of every reading of the clause
FINITE_VERBS: WeakKeyDictionary[Clause, int] = WeakKeyDictionary()


def before_finite_verb(clause: Clause, tokens: list[Token]) -> int:
    """The token index of the clause's first finite verb (past the clause when it has none)."""
    finite = FINITE_VERBS.get(clause)
    if finite is None:
        finite = FINITE_VERBS[clause] = next((i for i in clause.tokens if is_finite(tokens[i])), clause.tokens[-1] + 1)
    return finite


def without_apposition(opening: list[int], tokens: list[Token]) -> list[int]:
    """The opening phrase without a name set off in commas before the verb ("Der Sprecher der Armee,
    Oberst X, sagte": the clause layer drops the commas): the apposition renames the phrase."""
    for n, (a, b) in enumerate(pairwise(opening)):
        if b > a + 1 and tokens[a + 1].text == "," and all(tokens[i].pos == "NE" for i in opening[n + 1 :]):
            return opening[: n + 1]
    return opening


def without_place(opening: list[int], tokens: list[Token], grammar: Language) -> list[int]:
    """The opening phrase without a closing phrase of place ("Ein Sprecher des Ministeriums [in Madrid]"):
    where the speaker sits does not change who speaks."""
    for n, index in enumerate(opening[1:], 1):
        placing = tokens[index].text.lower() in grammar.event_place_prepositions or tokens[index].pos == "APPRART"
        if placing and all(
            tokens[i].pos in ("ART", "ADJA", "NE") or is_noun(tokens[i], grammar) for i in opening[n + 1 :]
        ):
            return opening[:n]
    return opening


def main_clause_opening(clause: Clause, tokens: list[Token]) -> tuple[int, list[int]] | None:
    """The finite verb of a main clause that is not a continuation, and the tokens before it: verb-second puts
    exactly one phrase there, the one `fronted_genitive` and `has_nameless_opening_subject` read."""
    if clause.kind != ClauseKind.MAIN or clause.coordinated:
        return None
    finite = before_finite_verb(clause, tokens)
    return finite, [i for i in clause.tokens if i < finite]


def fronted_genitive(mentions: list[Mention], clause: Clause, tokens: list[Token]) -> int | None:
    """In a main clause whose first phrase is a noun with an actor in the genitive, before the finite
    verb ("Ein Schiff der chinesischen Küstenwache hat ..."), that actor acts."""
    first_phrase = main_clause_opening(clause, tokens)
    if first_phrase is None:
        return None
    finite, opening = first_phrase
    opening = without_place(without_apposition(opening, tokens), tokens, clause.grammar)
    # the tagger reads some inflected adjectives as adverbial ("Ein ranghoher Mitarbeiter": ADJD)
    if not opening or not all(
        tokens[i].pos in ("ART", "ADJA", "ADJD") or is_noun(tokens[i], clause.grammar)
        for i in opening
        if i < opening[-1]
    ):
        return None
    head = next((i for i in opening if is_noun(tokens[i], clause.grammar)), None)
    if head is None or fronted_object(opening, head, mentions, finite, tokens, clause.grammar):
        return None
    genitives = (n for n, m in enumerate(mentions) if m.role == "gen" and m.head_noun == head and m.last < finite)
    return next(genitives, None)


def has_nameless_opening_subject(mentions: list[Mention], clause: Clause, tokens: list[Token]) -> bool:
    """A main clause opened by a plain noun phrase with an article of the nominative and no actor in it ("Ein
    Sprecher kritisierte Russland", "Der Generalsekretär warnte die Türkei"): verb-second puts the subject first
    far more often than the object, so the names after the verb are objects. Not an act or a noun in the
    accusative (`fronted_object`), nor "der" before a feminine noun (dative: "Der Regierung warf Polen ... vor")."""
    first_phrase = main_clause_opening(clause, tokens)
    if first_phrase is None:
        return False
    grammar = clause.grammar
    finite, opening = first_phrase
    if not opening or tokens[opening[0]].text.lower() not in grammar.subject_opening_articles:
        return False
    if not all(tokens[i].pos in ("ART", "ADJA", "ADJD", "CARD") or is_noun(tokens[i], grammar) for i in opening):
        return False
    head = opening[-1]
    if not is_noun(tokens[head], grammar) or any(m.first < finite for m in mentions):
        return False
    if tokens[opening[0]].text.lower() == "der" and is_feminine([tokens[head]], grammar):
        return False
    return not fronted_object(opening, head, mentions, finite, tokens, grammar)


def fronted_object(
    opening: list[int], head: int, mentions: list[Mention], finite: int, tokens: list[Token], grammar: Language
) -> bool:
    """A fronted event noun, or a noun in the accusative, with a bare actor right after the finite verb ("Die
    Forderung Armeniens wies Aserbaidschan zurück", "Den Plan Chinas lehnte Japan ab"): an act or a demand
    does not act, so the first phrase is the object (German verb-second lets the object stand first) and the
    name after the verb is the subject. An act does act on things ("Der Test verletze UN-Resolutionen"): only a
    proper name after the verb is read as the subject."""
    accusative = tokens[opening[0]].text.lower() in grammar.accusative_articles
    if not accusative and not load_triggers(grammar.code).nouns(tokens[head].lemma):
        return False
    after = next((m for m in mentions if m.first > finite), None)
    if after is None or after.first != finite + 1 or after.role not in ("core", "subj") or after.is_place:
        return False
    # a name ("Litauen", "die Ukraine") acts; "verletze mehrere UN-Resolutionen" has the fronted test as subject
    return tokens[after.last].pos == "NE"
