"""The event trigger lexicon (data/de/triggers.tsv), the cue lexicon (data/de/cues.yaml), their
loader, and the table of event test cases (tests/data/event_cases.tsv)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from lagebild.entities.lexicon import countries_by_iso3
from lagebild.events.lexicon import (
    ALL_OF,
    CUE_CATEGORIES,
    PLOVER_TYPES,
    TRIGGER_COLUMNS,
    LexiconError,
    TriggerEntry,
    clause_keys,
    lemma_key,
    load_cues,
    load_triggers,
    parse_cues,
    parse_triggers,
)
from lagebild.events.triggers import best_sense

CASES = Path(__file__).resolve().parent / "data" / "event_cases.tsv"
MODALITIES = {"asserted", "planned", "possible", "negated"}
# Infinitives HanTa reads as inflected adjectives ("einigen" -> "einig") or as nominalised verbs ("aufbegehren" ->
# "Aufbegehren"); their finite forms are checked in PRETERITES or, where HanTa reads those as adjectives too
# ("begehrten ... auf"), in the type batteries (tests/data/*_battery.tsv) instead.
ADJECTIVE_LOOKALIKES = {
    "billigen", "einigen", "würdigen", "missbilligen", "erstürmen", "schlichten", "aufbegehren",
    "keilen",  # HanTa reads the infinitive as the noun Keil; "keilte gegen" is in the ACCUSE battery
}  # fmt: skip
# Separable verbs whose particle HanTa marks as doubtful (PTKVZ_DUBIUM) or does not split off.
SEPARABLE_BY_DECISION = {
    "durchgreifen": "durch",
    "durchführen": "durch",
    "aufmarschieren": "auf",
    "beipflichten": "bei",
    "beistehen": "bei",
    "beitreten": "bei",
    "einfrieren": "ein",
    "einmarschieren": "ein",
    "entgegenkommen": "entgegen",  # "kam den Forderungen entgegen"
    "beigeben": "bei",  # "gab klein bei"
    "durchlassen": "durch",  # "ließ die Konvois durch"
    "fallenlassen": "fallen",  # "ließ die Pläne fallen"
    "abkommandieren": "ab",  # "kommandierte Soldaten ab"
    "gegenüberstehen": "gegenüber",  # "stehen sich ... gegenüber"
    "lahmlegen": "lahm",  # "legten den Verkehr lahm"
    "übereinkommen": "überein",  # "kamen überein, ... zu"
    "umzingeln": None,  # HanTa reads a particle "umzin"
    "verbitten": None,  # HanTa reads a particle "ver"
}

# (3rd person preterite as written in a main clause, lexicon lemma): HanTa must give the lemma,
# or for a separable verb the base verb that the particle is joined to.
PRETERITES = [
    ("vereinbarten", "vereinbaren"), ("einigten", "einigen"), ("unterzeichnete", "unterzeichnen"),
    ("billigte", "billigen"), ("würdigte", "würdigen"), ("traf", "treffen"), ("trafen", "treffen"),
    ("erstürmten", "erstürmen"), ("schlichtete", "schlichten"),
    ("empfing", "empfangen"), ("besuchte", "besuchen"), ("reiste", "reisen"), ("verhandelten", "verhandeln"),
    ("telefonierte", "telefonieren"), ("lobte", "loben"), ("begrüßte", "begrüßen"), ("kritisierte", "kritisieren"),
    ("beschuldigten", "beschuldigen"), ("forderte", "fordern"), ("appellierte", "appellieren"), ("bat", "bitten"),
    ("drohte", "drohen"), ("lehnte", "ablehnen"), ("wies", "ausweisen"), ("wies", "zurückweisen"),
    ("nahm", "festnehmen"), ("nahmen", "teilnehmen"), ("schoss", "abschießen"), ("zog", "abziehen"),
    ("zogen", "zurückziehen"), ("warf", "vorwerfen"), ("rief", "aufrufen"), ("berief", "einberufen"),
    ("kam", "zusammenkommen"), ("ließ", "freilassen"), ("stimmte", "zustimmen"), ("griff", "angreifen"),
    ("griff", "durchgreifen"), ("marschierten", "einmarschieren"), ("verhaftete", "verhaften"),
    ("beschoss", "beschießen"), ("bombardierte", "bombardieren"), ("tötete", "töten"), ("lieferte", "liefern"),
    ("verlegte", "verlegen"), ("mobilisierte", "mobilisieren"), ("entsandte", "entsenden"),
    ("sanktionierte", "sanktionieren"), ("demonstrierten", "demonstrieren"), ("streikten", "streiken"),
    ("verurteilte", "verurteilen"), ("dementierte", "dementieren"), ("bestritt", "bestreiten"),
    ("feuerte", "abfeuern"), ("erkannte", "anerkennen"), ("sagte", "zusagen"), ("bot", "anbieten"),
    ("brach", "abbrechen"), ("fror", "einfrieren"), ("kündigte", "kündigen"), ("trat", "austreten"),
    ("gewährte", "gewähren"), ("half", "helfen"), ("kooperierten", "kooperieren"), ("ermordeten", "ermorden"),
    ("entführten", "entführen"), ("eroberten", "erobern"), ("stürmten", "stürmen"), ("testete", "testen"),
    ("stationierte", "stationieren"), ("ermittelte", "ermitteln"), ("verklagte", "verklagen"),
    ("beschlagnahmte", "beschlagnahmen"), ("verbot", "verbieten"), ("zensierte", "zensieren"),
    ("schob", "abschieben"), ("unterdrückte", "unterdrücken"), ("kämpften", "kämpfen"),
]  # fmt: skip


@cache
def tagger():
    from HanTa import HanoverTagger

    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


def hanta_lemma(word: str) -> str:
    return tagger().analyze(word, taglevel=1)[0]


def leading_particle(word: str) -> tuple[str, str] | None:
    """HanTa's first morpheme when it is a verb particle: (particle, 'PTKVZ_SEP' or 'PTKVZ_DUBIUM')."""
    _, morphemes, _ = tagger().analyze(word, taglevel=3)
    first, tag = morphemes[0]
    return (first, tag) if tag.startswith("PTKVZ") else None


