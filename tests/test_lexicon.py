"""Lookups in the actor and place lexicons, and the coding of German mentions as ACTOR records."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.document import Actor
from lagebild.entities.lexicon import (
    best_place,
    code_actor,
    load_actor_lexicon,
    load_places,
    office_holder,
    person_by_surname,
)

SEPT_2023 = date(2023, 9, 4)


@pytest.mark.parametrize(
    ("form", "kind", "country"),
    [
        ("Nordkorea", "name", "PRK"),
        ("Demokratische Volksrepublik Korea", "name", "PRK"),
        ("USA", "name", "USA"),
        ("Vereinigte Staaten", "name", "USA"),
        ("Amerika", "name", "USA"),
        ("Russische Föderation", "name", "RUS"),
        ("Russlands", "name", "RUS"),
        ("nordkoreanische", "adjective", "PRK"),
        ("nordkoreanischen", "adjective", "PRK"),
        ("Nordkoreanischer", "adjective", "PRK"),
        ("nordkoreanisches", "adjective", "PRK"),
        ("nordkoreanischem", "adjective", "PRK"),
        ("US-amerikanischen", "adjective", "USA"),
        ("südkoreanische", "adjective", "KOR"),
        ("Russen", "inhabitant", "RUS"),
        ("Ukrainern", "inhabitant", "UKR"),
        ("Nordkoreaner", "inhabitant", "PRK"),
        ("Pjöngjang", "capital", "PRK"),
        ("Moskau", "capital", "RUS"),
        ("Kiew", "capital", "UKR"),
        ("Kyjiw", "capital", "UKR"),
        ("Peking", "capital", "CHN"),
        ("Kreml", "seat", "RUS"),
        ("Weiße Haus", "seat", "USA"),
        ("Downing Street", "seat", "GBR"),
        ("Élysée", "seat", "FRA"),
    ],
)
def test_country_forms(form: str, kind: str, country: str) -> None:
    found = {(entry.kind, entry.country) for entry in load_actor_lexicon().lookup(form)}
    assert (kind, country) in found


@pytest.mark.parametrize(
    ("form", "name", "sector"),
    [
        ("Auswärtiges Amt", "Federal Foreign Office", "GOV"),
        ("Pentagon", "United States Department of Defense", "MIL"),
        ("Volksbefreiungsarmee", "People's Liberation Army", "MIL"),
        ("Vereinte Nationen", "United Nations", "IGO"),
        ("Koreanische Zentrale Nachrichtenagentur", "Korean Central News Agency", "MED"),
        ("Hisbollah", "Hezbollah", "REB"),
        ("Schoigus", "Sergei Shoigu", "MIL"),
    ],
)
def test_organisation_and_person_forms(form: str, name: str, sector: str) -> None:
    found = {(entry.name, entry.sector) for entry in load_actor_lexicon().lookup(form)}
    assert (name, sector) in found


def test_an_unknown_word_finds_nothing() -> None:
    assert load_actor_lexicon().lookup("Gartenzwerg") == []


def test_match_forms_are_token_tuples_longest_first() -> None:
    forms = load_actor_lexicon().match_forms()
    lengths = [len(tokens) for tokens, _ in forms]
    assert lengths == sorted(lengths, reverse=True)
    by_tokens = dict(forms)
    assert any(entry.country == "PRK" for entry in by_tokens[("nordkoreanischen",)])
    assert any(entry.name == "Federal Foreign Office" for entry in by_tokens[("Auswärtiges", "Amt")])


@pytest.mark.parametrize(
    ("words", "on", "expected"),
    [
        (["der", "nordkoreanische", "Staatschef"], SEPT_2023, Actor("Kim Jong-un", "PRK", "GOV")),
        (["der", "nordkoreanische", "Staatschef"], date(2005, 6, 1), Actor("Kim Jong-il", "PRK", "GOV")),
        (["das", "südkoreanische", "Militär"], SEPT_2023, Actor(None, "KOR", "MIL")),
        (["Pjöngjang"], SEPT_2023, Actor(None, "PRK", "GOV")),
        (["UN-Generalsekretär"], SEPT_2023, Actor("António Guterres", None, "IGO")),
        (["UN-Generalsekretär"], None, Actor(None, None, "IGO")),
        (["Sergej", "Schoigu"], SEPT_2023, Actor("Sergei Shoigu", "RUS", "MIL")),
        (["Sergej", "Schoigu"], date(2025, 3, 1), Actor("Sergei Shoigu", "RUS", "GOV")),
        (["Demonstranten"], SEPT_2023, Actor(None, None, "CVL")),
        (["die", "Führer", "Nordkoreas"], SEPT_2023, Actor("Kim Jong-un", "PRK", "GOV")),
        (["Kremlchef"], date(2010, 1, 1), Actor("Dmitry Medvedev", "RUS", "GOV")),
        (["der", "iranische", "Außenminister"], date(2022, 3, 1), Actor("Hossein Amir-Abdollahian", "IRN", "GOV")),
        (["Irans", "oberster", "Führer"], date(2022, 3, 1), Actor("Ali Khamenei", "IRN", "GOV")),
        (["US-Präsident", "Barack", "Obama"], date(2013, 5, 1), Actor("Barack Obama", "USA", "GOV")),
        (["die", "Bundeskanzlerin"], date(2013, 5, 1), Actor("Angela Merkel", "DEU", "GOV")),
        (["die", "Regierung", "in", "Caracas"], SEPT_2023, Actor(None, "VEN", "GOV")),
        (["die", "japanische", "Botschaft", "in", "Paris"], SEPT_2023, Actor(None, "JPN", "GOV")),
        (["dänische", "Soldaten"], SEPT_2023, Actor(None, "DNK", "MIL")),
        (["die", "ägyptische", "Polizei"], SEPT_2023, Actor(None, "EGY", "GOV")),
        (["zwölf", "kolumbianische", "Rebellen"], SEPT_2023, Actor(None, "COL", "REB")),
        (["der", "Nato"], SEPT_2023, Actor("NATO", None, "IGO")),
        (["das", "Auswärtige", "Amt"], SEPT_2023, Actor("Federal Foreign Office", "DEU", "GOV")),
        (["die", "Volksbefreiungsarmee"], SEPT_2023, Actor("People's Liberation Army", "CHN", "MIL")),
        (["die", "Nachrichtenagentur", "Yonhap"], SEPT_2023, Actor("Yonhap", "KOR", "MED")),
        (["ein", "Sprecher", "der", "Nachrichtenagentur"], SEPT_2023, Actor(None, None, "MED")),
        (["Nato-Generalsekretär", "Jens", "Stoltenberg"], SEPT_2023, Actor("Jens Stoltenberg", None, "IGO")),
        (["der", "Verteidigungsminister", "Israels"], date(2024, 12, 1), Actor("Israel Katz", "ISR", "MIL")),
        (["Gartenzwerge"], SEPT_2023, None),
    ],
)
def test_code_actor(words: list[str], on: date | None, expected: Actor | None) -> None:
    assert code_actor(words, on) == expected


@pytest.mark.parametrize(
    ("office", "country", "on", "name"),
    [
        ("head_of_state", "USA", date(2009, 1, 20), "Barack Obama"),  # the day of the handover
        ("head_of_state", "USA", date(2009, 1, 19), "George W. Bush"),
        ("head_of_government", "USA", date(2022, 1, 1), "Joe Biden"),  # presidential system
        ("head_of_government", "DEU", date(2022, 1, 1), "Olaf Scholz"),
        ("foreign_minister", "RUS", date(2015, 1, 1), "Sergey Lavrov"),
        ("nato_secretary_general", None, date(2020, 1, 1), "Jens Stoltenberg"),
        ("eu_commission_president", None, date(2020, 1, 1), "Ursula von der Leyen"),
        ("iaea_director_general", None, date(2023, 1, 1), "Rafael Grossi"),
    ],
)
def test_office_holder(office: str, country: str | None, on: date, name: str) -> None:
    holder = office_holder(office, country, on)
    assert holder is not None and holder.name == name


def test_no_office_holder_before_the_records_start() -> None:
    assert office_holder("defence_minister", "PRK", date(2001, 1, 1)) is None


@pytest.mark.parametrize(
    ("surname", "on", "name"),
    [
        ("Schoigu", None, "Sergei Shoigu"),
        ("Merkel", date(2010, 1, 1), "Angela Merkel"),
        ("Kim", date(2005, 1, 1), "Kim Jong-il"),
        ("Kim", date(2020, 1, 1), "Kim Jong-un"),
        ("Putins", date(2020, 1, 1), "Vladimir Putin"),
    ],
)
def test_person_by_surname(surname: str, on: date | None, name: str) -> None:
    person = person_by_surname(surname, on)
    assert person is not None and person.name == name


def test_an_ambiguous_surname_without_a_date_is_not_resolved() -> None:
    assert person_by_surname("Kim") is None


@pytest.mark.parametrize(
    ("form", "near", "name", "country"),
    [
        ("Moskau", set(), "Moscow", "RUS"),
        ("Moskaus", set(), "Moscow", "RUS"),
        ("Wladiwostok", set(), "Vladivostok", "RUS"),
        ("Pjöngjang", set(), "Pyongyang", "PRK"),
        ("Kairo", set(), "Cairo", "EGY"),
        ("Russland", set(), "Russia", "RUS"),
        ("Gelbes Meer", set(), "Yellow Sea", None),
        ("Kosmodrom Wostotschny", set(), "Vostochny Cosmodrome", "RUS"),
        ("Donbass", set(), "Donbas", "UKR"),
        ("Westjordanland", set(), "West Bank", "PSE"),
        ("Krim", set(), "Crimea", "UKR"),
        ("Berg-Karabach", set(), "Nagorno-Karabakh", "AZE"),
        ("Region Sagaing", set(), "Sagaing Region", "MMR"),
        ("Frankfurt", set(), "Frankfurt am Main", "DEU"),
        ("Paris", {"USA"}, "Paris", "USA"),  # context countries first
        ("Paris", set(), "Paris", "FRA"),  # else the largest
    ],
)
def test_best_place(form: str, near: set[str], name: str, country: str | None) -> None:
    place = best_place(form, near)
    assert place is not None and (place.name, place.country) == (name, country)


def test_place_lookup_lists_every_candidate() -> None:
    countries = {place.country for place in load_places().lookup("Paris")}
    assert {"FRA", "USA"} <= countries
    assert load_places().lookup("Gartenzwerghausen") == []


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["einige", "EU-Staaten"], Actor(None, None, "GOV")),
        (["die", "Ampel-Parteien"], Actor(None, "DEU", "GOV")),
        (["Wladiwostok"], Actor(None, "RUS", None)),
        (["dem", "Kosmodrom", "Wostotschny"], Actor(None, "RUS", None)),
        (["drei", "junge", "Männer"], Actor(None, None, "CVL")),
    ],
)
def test_code_actor_compounds_groups_and_places(words: list[str], expected: Actor) -> None:
    assert code_actor(words) == expected
