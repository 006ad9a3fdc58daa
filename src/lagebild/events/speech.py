"""Speech acts read off what is said: "Russland müsse abziehen, sagte der Außenminister" is his demand
on Russia, "X sagte, die Einigung sei ein Erfolg" is praise, "Das sei inakzeptabel, sagte X" criticism.

A reporting verb (sagen, erklären, betonen, ...) is no event of its own; what its clause reports
decides whether the saying is one: a modal of obligation makes it a REQUEST on the reported clause's
subject (with "mit ... rechnen" a THREATEN), words of praise or blame (data/<lang>/cues.yaml,
category `content`) a SUPPORT or an ACCUSE, a claim or demand called baseless a REJECT. The reported clause is
the one the reporting clause governs ("X sagte, dass ...", "X sagte, Russland müsse ...") or, for a postposed
reporting clause ("..., sagte X"), the clauses before it. A clause that names whose view it states ("nach Ansicht
der Regierung", "aus Sicht Moskaus") is read the same way, as that actor's judgement.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from itertools import takewhile

from lagebild.document import Actor, ActorRef, Article, Claimant, Clause, ClauseKind, Entity, Token
from lagebild.events.attribution import (
    governing_reporters,
    is_impersonal_report,
    is_reporting_clause,
    is_subjunctive_one,
)
from lagebild.events.lexicon import MIN_HEAD_MATCH, Cues, lemma_key
from lagebild.events.mentions import actor_ref, clause_roles
from lagebild.events.modality import any_phrase, is_perfect_infinitive, opens_condition, vocabulary
from lagebild.lang import Language

SAID_MODES = {"REQUEST": None, "THREATEN": None, "SUPPORT": "praise", "ACCUSE": "criticize", "REJECT": "deny"}
DEMAND_TYPES = ("REQUEST", "THREATEN")  # what they ask for or threaten with has not happened


@dataclass
class SaidAct:
    """A speech act found in what a reporting clause reports."""

    type: str
    reporter: int | None  # index of the reporting clause (None: speech continued from the sentence before)
    reported: list[int]  # indices of the reported clauses
    speaker: ActorRef
    addressee: Entity | None


def said_acts(
    clauses: list[Clause],
    article: Article,
    cues: Cues,
    acted: set[int],
    continued: Claimant | None,
    language: Language,
    ordered: set[int],
) -> list[SaidAct]:
    """The speech acts of one sentence's reporting clauses; `acted`: clauses whose own verb is already
    an event (a "forderte" needs no reading of its content); `continued`: who spoke in the sentence
    before, whose reported speech a sentence in Konjunktiv I without a reporting verb goes on with
    ("X sagte, ... . Russland müsse abziehen."); `ordered`: clauses whose event is an order phrased
    with a modal ("die Diplomaten müssten ausreisen"), no demand to read."""
    if continued is not None and not any(is_reporting_clause(c, article.tokens, cues) for c in clauses):
        return continued_acts(clauses, article, cues, continued, language)
    found = []
    for index, clause in enumerate(clauses):
        if index in acted:
            continue
        if not is_reporting_clause(clause, article.tokens, cues):
            if index not in ordered:
                found.extend(opinion_acts(clauses, index, article, cues))
            continue
        speaker = speaker_in(clause, article)
        voice = actor_ref(speaker, article) if speaker else impersonal_voice(clause, article, continued)
        reported = reported_clauses(clauses, index, article, cues)
        if voice is None or not reported or ordered & set(reported):
            continue
        kind = said_type(clauses, reported, article, cues)
        if kind in JUDGEMENT_TYPES and about_sport([index, *reported], clauses, article, cues):
            continue  # "Die Entscheidung des Schiedsrichters sei inakzeptabel, sagte der Trainer"
        if speaker is None and kind not in JUDGEMENT_TYPES:
            continue  # "Truppen sollten abgezogen werden, hieß es": what was agreed, no one's demand
        if kind is not None:
            addressee = addressee_of(clauses, reported, voice, article, cues)
            if addressee is None and kind in JUDGEMENT_TYPES:
                addressee = spoken_about(clause, voice, article)
            if addressee is None and concerns_no_one(kind, clauses, reported, article, cues):
                continue
            found.append(SaidAct(kind, index, reported, voice, addressee))
    return found


def impersonal_voice(clause: Clause, article: Article, continued: Claimant | None) -> ActorRef | None:
    """'X sagte, ... . Die Angriffe seien ein Verbrechen, hieß es in der Erklärung weiter': an impersonal report that
    names no one goes on with the speaker of the sentence before, when that speaker's country is known."""
    words = [article.tokens[i] for i in clause.tokens]
    if continued is None or continued.country is None or not is_impersonal_report(words, clause.grammar):
        return None
    return speaker_voice(continued)