def expected_particle(verb: str) -> str | None:
    if verb in SEPARABLE_BY_DECISION:
        return SEPARABLE_BY_DECISION[verb]
    found = leading_particle(verb)
    return found[0] if found and found[1] == "PTKVZ_SEP" and len(verb) > len(found[0]) + 2 else None


@pytest.fixture(scope="module")
def lexicon():
    return load_triggers("de")


@pytest.fixture(scope="module")
def cues():
    return load_cues("de")


# ---------------------------------------------------------------- schema


def test_the_lexicon_is_large_and_covers_every_plover_type(lexicon):
    counts = Counter(entry.type for entry in lexicon.entries)
    assert len(lexicon.entries) >= 500
    assert set(counts) == PLOVER_TYPES
    thin = {kind: n for kind, n in counts.items() if n < 10}
    assert not thin, f"types with fewer than 10 rows: {thin}"


def test_every_type_has_verbs_and_nouns(lexicon):
    kinds = {(entry.type, entry.pos) for entry in lexicon.entries}
    for kind in PLOVER_TYPES:
        assert (kind, "V") in kinds and (kind, "N") in kinds, kind


def test_no_duplicate_senses(lexicon):
    keys = Counter((e.lemma, e.pos, e.verbs, e.requires) for e in lexicon.entries)
    assert [key for key, n in keys.items() if n > 1] == []


def test_separate_lemmas_do_not_collide_under_the_lookup_key(lexicon):
    by_key: dict[tuple[str, str], set[str]] = {}
    for entry in lexicon.entries:
        by_key.setdefault((entry.pos, lemma_key(entry.lemma)), set()).add(entry.lemma)
    assert {key: lemmas for key, lemmas in by_key.items() if len(lemmas) > 1} == {}


