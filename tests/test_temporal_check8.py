"""TIMEX3 rules added after the blind check8 set: "ab" in a present clause, years that date only their own
clause (a relative clause, "für 2025"), the period of the year before ("Vorjahresquartal"), a finite verb
before "hat" that is no participle, "dem Jahr 1997" as a span, stages of a decade, ranks after a year,
the comparative "früher", a verbless headline's weekday, adjectives inside a duration, and finite verbs
after a time that are no attributes of it.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from tests.test_temporal_families import tagged


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Die Müllgebühr steigt ab Januar um acht Prozent.", "2024-04-10", "2025-01"),
        ("Ab Montag gilt auf der Brücke Tempo 30.", "2024-04-10", "2024-04-15"),
        ("Ab Januar stiegen die Mieten deutlich.", "2024-04-10", "2024-01"),  # a past clause looks back
        ("Der Zuschlag gilt rückwirkend ab dem 1. Februar.", "2024-04-10", "2024-02-01"),
    ],
)
def test_a_start_in_a_present_clause_lies_ahead(text: str, anchor: str, expected: str) -> None:
    assert [value for _, _, value in tagged(text, anchor)][-1] == expected


def test_a_year_in_a_relative_clause_dates_only_that_clause() -> None:
    assert tagged("Der Chor, der 1962 gegründet wurde, singt im Dezember in der Stadtkirche.", "2023-06-14") == [
        ("1962", "DATE", "1962"),
        ("Dezember", "DATE", "2023-12"),
    ]
    assert tagged("Der Chor, der 1962 im Dezember gegründet wurde, singt heute.", "2023-06-14")[1] == (
        "Dezember",
        "DATE",
        "1962-12",
    )


def test_a_year_something_is_for_dates_no_other_time() -> None:
    assert tagged("Die Anmeldung für 2025 beginnt am 3. November.", "2024-06-20") == [
        ("2025", "DATE", "2025"),
        ("3. November", "DATE", "2024-11-03"),
    ]
    # after a verb or opening the clause, the year is the clause's
    assert tagged("Die Reederei rechnet für 2025 im zweiten Halbjahr mit mehr Gästen.", "2024-06-20")[1] == (
        "zweiten Halbjahr",
        "DATE",
        "2025-H2",
    )


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Im zweiten Quartal verkaufte die Molkerei mehr Käse als im Vorjahresquartal.", "2024-08-05", "2023-Q2"),
        ("Im Juli stieg die Zahl der Gäste gegenüber dem Vorjahresmonat um ein Zehntel.", "2024-09-02", "2023-07"),
        ("Im ersten Halbjahr sank der Absatz gegenüber dem Vorjahreszeitraum.", "2024-08-05", "2023-H1"),
        ("Der Umsatz lag über dem Vorjahresquartal.", "2024-08-05", "2023-Q3"),  # none named: the anchor's
    ],
)
def test_the_period_of_the_year_before_is_the_one_just_named(text: str, anchor: str, expected: str) -> None:
    assert tagged(text, anchor)[-1][2] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die neue Direktorin beginnt am 1. Oktober und hat schon Pläne.", ("1. Oktober", "DATE", "2024-10-01")),
        ("Die Gemeinde hat am 1. Juli die Gebühren erhöht.", ("1. Juli", "DATE", "2024-07-01")),
    ],
)
def test_a_finite_verb_before_hat_is_no_participle(text: str, expected: tuple[str, str, str]) -> None:
    assert tagged(text, "2024-08-20") == [expected]


def test_the_noun_year_and_its_article_are_in_the_span() -> None:
    assert tagged("Die Orgel aus dem Jahr 1743 wird restauriert.", "2024-03-01") == [("dem Jahr 1743", "DATE", "1743")]
    assert tagged("Der Ausbau zieht sich bis ins Jahr 2031.", "2024-03-01") == [("Jahr 2031", "DATE", "2031")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Mode der späten 1970er-Jahre kehrt zurück.", ("der späten 1970er-Jahre", "DATE", "197")),
        ("In den frühen Neunzigern eröffnete der Club.", ("den frühen Neunzigern", "DATE", "199")),
    ],
)
def test_stages_of_a_decade(text: str, expected: tuple[str, str, str]) -> None:
    assert tagged(text, "2024-03-01") == [expected]


def test_a_rank_after_a_year_is_dated_not_counted() -> None:
    assert tagged("Die Läuferin wurde 2019 Dritte bei der Meisterschaft.", "2024-03-01") == [("2019", "DATE", "2019")]
    assert tagged("Es gab 1800 Helfer und 1500 Erste-Hilfe-Einsätze.", "2024-03-01") == []


def test_frueher_as_a_comparative_is_no_vague_past() -> None:
    assert tagged("Die Bäder sollen im Winter früher schließen.", "2024-03-01") == [("Winter", "DATE", "2024-WI")]
    assert tagged("Früher fuhr hier eine Straßenbahn.", "2024-03-01") == [("Früher", "DATE", "PAST_REF")]


def test_a_verbless_headline_takes_the_weekday_of_the_lead() -> None:
    text = "Stadtfest am Sonntag\n\nDas Stadtfest beginnt am Sonntag, 9. Juni, mit einem Umzug."
    assert tagged(text, "2024-06-04")[0] == ("Sonntag", "DATE", "2024-06-09")
    text = "Brand am Sonntag\n\nAm Sonntag ist eine Scheune abgebrannt."
    assert tagged(text, "2024-06-04")[0] == ("Sonntag", "DATE", "2024-06-02")


def test_an_adjective_inside_a_duration_and_a_verb_after_one() -> None:
    assert tagged("Die Mieter sprachen von vier harten Jahren.", "2024-03-01") == [
        ("vier harten Jahren", "DURATION", "P4Y")
    ]
    assert tagged("Wegen der Regenfälle der vergangenen Wochen mussten Bauern ernten.", "2024-03-01") == [
        ("der vergangenen Wochen", "DURATION", "PXW")
    ]
