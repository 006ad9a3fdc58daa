"""Which time an event gets: the times that can date events, and the choice for one trigger.

The temporal stage finds the article's times (`Article.times`, day intervals). For events:
1. a time after "vom" dates the noun before it ("einem Bericht vom Montag zufolge", "den Angriff
   vom Sonntag"), not the clause; the span of a comparison ("der größte Protest seit 2011", "wie schon
   2017") and the date of the dateline (when the report was filed: "Kiew, 13. März (dpa) -") date nothing;
2. some times are read again: "seit" before an act named with its time runs from that time up to the
   report ("seit Beginn der Kämpfe am 14. September"); after "zuvor"/"danach" a weekday counts from
   the time named just before; a day counted back in months is the week around it, in years the year;
3. adverbs add times of their own: "nun", "derzeit", "unterdessen" name the day of the report (unless their
   clause names a time: "demonstrieren nun seit Wochen");
   "seither", "inzwischen" the stretch from the time named just before up to it; "damals" the period of
   the last time named before it (of its sentence's main clause rather than of a relative clause there);
   "in den vergangenen Wochen" (a TIMEX3 duration of no stated length) the weeks before it, "seit Wochen"
   the weeks up to it; so many days or weeks measuring an act ("zwölf lange Tage wurde verhandelt") the
   stretch up to it, so many hours counted back ("innerhalb von 24 Stunden") the days they reach;
4. a trigger takes the time of its own clause (not of a relative clause inside it) nearest to it, a verb one
   outside a participle attribute first ("den seit 2005 schwelenden Streit"), else of the clause governing it,
   else of its sentence outside relative and "nachdem" clauses and the zu-infinitives it governs (inside
   such a clause, of that clause only, else a month, season or year its governing clause names; in an
   "als" clause, the period its governing clause's last time names: "seit dem Sommer 2024 angespannt,
   als ..." = the summer); an act named as the circumstance of another ("nach den Luftangriffen", "die
   vereinbarte Waffenruhe") takes none of them; an act named by a participle before its noun takes the
   time inside that attribute only ("der im Vorjahr festgenommene Journalist"), and a verb leaves such a
   time to the attribute when its clause names another; a circumstance takes the time that closes its own
   phrase, one before the week of the report ("seit dem Angriff auf die Ukraine im Februar 2022"), else the day
   so many days or weeks before the clause's time ("zwei Tage nach dem Angriff"); a noun beside a verb reacting to
   its act ("wies die Vorwürfe am Mittwoch zurück") takes none of its clause's times, nor does a protest named by its
   people beside the verb of another act done to them ("schoss am Wochenende auf Demonstranten");
5. once its modality is known, a coming event drops "nun" (it dates the plan) and a day gone by when its
   sentence names one still to come (the day of the promise, not of what is promised); any event runs
   from the report up to a deadline ahead ("bis Ende Januar").
After merging (stage.py) an undated plan takes the first time its paragraph names from it on that reaches past
the report, one dated by a day gone by (the promise) the first such time after its sentence, unless another event
has it (`planned_time`); an undated asserted event takes its speaker's occasion (an asserted one none after the
report), else the last time named before it in its paragraph that is not ahead of the report, else the day
of the heading above it in a chronology told by day (`day_heading`), else a day
the next sentence names for it with a demonstrative ("Das hat der Bundesrat am Mittwoch entschieden"),
else, told in the present tense, the day of the report (a headline only after the day of the news), else
the day of the news (`news_day`: a day or a night, not one told in the pluperfect), else, told in the lead in the
perfect or preterite with no time named up to it, the day of the report (`lead_report`); one told as earlier
("zuvor") takes none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from lagebild.calendar_de import find_full_date
from lagebild.clauses import is_preposition, is_verb
from lagebild.document import Article, BlockKind, Clause, ClauseKind, Event, Sentence, TimeExpression, Timex, Token
from lagebild.events.lexicon import Cues, TriggerLexicon
from lagebild.events.mentions import time_in
from lagebild.events.triggers import TriggerHit, compound_head_among, first_part_senses, noun_senses
from lagebild.lang import Language
from lagebild.temporal.intervals import Tense, shift
from lagebild.temporal.stage import day_headings
from lagebild.temporal.tense import attribute_tense, attributive_participle, clause_tense, in_pluperfect, tense_of
from lagebild.temporal.vocabulary import load_vocabulary

# "in den vergangenen Wochen", "in den kommenden Tagen": so many units as make the next larger one
# (a writer meaning more would name that unit), counted from the day before or after the report's
# day; the gold conventions agree for weeks (four) and days (seven)
VAGUE_SPANS = {"D": ("day", 7), "W": ("week", 4), "M": ("month", 12), "Y": ("year", 10)}
VAGUE_DURATION = re.compile(r"PX([DWMY])")
MEASURED_DURATION = re.compile(r"P(\d+)([DW])")  # a TIMEX3 value of so many days or weeks
HOURS = re.compile(r"PT(\d+)H")  # a TIMEX3 value of so many hours
MONTH_VALUE = re.compile(r"\d{4}-\d\d")  # a TIMEX3 value naming a month
MONTH_SLACK = timedelta(days=3)  # months are 28 to 31 days long
YEAR_VALUE = re.compile(r"\d{4}")  # a TIMEX3 value naming a year
STRONG_GENITIVE_ENDING = "er"  # "Beginn schwerer Kämpfe": a genitive plural without article
AFTER_PREPOSITION = "nach"  # "einen Tag nach dem Angriff": the count runs back from the clause's time
SUPERLATIVE_ENDING = re.compile(r"st(?:e|en|er|es|em)$")
PERIOD = timedelta(days=27)  # a month or longer: a named period that holds an act told as before or after another
NEWS_WEEK = timedelta(days=6)  # the lead's day lies in the week up to the report ("am Montag" of a Sunday paper)
NIGHT = timedelta(days=1)  # a night runs over two days: "in der Nacht zum Sonntag" is a day of the news too
COMPARISON_REACH = 8  # tokens back from 'seit' to the superlative ("die ersten Toten entlang der Grenze seit")
PHRASE_REACH = 8  # tokens back from a time to the preposition of the noun phrase it closes
ATTRIBUTE_REACH = 8  # tokens back from an attributive participle to its determiner ("die seit 2014 von Russland ...")
NOUN_PHRASE_REACH = 8  # tokens on from an act noun to the time closing its phrase ("Putsch des Militärs im Mai")


def event_times(article: Article, cues: Cues, lexicon: TriggerLexicon, language: Language) -> list[TimeExpression]:
    """The times that can date an event, in text order (steps 1 to 3 of the module docstring)."""
    noun_dates = [t for t in article.times if dates_noun(article, t, language) or article.in_dateline(t.start)]
    compared = [
        t for t in article.times if is_comparison_span(article, t, language) or is_likeness(article, t, language)
    ]
    times = [t for t in article.times if t not in noun_dates + compared]
    vague = [t for t in vague_windows(article, language) if not is_comparison_span(article, t, language)]
    times += vague + measured_stretches(article, language) + hour_stretches(article, language)
    times = [since_phrase(article, t, lexicon, language) for t in times]
    times = [counted_weekday(article, t, times, cues, language) for t in times]
    times = [counted_periods(t) for t in times]
    times = [
        t for t in times if not (counts_since_first(article, t, language) and clause_names_time(article, t, times))
    ]
    now = [t for t in report_days(article, cues) if not clause_names_time(article, t, times)]
    times += since_times(article, times, cues) + then_times(article, times, cues, language) + now
    return sorted(times, key=lambda t: (t.start, t.end))


def dates_noun(article: Article, time: TimeExpression, language: Language) -> bool:
    """'der Angriff vom Sonntag', 'einem Bericht vom Montag zufolge': a time after 'vom' dates the noun
    before it (its act, or the report), not the clause."""
    before = article.tokens_before(time.start, 2)
    return (
        len(before) == 2
        and before[1].text.lower() in language.report_date_prepositions
        and before[0].pos in language.noun_tags
    )


def noun_date(article: Article, index: int, language: Language) -> TimeExpression | None:
    """The time that dates the noun at token `index` ('der Angriff vom Sonntag'), if any."""
    tokens = article.tokens
    if index + 2 >= len(tokens) or tokens[index + 1].text.lower() not in language.report_date_prepositions:
        return None
    return next((t for t in article.times if t.start == tokens[index + 2].start), None)


def phrase_time(article: Article, index: int, times: list[TimeExpression], language: Language) -> TimeExpression | None:
    """'nach dem Putsch des Militärs unter Oberst Goïta im Mai', 'seit dem Angriff auf die Ukraine im Februar
    2022', 'wegen des Anschlags auf die Botschaft Ende Februar': a time that closes the phrase of the act noun at
    token `index` (its genitives, and the phrases of its target, place, partners and leaders) dates that act,
    the circumstance of its clause. Not a 'seit' time, nor one after 'seit' or 'über' inside the phrase: they
    name the stretch of a comparison ('der schwerste Angriff seit 2011', 'der erste Streik seit Amtsantritt X
    Mitte Dezember') or another thing's time ('Gespräche über das Abkommen von 2013'). Nor a day of the week up
    to the report: it may be the clause's own ('Nach den Gesprächen am Sonntag sagte Vučić ...')."""
    tokens = article.tokens
    if tokens[index].pos not in language.noun_tags:
        return None
    for token in tokens[index + 1 : index + 1 + NOUN_PHRASE_REACH]:
        time = next((t for t in article.times if t.start == token.start), None)
        if time is not None:
            if time.text.split(maxsplit=1)[0].lower() in language.since_prepositions or in_news_week(article, time):
                return None
            # the time as read for events ("vor drei Monaten": a week), unless it became a stretch ("seit dem Putsch im
            # Mai"): then the time itself
            return next((t for t in times if t.start == time.start), time)
        phrase = token.pos in language.left_modifier_tags or token.pos in language.noun_tags or token.pos == "NE"
        if not (phrase or token.text.lower() in language.act_phrase_prepositions):
            return None  # a verb, a mark, or 'seit'/'über' opening another act or time ('der erste Streik seit ...')
    return None


def in_news_week(article: Article, time: TimeExpression) -> bool:
    """Does the time lie within the week up to the reference day ('am Sonntag', 'in der Nacht zum Montag')?"""
    day = article.reference_date
    return day is not None and day - NEWS_WEEK <= time.first_day and time.last_day - time.first_day <= NIGHT


def since_phrase(article: Article, time: TimeExpression, lexicon: TriggerLexicon, language: Language) -> TimeExpression:
    """'Seit Beginn der Kämpfe am 3. Mai starben dort 40 Soldaten': a time closing an act
    named after 'seit' dates the clause's event from that time up to the reference day, as 'seit' does
    before a bare time; so does any noun phrase after 'seit' in a clause in the present tense, which tells
    a state still going on ('Seit dem Tod des Studenten Mitte Mai demonstrieren Tausende'). (Any noun phrase
    in any tense, "seit der Wahl im August", was tried: it merged events of the validation part that were
    apart and cost it one matched event.)"""
    day = article.reference_date
    opener = act_opener(article, time, lexicon, language) or ongoing_opener(article, time, language)
    if day is None or opener is None or opener.text.lower() not in language.since_prepositions:
        return time
    start = period_start(time)
    if start > day:
        return time
    return TimeExpression(opener.start, time.end, article.text[opener.start : time.end], start, day, time.timexes)


def act_opener(article: Article, time: TimeExpression, lexicon: TriggerLexicon, language: Language) -> Token | None:
    """The preposition of the noun phrase the time closes when the phrase names an act ('seit Beginn der
    Invasion im Februar 2022', 'nach dem Putsch im Februar'); None for any other time."""
    found = phrase_opener(article, time, language)
    return found[0] if found and any(names_act(noun, lexicon, language) for noun in found[1]) else None


def names_act(noun: Token, lexicon: TriggerLexicon, language: Language) -> bool:
    """An event noun ('Invasion'), or a compound of one and a word for its beginning ('Kriegsbeginn')."""
    head = compound_head_among(noun.lemma, language.phase_heads)
    return bool(noun_senses(noun, lexicon) or first_part_senses(noun.lemma, head, lexicon, language))


def ongoing_opener(article: Article, time: TimeExpression, language: Language) -> Token | None:
    """The preposition of the noun phrase the time closes when its clause is in the present tense."""
    found = phrase_opener(article, time, language)
    return found[0] if found and tense_at(article, time.start, language) == Tense.PRESENT else None


def phrase_opener(article: Article, time: TimeExpression, language: Language) -> tuple[Token, list[Token]] | None:
    """The preposition of the noun phrase the time closes ('seit Amtsübernahme des Präsidenten Mitte
    Dezember') and the phrase's nouns; None when the time closes no such phrase. A place named with 'von'
    stays inside the phrase ('seit dem Anschlag von Pahalgam im April', 'nach dem Massaker von Butscha')."""
    nouns: list[Token] = []
    named = False  # only a name read since the last noun: 'von' before it names where the act was
    for token in reversed(article.tokens_before(time.start, PHRASE_REACH)):
        if is_preposition(token) and not (named and token.text.lower() == "von"):
            return (token, nouns) if nouns else None
        named = token.pos == "NE"
        if token.pos in language.noun_tags:
            nouns.append(token)
        elif token.pos != "NE" and not is_preposition(token) and token.pos not in language.left_modifier_tags:
            return None
    return None


def counted_weekday(
    article: Article, time: TimeExpression, times: list[TimeExpression], cues: Cues, language: Language
) -> TimeExpression:
    """'Am Freitag schloss Maduro die Grenze. Zuvor waren am Mittwoch Soldaten verletzt worden': in a sentence
    that tells what came before ('zuvor') or after ('danach') the time named just before it in its
    paragraph, a weekday is the last one up to that time or the first one from it on."""
    weekdays = load_vocabulary(language.code).weekdays
    if time.first_day != time.last_day or not any(day in time.text.lower() for day in weekdays):
        return time
    sentence = sentence_at(article, time.start)
    if sentence is None:
        return time
    words = {t.text.lower() for t in article.sentence_tokens(sentence) if t.pos in ("ADV", "PROAV")}
    block = article.blocks[sentence.block]
    named = [t for t in times if block.start <= t.start < sentence.start]
    if not named or not words & (cues.before_adverbs | cues.after_adverbs):
        return time
    anchor, weekday = named[-1], time.first_day.weekday()
    # the anchor's own weekday is that day ('in der Nacht zum Samstag ... Zuvor am Freitag'), unless the adverb
    # follows the weekday ('am Freitag zuvor': the one a week before)
    after = article.tokens_after(time.end, 1)
    week = 7 if after and after[0].text.lower() in cues.before_adverbs | cues.after_adverbs else 0
    if words & cues.before_adverbs:
        day = anchor.first_day - timedelta(days=(anchor.first_day.weekday() - weekday) % 7 or week)
    else:
        day = anchor.last_day + timedelta(days=(weekday - anchor.last_day.weekday()) % 7 or week)
    return TimeExpression(time.start, time.end, time.text, day, day, time.timexes)


def is_comparison_span(article: Article, time: TimeExpression, language: Language) -> bool:
    """'der hochrangigste Besuch seit 25 Jahren', 'die ersten Toten seit 1975', 'der erste Streik seit
    Amtsantritt des Präsidenten Mitte Dezember': after a superlative or 'erste' in the same phrase, 'seit'
    names the stretch the comparison covers, not when the event was."""
    since = time.start if time.text.lower().startswith("seit") else None
    found = phrase_opener(article, time, language) if since is None else None
    if found and found[0].text.lower() in language.since_prepositions:
        since = found[0].start
    if since is None:
        return False
    for token in reversed(article.tokens_before(since, COMPARISON_REACH)):
        if token.pos.startswith("$") or is_verb(token):
            return False
        if is_superlative(token, language):
            return True
    return False


def counts_since_first(article: Article, time: TimeExpression, language: Language) -> bool:
    """'Scholz hat am Freitag erstmals seit zwei Jahren mit Putin telefoniert': 'seit' after 'erstmals' counts
    the stretch since the last such act, not when this one was."""
    before = article.tokens_before(time.start, 1)
    return (
        time.text.lower().startswith(tuple(language.since_prepositions))
        and bool(before)
        and before[0].text.lower() in language.first_time_adverbs
    )


def is_likeness(article: Article, time: TimeExpression, language: Language) -> bool:
    """'Wie schon 2017 griffen Rebellen den Stützpunkt an', 'wie bereits im Mai', 'wie am Montag bekannt wurde': a
    time after 'wie' (and an adverb) names another time, one like the event's or when it became known."""
    before = article.tokens_before(time.start, 2)
    words = [token.text.lower() for token in before]
    return bool(words) and (
        words[-1] in language.likeness_conjunctions
        or (len(words) == 2 and words[0] in language.likeness_conjunctions and before[1].pos == "ADV")
    )


def is_superlative(token: Token, language: Language) -> bool:
    """'hochrangigste', 'schwersten', 'größte' (the lemma lacks the -st-), and 'erste', 'meisten'."""
    if token.pos not in ("ADJA", "PIAT"):
        return False
    lemma = token.lemma.lower()
    return lemma in language.superlative_lemmas or (
        SUPERLATIVE_ENDING.search(token.text.lower()) is not None and not lemma.endswith("st")
    )


def counted_periods(time: TimeExpression) -> TimeExpression:
    """A day counted back in months or years, whose TIMEX3 names only the month or the year: 'vor drei
    Monaten' is known to a week (months are 28 to 31 days long), the counted day and three days either
    side; 'vor zwei Jahren' names the year, as 'im Jahr 2021' would (both the gold's reading)."""
    if time.first_day != time.last_day:
        return time
    values = [timex.value for timex in time.timexes]
    if any(MONTH_VALUE.fullmatch(value) for value in values):
        first, last = time.first_day - MONTH_SLACK, time.first_day + MONTH_SLACK
    elif any(YEAR_VALUE.fullmatch(value) for value in values):
        first, last = date(time.first_day.year, 1, 1), date(time.first_day.year, 12, 31)
    else:
        return time
    return TimeExpression(time.start, time.end, time.text, first, last, time.timexes)


def durations(article: Article, value: re.Pattern[str]) -> Iterator[tuple[Timex, re.Match[str]]]:
    """The article's DURATION TIMEX3s whose value matches `value` ("P3D", "PXW", "PT24H"), with the match."""
    for timex in article.timexes:
        match = value.fullmatch(timex.value) if timex.type == "DURATION" else None
        if match is not None:
            yield timex, match


def vague_windows(article: Article, language: Language) -> list[TimeExpression]:
    """'in den vergangenen Wochen' (TIMEX3 PXW): the four weeks before the reference day; 'in den
    kommenden Tagen' the seven days after it; 'seit Wochen' the four weeks up to it, that day included
    (as 'seit' before a date runs up to the report)."""
    day = article.reference_date
    directions = load_vocabulary(language.code).relative_words
    found = []
    for timex, match in durations(article, VAGUE_DURATION) if day is not None else ():
        words = timex.text.lower().split()[:2]  # the TIMEX3 span may open with its article: "den vergangenen"
        direction = next((directions[word] for word in words if word in directions), None)
        before = article.tokens_before(timex.start, 1)
        since = bool(before) and before[0].text.lower() in language.since_prepositions
        unit, count = VAGUE_SPANS[match[1]]
        if direction == -1:
            first, last, start = shift(day, -count, unit), day - timedelta(days=1), timex.start
        elif direction == 1:
            first, last, start = day + timedelta(days=1), shift(day, count, unit), timex.start
        elif since and direction is None:
            first, last, start = shift(day, -count, unit), day, before[0].start
        else:
            continue
        found.append(TimeExpression(start, timex.end, article.text[start : timex.end], first, last))
    return found


def measured_stretches(article: Article, language: Language) -> list[TimeExpression]:
    """'zwölf lange Tage wurde verhandelt', 'sechs Tage schwerer Gefechte': so many days or weeks measuring an
    act in a report are the stretch up to the reference day, that day included (the gold's reading). Not a
    duration after a preposition ('nach drei Tagen', 'für zwei Wochen'), inside another time ('seit zwei
    Wochen', 'binnen 14 Tagen'), as an adjective ('die zweitägige Konferenz'), counting from an act ('eine
    Woche nach dem Putsch'), nor one a future clause looks ahead to ('drei Tage lang soll die
    Feuerpause gelten'; but 'soll sechs Tage schwerer Gefechte beenden' measures the fighting that was)."""
    day = article.reference_date
    found = []
    for timex, match in durations(article, MEASURED_DURATION) if day is not None else ():
        if not timex.text.split()[-1][0].isupper() or not is_measure(article, timex, language):
            continue
        days = int(match[1]) * (7 if match[2] == "W" else 1)
        found.append(TimeExpression(timex.start, timex.end, timex.text, day - timedelta(days=days - 1), day, (timex,)))
    return found


def hour_stretches(article: Article, language: Language) -> list[TimeExpression]:
    """'Innerhalb von 24 Stunden wurden 40 Angriffe gezählt', 'in den vergangenen 48 Stunden': in a past clause,
    so many hours counted back from the report reach into the days before it; the stretch runs from the
    earliest of them up to the reference day (the gold's reading: 24 hours are that day and the one before).
    Not hours ahead ('binnen 72 Stunden müsse er das Land verlassen')."""
    day = article.reference_date
    directions = load_vocabulary(language.code).relative_words
    found = []
    for timex, match in durations(article, HOURS) if day is not None else ():
        before = [token.text.lower() for token in article.tokens_before(timex.start, 2)]
        words = timex.text.lower().split()[:2]
        counted_back = bool(set(before) & language.within_prepositions) or any(directions.get(w) == -1 for w in words)
        if not counted_back or tense_at(article, timex.start, language) != Tense.PAST:
            continue
        days = -(-int(match[1]) // 24)  # 24 hours reach one day back, 25 two
        found.append(TimeExpression(timex.start, timex.end, timex.text, day - timedelta(days=days), day, (timex,)))
    return found


def tense_at(article: Article, offset: int, language: Language) -> Tense | None:
    """The tense of the clause that holds character `offset` (temporal/tense.py `clause_tense`)."""
    sentence = sentence_at(article, offset)
    if sentence is None:
        return None
    tokens = article.sentence_tokens(sentence)
    clause = article.clause_at(offset)
    words = [article.tokens[i] for i in clause.tokens] if clause is not None else tokens
    return clause_tense(words, tokens, load_vocabulary(language.code), language)


def is_measure(article: Article, timex: Timex, language: Language) -> bool:
    """Does the duration measure an act that was (see `measured_stretches`)?"""
    before = article.tokens_before(timex.start, 1)
    if (before and is_preposition(before[0])) or any(t.start <= timex.start < t.end for t in article.times):
        return False
    after = next(iter(article.tokens_after(timex.end, 1)), None)
    if after is not None and after.pos == "APPR" and after.text.lower() in language.circumstance_openers:
        return False
    if after is not None and after.pos in ("ADJA", "NN"):
        return True  # "sechs Tage schwerer Gefechte": the stretch of an act named
    sentence = sentence_at(article, timex.start)
    tokens = article.sentence_tokens(sentence) if sentence is not None else []
    return not tokens or tense_of(tokens, load_vocabulary(language.code), language) != Tense.FUTURE


def since_times(article: Article, times: list[TimeExpression], cues: Cues) -> list[TimeExpression]:
    """'Vor zwei Jahren putschte das Militär. Seither werden Gegner unterdrückt': from the start of the
    last time named before the adverb in its paragraph up to the reference day."""
    day, tokens = article.reference_date, article.tokens
    found = []
    for index, token in enumerate(tokens):
        if day is None or token.pos not in ("ADV", "PROAV") or token.text.lower() not in cues.since_adverbs:
            continue
        opens_clause = index == 0 or tokens[index - 1].pos in ("$,", "$.")
        if opens_clause and index + 1 < len(tokens) and not is_verb(tokens[index + 1]):
            continue  # "seitdem er regiert": the subordinator (the adverb stands right before the verb)
        block = article.blocks[block_of(article, token.start)]
        earlier = [t for t in times if block.start <= t.start and t.end <= token.start]
        if earlier and (start := period_start(earlier[-1])) <= day:
            found.append(TimeExpression(token.start, token.end, token.text, start, day))
    return found


def since_acts(
    events: list[Event], article: Article, lexicon: TriggerLexicon, language: Language
) -> list[TimeExpression]:
    """'Im Februar hatte die Armee die Regierung gestürzt. Seit dem Putsch gab es landesweit Proteste': 'seit'
    before an act named without a time runs from the time the article gives that act elsewhere up to the
    reference day. The act is an event of a type the noun names, dated by its own clause: the last one before
    the phrase, else the first after it. Not the stretch of a comparison ('die größten Proteste seit dem
    Putsch')."""
    day = article.reference_date
    tokens = article.tokens
    found = []
    for index, token in enumerate(tokens):
        if day is None or token.pos != "APPR" or token.text.lower() not in language.since_prepositions:
            continue
        phrase = act_phrase(article, index, language)
        nouns = [token for token in phrase if token.pos in language.noun_tags]
        types = {entry.type for noun in nouns for entry in noun_senses(noun, lexicon)}
        if not types:
            continue
        start, end = token.start, phrase[-1].end
        dated = [
            e
            for e in events
            if e.type in types and e.time is not None and e.time.last_day < day and not start <= e.time.start < end
        ]
        before = [e for e in dated if e.evidence[0].start < start]
        act = before[-1] if before else next((e for e in dated if e.evidence[0].start >= end), None)
        stretch = TimeExpression(start, end, article.text[start:end], act.time.first_day, day) if act else None
        if stretch is not None and not is_comparison_span(article, stretch, language):
            found.append(stretch)
    return found


def act_phrase(article: Article, index: int, language: Language) -> list[Token]:
    """The noun phrase after the preposition at token `index` with its genitives ('dem Putsch', 'der
    Machtübernahme des Militärs'); empty when a time stands in it or closes it ('seit dem Putsch im Mai')."""
    phrase = []
    for token in article.tokens[index + 1 : index + 1 + NOUN_PHRASE_REACH]:
        if any(time.start <= token.start < time.end for time in article.times):
            return []
        if not (token.pos in language.left_modifier_tags or token.pos in language.noun_tags or token.pos == "NE"):
            break
        phrase.append(token)
    return phrase


def then_times(article: Article, times: list[TimeExpression], cues: Cues, language: Language) -> list[TimeExpression]:
    """'Im Herbst 2020 eroberte Aserbaidschan die Region. ¶ Russland hatte damals Truppen entsandt': 'damals'
    names the period of the last time before it in the article that is not ahead of the report; after 'seit'
    that time's own period ('Die Schweiz vertritt seit 1980 die USA. Damals brachen die USA ...' = 1980)."""
    day = article.reference_date
    found = []
    for token in article.tokens:
        if day is None or token.pos != "ADV" or token.text.lower() not in cues.then_adverbs:
            continue
        earlier = sorted((t for t in times if t.end <= token.start and t.first_day <= day), key=lambda t: t.start)
        if earlier:
            first, last = named_period(pointed_time(article, earlier, language), language)
            found.append(TimeExpression(token.start, token.end, token.text, first, last))
    return found


def pointed_time(article: Article, earlier: list[TimeExpression], language: Language) -> TimeExpression:
    """The time 'damals' points back to: the last one named, but not one of a relative or 'nachdem' clause
    when its sentence's main clause names one ('Im Herbst 2020 eroberte Aserbaidschan das Gebiet, das seit
    den neunziger Jahren Armenien hielt. Russland vermittelte damals' = autumn 2020)."""
    last = earlier[-1]
    if not in_aside(article, last, language):
        return last
    sentence = article.sentence_index(last.start)
    main = [t for t in earlier if article.sentence_index(t.start) == sentence and not in_aside(article, t, language)]
    return main[-1] if main else last


def named_period(time: TimeExpression, language: Language) -> tuple[date, date]:
    """The period a time names: its interval, or after 'seit' the period of its TIMEX3 ('seit 1980': 1980)."""
    opener = time.text.split(maxsplit=1)[0].lower() if time.text else ""
    named = [timex for timex in time.timexes if timex.first_day and timex.last_day]
    if opener in language.since_prepositions and named:
        return named[0].first_day, named[0].last_day
    return time.first_day, time.last_day


def period_start(time: TimeExpression) -> date:
    """Where the period a time names begins: 'vor zwei Jahren' names a year (its TIMEX3 value), 'am
    8. August' a day."""
    return min([timex.first_day for timex in time.timexes if timex.first_day] + [time.first_day])


def report_days(article: Article, cues: Cues) -> list[TimeExpression]:
    """'nun', 'derzeit', 'unterdessen' as adverbs: the article's reference day (dateline, else publication)."""
    day = article.reference_date
    if day is None:
        return []
    tokens = article.tokens
    return [
        TimeExpression(token.start, token.end, token.text, day, day)
        for index, token in enumerate(tokens)
        if token.pos in ("ADV", "ADJD")
        and token.text.lower() in cues.now_adverbs
        and not (index and tokens[index - 1].pos in ("ART", "APPRART"))  # "den derzeit 5000 Soldaten": the noun's
    ]


def clause_names_time(article: Article, time: TimeExpression, times: list[TimeExpression]) -> bool:
    """Whether the clause of `time` names another of `times`. 'In Belgrad demonstrieren nun schon seit Wochen
    Tausende': with it the clause says when its act happens; 'nun', 'derzeit' only add that it still goes on,
    as 'erstmals seit zwei Jahren' says how long it had not happened."""
    clause = article.clause_at(time.start)  # a clause's tokens lie in its sentence
    return clause is not None and any(
        t.start != time.start and article.token_index(t.start) in clause.tokens for t in times
    )


def time_of_mention(
    hit: TriggerHit,
    clause_hits: list[TriggerHit],
    clauses: list[Clause],
    index: int,
    article: Article,
    times: list[TimeExpression],
    sentence_span: tuple[int, int],
    language: Language,
    protester_nouns: frozenset[str] = frozenset(),
) -> TimeExpression | None:
    """The time of the trigger's clause nearest to the trigger, else of a clause governing it, else of
    the sentence. An act named as the circumstance of another ("nach den Luftangriffen attackierten am
    Dienstag Demonstranten", "die vereinbarte Waffenruhe trat um Mitternacht in Kraft") lies before or
    after the clause's time: it takes none of the sentence's times, only one closing its own phrase
    (`phrase_time`: "seit dem Besuch in Kiew im April 2022")."""
    if hit.attributive:
        return attribute_time(article, hit.token, times, language)
    if (dated := noun_date(article, hit.token, language)) is not None:
        return dated
    if is_circumstance(article, hit.token, language):
        dated = phrase_time(article, hit.token, times, language) or counted_back_to(article, hit.token, language)
        # 'Seit dem Putsch im Februar hat die Armee Tausende festgenommen': the clause's acts run from the noun's
        # time on (`since_phrase` made it a stretch); dated, a coup would be one event with arrests of its type
        stretched = dated is not None and dated not in times
        same_kind = any(other.entry.type == hit.entry.type for other in clause_hits if other is not hit)
        return None if stretched and same_kind else dated
    if reacted_to(hit, clause_hits, article) or protesters_of_other_act(hit, clause_hits, article, protester_nouns):
        return phrase_time(article, hit.token, times, language) or relative_on_act(
            hit.token, clauses, index, article, times, language
        )
    clause = clauses[index]
    trigger = (article.tokens[hit.token].start, article.tokens[hit.token].end)
    span = clause_span(clause, article)
    # the clause's own times, not those of a relative clause inside it ("haben sich am Montag nach dem Streit, der
    # seit 2005 andauert, geeinigt")
    own = [t for t in times if span[0] <= t.start < span[1] and article.token_index(t.start) in clause.tokens]
    time = time_in(span, own, trigger) or relative_on_act(hit.token, clauses, index, article, times, language)
    if time is not None and is_verb(article.tokens[hit.token]) and dates_part(article, time, language):
        # "Im Oktober hob die Regierung die 2017 verhängten Sanktionen auf": the attribute's time dates its deed
        # (and the noun it qualifies: "die 2017 verhängten Sanktionen" are of 2017), not the clause's verb
        time = time_in(span, [t for t in own if not dates_part(article, t, language)], trigger) or time
    if time or (time := time_of_governing(clauses, index, article, times)):
        return time
    if (named := time_before_when_clause(clauses, index, article, times, language)) is not None:
        return named
    inside = aside_around(clauses, index, language)
    if inside:
        return time_in(clause_span(inside, article), times) or period_around(clauses, inside, article, times)
    aside = [
        clause_span(c, article)
        for c in clauses
        if c is not clause and (is_aside(c, language) or is_complement(c, index))
    ]
    return time_in(sentence_span, [t for t in times if not any(start <= t.start < end for start, end in aside)])


def relative_on_act(
    index: int,
    clauses: list[Clause],
    clause_index: int,
    article: Article,
    times: list[TimeExpression],
    language: Language,
) -> TimeExpression | None:
    """'den Angriff, den Unbekannte am Sonntag verübt hatten', 'die Proteste, die seit Wochen andauern', 'der
    Anschlag, bei dem am Montag drei Menschen starben': a relative clause right after an act noun (token `index`)
    that tells the act happened (a verb of occurrence) or what happened during it ('bei dem') names the act's time.
    Not one telling another act done to it ('den Angriff, den Paris am Montag verurteilte')."""
    tokens = article.tokens
    if is_verb(tokens[index]):
        return None
    for clause in clauses:
        if clause.kind != ClauseKind.RELATIVE or clause.parent != clause_index or clause.first <= index:
            continue
        if any(
            not (token.pos.startswith("$") or is_particle(tokens, i))
            for i, token in enumerate(tokens)
            if index < i < clause.first
        ):
            return None  # the relative clause describes another noun ("der Angriff auf die Botschaft, die ...")
        words = [tokens[i] for i in clause.tokens]
        during = words[0].text.lower() in language.during_prepositions
        if during or any(is_verb(word) and word.lemma in language.occurrence_verbs for word in words):
            own = [t for t in times if article.token_index(t.start) in clause.tokens]
            return time_in(clause_span(clause, article), own)
        return None
    return None


def is_particle(tokens: list[Token], index: int) -> bool:
    """A verb's particle closing the clause ("löste die Demonstration auf, die ..."), tagged as one or as a
    preposition before the comma."""
    token = tokens[index]
    return token.pos == "PTKVZ" or (token.pos == "APPR" and index + 1 < len(tokens) and tokens[index + 1].pos == "$,")


REACTION_TYPES = {"ACCUSE", "REJECT", "SUPPORT"}  # verbs that react to an act told before: condemn, reject, praise


def reacted_to(hit: TriggerHit, clause_hits: list[TriggerHit], article: Article) -> bool:
    """'Peking wies die Vorwürfe am Mittwoch zurück', 'Paris verurteilte am Montag den Angriff': an act named by a
    noun beside a verb that reacts to it happened before the reaction; the clause's time is the reaction's."""
    if is_verb(article.tokens[hit.token]):
        return False
    reactions = (other for other in clause_hits if other.entry.type in REACTION_TYPES - {hit.entry.type})
    return any(is_verb(article.tokens[other.token]) for other in reactions)


def protesters_of_other_act(
    hit: TriggerHit, clause_hits: list[TriggerHit], article: Article, protester_nouns: frozenset[str]
) -> bool:
    """'Am Wochenende schossen Sicherheitskräfte auf Demonstranten': a protest named by its people beside the verb
    of another act done to them; the clause's time is that act's, not the protest's (the protest itself, "Proteste
    werden derzeit unterdrückt", keeps it)."""
    if hit.entry.type != "PROTEST" or article.tokens[hit.token].lemma not in protester_nouns:
        return False
    return any(other.entry.type != "PROTEST" and is_verb(article.tokens[other.token]) for other in clause_hits)


def time_before_when_clause(
    clauses: list[Clause], index: int, article: Article, times: list[TimeExpression], language: Language
) -> TimeExpression | None:
    """'Die Beziehungen sind seit dem Sommer 2024 angespannt, als Paris den Plan unterstützte': an 'als'
    clause after the clause that governs it tells what happened in the period of that clause's last time
    (the summer), not in the stretch since."""
    clause = clauses[index]
    if clause.kind != ClauseKind.SUBORDINATE or clause.opener not in language.when_openers or clause.parent is None:
        return None
    start = article.tokens[clause.first].start
    governing = clause_span(clauses[clause.parent], article)
    before = [t for t in times if governing[0] <= t.start and t.end <= min(start, governing[1])]
    if not before:
        return None
    first, last = named_period(before[-1], language)
    return TimeExpression(before[-1].start, before[-1].end, before[-1].text, first, last, before[-1].timexes)


def is_complement(clause: Clause, index: int) -> bool:
    """A zu-infinitive governed by the trigger's clause names an act of its own ('Rubio warf China vor, am
    3. Februar ein Flugzeug bedrängt zu haben', 'forderte sie auf, bis zum 29. April auszureisen'): its time
    is that act's, not the accusation's or the demand's."""
    return clause.kind == ClauseKind.INFINITIVE and clause.parent == index


def attribute_time(
    article: Article, index: int, times: list[TimeExpression], language: Language
) -> TimeExpression | None:
    """'der im Vorjahr festgenommene Journalist', 'die seit 2014 von Russland besetzte Krim': a time between
    the determiner and the participle at token `index` dates the participle's act (as its tense,
    temporal/tense.py `attribute_tense`); a time of the clause does not ('der festgenommene Journalist kam
    am Montag frei')."""
    tokens = article.tokens
    for cursor in range(index - 1, max(-1, index - 1 - ATTRIBUTE_REACH), -1):
        token = tokens[cursor]
        time = next((t for t in times if t.start < token.end <= t.end), None)
        if time is not None:
            before = article.tokens_before(time.start, 1)
            if not before or before[0].pos not in language.attribute_determiner_tags:
                return None
            return deed_start(article, time, language)
        if token.pos not in language.attribute_gap_tags:
            return None
    return None


def deed_start(article: Article, time: TimeExpression, language: Language) -> TimeExpression:
    """'der seit 1999 inhaftierte PKK-Gründer': in the attribute of a deed done, 'seit' names when the deed was
    (1999), its state lasting since; 'die seit Montag kämpfenden Rebellen' (no deed) fight all the stretch."""
    if time.text.split(maxsplit=1)[0].lower() not in language.since_prepositions or not dates_deed(
        article, time, language
    ):
        return time
    first, last = named_period(time, language)
    return TimeExpression(time.start, time.end, time.text, first, last, time.timexes)


def period_around(
    clauses: list[Clause], inside: Clause, article: Article, times: list[TimeExpression]
) -> TimeExpression | None:
    """'Kiew hatte 2022 die Beziehungen herabgestuft, nachdem Russland iranische Drohnen eingesetzt hatte': an
    undated 'nachdem' or 'weil' clause tells of an act in the month, season or year its governing clause names
    (before a day named there it may lie on any day, so a day dates nothing)."""
    if inside.kind != ClauseKind.SUBORDINATE or inside.parent is None:
        return None
    time = time_in(clause_span(clauses[inside.parent], article), times)
    return time if time is not None and time.last_day - time.first_day >= PERIOD else None


def dates_part(article: Article, time: TimeExpression, language: Language) -> bool:
    """A time in a participle attribute dates what the attribute tells ('die 2017 verhängten Sanktionen', 'den
    seit 2005 schwelenden Grenzstreit'), not the act of its clause's verb. (A time closing a phrase after 'nach'
    or 'seit', "Nach Verhandlungen seit 2005 einigten sich beide am Montag", was tried too: it lost a matched
    event of the validation part.)"""
    first, after = article.token_index(time.start), article.token_index(time.end - 1) + 1
    return attributive_participle(article.tokens, first, after, language) is not None


def dates_deed(article: Article, time: TimeExpression, language: Language) -> bool:
    """'die 2017 verhängten Sanktionen': a time between a determiner and the past participle of a deed done
    (temporal/tense.py `attribute_tense`)."""
    first, after = article.token_index(time.start), article.token_index(time.end - 1) + 1
    return attribute_tense(article.tokens, first, after, load_vocabulary(language.code), language) == Tense.PAST


def aside_around(clauses: list[Clause], index: int, language: Language) -> Clause | None:
    """The relative or 'nachdem' clause that holds clause `index` or governs it ('nachdem die Rebellen
    erklärt hatten, sie stimmten zu'): a time outside it dates the other act."""
    clause: Clause | None = clauses[index]
    while clause is not None:
        if is_aside(clause, language):
            return clause
        clause = clauses[clause.parent] if clause.parent is not None else None
    return None


def is_aside(clause: Clause, language: Language) -> bool:
    """A clause about something else: a relative clause describes its noun ('die UIC, die seit Juni die
    Stadt hält'), 'nachdem', 'bevor', 'weil' name another act ('nachdem die Rakete am 31. Mai abstürzte')."""
    return clause.kind == ClauseKind.RELATIVE or (
        clause.kind == ClauseKind.SUBORDINATE and clause.opener in language.circumstance_openers
    )


def clause_span(clause: Clause, article: Article) -> tuple[int, int]:
    return article.tokens[clause.first].start, article.tokens[clause.last].end


def is_circumstance(article: Article, index: int, language: Language) -> bool:
    """A noun after a preposition of time or cause, perhaps inside a genitive ("nach den Angriffen",
    "seit Beginn der Proteste", "wegen deren Reise"): an act before or after the one the clause reports.
    A preposition that opens a time governs the time ("seit 2013 Truppen stationiert")."""
    return circumstance_opener(article, index, language) is not None


def circumstance_opener(article: Article, index: int, language: Language) -> Token | None:
    """The preposition that makes the noun at token `index` a circumstance (`is_circumstance`), else None."""
    tokens = article.tokens
    if not tokens[index].pos.startswith("NN"):
        return None
    cursor = word_before(tokens, index, language)
    if cursor >= 0 and tokens[cursor].pos == "NN" and opens_genitive(tokens[cursor + 1], language):
        cursor = word_before(tokens, cursor, language)  # "nach Beginn der Angriffe": the head noun's preposition
    opener = tokens[cursor] if cursor >= 0 else None
    if (
        opener is not None
        and is_preposition(opener)
        and opener.text.lower() in language.circumstance_openers
        and not any(time.start == opener.start for time in article.times)
    ):
        return opener
    return None


def counted_back_to(article: Article, index: int, language: Language) -> TimeExpression | None:
    """'Einen Tag nach Beginn der Angriffe trat eine Waffenruhe in Kraft', 'zwei Wochen nach dem Putsch': so many
    days or weeks before 'nach' count back from the clause's time, the report's day when the sentence names none
    outside the count, to the day of the act the noun names."""
    opener = circumstance_opener(article, index, language)
    day = article.reference_date
    if opener is None or day is None or opener.text.lower() != AFTER_PREPOSITION:
        return None
    found = next((pair for pair in durations(article, MEASURED_DURATION) if 0 <= opener.start - pair[0].end <= 1), None)
    sentence = sentence_at(article, opener.start)
    if found is None or sentence is None:
        return None
    timex, match = found
    named = [
        t for t in article.times if sentence.start <= t.start < sentence.end and not t.start <= timex.start < t.end
    ]
    if len(named) > 1 or (named and named[0].first_day != named[0].last_day):
        return None  # no one day the count can start from ("im Mai", two dates)
    anchor = named[0].first_day if named else day
    act = anchor - timedelta(days=int(match[1]) * (7 if match[2] == "W" else 1))
    return TimeExpression(timex.start, timex.end, timex.text, act, act, (timex,))


def opens_genitive(token: Token, language: Language) -> bool:
    """'der' in "Beginn der Angriffe", a strong adjective of a plural without article in "Beginn schwerer
    Angriffe"; not 'die' in "vor einem Monat die Beziehungen abgebrochen"."""
    if token.pos == "ADJA":
        return token.text.endswith(STRONG_GENITIVE_ENDING)
    return token.pos == "ART" and f"{token.text.lower()} " in language.genitive_openers


def word_before(tokens: list[Token], index: int, language: Language) -> int:
    """The index of the word before a noun's articles, adjectives and numbers (-1 at the start)."""
    cursor = index - 1
    while cursor >= 0 and tokens[cursor].pos in language.content_gap_tags:
        cursor -= 1
    return cursor


def time_of_governing(
    clauses: list[Clause], index: int, article: Article, times: list[TimeExpression]
) -> TimeExpression | None:
    clause = clauses[index]
    while clause.parent is not None and clause.kind == ClauseKind.INFINITIVE:
        clause = clauses[clause.parent]
        found = time_in((article.tokens[clause.first].start, article.tokens[clause.last].end), times)
        if found:
            return found
    return None


def own_time(
    time: TimeExpression | None, modality: str, article: Article, cues: Cues, sentence_times: list[TimeExpression]
) -> TimeExpression | None:
    """The time of a mention once its modality is known. For an event still to come, 'nun' dates the
    plan ('Russland will nun Panzer liefern': no time), and so does a day gone by when the sentence names
    one still to come ('Am Montag sagte Portugal die Lieferung bis Ende März zu': the promise was on
    Monday, the delivery is due by March). 'bis' before a time ahead names a deadline: 'Bis Ende Januar
    sollen 100 Soldaten abziehen' is any day from the report up to the end of January."""
    day = article.reference_date
    if time is None or day is None:
        return time
    if modality in ("planned", "possible"):
        if is_report_day(time, cues):
            return None
        if time.last_day <= day:
            time = next((t for t in sentence_times if t.last_day > day), time)
    if is_deadline(time, article, cues) and day < time.first_day:
        return TimeExpression(time.start, time.end, time.text, day, time.last_day, time.timexes)
    return time


def is_deadline(time: TimeExpression, article: Article, cues: Cues) -> bool:
    """'bis Ende März', „bis Ende März“, 'bis spätestens Freitag', 'bis zum 29. April' (a fused article after
    the deadline word)."""
    before = [token for token in article.tokens_before(time.start, 3) if token.pos != "$("]
    if before and before[-1].pos == "APPRART":
        before = before[:-1]
    return bool(before) and before[-1].text.lower() in cues.deadline_words


def is_report_day(time: TimeExpression | None, cues: Cues) -> bool:
    return time is not None and time.text.lower() in cues.now_adverbs


def names_no_time(event: Event, article: Article, times: list[TimeExpression], language: Language) -> bool:
    """An undated event whose sentence names a time is the circumstance of another act ("nach den
    Luftangriffen attackierten am Dienstag Demonstranten"): no time of the paragraph is its own either.
    A time in a relative or 'nachdem' clause is that clause's ("begrüßten die Miliz, die seit Juni die
    Stadt hält") and leaves the event free to take one; so is a time in a zu-infinitive another clause governs
    ("Rubio warf China vor, am 3. Februar ein Flugzeug bedrängt zu haben": the act accused of)."""
    evidence = event.evidence[0]
    # the span test first: only the few times inside the evidence need their clause looked up
    inside = (t for t in times if evidence.start <= t.start < evidence.end)
    return not any(not (in_aside(article, t, language) or in_complement(article, t)) for t in inside)


def in_complement(article: Article, time: TimeExpression) -> bool:
    """Whether the time stands in a zu-infinitive governed by another clause of its sentence."""
    clause = article.clause_at(time.start)
    return clause is not None and clause.kind == ClauseKind.INFINITIVE and clause.parent is not None


def in_aside(article: Article, time: TimeExpression, language: Language) -> bool:
    """Whether the time stands in a relative, 'nachdem' or 'weil' clause (`is_aside`)."""
    sentence = sentence_at(article, time.start)
    if sentence is None:
        return False
    clauses = article.clauses_of(sentence).clauses
    return any(
        start <= time.start < end for start, end in (clause_span(c, article) for c in clauses if is_aside(c, language))
    )


def told_as_earlier(event: Event, article: Article, cues: Cues) -> bool:
    """'Die Miliz hatte zuvor Raketen abgefeuert': the sentence places its act before the time just named,
    on no day the paragraph names."""
    evidence = event.evidence[0]
    sentence = sentence_at(article, evidence.start)
    tokens = article.sentence_tokens(sentence) if sentence is not None else []
    return any(token.pos == "ADV" and token.text.lower() in cues.before_adverbs for token in tokens)


def present_report(event: Event, article: Article, language: Language) -> TimeExpression | None:
    """'China wirft den USA vor, ...', 'Kenias Präsident macht Kriminelle verantwortlich': a sentence in
    the present tense throughout (no past or future verb, not even a reporting one) tells what happens
    at the time of the report, its reference day (dateline, else publication); in a caption that states a
    full date, that day. The time's text is the
    finite verb that says so."""
    day, evidence = article.reference_date, event.evidence[0]
    sentence = sentence_at(article, evidence.start)
    if day is None or sentence is None:
        return None
    tokens = article.sentence_tokens(sentence)
    if tense_of(tokens, load_vocabulary(language.code), language) != Tense.PRESENT:
        return None
    block = article.blocks[sentence.block]
    if block.kind == BlockKind.CAPTION and (stated := find_full_date(article.text[block.start : block.end])):
        day = stated[1]  # a caption tells what its photo shows, on the day it states ("Foto vom 30. Juli 2023")
    verb = next(token for token in tokens if token.pos.endswith("FIN"))  # present: there is one
    return TimeExpression(verb.start, verb.end, verb.text, day, day)


def told_next(event: Event, article: Article, times: list[TimeExpression]) -> TimeExpression | None:
    """'Die Schweiz übernimmt die Sanktionen. Das hat der Bundesrat am Mittwoch entschieden': a sentence
    that opens with a demonstrative pronoun standing for the one before ('Das', 'Dies') and names a time that
    begins by the reference day (a day, a weekend, 'in dieser Woche') dates the act of that sentence (any mention
    of the event)."""
    day = article.reference_date
    for evidence in event.evidence if day is not None else []:
        index = article.sentence_index(evidence.start)
        if index < 0 or index + 1 >= len(article.sentences):
            continue
        following = article.sentences[index + 1]
        tokens = article.sentence_tokens(following)
        if (
            block_of(article, following.start) != block_of(article, evidence.start)
            or not tokens
            or tokens[0].pos != "PDS"
        ):
            continue
        inside = [t for t in times if following.start <= t.start < following.end]
        if found := next((t for t in inside if t.first_day <= day and t.last_day <= day + NEWS_WEEK), None):
            return found
    return None


def day_heading(event: Event, article: Article) -> TimeExpression | None:
    """'Mittwoch, 15. Mai ¶ Paris verhängt den Ausnahmezustand': the entries of a chronology told by day happen on
    the day of the heading above them (temporal/stage.py `day_headings`)."""
    return next((t for t in reversed(day_headings(article)) if t.end <= event.evidence[0].start), None)


def planned_time(
    event: Event, article: Article, times: list[TimeExpression], cues: Cues, language: Language
) -> TimeExpression | None:
    """'Berlin will Schützenpanzer an die Ukraine liefern. Angepeilt wird das erste Quartal', 'Japan sagte am
    Montag zu, Generatoren zu liefern. Die Lieferung soll im Mai erfolgen': a plan whose own clause names no time
    but 'nun' (the plan's making) is dated by the first time its paragraph names from it on that reaches past the
    reference day, when the plan is to happen; one dated by a day gone by (the promise), by the first such time
    after its sentence. A deadline ahead runs from the report. `times` leaves out the times of other events ('Am
    Freitag reist der Außenminister nach Kiew' is the visit's)."""
    day, evidence = article.reference_date, event.evidence[0]
    dated = [t for t in times if not is_report_day(t, cues)]
    if day is None:
        return None
    if event.time is not None:
        if event.time.last_day > day:
            return None
        sentence = sentence_at(article, evidence.start)
        begin = sentence.end if sentence is not None else evidence.end
    elif names_no_time(event, article, dated, language):
        begin = evidence.start
    else:
        return None
    block = article.blocks[block_of(article, evidence.start)]
    ahead = next((t for t in dated if begin <= t.start < block.end and t.last_day > day), None)
    return own_time(ahead, event.modality, article, cues, [])


def lead_report(event: Event, article: Article, cues: Cues, language: Language) -> TimeExpression | None:
    """'Mali hat den französischen Botschafter ausgewiesen. Die Militärregierung warf Paris Einmischung vor':
    news told in the perfect or preterite in the first paragraph, no time named in the article up to the end of
    its sentence, happened just before the report, on its reference day. Not an act in the pluperfect ('hatte
    ... abgezogen'), the background of the news, nor one told as a stretch ('Seitdem die Junta regiert, wurden
    Tausende verhaftet'), nor one the article only reports someone said ('Das Ministerium erklärte, man
    verurteile den Angriff': every clause must be in the past). The time's text is the sentence's first verb."""
    day, evidence = article.reference_date, event.evidence[0]
    sentence = sentence_at(article, evidence.start)
    lead = article.lead_block()
    if day is None or sentence is None or lead is None or sentence.block != lead:
        return None
    if any(time.start < sentence.end and not article.in_dateline(time.start) for time in article.times):
        return None  # a time named before ('Im Juli hatte die Armee ...') or in the sentence dates something
    tokens = article.sentence_tokens(sentence)
    vocabulary = load_vocabulary(language.code)
    clauses = [[article.tokens[i] for i in c.tokens] for c in article.clauses_of(sentence).clauses]
    tenses = {
        clause_tense(clause, tokens, vocabulary, language) for clause in clauses if any(is_verb(t) for t in clause)
    }
    if tenses != {Tense.PAST}:
        return None
    stretch_or_background = language.pluperfect_auxiliaries | language.since_prepositions | cues.since_adverbs
    if any(token.text.lower() in stretch_or_background for token in tokens):
        return None
    verb = next(token for token in tokens if token.pos.startswith("V"))
    return TimeExpression(verb.start, verb.end, verb.text, day, day)


def is_ahead(time: TimeExpression, article: Article, cues: Cues) -> bool:
    """A time that dates plans, not what happened: one after the report's day or running on from it ("in
    den kommenden zwei Jahren", "binnen 14 Monaten"), or a deadline ("bis Ende März")."""
    day = article.reference_date
    return is_deadline(time, article, cues) or (day is not None and time.first_day >= day and time.last_day > day)


def news_day(
    article: Article, times: list[TimeExpression], kinds: set[BlockKind], language: Language
) -> TimeExpression | None:
    """The day of the news: the first time of the article's text (blocks of `kinds`) that names one day or
    one night ("in der Nacht zum Sonntag") of the week up to the reference day, outside relative and 'nachdem'
    clauses and the pluperfect, which tells what came before the news ("Nawalny war am Freitag gestorben").
    A report's lead says which day its news happened ("Russland wies am Samstag ... aus"); its other sentences
    go on about that day unless they name another."""
    day = article.reference_date
    if day is None:
        return None
    for time in times:
        kind = article.blocks[block_of(article, time.start)].kind
        one_day = time.last_day - time.first_day <= NIGHT and day - NEWS_WEEK <= time.first_day and time.last_day <= day
        told_apart = in_aside(article, time, language) or in_background(article, time, language)
        if kind in kinds and one_day and not told_apart:
            return time
    return None


def in_background(article: Article, time: TimeExpression, language: Language) -> bool:
    """Whether the time stands in a clause in the pluperfect (temporal/tense.py `in_pluperfect`)."""
    sentence = sentence_at(article, time.start)
    return sentence is not None and in_pluperfect(article, sentence, time.start, language)


def sentence_at(article: Article, offset: int) -> Sentence | None:
    """The sentence that holds character `offset` (None outside every sentence, as in a date line)."""
    index = article.sentence_index(offset)
    return article.sentences[index] if index >= 0 and offset < article.sentences[index].end else None


def block_of(article: Article, offset: int) -> int:
    return next((i for i, b in enumerate(article.blocks) if b.start <= offset < b.end), -1)
