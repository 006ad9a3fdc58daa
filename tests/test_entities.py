"""The entity stage: actors coded the way the spec's ACTOR and PLACE records need, on sentences we wrote."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from lagebild.document import Actor, Article, Entity
from lagebild.entities.lexicon import code_actor, evidence_of


def entity(article: Article, text: str) -> Entity:
    found = [e for e in article.entities if e.text == text]
    assert found, f"{text!r} not among {[e.text for e in article.entities]}"
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        ("Nordkorea hat erneut Raketen getestet.", "Nordkorea", "PRK", "GOV"),
        ("Die Demokratische Volksrepublik Korea reagierte nicht.", "Die Demokratische Volksrepublik Korea", "PRK",
         "GOV"),
        ("Die USA kündigten neue Hilfen an.", "Die USA", "USA", "GOV"),
        ("Pjöngjang erwägt einen weiteren Test.", "Pjöngjang", "PRK", "GOV"),
        ("Der Kreml wies die Vorwürfe zurück.", "Der Kreml", "RUS", "GOV"),
        ("Das Weiße Haus äußerte sich nicht.", "Das Weiße Haus", "USA", "GOV"),
        ("Das südkoreanische Militär meldete den Start.", "Das südkoreanische Militär", "KOR", "MIL"),
        ("Die Regierung in Bamako wies den Botschafter aus.", "Die Regierung in Bamako", "MLI", "GOV"),
        ("Nordkorea drohte den Vereinigten Staaten.", "den Vereinigten Staaten", "USA", "GOV"),
        # office holders the first lexicon lacked: their own country, not the scene's (session 12)
        ("In Bogotá kritisierte Präsident Rafael Correa die Regierung.", "Präsident Rafael Correa", "ECU", "GOV"),
        ("In Paris sprach Regierungschef Albin Kurti.", "Regierungschef Albin Kurti", "XKX", "GOV"),
        ("In Teheran sprach Aussenminister Ignazio Cassis.", "Aussenminister Ignazio Cassis", "CHE", "GOV"),
        # armed groups and collective actors the first lexicon lacked (session 9)
        ("Die Union der Islamischen Gerichte eroberte die Hafenstadt.", "Die Union der Islamischen Gerichte", "SOM",
         "REB"),
        ("In Lima blockierten Streikende die Zufahrten.", "Streikende", "PER", "CVL"),
        ("In Nairobi griffen Randalierer Geschäfte an.", "Randalierer", "KEN", "CVL"),
        ("In Dakar setzte die Gendarmerie Tränengas ein.", "die Gendarmerie", "SEN", "GOV"),
        ("Die Generalbundesanwaltschaft erhob Anklage.", "Die Generalbundesanwaltschaft", "DEU", "GOV"),
        ("In Kinshasa besetzten Meuterer den Sender.", "Meuterer", "COD", "MIL"),
        ("In Caracas forderte das Oppositionsbündnis Neuwahlen.", "das Oppositionsbündnis", "VEN", "CVL"),
        ("In Lima wiesen die Senatoren den Antrag zurück.", "die Senatoren", "PER", "GOV"),
        ("In Kabul verhandelte der Kommandant mit den Ältesten.", "der Kommandant", "AFG", "MIL"),
    ],
)  # fmt: skip
def test_countries_capitals_and_bodies(run, sentence: str, mention: str, country: str, sector: str) -> None:
    actor = entity(run(sentence), mention).actor
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Grossbritannien schloss seine Botschaft.", "Grossbritannien", "GBR"),
        ("Der Aussenminister Weissrusslands reiste ab.", "Der Aussenminister Weissrusslands", "BLR"),
    ],
)
def test_swiss_spelling_with_ss_for_sharp_s_names_the_same_actors(run, sentence, mention, country) -> None:
    actor = entity(run(sentence), mention).actor
    assert actor is not None and actor.country == country


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Der Kongo verurteilte den Angriff.", "Der Kongo", "COD"),
        ("Die Republik Kongo verurteilte den Angriff.", "Die Republik Kongo", "COG"),
        ("Kongo-Brazzaville verurteilte den Angriff.", "Kongo-Brazzaville", "COG"),
    ],
)
def test_bare_kongo_is_the_democratic_republic_as_news_uses_it(run, sentence, mention, country) -> None:
    actor = entity(run(sentence), mention).actor
    assert actor is not None and actor.country == country


def test_nationality_adjectives_in_any_inflection(run) -> None:
    article = run("Der russischen Armee zufolge griffen US-amerikanische Drohnen nordkoreanische Schiffe an.")
    countries = {e.actor.country for e in article.entities if e.actor}
    assert {"RUS", "USA", "PRK"} <= countries


@pytest.mark.parametrize(
    ("sentence", "published", "mention", "name", "country"),
    [
        ("Der nordkoreanische Staatschef traf den Gast.", "2023-09-04", "Der nordkoreanische Staatschef",
         "Kim Jong-un", "PRK"),
        ("Der russische Verteidigungsminister reiste nach Pjöngjang.", "2023-07-26",
         "Der russische Verteidigungsminister", "Sergei Shoigu", "RUS"),
        ("Der russische Verteidigungsminister reiste nach Minsk.", "2025-03-01", "Der russische Verteidigungsminister",
         "Andrei Belousov", "RUS"),
        ("Sergej Schoigu traf Kim Jong-un.", "2023-07-26", "Sergej Schoigu", "Sergei Shoigu", "RUS"),
    ],
)  # fmt: skip
def test_office_holders_on_the_article_date(run, sentence, published, mention, name, country) -> None:
    actor = entity(run(sentence, published=published), mention).actor
    assert actor is not None and (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        ("Gipfel\n\nWien (APA) - Der Bundeskanzler empfing am Montag den Premier Italiens.", "Der Bundeskanzler",
         "Karl Nehammer", "AUT"),
        ("Gipfel\n\nBern (SDA) - Die Bundespräsidentin reiste am Montag nach Rom.", "Die Bundespräsidentin", None,
         "CHE"),
        ("Gipfel\n\nBerlin (dpa) - Der Bundeskanzler empfing am Montag den Premier Italiens.", "Der Bundeskanzler",
         "Olaf Scholz", "DEU"),
        ("Gipfel\n\nWien (APA) - Der deutsche Bundeskanzler empfing den Premier Italiens.",
         "Der deutsche Bundeskanzler", "Olaf Scholz", "DEU"),
        # a body several states have: the state of the dateline, or of the seat named right after it
        ("Sanktionen\n\nBern (SDA) - Der Bundesrat verhängte am Montag neue Sanktionen.", "Der Bundesrat", None,
         "CHE"),
        ("Der Bundesrat in Bern verhängte am Montag neue Sanktionen.", "Der Bundesrat", None, "CHE"),
        ("Gesetz\n\nBerlin (dpa) - Der Bundesrat stimmte am Freitag dem Gesetz zu.", "Der Bundesrat", None, "DEU"),
        ("Krise\n\nLima (AFP) - Der Kongress stimmte am Freitag gegen die Präsidentin.", "Der Kongress", None, "PER"),
        ("Krise\n\nWashington (AFP) - Der Kongress stimmte gegen den Haushalt.", "Der Kongress", None, "USA"),
    ],
)  # fmt: skip
def test_a_shared_title_names_the_office_of_the_state_the_article_is_set_in(run, text, mention, name, country):
    actor = entity(run(text, published="2024-03-04"), mention).actor
    assert actor is not None and actor.country == country and (name is None or actor.name == name)


def test_headline_with_a_stray_letter_still_codes_the_leader(run) -> None:
    article = run("N. Der koreanische Staatschef Kim dürfte bald Russland bereisen", published="2023-09-05")
    kim = next(e for e in article.entities if "Kim" in e.text)
    assert kim.actor is not None and kim.actor.country == "PRK"


def test_international_bodies_have_no_country(run) -> None:
    article = run("Die NATO und die Vereinten Nationen forderten eine Waffenruhe.")
    bodies = [e.actor for e in article.entities if e.actor and e.actor.sector == "IGO"]
    assert {a.name for a in bodies} >= {"NATO"} and all(a.country is None for a in bodies)


def test_bodies_take_the_country_of_their_scene(run) -> None:
    police = entity(run("In Moskau nahm die Polizei Dutzende Demonstranten fest."), "die Polizei").actor
    assert police is not None and (police.country, police.sector) == ("RUS", "GOV")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("TIFLIS, 3. Mai (AFP) – Die Polizei hat am Sonntag zwölf Demonstranten festgenommen.", "GEO"),
        ("TIFLIS, 3. Mai – Die Polizei hat am Sonntag zwölf Demonstranten festgenommen.", "GEO"),
        ("Tiflis (dpa) – Die Polizei hat am Sonntag zwölf Demonstranten festgenommen.", "GEO"),
        ("DEN HAAG (Reuters) – Die Polizei hat am Sonntag zwölf Aktivisten festgenommen.", "NLD"),
        # the place of the story outweighs where the report was filed
        ("WIEN (APA) – In Tiflis hat die Polizei am Sonntag zwölf Demonstranten festgenommen.", "GEO"),
    ],
)
def test_a_dateline_sets_the_scene_when_the_text_names_no_other_place(run, text: str, country: str) -> None:
    """A dateline in capitals reads like one in ordinary case; its agency ('AFP' is French) is no scene."""
    police = entity(run(text), "Die Polizei" if "Die Polizei" in text else "die Polizei").actor
    assert police is not None and police.country == country


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Die Stadtverwaltung von Minsk verbot die Demonstration.", "Die Stadtverwaltung", "BLR"),
        ("Das Gouverneursamt von Istanbul verhängte ein Versammlungsverbot.", "Das Gouverneursamt", "TUR"),
        ("Der Präfekt von Paris untersagte die Kundgebung.", "Der Präfekt", "FRA"),
    ],
)
def test_local_administrations_belong_to_the_state_of_their_place(run, sentence, mention, country) -> None:
    actor = next(e for e in run(sentence).entities if e.text.startswith(mention)).actor
    assert actor is not None and (actor.country, actor.sector) == (country, "GOV")


def test_surname_and_pronoun_corefer_with_the_full_name(run) -> None:
    article = run("Der französische Präsident Emmanuel Macron reiste nach Berlin. Dort sagte Macron, er sei zufrieden.")
    assert entity(article, "Macron").actor.name == "Emmanuel Macron"
    assert entity(article, "er").actor.name == "Emmanuel Macron"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Wladimir Putin bot Donald Trump ein Treffen an. Er nannte Budapest als Ort.", "Vladimir Putin"),
        ("Wladimir Putin traf Donald Trump, und er nannte Budapest als Ort.", "Donald Trump"),
    ],
)
def test_pronoun_prefers_the_subject_of_an_earlier_sentence(run, text: str, name: str) -> None:
    assert entity(run(text), "Er" if text.count("Er ") else "er").actor.name == name


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "country"),
    [
        ("Die Delegation traf in Wladiwostok ein.", "Wladiwostok", "Vladivostok", "RUS"),
        ("Die Gespräche fanden in Peking statt.", "Peking", "Beijing", "CHN"),
        ("Ein Schiff sank im Gelben Meer.", "Gelben Meer", "Yellow Sea", None),
        ("Die Rakete startete vom Kosmodrom Wostotschny.", "Kosmodrom Wostotschny", "Vostochny Cosmodrome", "RUS"),
        ("Die Armee griff die Hafenstadt Odessa an.", "Odessa", "Odesa", "UKR"),
    ],
)
def test_places_with_german_exonyms(run, sentence: str, mention: str, name: str, country: str | None) -> None:
    place = entity(run(sentence), mention).place
    assert place is not None and place.country == country and name in place.name


def test_phrase_words_load_with_every_list_filled() -> None:
    from lagebild.entities.words import PhraseWords, load_phrase_words

    words = load_phrase_words()
    assert all(getattr(words, name) for name in PhraseWords.__dataclass_fields__)
    assert "von" not in words.name_particles  # "Kim von Pjöngjang" names a place, not a person


def test_a_mention_is_read_once_and_its_actor_cannot_change() -> None:
    """What the words say is remembered per mention (the day only picks the office holder), and the
    coded Actor is frozen, since entities share it."""
    evidence_of.cache_clear()
    ministers = [
        code_actor([article, "russische", "Verteidigungsminister"], day)
        for article, day in (("der", date(2019, 9, 4)), ("dem", date(2019, 9, 4)), ("der", date(2025, 9, 4)))
    ]
    assert evidence_of.cache_info().misses == 1 and evidence_of.cache_info().hits == 2
    assert ministers[0] == ministers[1] == Actor("Sergei Shoigu", "RUS", "MIL")
    assert ministers[2] is not None and ministers[2].name != "Sergei Shoigu"
    with pytest.raises(dataclasses.FrozenInstanceError):
        ministers[0].country = "UKR"  # type: ignore[misc]


def test_a_named_country_overrides_the_country_a_role_word_implies() -> None:
    day = date(2024, 3, 11)
    assert code_actor(["der", "Kanzler", "Österreichs"], day).country == "AUT"
    assert code_actor(["Österreichs", "Kanzler"], day).country == "AUT"
    assert code_actor(["der", "Kanzler"], day).country == "DEU"  # alone, "Kanzler" is Germany's


def test_representatives_stand_for_whom_they_represent() -> None:
    assert code_actor(["Vertreter", "Israels"], date(2024, 3, 11)) == Actor(None, "ISR", "GOV")
    assert code_actor(["die", "Vertreter"], date(2024, 3, 11)) is None


@pytest.mark.parametrize(
    ("sentence", "country"),
    [
        ("Rebellen nahmen im Osten der Demokratischen Republik Kongo eine Stadt ein.", "COD"),
        ("Die Armee griff Ziele im Süden des Gazastreifens an.", "PSE"),
    ],
)
def test_a_place_named_after_a_direction_is_found_whole(run, sentence: str, country: str) -> None:
    places = [e.place for e in run(sentence).entities if e.place is not None]
    assert [place.country for place in places] == [country]


def test_envoys_without_a_country_are_not_of_the_country_they_serve_in(run) -> None:
    article = run("Venezuela hat sieben Botschafter ausgewiesen. In Caracas protestierten Studenten.")
    envoys = [e for e in article.entities if e.text.endswith("Botschafter")]
    assert envoys and envoys[0].actor is not None and envoys[0].actor.country is None
    students = [e for e in article.entities if e.text == "Studenten"]
    assert students and students[0].actor.country == "VEN"  # other bodies still take the scene's country


def test_a_coreference_points_at_its_antecedent_in_text_order(run) -> None:
    text = "In Marseille und Lyon traf er Emmanuel Macron. Macron sprach danach mit Olaf Scholz."
    article = run(text, published="2023-05-10")
    surname = next(e for e in article.entities if e.text == "Macron")
    assert surname.refers_to is not None
    assert article.entities[surname.refers_to].text == "Emmanuel Macron"


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Die USA verhängten Strafzölle auf Waren aus China.", ["China"]),  # Waren (Müritz) is a town too
        ("Die Polizei kontrollierte Reisende im Zug nach Basel.", ["Basel"]),
        ("Hilfsgüter kamen aus Essen und aus Halle.", ["Essen", "Halle (Saale)"]),  # big cities stay places
        ("Von der Leyen reiste nach Oslo.", ["Oslo"]),  # a capitalised preposition is no town of that name
    ],
)
def test_a_frequent_noun_is_no_small_town(run, sentence: str, places: list[str]) -> None:
    assert [entity.place.name for entity in run(sentence).entities if entity.place] == places


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("Russland griff Charkiw an.", ["Kharkiv"]),
        ("Der Verteidigungsminister Aden Duale sprach.", []),  # a first name, not the city of Aden
    ],
)
def test_a_big_city_is_a_place_without_a_preposition_of_place(run, sentence: str, places: list[str]) -> None:
    assert [entity.place.name for entity in run(sentence).entities if entity.place and not entity.actor] == places


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Der Iran hat dem Abkommen zugestimmt. Die Zölle gegen das Land fallen weg.", "IRN"),
        ("Viele Menschen leben auf dem Land.", None),  # the countryside
        ("Das Land Brandenburg protestierte.", None),  # a German state, named
        ("Chile wählte. Bolivien stoppte die Exporte in das Land.", "CHL"),  # not the subject of its clause
        ("Nach der Wahl in Chile stoppte Bolivien die Exporte in das Land.", "CHL"),  # a place in the clause may be
        # another party of its clause may not, nor what is of that party's country
        ("Peru protestierte gegen chilenische Zölle. Strafzölle gegen Chile kündigte das Land an.", "PER"),
        # nor the country of an actor its clause names ("ihr Land" it would be)
        ("Niger brach mit Frankreich. Die französischen Soldaten verließen das Land im Dezember.", "NER"),
    ],
)
def test_das_land_points_back_to_the_country_named_last(run, text: str, country: str | None) -> None:
    anaphors = [e for e in run(text).entities if e.text.endswith("Land")]
    assert [e.actor.country for e in anaphors] == ([country] if country else [])


def test_er_does_not_reach_back_to_a_person_named_paragraphs_before(run) -> None:
    text = (
        "Kanzler Olaf Scholz schwieg dazu. Die Gruppe wurde 1990 gegründet. Ihr Anführer lebte lange im Exil. "
        "Der Gründer starb früh. Er wurde 2005 in Syrien von einer Drohne getroffen."
    )
    assert all(e.text != "Er" for e in run(text).entities)
    near = run("Kanzler Olaf Scholz reiste ab. Er traf in Paris Macron.")
    assert entity(near, "Er").actor.name == "Olaf Scholz"


@pytest.mark.parametrize(
    ("sentence", "mention", "name", "country"),
    [
        ("In Libreville sprach Präsident Ali Ngoma zu Journalisten.", "Präsident Ali Ngoma", "Ali Ngoma", "GAB"),
        ("Das sagte der US-Handelsbeauftragte Peter Lindqvist.", "der US-Handelsbeauftragte Peter Lindqvist",
         "Peter Lindqvist", "USA"),
        ("Die Garde des libyschen Machthabers Omar al-Fitouri griff an.", "des libyschen Machthabers Omar al-Fitouri",
         "Omar al-Fitouri", "LBY"),
        ("In Ouagadougou kehrte Übergangspräsident Michel Sawadogo zurück.", "Übergangspräsident Michel Sawadogo",
         "Michel Sawadogo", "BFA"),
        ("Nyusi empfing seinen ruandischen Amtskollegen Paul Kagame.", "seinen ruandischen Amtskollegen Paul Kagame",
         "Paul Kagame", "RWA"),
        # a first name the tagger takes for a noun, and a surname it takes for a particle
        ("In Pristina sagte Kosovos Regierungschef Albin Hoxha, man sei bereit.", "Kosovos Regierungschef Albin Hoxha",
         "Albin Hoxha", "XKX"),
        ("Der ungarische Außenminister Péter Kovács reiste nach Moskau.", "Der ungarische Außenminister Péter Kovács",
         "Péter Kovács", "HUN"),
        ("Pakistans Innenminister Tariq Dar wies die Vorwürfe zurück.", "Pakistans Innenminister Tariq Dar",
         "Tariq Dar", "PAK"),
    ],
)  # fmt: skip
def test_a_role_with_a_name_the_lexicon_lacks_is_that_person(run, sentence, mention, name, country) -> None:
    found = entity(run(sentence), mention)
    assert found.label == "PER" and (found.actor.name, found.actor.country) == (name, country)


def test_a_name_spelt_near_the_holders_is_the_holder(run) -> None:
    actor = entity(run("Der ägyptische Präsident Mohammed Mursy sprach.", published="2013-01-10"),
                   "Der ägyptische Präsident Mohammed Mursy").actor  # fmt: skip
    assert (actor.name, actor.country) == ("Mohamed Morsi", "EGY")


def test_ex_and_compound_titles_name_no_holder_of_the_day(run) -> None:
    assert entity(run("Ex-Präsident Medwedew warnte den Westen."), "Ex-Präsident Medwedew").actor.name == (
        "Dmitry Medvedev"
    )
    actor = entity(run("Der russische Vizeaußenminister traf Diplomaten."), "Der russische Vizeaußenminister").actor
    assert (actor.name, actor.country, actor.sector) == (None, "RUS", "GOV")


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Das sagte der Vorsitzende des Verteidigungsausschusses der Duma, Pawel Semjonow.", "Pawel Semjonow", "RUS"),
        ("Der Sprecher der sudanesischen Armee, Nabil Osman, wies das zurück.", "Nabil Osman", "SDN"),
        ("Der kenianische Botschafter in Washington, Peter Otieno, reiste ab.", "Peter Otieno", "KEN"),
    ],
)
def test_a_name_in_apposition_is_the_person_the_phrase_describes(run, sentence, name, country) -> None:
    found = entity(run(sentence), name)
    assert found.label == "PER" and (found.actor.name, found.actor.country) == (name, country)


def test_places_and_known_actors_after_a_comma_are_no_apposition(run) -> None:
    article = run("Die Proteste der Russen erreichten Moskau, Nischni Nowgorod, Kasan.")
    assert not [e for e in article.entities if e.label == "PER"]


def test_an_acronym_defined_in_parentheses_repeats_its_actor(run) -> None:
    article = run("Die Präsidialgarde (PGX) putschte in Burkina Faso. Am Abend räumte die PGX den Palast.")
    later = [e for e in article.entities if e.text == "PGX"]
    assert later and all((e.actor.country, e.actor.sector) == ("BFA", "MIL") for e in later)


def test_a_stance_prefix_names_no_country(run) -> None:
    actor = entity(run("Pro-iranische Milizen griffen im Irak eine Basis an."), "Pro-iranische Milizen").actor
    assert (actor.country, actor.sector) == ("IRQ", "REB")


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Die Moskauer Führung wies das zurück.", "Die Moskauer Führung", "RUS"),
        ("Die Pekinger Regierung kritisierte Washington.", "Die Pekinger Regierung", "CHN"),
    ],
)
def test_a_capitals_adjective_places_a_body(run, sentence, mention, country) -> None:
    assert entity(run(sentence), mention).actor.country == country


def test_a_capitals_adjective_alone_is_no_actor(run) -> None:
    assert not [e for e in run("Auf dem Pariser Gipfel sprachen die Gäste.").entities if e.actor]


def test_a_crowd_counted_without_a_noun_is_civilians_of_the_scene(run) -> None:
    article = run("In Tiflis demonstrierten Tausende. Hunderte Soldaten sicherten das Parlament.")
    assert (entity(article, "Tausende").actor.country, entity(article, "Tausende").actor.sector) == ("GEO", "CVL")
    assert entity(article, "Hunderte Soldaten").actor.sector == "MIL"


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Die Rebellen warfen der Armee Dutzende Angriffe auf Dörfer vor.", "Dutzende"),
        ("Russland feuerte in der Nacht Hunderte Drohnen auf ukrainische Städte ab.", "Hunderte"),
        ("Die Behörden beschlagnahmten Tausende Waffen.", "Tausende"),
    ],
)
def test_a_count_of_things_is_no_crowd(run, text: str, count: str) -> None:
    article = run(text)
    assert not any(article.text[e.start : e.end] == count and e.actor for e in article.entities)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Indien wies pakistanische Diplomaten aus. Das Nachbarland reagierte empört.", "Das Nachbarland", "PAK"),
        # not the one acting in its own clause; a name after "zu" may be it
        ("Kolumbien griff an. Ecuador protestierte. Ecuador zog den Botschafter aus dem Nachbarland ab.",
         "dem Nachbarland", "COL"),
        ("Indien schloss die Grenze zu Pakistan und stoppte den Handel mit dem Nachbarland.", "dem Nachbarland", "PAK"),
        ("In Havanna wurden Häftlinge freigelassen. Die USA lobten den sozialistischen Karibikstaat.",
         "den sozialistischen Karibikstaat", "CUB"),
        ("In Bamako regiert die Junta. Französische Truppen bleiben nicht in dem westafrikanischen Land.",
         "dem westafrikanischen Land", "MLI"),
    ],
)  # fmt: skip
def test_a_country_described_is_the_neighbour_named_or_the_one_the_article_is_about(run, text, mention, country):
    assert entity(run(text), mention).actor.country == country


def test_many_states_in_a_compound_take_no_country_of_the_scene(run) -> None:
    actor = entity(run("In Peking kritisierten die UN-Mitgliedstaaten die Regierung."), "die UN-Mitgliedstaaten").actor
    assert actor.country is None


def test_a_german_noun_is_no_alias_of_a_foreign_town(run) -> None:
    article = run("Im Stadtzentrum von Minsk nahmen Polizisten Demonstranten fest.")
    assert entity(article, "Polizisten").actor.country == "BLR"
    assert not [e for e in article.entities if e.place and e.place.country == "ESP"]


def test_groups_of_two_sectors_side_by_side_are_two_actors(run) -> None:
    article = run("In Minsk nahmen Polizisten Demonstranten fest.")
    assert entity(article, "Polizisten").actor.sector == "GOV"
    assert entity(article, "Demonstranten").actor.sector == "CVL"


@pytest.mark.parametrize("mention", ["westafrikanische Staatschefs", "ausländische Journalisten"])
def test_a_regional_or_foreign_group_takes_no_country_of_the_scene(run, mention) -> None:
    article = run(f"In Ouagadougou trafen sich {mention}.")
    assert entity(article, mention).actor.country is None


def test_an_igo_head_is_named_with_the_country_they_led_before(run) -> None:
    actor = entity(run("Regierungschef Mark Rutte reiste nach Kiew.", published="2022-03-01"),
                   "Regierungschef Mark Rutte").actor  # fmt: skip
    assert (actor.name, actor.country) == ("Mark Rutte", "NLD")


@pytest.mark.parametrize(
    ("sentence", "mention", "country", "sector"),
    [
        ("Der Militärrat in Khartum verhängte eine Ausgangssperre.", "Der Militärrat", "SDN", "MIL"),
        ("Der Oberste Gerichtshof in Islamabad ordnete das an.", "Der Oberste Gerichtshof", "PAK", "GOV"),
        ("In Myanmar griffen Widerstandsgruppen an.", "Widerstandsgruppen", "MMR", "REB"),
    ],
)
def test_councils_courts_and_resistance_groups_are_of_their_scene(run, sentence, mention, country, sector) -> None:
    actor = entity(run(sentence), mention).actor
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    ("text", "mention", "name", "country"),
    [
        ("Japan protestierte scharf. Am Montag bestellte seine Außenministerin den Botschafter ein.",
         "seine Außenministerin", "Yoshimasa Hayashi", "JPN"),
        ("Der französische Präsident und sein Verteidigungsminister reisten nach Mali.", "sein Verteidigungsminister",
         "Sébastien Lecornu", "FRA"),
        ("Die Regierung in Tokio protestierte. Ihr Außenminister bestellte den Botschafter ein.", "Ihr Außenminister",
         "Yoshimasa Hayashi", "JPN"),
    ],
)  # fmt: skip
def test_a_possessive_before_a_role_takes_its_owners_country_and_office_holder(run, text, mention, name, country):
    actor = entity(run(text), mention).actor
    assert (actor.name, actor.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Die Ukraine bat Frankreich um Hilfe. Ihre Armee griff Stellungen im Osten an.", "Ihre Armee", "UKR"),
        ("Die USA warnten Russland am Montag. Ihre Regierung drohte mit Sanktionen.", "Ihre Regierung", "USA"),
        ("Die Ministerin Annalena Baerbock traf den ukrainischen Präsidenten Selenskyj. Ihr Ministerium sagte "
         "Hilfe zu.", "Ihr Ministerium", "DEU"),
        ("Der französische Präsident Macron empfing die italienische Ministerpräsidentin Meloni. Seine Regierung "
         "kritisierte die Türkei.", "Seine Regierung", "FRA"),
        ("Die Türkei verhandelte mit Schweden. Seine Regierung blieb bei ihrer Haltung.", "Seine Regierung", "SWE"),
        ("Die Ukraine will nach Worten ihres Außenministers an Gesprächen in Genf teilnehmen.", "ihres Außenministers",
         "UKR"),  # the genitive "ihres", not the scene
    ],
)  # fmt: skip
def test_a_possessive_points_to_an_owner_of_its_gender(run, text, mention, country) -> None:
    """'sein' owns for a masculine or neuter singular, 'ihr' for a feminine singular or a plural."""
    assert entity(run(text), mention).actor.country == country


def test_a_title_with_a_surname_is_the_person_named_in_full(run) -> None:
    article = run(
        "Der sambische Präsident Hakainde Hichilema empfing den Gast. In Paris sagte Präsident Hichilema, das "
        "Treffen sei gut gewesen."
    )
    actor = entity(article, "Präsident Hichilema").actor
    assert (actor.name, actor.country) == ("Hakainde Hichilema", "ZMB")


def test_no_name_follows_a_body(run) -> None:
    article = run("Die Lage in Lusaka blieb angespannt. Am Montag nahm die Polizei Banda fest.")
    assert entity(article, "die Polizei").actor.country == "ZMB"


def test_a_group_from_a_country_is_of_it_unless_a_possessive_owns_it(run) -> None:
    article = run(
        "In Mali sind 350 Soldaten aus Deutschland stationiert. Venezuela zog seinen Botschafter aus Kolumbien ab."
    )
    assert entity(article, "350 Soldaten aus Deutschland").actor.country == "DEU"
    assert entity(article, "seinen Botschafter").actor.country == "VEN"


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Die US-geführte Koalition griff Stellungen an.", "Die US-geführte Koalition", "USA"),
        ("In Kiew griffen Russland-treue Separatisten an.", "Russland-treue Separatisten", "UKR"),
        ("In Damaskus griffen US-unterstützte Rebellen an.", "US-unterstützte Rebellen", "SYR"),
    ],
)
def test_a_compound_adjective_gives_its_country_only_to_a_group_the_country_leads(run, sentence, mention, country):
    assert entity(run(sentence), mention).actor.country == country


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("In Kinshasa kritisierte man die Armee von Ruandas Präsident Paul Kagame.", "die Armee", "RWA"),
        ("Das Verteidigungsministerium in Peking protestierte.", "Das Verteidigungsministerium in Peking", "CHN"),
    ],
)
def test_a_body_belongs_to_the_person_after_von_and_to_its_seat(run, sentence, mention, country) -> None:
    assert entity(run(sentence), mention).actor.country == country


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("In Khartum sagte Ali Musa, der Sprecher der kenianischen Polizei, die Lage sei ruhig.", "Ali Musa", "KEN"),
        ("In Khartum sagte General Ali Musa, Kommandeur der tschadischen Armee, die Lage sei ruhig.",
         "General Ali Musa", "TCD"),
        ("In Khartum sagte General Ali Musa, die Armee werde kämpfen.", "General Ali Musa", "SDN"),
    ],
)  # fmt: skip
def test_a_name_before_an_apposition_is_the_person_it_describes(run, sentence, mention, country) -> None:
    assert entity(run(sentence), mention).actor.country == country


def test_a_list_after_a_name_is_no_apposition(run) -> None:
    article = run("Ali Musa, Ägypten und Israel verhandelten.")
    assert all(e.text != "Ali Musa" for e in article.entities)


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Die russische Armee griff an. In Kiew sagte Generalmajor Petro Kowal, man wehre sich.",
         "Generalmajor Petro Kowal", "UKR"),
        ("Präsident Rafael Ortiz reiste nach Bogotá. Der ecuadorianische Präsident Rafael Ortiz protestierte.",
         "Präsident Rafael Ortiz", "ECU"),
        ("In Niamey sagte Oberst Amadou Issoufou, die Armee übernehme die Macht.", "Oberst Amadou Issoufou", "NER"),
    ],
)  # fmt: skip
def test_a_titled_person_takes_the_country_the_text_ties_the_name_to(run, text, mention, country) -> None:
    assert entity(run(text), mention).actor.country == country


def test_a_name_of_several_words_in_the_genitive_is_the_person(run) -> None:
    article = run("Die UN kritisierte die Drohungen Kim Jong-uns scharf.")
    assert entity(article, "Kim Jong-uns").actor.name == "Kim Jong-un"


@pytest.mark.parametrize(
    ("word", "sector"), [("Polizeisprecher", "GOV"), ("Milizenchef", "REB"), ("Rebellensprecher", "REB")]
)
def test_who_speaks_for_or_leads_a_body_is_of_its_sector(word, sector) -> None:
    actor = code_actor(["kenianische", word], date(2024, 3, 4))
    assert (actor.country, actor.sector) == ("KEN", sector)


def test_a_possessive_after_a_comma_still_opens_the_phrase(run) -> None:
    actor = entity(run("In Kiew sagte Putin, sein Außenminister werde reisen."), "sein Außenminister").actor
    assert (actor.name, actor.country) == ("Sergey Lavrov", "RUS")


@pytest.mark.parametrize(
    ("sentence", "others"),
    [
        ("Die USA und ihre Verbündeten griffen in Syrien an.", "ihre Verbündeten"),
        ("Kiew bat die Verbündeten um weitere Flugabwehrsysteme.", "die Verbündeten"),  # allies are others always
    ],
)
def test_allies_are_not_of_the_owner_nor_of_the_scene(run, sentence: str, others: str) -> None:
    assert entity(run(sentence), others).actor.country is None


def test_opponents_without_a_possessive_may_be_at_home(run) -> None:
    article = run("In Dresden demonstrierten am Montag die Gegner der Regierung.")
    assert entity(article, "die Gegner").actor.country == "DEU"


@pytest.mark.parametrize(
    ("sentence", "published", "countries"),
    [
        ("Sánchez traf am Montag Macron.", "2024-03-04", {"ESP", "FRA"}),
        ("Ruto empfing Tinubu in Nairobi.", "2024-05-10", {"KEN", "NGA"}),
        ("Fico kritisierte Mitsotakis scharf.", "2024-02-01", {"SVK", "GRC"}),
        ("Frederiksen und Kristersson trafen Støre in Oslo.", "2023-11-20", {"DNK", "SWE", "NOR"}),
        ("Schoof sprach mit Shehbaz Sharif.", "2024-09-25", {"NLD", "PAK"}),
        ("Tokajew empfing Mirsijojew in Astana.", "2023-03-01", {"KAZ", "UZB"}),
        ("Der Sudanese al-Burhan warf Daglo Verrat vor.", "2023-06-01", {"SDN"}),
    ],
)  # fmt: skip
def test_leaders_named_by_surname_are_of_their_country(run, sentence, published, countries) -> None:
    article = run(sentence, published=published)
    assert {e.actor.country for e in article.entities if e.actor and e.actor.name} == countries


@pytest.mark.parametrize(
    ("sentence", "published", "mention", "name", "country"),
    [
        ("Der spanische Ministerpräsident reiste nach Rabat.", "2024-03-04", "Der spanische Ministerpräsident",
         "Pedro Sánchez", "ESP"),
        ("Der spanische Ministerpräsident reiste nach Rabat.", "2015-03-04", "Der spanische Ministerpräsident",
         "Mariano Rajoy", "ESP"),
        ("Der kenianische Präsident sprach in Addis Abeba.", "2024-03-04", "Der kenianische Präsident",
         "William Ruto", "KEN"),
        ("Die dänische Regierungschefin warnte Washington.", "2025-01-10", "Die dänische Regierungschefin",
         "Mette Frederiksen", "DNK"),
        ("Der pakistanische Premierminister reiste nach Peking.", "2020-01-10", "Der pakistanische Premierminister",
         "Imran Khan", "PAK"),
        ("Der griechische Regierungschef traf Erdogan.", "2016-05-01", "Der griechische Regierungschef",
         "Alexis Tsipras", "GRC"),
        ("Der brasilianische Verteidigungsminister besuchte Lissabon.", "2017-05-01",
         "Der brasilianische Verteidigungsminister", "Raul Jungmann", "BRA"),
    ],
)  # fmt: skip
def test_an_office_named_with_a_country_on_a_date_names_its_holder(run, sentence, published, mention, name, country):
    actor = entity(run(sentence, published=published), mention).actor
    assert actor is not None and (actor.name, actor.country) == (name, country)


def test_a_body_named_like_a_town_is_not_placed_there(run) -> None:
    """ "der Duma" is Russia's parliament, not the Syrian town of Douma: it sets no scene and no main country."""
    article = run("Ein Ausschuss der Duma tagte am Montag. Die Polizei nahm danach zwei Männer fest.")
    assert entity(article, "der Duma").place is None
    assert article.main_country == "RUS"


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Der Vorsitzende des Verteidigungsausschusses der Duma kritisierte die Nato.", "Der Vorsitzende", "RUS"),
        ("In Paris kritisierte der Vorsitzende des Rechtsausschusses des polnischen Parlaments die EU.",
         "der Vorsitzende", "POL"),
    ],
)  # fmt: skip
def test_genitive_phrases_between_a_body_and_its_owner_pass_the_owner_on(run, sentence, mention, country) -> None:
    assert entity(run(sentence), mention).actor.country == country


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Der tansanische Übergangspräsident Amani Mrema kehrte zurück. Am Abend forderte Mrema Neuwahlen.", "Mrema"),
        ("Der tansanische Übergangspräsident Amani Mrema kehrte zurück. Die Rückkehr Mremas begrüßten viele.",
         "Mremas"),
    ],
)  # fmt: skip
def test_a_bare_surname_repeats_the_person_named_in_full(run, text, mention) -> None:
    actor = entity(run(text), mention).actor
    assert (actor.name, actor.country) == ("Amani Mrema", "TZA")