def speaker_voice(speaker: Claimant) -> ActorRef:
    return ActorRef(text=speaker.text, actor=Actor(None, speaker.country, None))


def concerns_no_one(kind: str, clauses: list[Clause], reported: list[int], article: Article, cues: Cues) -> bool:
    """What is said with no other actor named that judges or asks no one: weather, harvests or the economy ("Die
    Inflation gefährde den Aufschwung", "Der Regen sei nötig für die Ernte"), or praise of the speaker's own side
    ("Unsere Armee habe einen großen Sieg errungen")."""
    words = [article.tokens[i] for index in reported for i in clauses[index].tokens]
    if any(names_one_of(lemma_key(word.lemma), keyed(cues.impersonal_topics)) for word in words):
        return True
    return kind == "SUPPORT" and any(praises_own_side(clauses[index], article, cues) for index in reported)


def praises_own_side(clause: Clause, article: Article, cues: Cues) -> bool:
    """A clause of praise that opens with the speaker's side ("Unsere Armee habe einen großen Sieg errungen"; not
    "Wir bekommen Panzer, das ist ein großer Sieg": the praise stands after a comma, said of something else)."""
    tokens, first = article.tokens, clause.tokens[0]
    if tokens[first].text.lower() not in cues.own_side_words:
        return False
    stretch = takewhile(lambda token: token.text != ",", tokens[first : clause.tokens[-1] + 1])  # commas are no members
    return any(lemma_key(token.lemma) in keyed(cues.praise_words) for token in stretch)


OPINION_PREPOSITIONS = ("nach", "aus")  # "nach Ansicht der Regierung", "aus Sicht Moskaus"
JUDGEMENT_TYPES = ("ACCUSE", "SUPPORT", "REJECT")


def opinion_acts(clauses: list[Clause], index: int, article: Article, cues: Cues) -> list[SaidAct]:
    """'Nach Ansicht der Ukraine sind die Angriffe Kriegsverbrechen', 'Das sei ein Erfolg, so X': the clause
    states the judgement of whoever's view or words it names; blame or praise there is their ACCUSE or
    SUPPORT."""
    holder = opinion_holder(clauses[index], article, cues)
    speaker = holder or postposed_speaker(clauses[index], article)
    if speaker is None:
        return []
    kind = said_type(clauses, [index], article, cues)
    if kind is None or (holder is not None and kind not in JUDGEMENT_TYPES):
        return []  # a view judges, it demands nothing; "..., so X" may demand
    voice = actor_ref(speaker, article)
    return [SaidAct(kind, index, [index], voice, addressee_of(clauses, [index], voice, article, cues))]


def opinion_holder(clause: Clause, article: Article, cues: Cues) -> Entity | None:
    """The actor after 'nach/aus' + an opinion noun, or the adjective between them ('nach ukrainischer Ansicht');
    else the actor a 'laut X' names ('Laut Estland ist die Verletzung des Luftraums inakzeptabel')."""
    tokens = article.tokens
    if any(tokens[i].text.lower() in cues.attribution_prepositions for i in clause.tokens):  # most clauses have none
        cited_roles = {f"pp:{word}" for word in cues.attribution_prepositions}  # not "so X" (attr): it may demand
        cited = (article.entities[m.entity] for m in clause_roles(clause, article).mentions if m.role in cited_roles)
        holder = next((e for e in cited if e.actor is not None and e.actor.sector != "MED"), None)
        if holder is not None:
            return holder
    for position, index in enumerate(clause.tokens):
        if tokens[index].lemma not in cues.opinion_nouns:
            continue
        before = [tokens[i] for i in clause.tokens[max(0, position - 2) : position]]
        if not any(t.text.lower() in OPINION_PREPOSITIONS for t in before):
            continue
        return actor_between(clause, article, index - 1, index + 3)
    return None


