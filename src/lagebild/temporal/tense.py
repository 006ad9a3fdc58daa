"""The tense of the clause around a temporal expression, from HanTa's STTS tags and lemmas.

The clause is the stretch around the expression that the clause layer cut (lagebild.clauses:
between commas, colons, dashes, brackets and quotes); a clause without a verb of its own takes
the sentence's tense. Checks, in order:
1. a perfect infinitive ("soll ... besprochen haben", "gewesen zu sein") = past;
2. a preterite finite verb ("sagte", "trat", "hatte") = past;
3. a plan participle with "sein"/"werden" ("ist für Montag geplant") = future;
4. finite "werden" + infinitive ("wird reisen"), a modal of intent or possibility + infinitive
   ("soll stattfinden", "könnte reisen") = future;
5. a zu-infinitive governed by a verb of planning ("kündigte an, ... zu reisen") = future;
6. "haben"/"sein" + participle ("hat angegriffen", "sei festgenommen worden", "hätte gewonnen") = past, and so is
   "haben" with the double infinitive of "können", "müssen", "dürfen" ("hätte öffnen können"), checked before 4;
7. any other finite verb = present; no verb at all = unknown (None).
For a time's clause (`clause_tense`), an "infinitive" with no finite verb is the present too ("Am
Freitag erwarten die Gemeinden ...": HanTa tags the plural present as an infinitive).
Before the clause, a time inside a noun phrase takes the tense of the participle it qualifies
(`attribute_tense`: "das am Montag gestartete Manöver" = past), and a deadline in an aim looks ahead
(`is_aim`: "sagte zu, die Panzer bis Ende März zu liefern").
"""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.clauses import is_preposition, stretch_around
from lagebild.document import Article, Sentence, Token
from lagebild.lang import Language
from lagebild.temporal.intervals import Tense
from lagebild.temporal.vocabulary import Vocabulary


def clause_tense(
    clause: Sequence[Token], tokens: Sequence[Token], vocabulary: Vocabulary, grammar: Language
) -> Tense | None:
    """The tense of a clause (a stretch of the clause layer, lagebild.clauses) in the sentence of
    `tokens`; the sentence's when the clause has no verb. The words it reads are the grammar's
    (`data/<code>/grammar.yaml`, section "Tense"), the verbs of planning the vocabulary's."""
    if is_bare_zu_infinitive(clause) and governs_plan(tokens, vocabulary, grammar):
        return Tense.FUTURE
    if any(token.pos.startswith("V") for token in clause):
        found = tense_of(clause, vocabulary, grammar)
        if found is not None:
            return found
        if is_plural_present(clause, grammar):
            return Tense.PRESENT
    found = tense_of(tokens, vocabulary, grammar)
    return Tense.PRESENT if found is None and is_plural_present(tokens, grammar) else found


def tense_of(tokens: Sequence[Token], vocabulary: Vocabulary, grammar: Language) -> Tense | None:
    words = [token.text.lower() for token in tokens]
    if has_perfect_infinitive(tokens, words, grammar, vocabulary.state_participles):
        return Tense.PAST
    if any(
        is_preterite(token, vocabulary, grammar) and not is_bound_participle(token, tokens, grammar) for token in tokens
    ):
        return Tense.PAST
    if is_double_infinitive_perfect(tokens, words, grammar):
        return Tense.PAST
    auxiliaries = grammar.finite_werden | grammar.perfect_auxiliaries
    if has_plan_participle(words, vocabulary, grammar) and any(word in auxiliaries for word in words):
        return Tense.FUTURE
    if is_future(tokens, words, grammar):
        return Tense.FUTURE
    if is_bare_zu_infinitive(tokens) and governs_plan(tokens, vocabulary, grammar):
        return Tense.FUTURE
    if is_perfect(tokens, words, grammar, vocabulary.state_participles):
        return Tense.PAST
    if any(token.pos.endswith("FIN") for token in tokens):
        return Tense.PRESENT
    return None


def is_double_infinitive_perfect(tokens: Sequence[Token], words: list[str], grammar: Language) -> bool:
    """ "hat nicht kommen können", "hätte am Mittwoch öffnen können": "haben" with a modal's infinitive right after
    another infinitive."""
    haben = any(
        word in grammar.haben_forms and token.pos.startswith("VA") for word, token in zip(words, tokens, strict=True)
    )
    return haben and any(
        word in grammar.modal_infinitives and index > 0 and tokens[index - 1].pos in grammar.infinitive_tags
        for index, word in enumerate(words)
    )