@pytest.mark.parametrize(
    ("sentence", "mention", "country"),
    [
        ("Die Stadtverwaltung von Charkiw verurteilte die Angriffe.", "Die Stadtverwaltung", "UKR"),
        ("Der Bürgermeister von Moskau sagte alle Feiern ab.", "Der Bürgermeister", "RUS"),
    ],
)  # fmt: skip
def test_a_body_belongs_to_the_place_after_von(run, sentence, mention, country) -> None:
    assert entity(run(sentence), mention).actor.country == country


@pytest.mark.parametrize(
    ("text", "pronoun", "name"),
    [
        ("Der Oppositionspolitiker Daniel Otieno wurde festgenommen. Die Behörden werfen ihm Betrug vor.", "ihm",
         "Daniel Otieno"),
        ("Die Oppositionsführerin Maria Lindner wurde festgenommen. Ihr wird Hochverrat vorgeworfen.", "Ihr",
         "Maria Lindner"),
        ("Der kenianische Minister Daniel Otieno sprach mit dem ugandischen Minister Moses Okello. Er drohte ihm mit "
         "Sanktionen.", "ihm", "Moses Okello"),
        ("Der ugandische Minister Moses Okello traf den kenianischen Minister Daniel Otieno. Otieno warf ihm Verrat "
         "vor.", "ihm", "Moses Okello"),
    ],
)  # fmt: skip
def test_an_object_pronoun_is_a_person_named_before_not_its_own_clause_s(run, text, pronoun, name) -> None:
    assert entity(run(text), pronoun).actor.name == name


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("China drohte Taiwan mit Konsequenzen. Die Volksrepublik setzte ihre Manöver fort.", "CHN"),
        ("Nordkorea feuerte eine Rakete ab. Die Volksrepublik drohte den USA.", "PRK"),
    ],
)  # fmt: skip
def test_the_word_of_an_official_name_points_back_to_its_country(run, text, country) -> None:
    assert entity(run(text), "Die Volksrepublik").actor.country == country