def postposed_speaker(clause: Clause, article: Article) -> Entity | None:
    """'Die Sanktionen seien illegal, so Lawrow': the actor right after ', so' when no verb follows."""
    tokens = article.tokens
    for position, index in enumerate(clause.tokens):
        if tokens[index].text.lower() not in clause.grammar.source_inserts or tokens[index - 1].text != ",":
            continue
        after = [tokens[i] for i in clause.tokens[position + 1 :]]  # only after ', so': quadratic for every word
        if any(t.pos.startswith("V") for t in after):
            return None
        return actor_between(clause, article, index + 1, index + 4)
    return None


def actor_between(clause: Clause, article: Article, first: int, last: int) -> Entity | None:
    """The first actor of the clause, no place, whose mention starts between tokens `first` and `last`."""
    for mention in clause_roles(clause, article).mentions:
        entity = article.entities[mention.entity]
        if first <= mention.first <= last and not mention.is_place and entity.actor is not None:
            return entity
    return None


def continued_acts(
    clauses: list[Clause], article: Article, cues: Cues, speaker: Claimant, language: Language
) -> list[SaidAct]:
    main = [index for index, clause in enumerate(clauses) if clause.kind == ClauseKind.MAIN]
    words = [article.tokens[i] for index in main[:1] for i in clauses[index].tokens]
    if not words or not is_subjunctive_one(words, language):
        return []
    kind = said_type(clauses, main[:1], article, cues)
    if kind is None:
        return []
    voice = speaker_voice(speaker)
    addressee = addressee_of(clauses, main[:1], voice, article, cues)
    if addressee is None and concerns_no_one(kind, clauses, main[:1], article, cues):
        return []
    return [SaidAct(kind, None, main[:1], voice, addressee)]


def demanded_clauses(acts: list[SaidAct]) -> set[int]:
    """The clauses that say what is demanded or threatened: none of them has happened."""
    return {index for act in acts if act.type in DEMAND_TYPES for index in act.reported}


SPEAKER_PLACES = ("pp:aus", "pp:in")  # "hieß es aus dem Kreml", "hieß es in Moskau": the government there


def speaker_in(clause: Clause, article: Article) -> Entity | None:
    """Who speaks: the subject, else the body a speaker noun stands for ("der Sprecher des Ministeriums"),
    else, for an impersonal "hieß es", the actor or capital it came from ("aus dem Kreml", "in Moskau")."""
    roles = clause_roles(clause, article)
    ordered = [*roles.subject, *(i for i in range(len(roles.mentions)) if roles.mentions[i].role == "gen")]
    actors = (article.entities[roles.mentions[i].entity] for i in ordered if not roles.mentions[i].is_place)
    speaker = next((entity for entity in actors if entity.actor is not None), None)
    if speaker is not None or roles.subject:
        return speaker
    origins = (article.entities[m.entity] for m in roles.mentions if m.role in SPEAKER_PLACES)
    return next((entity for entity in origins if entity.actor is not None and entity.actor.country), None)


def reported_clauses(clauses: list[Clause], reporter: int, article: Article, cues: Cues) -> list[int]:
    """What clause `reporter` reports: the clauses it governs, or those before a postposed "..., sagte X"."""
    governed = [
        index
        for index in range(len(clauses))
        if index != reporter and reporter in governing_reporters(clauses, index, article.tokens, cues)
    ]
    if governed or clauses[reporter].kind != ClauseKind.VERB_FIRST:
        return governed
    return [index for index in range(reporter) if clauses[index].kind in (ClauseKind.MAIN, ClauseKind.SUBORDINATE)]