def is_bound_participle(token: Token, tokens: Sequence[Token], grammar: Language) -> bool:
    """A participle that another finite verb of the clause governs, though it looks like a strong preterite
    plural: "soll im April entschieden werden" (not "sie entschieden")."""
    return token.pos in grammar.participle_tags and any(
        other is not token and other.pos.endswith("FIN") for other in tokens
    )


def has_plan_participle(words: list[str], vocabulary: Vocabulary, grammar: Language) -> bool:
    """ "ist für Montag geplant", not the comparison "verdiente weniger als erwartet", "wie geplant"."""
    return any(
        word in vocabulary.plan_participles and (index == 0 or words[index - 1] not in grammar.plan_comparisons)
        for index, word in enumerate(words)
    )


def is_plural_present(tokens: Sequence[Token], grammar: Language) -> bool:
    """An infinitive-looking verb and no finite one, not after "zu": the plural present, which HanTa
    tags as the infinitive out of context ("Am Freitag erwarten die Gemeinden Tausende Besucher")."""
    return not is_bare_zu_infinitive(tokens) and any(
        token.pos in grammar.infinitive_tags and (index == 0 or tokens[index - 1].pos != "PTKZU")
        for index, token in enumerate(tokens)
    )


def is_participle(token: Token, grammar: Language) -> bool:
    if token.pos in grammar.participle_tags:
        return True
    text, lemma = token.text.casefold(), token.lemma.casefold()  # "ß" is "ss", as Swiss papers write it
    return token.pos == "VVFIN" and text.startswith("ge") and not lemma.startswith("ge") and len(text) > 4


def has_perfect_infinitive(
    tokens: Sequence[Token], words: list[str], grammar: Language, states: frozenset[str] = frozenset()
) -> bool:
    """A participle followed by "haben"/"sein"/"worden" that no finite "werden" governs; not a state
    participle with "sein" alone ("soll bis Freitag abgeschlossen sein" is a state to be reached)."""
    for index, token in enumerate(tokens):
        if is_participle(token, grammar) and any(word in grammar.perfect_infinitives for word in words[index + 1 :]):
            later = words[index + 1 :]
            if words[index] in states and "sein" in later and not {"haben", "worden"} & set(later):
                continue
            if "worden" in later and not (grammar.hearsay_modals & set(words)):
                continue  # "ist festgenommen worden" is a perfect passive, handled as perfect
            if not (grammar.finite_werden & set(words)):
                return True
    return False


def is_preterite(token: Token, vocabulary: Vocabulary, grammar: Language) -> bool:
    if not token.pos.startswith("V"):
        return False
    text, lemma = token.text.casefold(), token.lemma.casefold()  # "ß" is "ss", as Swiss papers write it
    if text in grammar.not_preterite or not lemma:
        return False
    # the longest base that ends the lemma: "fliegen" is not "f" + "liegen"
    base = next((lemma[i:] for i in range(len(lemma)) if lemma[i:] in vocabulary.strong_preterites), None)
    if base is not None:
        prefix, stem = lemma[: len(lemma) - len(base)], vocabulary.strong_preterites[base]
        if any(text == prefix + stem + ending for ending in grammar.strong_preterite_endings):
            return True  # else it may be weak: "verhängte" (verhängen), not "verhing"
    weak_stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
    return text.startswith(weak_stem) and text[len(weak_stem) :] in grammar.weak_preterite_endings


def is_future(tokens: Sequence[Token], words: list[str], grammar: Language) -> bool:
    """Finite "werden" or a modal of intent/possibility with an infinitive of another verb."""
    werden, modals = grammar.finite_werden, grammar.intent_modals
    governors = [i for i, word in enumerate(words) if word in werden or word in modals]
    if not governors:
        return False
    werden_forms = sum(1 for word in words if word in werden)
    if werden_forms >= 2:
        return True  # "wird ... getroffen werden"
    governing = {words[i] for i in governors}
    return any(
        token.pos in grammar.infinitive_tags
        and words[i] not in governing
        and words[i] not in grammar.perfect_infinitives
        for i, token in enumerate(tokens)
    )