def test_the_word_of_an_official_name_names_no_country_that_lacks_it(run) -> None:
    article = run("Frankreich protestierte. Die Volksrepublik reagierte nicht.")
    assert all(e.text != "Die Volksrepublik" for e in article.entities)


@pytest.mark.parametrize(
    ("sentence", "mention"),
    [
        ("Der Internationale Strafgerichtshof erließ einen Haftbefehl.", "Der Internationale Strafgerichtshof"),
        ("Die Organisation Amerikanischer Staaten verurteilte die Wahl.", "Die Organisation Amerikanischer Staaten"),
        ("Die Allianz der Sahelstaaten wies die Forderung zurück.", "Die Allianz der Sahelstaaten"),
        ("In Goma zog sich die Monusco zurück.", "die Monusco"),
    ],
)  # fmt: skip
def test_international_bodies_and_missions_are_igos_of_no_country(run, sentence, mention) -> None:
    actor = entity(run(sentence), mention).actor
    assert (actor.country, actor.sector) == (None, "IGO")


@pytest.mark.parametrize(
    ("sentence", "person", "country"),
    [
        ("Der Blogger Sergej Tichanowski wurde in Minsk verhaftet.", "Der Blogger Sergej Tichanowski", "BLR"),
        ("Ein Gericht verurteilte den Kremlkritiker Oleg Orlow.", "den Kremlkritiker Oleg Orlow", "RUS"),
    ],
)
def test_a_name_after_a_word_of_public_life_is_a_person(run, sentence: str, person: str, country: str) -> None:
    found = entity(run(sentence), person)
    assert (found.label, found.actor.country) == ("PER", country)


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("Der Iran bat um Hilfe. Die Außenminister der Europäischen Union berieten am Montag in Luxemburg.",
         "Die Außenminister"),
        ("Die Ukraine braucht Hilfe. Die Regierungschefs der Nato-Staaten trafen sich in Vilnius.",
         "Die Regierungschefs"),
        # holders of an office each state has one of, in the plural: of several states (session 12)
        ("Der Sudan braucht Hilfe. In Addis Abeba berieten die Staats- und Regierungschefs.", "Regierungschefs"),
        ("Kenia bat um Hilfe. Die beiden Präsidenten trafen sich in Nairobi.", "Die beiden Präsidenten"),
    ],
)  # fmt: skip
def test_a_body_of_an_organisation_or_of_many_states_is_of_no_one_country(run, text: str, mention: str) -> None:
    assert entity(run(text), mention).actor.country is None