def test_reporting_verbs_are_not_triggers_without_an_event_word(lexicon):
    for verb in ("sagen", "berichten", "mitteilen", "melden", "erklären"):
        # a sense must name its event word ("erklärte sich solidarisch mit X")
        assert all(entry.requires for entry in lexicon.verbs(verb)), verb


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Angriff\tN\t\t\tATTACK\t\t\t\t\tobj\tsubj\t\tx", "unknown PLOVER type"),
        ("Angriff\tN\t\t\tASSAULT\t\t\t\t\tpp:unter\tsubj\t\tx", "bad target spec"),
        ("Angriff\tN\t\t\tASSAULT\t\t\t\t\tobjekt\tsubj\t\tx", "bad target spec"),
        ("Angriff\tN\t\t\tASSAULT\tvisit\t\t\t\tobj\tsubj\t\tx", "mode 'visit'"),
        ("Angriff\tN\t\t\tASSAULT\t\tmartial\t\t\tobj\tsubj\t\tx", "unknown context"),
        ("Angriff\tX\t\t\tASSAULT\t\t\t\t\tobj\tsubj\t\tx", "pos 'X'"),
        ("Angriff\tLVC\t\t\tASSAULT\t\t\t\t\tobj\tsubj\t\tx", "support verbs"),
        ("festnehmen\tV\tab\t\tCOERCE\t\t\t\t\tobj\tsubj\t\tx", "particle 'ab'"),
        ("Angriff\tN\t\t\tASSAULT\t\t\t\t\t\tsubj\t\tx", "empty target"),
        ("Angriff\tN\t\t\tASSAULT\t\t\t\t\tobj\tsubj\tja\tx", "symmetric"),
        ("Angriff\tN\t\tASSAULT\t\t\t\t\tobj\tsubj\t\tx", "cells"),
    ],
)
def test_bad_rows_are_refused_with_a_clear_error(row, message):
    text = "# comment\n" + "\t".join(TRIGGER_COLUMNS) + "\n" + row + "\n"
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_triggers(text, "test.tsv")


def test_a_good_row_is_read_with_typed_fields():
    row = "liefern\tV\t\t\tAID\tmilitary\tmilitary\tWaffe|Panzer\tGefecht\tdat|pp:an\tsubj\t\tdeliver"
    (entry,) = parse_triggers("\t".join(TRIGGER_COLUMNS) + "\n" + row + "\n").entries
    assert entry.requires == ("Waffe", "Panzer") and entry.target == ("dat", "pp:an")
    assert entry.mode == "military" and entry.symmetric is False and entry.particles == ()


def test_a_missing_column_is_refused():
    with pytest.raises(LexiconError, match="header lacks"):
        parse_triggers("lemma\tpos\ttype\nAngriff\tN\tASSAULT\n")


# ---------------------------------------------------------------- lemmas as HanTa gives them


@pytest.mark.parametrize(("preterite", "lemma"), PRETERITES)
def test_hanta_gives_the_lexicon_lemma_for_a_preterite(lexicon, preterite, lemma):
    (entry, *_) = lexicon.verbs(lemma)
    particle = entry.particle_of(lemma) or ""
    found = hanta_lemma(preterite)
    # HanTa takes some weak preterites for participle adjectives ("vereinbarten" -> "vereinbart")
    assert found == lemma.removeprefix(particle) or entry in lexicon.verbs_from_participle(found)


def test_verb_lemmas_are_hanta_infinitives(lexicon):
    lemmas = {e.lemma for e in lexicon.entries if e.pos == "V"} - ADJECTIVE_LOOKALIKES
    assert {lemma: hanta_lemma(lemma) for lemma in lemmas if hanta_lemma(lemma) != lemma} == {}


def test_noun_lemmas_are_hanta_lemmas(lexicon):
    nouns = {e.lemma for e in lexicon.entries if e.pos in ("N", "LVC")}
    wrong = {noun: hanta_lemma(noun) for noun in nouns if lemma_key(hanta_lemma(noun)) != lemma_key(noun)}
    assert wrong == {}


def test_support_verbs_are_hanta_lemmas(lexicon):
    verbs = lexicon.support_verbs()
    assert {verb: hanta_lemma(verb) for verb in verbs if hanta_lemma(verb) != verb} == {}


def test_particles_agree_with_hanta_morphology(lexicon):
    wrong = []
    for entry in lexicon.entries:
        verbs = (entry.lemma,) if entry.pos == "V" else entry.verbs
        for verb in verbs:
            if entry.particle_of(verb) != expected_particle(verb):
                wrong.append((entry.line, verb, entry.particle_of(verb), expected_particle(verb)))
    assert wrong == []