def said_type(clauses: list[Clause], reported: list[int], article: Article, cues: Cues) -> str | None:
    words = [article.tokens[i] for index in reported for i in clauses[index].tokens]
    if any(demands(clauses[index], article, cues) for index in reported):
        return "THREATEN" if any(word.lemma in cues.threat_verbs for word in words) else "REQUEST"
    forms = {word.text.lower() for word in words}
    # "verläßlich" (HanTa's old spelling) is "verlässlich"; the word itself where HanTa's lemma is wrong
    # ("ungerechtfertigt" lemmatised as "unrechtfertigen")
    lemmas = {lemma_key(word.lemma) for word in words} | {lemma_key(form) for form in forms}
    lemmas |= {lemma.rpartition("-")[2] for lemma in lemmas if "-" in lemma}  # "Kreml-Verbrecher" is "Verbrecher"
    if asks_by_condition(clauses, reported, forms, lemmas, article, cues) or urges(
        clauses, reported, forms, lemmas, article, cues
    ):
        return "REQUEST"  # "Frieden sei nur möglich, wenn X abzieht", "Es sei an der Zeit, dass X abzieht"
    present = vocabulary(words)
    if any_phrase(present, cues.threat_phrases):
        return "THREATEN"  # "Man werde nicht tatenlos zusehen", "die Drahtzieher bis ans Ende der Welt jagen"
    if forms & (cues.negation_words | cues.acceptance_negations):  # "kein Erfolg", "nicht inakzeptabel": no
        # judgement we can read, but "nicht hinnehmbar", "durch nichts zu rechtfertigen" blame
        return "ACCUSE" if lemmas & keyed(cues.acceptance_words) else None
    if forms & cues.future_forms and (
        lemmas & keyed(cues.threat_words)
        or forceful_answer(lemmas, cues)
        or (lemmas & keyed(cues.consequence_verbs) and lemmas & keyed(cues.punishment_nouns))
        or (forms & cues.threat_conditions and lemmas & keyed(cues.force_words))
    ):
        return "THREATEN"  # "Das werde Konsequenzen haben", "werde militärisch beantwortet", "notfalls mit Gewalt"
    if lemmas & keyed(cues.dismissal_words) and lemmas & keyed(cues.claim_nouns):
        return "REJECT"  # "Die Vorwürfe seien haltlos": a claim called baseless is rejected
    blamed = (
        lemmas & keyed(cues.blame_words)
        or breaks_norm(lemmas, cues)
        or blames_by_idiom(clauses, reported, present, article, cues)
    )
    praise, blame = bool(lemmas & keyed(cues.praise_words)), bool(blamed)
    if praise != blame:
        return "SUPPORT" if praise else "ACCUSE"
    return None


ONLY = "nur"
CIVILIANS = "CVL"  # the sector of people in no public role


def asks_by_condition(
    clauses: list[Clause], reported: list[int], forms: set[str], lemmas: set[str], article: Article, cues: Cues
) -> bool:
    """'Frieden sei nur möglich, wenn Aserbaidschan abzieht', 'Frieden werde es nur durch Verhandlungen geben': a
    good named as reachable only on a condition or only by talks asks for that condition or for talks."""
    if ONLY not in forms or not lemmas & keyed(cues.viability_words):
        return False
    if lemmas & keyed(cues.negotiation_ways):
        return True
    return any(opens_condition(clauses[index], article.tokens, cues) for index in reported)


def urges(
    clauses: list[Clause], reported: list[int], forms: set[str], lemmas: set[str], article: Article, cues: Cues
) -> bool:
    """'Es sei an der Zeit, dass Russland abzieht', 'Entscheidend sei, dass X ...', 'Es wäre besser, wenn X ...':
    urgency or a wish in Konjunktiv II over a dass- or wenn-clause whose subject is an actor asks that actor."""
    wish = forms & cues.wish_forms and lemmas & keyed(cues.wish_words)
    if not wish and not lemmas & keyed(cues.urgency_words):
        return False
    return any(clauses[index].opener in cues.urged_openers and acts_in(clauses[index], article) for index in reported)