def is_perfect(
    tokens: Sequence[Token], words: list[str], grammar: Language, states: frozenset[str] = frozenset()
) -> bool:
    """ "hat ... angegriffen", "sei ... festgenommen worden"; HanTa may tag the participle VVFIN. A state
    participle after a form of "sein" alone is the statal passive, a present ("ist seit Montag gesperrt")."""
    auxiliaries = {
        i for i, token in enumerate(tokens) if words[i] in grammar.perfect_auxiliaries and token.pos.startswith("VA")
    }
    if not auxiliaries:
        return False
    statal = "worden" not in words and all(tokens[i].lemma.lower() == "sein" for i in auxiliaries)
    others = [i for i in range(len(tokens)) if i not in auxiliaries and not (statal and words[i] in states)]
    return any(
        is_participle(tokens[i], grammar) or (is_finite_in_t(tokens[i]) and in_verb_bracket(tokens, i, auxiliaries))
        for i in others
    )


def is_finite_in_t(token: Token) -> bool:
    """A finite-looking verb in -t, which HanTa gives to weak participles too ("erhöht", "verkauft")."""
    return token.pos == "VVFIN" and token.text.endswith("t")


def in_verb_bracket(tokens: Sequence[Token], index: int, auxiliaries: set[int]) -> bool:
    """Does the verb stand where a participle of the auxiliary would: after it ("hat den Preis erhöht") or in
    the verb cluster at the end ("dass sie den Preis erhöht hat")? Not a finite verb of its own before it
    ("übernimmt am 1. September und hat einen Vertrag")."""
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return index > min(auxiliaries) or (following is not None and following.pos.startswith("V"))


def is_bare_zu_infinitive(tokens: Sequence[Token]) -> bool:
    """A clause like "am Montag nach Moskau zu reisen": a zu-infinitive and no finite verb."""
    after_zu = {i + 1 for i, token in enumerate(tokens) if token.pos == "PTKZU"}
    has_zu = any(
        token.pos == "VVIZU" or (i in after_zu and token.pos.startswith("V")) for i, token in enumerate(tokens)
    )
    finite = any(token.pos.endswith("FIN") and i not in after_zu for i, token in enumerate(tokens))
    return has_zu and not finite


def governs_plan(tokens: Sequence[Token], vocabulary: Vocabulary, grammar: Language) -> bool:
    """Does the sentence have a verb of planning ("plant", "kündigte ... an")?"""
    lemmas = {token.lemma.lower() for token in tokens if token.pos.startswith("V")}
    particles = {token.text.lower() for index, token in enumerate(tokens) if is_verb_particle(tokens, index, grammar)}
    combined = lemmas | {particle + lemma for particle in particles for lemma in lemmas}
    return bool(combined & vocabulary.future_governors)


def scheduling_verb_end(tokens: Sequence[Token], vocabulary: Vocabulary, grammar: Language) -> int | None:
    """Where a verb that fixes a day ("setzte ... an", "anberaumt") is complete in the sentence: the end of its
    particle or of its own word; None without one."""
    scheduling = vocabulary.scheduling_verbs
    verbs = [(token.lemma.lower(), token.end) for token in tokens if token.pos.startswith("V")]
    ends = [end for lemma, end in verbs if lemma in scheduling]
    stems = {lemma for lemma, _ in verbs if any(verb.endswith(lemma) for verb in scheduling)}  # "setzen" of "ansetzen"
    if stems:
        particles = [token for index, token in enumerate(tokens) if is_verb_particle(tokens, index, grammar)]
        ends += [token.end for token in particles if any(token.text.lower() + stem in scheduling for stem in stems)]
    return min(ends, default=None)


def is_verb_particle(tokens: Sequence[Token], index: int, grammar: Language) -> bool:
    """A separated verb particle ("kündigte ... an,"): HanTa tags words out of context, so a
    preposition right before punctuation or the end counts too."""
    token = tokens[index]
    if token.pos == "PTKVZ":
        return True
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    return token.pos in grammar.particle_tags and (following is None or following.pos.startswith("$"))