def test_context_words_are_lemmas_of_some_inflected_form(lexicon):
    words = {part for e in lexicon.entries for w in e.requires + e.excludes for part in w.split(ALL_OF)}
    wrong = [
        w
        for w in sorted(words)
        if not any(lemma_key(hanta_lemma(w + ending)) == lemma_key(w) for ending in ("", "e", "n", "en", "es"))
    ]
    assert wrong == []


# ---------------------------------------------------------------- lookups


def test_lookups(lexicon):
    assert [e.type for e in lexicon.verbs("festnehmen")] == ["COERCE"]
    assert {e.type for e in lexicon.nouns("Beschuß")} == {"ASSAULT"}  # HanTa's old spelling
    assert {e.type for e in lexicon.light_verbs("Sanktion", "verhängen")} == {"SANCTION"}
    assert {e.type for e in lexicon.light_verbs("Besuch", "abstatten")} == {"CONSULT"}
    assert lexicon.light_verbs("Besuch", "verhängen") == ()
    assert lexicon.verbs("spazieren") == ()


def test_separable_particles(lexicon):
    particles = lexicon.separable_particles()
    assert {"fest", "ab", "zusammen", "aus", "auf", "vor", "ein", "zurück", "frei"} <= particles
    assert "ver" not in particles and "be" not in particles


def test_participles_taken_for_adjectives_lead_back_to_verbs(lexicon):
    assert {e.type for e in lexicon.verbs_from_participle("verletzt")} == {"ASSAULT"}
    assert {e.type for e in lexicon.verbs_from_participle("vereinbart")} == {"AGREE"}
    assert lexicon.verbs_from_participle("rot") == ()
    assert lexicon.support_verb_from_participle("überquert") == "überqueren"
    assert lexicon.support_verb_from_participle("verletzt") is None  # no light-verb construction


def senses(lexicon, lemma: str, clause: list[str]) -> set[tuple[str, str | None]]:
    return {(e.type, e.mode) for e in lexicon.verbs(lemma) if e.fits(clause)}


def test_requires_and_excludes_choose_the_sense(lexicon):
    assert senses(lexicon, "liefern", ["Frankreich", "liefern", "Kampfpanzer"]) == {("AID", "military")}
    assert senses(lexicon, "liefern", ["Katar", "liefern", "Flüssiggas"]) == {("COOPERATE", "trade")}
    assert senses(lexicon, "liefern", ["Armee", "sich", "Gefecht", "liefern"]) == set()
    assert {e.type for e in lexicon.light_verbs("Gefecht", "liefern")} == {"ASSAULT"}
    assert senses(lexicon, "treffen", ["Minister", "treffen", "Amtskollege"]) == {("CONSULT", "meet")}
    assert senses(lexicon, "treffen", ["Rakete", "treffen", "Wohnhaus"]) == {("ASSAULT", "heavy-weapons")}
    assert senses(lexicon, "verurteilen", ["Gericht", "verurteilen", "Blogger", "Jahr", "Haft"]) == {
        ("COERCE", "convict")
    }


def test_words_joined_by_plus_must_all_occur(lexicon):
    def chosen(clause: list[str]) -> str:
        return best_sense(list(lexicon.verbs("schließen")), clause_keys(clause)).type

    assert chosen(["Algerien", "schließen", "Grenze", "zu", "Marokko"]) == "SANCTION"
    assert chosen(["Behörde", "schließen", "Grenze", "wegen", "Pandemie"]) == "COERCE"


def test_sense_matching_is_robust_to_spelling_and_compounds():
    entry = TriggerEntry(
        "x", "V", (), (), "ASSAULT", None, (), ("Beschuss",), ("All",), ("obj",), ("subj",), False, "", 1
    )
    assert entry.fits(["Artilleriebeschuß"])
    assert not entry.fits(["Artilleriebeschuß", "All"])
    assert entry.fits(["Artilleriebeschuß", "Ball"])  # short words match only whole lemmas