def test_one_holder_of_an_office_takes_the_scene(run) -> None:
    assert entity(run("In Nairobi traf Scholz den Präsidenten."), "den Präsidenten").actor.country == "KEN"
    assert entity(run("Militär setzt Präsidenten in Guinea-Bissau ab"), "Präsidenten").actor.country == "GNB"


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Die Hamas feuerte Raketen auf Israel ab. Die Islamisten drohten mit weiteren Angriffen.", "Die Islamisten",
         "PSE"),
        ("Die Taliban griffen einen Posten in Pakistan an. Die Islamisten töteten zwei Soldaten.", "Die Islamisten",
         "AFG"),
        ("Die Terrormiliz IS griff Kirkuk an. Die Extremisten töteten zehn Soldaten.", "Die Extremisten", None),
        # no group named before: the scene's
        ("In Mali griffen Rebellen eine Kaserne an. Die Rebellen töteten zehn Soldaten.", "Die Rebellen", "MLI"),
    ],
)  # fmt: skip
def test_bare_fighters_repeat_the_armed_group_named_before(run, text: str, mention: str, country: str | None) -> None:
    """'Die Islamisten' after 'Die Hamas' are the Hamas, of its country (of none after the IS), not of the scene."""
    assert entity(run(text), mention).actor.country == country


