"""TIMEX3 rules added after the blind check11 set (news paragraphs of many desks): "an den Wochenenden", "auf den
Folgetag", a holiday's part of the day ("Neujahrsmorgen"), "ab Montag" in a present perfect, two close years before
a noun, a length in two units, a yearless season before the year an extension runs to, the quarter of a month just
named, a month after a winter that runs into the next year, and the weekdays of a programme ahead in the paragraph.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from tests.test_temporal_families import tagged


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        (
            "An den Wochenenden bleibt die Bibliothek zu.",
            "2024-03-06",
            [("den Wochenenden", "SET", "XXXX-WXX-WE")],
        ),
        (
            "Das Turnier ist am 12. Juni, bei Gewitter wird es auf den Folgetag verlegt.",
            "2024-05-02",
            [("12. Juni", "DATE", "2024-06-12"), ("den Folgetag", "DATE", "2024-06-13")],
        ),
        ("Am Neujahrsmorgen war es still im Dorf.", "2023-01-03", [("Neujahrsmorgen", "TIME", "2023-01-01TMO")]),
        ("Am Pfingstmontagabend brannte ein Stadel.", "2024-05-21", [("Pfingstmontagabend", "TIME", "2024-05-20TEV")]),
        ("In der Neujahrsnacht blieb es ruhig.", "2023-01-02", [("der Neujahrsnacht", "TIME", "2022-12-31TNI")]),
    ],
)
def test_sets_anaphoric_days_and_holiday_parts(text: str, anchor: str, expected: list) -> None:
    assert tagged(text, anchor) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Gemeinde hat ab Montag die Brücke gesperrt.", "2024-03-11"),  # a start the decision set
        ("Das Amt hat ab Donnerstag ein Badeverbot erlassen.", "2024-03-07"),
        ("Die Gemeinde sperrte ab Montag die Brücke.", "2024-03-04"),  # a preterite tells a start gone by
        ("Die Brücke ist seit Montag gesperrt.", "2024-03-04"),
        ("Die Gemeinde hat am Montag die Brücke gesperrt.", "2024-03-04"),
    ],
)
def test_ab_weekday_in_a_present_perfect_lies_ahead(text: str, expected: str) -> None:
    assert [value for _, _, value in tagged(text, "2024-03-06")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Kassier hatte zwischen 2016 und 2019 Spenden veruntreut.",
            [("2016", "DATE", "2016"), ("2019", "DATE", "2019")],
        ),
        ("Zwischen 1500 und 2000 Besucher werden erwartet.", []),  # round bounds of a count
        ("Die Alm liegt zwischen 1800 und 1900 Metern hoch.", []),
    ],
)
def test_two_close_years_before_a_noun(text: str, expected: list) -> None:
    assert tagged(text, "2024-03-06") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Der Richter verhängte zwei Jahre und sechs Monate Haft.",
            [("zwei Jahre und sechs Monate", "DURATION", "P2Y6M")],
        ),
        ("Die Debatte dauerte drei Stunden und 20 Minuten.", [("drei Stunden und 20 Minuten", "DURATION", "PT3H20M")]),
        ("Der Flug dauerte einen Tag und sechs Stunden.", [("einen Tag und sechs Stunden", "DURATION", "P1DT6H")]),
        # a smaller unit first: two lengths; "zwischen": two bounds
        (
            "Sie blieb vier Tage und zwei Wochen.",
            [("vier Tage", "DURATION", "P4D"), ("zwei Wochen", "DURATION", "P2W")],
        ),
        (
            "Die Strafe liegt zwischen zwei Jahren und sechs Monaten.",
            [("zwei Jahren", "DURATION", "P2Y"), ("sechs Monaten", "DURATION", "P6M")],
        ),
    ],
)
def test_a_length_in_two_units(text: str, expected: list) -> None:
    assert tagged(text, "2024-03-06") == expected


def test_a_yearless_season_before_the_year_an_extension_runs_to() -> None:
    found = tagged("Sein Vertrag wurde im Herbst bis 2031 verlängert.", "2025-12-01")
    assert found == [("Herbst", "DATE", "2025-FA"), ("2031", "DATE", "2031")]


def test_the_quarter_of_the_months_just_named() -> None:
    text = "Von April bis Juni stieg der Absatz. Im Vorjahresquartal war er gefallen."
    assert tagged(text, "2023-08-10")[-1] == ("Vorjahresquartal", "DATE", "2022-Q2")


def test_a_month_after_a_winter_that_runs_into_the_next_year() -> None:
    found = tagged("Im Winter 2021/22 hatte der Frost erst Mitte Februar eingesetzt.", "2024-01-10")
    assert found == [("Winter 2021/22", "DATE", "2021-WI"), ("Mitte Februar", "DATE", "2022-02")]


def test_weekdays_of_a_programme_ahead_named_earlier_in_the_paragraph() -> None:
    text = (
        "Der Musikverein feiert vom 7. bis 9. Juni sein Jubiläum. Gegründet wurde er 1904 von zwölf Bläsern. "
        "Am Freitag spielt eine Blaskapelle, am Sonntag folgt der Umzug."
    )
    found = tagged(text, "2024-04-10")
    assert ("Freitag", "DATE", "2024-06-07") in found
    assert ("Sonntag", "DATE", "2024-06-09") in found


def test_a_stretch_gone_by_does_not_reach_past_the_next_sentence() -> None:
    text = (
        "Zwischen Gründonnerstag und Ostermontag zählte die Polizei fünf Unfälle. Der Stau war lang. "
        "Die Ferien enden am Samstag."
    )
    assert tagged(text, "2024-04-03")[-1] == ("Samstag", "DATE", "2024-04-06")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wer heute durch das Viertel spaziert, sieht nur neue Häuser.", "PRESENT_REF"),
        ("Wer die Burg heute besucht, findet ein Museum.", "PRESENT_REF"),
        ("Der Minister fragte, wer heute abstimmt.", "2021-05-05"),  # an indirect question
        ("Wer heute gewählt hatte, ging früh nach Hause.", "2021-05-05"),  # not a present clause
    ],
)
def test_today_in_a_clause_of_the_generic_wer_is_the_present_age(text: str, expected: str) -> None:
    assert next(value for span, _, value in tagged(text, "2021-05-05") if span == "heute") == expected


def test_a_past_clause_goes_on_telling_a_full_date_of_its_paragraph() -> None:
    text = (
        "Am 3. Oktober 1990 wurde die Einheit gefeiert. Wer heute nach Berlin kommt, spürt davon wenig. "
        "Um 0 Uhr läuteten die Glocken."
    )
    assert tagged(text, "2020-10-02")[-1] == ("0 Uhr", "TIME", "1990-10-03T00:00")


def test_a_present_clause_keeps_the_clock_times_of_the_anchor() -> None:
    text = "Am 3. Oktober 1990 wurde die Einheit gefeiert. Die Stadt erinnert daran. Das Konzert beginnt um 19 Uhr."
    assert tagged(text, "2020-10-02")[-1] == ("19 Uhr", "TIME", "2020-10-02T19:00")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Markt war am 4. März 2022. Am folgenden Wochenende kam Schnee.", ("folgenden Wochenende", "2022-W09-WE")),
        ("Am Samstag, 5. März 2022, schneite es. Am Wochenende darauf taute es.", ("Wochenende darauf", "2022-W10-WE")),
    ],
)
def test_the_weekend_after_the_day_last_named(text: str, expected: tuple) -> None:
    span, _, value = tagged(text, "2024-01-10")[-1]
    assert (span, value) == expected


def test_the_whole_year_of_a_business_report() -> None:
    assert tagged("Für das Gesamtjahr erwartet die Bank weniger Gewinn.", "2023-10-26") == [
        ("das Gesamtjahr", "DATE", "2023")
    ]