def test_a_compound_ends_in_a_word_of_its_own_kind():
    needs_bodies = TriggerEntry(
        "x", "V", (), (), "CONCEDE", None, (), ("Leiche",), ("brechen",), ("dat",), ("subj",), False, "", 1
    )
    assert needs_bodies.fits(["übergeben", "Soldatenleiche"])  # a noun ends a noun
    assert not needs_bodies.fits(["übergeben", "zugleich", "Dokument"])  # an adverb is no compound of the noun
    assert needs_bodies.fits(["Leiche", "Verbrechen"])  # the noun 'Verbrechen' does not end in the verb
    assert not needs_bodies.fits(["Leiche", "abbrechen"])  # a particle verb does
    assert not needs_bodies.fits(["Leiche", "Brechen"])  # a whole lemma matches whatever its case


# ---------------------------------------------------------------- cues


def test_cues_load_with_every_category(cues):
    assert set(cues.groups) == set(CUE_CATEGORIES)
    assert {"planen", "ankündigen", "beabsichtigen", "vorhaben", "vorsehen", "anpeilen", "wollen"} <= cues.planned_verbs
    assert {"geplant", "bevorstehend", "angekündigt", "vorgesehen"} <= cues.planned_adjectives
    assert {"könnte", "könnten", "würde", "würden", "dürfte", "dürften", "möge"} <= cues.possible_forms
    assert {"möglicherweise", "wahrscheinlich", "vermutlich", "eventuell", "womöglich"} <= cues.possible_adverbs
    assert {"erwägen", "prüfen", "nachdenken"} <= cues.possible_verbs
    assert ("in", "erwägung", "ziehen") in cues.possible_phrases
    assert ("nicht", "ausschließen") in cues.possible_phrases
    assert {"nicht", "kein", "keine", "keinen", "nie", "niemals", "weder"} <= cues.negation_words
    assert {"dementieren", "bestreiten", "zurückweisen", "ablehnen", "abgesagt"} <= cues.negating_verbs
    assert {"laut", "zufolge"} <= cues.attribution_prepositions
    assert ("unter", "berufung", "auf") in cues.reporting_phrases
    assert ("heißen", "es") in cues.reporting_phrases
    assert {"berichten", "sagen", "mitteilen", "erklären", "melden", "twittern"} <= cues.reporting_verbs
    assert {"Bericht", "Angabe", "Medienbericht"} <= cues.report_nouns
    assert {"Quelle", "Kreis"} <= cues.speaker_nouns
    assert {"sei", "seien", "habe", "werde"} <= cues.subjunctive_forms


def test_cues_are_disjoint_where_the_stage_needs_them_to_be(cues):
    assert not cues.reporting_verbs & cues.planned_verbs
    # warning is an ACCUSE event and also frames what is warned of ("warnte, dass X ... könnte")
    assert "warnen" in cues.reporting_verbs
    assert "können" not in cues.possible_verbs and "kann" not in cues.possible_forms
    assert not {"müssten", "sollte"} & cues.possible_forms  # demands and conditions, handled apart


def test_cue_lemmas_are_hanta_lemmas(cues):
    wrong = []
    for category, groups in cues.groups.items():
        for group in groups:
            words = set(group.lemmas) | {w for seq in group.sequences for w in seq if w != "*"}
            for word in words:
                if not any(lemma_key(hanta_lemma(word + e)) == lemma_key(word) for e in ("", "e", "n", "en", "es")):
                    wrong.append((category, group.name, word))
    assert wrong == []


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"planned": []}, "expected the categories"),
        ({c: [{"name": "a", "lemmas": ["x"]}] for c in CUE_CATEGORIES} | {"possible": []}, "non-empty list"),
        ({c: [{"name": "a", "lemmas": ["zwei Wörter"]}] for c in CUE_CATEGORIES}, "single words"),
        ({c: [{"name": "a", "sequences": [["*", "x"]]}] for c in CUE_CATEGORIES}, "gap"),
        ({c: [{"name": "a", "colour": ["x"]}] for c in CUE_CATEGORIES}, "unknown keys"),
        ({c: [{"name": "a"}] for c in CUE_CATEGORIES}, "has no lemmas"),
        ({c: [{"name": "a", "lemmas": ["x"]}] for c in CUE_CATEGORIES}, "lacks the groups"),
    ],
)
def test_bad_cue_files_are_refused(raw, message):
    with pytest.raises(LexiconError, match=re.escape(message)):
        parse_cues(raw, "test.yaml")


# ---------------------------------------------------------------- the table of event cases