def attribute_tense(
    tokens: Sequence[Token], first: int, after: int, vocabulary: Vocabulary, grammar: Language
) -> Tense | None:
    """The tense of a time that stands between a determiner and the attributive participle it
    qualifies (tokens[first:after] are the time's): past for a done deed ("die am 3. Mai verhängten
    Sanktionen"), future for a plan ("das für Montag geplante Treffen"); None for anything else,
    a present participle included ("die seit Montag geltenden Regeln")."""
    found = attributive_participle(tokens, first, after, grammar)
    if found is None:
        return None
    opener, participle = found
    if participle in vocabulary.plan_participles:
        return Tense.FUTURE
    if opener < first and tokens[opener].text.lower() in grammar.target_prepositions:
        return None  # "die bis Ende März zugesagten Panzer": a deadline, not when the deed was done
    return Tense.PAST if is_past_participle(participle, grammar) else None


def attributive_participle(
    tokens: Sequence[Token], first: int, after: int, grammar: Language
) -> tuple[int, str] | None:
    """For a time (tokens[first:after]) between a determiner and an attributive participle ("die am 3. Mai
    verhängten Sanktionen", "den seit 2005 schwelenden Streit"): the index of the time's opening word (its
    preposition, if any) and the participle without its ending; None for a time not in such an attribute."""
    opener = first - 1 if first > 0 and is_preposition(tokens[first - 1]) else first  # "für Montag"
    if opener == 0 or tokens[opener - 1].pos not in grammar.attribute_determiner_tags:
        return None
    index = after
    while index < len(tokens) and tokens[index].pos in grammar.attribute_gap_tags and index - after < 6:
        index += 1
    if index + 1 >= len(tokens) or tokens[index].pos not in grammar.attribute_participle_tags:
        return None
    if not (tokens[index + 1].pos in grammar.noun_tags or tokens[index + 1].pos in ("NE", "ADJA", "KON")):
        return None
    participle = uninflected(tokens[index], grammar)
    return None if participle is None else (opener, participle)


def uninflected(token: Token, grammar: Language) -> str | None:
    """The participle without its attributive ending ("verhängten" -> "verhängt"); None without one."""
    text = token.text.lower()
    ending = next((ending for ending in grammar.attribute_endings if text.endswith(ending)), None)
    return None if ending is None else text[: -len(ending)]


def is_past_participle(word: str, grammar: Language) -> bool:
    """ "gestartet", "angekündigt", "zurückgetreten", "verhängt", "stationiert": a weak participle
    ends in -t, a strong one in -en; it has "ge-" (maybe after a particle) or an inseparable prefix."""
    if not word.endswith(("t", "en")) or word.endswith("end"):
        return False
    return "ge" in word[:-3] or word.startswith(tuple(grammar.inseparable_prefixes)) or word.endswith("iert")


def is_aim(clause: Sequence[Token], grammar: Language) -> bool:
    """A zu-infinitive of what is to be done ("die Panzer bis Ende März zu liefern"), not a perfect
    one of what was ("dort gewesen zu sein")."""
    words = [token.text.lower() for token in clause]
    return is_bare_zu_infinitive(clause) and not has_perfect_infinitive(clause, words, grammar)


def in_pluperfect(article: Article, sentence: Sentence, offset: int, grammar: Language) -> bool:
    """Does the clause stretch around character `offset` tell of the background in the pluperfect ("hatte
    ... besucht", "war ... festgenommen worden", "war eingetroffen"; not the state "waren verstopft")?"""
    index = article.token_index(offset)
    if index >= sentence.last_token:
        return False
    stretch = stretch_around(article, sentence, index)
    auxiliaries = {t.text.lower() for t in stretch if t.pos == "VAFIN"}
    participles = [t for t in stretch if t.pos in grammar.participle_tags]
    if auxiliaries and not participles and (clause := article.clause_at(offset)) is not None:
        # a clause split by a relative clause: "war Orbán, dessen Land ..., in Kiew gewesen"
        participles = [article.tokens[i] for i in clause.tokens if article.tokens[i].pos in grammar.participle_tags]
    if auxiliaries & grammar.pluperfect_auxiliaries:
        return bool(participles)
    return bool(auxiliaries & grammar.pluperfect_sein) and any(
        t.text.lower() in grammar.pluperfect_sein_participles or t.lemma.lower() in grammar.sein_perfect_lemmas
        for t in participles
    )