def blames_by_idiom(
    clauses: list[Clause], reported: list[int], present: set[str], article: Article, cues: Cues
) -> bool:
    """'Ankara gieße Öl ins Feuer': an idiom of blame said of an actor in public life (children playing with fire are
    none)."""
    if not any_phrase(present, cues.blame_phrases):
        return False
    return any(acts_in(clauses[index], article, public=True) for index in reported)


def acts_in(clause: Clause, article: Article, public: bool = False) -> bool:
    """An actor, no place, is the clause's subject; `public`: no civilians."""
    roles = clause_roles(clause, article)
    actors = (
        article.entities[m.entity].actor for m in map(roles.mentions.__getitem__, roles.subject) if not m.is_place
    )
    return any(actor is not None and not (public and actor.sector == CIVILIANS) for actor in actors)


def forceful_answer(lemmas: set[str], cues: Cues) -> bool:
    """An answer given by force ('militärisch beantworten', 'hart reagieren'): retaliation when announced."""
    return bool(lemmas & keyed(cues.retaliation_verbs) and lemmas & keyed(cues.force_manners))


def about_sport(indices: list[int], clauses: list[Clause], article: Article, cues: Cues) -> bool:
    """Whether the clauses name sport (a coach, a team, a referee): judgements there are no politics."""
    words = (article.tokens[i] for index in indices for i in clauses[index].tokens)
    return any(names_one_of(lemma_key(word.lemma), keyed(cues.sports_nouns)) for word in words)


def names_one_of(lemma: str, keys: frozenset[str]) -> bool:
    """The lemma is one of `keys` or a compound ending in one ('Völkerrecht' ends in 'Recht'), as trigger rows match
    their required words (lexicon.MIN_HEAD_MATCH letters at least)."""
    return lemma in keys or lemma.endswith(head_keys(keys))


@cache
def head_keys(keys: frozenset[str]) -> tuple[str, ...]:
    """The keys long enough to end a compound, as one tuple for `str.endswith` (asked for every word of a clause)."""
    return tuple(key for key in keys if len(key) >= MIN_HEAD_MATCH)


def breaks_norm(lemmas: set[str], cues: Cues) -> bool:
    """'ein Verstoß gegen das Völkerrecht', 'verletze UN-Resolutionen', 'ein Bruch der Waffenruhe': a word of
    breaking with a law, treaty or right names a violation ("Bruch" or "Verstoß" alone do not: "Durchbruch",
    "Verstöße" of a player)."""
    if not lemmas & keyed(cues.breach_words):
        return False
    return any(names_one_of(lemma, keyed(cues.norm_words)) for lemma in lemmas)


def spoken_about(clause: Clause, speaker: ActorRef, article: Article) -> Entity | None:
    """'Das sei inakzeptabel, sagte der Sprecher über die Manöver Taiwans': whom a judgement is about, named after
    'über' in the reporting clause (an actor of another country than the speaker's)."""
    tokens = article.tokens
    topics = clause.grammar.topic_prepositions
    about = [i for i in clause.tokens if tokens[i].text.lower() in topics and tokens[i].pos == "APPR"]
    if not about:
        return None
    for mention in clause_roles(clause, article).mentions:
        entity = article.entities[mention.entity]
        if mention.first > about[0] and entity.actor is not None and entity.actor.country != speaker.actor.country:
            return entity if not mention.is_place else None
    return None


WARNING_MODES = ("warn",)  # accusations by a warning verb ("warnte X, ...")


def warns_of_retaliation(clauses: list[Clause], index: int, article: Article, cues: Cues) -> bool:
    """'Südkorea warnte Nordkorea, man werde jeden Angriff vergelten': a warning whose dependent clause
    announces retaliation in the future (threat_words, future_forms) is a threat, not criticism; so is one
    postposed to what it says ("Man werde keine Gewalt dulden, warnte X")."""
    content = warned_clauses(clauses, index) or reported_clauses(clauses, index, article, cues)
    return bool(content) and said_type(clauses, content, article, cues) == "THREATEN"