@cache
def read_cases() -> list[dict[str, str]]:
    lines = [line for line in CASES.read_text("utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_case_table_schema():
    cases = read_cases()
    countries = set(countries_by_iso3())
    assert list(cases[0]) == ["sentence", "date", "type", "source", "target", "modality", "attributed", "note"]
    for case in cases:
        date.fromisoformat(case["date"])
        assert case["type"] in PLOVER_TYPES | {"NONE"}, case
        assert case["modality"] in MODALITIES, case
        assert case["attributed"] in ("yes", "no"), case
        for column in ("source", "target"):
            assert case[column] == "" or case[column] in countries, case


def test_case_table_coverage():
    cases = read_cases()
    types = Counter(case["type"] for case in cases)
    assert all(types[kind] >= 4 for kind in PLOVER_TYPES), types
    assert types["NONE"] >= 10
    events = [case for case in cases if case["type"] != "NONE"]
    modalities = Counter(case["modality"] for case in events)
    assert all(modalities[m] >= 5 for m in MODALITIES), modalities
    assert sum(case["attributed"] == "yes" for case in cases) >= 10


def candidate_types(sentence: str, lexicon) -> set[str]:
    """Types the lexicon offers for a sentence: verbs (with particles), nouns, compounds, LVCs."""
    words = re.findall(r"\w+(?:-\w+)*", sentence)
    lemmas = [hanta_lemma(word) for word in words]
    particles = [w.lower() for w in words if w.lower() in lexicon.separable_particles()]
    found = []
    for lemma in lemmas:
        found += lexicon.verbs(lemma) + lexicon.nouns(lemma) + lexicon.verbs_from_participle(lemma)
        found += [e for p in particles for e in lexicon.verbs(p + lemma)]
        found += [e for noun in lemmas for e in lexicon.light_verbs(noun, lemma)]
        found += [e for p in particles for noun in lemmas for e in lexicon.light_verbs(noun, p + lemma)]
        found += [e for cut in range(1, len(lemma) - 3) for e in lexicon.nouns(lemma[cut:])]
    return {entry.type for entry in found if entry.fits(lemmas)}


@pytest.mark.parametrize("case", [c for c in read_cases() if c["type"] != "NONE"], ids=lambda c: c["sentence"][:40])
def test_the_lexicon_offers_the_expected_type_for_each_case(lexicon, case):
    assert case["type"] in candidate_types(case["sentence"], lexicon)


@pytest.mark.parametrize(
    ("compound", "head"),
    [
        ("Waffenlieferung", "Lieferung"),
        ("Militärhilfe", "Hilfe"),
        ("Raketenangriff", "Angriff"),
        ("Teilabzug", "Abzug"),
        ("Haus", ""),
        ("Trübung", ""),  # two letters are no word before "Übung"
        ("Ausübung", ""),  # the noun of "ausüben", not an "Übung"
        ("Nichtanerkennung", ""),  # refuses a recognition: no "Anerkennung"
        ("Nichtverbreitungsabkommen", "Abkommen"),  # the negation scopes over the word after it only
    ],
)
def test_a_compound_is_read_by_its_longest_event_noun(lexicon, compound, head):
    assert lexicon.compound_head(compound) == head


def test_cue_phrases_are_lower_case_words_without_gaps(cues):
    """Modality and attribution compare phrase parts with lower-cased words as they are."""
    phrases = [*cues.planned_phrases, *cues.possible_phrases, *cues.reporting_phrases, *cues.not_negations]
    assert len(phrases) > 20
    for phrase in phrases:
        assert phrase and all(part == part.lower() and part != "*" and " " not in part for part in phrase), phrase


def test_a_requires_cell_may_name_a_cue_word_list():
    row = "nennen\tV\t\t\tACCUSE\t\t\t@blame_words|Marionette\t\tobj\tsubj\t\tx"
    (entry,) = parse_triggers(
        "\t".join(TRIGGER_COLUMNS) + "\n" + row + "\n", "t.tsv", {"blame_words": frozenset({"Lüge", "Farce"})}
    ).entries
    assert entry.requires == ("Farce", "Lüge", "Marionette")
    with pytest.raises(LexiconError, match="unknown word list"):
        parse_triggers("\t".join(TRIGGER_COLUMNS) + "\n" + row + "\n", "t.tsv", {})
