"""Who claims an event: the attribution chain, outermost first.

Frames, in the order they nest:
- a governing reporting clause: "Die Zeitung berichtete, dass ...", "X sagte, ... werde ...";
- a postposed reporting clause: "..., sagte der Minister", "..., heißt es in dem Bericht";
- a source marker in the clause: "laut X", "X zufolge", "nach Angaben von X", "wie X berichtete";
- reported speech carried on: a sentence in Konjunktiv I after a reported one keeps its claimant.
An anaphoric source ("in dem Bericht", "den Angaben zufolge") resolves to the last named
claimant of the article. The publishing outlet is never part of the chain.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from weakref import WeakKeyDictionary

from lagebild.document import Article, Claimant, Clause, ClauseKind, Entity, Token
from lagebild.events.arguments import clause_subject_and_objects, mentions_in_clause
from lagebild.events.lexicon import Cues
from lagebild.events.modality import clause_verbs
from lagebild.lang import Language
from lagebild.language import verb_stem


@dataclass
class AttributionContext:
    """What attribution carries across sentences of one article."""

    last_claimant: Claimant | None = None  # the last named source, for "in dem Bericht"
    reported_claimant: Claimant | None = None  # the claimant of the previous sentence's reported speech


def claimant_from_entity(entity: Entity, article: Article) -> Claimant:
    country = entity.actor.country if entity.actor else None
    return Claimant(text=article.text[entity.start : entity.end], country=country)


REPORT_NOUN_CACHE_SIZE = 100_000
REPORTING_CLAUSES: WeakKeyDictionary[Clause, bool] = WeakKeyDictionary()  # asked many times; gone with the clause


def is_reporting_clause(clause: Clause, tokens: list[Token], cues: Cues) -> bool:
    """A clause whose verb says that someone said something; an infinitive never reports."""
    reporting = REPORTING_CLAUSES.get(clause)
    if reporting is None:
        reporting = REPORTING_CLAUSES[clause] = reports(clause, tokens, cues)
    return reporting


def reports_or_announces(clause: Clause, article: Article, cues: Cues) -> bool:
    """'..., sagte X' and '..., kündigte X an': a postposed clause naming who says or announces it."""
    if is_reporting_clause(clause, article.tokens, cues):
        return True
    return bool(clause_verbs(clause, article.tokens) & cues.planned_verbs)


def reports(clause: Clause, tokens: list[Token], cues: Cues) -> bool:
    if clause.kind == ClauseKind.INFINITIVE:
        return False
    if clause_verbs(clause, tokens) & cues.reporting_verbs:
        return True  # "teilte ... mit", "wies darauf hin"
    return phrase_match(clause, tokens, cues)


def phrase_match(clause: Clause, tokens: list[Token], cues: Cues) -> bool:
    """Verbal reporting phrases ('heißt es', 'gab bekannt', 'sprach von'), in order."""
    lemmas = [tokens[i].lemma.lower() for i in clause.tokens]
    present = set(lemmas)
    for phrase in verbal_phrases(cues.reporting_phrases, clause.grammar.marker_openers):
        if not present.issuperset(phrase):
            continue
        positions = [lemmas.index(part) if part in lemmas else -1 for part in phrase]
        if -1 not in positions and positions == sorted(positions):
            return True
    return False


@cache
def verbal_phrases(phrases: tuple[tuple[str, ...], ...], marker_openers: frozenset[str]) -> tuple[tuple[str, ...], ...]:
    """The reporting phrases (lower case) that are verbal, not markers ('nach Angaben', 'unter
    Berufung auf': phrases that open with one of `marker_openers`)."""
    return tuple(phrase for phrase in phrases if phrase[0] not in marker_openers)


def speaker_of(clause: Clause, article: Article, context: AttributionContext, cues: Cues) -> Claimant | None:
    """The subject of a reporting clause; 'es heißt in dem Bericht' names a report, not a speaker."""
    mentions = mentions_in_clause(clause, article)
    subject, _ = clause_subject_and_objects(clause, article)
    if subject:
        return claimant_from_entity(article.entities[mentions[subject[0]].entity], article)
    authors = [m for m in mentions if after_report_noun(m, article, cues) or m.role == "pp:aus"]
    if authors:  # "in dem Bericht der Zeitung", "hieß es aus Seoul"
        return claimant_from_entity(article.entities[authors[0].entity], article)
    words = [article.tokens[i] for i in clause.tokens]
    if any(w.lemma in cues.report_nouns or w.text in cues.report_nouns for w in words):
        return context.last_claimant
    if is_impersonal_report(words, clause.grammar):
        return context.last_claimant  # "..., hieß es.": the source the article last named goes on
    nominal = nominal_speaker(words, cues)
    return Claimant(text=nominal, country=None) if nominal else None


def is_impersonal_report(words: list[Token], grammar: Language) -> bool:
    """'hieß es', 'es heißt': a report that names no one."""
    expletive = any(w.text.lower() in grammar.expletive_pronouns and w.pos == "PPER" for w in words)
    return expletive and any(w.lemma in grammar.impersonal_report_verbs for w in words)


def speakers_of(clause: Clause, article: Article, context: AttributionContext, cues: Cues) -> list[Claimant]:
    """Who speaks in a reporting clause, outermost first: its subject, and after it whom a quoting verb
    quotes ("Die Zeitung zitierte einen Beamten mit den Worten, ...")."""
    speaker = speaker_of(clause, article, context, cues)
    quoted = quoted_speaker(clause, article, cues)
    return [claimant for claimant in (speaker, quoted) if claimant is not None]


def quoted_speaker(clause: Clause, article: Article, cues: Cues) -> Claimant | None:
    words = [article.tokens[i] for i in clause.tokens]
    verb = next((n for n, w in enumerate(words) if w.lemma in clause.grammar.quoting_verbs), None)
    if verb is None:
        return None
    mentions = mentions_in_clause(clause, article)
    _, objects = clause_subject_and_objects(clause, article)
    if objects:
        return claimant_from_entity(article.entities[mentions[objects[0]].entity], article)
    nominal = nominal_speaker(words[verb + 1 :], cues)
    return Claimant(text=nominal, country=None) if nominal else None


def nominal_speaker(words: list[Token], cues: Cues) -> str | None:
    """'ein Beamter', 'Augenzeugen': a speaker who is no coded actor, taken as written."""
    for index, word in enumerate(words):
        if is_speaker_noun(word, cues):
            start = index - 1 if index > 0 and words[index - 1].pos == "ART" else index
            return " ".join(w.text for w in words[start : index + 1])
    return None


def is_speaker_noun(word: Token, cues: Cues) -> bool:
    """'Sprecher', 'Experten', 'Augenzeugen': the lemma, or the word without a plural or genitive ending (the
    tagger lemmatises weak nouns wrongly: Augenzeugen -> Augenzeug)."""
    if word.pos != "NN":
        return False
    forms = (word.lemma, word.text, word.text[:-1], word.text[:-2])
    return any(form in cues.speaker_nouns for form in forms)


def marker_claimants(clause: Clause, article: Article, context: AttributionContext, cues: Cues) -> list[Claimant]:
    """'laut X', 'X zufolge', 'nach Angaben von X' inside the clause."""
    sources, report = clause_markers(clause, article, cues)
    found = [claimant_from_entity(article.entities[entity], article) for entity in sources]
    if found:
        return found
    words = [article.tokens[i] for i in clause.tokens]
    if report is not None:
        own = own_account(words, report, clause, article) or national_account(words[report], article)
        nominal = nominal_speaker(words[report + 1 : report + SPEAKER_REACH], cues)  # "nach Einschätzung von Experten"
        nominal = nominal or genitive_speaker(words[report + 1 :], clause.grammar)
        nominal_claimant = Claimant(text=nominal, country=None) if nominal else None
        return [own or nominal_claimant or context.last_claimant or Claimant(text=words[report].text, country=None)]
    nominal = marked_speaker(words, cues, clause.grammar) if has_source_word(clause, article) else None
    return [Claimant(text=nominal, country=None)] if nominal else []


SPEAKER_REACH = 4  # from a report noun to who gave it: "nach Angaben von [einigen] Experten"


def genitive_speaker(words: list[Token], grammar: Language) -> str | None:
    """'nach Angaben der Menschenrechtsgruppe Foro Penal', 'nach Angaben der staatlichen Ombudsstelle': the
    genitive right after a report noun gives the account, also when it names no coded actor: its article,
    adjectives, head noun and the name after it."""
    if not words or words[0].pos != "ART" or words[0].text.lower() not in grammar.report_genitive_articles:
        return None
    end = 1
    while end < len(words) and words[end].pos == "ADJA":
        end += 1
    if end == len(words) or words[end].pos not in ("NN", "NE"):
        return None
    end += 1
    while end < len(words) and (words[end].pos == "NE" or (words[end].pos == "CARD" and words[end - 1].pos == "NE")):
        end += 1
    return " ".join(word.text for word in words[:end])


def marked_speaker(words: list[Token], cues: Cues, grammar: Language) -> str | None:
    """'Experten zufolge', 'laut einem Sprecher': a speaker noun that a source marker names."""
    for index, word in enumerate(words):
        if not is_speaker_noun(word, cues):
            continue
        before = {w.text.lower() for w in words[max(0, index - 2) : index]}
        after = words[index + 1].text.lower() if index + 1 < len(words) else ""
        if before & grammar.source_prepositions or after in grammar.source_postpositions:
            return nominal_speaker(words[max(0, index - 1) : index + 1], cues)
    return None


# what a clause's markers name does not change with the context: found once per clause, asked for the
# clause itself and for every event of the clauses it governs; gone with the clause
CLAUSE_MARKERS: WeakKeyDictionary[Clause, tuple[list[int], int | None]] = WeakKeyDictionary()


def clause_markers(clause: Clause, article: Article, cues: Cues) -> tuple[list[int], int | None]:
    """The entities (indices) the clause's source markers name, and the position in the clause of the
    report noun of an anaphoric marker ("den Angaben zufolge"), if there is one."""
    markers = CLAUSE_MARKERS.get(clause)
    if markers is None:
        markers = CLAUSE_MARKERS[clause] = find_clause_markers(clause, article, cues)
    return markers


def find_clause_markers(clause: Clause, article: Article, cues: Cues) -> tuple[list[int], int | None]:
    sources = [
        mention.entity
        for mention in mentions_in_clause(clause, article)
        if (mention.role == "attr" and not is_topic_label(article.entities[mention.entity]))
        or mention.role.removeprefix("pp:") in cues.attribution_prepositions
        or after_report_noun(mention, article, cues)
    ]
    if sources or not any_anaphoric_marker(clause, article, cues):
        return sources, None
    words = [article.tokens[i] for i in clause.tokens]
    return sources, next(index for index, word in enumerate(words) if is_report_noun(word.lemma, cues))


def national_account(report: Token, article: Article) -> Claimant | None:
    """'nach philippinischen Angaben': the country of the adjective before the report noun."""
    before = [article.entities[i] for i in article.entities_within(report.start - 40, report.start)]
    adjective = next((e for e in reversed(before) if e.label == "LOCderiv" and e.end + 1 >= report.start), None)
    return claimant_from_entity(adjective, article) if adjective is not None else None


def own_account(words: list[Token], report: int, clause: Clause, article: Article) -> Claimant | None:
    """'nach eigenen Angaben': the clause's subject reports on itself."""
    if report == 0 or words[report - 1].lemma.lower() != "eigen":
        return None
    mentions = mentions_in_clause(clause, article)
    subject, _ = clause_subject_and_objects(clause, article)
    return claimant_from_entity(article.entities[mentions[subject[0]].entity], article) if subject else None


def after_report_noun(mention, article: Article, cues: Cues) -> bool:
    """'nach Angaben von US-Beamten', 'einem Bericht der Washington Post zufolge', 'unter Berufung auf X';
    'nach Angaben aus Seoul': where a report comes from is its source."""
    before = [t for t in article.tokens[max(0, mention.first - 3) : mention.first]]
    return any(t.lemma in cues.report_nouns or t.lemma == "Berufung" for t in before) and mention.role in (
        "pp:von",
        "gen",
        "pp:auf",
        "pp:aus",
        "attr",
    )


def is_report_noun(lemma: str, cues: Cues) -> bool:
    """'Angaben', and compounds ending in one: 'Polizeiangaben', 'Medienberichte'."""
    return names_report(lemma, cues.report_nouns)


@lru_cache(maxsize=REPORT_NOUN_CACHE_SIZE)  # asked for every word of every clause, of few distinct lemmas
def names_report(lemma: str, report_nouns: frozenset[str]) -> bool:
    return lemma in report_nouns or lemma.lower().endswith(report_suffixes(report_nouns))


@cache
def report_suffixes(report_nouns: frozenset[str]) -> tuple[str, ...]:
    return tuple(noun.lower() for noun in report_nouns if len(noun) > 5)


def any_anaphoric_marker(clause: Clause, article: Article, cues: Cues) -> bool:
    """'den Angaben zufolge', 'einem Bericht vom Montag zufolge', 'nach Polizeiangaben': a report
    without a named source."""
    return next(marker_report_nouns(clause, article, cues), None) is not None


# asked for a clause by its senses, its markers and its speakers; gone with the clause
SOURCE_WORD_CLAUSES: WeakKeyDictionary[Clause, bool] = WeakKeyDictionary()


def has_source_word(clause: Clause, article: Article) -> bool:
    """'laut', 'nach', 'zufolge': a word a source marker needs (most clauses have none, and are done at once)."""
    found = SOURCE_WORD_CLAUSES.get(clause)
    if found is None:
        tokens, markers = article.tokens, clause.grammar.source_prepositions | clause.grammar.source_postpositions
        # most clauses hold none of them even inside a word: a few substring tests of the text, not one per word
        text = article.text[tokens[clause.first].start : tokens[clause.last].end].lower()
        found = any(marker in text for marker in markers) and any(
            tokens[i].text.lower() in markers for i in clause.tokens
        )
        SOURCE_WORD_CLAUSES[clause] = found
    return found


def marker_report_nouns(clause: Clause, article: Article, cues: Cues) -> Iterator[int]:
    """Positions in the clause of the report nouns of source markers ('nach Informationen der Zeitung',
    'den Angaben zufolge')."""
    if not has_source_word(clause, article):
        return
    words, grammar = [article.tokens[i] for i in clause.tokens], clause.grammar
    for index, word in enumerate(words):
        if not is_report_noun(word.lemma, cues):
            continue
        before = words[max(0, index - 2) : index]  # "Nach Angaben ..." opens the clause
        if any(w.text.lower() in grammar.source_prepositions for w in before) or any(
            w.text.lower() in grammar.source_postpositions for w in words
        ):
            yield index


def attribution_chain(
    clauses: list[Clause], index: int, article: Article, context: AttributionContext, cues: Cues
) -> list[Claimant]:
    """Claimants of an event in clause `index`, outermost first."""
    frame = framing_clause(clauses, index)  # "Brasilien erwägt nach Medienberichten, den Botschafter abzuziehen"
    chain: list[Claimant] = [] if frame is None else marker_claimants(frame, article, context, cues)
    labelled = colon_speaker(clauses[0], article, cues)
    if labelled is not None:
        chain.insert(0, labelled)
    for governing in governing_reporters(clauses, index, article.tokens, cues):
        chain.extend(speakers_of(clauses[governing], article, context, cues))
    for clause in clauses:
        as_source = clause.kind == ClauseKind.VERB_FIRST or (
            clause.kind == ClauseKind.SUBORDINATE and clause.opener == "wie"
        )
        if as_source and clause is not clauses[index] and reports_or_announces(clause, article, cues):
            chain[:0] = speakers_of(clause, article, context, cues)
    chain.extend(marker_claimants(clauses[index], article, context, cues))
    return deduplicate(chain)


COLON_REACH = 4  # words of a speaker before a colon: "Kiew:", "Der ukrainische Generalstab:"


def colon_speaker(first_clause: Clause, article: Article, cues: Cues) -> Claimant | None:
    """'Kiew: Russland greift Odessa an': a name or speaker noun, without a verb, that the sentence splitter
    cut off before the colon says who speaks (inside a sentence, arguments.classify_mention reads it). The
    name must end at the colon and a place must stand alone: a topic label ("Ukraine-Krieg: ...", "Das
    Ergebnis: ...") names no one."""
    tokens = article.tokens
    colon = first_clause.tokens[0] - 1
    if colon < 1 or tokens[colon].text != ":":
        return None
    start = colon
    while start > 0 and colon - start < COLON_REACH and not ends_line_or_sentence(start - 1, article):
        start -= 1
    words = tokens[start:colon]
    if (start > 0 and not ends_line_or_sentence(start - 1, article)) or any(w.pos.startswith("V") for w in words):
        return None
    last = tokens[colon - 1]
    for entity in (article.entities[i] for i in article.entities_within(tokens[start].start, last.end)):
        if entity.end == last.end and not is_topic_label(entity):
            return claimant_from_entity(entity, article)
    nominal = nominal_speaker(words, cues)
    return Claimant(text=nominal, country=None) if nominal and is_speaker_noun(last, cues) else None


def is_topic_label(entity: Entity) -> bool:
    """'Ukraine-Krieg', 'Gaza-Krise': a compound of a place that labels a topic before a colon, not a speaker."""
    return entity.label == "LOC" and "-" in entity.text


def ends_line_or_sentence(index: int, article: Article) -> bool:
    """Token `index` closes a sentence or is the last of its line."""
    following = article.tokens[index + 1].start if index + 1 < len(article.tokens) else len(article.text)
    return article.tokens[index].pos == "$." or "\n" in article.text[article.tokens[index].end : following]


def framing_clause(clauses: list[Clause], index: int) -> Clause | None:
    """The clause a zu-infinitive or a dass-clause completes: its source markers vouch for what it governs."""
    clause = clauses[index]
    if clause.parent is None:
        return None
    completes = clause.kind == ClauseKind.INFINITIVE and clause.opener is None
    completes = completes or (
        clause.kind == ClauseKind.SUBORDINATE and clause.opener in clause.grammar.complement_subordinators
    )
    return clauses[clause.parent] if completes and clauses[clause.parent] is not clause else None


def governing_reporters(clauses: list[Clause], index: int, tokens: list[Token], cues: Cues) -> list[int]:
    """Reporting clauses above clause `index`, outermost first; a reported main clause follows its frame."""
    found = []
    clause = clauses[index]
    while clause.parent is not None:
        parent = clauses[clause.parent]
        if reports_or_denies(parent, tokens, cues) and parent is not clause:
            found.insert(0, clause.parent)
        clause = parent
    if not found and index > 0 and clauses[index].kind == ClauseKind.MAIN:
        previous = clauses[index - 1]
        if previous.kind == ClauseKind.MAIN and reports_or_denies(previous, tokens, cues):
            found.append(index - 1)  # "Nordkorea sagt, es werde ...": reported speech without "dass"
    return found


def reports_or_denies(clause: Clause, tokens: list[Token], cues: Cues) -> bool:
    """A reporting clause, or a denial ("dementierte, ... zu haben", "wies Berichte zurück, wonach ..."): who
    denies an act is the one who speaks of it."""
    if is_reporting_clause(clause, tokens, cues):
        return True
    return bool(clause_verbs(clause, tokens) & cues.denial_verbs)


def deduplicate(chain: list[Claimant]) -> list[Claimant]:
    seen: set[str] = set()
    unique = []
    for claimant in chain:
        if claimant.text not in seen:
            seen.add(claimant.text)
            unique.append(claimant)
    return unique


def is_subjunctive_one(words: list[Token], language: Language) -> bool:
    """Reported speech: a finite verb in Konjunktiv I ('sei', 'handle', 'werde', 'erwäge')."""
    first_person = any(w.text.lower() in language.first_person_singular for w in words)
    return any(
        w.text.lower() in language.subjunctive_one or (not first_person and is_regular_subjunctive(w))
        for w in words
        if w.pos.endswith("FIN")
    )


def is_regular_subjunctive(word: Token) -> bool:
    """The third person singular of Konjunktiv I of a full verb is its stem and -e ('erwäge', 'prüfe',
    'ändere'), where the indicative has -t; only the first person ('ich plane') shares the form."""
    return word.pos == "VVFIN" and word.lemma.lower().endswith("n") and word.text.lower() == verb_stem(word.lemma) + "e"