def warns_of_nothing(clauses: list[Clause], index: int, article: Article, cues: Cues) -> bool:
    """'Die Inflation gefährde den Aufschwung, warnte die Zentralbank': a warning about weather or the economy
    accuses no one."""
    content = warned_clauses(clauses, index) or reported_clauses(clauses, index, article, cues)
    return bool(content) and concerns_no_one("ACCUSE", clauses, content, article, cues)


def warned_clauses(clauses: list[Clause], index: int) -> list[int]:
    """The clauses a warning governs, or the one after it in verb-second order: "warnte X, man werde ..."."""
    governed = [n for n, clause in enumerate(clauses) if clause.parent == index]
    if not governed and index + 1 < len(clauses) and clauses[index + 1].kind == ClauseKind.MAIN:
        governed = [index + 1]
    return governed


@cache
def keyed(words: frozenset[str]) -> frozenset[str]:
    """Cue words in the form lemmas are compared in (lagebild.events.lexicon.lemma_key)."""
    return frozenset(lemma_key(word) for word in words)


def demands(clause: Clause, article: Article, cues: Cues) -> bool:
    """A finite modal of obligation that does not open the clause (then it is a condition), before a
    present infinitive ("soll ... geliefert haben" reports hearsay), or a word of necessity ("nötig sei")."""
    words = [article.tokens[i] for i in clause.tokens]
    modal = any(
        w.text.lower() in cues.demand_forms and w.pos.startswith("VM") and not stands_for_participle(words, n, clause)
        for n, w in enumerate(words[1:], start=1)
    )
    if modal and any(w.text.lower() in cues.schedule_modals for w in words) and scheduled(words, cues):
        return False  # "Die Konferenz solle am Montag beginnen": a schedule, not a demand
    necessary = any(w.lemma.lower() in cues.necessity_words and w.pos == "ADJD" for w in words) and not any(
        w.text.lower() in cues.negation_words or w.pos.endswith("PP") for w in words
    )  # "sei nicht nötig gewesen": no demand
    return (modal and not is_perfect_infinitive(words, clause.grammar)) or necessary


def stands_for_participle(words: list[Token], index: int, clause: Clause) -> bool:
    """'habe sich verteidigen müssen': a modal after an infinitive, with a perfect auxiliary in its clause, is the
    participle of a past obligation (Ersatzinfinitiv), which tells what had to be done, no demand."""
    grammar = clause.grammar
    auxiliaries = grammar.perfect_auxiliaries | grammar.pluperfect_auxiliaries
    after_infinitive = words[index - 1].pos == "VVINF"
    return after_infinitive and any(w.pos == "VAFIN" and w.text.lower() in auxiliaries for w in words[:index])


def scheduled(words: list[Token], cues: Cues) -> bool:
    return any(w.lemma in cues.schedule_verbs for w in words)


def addressee_of(
    clauses: list[Clause], reported: list[int], speaker: ActorRef, article: Article, cues: Cues
) -> Entity | None:
    """Whom the act concerns: the subject of the reported clause for a demand ("Russland müsse ..."),
    an actor of another country named there for praise, blame or announced retaliation."""
    own = speaker.actor.country
    demand = any(demands(clauses[index], article, cues) for index in reported)
    for index in reported:
        roles = clause_roles(clauses[index], article)
        if demand:  # a demand may go to one's own government: the subject is asked
            ordered = roles.subject
        else:
            ordered = [*roles.subject, *(i for i in range(len(roles.mentions)) if i not in roles.subject)]
        for number in ordered:
            mention = roles.mentions[number]
            entity = article.entities[mention.entity]
            if entity.actor is None or mention.is_place:
                continue
            if (entity.text != speaker.text) if demand else (entity.actor.country != own):
                return entity
    return None