def test_every_adjective_of_a_plural_name_is_inflected_in_the_genitive(run) -> None:
    article = run("Der Botschafter der Vereinigten Arabischen Emirate reiste ab.")
    assert entity(article, "der Vereinigten Arabischen Emirate").actor.country == "ARE"


def test_a_bare_title_of_one_office_with_no_holder_before_is_of_the_state_the_article_is_set_in(run) -> None:
    """Not of a place its sentence names: the dateline's state, else the article's main country."""
    article = run("Ankara (dpa) - Die türkische Regierung kritisierte Schweden. Der Regierungschef drohte Stockholm.")
    assert entity(article, "Der Regierungschef").actor.country == "TUR"


def test_many_holders_of_an_office_are_not_of_the_state_the_article_is_set_in(run) -> None:
    article = run("Brüssel (dpa) - Die Außenminister der 27 Mitgliedstaaten berieten über Belgien.")
    assert entity(article, "Die Außenminister").actor.country is None


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Japan protestierte gegen China. Das Land verurteilte zudem Nordkorea.", "JPN"),
        ("Spanien und Marokko verhandelten über Fischerei. Das Königreich drohte Algerien.", "ESP"),
        # of the kind its noun names: the subject before is no kingdom
        ("Frankreich kritisierte Marokko. Das Königreich wies die Kritik zurück.", "MAR"),
    ],
)
def test_a_country_anaphor_opening_its_sentence_goes_on_with_the_subject_before(run, text, country) -> None:
    article = run(text)
    assert next(e for e in article.entities if e.text.startswith("Das ")).actor.country == country
